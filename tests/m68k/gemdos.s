| The GEMDOS calls a program has without TOS: Cconws, then Pterm(7).
        .text
        .globl  main
main:
        pea     msg(%pc)
        move.w  #9,-(%sp)               | Cconws
        trap    #1
        addq.l  #6,%sp
        move.w  #7,-(%sp)
        move.w  #0x4c,-(%sp)            | Pterm
        trap    #1
1:      bra.s   1b
msg:    .asciz  "text through GEMDOS Cconws\r\n"
        .even
