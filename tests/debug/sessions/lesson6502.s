; lesson6502.s: add up a table of bytes into a 16-bit total.
; Build:  ca65 lesson6502.s && ld65 -t none -S 0x0800 -Ln lesson6502.lbl -o lesson6502.bin lesson6502.o
; Run:    fdx debug bare6502 --load lesson6502.bin@0x0800 --start 0x0800
        .export start
        .zeropage
total:  .res 2              ; the sum (low byte, high byte)
ticks:  .res 1              ; counted by the BRK handler

        .code

start:  ldx #$FF
        txs
        lda #<tick          ; the BRK/IRQ vector points at tick
        sta $FFFE
        lda #>tick
        sta $FFFF
        lda #0
        sta total
        sta total+1
        sta ticks
        ldx #0
loop:   lda table,x
        jsr add             ; total += A (add calls carry: nested calls)
        brk                 ; a software interrupt after every byte
        .byte $EA
        inx
        cpx #tablen
        bne loop
done:   jmp done            ; the end: an endless loop

add:    clc
        adc total
        sta total
        jsr carry
        rts
carry:  bcc nocarry
        inc total+1
nocarry:
        rts

tick:   inc ticks           ; interrupt handler
        rti

table:  .byte 10, 200, 30, 250, 5, 99, 128, 1
tablen  = * - table
