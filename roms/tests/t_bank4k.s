; Bank switching with 4K banks (F8, F6, F4, FA, UA, 0840, and the SuperChip
; variants): every bank holds this same code and its own colour; band k of
; the picture switches to bank k mod BANKS and shows that bank's colour.
; With RAM (SC, FA) each band also shows a colour written to and read back
; from the cartridge RAM. Assembled once per bank with -D BANK=k.
.include "frame.inc"

.ifndef RAMW
RAMW = 0
.endif

.segment "CODE"
Init:
.if SCHEME = 2
        lda $0240               ; (also what the detector looks for)
.elseif SCHEME = 3
        lda $0800
.endif
        rts
Overscan: rts
VBlank:
.if RAMW
        ldx #7
:       txa
        asl
        asl
        asl
        asl
        ora #$0A
        sta RAMW,x              ; cartridge RAM write port
        dex
        bpl :-
.endif
        lda #$FF
        sta PF1
        lda #0
        sta COLUPF
        rts

Kernel:
        ldx #0
@band:  sta WSYNC
        txa
        and #(BANKS - 1)
        tay
.if SCHEME = 1                  ; hotspots in a row at HOT
        lda HOT,y
.elseif SCHEME = 2              ; UA: $0220 / $0240
        lda UaHot,y
        tay
        lda $0200,y
.else                           ; 0840: $0800 / $0840
        lda EconoHot,y
        tay
        lda $0800,y
.endif
        lda BankColor
        sta COLUBK
.if RAMW
        lda RAMR,x              ; read port
        sta COLUPF
.endif
        LINES 23
        inx
        cpx #8
        bne @band
        lda #0
        sta COLUBK
        rts

UaHot:    .byte $20, $40
EconoHot: .byte $00, $40
BankColor: .byte (BANK * $20 + $16) & $FF

.segment "VECTORS"
        .word Reset, Reset, Reset
