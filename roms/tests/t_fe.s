; Activision FE: bank 0 at $F000 (the code), bank 1 at $D000. JSR into
; $Dxxx switches to bank 1, RTS back to $Fxxx switches to bank 0. Odd bands
; take their colour from a subroutine in bank 1, even ones from bank 0.
.include "frame.inc"

.segment "CODE"
Init:   rts
Overscan: rts
VBlank: rts

Kernel:
        ldx #0
@band:  sta WSYNC
        txa
        lsr
        bcs @odd
        jsr ColourF
        sta COLUBK
        jmp @lines
@odd:   jsr $D000               ; bank 1's routine
        dec $C5                 ; (spare RAM; with the JSR the detector's signature)
        sta COLUBK
@lines:
        LINES 23
        inx
        cpx #8
        bne @band
        lda #0
        sta COLUBK
        rts

ColourF:
        txa
        asl
        asl
        asl
        asl
        ora #$06
        rts

.segment "VECTORS"
        .word Reset, Reset, Reset
