; c02.s: 65C02 instructions (STZ, BRA, PHX/PLX, INC A) in nested calls.
        .setcpu "65C02"
        .zeropage
count:  .res 1
buf:    .res 4
        .code
start:  ldx #$FF
        txs
        stz count
        ldx #0
fill:   jsr outer
        inx
        cpx #4
        bne fill
done:   bra done

outer:  phx
        jsr inner
        plx
        sta buf,x
        rts
inner:  inc count
        lda count
        inc a
        asl a
        rts
