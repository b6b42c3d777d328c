; Activision FE: bank 0 at $F000 (the code), bank 1 at $D000. The cartridge
; watches the stack: after an access to $01FE, bit 5 of the next byte on
; the bus picks the bank ($Fxxx: 0, $Dxxx: 1), so a JSR or RTS made with
; S = $FF switches banks. Odd bands take their colour from a routine in
; bank 1, even ones from bank 0. (Self-contained: the stack must stay at
; $FF around the switching JSRs.)
.include "frame.inc"            ; for SLEEP/LINES; its Reset is not used

.segment "ZEROPAGE"
band:   .res 1

.segment "CODE"
Init:
VBlank:
Overscan:
Kernel: rts

ResetFE:
        sei
        cld
        ldx #0
        txa
@clear: sta $00,x
        inx
        bne @clear
        dex
        txs                     ; S = $FF: JSRs push to $01FF/$01FE
Frame:
        lda #2
        sta WSYNC
        sta VBLANK
        sta VSYNC
        sta WSYNC
        sta WSYNC
        lda #43
        sta WSYNC
        sta TIM64T
        lda #0
        sta VSYNC
@vb:    lda INTIM
        bne @vb
        sta WSYNC
        lda #0
        sta VBLANK
        sta band
@band:  sta WSYNC
        lda band
        lsr
        bcs @odd
        jsr ColourF
        sta COLUBK
        jmp @lines
@odd:   ldx band
        jsr $D000               ; bank 1's routine
        dec $C5                 ; (spare RAM; with the JSR the detector's signature)
        sta COLUBK
@lines: LINES 23
        inc band
        lda band
        cmp #8
        bne @band
        sta WSYNC
        lda #0
        sta COLUBK
        lda #2
        sta VBLANK
        lda #35
        sta TIM64T
@os:    lda INTIM
        bne @os
        jmp Frame

ColourF:
        lda band
        asl
        asl
        asl
        asl
        ora #$06
        rts

; The reset's own stack accesses touch $01FE, so the vector's first byte
; already picks the bank: $E0 (D5 set) keeps bank 0, in both banks.
.segment "STUB"
        jmp ResetFE

.segment "VECTORS"
        .word $FFE0, $FFE0, $FFE0
