| NF_EXIT with a non-zero code after some NF_STDERR output.
        .text
        .globl  main
main:
        pea     msg(%pc)
        pea     nf_stderr_name(%pc)
        jsr     nf_id
        addq.l  #4,%sp
        move.l  %d0,-(%sp)
        jsr     nf_call
        addq.l  #8,%sp
        moveq   #42,%d0
        rts
nf_stderr_name: .asciz "NF_STDERR"
msg:    .asciz  "leaving with 42\n"
        .even
