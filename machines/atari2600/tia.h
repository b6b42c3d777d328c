/* Atari TIA (Television Interface Adaptor): video, audio and input ports.
 *
 * The TIA is emulated one colour clock at a time, but lazily: the machine
 * calls tia_run_to() with the current time before every register access and
 * at the end of each CPU slice. Object positions come from real position
 * counters (160 states, clocked by the motion clock in the visible part of a
 * line and by the extra HMOVE pulses in the blank), so RESPx at any clock,
 * HMOVE at odd times, NUSIZ copies and the HMOVE blank fall out of the model.
 *
 * Writes take effect at the colour clock after the CPU cycle that made
 * them, some with a further delay of a few clocks (playfield 2, graphics
 * and enables 1, HMOVE 6, motion registers 2), as measured on hardware.
 *
 * Frames follow VSYNC: a frame ends when VSYNC is switched on (or after
 * max_lines lines without one). The picture is a fixed window of
 * TIA_WIDTH x height lines starting `top` lines after VSYNC.
 */
#ifndef FDX_A2600_TIA_H
#define FDX_A2600_TIA_H

#include <stdbool.h>
#include <stdint.h>

struct fdx_state;
struct fdx_audio;

#define TIA_WIDTH 160
#define TIA_LINE_CLOCKS 228
#define TIA_HBLANK 68
#define TIA_MAX_HEIGHT 274
#define TIA_QUEUE 16

enum tia_obj_id { TIA_P0, TIA_P1, TIA_M0, TIA_M1, TIA_BL, TIA_NOBJ };

struct tia_obj {
    uint8_t counter;        /* position counter 0..159 */
    bool rendering;         /* a copy is being drawn */
    int16_t rc;             /* render counter: pixel index of the copy being drawn */
    uint8_t pending;        /* motion clocks until a decoded copy starts (0: none); a
                             * player's next copy is decoded while its last pixel shows */
    bool moving;            /* still taking HMOVE pulses */
};

struct tia_write {
    uint64_t due;           /* colour clock at which it applies */
    uint8_t reg, value;
};

struct tia_channel {
    uint8_t audc, audf, audv;
    uint8_t div;            /* frequency divider count */
    uint8_t div3;           /* gated clocks counted by AUDC 12..15's divide by 6 (0..2) */
    uint8_t poly4, poly5;   /* LFSR states */
    uint16_t poly9;
    uint8_t held;           /* AUDC 9..11: the 5-bit poly's bit heard from the next gated clock */
    uint8_t out;            /* output bit */
};

struct tia {
    /* time */
    uint64_t clock;         /* colour clocks run since power-on */
    uint16_t hclock;        /* 0..227 in the current line */
    uint16_t line;          /* lines since the frame began (VSYNC) */
    bool wsync;             /* CPU waits for the end of the line */

    /* registers */
    uint8_t vsync, vblank;
    uint8_t nusiz[2], colup[2], colupf, colubk, ctrlpf;
    bool refp[2];
    uint8_t pf0, pf1, pf2;
    uint32_t pf;            /* 20 playfield bits in screen order, bit 0 leftmost */
    bool pf_bit;            /* the bit being shown: sampled every 4 clocks */
    uint8_t grp[2], grp_old[2];
    bool enam[2], enabl, enabl_old;
    bool vdelp[2], vdelbl, resmp[2];
    uint8_t hm[TIA_NOBJ];   /* motion values, high nibble as written */

    struct tia_obj obj[TIA_NOBJ];
    bool motion;            /* HMOVE pulses under way */
    uint8_t motion_clock;   /* HMOVE ripple counter step */
    bool ext_hblank;        /* this line's HMOVE blank (8 more clocks) */
    uint16_t collisions;    /* 15 latches: bit 2*reg+1 = D7, 2*reg = D6 */

    struct tia_write queue[TIA_QUEUE];
    uint8_t qhead, qcount;

    /* input ports */
    uint8_t fire;           /* bit 0: port 0 fire pressed, bit 1: port 1 */
    uint8_t latch;          /* latched fire (0 bit = pressed seen) while VBLANK D6 */
    uint32_t paddle_clocks[4]; /* clocks for each paddle capacitor to charge */
    uint64_t dump_released; /* colour clock at which VBLANK D7 was cleared */

    /* audio */
    struct tia_channel ch[2];

    /* video output */
    unsigned top, height, max_lines;
    uint8_t cur;            /* pix[cur] is being drawn, pix[cur ^ 1] is the last frame */
    uint8_t pix[2][TIA_WIDTH * TIA_MAX_HEIGHT]; /* colour register values */
    bool frame_done;        /* a frame ended since the flag was cleared */
    uint32_t frames;
    uint16_t last_lines;    /* lines in the last finished frame */

    /* derived (not saved) */
    uint16_t cx_table[64];
    uint8_t width[TIA_NOBJ];    /* pixels a copy lasts */
    uint8_t start[TIA_NOBJ];    /* clocks from START decode to its first pixel */
    uint8_t copies[TIA_NOBJ];   /* extra copies: bit 0 at 12, bit 1 at 28, bit 2 at 60 */
};

void tia_init(struct tia *t, unsigned top, unsigned height, unsigned max_lines);
void tia_reset(struct tia *t);
/* Runs the TIA up to colour clock `target`, pushing audio samples (two per
 * line) to audio, which may be NULL. */
void tia_run_to(struct tia *t, uint64_t target, struct fdx_audio *audio);
/* A CPU write to register reg (0..0x3F) at colour clock `now` (the clock
 * after the write cycle); the TIA must have run up to now. */
void tia_write(struct tia *t, unsigned reg, uint8_t value, uint64_t now);
/* A CPU read of register reg (0..0xF); low bits come from `bus`. */
uint8_t tia_read(struct tia *t, unsigned reg, uint8_t bus, uint64_t now);
uint8_t tia_peek(const struct tia *t, unsigned reg, uint8_t bus, uint64_t now);
/* Colour clocks until the next line starts (what WSYNC waits for). */
unsigned tia_clocks_to_line_end(const struct tia *t);
void tia_state(struct tia *t, struct fdx_state *st);

#endif
