; Sieve of Eratosthenes (the BYTE benchmark: 8191 flags, 1899 primes),
; repeated ITER times. For bare6502: load at $0200, start at $0200; it ends
; in a JMP to itself with the count of primes in A (low) and X (high).
;   cl65 -t none -C bare.cfg [--asm-define ITER=n] -o sieve.bin sieve.s
        .setcpu "6502"
.ifndef ITER
ITER    = 10
.endif
FLAGS   = $1000
SIZE    = 8190

ptr     = $00           ; -> flags[i]
prm     = $02           ; the prime i+i+3
idx     = $04           ; i
cnt     = $06           ; primes found
iter    = $08
kp      = $0A           ; -> flags[k] in the crossing-out loop

        .segment "CODE"
start:  cld
        ldx #$FF
        txs
        lda #ITER
        sta iter
again:  lda #<FLAGS     ; all flags to 1 (32 pages)
        sta ptr
        lda #>FLAGS
        sta ptr+1
        ldx #$20
        ldy #0
        lda #1
fill:   sta (ptr),y
        iny
        bne fill
        inc ptr+1
        dex
        bne fill
        lda #0
        sta cnt
        sta cnt+1
        sta idx
        sta idx+1
        lda #<FLAGS
        sta ptr
        lda #>FLAGS
        sta ptr+1
outer:  ldy #0
        lda (ptr),y
        beq next
        lda idx         ; prime = i + i + 3
        asl a
        sta prm
        lda idx+1
        rol a
        sta prm+1
        clc
        lda prm
        adc #3
        sta prm
        bcc :+
        inc prm+1
:       clc             ; k = i + prime
        lda ptr
        adc prm
        sta kp
        lda ptr+1
        adc prm+1
        sta kp+1
inner:  lda kp          ; while k <= SIZE
        cmp #<(FLAGS+SIZE+1)
        lda kp+1
        sbc #>(FLAGS+SIZE+1)
        bcs counted
        tya             ; flags[k] = 0 (Y is 0)
        sta (kp),y
        clc             ; k += prime
        lda kp
        adc prm
        sta kp
        lda kp+1
        adc prm+1
        sta kp+1
        jmp inner
counted:
        inc cnt
        bne next
        inc cnt+1
next:   inc ptr
        bne :+
        inc ptr+1
:       inc idx
        bne :+
        inc idx+1
:       lda idx         ; while i <= SIZE
        cmp #<(SIZE+1)
        lda idx+1
        sbc #>(SIZE+1)
        bcs :+
        jmp outer
:       dec iter
        beq :+
        jmp again
:       lda cnt
        ldx cnt+1
done:   jmp done
