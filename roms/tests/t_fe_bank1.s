; Bank 1 of t_fe: the colour routine at $D000. Its vectors point at $FFE0
; too: their low byte $E0 selects bank 0 (see t_fe.s).
.segment "CODE"
        txa                     ; X = band
        asl
        asl
        asl
        asl
        ora #$0C
        rts

.segment "VECTORS"
        .word $FFE0, $FFE0, $FFE0
