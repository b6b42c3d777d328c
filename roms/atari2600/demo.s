; fdx demo cartridge for the Atari 2600 (4K, ca65).
;
; A ship (player 0) flies over a scrolling rainbow inside a playfield frame;
; the joystick moves it, the fire button shoots (the ball) at the alien
; (player 1) that swoops back and forth. A hit scores (shown at the top in
; the playfield's score mode, in both players' colours) and explodes
; (noise on channel 1); between hits channel 1 plays a little tune. The
; console's RESET switch clears the score.
;
; Screen (NTSC, 262 lines): 3 VSYNC, 37 VBLANK, 10 score lines, 2 gap
; lines, 180 play lines (a two-line kernel: 90 rows), 30 overscan.

.include "vcs.inc"

SHIP_H  = 8                     ; sprite heights in rows (2 lines each)
ALIEN_H = 8
ROWS    = 90

.segment "ZEROPAGE"
frame:   .res 1
p0x:     .res 1                 ; ship column (0..152)
p0row:   .res 1                 ; ship row (rows count up from the bottom)
p1x:     .res 1
p1dir:   .res 1                 ; +1 / -1 (as $01 / $FF)
p1row:   .res 1
blx:     .res 1
blrow:   .res 1                 ; ball row, $F0 = no shot
score:   .res 1                 ; BCD
shot:    .res 1                 ; shot sound timer
boom:    .res 1                 ; explosion timer
note:    .res 1                 ; tune position
g0:      .res 1                 ; graphics for the next line
g1:      .res 1
en:      .res 1
bkcol:   .res 1
pf0v:    .res 1
scorepf: .res 5
tmp:     .res 1
t5:      .res 1
o5:      .res 1
phase:   .res 1                 ; rainbow phase

.segment "CODE"

Reset:
        sei
        cld
        ldx #0
        txa
@clear: sta $00,x               ; TIA registers and RAM
        inx
        bne @clear
        dex
        txs
        lda #76
        sta p0x
        lda #12
        sta p0row
        lda #20
        sta p1x
        lda #1
        sta p1dir
        lda #70
        sta p1row
        lda #$F0
        sta blrow

Frame:
        ; ---- vertical sync: three lines
        lda #2
        sta WSYNC
        sta VSYNC
        sta WSYNC
        sta WSYNC
        lda #43                 ; 37 lines of VBLANK = 2812 cycles = 43.9 x 64
        sta WSYNC
        sta TIM64T
        lda #0
        sta VSYNC

        jsr Logic
        jsr Sound

        ; ---- place the objects (a line each) and fine-tune with HMOVE
        lda p0x
        ldx #0
        jsr PosObj
        lda p1x
        ldx #1
        jsr PosObj
        lda blx
        ldx #4
        jsr PosObj
        sta WSYNC
        sta HMOVE

        ; the score's playfield rows: tens in the left nibble, ones in the right
        lda score
        lsr
        lsr
        lsr
        lsr
        sta tmp
        asl
        asl
        adc tmp                 ; tens * 5
        sta t5
        lda score
        and #$0F
        sta tmp
        asl
        asl
        adc tmp                 ; ones * 5
        sta o5
        ldx #0
@srow:  ldy t5
        lda Font,y
        and #$F0
        sta tmp
        ldy o5
        lda Font,y
        and #$0F
        ora tmp
        sta scorepf,x
        inc t5
        inc o5
        inx
        cpx #5
        bne @srow
        sta HMCLR

        ; colours
        lda #$1C
        sta COLUP0
        lda boom
        beq :+
        lda frame
        and #$0F
        ora #$40
        .byte $2C               ; skip the next load
:       lda #$48
        sta COLUP1
        lda #$02                ; playfield score mode for the score
        sta CTRLPF
        lda #0
        sta g0
        sta g1
        sta en

@wait:  lda INTIM
        bne @wait
        sta WSYNC
        sta VBLANK              ; A = 0: the picture starts

        ; ---- score: five rows of two lines
        ldx #0
@score: sta WSYNC
        lda scorepf,x
        sta PF1
        sta WSYNC
        inx
        cpx #5
        bne @score
        sta WSYNC
        lda #0
        sta PF1
        lda #$21                ; reflected playfield, ball 4 clocks wide
        sta CTRLPF
        lda frame
        and #$F0
        ora #$0A
        sta COLUPF
        lda #$F0
        sta pf0v
        sta WSYNC

        ; ---- play area: two lines per row
        ldy #ROWS
LineA:  sta WSYNC
        lda bkcol               ; 3
        sta COLUBK              ; 6
        lda g0                  ; 9
        sta GRP0                ; 12
        lda pf0v                ; 15
        sta PF0                 ; 18
        tya                     ; graphics of player 1 for line B
        sec
        sbc p1row
        cmp #ALIEN_H
        bcs @no1
        tax
        lda Alien,x
        .byte $2C
@no1:   lda #0
        sta g1
        ldx #0                  ; the shot is one row tall
        cpy blrow
        bne :+
        ldx #2
:       stx en
        ldx #$10                ; the frame: sides, closed at the bottom row
        cpy #2
        bne :+
        ldx #$F0
:       stx pf0v
LineB:  sta WSYNC
        lda g1                  ; 3
        sta GRP1                ; 6
        lda en                  ; 9
        sta ENABL               ; 12
        dey
        tya                     ; graphics of player 0 for the next row
        sec
        sbc p0row
        cmp #SHIP_H
        bcs @no0
        tax
        lda Ship,x
        .byte $2C
@no0:   lda #0
        sta g0
        tya                     ; rainbow: hue from row and time
        lsr
        lsr
        lsr
        adc phase
        asl
        asl
        asl
        asl
        ora #$04
        sta bkcol
        cpy #0
        bne LineA

        ; ---- overscan: 30 lines
        sta WSYNC
        lda #2
        sta VBLANK
        lda #0
        sta COLUBK
        sta GRP0
        sta GRP1
        sta ENABL
        sta PF0
        lda #35
        sta TIM64T
        inc frame
        lda frame
        lsr
        lsr
        lsr
        sta phase               ; rainbow phase for the next frame
        ; hits: ball against player 1
        bit CXP1FB
        bvc @nohit
        lda #$F0
        sta blrow
        lda #24
        sta boom
        sed
        lda score
        clc
        adc #1
        sta score
        cld
@nohit: sta CXCLR
@os:    lda INTIM
        bne @os
        jmp Frame

; ---- game logic, in VBLANK
Logic:
        lda SWCHB               ; RESET switch clears the score
        lsr
        bcs :+
        lda #0
        sta score
:       lda SWCHA
        asl                     ; right
        bcs :+
        ldx p0x
        cpx #150
        bcs :+
        inc p0x
:       asl                     ; left
        bcs :+
        ldx p0x
        beq :+
        dec p0x
:       asl                     ; down
        bcs :+
        ldx p0row
        cpx #SHIP_H+1
        bcc :+
        dec p0row
:       asl                     ; up
        bcs :+
        ldx p0row
        cpx #40
        bcs :+
        inc p0row
:       ; fire: a new shot when none is flying
        bit INPT4
        bmi @nofire
        lda blrow
        cmp #$F0
        bne @nofire
        lda p0row
        sta blrow
        lda p0x
        clc
        adc #3
        sta blx
        lda #15
        sta shot
@nofire:
        lda blrow               ; the shot flies up two rows a frame
        cmp #$F0
        beq @alien
        clc
        adc #2
        cmp #ROWS
        bcc :+
        lda #$F0
:       sta blrow
@alien: lda p1x                 ; the alien sweeps and bobs
        clc
        adc p1dir
        sta p1x
        cmp #140
        bcc :+
        lda #$FF
        sta p1dir
:       lda p1x
        bne :+
        lda #1
        sta p1dir
:       lda frame
        lsr
        lsr
        and #$1F
        cmp #$10
        bcc :+
        eor #$1F
:       clc
        adc #62
        sta p1row
        rts

; ---- sound: channel 0 the shot, channel 1 the explosion or the tune
Sound:
        lda shot
        beq @s0off
        dec shot
        lsr
        sta AUDV0
        lda #4
        sta AUDC0
        lda #15
        sec
        sbc shot
        sta AUDF0
        jmp @ch1
@s0off: sta AUDV0
@ch1:   lda boom
        beq @tune
        dec boom
        lsr
        lsr
        sta AUDV1
        lda #8
        sta AUDC1
        lda #20
        sta AUDF1
        rts
@tune:  lda #12
        sta AUDC1
        lda frame
        and #$0F
        bne :+
        inc note
:       lda note
        and #$0F
        tax
        lda Tune,x
        sta AUDF1
        lda frame
        and #$0F
        eor #$0F
        lsr
        lsr
        sta AUDV1
        rts

; ---- set object X (0 P0, 1 P1, 4 ball) to column A: coarse with RESxx,
; fine with HMxx (the usual divide-by-15 loop)
PosObj:
        sta WSYNC
        sec
:       sbc #15
        bcs :-
        eor #7
        asl
        asl
        asl
        asl
        sta HMP0,x
        sta RESP0,x
        rts

Ship:   .byte %00000000, %10000001, %11000011, %11111111, %01111110, %00111100, %00011000, %00011000
Alien:  .byte %00000000, %01000010, %00100100, %01111110, %11011011, %11111111, %10100101, %00100100
Tune:   .byte 19, 15, 12, 15, 19, 23, 19, 15, 12, 9, 12, 15, 19, 23, 29, 23
; 4x5 digits, each row doubled into both nibbles
Font:   .byte $EE, $AA, $AA, $AA, $EE   ; 0
        .byte $22, $22, $22, $22, $22   ; 1
        .byte $EE, $22, $EE, $88, $EE   ; 2
        .byte $EE, $22, $66, $22, $EE   ; 3
        .byte $AA, $AA, $EE, $22, $22   ; 4
        .byte $EE, $88, $EE, $22, $EE   ; 5
        .byte $EE, $88, $EE, $AA, $EE   ; 6
        .byte $EE, $22, $22, $22, $22   ; 7
        .byte $EE, $AA, $EE, $AA, $EE   ; 8
        .byte $EE, $AA, $EE, $22, $EE   ; 9

.segment "VECTORS"
        .word Reset, Reset, Reset
