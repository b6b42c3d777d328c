; Decimal mode: ADC and SBC on valid BCD, for the C side (decimal.c).
; Both return (carry out << 8) | result.
        .export _bcd_add, _bcd_sub
        .importzp sp
        .import popa

; unsigned char a, unsigned char b: bcd_add(a, b) = carry:sum (C clear in)
_bcd_add:
        sta tmp
        jsr popa
        sed
        clc
        adc tmp
        cld
        ldx #0
        bcc :+
        inx
:       rts

; bcd_sub(a, b) = borrow-free flag:difference (C set in)
_bcd_sub:
        sta tmp
        jsr popa
        sed
        sec
        sbc tmp
        cld
        ldx #0
        bcc :+
        inx
:       rts

        .bss
tmp:    .res 1
