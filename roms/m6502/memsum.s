; Memory copy and checksum: fills 16 KiB at $4000 with a pattern, copies it
; to $8000 and sums the copy (16-bit sum with carry, plus an EOR), ITER
; times. For bare6502: load and start at $0200; it ends in a JMP to itself
; with the sum in A (low) and X (high), the EOR in Y.
;   cl65 -t none -C bare.cfg [--asm-define ITER=n] -o memsum.bin memsum.s
        .setcpu "6502"
.ifndef ITER
ITER    = 4
.endif
SRC     = $4000
DST     = $8000
PAGES   = $40

src     = $00
dst     = $02
sum     = $04
xsum    = $06
iter    = $07

        .segment "CODE"
start:  cld
        ldx #$FF
        txs
        lda #ITER
        sta iter
        lda #0
        sta sum
        sta sum+1
        sta xsum
again:  lda #<SRC       ; fill: byte = low address byte EOR page
        sta src
        lda #>SRC
        sta src+1
        ldx #PAGES
        ldy #0
fill:   tya
        eor src+1
        sta (src),y
        iny
        bne fill
        inc src+1
        dex
        bne fill
        lda #>SRC       ; copy
        sta src+1
        lda #>DST
        sta dst+1
        lda #0
        sta dst
        ldx #PAGES
copy:   lda (src),y
        sta (dst),y
        iny
        bne copy
        inc src+1
        inc dst+1
        dex
        bne copy
        lda #>DST       ; sum
        sta dst+1
sumlp:  lda (dst),y
        tax
        eor xsum
        sta xsum
        txa
        clc
        adc sum
        sta sum
        bcc :+
        inc sum+1
:       iny
        bne sumlp
        inc dst+1
        lda dst+1
        cmp #>(DST + PAGES*256)
        bne sumlp
        dec iter
        bne again
        lda sum
        ldx sum+1
        ldy xsum
done:   jmp done
