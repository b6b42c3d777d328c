; M-Network E7: bands 0..6 map 2K slice k at $1000 and show its colour
; byte; band 7 maps the 1K RAM there. Every band also shows, as playfield
; colour, a byte written to and read back from the 1K RAM (band 7) or one
; of the four 256-byte RAM banks (bands 0..6).
.include "frame.inc"

.segment "CODE"
Init:   rts
Overscan: rts
VBlank:
        lda $1FE7               ; 1K RAM at $1000 (write) / $1400 (read)
        ldx #7
:       txa
        asl
        asl
        asl
        asl
        ora #$08
        sta $F000,x
        dex
        bpl :-
        ldy #3                  ; each 256-byte bank gets its own colours
@rb:    lda $1FE8,y
        ldx #7
:       tya
        asl
        asl
        asl
        asl
        asl
        ora #$0C
        sta $F800,x             ; write port $1800
        dex
        bpl :-
        dey
        bpl @rb
        lda #$FF
        sta PF1
        rts

Kernel:
        ldx #0
@band:  sta WSYNC
        cpx #7
        beq @ram
        lda $1FE0,x
        lda $F000
        sta COLUBK
        txa
        and #3
        tay
        lda $1FE8,y
        lda $F900,x             ; read port $1900
        sta COLUPF
        jmp @next
@ram:   lda $1FE7
        lda $F407               ; RAM read port
        sta COLUBK
        sta COLUPF
@next:  LINES 23
        inx
        cpx #8
        bne @band
        lda #0
        sta COLUBK
        rts

.segment "VECTORS"
        .word Reset, Reset, Reset
