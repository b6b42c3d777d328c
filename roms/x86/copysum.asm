; Benchmark: copy 32 KiB between segments with MOVSW, then checksum it
; with LODSB/ADD/ROL, ITER times. Prints the checksum (port E9h) and halts.
        cpu 8086
        org 100h
%ifndef ITER
%define ITER 20
%endif
start:  cli
        mov ax, 2000h
        mov es, ax              ; fill the source with a pattern
        xor di, di
        mov cx, 8000h
        xor ax, ax
.fill:  stosb
        add al, 13
        xor al, ah
        inc ah
        loop .fill
        mov bp, ITER
        xor dx, dx
.again: push ds
        mov ax, 2000h
        mov ds, ax
        mov ax, 3000h
        mov es, ax
        xor si, si
        xor di, di
        mov cx, 4000h
        cld
        rep movsw
        mov ax, 3000h
        mov ds, ax
        xor si, si
        mov cx, 8000h
.sum:   lodsb
        add dl, al
        adc dh, 0
        rol dx, 1
        loop .sum
        pop ds
        dec bp
        jnz .again
        mov ax, dx
        call hex
        mov al, 10
        out 0E9h, al
        hlt
hex:    mov cx, 4
.d:     rol ax, 1
        rol ax, 1
        rol ax, 1
        rol ax, 1
        push ax
        and al, 0Fh
        add al, '0'
        cmp al, '9'
        jbe .o
        add al, 7
.o:     out 0E9h, al
        pop ax
        loop .d
        ret
