; fdx Apple II demo disk: boots with any Disk II boot PROM (the free one
; included) and shows text, hi-res colour graphics and sound, then echoes
; what is typed.
;
; Track 0 holds everything: the boot sector (run at $0801) and the program
; in DOS sectors 1-15, linked at $6100-$6FFF. A DOS-order image keeps its
; sectors on the disk in skewed order, so the boot code asks the PROM for
; each physical sector and the page it belongs in.

.setcpu "6502"

; monitor entry points
HOME    = $FC58
COUT    = $FDED
RDKEY   = $FD0C
CROUT   = $FD8E
WAIT    = $FCA8
SETINV  = $FE80
SETNORM = $FE84
VTAB    = $FC22
; soft switches
SPKR    = $C030
TXTCLR  = $C050
TXTSET  = $C051
MIXSET  = $C053
LOWSCR  = $C054
HIRES   = $C057
; zero page
CH      = $24
CV      = $25
INVFLG  = $32
WNDTOP  = $22
SRC     = $06
DST     = $08
LINE    = $1A
COLX    = $1B
PTR     = $1C
NOTE    = $1E
DUR     = $1F
VEC     = $3E

.include "bootsect.inc"

.segment "MAIN"
main:   bit TXTSET
        bit LOWSCR
        jsr HOME
        jsr SETINV
        ldx #t_title - texts
        jsr print
        jsr SETNORM
        ldx #t_lines - texts
        jsr print
        lda #$7F                ; flashing
        sta INVFLG
        ldx #t_flash - texts
        jsr print
        jsr SETNORM
        jsr tune
        ; a pause of about a second with the text showing
        ldx #12
@pause: lda #$FF
        jsr WAIT
        dex
        bne @pause
        jsr hires
        bit HIRES
        bit MIXSET
        bit TXTCLR
        lda #20
        sta WNDTOP
        jsr HOME
        ldx #t_type - texts
        jsr print
@echo:  jsr RDKEY
        jsr COUT
        jsr click
        jmp @echo

; prints the zero-terminated string at (texts + X) with COUT
print:  lda texts,x
        beq @d
        ora #$80
        jsr COUT
        inx
        bne print
@d:     rts

; a short click on every key
click:  ldy #$20
@l:     bit SPKR
        lda #$08
        jsr WAIT
        dey
        bne @l
        rts

; plays the notes in `notes` (half period for WAIT, length in half periods)
tune:   ldx #$00
@note:  lda notes,x
        beq @d
        sta NOTE
        lda notes+1,x
        sta DUR
@cyc:   bit SPKR
        lda NOTE
        jsr WAIT
        dec DUR
        bne @cyc
        inx
        inx
        bne @note
@d:     rts
notes:  .byte $18, $60, $14, $70, $10, $90, $0C, $C0, $00

; draws colour bands and a pattern on hi-res page 1 (lines 0-159)
hires:  lda #$00
        sta LINE
@line:  jsr hbase
        lda LINE
        ldx #$00
@band:  cmp bands,x             ; which band: first entry above the line
        bcc @got
        inx
        inx
        bne @band
@got:   ldy #39
@byte:  tya
        and #$01
        beq @even
        lda bands+1,x
        and #$0F                ; index of the odd byte's pattern
        bpl @put
@even:  lda bands+1,x
        lsr a
        lsr a
        lsr a
        lsr a
@put:   cmp #$0F
        bne @fixed
        ; pattern 15: stripes that move with the line
        tya
        clc
        adc LINE
        lsr a
        and #$07
        tax
        lda stripes,x
        ldx #10                 ; (the stripe band's entry)
        bne @st
@fixed: stx COLX
        tax
        lda pats,x
        ldx COLX
@st:    sta (PTR),y
        dey
        bpl @byte
        inc LINE
        lda LINE
        cmp #160
        bcc @line
        rts

; PTR = the address of hi-res line LINE on page 1:
; $2000 + (y & 7) * $400 + ((y >> 3) & 7) * $80 + (y >> 6) * 40
hbase:  lda LINE
        and #$07
        asl a
        asl a
        ora #$20
        sta PTR+1
        lda LINE
        lsr a
        lsr a
        lsr a
        and #$07
        lsr a                   ; C: odd group of 8 lines
        tax
        lda #$00
        ror a
        sta PTR
        txa
        clc
        adc PTR+1
        sta PTR+1
        lda LINE
        lsr a
        lsr a
        lsr a
        lsr a
        lsr a
        lsr a
        tax
        lda PTR
        clc
        adc mul40,x
        sta PTR
        rts
mul40:  .byte 0, 40, 80

; bands: end line, then the even and odd byte patterns (index into pats)
bands:  .byte 20, $01           ; violet
        .byte 40, $10           ; green
        .byte 60, $23           ; blue
        .byte 80, $32           ; orange
        .byte 100, $44          ; white
        .byte 255, $FF          ; stripes (entry at X = 10)
pats:   .byte $55, $2A, $D5, $AA, $7F
stripes: .byte $00, $03, $0C, $30, $7F, $B0, $8C, $83

texts:
t_title: .byte "   FDX APPLE II DEMO DISK   ", $8D, $8D, 0
t_lines: .byte "THIS DISK BOOTED THROUGH THE EMULATED", $8D
        .byte "DISK II CONTROLLER WITH FREE FIRMWARE.", $8D, $8D
        .byte "NEXT: HI-RES COLOUR AND SOUND.", $8D, $8D, 0
t_flash: .byte "PLEASE WAIT", $8D, 0
t_type: .byte "TYPE SOMETHING: ", 0
        .assert * - texts < 256, error, "texts must fit one page"
