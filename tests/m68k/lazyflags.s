| Conditions on lazily kept flags against the same conditions on flags set
| directly. The CPU keeps the flags of CMP/SUB/ADD/NEG and of logic results
| as their operands and tests conditions (Bcc, Scc, DBcc) on those; the
| SingleStepTests run one instruction each, so they never test a condition
| on flags a previous instruction left. Here, for pairs of edge values and
| each flag-setting instruction: MOVE SR,D3 takes the flags as computed,
| then every condition is tested once on the lazy flags (Scc after the
| instruction again) and once on D3 put into the CCR; the two must agree.
| Raw binary at $1000 on bare68k; NF_EXIT(0) when all agree, else 1.
        .include "bench_common.inc"
| Runs OP on D5 = D0 (A5 = D0), then checks all 16 conditions.
        .macro  CHECK op
        move.l  %d0,%d5
        movea.l %d0,%a5
        \op
        move    %sr,%d3
        .irp    c,t,f,hi,ls,cc,cs,ne,eq,vc,vs,pl,mi,ge,lt,gt,le
        move.l  %d0,%d5
        movea.l %d0,%a5
        \op
        s\c     %d2                     | on the flags the instruction left
        move    %d3,%ccr
        s\c     %d4                     | on the same flags set directly
        cmp.b   %d2,%d4
        bne     fail
        .endr
        .endm

        .text
start:  lea     stack_top(%pc),%sp
        lea     values(%pc),%a0
        moveq   #NVALUES-1,%d7
outer:  move.l  (%a0)+,%d0              | the destination operand
        lea     values(%pc),%a1
        moveq   #NVALUES-1,%d6
inner:  move.l  (%a1)+,%d1              | the source operand
        CHECK   "cmp.b %d1,%d5"
        CHECK   "cmp.w %d1,%d5"
        CHECK   "cmp.l %d1,%d5"
        CHECK   "sub.b %d1,%d5"
        CHECK   "sub.w %d1,%d5"
        CHECK   "sub.l %d1,%d5"
        CHECK   "add.b %d1,%d5"
        CHECK   "add.w %d1,%d5"
        CHECK   "add.l %d1,%d5"
        CHECK   "neg.b %d5"
        CHECK   "neg.w %d5"
        CHECK   "neg.l %d5"
        CHECK   "tst.b %d5"
        CHECK   "tst.w %d5"
        CHECK   "tst.l %d5"
        CHECK   "and.w %d1,%d5"
        CHECK   "eor.l %d1,%d5"
        CHECK   "subq.w #1,%d5"
        CHECK   "addq.b #1,%d5"
        CHECK   "cmpi.w #0x8000,%d5"
        CHECK   "cmpa.w %d1,%a5"
        CHECK   "cmpa.l %d1,%a5"
        dbra    %d6,inner
        dbra    %d7,outer
        EXIT    0
fail:   EXIT    1

        .even
values: .long   0, 1, 2, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xffff
        .long   0x10000, 0x7fffffff, 0x80000000, 0xffffffff, 0x12345678, 0xfedcba98
        .long   0x00008001, 0x7fff8000
        .equ    NVALUES, (. - values) / 4
        NATFEATS
        .space  256
stack_top:
