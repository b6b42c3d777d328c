; Audio modes one at a time: channel 0 only, AUDF0 = 3, AUDV0 = 15; every
; 64 frames the next AUDC0 value (0..15, then again).
.include "frame.inc"

.segment "ZEROPAGE"
frame:  .res 2
tmp:    .res 1

.segment "CODE"
Init:   rts
VBlank:
        lda frame+1
        asl
        asl
        sta tmp
        lda frame
        rol
        rol
        rol
        and #3
        ora tmp
        and #15
        sta AUDC0
        sta PF1
        lda #3
        sta AUDF0
        lda #15
        sta AUDV0
        lda #0
        sta AUDV1
        lda #$C8
        sta COLUPF
        rts
Overscan:
        inc frame
        bne :+
        inc frame+1
:       rts

Kernel:
        LINES 192
        rts

.segment "VECTORS"
        .word Reset, Reset, Reset
