| m68k.S: nested subroutines, a TRAP #1 handler and a table sum (68000).
        .text
        .globl  start
start:  lea     0x8000,%sp
        move.l  #tick,0x84              | vector 33: TRAP #1
        moveq   #0,%d0                  | the sum
        moveq   #0,%d2
        lea     table,%a0
        moveq   #5,%d1                  | 6 words (dbra counts to -1)
loop:   move.w  (%a0)+,%d3
        bsr     add
        trap    #1
        dbra    %d1,loop
        move.l  %d0,total
done:   bra.s   done

add:    bsr     addw
        rts
addw:   ext.l   %d3
        add.l   %d3,%d0
        rts

tick:   addq.w  #1,ticks
        rte

        .data
table:  .word   1000,-3,20000,7,30000,-500
total:  .long   0
ticks:  .word   0
