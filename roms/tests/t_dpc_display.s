; DPC test carts: the chip's 2K display ROM. Fetchers read it backwards
; (ROM[2047 - counter]); byte k is its low address bits with the 256-byte
; page k / 256 mixed in, so every step of a counter shows.
.segment "CODE"
.repeat 2048, k
        .byte <((k & $FF) ^ ((k >> 8) * $35))
.endrep
