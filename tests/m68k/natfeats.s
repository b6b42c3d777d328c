| Native Features: NF_ID (0x7300) and NF_CALL (0x7301), called as C
| functions so the arguments are at 4(sp).
        .text
        .globl  nf_id, nf_call
nf_id:  .word   0x7300
        rts
nf_call:
        .word   0x7301
        rts
