; A hand-built MZ .EXE: code, data and stack segments with a relocation
; for the data segment. Checks that the loader applied it and set SS:SP.
        cpu 8086
        org 0
HDR     equ 48
header: db "MZ"
        dw (file_end - header) % 512
        dw (file_end - header + 511) / 512
        dw 2                    ; relocations
        dw HDR / 16             ; header paragraphs
        dw 40h                  ; minimum extra paragraphs
        dw 0FFFFh               ; maximum
        dw (stack_seg - header - HDR) / 16
        dw 100h                 ; SP
        dw 0                    ; checksum
        dw start - HDR          ; IP
        dw 0                    ; CS (relative)
        dw relocs               ; relocation table
        dw 0
relocs: dw fix1 + 1 - HDR, 0
        dw fix2 + 1 - HDR, 0
        times HDR - ($ - $$) db 0

start:
fix1:   mov ax, (data_seg - header - HDR) / 16
        mov ds, ax
        mov dx, msg - data_seg
        mov ah, 9
        int 21h
        ; SS must be our stack segment: compare with the relocated value
fix2:   mov ax, (stack_seg - header - HDR) / 16
        mov bx, ss
        cmp ax, bx
        jne bad
        cmp sp, 100h
        jne bad
        ; ES is the PSP: its first bytes are INT 20h
        cmp word [es:0], 20CDh
        jne bad
        mov dx, okmsg - data_seg
        mov ah, 9
        int 21h
        mov ax, 4C05h
        int 21h
bad:    mov dx, badmsg - data_seg
        mov ah, 9
        int 21h
        mov ax, 4C01h
        int 21h

        align 16
data_seg:
msg:    db "dosexe: data segment reached", 13, 10, "$"
okmsg:  db "dosexe: relocations and stack ok", 13, 10, "$"
badmsg: db "dosexe: BAD", 13, 10, "$"
        align 16
stack_seg:
        times 256 db 0
file_end:
