; RIOT timer: eight measurements made in the first lines of the kernel
; (values read right after writes, across underflow, the interrupt flag),
; then shown as playfield bits (PF1 and PF2 = value), 23 lines each.
.include "frame.inc"

.segment "ZEROPAGE"
v:      .res 8

.segment "CODE"
Init:   rts
Overscan: rts
VBlank:
        lda #$C8
        sta COLUPF
        lda #0
        sta COLUBK
        rts

Kernel:
        sta WSYNC
        lda #5
        sta TIM1T
        lda INTIM               ; at once
        sta v+0
        sta WSYNC
        lda #5
        sta TIM1T
        SLEEP 10
        lda INTIM               ; after underflow
        sta v+1
        sta WSYNC
        lda #3
        sta TIM8T
        SLEEP 13
        lda INTIM
        sta v+2
        sta WSYNC
        lda #2
        sta TIM8T
        SLEEP 30
        lda TIMINT              ; flag after underflow
        sta v+3
        lda INTIM               ; clears it
        lda TIMINT
        sta v+4
        sta WSYNC
        lda #1
        sta TIM64T
        SLEEP 50
        lda INTIM
        sta v+5
        sta WSYNC
        lda #200
        sta T1024T
        lda INTIM
        sta v+6
        SLEEP 40
        lda INTIM
        sta v+7
        sta WSYNC
        ldx #0
@show:  sta WSYNC
        lda v,x
        sta PF1
        sta PF2
        LINES 22
        inx
        cpx #8
        bne @show
        sta WSYNC
        lda #0
        sta PF1
        sta PF2
        rts

.segment "VECTORS"
        .word Reset, Reset, Reset
