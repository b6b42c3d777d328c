/* TIA colour palettes: 128 entries (index = colour register >> 1), XRGB8888. */
#ifndef FDX_A2600_PALETTE_H
#define FDX_A2600_PALETTE_H

#include <stdint.h>

extern const uint32_t a2600_palette_ntsc[128];
extern const uint32_t a2600_palette_pal[128];
extern const uint32_t a2600_palette_secam[128];

#endif
