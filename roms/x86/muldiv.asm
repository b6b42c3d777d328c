; Benchmark: a mix of MUL, DIV, IMUL, shifts and rotates in a loop
; (a linear congruential generator and digit sums). Prints and halts.
        cpu 8086
        org 100h
%ifndef ITER
%define ITER 20000
%endif
start:  cli
        mov si, 1234h           ; seed
        xor di, di              ; accumulator
        mov bp, ITER
.loop:  mov ax, si              ; x = x * 25173 + 13849
        mov bx, 25173
        mul bx
        add ax, 13849
        mov si, ax
        xor dx, dx              ; digit sum of x in base 10
        mov cx, 10
.digits: div cx
        add di, dx
        xor dx, dx
        test ax, ax
        jnz .digits
        mov ax, si              ; signed multiply and shifts
        mov cl, 3
        sar ax, cl
        imul word [k]
        xor di, ax
        rol di, 1
        shl dx, 1
        adc di, dx
        mov ax, di
        mov bl, 7
        and ax, 03FFh           ; keeps the quotient below 256
        div bl
        add di, ax
        dec bp
        jnz .loop
        mov ax, di
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
k:      dw -3
