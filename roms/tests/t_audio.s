; Audio: every 16 frames the next AUDC mode on both channels (channel 1
; runs the modes backwards), fixed frequencies and volumes; the playfield
; shows the mode.
.include "frame.inc"

.segment "ZEROPAGE"
frame:  .res 1

.segment "CODE"
Init:   rts
VBlank:
        lda frame
        lsr
        lsr
        lsr
        lsr
        sta AUDC0
        sta PF1
        eor #$0F
        sta AUDC1
        lda #7
        sta AUDF0
        lda #3
        sta AUDF1
        lda #15
        sta AUDV0
        lda #8
        sta AUDV1
        lda #$C8
        sta COLUPF
        rts
Overscan:
        inc frame
        rts

Kernel:
        LINES 192
        rts

.segment "VECTORS"
        .word Reset, Reset, Reset
