; Playfield: normal, reflected, score mode, priority over a player, and a
; staircase of PF1 writes one cycle apart (when a write shows on screen).
.include "frame.inc"

Init:   rts
Overscan: rts
VBlank:
        lda #$46
        sta COLUPF
        lda #$1C
        sta COLUP0
        lda #$86
        sta COLUP1
        lda #$02
        sta COLUBK
        lda #7                  ; quad-width player 0 for the priority bands
        sta NUSIZ0
        sta WSYNC
        SLEEP 40
        sta RESP0
        rts

.macro BAND ctrl, grp, n
        sta WSYNC
        lda #ctrl
        sta CTRLPF
        lda #grp
        sta GRP0
        lda #$A0
        sta PF0
        lda #$C3
        sta PF1
        lda #$5A
        sta PF2
        LINES n - 1
.endmacro

Kernel:
        BAND $00, $00, 24
        BAND $01, $00, 24
        BAND $02, $00, 24
        BAND $04, $FF, 24
        BAND $00, $FF, 24
        BAND $06, $FF, 24       ; score mode and priority together
        ; 48 lines: PF1 written at cycle 16 + line (write cycle = 18 + line)
        lda #0
        sta GRP0
        sta CTRLPF
        sta PF0
        sta PF2
        .repeat 47, i
        sta WSYNC
        lda #$00
        sta PF1
        SLEEP 14 + i
        lda #$FF
        sta PF1
        .endrep
        sta WSYNC
        lda #0
        sta PF1
        rts

.segment "VECTORS"
        .word Reset, Reset, Reset
