| Benchmark: copy a 16 KiB block with MOVE.L and MOVEM, then checksum
| both copies (ADD.L, ROL, EOR); COUNT times. The checksums must agree.
        .include "bench_common.inc"
        .equ    LONGS, 4096
        .text
start:  lea     stack_top(%pc),%sp
        lea     src(%pc),%a0            | fill the source with a pattern
        move.l  #0x12345678,%d0
        move.w  #LONGS-1,%d1
pat:    move.l  %d0,(%a0)+
        rol.l   #5,%d0
        add.l   #0x9e3779b9,%d0
        dbra    %d1,pat
        move.l  COUNT.w,%d7
again:  lea     src(%pc),%a0
        lea     dst(%pc),%a1
        move.w  #LONGS/8-1,%d1
copy:   move.l  (%a0)+,(%a1)+           | half with MOVE.L
        move.l  (%a0)+,(%a1)+
        move.l  (%a0)+,(%a1)+
        move.l  (%a0)+,(%a1)+
        movem.l (%a0)+,%d2-%d5          | half with MOVEM
        movem.l %d2-%d5,(%a1)
        lea     16(%a1),%a1
        dbra    %d1,copy
        lea     src(%pc),%a0
        bsr.s   checksum
        move.l  %d0,%d6
        lea     dst(%pc),%a0
        bsr.s   checksum
        cmp.l   %d0,%d6
        bne.s   bad
        subq.l  #1,%d7
        bne.s   again
        EXIT    0
bad:    EXIT    1
checksum:
        moveq   #0,%d0
        move.w  #LONGS-1,%d1
sum:    add.l   (%a0)+,%d0
        rol.l   #1,%d0
        eor.w   %d1,%d0
        dbra    %d1,sum
        rts
        NATFEATS
src:    .space  LONGS*4
dst:    .space  LONGS*4
        .space  256
stack_top:
