; fdx free Apple II character generator (4 KiB).
;
; Two sets of 256 screen codes x 8 rows, one byte per row, bit 6 = the
; left dot of the 7-dot cell, 1 = lit. The renderer takes rows as they are,
; so inverse codes are stored inverted; the primary set's flashing codes
; ($40-$7F) are stored normal and the renderer inverts them on the flash
; phase. Set 1 is the IIe alternate set (ALTCHAR): inverse upper case,
; MouseText-like blocks at $40-$5F, inverse lower case, no flashing.
; The glyphs are in font_*.inc (written by mkfont.py from its drawings).

.setcpu "6502"

INV .set $00
.macro G r0, r1, r2, r3, r4, r5, r6, r7
        .byte (r0) ^ INV, (r1) ^ INV, (r2) ^ INV, (r3) ^ INV
        .byte (r4) ^ INV, (r5) ^ INV, (r6) ^ INV, (r7) ^ INV
.endmacro

.segment "CHARGEN"

; ---- set 0: II+ / IIe primary set
INV .set $7F                    ; $00-$3F inverse
.include "font_up.inc"
.include "font_sym.inc"
INV .set $00                    ; $40-$7F flashing (stored normal)
.include "font_up.inc"
.include "font_sym.inc"
.include "font_up.inc"          ; $80-$FF normal
.include "font_sym.inc"
.include "font_up.inc"
.include "font_low.inc"

; ---- set 1: IIe alternate set
INV .set $7F
.include "font_up.inc"          ; $00-$3F inverse
.include "font_sym.inc"
INV .set $00
.repeat 32, I                   ; $40-$5F: block graphics standing in for MouseText
        .byte (I & 1) * $70, (I & 2) * $38, (I & 4) * $1C, (I & 8) * $0E
        .byte (I & 16) * $07, (I & 1) * $70, (I & 2) * $38, $00
.endrepeat
INV .set $7F
.include "font_low.inc"         ; $60-$7F inverse lower case
INV .set $00
.include "font_up.inc"          ; $80-$FF normal
.include "font_sym.inc"
.include "font_up.inc"
.include "font_low.inc"
