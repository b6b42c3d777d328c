; bare86: single-step trap (TF). The INT 1 handler counts the instructions
; that ran with TF set; an IRET back into code with TF set keeps stepping.
; Prints the count as a letter ('A' + count) and halts.
        cpu 8086
        org 0x100
start:  cli
        xor ax, ax
        mov ds, ax
        mov word [4], step      ; INT 1 vector -> step
        mov [6], cs
        mov ax, cs
        mov ds, ax
        mov byte [count], 0
        pushf
        pop ax
        or ah, 1                ; TF
        push ax
        popf                    ; no trap after the POPF that sets TF
        nop                     ; 1
        inc bx                  ; 2
        mov cx, 3               ; 3
.l:     loop .l                 ; 4, 5, 6
        pushf                   ; 7
        pop ax                  ; 8
        and ah, 0FEh            ; 9
        push ax                 ; 10
        popf                    ; clears TF: no trap
        nop
        mov al, 'A'
        add al, [count]
        out 0E9h, al
        mov al, 10
        out 0E9h, al
        hlt
step:   inc byte [cs:count]     ; runs with TF clear (the interrupt cleared it)
        iret
count:  db 0
