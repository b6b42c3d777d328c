; Ball sizes, vertical delay of both players and the ball: 8 bands.
.include "frame.inc"

Init:   rts
Overscan: rts
VBlank:
        lda #$1C
        sta COLUP0
        lda #$86
        sta COLUP1
        lda #$C8
        sta COLUPF
        lda #$00
        sta COLUBK
        sta WSYNC
        SLEEP 26
        sta RESBL
        SLEEP 6
        sta RESP0
        SLEEP 6
        sta RESP1
        rts

Kernel:
        ; four ball sizes, 16 lines each, ball on every other line pair
        .repeat 4, b
        sta WSYNC
        lda #(b << 4)
        sta CTRLPF
        .repeat 8, l
        lda #((l & 1) << 1)
        sta ENABL
        sta WSYNC
        sta WSYNC
        .endrep
        .endrep
        ; VDELP0/VDELP1/VDELBL: graphics written in alternation, 32 lines each
        .repeat 4, v
        sta WSYNC
        lda #(v & 1)
        sta VDELP0
        lda #((v >> 1) & 1)
        sta VDELP1
        lda #(v & 1)
        sta VDELBL
        .repeat 15, l
        sta WSYNC
        lda #(l * 17)
        sta GRP0
        lda #((l & 1) << 1)
        sta ENABL
        sta WSYNC
        lda #(255 - l * 16)
        sta GRP1
        .endrep
        .endrep
        lda #0
        sta GRP0
        sta GRP1
        sta ENABL
        rts

.segment "VECTORS"
        .word Reset, Reset, Reset
