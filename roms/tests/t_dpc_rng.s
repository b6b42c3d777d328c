; DPC test carts: the 255-byte trailer some Pitfall II dumps carry (MAME
; wants it): the random number generator's cycle as read after a reset.
; The chip makes these itself; emulators ignore them.
.segment "CODE"
r .set 0
.repeat 255
r .set ((r << 1) | (~((r >> 7) ^ (r >> 5) ^ (r >> 4) ^ (r >> 3)) & 1)) & $FF
        .byte r
.endrep
