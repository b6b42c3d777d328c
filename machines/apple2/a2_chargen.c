/* The user's character generator ROMs in our renderer's layout. */
#include "a2_chargen.h"

void a2_chargen_from_iiplus(const uint8_t rom[A2_CHARGEN_IIPLUS_SIZE], uint8_t out[4096])
{
    for (unsigned c = 0; c < 256; c++)
        for (unsigned y = 0; y < 8; y++) {
            uint8_t g = rom[c * 8 + y] & 0x7F;
            if (c < 0x40) g ^= 0x7F; /* inverse */
            out[c * 8 + y] = out[2048 + c * 8 + y] = g;
        }
}

/* A row of the IIe ROM (bit 0 left, 0 lit) as we store it (bit 6 left, 1 lit). */
static uint8_t iie_row(uint8_t r)
{
    uint8_t g = 0;
    for (unsigned x = 0; x < 7; x++)
        if (!(r & (1u << x))) g |= (uint8_t)(0x40 >> x);
    return g;
}

void a2_chargen_from_iie(const uint8_t rom[A2_CHARGEN_IIE_SIZE], uint8_t out[4096])
{
    for (unsigned c = 0; c < 256; c++)
        for (unsigned y = 0; y < 8; y++) {
            /* primary: $40-$7F flash between the inverse glyph of c & $3F
             * and its normal form, which is what we store */
            uint8_t p = (c >= 0x40 && c < 0x80) ? (uint8_t)(iie_row(rom[(c & 0x3F) * 8 + y]) ^ 0x7F)
                                                 : iie_row(rom[c * 8 + y]);
            /* alternate: $60-$7F are the lower case of $E0-$FF, inverted */
            uint8_t a = (c >= 0x60 && c < 0x80) ? (uint8_t)(iie_row(rom[(c | 0x80) * 8 + y]) ^ 0x7F)
                                                 : iie_row(rom[c * 8 + y]);
            out[c * 8 + y] = p;
            out[2048 + c * 8 + y] = a;
        }
}
