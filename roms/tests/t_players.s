; Players: NUSIZ 0..7 (copies and stretching), reflection, missiles of every
; size beside them; 8 bands of 24 lines.
.include "frame.inc"

Init:   rts
Overscan: rts
VBlank:
        lda #$1C
        sta COLUP0
        lda #$86
        sta COLUP1
        lda #$00
        sta COLUBK
        lda #%11100101
        sta GRP0
        lda #%10110001
        sta GRP1
        lda #2
        sta ENAM0
        sta ENAM1
        sta WSYNC
        SLEEP 24
        sta RESP0
        SLEEP 10
        sta RESM0
        sta WSYNC
        SLEEP 45
        sta RESP1
        SLEEP 3
        sta RESM1
        rts

Kernel:
        .repeat 8, b
        sta WSYNC
        lda #(b | ((b & 3) << 4))
        sta NUSIZ0
        lda #((7 - b) | (((b + 1) & 3) << 4))
        sta NUSIZ1
        lda #((b & 1) << 3)
        sta REFP0
        lda #(((b + 1) & 1) << 3)
        sta REFP1
        LINES 23
        .endrep
        rts

.segment "VECTORS"
        .word Reset, Reset, Reset
