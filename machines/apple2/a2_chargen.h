/* The user's Apple character generator ROMs turned into the layout our
 * renderer draws from (roms/apple2/chargen.s): 2 sets x 256 codes x 8
 * rows, bit 6 = the left dot, 1 = lit, inverse codes stored inverted,
 * the primary set's flashing codes ($40-$7F) stored normal. */
#ifndef A2_CHARGEN_H
#define A2_CHARGEN_H

#include <stdint.h>

#define A2_CHARGEN_IIPLUS_SIZE 2048u /* 341-0036.chr */
#define A2_CHARGEN_IIE_SIZE 4096u    /* 342-0265-a.chr (enhanced IIe video ROM) */

/* II+: 256 codes x 8 rows, bit 6 = left dot, 1 = lit; the video circuit
 * inverts codes $00-$3F and flashes $40-$7F. Set 1 is a copy of set 0. */
void a2_chargen_from_iiplus(const uint8_t rom[A2_CHARGEN_IIPLUS_SIZE], uint8_t out[4096]);

/* Enhanced IIe: the first 2 KiB are 256 codes x 8 rows, bit 0 = left
 * dot, 0 = lit, inverse characters stored as shown. The primary set shows
 * codes $40-$7F as the inverse $00-$3F, flashing; the alternate set shows
 * $40-$5F as MouseText and $60-$7F as the inverse of $E0-$FF. */
void a2_chargen_from_iie(const uint8_t rom[A2_CHARGEN_IIE_SIZE], uint8_t out[4096]);

#endif
