; fdx Disk II test disk: our own 6502 read and write routines driving the
; emulated controller (slot 6, drive 1).
;
; The test builds the disk (tests/apple2/test_a2_disktest.c): track 0 is
; this program; on tracks 1-34 byte i of physical sector s of track t is
; (t * 16 + s + i) & $FF. The program
;   1. steps to each track 1-34 and reads its 16 sectors in whatever order
;      they pass the head, checking every byte;
;   2. on track 17 writes physical sector 5 with (i EOR $A5), then reads
;      sectors 4, 5 and 6 back;
;   3. leaves the results at $0300: read errors (bad bytes or sectors it
;      could not read), write errors, then $AA when done; and prints them.

.setcpu "6502"

HOME    = $FC58
COUT    = $FDED
PRBYTE  = $FDDA
CROUT   = $FD8E
WAIT    = $FCA8

SLOT    = $60                   ; slot 6 * 16
PHASE0  = $C080
MOTORON = $C089
DRIVE1  = $C08A
Q6L     = $C08C
Q6H     = $C08D
Q7L     = $C08E
Q7H     = $C08F

VEC     = $3E
TRACK   = $10                   ; track we are on
HALF    = $11                   ; head position in half tracks
SECTOR  = $12                   ; sector found by rdaddr
TMP     = $13
TMP2    = $14
DONE    = $15                   ; 2 bytes: bitmap of sectors done on the track
TRIES   = $17
EXPECT  = $18
VCOUNT  = $19
SECT0   = $1A                   ; scratch for rdaddr
ABUF    = $0310                 ; the 8 bytes of an address field
COUNT   = $1B                   ; sectors done on the track
SBIT    = $1C                   ; the sector's bit in DONE

RESULT  = $0300                 ; read errors, write errors, $AA done
DATA    = $1000                 ; 256 data bytes
SIX     = $1100                 ; 342 six-bit values ($1100-$1255)
DBUF    = $1300                 ; 343 disk bytes to write ($1300-$1456)
AUX     = $1500                 ; 86 two-bit values read
TAB     = $1600                 ; disk byte -> six-bit value
WTAB    = $1700                 ; six-bit value -> disk byte

.include "bootsect.inc"

.segment "MAIN"
main:   jsr HOME
        lda #0
        sta RESULT
        sta RESULT+1
        sta RESULT+2
        sta HALF
        jsr tables
        ldx #SLOT
        lda DRIVE1,x
        lda MOTORON,x
        lda Q7L,x
        lda Q6L,x
        ; ---- 1: read tracks 1-34
        lda #1
        sta TRACK
@track: jsr seek
        jsr rdtrack
        inc TRACK
        lda TRACK
        cmp #35
        bcc @track
        ; ---- 2: write sector 5 of track 17, read 4, 5, 6 back
        lda #17
        sta TRACK
        jsr seek
        ldy #0
@fill:  tya
        eor #$A5
        sta DATA,y
        iny
        bne @fill
        jsr prenib
@find:  jsr rdaddr
        bcs @find
        lda SECTOR
        cmp #5
        bne @find
        jsr wrdata
        bcc :+
        inc RESULT+1
:       lda #4
        jsr check_sector
        lda #5
        jsr check_sector
        lda #6
        jsr check_sector
        lda #$AA
        sta RESULT+2
        ; ---- report
        ldx #0
@msg:   lda msg,x
        beq @nums
        ora #$80
        jsr COUT
        inx
        bne @msg
@nums:  lda RESULT
        jsr PRBYTE
        lda #$A0
        jsr COUT
        lda RESULT+1
        jsr PRBYTE
        jsr CROUT
@hang:  jmp @hang
msg:    .byte "DISK TEST ERRORS (READ WRITE): ", 0

; reads sector A of the current track (up to 40 tries) and checks it held
; (i EOR $A5); counts a write error otherwise. Sectors 4 and 6 hold the
; track pattern, so they are checked against that.
check_sector:
        sta EXPECT
        lda #40
        sta TRIES
@try:   dec TRIES
        beq @bad
        jsr rdaddr
        bcs @try
        lda SECTOR
        cmp EXPECT
        bne @try
        jsr rddata
        bcs @try
        ldy #0
@cmp:   lda EXPECT
        cmp #5
        bne @pat
        tya
        eor #$A5
        jmp @chk
@pat:   jsr pattern
@chk:   cmp DATA,y
        bne @bad
        iny
        bne @cmp
        rts
@bad:   inc RESULT+1
        rts

; A = the byte the track pattern has at index Y of sector SECTOR
pattern:
        lda TRACK
        asl a
        asl a
        asl a
        asl a
        clc
        adc SECTOR
        sta TMP2
        tya
        clc
        adc TMP2
        rts

; reads the 16 sectors of the track in whatever order they pass the head,
; skipping those done, checking each byte; counts a read error for each
; bad sector, and one if some never came
rdtrack:
        lda #0
        sta DONE
        sta DONE+1
        sta COUNT
        lda #96                 ; address fields to look at
        sta TRIES
@find:  lda COUNT
        cmp #16
        beq @end
        dec TRIES
        beq @lost
        jsr rdaddr
        bcs @find
        lda SECTOR              ; done already?
        and #$07
        tay
        lda bits,y
        sta SBIT
        ldy #0
        lda SECTOR
        cmp #8
        bcc :+
        iny
:       lda SBIT
        and DONE,y
        bne @find
        lda SBIT
        ora DONE,y
        sta DONE,y
        jsr rddata
        bcs @bad
        inc COUNT
        ldy #0
        jsr pattern             ; byte 0; each next one is one more
@byte:  cmp DATA,y
        bne @err
        clc
        adc #1
        iny
        bne @byte
        beq @find
@bad:   ldy #0                  ; unreadable this time: try it again
        lda SECTOR
        cmp #8
        bcc :+
        iny
:       lda SBIT
        eor #$FF
        and DONE,y
        sta DONE,y
        jmp @find
@err:   inc RESULT
        jmp @find
@lost:  inc RESULT
@end:   rts
bits:   .byte $01, $02, $04, $08, $10, $20, $40, $80

; ---- stepping: to track TRACK, one half track at a time
seek:   lda TRACK
        asl a
        sta TMP                 ; target half track
@step:  lda HALF
        cmp TMP
        beq @done
        bcc @out
        sbc #1                  ; (carry set) inward: one half track down
        jmp @move
@out:   adc #1
@move:  pha
        and #3
        asl a
        ora #SLOT
        tax
        lda PHASE0+1,x          ; the next magnet on
        lda #$30
        jsr WAIT
        lda HALF
        and #3
        asl a
        ora #SLOT
        tax
        lda PHASE0,x            ; the last one off
        pla
        sta HALF
        lda #$30
        jsr WAIT
        jmp @step
@done:  ldx #SLOT
        rts

; ---- tables: six-bit value <-> disk byte (the 64 valid disk bytes: bit 7
; set, two adjacent ones in bits 0-6, at most one pair of adjacent zeros)
tables: ldx #0
        ldy #$96
@cand:  tya
        lsr a
        sta TMP
        tya
        and TMP
        and #$3F
        beq @no
        tya
        ora TMP
        eor #$FF
        and #$3F
        sta TMP
        sec
        sbc #1
        and TMP
        bne @no
        txa
        sta TAB,y
        tya
        sta WTAB,x
        inx
@no:    iny
        bne @cand
        rts

; ---- rdaddr: the next address field; SECTOR = its sector. C set on a
; bad checksum or when no field came within a few thousand bytes.
rdaddr: ldx #SLOT
        lda #0
        sta VCOUNT
        ldy #0
@p1:    iny
        bne @p1b
        inc VCOUNT
        beq @fail
@p1b:   lda Q6L,x
        bpl @p1b
@p2:    cmp #$D5
        bne @p1
@p3:    lda Q6L,x
        bpl @p3
        cmp #$AA
        bne @p2
@p4:    lda Q6L,x
        bpl @p4
        cmp #$96
        bne @p1
        ; volume, track, sector, checksum in 4-and-4: taken as they come
        ; (a byte stays in the latch only a few cycles), decoded after
        ldy #0
@byte:  lda Q6L,x
        bpl @byte
        sta ABUF,y
        iny
        cpy #8
        bne @byte
        lda #0
        sta TMP2
        ldy #6
@pair:  lda ABUF,y              ; odd bits, then even bits
        sec
        rol a
        and ABUF+1,y
        sta SECT0
        eor TMP2                ; (TMP2 = 0 before the first pair)
        sta TMP2
        dey
        dey
        bpl @pair
        lda ABUF+4
        sec
        rol a
        and ABUF+5
        sta SECTOR
        lda TMP2                ; volume ^ track ^ sector ^ checksum = 0
        bne @fail
        clc
        rts
@fail:  sec
        rts

; ---- rddata: the data field after an address field, into DATA. C set on
; a missing prologue or a bad checksum.
rddata: ldx #SLOT
        ldy #32                 ; the prologue comes within a few bytes
@p1:    dey
        beq @fail
@p1b:   lda Q6L,x
        bpl @p1b
@p2:    cmp #$D5
        bne @p1
@p3:    lda Q6L,x
        bpl @p3
        cmp #$AA
        bne @p2
@p4:    lda Q6L,x
        bpl @p4
        cmp #$AD
        bne @fail
        ; 86 two-bit values, 256 six-bit values, each exclusive-ored with
        ; the one before; translated as they arrive
        ldy #0
        lda #0
@aux:   sty TMP
@a1:    ldy Q6L,x
        bpl @a1
        eor TAB,y
        ldy TMP
        sta AUX,y
        iny
        cpy #86
        bne @aux
        ldy #0
@main:  sty TMP
@m1:    ldy Q6L,x
        bpl @m1
        eor TAB,y
        ldy TMP
        sta DATA,y
        iny
        bne @main
@c1:    ldy Q6L,x
        bpl @c1
        eor TAB,y
        bne @fail
        ; data[i] = six[i] << 2 | the two bits of AUX[i mod 86], reversed
        ldy #0
@c2:    ldx #0
@c3:    lda AUX,x
        lsr a
        sta AUX,x
        lda DATA,y
        rol a
        sta TMP
        lda AUX,x
        lsr a
        sta AUX,x
        lda TMP
        rol a
        sta DATA,y
        iny
        beq @ok
        inx
        cpx #86
        bne @c3
        beq @c2
@ok:    ldx #SLOT
        clc
        rts
@fail:  ldx #SLOT
        sec
        rts

; ---- prenib: DATA -> DBUF, the 343 disk bytes of a data field
prenib: ldx #0
@aux:   lda DATA,x
        jsr rev2
        sta TMP
        lda DATA+86,x
        jsr rev2
        asl a
        asl a
        ora TMP
        sta TMP
        cpx #84                 ; the third group has 84 bytes
        bcs @two
        lda DATA+172,x
        jsr rev2
        asl a
        asl a
        asl a
        asl a
        ora TMP
        sta TMP
@two:   lda TMP
        sta SIX,x
        inx
        cpx #86
        bne @aux
        ldx #0
@main:  lda DATA,x
        lsr a
        lsr a
        sta SIX+86,x
        inx
        bne @main
        ; chain and translate: DBUF[i] = WTAB[SIX[i] ^ SIX[i-1]]
        ldx #0
        lda #0
@c1:    eor SIX,x
        tay
        lda WTAB,y
        sta DBUF,x
        lda SIX,x
        inx
        bne @c1
@c2:    eor SIX+256,x
        tay
        lda WTAB,y
        sta DBUF+256,x
        lda SIX+256,x
        inx
        cpx #86
        bne @c2
        tay
        lda WTAB,y              ; the checksum: the last value itself
        sta DBUF+256,x
        rts

; A's two low bits, swapped (bit 0 <-> bit 1)
rev2:   and #3
        tay
        lda rev2t,y
        rts
rev2t:  .byte 0, 2, 1, 3

; ---- wrdata: writes the data field right after an address field: five
; 10-bit sync bytes (40 cycles each), D5 AA AD, the 343 bytes of DBUF,
; DE AA EB, one more sync; 32 cycles per byte. C set if write protected.
        .align 256              ; keep the timed loops off page crossings
wrdata: ldx #SLOT
        lda Q6H,x
        lda Q7L,x
        bmi @prot
        lda #$FF
        sta Q7H,x               ; write mode: the first sync byte
        ora Q6L,x
        ldy #4                  ; [2]
@sync:  pha                     ; 40-cycle loop: 3
        pla                     ; 4
        bit TMP                 ; 3
        nop                     ; 2
        nop                     ; 2
        nop                     ; 2
        nop                     ; 2
        nop                     ; 2
        nop                     ; 2
        nop                     ; 2
        nop                     ; 2
        sta Q6H,x               ; 5
        ora Q6L,x               ; 4
        dey                     ; 2
        bne @sync               ; 3 (2 at the end)
        nop                     ; the last sync byte: 4 + 2 + 2 + 10 + 22 = 40
        nop
        nop
        nop
        nop
        lda #$D5
        jsr wr3
        lda #$AA
        jsr wr3
        lda #$AD
        jsr wr3
        ldy #0
@d1:    lda DBUF,y              ; 32-cycle loop: 4
        nop                     ; 2
        nop                     ; 2
        nop                     ; 2
        nop                     ; 2
        nop                     ; 2
        nop                     ; 2
        nop                     ; 2
        sta Q6H,x               ; 5
        ora Q6L,x               ; 4
        iny                     ; 2
        bne @d1                 ; 3
        nop                     ; the switch to @d2: 33 cycles
        nop
@d2:    lda DBUF+256,y          ; 4
        nop                     ; 2
        nop                     ; 2
        nop                     ; 2
        nop                     ; 2
        nop                     ; 2
        nop                     ; 2
        sta Q6H,x               ; 5
        ora Q6L,x               ; 4
        iny                     ; 2
        cpy #87                 ; 2
        bne @d2                 ; 3
        lda #$DE
        jsr wr3
        lda #$AA
        jsr wr3
        lda #$EB
        jsr wr3
        lda #$FF
        jsr wr3
        lda Q7L,x               ; back to reading
        lda Q6L,x
        clc
        rts
@prot:  lda Q6L,x
        sec
        rts

; writes A: 32 cycles from one load to the next with the LDA #, JSR and
; RTS around it (4 + 6 + 2 + 6 + 9 + 5)
wr3:    nop                     ; (jsr 6)
        nop
        nop
        bit TMP
        sta Q6H,x               ; 5
        ora Q6L,x               ; 4
        rts                     ; 6
