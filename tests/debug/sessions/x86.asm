; x86.asm: nested calls, a software interrupt (INT 80h) and port E9h output.
; nasm -f bin -o x86.bin x86.asm   (the map file gives the symbols)
        cpu     8086
        org     0x0100
        [map symbols x86.map]
start:  xor     ax, ax
        mov     ds, ax
        mov     ss, ax
        mov     sp, 0x8000
        mov     word [0x80*4], tick     ; vector 80h -> tick
        mov     word [0x80*4+2], 0
        mov     si, msg
        xor     bx, bx                  ; checksum
next_ch:
        lodsb
        or      al, al
        jz      done
        call    emit
        int     0x80
        jmp     next_ch
done:   mov     [sum], bx
halt:   jmp     halt

emit:   call    addsum
        out     0xE9, al
        ret
addsum: add     bl, al
        adc     bh, 0
        ret

tick:   inc     word [ticks]
        iret

msg:    db      "Hi!", 10, 0
sum:    dw      0
ticks:  dw      0
