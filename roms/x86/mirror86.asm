; bare86 --ram 65536: memory mirrors every 64 KiB. Writes through 1000:0200
; and F000:0201 (linear 10200h and F0201h), reads both back at 0000:0200
; and prints them: "MR" when the RAM mirrors, something else when not.
        cpu 8086
        org 0x100
start:  cli
        mov ax, 0x1000
        mov es, ax
        mov byte [es:0x200], 'M'
        mov ax, 0xF000
        mov es, ax
        mov byte [es:0x201], 'R'
        mov al, [0x200]
        out 0xE9, al
        mov al, [0x201]
        out 0xE9, al
        mov al, 10
        out 0xE9, al
        hlt
