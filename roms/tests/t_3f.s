; Tigervision 3F: 2K banks chosen by writing the number to $3F; the last
; bank (fixed at $1800) has the code; band k shows bank k's colour byte.
.include "frame.inc"

.segment "CODE"
Init:   lda #0
        sta $3F                 ; bank 0 (twice: what the detector looks for)
        sta $3F
        rts
Overscan: rts
VBlank: rts

Kernel:
        ldx #0
@band:  sta WSYNC
        stx $3F
        lda $F000
        sta COLUBK
        LINES 23
        inx
        cpx #8
        bne @band
        lda #0
        sta COLUBK
        rts

.segment "VECTORS"
        .word Reset, Reset, Reset
