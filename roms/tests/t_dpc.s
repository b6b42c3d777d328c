; DPC (Pitfall II's chip): the program bank (bank 1) of t_dpc.bin and
; t_dpcmusic.bin (-D MUSIC=1). build.sh adds bank 0 (t_dpc_bank0.s) and the
; 2K display ROM (t_dpc_display.s). Each line shows four values the chip
; returns: PF1 and PF2 written for the left half, again for the right half.
;   band 1 (24 lines)  fetchers 0 and 1: display data ($1008, $1009), the
;                      low byte of fetcher 1 passing 0 (its high bits count)
;   band 2 (24 lines)  fetchers 2 and 6 (3 with MUSIC): data ANDed with
;                      the flag, and the flag itself, the window set by top
;                      and bottom
;   band 3 (24 lines)  fetcher 4 through functions 3-6: nibbles swapped,
;                      bits reversed, shifted right, shifted left
;   band 4 (32 lines)  the random number generator, reset in every frame
;                      and read four times a line ($1003)
;   band 5 (24 lines)  MUSIC=0: fetchers 5 and 7 masked and their flags;
;                      MUSIC=1: the music amplitude ($1005-$1007) of three
;                      voices in music mode clocked by the oscillator
;   band 6 (63 lines)  fetchers 2 and 6 again after top is rewritten,
;                      with fetchers 1 and 0
; With MUSIC=1 every line of the frame also writes the amplitude to AUDV0
; (AUDC0 = 0: the volume is the output), as Pitfall II does.
; The picture of t_dpc.bin is the same in every frame.
.include "frame.inc"

.ifndef MUSIC
MUSIC = 0
.endif

DF_DATA = $1008                 ; + fetcher
DF_MASK = $1010
DF_SWAP = $1018
DF_REV  = $1020
DF_SHR  = $1028
DF_SHL  = $1030
DF_FLAG = $1038
DPC_RNG = $1003                 ; ($1000-$1003)
DPC_AMP = $1004                 ; ($1004-$1007)
DF_TOP  = $1040
DF_BOT  = $1048
DF_LOW  = $1050
DF_HIGH = $1058
DPC_RST = $1070

.if MUSIC
FB = 3                          ; fetchers 5-7 are the voices
.else
FB = 6
.endif

.segment "CODE"
Init:
.if MUSIC
        ; three voices: top, bottom (half of it: a square wave), music
        ; mode and the oscillator as clock ($30); the low counter then
        ; loads from top
        ldx #2
:       lda VoiceTop,x
        sta DF_TOP+5,x
        lsr
        sta DF_BOT+5,x
        lda #$30
        sta DF_HIGH+5,x
        sta DF_LOW+5,x
        dex
        bpl :-
        lda #0
        sta AUDC0
.endif
        rts

; Fetcher n: top, bottom, low, high from Setup (5 bytes a row: n first).
VBlank:
        ldx #0
@set:   ldy Setup,x
        lda Setup+1,x
        sta DF_TOP,y
        lda Setup+2,x
        sta DF_BOT,y
        lda Setup+3,x
        sta DF_LOW,y
        lda Setup+4,x
        sta DF_HIGH,y
        txa
        clc
        adc #5
        tax
        cpx #SetupEnd-Setup
        bne @set
        sta DPC_RST             ; the generator back to 0 each frame
        lda #$1E
        sta COLUPF
        lda #0
        sta CTRLPF
        rts

Overscan:
        lda #0
        sta PF0
        sta PF1
        sta PF2
        rts

; BAND lines, a1, a2, a3, a4, colour: four reads a line (see the top).
.macro BAND lines, a1, a2, a3, a4, colour
        .local line
        lda #colour
        sta COLUPF
        ldy #lines
line:   sta WSYNC               ; 0
        lda a1                  ; 4
        sta PF1                 ; 7
        lda a2                  ; 11
        sta PF2                 ; 14
  .if MUSIC
        lda DPC_AMP+1           ; 18
        sta AUDV0               ; 21
  .else
        SLEEP 7
  .endif
        SLEEP 19                ; 40
        lda a3                  ; 44
        sta PF1                 ; 47: after the left PF1 (38), before the right (54)
        lda a4                  ; 51
        sta PF2                 ; 54: after the left PF2 (49), before the right (65)
        dey
        bne line
.endmacro

Kernel:
        BAND 24, DF_DATA+0, DF_DATA+1, DF_DATA+0, DF_DATA+1, $1E
        BAND 24, DF_MASK+2, DF_FLAG+2, DF_MASK+FB, DF_FLAG+FB, $46
        BAND 24, DF_SWAP+4, DF_REV+4, DF_SHR+4, DF_SHL+4, $86
.if MUSIC
        BAND 32, DPC_RNG, DPC_RNG, DPC_RNG, DPC_RNG, $C6
        BAND 24, DPC_AMP+1, DPC_AMP+2, DPC_AMP+3, DPC_AMP+1, $2A
.else
        BAND 32, DPC_RNG, DPC_RNG, DPC_RNG, DPC_RNG, $C6
        BAND 24, DF_MASK+5, DF_FLAG+5, DF_MASK+7, DF_FLAG+7, $2A
.endif
        ; a top written while the counter is inside the window: the flag
        ; clears and comes back when the counter meets top again
        sta WSYNC
        lda #$B0
        sta DF_TOP+2
        lda #$A0
        sta DF_TOP+FB
        BAND 63, DF_MASK+2, DF_DATA+1, DF_MASK+FB, DF_DATA+0, $5C
        rts

; n, top, bottom, low, high (fetchers 5-7 only without MUSIC)
Setup:
        .byte 0, $00, $00, $40, $02     ; plain data from $5BF down
        .byte 1, $00, $00, $0A, $07     ; low passes 0 on line 6: high 7 -> 6
        .byte 2, $F0, $C8, $FF, $03     ; flag on from low $F0 to $C8
        .byte FB, $E0, $E8, $F0, $05    ; bottom above top: on at $E0 for good
        .byte 4, $90, $20, $90, $01     ; low = top: the flag on at once
.if !MUSIC
        .byte 5, $D0, $C0, $D8, $04
        .byte 7, $EC, $D4, $F4, $06
.endif
SetupEnd:

.if MUSIC
VoiceTop: .byte 149, 111, 74    ; about 134, 180, 270 Hz at 20 kHz
.endif

.segment "STUB"
Start:  lda $1FF9               ; bank 1 (bank 0 holds the same stub)
        jmp Reset

.segment "VECTORS"
        .word Start, Start, Start
