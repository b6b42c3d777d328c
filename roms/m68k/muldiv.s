| Benchmark: a multiply / divide / shift mix (MULU, MULS, DIVU, DIVS,
| ASL, LSR, ROR, SWAP) over a pseudo-random sequence, COUNT x 1000 steps.
        .include "bench_common.inc"
        .text
start:  lea     stack_top(%pc),%sp
        move.l  COUNT.w,%d7
        move.l  #0x2545f491,%d0         | state
        moveq   #0,%d6                  | accumulator
again:  move.w  #999,%d5
step:   move.w  %d0,%d1
        mulu.w  #40503,%d1              | 16x16 multiply
        swap    %d0
        eor.w   %d1,%d0
        add.l   %d1,%d6
        move.l  %d6,%d2
        move.w  %d0,%d3
        or.w    #1,%d3
        divu.w  %d3,%d2                 | may overflow: then V is set, d2 kept
        bvs.s   1f
        add.w   %d2,%d6
1:      move.w  %d1,%d4
        muls.w  %d0,%d4
        asr.l   #3,%d4
        move.w  %d0,%d3
        or.w    #3,%d3
        divs.w  %d3,%d4
        bvs.s   2f
        swap    %d4
        add.w   %d4,%d6
2:      move.w  %d5,%d3
        and.w   #7,%d3
        lsl.l   %d3,%d6
        ror.l   #5,%d6
        lsr.w   #1,%d1
        add.w   %d1,%d0
        dbra    %d5,step
        subq.l  #1,%d7
        bne.s   again
        EXIT    0
        NATFEATS
        .space  256
stack_top:
