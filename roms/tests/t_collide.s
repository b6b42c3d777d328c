; Collisions: objects overlap in the top 96 lines; the bottom shows the
; eight collision registers read in the vertical blank (bits 7 and 6 as
; PF2 blocks), one band of 12 lines each.
.include "frame.inc"

.segment "ZEROPAGE"
cx:     .res 8

.segment "CODE"
Init:   rts
Overscan: rts
VBlank:
        ldx #7
:       lda $00,x               ; CXM0P..CXPPMM
        sta cx,x
        dex
        bpl :-
        sta CXCLR
        lda #$1C
        sta COLUP0
        lda #$86
        sta COLUP1
        lda #$C8
        sta COLUPF
        lda #$00
        sta COLUBK
        sta WSYNC
        SLEEP 30
        sta RESP0
        sta RESM1               ; missile 1 on player 0
        sta RESP1               ; player 1 beside player 0 (overlap through NUSIZ)
        sta RESBL
        lda #$05
        sta NUSIZ0              ; double width player 0
        lda #$10
        sta NUSIZ1
        rts

Kernel:
        lda #$FF
        sta GRP0
        lda #$3C
        sta GRP1
        lda #2
        sta ENAM0
        sta ENAM1
        LINES 32
        lda #$80
        sta PF2                 ; playfield meets the ball and missile 0
        lda #2
        sta ENABL
        LINES 32
        lda #0
        sta GRP1
        sta ENAM1
        LINES 32
        lda #0
        sta GRP0
        sta ENAM0
        sta ENABL
        sta PF2
        ldx #0
:       sta WSYNC
        lda cx,x
        sta PF2
        lda #$1E
        sta COLUPF
        .repeat 10
        sta WSYNC
        .endrep
        lda #0
        sta PF2
        sta WSYNC
        inx
        cpx #8
        bne :-
        rts

.segment "VECTORS"
        .word Reset, Reset, Reset
