; Shifts and rotates abs,X with and without a page crossing, and INC/DEC
; abs,X, in a loop; prints nothing, exits with a sum of the results. For
; the cycle count: the WDC 65C02 takes 6 cycles for ASL/LSR/ROL/ROR abs,X
; when no page is crossed, 7 when one is (the NMOS 6502 always 7). The
; memory starts as sim65 leaves it ($FF). No ROL abs,X: sim65 2.19 gets it
; wrong (it leaves memory alone and counts 12 cycles).
        .export _main
BUF     = $7E00
_main:  ldy #20
loop:   ldx #$10
        asl BUF,x               ; no crossing
        lsr BUF,x
        ror BUF,x
        inc BUF,x
        dec BUF,x
        inc BUF,x
        ldx #$F8
        asl BUF+$10,x           ; crosses into $7F
        lsr BUF+$10,x
        ror BUF+$10,x
        inc BUF+$10,x
        dey
        bne loop
        lda BUF+$10
        clc
        adc BUF+$108
        ldx #0
        rts
