; RESP0, RESM0, RESBL and RESP1 strobed at cycles 6+r and 9+r for r = 0..63 of a
; line: 64 rows of 3 lines, each row one cycle later.
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
        lda #$F0
        sta GRP0
        lda #$0F
        sta GRP1
        lda #2
        sta ENAM0
        sta ENABL
        lda #$20
        sta NUSIZ0              ; missile 0 four clocks wide
        lda #$30
        sta CTRLPF              ; ball eight clocks wide
        rts

Kernel:
        .repeat 64, r
        sta WSYNC
        SLEEP 4 + r
        .if r & 1
        sta RESP0
        sta RESM0
        .else
        sta RESBL
        sta RESP1
        .endif
        sta WSYNC
        sta WSYNC
        .endrep
        rts

.segment "VECTORS"
        .word Reset, Reset, Reset
