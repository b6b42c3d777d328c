; bare86 smoke test: prints through port E9h, then halts with IF clear.
        cpu 8086
        org 0x100
start:  cli
        mov si, msg
.next:  lodsb
        test al, al
        jz .done
        out 0xE9, al
        jmp .next
.done:  hlt
msg:    db "hello from bare86", 10, 0
