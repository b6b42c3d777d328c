; Colours: line k of the first 128 shows background colour 2k, so the 128
; colours of the palette appear in order (used to learn other emulators'
; palettes, and to check ours).
.include "frame.inc"

Init:   rts
Overscan: rts
VBlank: rts

Kernel:
        ldx #0
@line:  sta WSYNC
        txa
        asl
        sta COLUBK
        inx
        cpx #128
        bne @line
        sta WSYNC
        lda #0
        sta COLUBK
        LINES 63
        rts

.segment "VECTORS"
        .word Reset, Reset, Reset
