; HMOVE strobed at every cycle at cycles 2..72 (write cycle) of a line (with all five motion
; registers set), after re-placing the objects on the line before: 48 rows
; of 4 lines, showing the moved objects and the HMOVE blank.
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
        lda #$04
        sta COLUBK
        lda #$81
        sta GRP0
        lda #$C3
        sta GRP1
        lda #2
        sta ENAM0
        sta ENAM1
        sta ENABL
        lda #$70
        sta HMP0
        lda #$90
        sta HMP1
        lda #$30
        sta HMM0
        lda #$F0
        sta HMM1
        lda #$80
        sta HMBL
        rts

Kernel:
        .repeat 48, r
        sta WSYNC
        SLEEP 20
        sta RESP0
        sta RESP1
        sta RESM0
        sta RESM1
        sta RESBL
        sta WSYNC
        .if (r * 3) / 2 = 1
        SLEEP 2
        .else
        SLEEP (r * 3) / 2
        .endif
        sta HMOVE
        sta WSYNC
        sta WSYNC
        .endrep
        rts

.segment "VECTORS"
        .word Reset, Reset, Reset
