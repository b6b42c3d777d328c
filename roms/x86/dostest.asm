; DOS services test (.COM): console output, command tail, files, find,
; memory blocks, errors, exit code. Its output and files are compared with
; DOSBox running the same program (tests/x86/dos_compare.sh).
        cpu 8086
        org 100h
start:  mov ah, 9
        mov dx, hello
        int 21h
        ; command tail, as the program sees it
        mov ah, 40h
        mov bx, 1
        mov dx, tailmsg
        mov cx, tailmsg_len
        int 21h
        xor ch, ch
        mov cl, [80h]
        mov dx, 81h
        mov ah, 40h
        mov bx, 1
        int 21h
        call crlf
        ; create TEST1.DAT with 200 bytes
        mov di, buf
        xor al, al
        mov cx, 200
.fill:  stosb
        add al, 7
        loop .fill
        mov ah, 3Ch
        xor cx, cx
        mov dx, name1
        int 21h
        jc fail
        mov bx, ax
        mov ah, 40h
        mov cx, 200
        mov dx, buf
        int 21h
        jc fail
        call print_hex          ; bytes written
        call crlf
        mov ah, 3Eh
        int 21h
        ; second file with text
        mov ah, 3Ch
        xor cx, cx
        mov dx, name2
        int 21h
        jc fail
        mov bx, ax
        mov ah, 40h
        mov cx, text_len
        mov dx, text
        int 21h
        mov ah, 3Eh
        int 21h
        ; reopen the first, seek, read
        mov ax, 3D00h
        mov dx, name1
        int 21h
        jc fail
        mov bx, ax
        mov ax, 4200h
        xor cx, cx
        mov dx, 100
        int 21h
        call print_hex          ; new position
        call crlf
        mov ah, 3Fh
        mov cx, 4
        mov dx, rbuf
        int 21h
        call print_hex          ; bytes read
        mov ax, [rbuf]
        call print_hex
        mov ax, [rbuf+2]
        call print_hex
        call crlf
        mov ax, 4202h           ; size through seek to end
        xor cx, cx
        xor dx, dx
        int 21h
        call print_hex
        call crlf
        mov ah, 3Fh             ; read at end: 0 bytes
        mov cx, 10
        mov dx, rbuf
        int 21h
        call print_hex
        call crlf
        mov ah, 3Eh
        int 21h
        ; attributes
        mov ax, 4300h
        mov dx, name1
        int 21h
        jc fail
        mov ax, cx
        and ax, 0FFDFh          ; archive bit differs between DOSes
        call print_hex
        call crlf
        ; find TEST?.DAT: count matches
        mov ah, 1Ah
        mov dx, dta
        int 21h
        xor si, si
        mov ah, 4Eh
        xor cx, cx
        mov dx, pattern
        int 21h
.count: jc .counted
        inc si
        mov ah, 4Fh
        int 21h
        jmp .count
.counted:
        mov ax, si
        call print_hex
        call crlf
        ; find one by name: size from the DTA
        mov ah, 4Eh
        xor cx, cx
        mov dx, name2
        int 21h
        jc fail
        mov ax, [dta+1Ah]
        call print_hex
        mov si, dta+1Eh
        call print_str
        call crlf
        ; delete the second, count again
        mov ah, 41h
        mov dx, name2
        int 21h
        jc fail
        mov ah, 4Eh
        xor cx, cx
        mov dx, name2
        int 21h
        sbb ax, ax              ; FFFF: not found any more
        call print_hex
        call crlf
        ; open a missing file: error 2
        mov ax, 3D00h
        mov dx, missing
        int 21h
        call print_hex
        call crlf
        ; memory: shrink ourselves, allocate, resize, free
        mov ah, 4Ah
        mov bx, 1000h
        int 21h
        sbb ax, ax
        call print_hex
        mov ah, 48h
        mov bx, 100h
        int 21h
        jc fail
        mov es, ax
        mov byte [es:0], 55h
        mov ah, 4Ah
        mov bx, 200h
        int 21h
        sbb ax, ax
        call print_hex
        mov ah, 49h
        int 21h
        sbb ax, ax
        call print_hex
        mov ah, 48h
        mov bx, 0FFFFh          ; too much: error 8 and the largest block
        int 21h
        call print_hex
        call crlf
        push cs
        pop es
        ; 02h, 06h and handle 1 once more
        mov ah, 2
        mov dl, '*'
        int 21h
        mov ah, 6
        mov dl, '#'
        int 21h
        call crlf
        mov ax, 4C2Ah           ; exit code 42
        int 21h
fail:   push ax
        mov ah, 9
        mov dx, failmsg
        int 21h
        pop ax
        call print_hex
        mov ax, 4C01h
        int 21h

%include "lib.inc"

hello:  db "dostest: hello", 13, 10, "$"
tailmsg: db "tail:["
tailmsg_len equ $ - tailmsg
failmsg: db "FAILED, AX=$"
name1:  db "TEST1.DAT", 0
name2:  db "test2.dat", 0
missing: db "NOFILE.XYZ", 0
pattern: db "TEST?.DAT", 0
text:   db "written by dostest", 13, 10
text_len equ $ - text
rbuf:   dw 0, 0
dta:    times 128 db 0
buf:    times 200 db 0
