; The NMOS 6502's undocumented opcodes, for sim6502 (cl65 -t sim6502).
; Each test runs one undocumented instruction from a known state and
; captures A X Y P S and two memory bytes, then does the same work with
; documented instructions and compares (the mask says what the reference
; computes). One line per test: the captured values and ok/FAIL; the exit
; code is the number of failures. The values are checked by
; undoc.expected too (ARR's flags, which no reference here computes).
; Unstable ones are run where they are stable: ANE/LXA with A=$FF (the
; "magic" constant drops out), SHA/SHX/SHY/TAS without a page crossing.
        .setcpu "6502X"
        .export _main
        .import pushax, _write

BM      = $7E10                 ; a free RAM byte (not the C stack or heap)
BMB     = BM - 5                ; base of the abs,X / abs,Y tests (Y or X = 5)
HM      = >BMB + 1              ; the H+1 that SHA/SHX/SHY/TAS AND in

M_A     = $01                   ; mask bits: what the reference computes
M_X     = $02
M_Y     = $04
M_P     = $08
M_S     = $10
M_Z     = $20
M_B     = $40
M_ALL   = $7F

        .zeropage
zm:     .res 1                  ; the zero-page operand
zptr:   .res 2                  ; pointer for (zp),Y

        .bss
r1:     .res 7                  ; A X Y P S zm BM after the undocumented op
r2:     .res 7                  ; ... after the reference
s0:     .res 1                  ; S on entry to a test
sa:     .res 1
sx:     .res 1
sp_:    .res 1
fails:  .res 1
mask:   .res 1
line:   .res 64
len:    .res 1

; Sets zm, BM, X, Y, then P and A exactly (PLP comes last).
.macro SETUP av, xv, yv, zv, bv, pv
        tsx
        stx s0
        lda #zv
        sta zm
        lda #bv
        sta BM
        ldx #xv
        ldy #yv
        lda #pv
        pha
        lda #av
        plp
.endmacro

; Captures A X Y P S zm BM into dst, then puts S back.
.macro CAP dst
        php
        sta dst
        stx dst+1
        sty dst+2
        pla
        sta dst+3
        tsx
        stx dst+4
        lda zm
        sta dst+5
        lda BM
        sta dst+6
        ldx s0
        txs
.endmacro

; Ends a test: prints its line and counts a failure.
.macro REPORT name, m
        .local str, skip
        jmp skip
str:    .byte name, 0
skip:   lda #m
        sta mask
        lda #<str
        ldx #>str
        jsr report
.endmacro

        .code
_main:  lda #0
        sta fails

; ---- stable read-modify-write and load/store combinations
        SETUP $00, $11, $22, $80, $00, $24
        .byte $A7, zm           ; LAX zp
        CAP r1
        SETUP $00, $11, $22, $80, $00, $24
        lda zm
        tax
        CAP r2
        REPORT "LAX zp", M_ALL

        SETUP $F0, $3C, $00, $55, $00, $A7
        .byte $87, zm           ; SAX zp: no flags
        CAP r1
        SETUP $F0, $3C, $00, $55, $00, $A7
        php
        pha
        stx sx
        and sx
        sta zm
        pla
        plp
        CAP r2
        REPORT "SAX zp", M_ALL

        SETUP $40, $00, $00, $41, $00, $24
        .byte $C7, zm           ; DCP zp: DEC then CMP
        CAP r1
        SETUP $40, $00, $00, $41, $00, $24
        dec zm
        cmp zm
        CAP r2
        REPORT "DCP zp", M_ALL

        SETUP $10, $00, $00, $FF, $00, $25
        .byte $E7, zm           ; ISC zp: INC then SBC
        CAP r1
        SETUP $10, $00, $00, $FF, $00, $25
        inc zm
        sbc zm
        CAP r2
        REPORT "ISC zp", M_ALL

        SETUP $01, $00, $00, $C1, $00, $24
        .byte $07, zm           ; SLO zp: ASL then ORA
        CAP r1
        SETUP $01, $00, $00, $C1, $00, $24
        asl zm
        ora zm
        CAP r2
        REPORT "SLO zp", M_ALL

        SETUP $F7, $00, $00, $85, $00, $25
        .byte $27, zm           ; RLA zp: ROL then AND
        CAP r1
        SETUP $F7, $00, $00, $85, $00, $25
        rol zm
        and zm
        CAP r2
        REPORT "RLA zp", M_ALL

        SETUP $FF, $00, $00, $03, $00, $24
        .byte $47, zm           ; SRE zp: LSR then EOR
        CAP r1
        SETUP $FF, $00, $00, $03, $00, $24
        lsr zm
        eor zm
        CAP r2
        REPORT "SRE zp", M_ALL

        SETUP $70, $00, $00, $21, $00, $25
        .byte $67, zm           ; RRA zp: ROR then ADC (V from the ADC)
        CAP r1
        SETUP $70, $00, $00, $21, $00, $25
        ror zm
        adc zm
        CAP r2
        REPORT "RRA zp", M_ALL

; ---- immediate ones
        SETUP $F0, $00, $00, $00, $00, $24
        .byte $0B, $C3          ; ANC #: AND, C = N
        CAP r1
        SETUP $F0, $00, $00, $00, $00, $24
        and #$C3
        clc
        bpl :+
        sec
:       CAP r2
        REPORT "ANC #", M_ALL

        SETUP $F3, $00, $00, $00, $00, $24
        .byte $4B, $7F          ; ALR #: AND then LSR A
        CAP r1
        SETUP $F3, $00, $00, $00, $00, $24
        and #$7F
        lsr a
        CAP r2
        REPORT "ALR #", M_ALL

        SETUP $FF, $00, $00, $00, $00, $25
        .byte $6B, $E5          ; ARR #: AND, ROR A; C = bit 6, V = bit 6 ^ bit 5
        CAP r1
        SETUP $FF, $00, $00, $00, $00, $25
        and #$E5
        ror a
        CAP r2
        REPORT "ARR #", M_ALL & ~M_P

        SETUP $F0, $3F, $00, $00, $00, $24
        .byte $CB, $05          ; SBX #: X = (A & X) - imm, flags as CMP
        CAP r1
        SETUP $F0, $3F, $00, $00, $00, $24
        sta sa
        stx sx
        and sx
        cmp #$05
        php
        sec
        sbc #$05
        tax
        lda sa
        plp
        CAP r2
        REPORT "SBX #", M_ALL

        SETUP $50, $00, $00, $00, $00, $24
        .byte $EB, $60          ; SBC # (the $EB copy)
        CAP r1
        SETUP $50, $00, $00, $00, $00, $24
        sbc #$60
        CAP r2
        REPORT "SBC # ($EB)", M_ALL

        SETUP $FF, $5A, $00, $00, $00, $24
        .byte $8B, $3C          ; ANE #, A = $FF: A = X & imm
        CAP r1
        SETUP $FF, $5A, $00, $00, $00, $24
        txa
        and #$3C
        CAP r2
        REPORT "ANE # (A=FF)", M_ALL

        SETUP $FF, $5A, $00, $00, $00, $24
        .byte $AB, $C6          ; LXA #, A = $FF: A = X = imm
        CAP r1
        SETUP $FF, $5A, $00, $00, $00, $24
        lda #$C6
        tax
        CAP r2
        REPORT "LXA # (A=FF)", M_ALL

; ---- NOPs of every length (no effect at all)
        SETUP $12, $05, $34, $56, $78, $E7
        .byte $1A               ; NOP
        .byte $80, $FF          ; NOP #
        .byte $04, zm           ; NOP zp
        .byte $14, zm           ; NOP zp,X
        .byte $0C               ; NOP abs
        .word BM
        .byte $1C               ; NOP abs,X
        .word BMB
        CAP r1
        SETUP $12, $05, $34, $56, $78, $E7
        CAP r2
        REPORT "NOPs", M_ALL

; ---- the stores that AND in the high byte of the address plus one
        SETUP $00, $FF, $05, $00, $00, $24
        .byte $9E               ; SHX abs,Y
        .word BMB
        CAP r1
        SETUP $00, $FF, $05, $00, $00, $24
        php
        pha
        txa
        and #HM
        sta BM
        pla
        plp
        CAP r2
        REPORT "SHX abs,Y", M_ALL

        SETUP $00, $05, $E3, $00, $00, $24
        .byte $9C               ; SHY abs,X
        .word BMB
        CAP r1
        SETUP $00, $05, $E3, $00, $00, $24
        php
        pha
        tya
        and #HM
        sta BM
        pla
        plp
        CAP r2
        REPORT "SHY abs,X", M_ALL

        SETUP $F6, $BF, $05, $00, $00, $24
        .byte $9F               ; SHA abs,Y
        .word BMB
        CAP r1
        SETUP $F6, $BF, $05, $00, $00, $24
        php
        pha
        stx sx
        and sx
        and #HM
        sta BM
        pla
        plp
        CAP r2
        REPORT "SHA abs,Y", M_ALL

        lda #<BMB
        sta zptr
        lda #>BMB
        sta zptr+1
        SETUP $DF, $FE, $05, $00, $00, $24
        .byte $93, zptr         ; SHA (zp),Y
        CAP r1
        SETUP $DF, $FE, $05, $00, $00, $24
        php
        pha
        stx sx
        and sx
        and #HM
        sta BM
        pla
        plp
        CAP r2
        REPORT "SHA (zp),Y", M_ALL

        SETUP $BF, $FF, $05, $00, $00, $24
        .byte $9B               ; TAS abs,Y: S = A & X, M = S & (H+1)
        .word BMB
        CAP r1
        SETUP $BF, $FF, $05, $00, $00, $24
        php
        sta sa
        stx sx
        pla
        sta sp_
        lda sa
        and sx
        tax
        txs
        and #HM
        sta BM
        ldx sx
        lda sp_
        pha
        lda sa
        plp
        CAP r2
        REPORT "TAS abs,Y", M_ALL

        SETUP $00, $00, $05, $00, $B5, $24
        .byte $BB               ; LAS abs,Y: A = X = S = M & S
        .word BMB
        CAP r1
        SETUP $00, $00, $05, $00, $B5, $24
        tsx
        stx sx
        lda BM
        and sx
        tax
        txs
        CAP r2
        REPORT "LAS abs,Y", M_ALL

        lda fails
        ldx #0
        rts

; Prints "NAME a=.. x=.. y=.. p=.. s=.. zm=.. bm=.. ok|FAIL" for r1, and
; compares r1 with r2 where the mask says. AX = the name.
report: sta zptr
        stx zptr+1
        lda #0
        sta len
        tay
@name:  lda (zptr),y
        beq @regs
        jsr putc
        iny
        bne @name
@regs:  ldy #0
@field: lda #' '
        jsr putc
        lda labels,y
        jsr putc
        lda #'='
        jsr putc
        lda r1,y
        jsr puthex
        iny
        cpy #7
        bne @field
        ldx #0                  ; mismatches under the mask
        ldy #0
        lda mask
        sta sa
@cmp:   lsr sa
        bcc @next
        lda r1,y
        cmp r2,y
        beq @next
        inx
@next:  iny
        cpy #7
        bne @cmp
        txa
        bne @bad
        lda #' '
        jsr putc
        lda #'o'
        jsr putc
        lda #'k'
        jsr putc
        jmp @eol
@bad:   inc fails
        ldy #0
@badc:  lda badtxt,y
        beq @eol
        jsr putc
        iny
        bne @badc
@eol:   lda #10
        jsr putc
        lda #1                  ; write(1, line, len)
        ldx #0
        jsr pushax
        lda #<line
        ldx #>line
        jsr pushax
        lda len
        ldx #0
        jmp _write

putc:   ldx len
        sta line,x
        inc len
        rts

puthex: pha
        lsr a
        lsr a
        lsr a
        lsr a
        jsr @nib
        pla
        and #$0F
@nib:   tax
        lda hex,x
        jmp putc

        .rodata
labels: .byte "axypszb"
hex:    .byte "0123456789abcdef"
badtxt: .byte " FAIL", 0
