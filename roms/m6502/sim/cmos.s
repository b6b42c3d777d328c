; The WDC 65C02's additions, for sim65c02 (cl65 -t sim65c02), in the
; manner of undoc.s: each test runs the new instruction from a known state,
; captures A X Y P S and two memory bytes, then does the same work with
; 6502 instructions and compares. One line per test; the exit code is the
; number of failures. sim65 2.19
; knows no BBR/BBS/RMB/SMB, so this is compared with the expected file.
        .setcpu "65C02"
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

        SETUP $12, $00, $00, $55, $66, $E7
        stz zm                  ; STZ zp, STZ abs: no flags
        stz BM
        CAP r1
        SETUP $12, $00, $00, $55, $66, $E7
        php
        pha
        lda #0
        sta zm
        sta BM
        pla
        plp
        CAP r2
        REPORT "STZ", M_ALL

        SETUP $7F, $00, $00, $00, $00, $24
        inc a                   ; INC A, DEC A
        inc a
        dec a
        CAP r1
        SETUP $7F, $00, $00, $00, $00, $24
        clc
        adc #1
        clv
        CAP r2
        REPORT "INC A / DEC A", M_ALL

        SETUP $00, $00, $00, $00, $00, $25
        bra :+                  ; BRA: always
        lda #$EE
:       CAP r1
        SETUP $00, $00, $00, $00, $00, $25
        CAP r2
        REPORT "BRA", M_ALL

        SETUP $C3, $00, $00, $0F, $00, $24
        tsb zm                  ; TSB: Z from A & M, M |= A
        CAP r1
        SETUP $C3, $00, $00, $0F, $00, $24
        bit zm                  ; Z as A & M (BIT also sets N and V: P not compared)
        php
        ora zm
        sta zm
        lda #$C3
        plp
        CAP r2
        REPORT "TSB zp", M_ALL & ~M_P

        SETUP $C3, $00, $00, $FF, $00, $24
        trb zm                  ; TRB: Z from A & M, M &= ~A
        CAP r1
        SETUP $C3, $00, $00, $FF, $00, $24
        lda #$3C
        and zm
        sta zm
        lda #$C3
        CAP r2
        REPORT "TRB zp", M_ALL & ~M_P

        SETUP $00, $AB, $CD, $00, $00, $24
        phx                     ; PHX, PHY, PLA, PLA ... and PLX/PLY
        phy
        pla
        plx
        CAP r1
        SETUP $00, $AB, $CD, $00, $00, $24
        lda #$CD
        ldx #$AB
        CAP r2
        REPORT "PHX PHY", M_ALL

        lda #<BM
        sta zptr
        lda #>BM
        sta zptr+1
        SETUP $00, $00, $00, $00, $5A, $24
        lda (zptr)              ; (zp) without an index
        CAP r1
        SETUP $00, $00, $00, $00, $5A, $24
        lda BM
        CAP r2
        REPORT "LDA (zp)", M_ALL

        SETUP $F0, $00, $00, $00, $00, $E4
        bit #$0F                ; BIT #: only Z, N and V kept
        CAP r1
        SETUP $F0, $00, $00, $00, $00, $E6
        CAP r2
        REPORT "BIT #", M_ALL

        SETUP $00, $00, $00, $00, $00, $24
        smb3 zm                 ; SMB3, RMB0, then BBS3 taken, BBR3 not
        rmb0 zm
        bbs3 zm, :+
        lda #$EE
:       bbr3 zm, :+
        inx
:       CAP r1
        SETUP $00, $01, $00, $08, $00, $24
        CAP r2
        REPORT "SMB RMB BBS BBR", M_ALL

        SETUP $99, $00, $00, $00, $00, $2C
        adc #$01                ; decimal: 99 + 1 = 00, C=1, Z valid (1)
        cld
        CAP r1
        SETUP $00, $00, $00, $00, $00, $27
        CAP r2
        REPORT "ADC decimal", M_ALL

        lda #<jtab
        sta zptr
        SETUP $00, $02, $00, $00, $00, $24
        jmp (jtab,x)            ; JMP (abs,X)
jback:  CAP r1
        SETUP $00, $02, $00, $00, $00, $24
        ldy #$77
        CAP r2
        REPORT "JMP (abs,X)", M_ALL

        lda fails
        ldx #0
        rts

jdest:  ldy #$77
        jmp jback
jtab:   .word 0, jdest

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
