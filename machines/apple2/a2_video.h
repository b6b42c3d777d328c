/* Apple II video, generated from memory.
 *
 * Each displayed line becomes a stream of 560 dots (14 MHz), the way the
 * video hardware shifts them out: text and lo-res 7-dot cells doubled,
 * hi-res bits doubled with the high bit delaying the byte by one dot,
 * 80-column text and double hi-res 7 dots per byte from auxiliary and main
 * memory alternately. Colour comes from the dot stream as an NTSC monitor
 * decodes it: the 4 dots around each position, taken at their phase of the
 * colour subcarrier, name one of 16 colours (the lo-res palette), so hi-res
 * and double hi-res colours and their fringes are artifacts, not a lookup by
 * mode. Text lines carry no colour burst and come out white (the II+ and
 * IIe turn the burst off in text mode), as does everything on `mono`.
 *
 * The picture is 560x384 (each line twice). Modes can change at any line:
 * the machine records the mode of each line as the beam passes it.
 */
#ifndef A2_VIDEO_H_INCLUDED
#define A2_VIDEO_H_INCLUDED

#include <stdbool.h>
#include <stdint.h>

#define A2_VIDEO_W 560
#define A2_VIDEO_H 384
#define A2_LINES 192

/* Mode bits (the soft switches the picture depends on). */
enum {
    A2V_TEXT = 1,
    A2V_MIXED = 2,
    A2V_PAGE2 = 4,      /* page 2 (ignored when 80STORE is on) */
    A2V_HIRES = 8,
    A2V_80COL = 16,     /* IIe 80-column text / double graphics (with DHR) */
    A2V_DHR = 32,       /* IIe AN3 off: double hi-res / double lo-res when 80COL */
    A2V_ALTCHAR = 64,   /* IIe alternate character set (MouseText, no flash) */
    A2V_80STORE = 128,
};

struct a2_video_src {
    const uint8_t *main;        /* 64 KiB main RAM (the first 48 KiB are read) */
    const uint8_t *aux;         /* IIe auxiliary RAM, or NULL */
    const uint8_t *chargen;     /* 4096 bytes: 2 sets x 256 codes x 8 rows, bit 6 = left dot */
    bool flash_on;              /* flashing characters shown inverted now */
    bool mono;
};

/* Renders lines [from, to) with modes[line] into pixels (A2_VIDEO_W x A2_VIDEO_H). */
void a2_video_render(const struct a2_video_src *src, const uint8_t *modes, unsigned from, unsigned to,
                     uint32_t *pixels);

/* Where line `line` is drawn from in `mode`: the address of its 40 bytes,
 * and whether the same bytes of auxiliary memory are shown too (80-column
 * text, double lo-res and hi-res). Whether it is a text line. */
unsigned a2_video_line_source(unsigned mode, unsigned line, bool iie, bool *aux, bool *text);

/* The address the scanner fetches at cycle `c` (0..64) of line `v`
 * (0..261) in `mode` (for the floating bus). */
uint16_t a2_video_scan_address(unsigned mode, unsigned v, unsigned c);

/* The 16 colours (lo-res numbering). */
extern const uint32_t a2_palette[16];

#endif
