; fdx free Disk II boot PROM (256 bytes, slot independent).
;
; Does what boot sectors expect of the slot's PROM: finds its slot, starts
; drive 1, steps the head out to track 0, then reads physical sector $3D of
; the track under the head into ($26) (page $08 at first), increments $27
; and $3D, and goes on until $3D reaches the count the boot sector keeps in
; $0800; then jumps to $0801 with X = slot * 16. Boot code may re-enter at
; $Cn5C with $26/$27/$3D set to read more sectors the same way.
;
; Zero page: $26/$27 buffer, $2B slot*16, $3C/$3E scratch, $40 address
; field found, $3D sector. Page 3: $0300-$0355 the 86 two-bit bytes,
; $0356-$03BF the disk byte -> six-bit value table (at TAB + disk byte).

.setcpu "6502"

BUF     = $26
SLOT16  = $2B
TMP     = $3C
SECTOR  = $3D
TMP2    = $3E
FOUND   = $40
AUX     = $0300
TAB     = $02C0                 ; entries at TAB + $96 .. TAB + $FF
IORTS   = $FF58                 ; an RTS in every Apple II monitor ROM

PHASE0  = $C080                 ; + slot*16 + 2*phase (+1: on)
MOTORON = $C089
DRIVE1  = $C08A
DATA    = $C08C
READMOD = $C08E

.segment "PROM"
start:
        ; the bytes autostart ROMs look for at $Cn01/3/5/7: 20 00 03 3C
        ldx #$20
        ldy #$00
        ldx #$03
        stx TMP
        ; which slot are we in? the return address of a JSR says
        jsr IORTS
        tsx
        lda $0100,x             ; $Cn
        asl a
        asl a
        asl a
        asl a
        sta SLOT16
        tax
        lda DRIVE1,x            ; (reset left Q6 and Q7 low: read mode)
        lda MOTORON,x
        ; step out 80 half tracks, one magnet at a time (the emulated
        ; stepper needs no settling time; a real drive would want a pause)
        ldy #80
recal:  tya
        and #3
        asl a
        ora SLOT16
        tax
        lda PHASE0+1,x
        lda PHASE0,x
        dey
        bpl recal
        ; build the table of six-bit values for the 64 valid disk bytes:
        ; bit 7 set, at least two adjacent ones in bits 0-6 and at most
        ; one pair of adjacent zeros (this also rules out $AA and $D5)
        ldx #$FF
        ldy #$96
table:  tya
        lsr a
        sta TMP2
        tya
        and TMP2
        and #$3F
        beq @next               ; no adjacent ones
        tya
        ora TMP2
        eor #$FF
        and #$3F                ; a one for each pair of zeros
        sta TMP2
        sec
        sbc #1
        and TMP2
        bne @next               ; more than one pair
        inx
        txa
        sta TAB,y
@next:  iny
        bne table
        sty BUF
        sty SECTOR
        .assert * <= start + $5A, error, "boot PROM init too long"
        .res start + $5A - *, $EA
        beq init2               ; (Y = 0)
; ---- $Cn5C: the entry boot code re-enters
        .assert * = start + $5C, error, "entry not at $Cn5C"
        clv
        bvc rsect
init2:  lda #$08
        sta BUF+1
        ldx SLOT16

; ---- read sector SECTOR into (BUF), then the next, up to ($0800)
rsect:  ldy #0
        sty FOUND
p1:     lda DATA,x
        bpl p1
p2:     cmp #$D5
        bne p1
p3:     lda DATA,x
        bpl p3
        cmp #$AA
        bne p2
p4:     lda DATA,x
        bpl p4
        cmp #$96
        bne notadr
        ; address field: volume, track, sector pairs in 4-and-4
        ldy #3
@pair:  lda DATA,x
        bpl @pair
        sec
        rol a
        sta TMP
@even:  lda DATA,x
        bpl @even
        and TMP
        dey
        bne @pair
        cmp SECTOR
        bne rsect
        inc FOUND
        bne p1
notadr: cmp #$AD
        bne rsect
        lda FOUND
        beq rsect
        ; the data field: 86 two-bit bytes (stored from $0355 down), then
        ; 256 six-bit bytes, each exclusive-ored with the one before
        ldy #$56
        lda #0
@aux:   sty TMP
@a1:    ldy DATA,x
        bpl @a1
        eor TAB,y
        ldy TMP
        dey
        sta AUX,y
        bne @aux
@main:  sty TMP
@m1:    ldy DATA,x
        bpl @m1
        eor TAB,y
        ldy TMP
        sta (BUF),y
        iny
        bne @main
@c1:    ldy DATA,x
        bpl @c1
        eor TAB,y
again:  bne rsect               ; bad checksum: read it again
        ; put the two low bits back
        ldy #0
@c2:    ldx #$56
@c3:    dex
        bmi @c2
        lda (BUF),y
        lsr AUX,x
        rol a
        lsr AUX,x
        rol a
        sta (BUF),y
        iny
        bne @c3
        ldx SLOT16
        inc BUF+1
        inc SECTOR
        lda SECTOR
        cmp $0800
        bcc again               ; (Z clear: not equal)
        jmp $0801
        .assert * <= start + $100, error, "boot PROM too long"
        .res start + $100 - *, $00
