; Parker Brothers E0: 8 slices of 1K; slice 7 (fixed at $1C00) has the
; code. Band k maps slice k into window 0, slice k+1 into window 1 and
; slice k+2 into window 2, and shows each slice's colour byte (background,
; playfield, player 0).
.include "frame.inc"

.segment "CODE"
Init:   lda $1FE0               ; slice 0 in window 0 (and the detector's signature)
        rts
Overscan: rts
VBlank:
        lda #$FF
        sta PF1
        sta GRP0
        sta WSYNC
        SLEEP 40
        sta RESP0
        lda #5
        sta NUSIZ0
        rts

Kernel:
        ldx #0
@band:  sta WSYNC
        lda $1FE0,x             ; window 0 <- slice k
        lda $F000
        sta COLUBK
        txa
        clc
        adc #1
        and #7
        tay
        lda $1FE8,y             ; window 1 <- slice k+1
        lda $F400
        sta COLUPF
        txa
        clc
        adc #2
        and #7
        tay
        lda $1FF0,y             ; window 2 <- slice k+2
        lda $F800
        sta COLUP0
        LINES 23
        inx
        cpx #8
        bne @band
        lda #0
        sta COLUBK
        sta GRP0
        rts

.segment "VECTORS"
        .word Reset, Reset, Reset
