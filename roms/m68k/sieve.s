| Benchmark: the BYTE sieve of Eratosthenes (8191 flags, 1899 primes),
| repeated COUNT times.
        .include "bench_common.inc"
        .equ    SIZE, 8190
        .text
start:  lea     stack_top(%pc),%sp
        move.l  COUNT.w,%d7
again:  lea     flags(%pc),%a0
        move.w  #SIZE,%d0
        moveq   #1,%d1
fill:   move.b  %d1,(%a0)+
        dbra    %d0,fill
        lea     flags(%pc),%a0
        moveq   #0,%d1                  | i
        moveq   #0,%d5                  | primes found
scan:   tst.b   (%a0,%d1.w)
        beq.s   next
        move.w  %d1,%d2
        add.w   %d2,%d2
        addq.w  #3,%d2                  | prime = i + i + 3
        move.w  %d1,%d3
        add.w   %d2,%d3                 | k = i + prime
strike: cmp.w   #SIZE,%d3
        bgt.s   counted
        clr.b   (%a0,%d3.w)
        add.w   %d2,%d3
        bra.s   strike
counted:
        addq.w  #1,%d5
next:   addq.w  #1,%d1
        cmp.w   #SIZE,%d1
        ble.s   scan
        subq.l  #1,%d7
        bne.s   again
        cmp.w   #1899,%d5
        bne.s   bad
        EXIT    0
bad:    EXIT    1
        NATFEATS
flags:  .space  8192
        .space  256
stack_top:
