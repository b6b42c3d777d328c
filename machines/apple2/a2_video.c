/* Apple II video: memory -> dot stream -> NTSC colour (see a2_video.h). */
#include <string.h>

#include "a2_video.h"

const uint32_t a2_palette[16] = {
    0x000000, /* 0 black */
    0xA01040, /* 1 magenta (deep red) */
    0x2020B0, /* 2 dark blue */
    0xD040F0, /* 3 purple (hi-res violet) */
    0x007030, /* 4 dark green */
    0x808080, /* 5 grey */
    0x2090F0, /* 6 medium blue (hi-res blue) */
    0xA0C0FF, /* 7 light blue */
    0x605000, /* 8 brown */
    0xF06010, /* 9 orange (hi-res orange) */
    0x808080, /* 10 grey */
    0xF0A0C0, /* 11 pink */
    0x30D010, /* 12 light green (hi-res green) */
    0xE0E040, /* 13 yellow */
    0x60F0B0, /* 14 aqua */
    0xFFFFFF, /* 15 white */
};

#define PAD 4

static unsigned text_base(unsigned mode)
{
    return (mode & A2V_PAGE2) && !(mode & A2V_80STORE) ? 0x800 : 0x400;
}

static unsigned text_row_addr(unsigned mode, unsigned row)
{
    return text_base(mode) + (row & 7) * 128 + (row >> 3) * 40;
}

static unsigned hires_addr(unsigned mode, unsigned line)
{
    unsigned base = (mode & A2V_PAGE2) && !(mode & A2V_80STORE) ? 0x4000 : 0x2000;
    return base + (line & 7) * 1024 + ((line >> 3) & 7) * 128 + (line >> 6) * 40;
}

static void glyph_dots(const struct a2_video_src *s, unsigned mode, uint8_t code, unsigned y, uint8_t *d, unsigned w)
{
    unsigned set = (mode & A2V_ALTCHAR) ? 1 : 0;
    unsigned g = s->chargen[set * 2048 + code * 8u + y];
    /* the primary set flashes $40-$7F */
    if (!set && code >= 0x40 && code < 0x80 && s->flash_on) g ^= 0x7F;
    for (unsigned i = 0; i < 7; i++) {
        uint8_t b = (uint8_t)((g >> (6 - i)) & 1);
        for (unsigned k = 0; k < w; k++) *d++ = b;
    }
}

/* Builds the 560 dots of one line; returns true if the line carries colour. */
static bool line_dots(const struct a2_video_src *s, unsigned mode, unsigned line, uint8_t *dots)
{
    bool text = (mode & A2V_TEXT) || ((mode & A2V_MIXED) && line >= 160);
    bool col80 = (mode & A2V_80COL) && s->aux;
    const uint8_t *m = s->main, *x = s->aux;
    if (text) {
        unsigned a = text_row_addr(mode, line >> 3), y = line & 7;
        if (col80)
            for (unsigned c = 0; c < 80; c++) glyph_dots(s, mode, (c & 1 ? m : x)[a + c / 2], y, dots + 7 * c, 1);
        else
            for (unsigned c = 0; c < 40; c++) glyph_dots(s, mode, m[a + c], y, dots + 14 * c, 2);
        return false;
    }
    bool dbl = col80 && (mode & A2V_DHR);
    if (!(mode & A2V_HIRES)) {
        unsigned a = text_row_addr(mode, line >> 3), hi = (line & 7) >= 4;
        unsigned cells = dbl ? 80 : 40, w = dbl ? 7 : 14;
        for (unsigned c = 0; c < cells; c++) {
            uint8_t code = dbl ? (c & 1 ? m : x)[a + c / 2] : m[a + c];
            unsigned n = hi ? code >> 4 : code & 15u;
            /* auxiliary columns hold their colour rotated by one bit */
            if (dbl && !(c & 1)) n = ((n >> 1) | (n << 3)) & 15u;
            for (unsigned k = c * w; k < c * w + w; k++) dots[k] = (uint8_t)((n >> (k & 3)) & 1);
        }
        return true;
    }
    unsigned a = hires_addr(mode, line);
    if (dbl) {
        for (unsigned c = 0; c < 80; c++) {
            uint8_t b = (c & 1 ? m : x)[a + c / 2];
            for (unsigned i = 0; i < 7; i++) dots[7 * c + i] = (b >> i) & 1;
        }
        return true;
    }
    uint8_t prev = 0;
    for (unsigned c = 0; c < 40; c++) {
        uint8_t b = m[a + c];
        uint8_t *d = dots + 14 * c;
        if (b & 0x80) {
            /* delayed by one dot: the previous dot is held for it */
            d[0] = prev;
            for (unsigned j = 0; j < 13; j++) d[1 + j] = (b >> (j >> 1)) & 1;
        } else {
            for (unsigned j = 0; j < 14; j++) d[j] = (b >> (j >> 1)) & 1;
        }
        prev = d[13];
    }
    return true;
}

void a2_video_render(const struct a2_video_src *s, const uint8_t *modes, unsigned from, unsigned to, uint32_t *px)
{
    uint8_t buf[A2_VIDEO_W + 2 * PAD];
    uint8_t *dots = buf + PAD;
    if (to > A2_LINES) to = A2_LINES;
    for (unsigned line = from; line < to; line++) {
        memset(buf, 0, sizeof buf);
        bool colour = line_dots(s, modes[line], line, dots) && !s->mono;
        uint32_t *row = px + (size_t)line * 2 * A2_VIDEO_W;
        if (!colour) {
            for (unsigned k = 0; k < A2_VIDEO_W; k++) row[k] = dots[k] ? 0xFFFFFF : 0;
        } else {
            /* the colour of a dot: the 4 dots around it, each at its phase */
            unsigned n = 0;
            for (int j = -2; j < 1; j++) n |= (unsigned)dots[j] << ((unsigned)(j + 4) & 3);
            for (unsigned k = 0; k < A2_VIDEO_W; k++) {
                unsigned j = k + 1;
                n = (n & ~(1u << (j & 3))) | (unsigned)dots[j] << (j & 3);
                row[k] = a2_palette[n];
            }
        }
        memcpy(row + A2_VIDEO_W, row, A2_VIDEO_W * sizeof *row);
    }
}

unsigned a2_video_line_source(unsigned mode, unsigned line, bool iie, bool *aux, bool *text)
{
    *text = (mode & A2V_TEXT) || ((mode & A2V_MIXED) && line >= 160);
    bool col80 = iie && (mode & A2V_80COL);
    if (*text) {
        *aux = col80;
        return text_row_addr(mode, line >> 3);
    }
    *aux = col80 && (mode & A2V_DHR);
    return (mode & A2V_HIRES) ? hires_addr(mode, line) : text_row_addr(mode, line >> 3);
}

uint16_t a2_video_scan_address(unsigned mode, unsigned v, unsigned c)
{
    /* horizontal counter: 0, then $40..$7F; the low 7 address bits come
     * from an adder that also produces the 40-byte row groups */
    unsigned h = c ? 0x3F + c : 0;
    unsigned line = v < 256 ? v : v - 6; /* the vertical counter runs $FA..$FF after 255 */
    bool text = (mode & A2V_TEXT) || ((mode & A2V_MIXED) && (line & 0xA0) == 0xA0);
    if ((mode & A2V_HIRES) && !text) {
        unsigned base = (mode & A2V_PAGE2) && !(mode & A2V_80STORE) ? 0x4000 : 0x2000;
        unsigned low = ((h & 0x3F) + 0x68 + 40 * ((line >> 6) & 3)) & 0x7F;
        return (uint16_t)(base + (line & 7) * 1024 + ((line >> 3) & 7) * 128 + low);
    }
    unsigned row = (line >> 3) & 31;
    unsigned low = ((h & 0x3F) + 0x68 + 40 * ((row >> 3) & 3)) & 0x7F;
    return (uint16_t)(text_base(mode) + (row & 7) * 128 + low);
}
