; Benchmark: sieve of Eratosthenes over 8190 flags, repeated ITER times.
; Prints the prime count through port E9h and halts (bare86).
        cpu 8086
        org 100h
%ifndef ITER
%define ITER 50
%endif
SIZE    equ 8190
start:  cli
        mov ax, cs
        mov ds, ax
        mov es, ax
        mov bp, ITER
.again: mov di, flags           ; all flags to 1
        mov cx, SIZE / 2
        mov ax, 0101h
        cld
        rep stosw
        xor dx, dx              ; count
        xor si, si              ; i
.loop:  cmp byte [flags + si], 0
        je .next
        mov ax, si              ; prime = i + i + 3
        add ax, ax
        add ax, 3
        mov bx, si
        add bx, ax              ; k = i + prime
.strike: cmp bx, SIZE
        jae .counted
        mov byte [flags + bx], 0
        add bx, ax
        jmp .strike
.counted: inc dx
.next:  inc si
        cmp si, SIZE
        jb .loop
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
flags:
