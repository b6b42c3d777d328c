/* Apple II video: known memory contents rendered in every mode, compared
 * with pictures checked by eye once (each test writes its PNG into the
 * build directory as a2_video_<name>.png) and kept as hashes; and the
 * addresses the scanner fetches (the floating bus). */
#include "unit.h"

#include <stdio.h>
#include <string.h>

#include "a2_chargen.h"
#include "a2_firmware.h"
#include "a2_video.h"
#include "fdx/fdx.h"

struct pic {
    uint8_t main[0x10000], aux[0x10000];
    uint8_t modes[A2_LINES];
    uint32_t px[A2_VIDEO_W * A2_VIDEO_H];
};

static struct pic P;

static uint32_t draw(const char *name, uint8_t mode, bool iie, bool mono, bool flash)
{
    memset(P.modes, mode, sizeof P.modes);
    struct a2_video_src s = {P.main, iie ? P.aux : NULL, a2_fw_chargen, flash, mono};
    a2_video_render(&s, P.modes, 0, A2_LINES, P.px);
    struct fdx_frame f = {.pixels = P.px, .width = A2_VIDEO_W, .height = A2_VIDEO_H, .pitch = A2_VIDEO_W};
    char path[128];
    snprintf(path, sizeof path, "a2_video_%s.png", name);
    struct fdx_err err;
    ck_assert_int_eq(fdx_frame_write_png(&f, path, &err), 0);
    return fdx_frame_hash(&f);
}

static unsigned text_addr(unsigned base, unsigned row)
{
    return base + (row & 7) * 128 + (row >> 3) * 40;
}

static unsigned hires_addr(unsigned base, unsigned y)
{
    return base + (y & 7) * 1024 + ((y >> 3) & 7) * 128 + (y >> 6) * 40;
}

/* every screen code, in 40 columns: inverse, flashing, normal */
static void fill_text(uint8_t *mem, unsigned base)
{
    for (unsigned r = 0; r < 24; r++)
        for (unsigned c = 0; c < 40; c++) mem[text_addr(base, r)] = 0, mem[text_addr(base, r) + c] = (uint8_t)(r * 40 + c);
}

static void fill_lores(uint8_t *mem, unsigned base)
{
    /* 16 colours across, top and bottom halves of each cell differing */
    for (unsigned r = 0; r < 24; r++)
        for (unsigned c = 0; c < 40; c++) {
            unsigned top = (c * 16 / 40), bottom = (top + r) & 15;
            mem[text_addr(base, r) + c] = (uint8_t)(bottom << 4 | top);
        }
}

static void fill_hires(uint8_t *mem, unsigned base)
{
    /* bands: violet, green, blue, orange, white, then single-dot stripes */
    static const uint8_t even[] = {0x55, 0x2A, 0xD5, 0xAA, 0x7F, 0x01, 0x81, 0x00};
    static const uint8_t odd[] = {0x2A, 0x55, 0xAA, 0xD5, 0x7F, 0x40, 0xC0, 0x00};
    for (unsigned y = 0; y < 192; y++) {
        unsigned b = y / 24;
        for (unsigned c = 0; c < 40; c++) mem[hires_addr(base, y) + c] = (c & 1) ? odd[b] : even[b];
        /* a diagonal line to show the dot positions */
        mem[hires_addr(base, y) + (y * 40 / 192)] |= (uint8_t)(1u << (y % 7));
    }
}

START_TEST(test_text40)
{
    memset(&P, 0, sizeof P);
    fill_text(P.main, 0x400);
    uint32_t h0 = draw("text40", A2V_TEXT, false, false, false);
    uint32_t h1 = draw("text40_flash", A2V_TEXT, false, false, true);
    /* flashing characters change the picture, nothing else does */
    ck_assert_uint_ne(h0, h1);
    ck_assert_uint_eq(h0, 0x35fd0886);
    ck_assert_uint_eq(h1, 0x3ce927a3);
    /* text carries no colour burst: only black and white */
    for (unsigned i = 0; i < A2_VIDEO_W * A2_VIDEO_H; i++) ck_assert(P.px[i] == 0 || P.px[i] == 0xFFFFFF);
}
END_TEST

START_TEST(test_page2_and_altchar)
{
    memset(&P, 0, sizeof P);
    fill_text(P.main, 0x800);
    uint32_t h = draw("text40_page2", A2V_TEXT | A2V_PAGE2, false, false, false);
    fill_text(P.main, 0x400);
    ck_assert_uint_eq(h, draw("text40_again", A2V_TEXT, false, false, false));
    /* IIe alternate set: MouseText blocks instead of flashing */
    uint32_t alt = draw("text40_altchar", A2V_TEXT | A2V_ALTCHAR, true, false, true);
    ck_assert_uint_ne(alt, h);
    ck_assert_uint_eq(alt, 0x87625816);
}
END_TEST

START_TEST(test_lores)
{
    memset(&P, 0, sizeof P);
    fill_lores(P.main, 0x400);
    uint32_t h = draw("lores", 0, false, false, false);
    ck_assert_uint_eq(h, 0x70835097);
    /* colour n fills its block with a2_palette[n] away from the edges */
    ck_assert_uint_eq(P.px[2 * A2_VIDEO_W * 2 + 14 * 20 + 7], a2_palette[8]);
    ck_assert_uint_eq(P.px[2 * A2_VIDEO_W * 2 + 7], a2_palette[0]);
    ck_assert_uint_eq(P.px[2 * A2_VIDEO_W * 2 + 14 * 39 + 7], a2_palette[15]);
    uint32_t mono = draw("lores_mono", 0, false, true, false);
    ck_assert_uint_ne(mono, h);
}
END_TEST

START_TEST(test_hires)
{
    memset(&P, 0, sizeof P);
    fill_hires(P.main, 0x2000);
    uint32_t h = draw("hires", A2V_HIRES, false, false, false);
    ck_assert_uint_eq(h, 0x1a9c9ad0);
    /* the solid bands are the four hi-res colours and white */
    unsigned x = 280, row = 2 * (12) * A2_VIDEO_W;
    ck_assert_uint_eq(P.px[row + x], a2_palette[3]);               /* violet */
    ck_assert_uint_eq(P.px[row + 24 * 2 * A2_VIDEO_W + x], a2_palette[12]); /* green */
    ck_assert_uint_eq(P.px[row + 48 * 2 * A2_VIDEO_W + x], a2_palette[6]);  /* blue */
    ck_assert_uint_eq(P.px[row + 72 * 2 * A2_VIDEO_W + x], a2_palette[9]);  /* orange */
    ck_assert_uint_eq(P.px[row + 96 * 2 * A2_VIDEO_W + x], a2_palette[15]); /* white */
    /* mixed mode: text at the bottom four rows */
    fill_text(P.main, 0x400);
    uint32_t mixed = draw("hires_mixed", A2V_HIRES | A2V_MIXED, false, false, false);
    ck_assert_uint_eq(mixed, 0x2b3919ce);
    draw("hires_mono", A2V_HIRES, false, true, false);
}
END_TEST

START_TEST(test_80col_and_double)
{
    memset(&P, 0, sizeof P);
    fill_text(P.main, 0x400);
    for (unsigned r = 0; r < 24; r++)
        for (unsigned c = 0; c < 40; c++) P.aux[text_addr(0x400, r) + c] = (uint8_t)(0xC1 + (c % 26));
    uint32_t t80 = draw("text80", A2V_TEXT | A2V_80COL, true, false, false);
    ck_assert_uint_eq(t80, 0xa4957095);
    /* double lo-res: auxiliary columns hold their colours rotated left one
     * bit; stored so, both halves of each cell show the lo-res colour and
     * the picture is the lo-res one */
    fill_lores(P.main, 0x400);
    uint32_t lores = draw("lores_for_dlr", 0, true, false, false);
    for (unsigned i = 0x400; i < 0x800; i++) {
        uint8_t v = P.main[i];
        unsigned lo = v & 15u, hi = v >> 4;
        lo = ((lo << 1) | (lo >> 3)) & 15u, hi = ((hi << 1) | (hi >> 3)) & 15u;
        P.aux[i] = (uint8_t)(hi << 4 | lo);
    }
    uint32_t dlr = draw("dlores", A2V_80COL | A2V_DHR, true, false, false);
    ck_assert_uint_eq(dlr, lores);
    /* double hi-res: 4-bit colour patterns, aux and main bytes in turn */
    for (unsigned y = 0; y < 192; y++) {
        unsigned colour = y / 12;
        /* 140 pixels of 4 dots; dot k of the line is bit (k & 3) of the colour */
        for (unsigned c = 0; c < 80; c++) {
            uint8_t b = 0;
            for (unsigned i = 0; i < 7; i++) {
                unsigned k = c * 7 + i;
                b |= (uint8_t)(((colour >> (k & 3)) & 1) << i);
            }
            (c & 1 ? P.main : P.aux)[hires_addr(0x2000, y) + c / 2] = b;
        }
    }
    uint32_t dhr = draw("dhires", A2V_HIRES | A2V_80COL | A2V_DHR, true, false, false);
    ck_assert_uint_eq(dhr, 0xc8494594);
    /* each band shows its colour */
    for (unsigned colour = 0; colour < 16; colour++)
        ck_assert_uint_eq(P.px[(colour * 12 + 6) * 2 * A2_VIDEO_W + 280], a2_palette[colour]);
}
END_TEST

START_TEST(test_mid_frame_mode_change)
{
    memset(&P, 0, sizeof P);
    fill_text(P.main, 0x400);
    fill_hires(P.main, 0x2000);
    memset(P.modes, A2V_TEXT, 96);
    memset(P.modes + 96, A2V_HIRES, 96);
    struct a2_video_src s = {P.main, NULL, a2_fw_chargen, false, false};
    a2_video_render(&s, P.modes, 0, A2_LINES, P.px);
    ck_assert_uint_eq(P.px[100 * 2 * A2_VIDEO_W + 280], a2_palette[15]);
    ck_assert(P.px[10 * 2 * A2_VIDEO_W + 280] == 0 || P.px[10 * 2 * A2_VIDEO_W + 280] == 0xFFFFFF);
}
END_TEST

/* The user's character ROMs converted to our layout, from synthetic ROMs
 * made in each chip's own format (bit order, polarity, inverse codes). */
START_TEST(test_user_chargen)
{
    static uint8_t rom[4096], out[4096];
    /* II+ (341-0036): bit 6 = left dot, 1 = lit; every code the left dot only */
    memset(rom, 0, sizeof rom);
    for (unsigned c = 0; c < 256; c++) rom[c * 8] = 0x40;
    a2_chargen_from_iiplus(rom, out);
    ck_assert_uint_eq(out[0xC1 * 8], 0x40); /* normal */
    ck_assert_uint_eq(out[0x01 * 8], 0x3F); /* inverse */
    ck_assert_uint_eq(out[0x41 * 8], 0x40); /* flashing, stored normal */
    ck_assert_uint_eq(out[0x01 * 8 + 1], 0x7F);
    ck_assert_uint_eq(out[2048 + 0xC1 * 8], 0x40);
    /* enhanced IIe (342-0265-a): bit 0 = left dot, 0 = lit, inverse
     * characters stored inverse; MouseText at $40-$5F */
    memset(rom, 0x7F, sizeof rom);
    for (unsigned c = 0x80; c < 0x100; c++) rom[c * 8] = 0x7E;    /* normal: left dot lit */
    for (unsigned c = 0; c < 0x40; c++) rom[c * 8] = 0x01;        /* inverse: left dot dark */
    rom[0x45 * 8] = 0x55;                                           /* a MouseText row */
    a2_chargen_from_iie(rom, out);
    ck_assert_uint_eq(out[0xC1 * 8], 0x40);
    ck_assert_uint_eq(out[0x01 * 8], 0x3F);
    ck_assert_uint_eq(out[0x41 * 8], 0x40); /* flashing: the normal form of $01 */
    ck_assert_uint_eq(out[2048 + 0x01 * 8], 0x3F);
    ck_assert_uint_eq(out[2048 + 0x45 * 8], 0x2A); /* MouseText, dots reversed and lit where 0 */
    ck_assert_uint_eq(out[2048 + 0x61 * 8], 0x3F); /* inverse lower case from $E1 */
    ck_assert_uint_eq(out[2048 + 0xE1 * 8], 0x40);
    /* and it draws: a normal character lights its left dot, inverse does not */
    memset(&P, 0, sizeof P);
    P.main[0x400] = 0xC1;
    P.main[0x401] = 0x01;
    memset(P.modes, A2V_TEXT, sizeof P.modes);
    struct a2_video_src src = {P.main, NULL, out, false, false};
    a2_video_render(&src, P.modes, 0, 8, P.px);
    ck_assert_uint_eq(P.px[0], 0xFFFFFF);
    ck_assert_uint_eq(P.px[13], 0);
    ck_assert_uint_eq(P.px[14], 0);
    ck_assert_uint_eq(P.px[16], 0xFFFFFF);
}
END_TEST

START_TEST(test_scan_address)
{
    /* visible: line 0 column c fetches $400 + c (text) or $2000 + c */
    for (unsigned c = 0; c < 40; c++) {
        ck_assert_uint_eq(a2_video_scan_address(A2V_TEXT, 0, 25 + c), 0x400 + c);
        ck_assert_uint_eq(a2_video_scan_address(A2V_HIRES, 0, 25 + c), 0x2000 + c);
        ck_assert_uint_eq(a2_video_scan_address(A2V_HIRES, 191, 25 + c), 0x3FD0 + c);
        ck_assert_uint_eq(a2_video_scan_address(A2V_TEXT | A2V_PAGE2, 8 * 23, 25 + c), 0xBD0 + c);
    }
    /* horizontal blanking reads the 24 bytes before, at $68 in the row */
    ck_assert_uint_eq(a2_video_scan_address(A2V_TEXT, 0, 0), 0x468);
    ck_assert_uint_eq(a2_video_scan_address(A2V_TEXT, 0, 1), 0x468);
    ck_assert_uint_eq(a2_video_scan_address(A2V_TEXT, 0, 24), 0x47F);
    /* mixed mode: text addresses below line 160 */
    ck_assert_uint_eq(a2_video_scan_address(A2V_HIRES | A2V_MIXED, 160, 25), 0x650);
    /* every fetch stays inside the page being shown */
    for (unsigned v = 0; v < 262; v++)
        for (unsigned c = 0; c < 65; c++) {
            unsigned t = a2_video_scan_address(A2V_TEXT, v, c), h = a2_video_scan_address(A2V_HIRES, v, c);
            ck_assert(t >= 0x400 && t < 0x800);
            ck_assert(h >= 0x2000 && h < 0x4000);
        }
}
END_TEST

FDX_UNIT_MAIN("apple2 video", test_text40, test_page2_and_altchar, test_lores, test_hires, test_80col_and_double,
              test_mid_frame_mode_change, test_user_chargen, test_scan_address)
