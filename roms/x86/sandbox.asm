; Tries to leave the sandbox directory; every attempt must fail with a DOS
; error code (printed), and nothing may appear outside the directory.
        cpu 8086
        org 100h
start:  mov si, names
.next:  cmp byte [si], 0
        je .done
        mov dx, si
        mov ah, 3Ch             ; create
        xor cx, cx
        int 21h
        sbb bx, bx              ; FFFF when CF
        xchg ax, bx
        call print_hex
        mov ax, bx
        call print_hex
        call crlf
.skip:  lodsb                   ; to the next name
        test al, al
        jnz .skip
        jmp .next
.done:  mov ah, 0FFh            ; unknown function: CF and AX=1
        int 21h
        sbb bx, bx
        xchg ax, bx
        call print_hex
        mov ax, bx
        call print_hex
        call crlf
        mov ax, 4C00h
        int 21h

%include "lib.inc"

names:  db "..\EVIL1.TXT", 0
        db "\EVIL2.TXT", 0
        db "/tmp/EVIL3.TXT", 0
        db "D:EVIL4.TXT", 0
        db "SUB\..\..\EVIL5.TXT", 0
        db "C:..\EVIL6.TXT", 0
        db "LINK\EVIL7.TXT", 0
        db "NUL", 0
        db "OK.TXT", 0
        db 0
