; fdx free Apple II system ROM: a small monitor with the standard entry points.
;
; Assembled twice: for the Apple II+ (12 KiB, $D000-$FFFF) and, with
; -D IIE=1, for the enhanced Apple IIe (16 KiB, $C000-$FFFF; the $C100-$CFFF
; part is empty, so there is no built-in 80-column firmware).
;
; Entry points that programs call sit at their usual addresses (HOME $FC58,
; COUT $FDED, RDKEY $FD0C, ...); most are a JMP to the code further down, in
; the space Applesoft occupies in the real ROM. All code here is our own.
;
; Reset: sets up the text screen and I/O hooks, then (cold start) scans the
; slots from 7 down for a disk controller's boot PROM (the bytes 20 00 03 3C
; at $Cn01/3/5/7) and jumps to it; with none, it enters the monitor.
;
; Monitor commands (hex numbers; '*' prompt):
;   ADDR            show the byte at ADDR
;   ADDR.ADDR       show a range, 8 bytes a line
;   ADDR: XX XX ..  store bytes from ADDR on
;   ADDRG / G       run at ADDR (as a subroutine; RTS returns to the monitor)
; Several commands may share a line: 300:A9 C1 20 ED FD 60 300G

.setcpu "6502"
.ifndef IIE
IIE = 0
.endif

; ---- zero page and pages 2-3, as the Apple II monitor lays them out
WNDLFT  = $20
WNDWDTH = $21
WNDTOP  = $22
WNDBTM  = $23
CH      = $24
CV      = $25
GBASL   = $26
GBASH   = $27
BASL    = $28
BASH    = $29
BAS2L   = $2A
BAS2H   = $2B
H2      = $2C
V2      = $2D
MASK    = $2E
TMP     = $2F
COLOR   = $30
MODE    = $31
INVFLG  = $32
PROMPT  = $33
YSAV    = $34
YSAV1   = $35
CSWL    = $36
CSWH    = $37
KSWL    = $38
KSWH    = $39
PCL     = $3A
PCH     = $3B
A1L     = $3C
A1H     = $3D
A2L     = $3E
A2H     = $3F
A3L     = $40
A3H     = $41
ACC     = $45
XREG    = $46
YREG    = $47
STATUS  = $48
SPNT    = $49
RNDL    = $4E
RNDH    = $4F
IN      = $0200
BRKV    = $03F0
SOFTEV  = $03F2
PWREDUP = $03F4
NMIV    = $03FB
IRQV    = $03FE

; ---- soft switches
KBD     = $C000
KBDSTRB = $C010
SPKR    = $C030
TXTCLR  = $C050
TXTSET  = $C051
MIXCLR  = $C052
MIXSET  = $C053
LOWSCR  = $C054
LORES   = $C056
PADDL0  = $C064
PTRIG   = $C070

; pads to a fixed entry address, refusing to run over it
.macro AT addr
        .assert * <= addr, error, "ROM code runs over a fixed entry point"
        .res addr - *, $00
.endmacro

.segment "ROM"
.if IIE
        .org $C000
        .res $1000, $00                 ; $C000-$CFFF (I/O and internal slot ROM)
.else
        .org $D000
.endif

; ======================================================================
; $D000: the bodies of the routines
; ======================================================================

banner: .byte "FDX APPLE II FREE FIRMWARE", $00

; A = text row (0..23) -> BASL/BASH (row base, without the window offset).
; Keeps X and Y. row r lives at $400 + (r & 7) * 128 + (r >> 3) * 40.
bascalc_i:
        pha
        and #$07
        lsr a
        ora #$04
        sta BASH
        lda #$00
        ror a                   ; $80 for odd rows
        sta BASL
        pla
        pha
        lsr a
        lsr a
        lsr a
        and #$03                ; k = r >> 3
        sta TMP
        asl a
        asl a
        adc TMP                 ; 5k (carry is clear)
        asl a
        asl a
        asl a                   ; 40k
        ora BASL
        sta BASL
        pla
        rts

vtabz_i:
        jsr bascalc_i
        lda BASL
        clc
        adc WNDLFT
        sta BASL
        rts

; ---- screen output
cout1_i:
        pha
        sty YSAV1
        cmp #$A0
        bcs @print
        cmp #$80
        bcc @store              ; inverse and flashing codes go straight in
        cmp #$8D
        bne :+
        jsr cr_i
        jmp @done
:       cmp #$8A
        bne :+
        jsr lf_i
        jmp @done
:       cmp #$88
        bne :+
        jsr bs_i
        jmp @done
:       cmp #$87
        bne @done
        jsr bell1_i
        jmp @done
@print: and INVFLG
@store: ldy CH
        sta (BASL),y
        iny
        sty CH
        cpy WNDWDTH
        bcc @done
        jsr cr_i
@done:  ldy YSAV1
        pla
        rts

cr_i:   lda #$00
        sta CH
lf_i:   inc CV
        lda CV
        cmp WNDBTM
        bcc vtab_i
        dec CV
        jmp scroll_i

vtab_i: lda CV
        jmp vtabz_i

bs_i:   dec CH
        bpl @ok
        lda WNDWDTH
        sta CH
        dec CH
        jmp up_i
@ok:    rts

up_i:   lda WNDTOP
        cmp CV
        bcs @top
        dec CV
        jmp vtab_i
@top:   rts

; scrolls the window up one line and clears the bottom line
scroll_i:
        lda WNDTOP
@row:   sta TMP
        jsr vtabz_i
        lda BASL                ; destination row into BAS2L/H
        sta BAS2L
        lda BASH
        sta BAS2H
        ldx TMP
        inx
        cpx WNDBTM
        bcs @last
        txa
        jsr vtabz_i
        ldy WNDWDTH
        dey
@copy:  lda (BASL),y
        sta (BAS2L),y
        dey
        bpl @copy
        lda TMP
        clc
        adc #1
        bne @row
@last:  ldy #$00
        jsr cleolz_i
        jmp vtab_i

; clears from column Y to the end of the line
cleolz_i:
        lda #$A0
@l:     cpy WNDWDTH
        bcs @d
        sta (BASL),y
        iny
        bne @l
@d:     rts

clreol_i:
        ldy CH
        jmp cleolz_i

; clears from the cursor to the end of the window
clreop_i:
        ldy CH
        lda CV
@row:   pha
        jsr vtabz_i
        jsr cleolz_i
        ldy #$00
        pla
        clc
        adc #1
        cmp WNDBTM
        bcc @row
        jmp vtab_i

home_i: lda WNDTOP
        sta CV
        lda #$00
        sta CH
        jsr vtab_i
        jmp clreop_i

crout1_i:
        jsr clreol_i
crout_i:
        lda #$8D
        jmp COUT

; ---- keyboard
rdkey_i:
        ldy CH
        lda (BASL),y
        pha
        and #$3F
        ora #$40                ; a flashing copy of the character is the cursor
        sta (BASL),y
        pla
        jmp (KSWL)

; entered with A = the character under the cursor and Y = CH
keyin_i:
        inc RNDL
        bne :+
        inc RNDH
:       bit KBD
        bpl keyin_i
        sta (BASL),y
        lda KBD
        bit KBDSTRB
        rts

; reads a line into IN; returns its length in X (IN,X = $8D)
getln_i:
        lda PROMPT
        jsr COUT
getln1_i:
        ldx #$00
@next:  jsr RDKEY
        cmp #$88                ; back space: forget a character
        bne @notbs
        txa
        beq @next
        dex
        lda #$88
        jsr COUT
        jmp @next
@notbs: cmp #$98                ; control-X: cancel the line
        beq @cancel
        sta IN,x
        jsr COUT
        cmp #$8D
        beq @end
        inx
        bne @next
@cancel:
        lda #$DC                ; '\'
        jsr COUT
        jsr CROUT
        jmp getln_i
@end:   rts

getlnz_i:
        jsr CROUT
        jmp getln_i

; ---- set-up

init_i: lda #$00
        sta STATUS
        bit LORES
        bit LOWSCR
settxt_i:
        bit TXTSET
        lda #$00
        beq setwnd_i
setgr_i:
        bit TXTCLR
        bit MIXSET
        jsr clrtop_i
        lda #20
setwnd_i:
        sta WNDTOP
        lda #$00
        sta WNDLFT
        lda #40
        sta WNDWDTH
        lda #24
        sta WNDBTM
        lda #23
        sta CV
        jmp vtab_i

setkbd_i:
        lda #<KEYIN
        sta KSWL
        lda #>KEYIN
        sta KSWH
        rts

setvid_i:
        lda #<COUT1
        sta CSWL
        lda #>COUT1
        sta CSWH
        rts

; ---- sound: a short beep of about 1 kHz
bell1_i:
        lda #$40
        jsr WAIT
        ldy #$C0
@l:     lda #$0C
        jsr WAIT
        bit SPKR
        dey
        bne @l
        rts

; ---- lo-res graphics
; A = lo-res row / 2 -> GBASL/GBASH (the text row address)
gbascalc_i:
        sta MASK                ; (callers set MASK afterwards)
        lda BASL
        pha
        lda BASH
        pha
        lda MASK
        jsr bascalc_i
        lda BASL
        sta GBASL
        lda BASH
        sta GBASH
        pla
        sta BASH
        pla
        sta BASL
        lda MASK
        rts

; A = row (0..47), Y = column: plots COLOR there
plot_i: lsr a
        php
        jsr gbascalc_i
        plp
        lda #$0F
        bcc :+
        lda #$F0
:       sta MASK
plot1_i:
        lda (GBASL),y
        eor COLOR
        and MASK
        eor (GBASL),y
        sta (GBASL),y
        rts

hline_i:
        sta BAS2L               ; the row (BAS2L is free outside SCROLL)
@l:     lda BAS2L
        jsr plot_i
        cpy H2
        bcs @d
        iny
        bne @l
@d:     rts

vline_i:
@l:     pha
        jsr plot_i
        pla
        cmp V2
        bcs @d
        adc #1
        bne @l
@d:     rts

; clears the lo-res screen: rows 0..47 (CLRSCR) or 0..39 (CLRTOP)
clrscr_i:
        lda #24
        bne clrrows
clrtop_i:
        lda #20
clrrows:
        tax
@row:   dex
        bmi @d
        txa
        jsr gbascalc_i
        ldy #39
        lda #$00
@c:     sta (GBASL),y
        dey
        bpl @c
        bmi @row
@d:     rts

setcol_i:
        and #$0F
        sta COLOR
        asl a
        asl a
        asl a
        asl a
        ora COLOR
        sta COLOR
        rts

nxtcol_i:
        lda COLOR
        clc
        adc #$03
        jmp setcol_i

; A = row, Y = column -> A = the colour there
scrn_i: lsr a
        php
        jsr gbascalc_i
        lda (GBASL),y
        plp
        bcc :+
        lsr a
        lsr a
        lsr a
        lsr a
:       and #$0F
        rts

; ---- reset and the monitor
reset_i:
        cld
        ldx #$FF
        txs
.if IIE
        sta $C000               ; 80STORE off
        sta $C002               ; RAMRD main
        sta $C004               ; RAMWRT main
        sta $C008               ; ALTZP main
        sta $C00C               ; 40 columns
        sta $C00E               ; primary character set
.endif
        jsr SETNORM
        jsr INIT
        jsr SETVID
        jsr SETKBD
        bit KBDSTRB
        lda SOFTEV+1
        eor #$A5
        cmp PWREDUP
        bne cold
        jmp (SOFTEV)
cold:   lda #<MONZ
        sta SOFTEV
        lda #>MONZ
        sta SOFTEV+1
        eor #$A5
        sta PWREDUP
        lda #<brk_i
        sta BRKV
        lda #>brk_i
        sta BRKV+1
        lda #$4C                ; NMI: JMP MONZ until someone sets it
        sta NMIV
        lda #<MONZ
        sta NMIV+1
        lda #>MONZ
        sta NMIV+2
        lda #<irqdef_i
        sta IRQV
        lda #>irqdef_i
        sta IRQV+1
        jsr HOME
        ldx #$00
@ban:   lda banner,x
        beq @slots
        ora #$80
        jsr COUT
        inx
        bne @ban
@slots: jsr CROUT
        ; look for a boot PROM from slot 7 down
        lda #$00
        sta $00
        lda #$C7
        sta $01
@slot:  ldy #$01
        lda ($00),y
        cmp #$20
        bne @no
        ldy #$03
        lda ($00),y
        bne @no
        ldy #$05
        lda ($00),y
        cmp #$03
        bne @no
        ldy #$07
        lda ($00),y
        cmp #$3C
        bne @no
        jmp ($0000)
@no:    dec $01
        lda $01
        cmp #$C0
        bne @slot
        jmp MONZ

irqdef_i:
        lda ACC
        rti

irq_i:  sta ACC
        pla
        pha
        asl a
        asl a
        asl a
        bmi @brk
        jmp (IRQV)
@brk:   jmp (BRKV)

; BRK: show where and the registers, then the monitor
brk_i:  stx XREG
        sty YREG
        pla
        sta STATUS
        pla
        sec
        sbc #2
        sta PCL
        pla
        sbc #0
        sta PCH
        tsx
        stx SPNT
        cld
        jsr CROUT
        lda PCH
        ldx PCL
        jsr PRNTAX
        lda #$AD                ; '-'
        jsr COUT
        ldx #$00
@reg:   jsr blank_i
        lda regname,x
        jsr COUT
        lda #$BD                ; '='
        jsr COUT
        lda ACC,x
        jsr PRBYTE
        inx
        cpx #5
        bcc @reg
        jmp MONZ
regname:
        .byte $C1, $D8, $D9, $D0, $D3 ; A X Y P S

; one blank (for the register line)
blank_i:
        lda #$A0
        jmp COUT

; the monitor proper
monz_i: cld
        lda #$AA                ; '*'
        sta PROMPT
        jsr GETLNZ
        ldy #$00
        sty MODE
        sty YSAV                ; YSAV: a number was typed
@next:  lda IN,y
        cmp #$A0
        bne @notsp
        iny
        bne @next
@notsp: jsr hexnum
        bcc @sep                ; no digits: a command character
        ; a number in A2
        lda MODE
        cmp #$BA                ; ':' store mode
        bne @nostore
        ldx #$00
        lda A2L
        sta (A3L,x)
        inc A3L
        bne @next
        inc A3H
        bne @next
@nostore:
        lda #$01
        sta YSAV
        bne @next
@sep:   lda IN,y
        iny
        cmp #$8D
        beq @eol
        cmp #$AE                ; '.'
        bne :+
        jsr a2toa1
        sta MODE
        jmp @next
:       cmp #$BA                ; ':'
        bne :+
        sta MODE
        lda A2L
        sta A3L
        lda A2H
        sta A3H
        lda #$00
        sta YSAV
        jmp @next
:       and #$DF                ; lower case commands too
        cmp #$C7                ; 'G'
        bne @err
        tya
        pha
        jsr @go
        pla
        tay
        lda #$00
        sta YSAV
        sta MODE
        jmp @next
@go:    lda YSAV
        beq :+
        lda A2L
        sta PCL
        lda A2H
        sta PCH
:       jmp (PCL)
@err:   jsr BELL
        jmp monz_i
@eol:   lda YSAV
        beq @again
        lda MODE
        cmp #$AE
        beq @range
        cmp #$BA
        beq @again
        jsr a2toa1
@range: jsr dump
@again: jmp monz_i

a2toa1: pha
        lda A2L
        sta A1L
        sta PCL
        lda A2H
        sta A1H
        sta PCH
        pla
        rts

; shows A1..A2, eight bytes a line, then A1 = A2 + 1
dump:   lda A1H
        ldx A1L
        jsr CROUT
        jsr PRNTAX
        lda #$AD
        jsr COUT
@byte:  jsr blank_i
        ldx #$00
        lda (A1L,x)
        jsr PRBYTE
        lda A1L
        cmp A2L
        lda A1H
        sbc A2H
        inc A1L
        bne :+
        inc A1H
:       bcs @done
        lda A1L
        and #$07
        bne @byte
        beq dump
@done:  rts

; reads hex digits at IN,Y into A2; C set if there was at least one
hexnum: lda #$00
        sta A2L
        sta A2H
        sta TMP
@dig:   lda IN,y
        eor #$B0
        cmp #$0A
        bcc @ok
        ora #$20                ; lower case letters
        adc #$88
        cmp #$FA
        bcc @end
        and #$0F
@ok:    ldx #$04
@sh:    asl A2L
        rol A2H
        dex
        bne @sh
        ora A2L
        sta A2L
        lda #$01
        sta TMP
        iny
        bne @dig
@end:   lda TMP
        cmp #$01                ; C = digits seen
        rts

; ======================================================================
; $F800 and up: the standard entry points
; ======================================================================
        AT $F800
PLOT:   jmp plot_i
        AT $F80E
PLOT1:  jmp plot1_i
        AT $F819
HLINE:  jmp hline_i
        AT $F828
VLINE:  jmp vline_i
        AT $F832
CLRSCR: jmp clrscr_i
        AT $F836
CLRTOP: jmp clrtop_i
        AT $F847
GBASCALC: jmp gbascalc_i
        AT $F85F
NXTCOL: jmp nxtcol_i
        AT $F864
SETCOL: jmp setcol_i
        AT $F871
SCRN:   jmp scrn_i
        AT $F941
PRNTAX: jsr PRBYTE
        txa
        jmp PRBYTE
        AT $F948
PRBLNK: ldx #$03
PRBL2:  lda #$A0
        jsr COUT
        dex
        bne PRBL2
        rts
        AT $FA62
RESET:  jmp reset_i
        AT $FB1E
PREAD:  lda PTRIG               ; starts the paddle timers (and is the II+ ID byte $AD)
        ldy #$00
        nop
        nop
@l:     lda PADDL0,x
        bpl @d
        iny
        bne @l
        dey
@d:     rts
        AT $FB2F
INIT:   jmp init_i
        AT $FB39
SETTXT: jmp settxt_i
        AT $FB40
SETGR:  jmp setgr_i
        AT $FB4B
SETWND: jmp setwnd_i
        AT $FBB3
.if IIE
        .byte $06               ; machine ID: Apple IIe
.else
        .byte $EA               ; machine ID: Apple II+
.endif
        AT $FBC0
.if IIE
        .byte $E0               ; enhanced IIe
.else
        .byte $EA
.endif
BASCALC: jmp bascalc_i
        AT $FBDD
BELL1:  jmp bell1_i
        AT $FC10
BS:     jmp bs_i
        AT $FC1A
UP:     jmp up_i
        AT $FC22
VTAB:   lda CV
VTABZ:  jmp vtabz_i
        AT $FC42
CLREOP: jmp clreop_i
        AT $FC58
HOME:   jmp home_i
        AT $FC62
CR:     jmp cr_i
        AT $FC66
LF:     jmp lf_i
        AT $FC70
SCROLL: jmp scroll_i
        AT $FC9C
CLREOL: ldy CH
CLEOLZ: jmp cleolz_i
        AT $FCA8
; waits about (26 + 27 A + 5 A^2) / 2 cycles
WAIT:   sec
@outer: pha
@inner: sbc #$01
        bne @inner
        pla
        sbc #$01
        bne @outer
        rts
        AT $FD0C
RDKEY:  jmp rdkey_i
        AT $FD1B
KEYIN:  jmp keyin_i
        AT $FD35
RDCHAR: jmp RDKEY
        AT $FD67
GETLNZ: jmp getlnz_i
        AT $FD6A
GETLN:  jmp getln_i
        AT $FD6F
GETLN1: jmp getln1_i
        AT $FD8B
CROUT1: jmp crout1_i
        AT $FD8E
CROUT:  jmp crout_i
        AT $FDDA
PRBYTE: pha
        lsr a
        lsr a
        lsr a
        lsr a
        jsr PRHEX
        pla
PRHEX:  and #$0F
        ora #$B0
        cmp #$BA
        bcc COUT
        adc #$06
        .assert * = $FDED, error, "COUT must follow PRHEX"
COUT:   jmp (CSWL)
COUT1:  jmp cout1_i
        AT $FE80
SETINV: ldy #$3F
        bne setinv2
SETNORM: ldy #$FF
setinv2: sty INVFLG
        rts
        AT $FE89
SETKBD: jmp setkbd_i
        AT $FE93
SETVID: jmp setvid_i
        AT $FF2D
PRERR:  lda #$BF                ; '?'
        jsr COUT
        jmp BELL
        AT $FF3A
BELL:   lda #$87
        jmp COUT
        AT $FF3F
RESTORE: lda STATUS
        pha
        lda ACC
        ldx XREG
        ldy YREG
        plp
        rts
        AT $FF4A
SAVE:   sta ACC
        stx XREG
        sty YREG
        php
        pla
        sta STATUS
        tsx
        stx SPNT
        cld
        AT $FF58
IORTS:  rts                     ; boot PROMs JSR here to learn their slot
OLDRST: jmp reset_i
        AT $FF65
MON:    cld
        jsr BELL
MONZ:   jmp monz_i
        AT $FFFA
        .word NMIV, RESET, irq_i
