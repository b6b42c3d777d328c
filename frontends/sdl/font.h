/* The on-screen font: 5x7 pixels, one byte per row, bit 4 = leftmost. */
#ifndef FDX_SDL_FONT_H
#define FDX_SDL_FONT_H

#define FDX_FONT_W 5
#define FDX_FONT_H 7

/* The 7 rows of c's glyph (unknown characters show as '?'). */
const unsigned char *fdx_font_glyph(char c);

#endif
