; dos.asm: a .COM program for the dos machine (INT 21h services)
        org     0x100
start:  mov     dx, hello
        call    print
        mov     cx, 3
again:  push    cx
        mov     dx, dot
        call    print
        pop     cx
        loop    again
        mov     ax, 0x4C07          ; exit with code 7
        int     0x21
print:  mov     ah, 0x09            ; print the $-terminated string at DS:DX
        int     0x21
        ret
hello:  db      "hello from DOS", 13, 10, "$"
dot:    db      ".$"
