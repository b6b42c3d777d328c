| Start-up for the freestanding test programs (GEMDOS .PRG, no TOS needed):
| calls main(basepage) and ends with NF_EXIT(main's result).
        .text
        .globl  _start
_start:
        move.l  4(%sp),%a0              | basepage
        move.l  %a0,-(%sp)
        jsr     main
        addq.l  #4,%sp
        move.l  %d0,%d7
        pea     exit_name(%pc)
        jsr     nf_id
        addq.l  #4,%sp
        move.l  %d7,-(%sp)
        move.l  %d0,-(%sp)
        jsr     nf_call
1:      bra.s   1b
exit_name:
        .asciz  "NF_EXIT"
        .even
