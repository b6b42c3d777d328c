; Largest free memory block (.COM): INT 21h/48h asking for everything
; fails and returns in BX the paragraphs there are; printed in hex. With
; --ram the figure follows the RAM size (tests/x86/CMakeLists.txt).
        cpu 8086
        org 100h
start:  mov ah, 4Ah             ; shrink ourselves to 64 KiB
        mov bx, 1000h
        int 21h
        mov ah, 48h
        mov bx, 0FFFFh
        int 21h
        mov ax, bx
        call print_hex
        call crlf
        mov ax, 4C00h
        int 21h

%include "lib.inc"
