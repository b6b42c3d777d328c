; Bank 1 of t_fe: the colour routine at $D000.
.segment "CODE"
        txa
        asl
        asl
        asl
        asl
        ora #$0C
        rts
