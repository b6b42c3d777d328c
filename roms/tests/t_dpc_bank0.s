; DPC test carts: bank 0 holds only the start-up stub, so the carts start
; whichever bank an emulator selects at power-on (t_dpc.s is bank 1).
.segment "STUB"
Start:  lda $1FF9               ; to bank 1, which continues after this
        jmp Start               ; (not reached)

.segment "VECTORS"
        .word Start, Start, Start
