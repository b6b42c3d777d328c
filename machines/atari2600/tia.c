/* Atari TIA: video, audio and input ports, one colour clock at a time
 * (see tia.h). */
#include "machines/atari2600/tia.h"

#include <string.h>

#include "fdx/av.h"
#include "fdx/state.h"

enum {
    VSYNC = 0x00, VBLANK, WSYNC, RSYNC, NUSIZ0, NUSIZ1, COLUP0, COLUP1, COLUPF, COLUBK, CTRLPF,
    REFP0, REFP1, PF0, PF1, PF2, RESP0, RESP1, RESM0, RESM1, RESBL, AUDC0, AUDC1, AUDF0, AUDF1,
    AUDV0, AUDV1, GRP0, GRP1, ENAM0, ENAM1, ENABL, HMP0, HMP1, HMM0, HMM1, HMBL, VDELP0, VDELP1,
    VDELBL, RESMP0, RESMP1, HMOVE, HMCLR, CXCLR,
};

/* object bits for collisions and priority */
enum { B_P0 = 1, B_P1 = 2, B_M0 = 4, B_M1 = 8, B_BL = 16, B_PF = 32 };

/* Collision latch numbers: read register r has D7 at bit 2r+1, D6 at 2r. */
static uint16_t collisions_of(unsigned m)
{
    static const struct { uint8_t a, b, bit; } pairs[15] = {
        {B_M0, B_P1, 1}, {B_M0, B_P0, 0}, {B_M1, B_P0, 3}, {B_M1, B_P1, 2},
        {B_P0, B_PF, 5}, {B_P0, B_BL, 4}, {B_P1, B_PF, 7}, {B_P1, B_BL, 6},
        {B_M0, B_PF, 9}, {B_M0, B_BL, 8}, {B_M1, B_PF, 11}, {B_M1, B_BL, 10},
        {B_BL, B_PF, 13}, {B_P0, B_P1, 15}, {B_M0, B_M1, 14},
    };
    uint16_t c = 0;
    for (unsigned i = 0; i < 15; i++)
        if ((m & pairs[i].a) && (m & pairs[i].b)) c |= (uint16_t)(1u << pairs[i].bit);
    return c;
}

static void derive(struct tia *t);

void tia_init(struct tia *t, unsigned top, unsigned height, unsigned max_lines)
{
    memset(t, 0, sizeof *t);
    t->top = top;
    t->height = height > TIA_MAX_HEIGHT ? TIA_MAX_HEIGHT : height;
    t->max_lines = max_lines;
    for (unsigned m = 0; m < 64; m++) t->cx_table[m] = collisions_of(m);
    tia_reset(t);
}

void tia_reset(struct tia *t)
{
    /* registers clear; time, picture and inputs go on */
    t->vsync = t->vblank = 0;
    t->nusiz[0] = t->nusiz[1] = t->colup[0] = t->colup[1] = t->colupf = t->colubk = t->ctrlpf = 0;
    t->refp[0] = t->refp[1] = false;
    t->pf0 = t->pf1 = t->pf2 = 0;
    t->pf = 0;
    memset(t->grp, 0, sizeof t->grp);
    memset(t->grp_old, 0, sizeof t->grp_old);
    t->enam[0] = t->enam[1] = t->enabl = t->enabl_old = false;
    t->vdelp[0] = t->vdelp[1] = t->vdelbl = t->resmp[0] = t->resmp[1] = false;
    memset(t->hm, 0, sizeof t->hm);
    memset(t->obj, 0, sizeof t->obj);
    t->motion = false;
    t->motion_clock = 0;
    t->collisions = 0;
    t->qhead = t->qcount = 0;
    t->latch = 3;
    derive(t);
    for (int i = 0; i < 2; i++) {
        memset(&t->ch[i], 0, sizeof t->ch[i]);
        t->ch[i].poly4 = 0x0F;
        t->ch[i].poly5 = 0x1F;
        t->ch[i].poly9 = 0x1FF;
    }
}

/* ---- objects ---------------------------------------------------------- */

static inline unsigned player_scale(unsigned nusiz)
{
    unsigned n = nusiz & 7;
    return n == 5 ? 1 : n == 7 ? 2 : 0; /* log2 of the stretch */
}

/* The shape of each object follows from NUSIZx and CTRLPF; kept ready
 * because it is needed on every clock. */
static void derive(struct tia *t)
{
    static const uint8_t copies[8] = {0, 1, 2, 3, 4, 0, 6, 0};
    for (unsigned i = 0; i < 2; i++) {
        unsigned n = t->nusiz[i] & 7;
        t->width[i] = (uint8_t)(8u << player_scale(t->nusiz[i]));
        t->start[i] = (n == 5 || n == 7) ? 10 : 9;
        t->copies[i] = copies[n];
        t->width[TIA_M0 + i] = (uint8_t)(1u << ((t->nusiz[i] >> 4) & 3));
        t->start[TIA_M0 + i] = 8;
        t->copies[TIA_M0 + i] = copies[n];
    }
    t->width[TIA_BL] = (uint8_t)(1u << ((t->ctrlpf >> 4) & 3));
    t->start[TIA_BL] = 8;
    t->copies[TIA_BL] = 0;
}

/* One motion clock of object i: the counter steps; at a START decode (all
 * of 12, 28, 60 and 156 end in binary 1100) a copy is due, its first pixel
 * `start` clocks later. */
static inline void tick(struct tia *t, unsigned i)
{
    struct tia_obj *o = &t->obj[i];
    if (o->rendering && ++o->rc >= (int)t->width[i]) o->rendering = false;
    if (o->pending && !--o->pending) {
        o->rendering = true;
        o->rc = 0;
    }
    unsigned c = o->counter == 159 ? 0 : o->counter + 1u;
    o->counter = (uint8_t)c;
    if ((c & 15) == 12) {
        unsigned cp = t->copies[i];
        bool d = c == 156 || (c == 12 && (cp & 1)) || (c == 28 && (cp & 2)) || (c == 60 && (cp & 4));
        if (d) o->pending = t->start[i];
    }
}

/* Motion clocks until the counter next reaches a START decode (1..160). */
static inline unsigned ticks_to_start(unsigned c, unsigned copies)
{
    unsigned k = (156 + 160 - c) % 160;
    if (copies & 1) {
        unsigned d = (12 + 160 - c) % 160;
        if (d && d < k) k = d;
    }
    if (copies & 2) {
        unsigned d = (28 + 160 - c) % 160;
        if (d && d < k) k = d;
    }
    if (copies & 4) {
        unsigned d = (60 + 160 - c) % 160;
        if (d && d < k) k = d;
    }
    return k ? k : 160;
}

static inline bool player_pixel(const struct tia *t, unsigned i)
{
    const struct tia_obj *o = &t->obj[i];
    if (!o->rendering) return false;
    uint8_t g = t->vdelp[i] ? t->grp_old[i] : t->grp[i];
    unsigned bit = (unsigned)o->rc >> player_scale(t->nusiz[i]);
    return t->refp[i] ? (g >> bit) & 1 : (g >> (7 - bit)) & 1;
}

static inline bool missile_pixel(const struct tia *t, unsigned i)
{
    const struct tia_obj *o = &t->obj[TIA_M0 + i];
    return o->rendering && t->enam[i] && !t->resmp[i];
}

static inline bool ball_pixel(const struct tia *t)
{
    const struct tia_obj *o = &t->obj[TIA_BL];
    return o->rendering && (t->vdelbl ? t->enabl_old : t->enabl);
}

/* RESMPx holds the missile at the centre of its player. */
static void lock_missile(struct tia *t, unsigned i)
{
    unsigned s = player_scale(t->nusiz[i]);
    unsigned off = s == 0 ? 3 : s == 1 ? 6 : 10;
    unsigned c = t->obj[i].counter + 160u * 2 - 1 - off - (s ? 1 : 0);
    t->obj[TIA_M0 + i].counter = (uint8_t)(c % 160);
    t->obj[TIA_M0 + i].rendering = false;
    t->obj[TIA_M0 + i].pending = 0;
}

/* ---- writes ----------------------------------------------------------- */

static void set_pf(struct tia *t)
{
    uint32_t pf = 0;
    for (int i = 0; i < 4; i++) pf |= (uint32_t)((t->pf0 >> (4 + i)) & 1) << i;
    for (int i = 0; i < 8; i++) pf |= (uint32_t)((t->pf1 >> (7 - i)) & 1) << (4 + i);
    for (int i = 0; i < 8; i++) pf |= (uint32_t)((t->pf2 >> i) & 1) << (12 + i);
    t->pf = pf;
}

static void end_frame(struct tia *t);

static bool in_blank(const struct tia *t)
{
    return t->hclock < (t->ext_hblank ? TIA_HBLANK + 8 : TIA_HBLANK);
}

/* Where a reset puts the counter: in the blank the counter is not clocked
 * until the line starts, which leaves players at 3 and missiles and the
 * ball at 2; in the HMOVE blank one clock less. */
static uint8_t reset_counter(const struct tia *t)
{
    if (t->hclock < TIA_HBLANK) return 1;
    if (in_blank(t)) return 0;
    return 159;
}

static void apply(struct tia *t, unsigned reg, uint8_t v)
{
    switch (reg) {
    case VSYNC:
        if ((v & 2) && !(t->vsync & 2)) end_frame(t);
        t->vsync = v;
        break;
    case VBLANK:
        if ((t->vblank & 0x80) && !(v & 0x80)) t->dump_released = t->clock;
        if ((v & 0x40) && !(t->vblank & 0x40)) t->latch = (uint8_t)(~t->fire & 3);
        t->vblank = v;
        break;
    case NUSIZ0: case NUSIZ1: t->nusiz[reg - NUSIZ0] = v; derive(t); break;
    case COLUP0: case COLUP1: t->colup[reg - COLUP0] = v & 0xFE; break;
    case COLUPF: t->colupf = v & 0xFE; break;
    case COLUBK: t->colubk = v & 0xFE; break;
    case CTRLPF: t->ctrlpf = v; derive(t); break;
    case REFP0: case REFP1: t->refp[reg - REFP0] = (v & 8) != 0; break;
    case PF0: t->pf0 = v; set_pf(t); break;
    case PF1: t->pf1 = v; set_pf(t); break;
    case PF2: t->pf2 = v; set_pf(t); break;
    case RESP0: case RESP1: case RESM0: case RESM1: case RESBL: {
        struct tia_obj *o = &t->obj[reg - RESP0];
        o->counter = reset_counter(t);
        if (reg == RESBL) {
            /* a ball reset ends the ball being drawn and starts it again:
             * it shows on this line already, 4 clocks on (in the blank:
             * where the line starts). Players and missiles wait for their
             * counter to wrap. */
            o->rendering = false;
            o->pending = o->counter == 159 ? 5 : o->counter == 1 ? 3 : 4;
        } else if (reg == RESP0 || reg == RESP1) {
            /* a copy decoded but not yet started starts from the reset
             * position instead (MAME and Stella agree on this) */
            if (o->pending) o->pending = (uint8_t)((o->counter == 159 ? 5 : o->counter == 1 ? 3 : 4) + t->start[reg - RESP0] - 8);
        } else {
            /* a missile reset ends the copy being drawn (as MAME draws it;
             * Stella widens it instead); a copy about to start starts from
             * the reset position */
            o->rendering = false;
            if (o->pending) o->pending = o->counter == 159 ? 5 : o->counter == 1 ? 3 : 4;
        }
        break;
    }
    case AUDC0: case AUDC1: t->ch[reg - AUDC0].audc = v & 0x0F; break;
    case AUDF0: case AUDF1: t->ch[reg - AUDF0].audf = v & 0x1F; break;
    case AUDV0: case AUDV1: t->ch[reg - AUDV0].audv = v & 0x0F; break;
    case GRP0:
        t->grp[0] = v;
        t->grp_old[1] = t->grp[1];
        break;
    case GRP1:
        t->grp[1] = v;
        t->grp_old[0] = t->grp[0];
        t->enabl_old = t->enabl;
        break;
    case ENAM0: case ENAM1: t->enam[reg - ENAM0] = (v & 2) != 0; break;
    case ENABL: t->enabl = (v & 2) != 0; break;
    case HMP0: case HMP1: case HMM0: case HMM1: case HMBL: t->hm[reg - HMP0] = v & 0xF0; break;
    case VDELP0: case VDELP1: t->vdelp[reg - VDELP0] = v & 1; break;
    case VDELBL: t->vdelbl = v & 1; break;
    case RESMP0: case RESMP1: t->resmp[reg - RESMP0] = (v & 2) != 0; break;
    case HMOVE:
        t->motion = true;
        t->motion_clock = 0;
        for (int i = 0; i < TIA_NOBJ; i++) t->obj[i].moving = true;
        if (t->hclock < TIA_HBLANK) t->ext_hblank = true;
        break;
    case HMCLR: memset(t->hm, 0, sizeof t->hm); break;
    case CXCLR: t->collisions = 0; break;
    default: break; /* WSYNC (the machine holds the CPU), RSYNC, unused */
    }
}

static unsigned delay_of(unsigned reg)
{
    switch (reg) {
    case PF0: case PF1: case PF2: return 2;
    case GRP0: case GRP1: case ENAM0: case ENAM1: case ENABL: case REFP0: case REFP1: case VBLANK: return 1;
    case HMP0: case HMP1: case HMM0: case HMM1: case HMBL: case HMCLR: return 2;
    case HMOVE: return 6;
    default: return 0;
    }
}

void tia_write(struct tia *t, unsigned reg, uint8_t value, uint64_t now)
{
    reg &= 0x3F;
    unsigned d = delay_of(reg);
    if (!d && now <= t->clock) {
        apply(t, reg, value);
        return;
    }
    if (t->qcount == TIA_QUEUE) { /* cannot happen at one write per cycle; keep order anyway */
        struct tia_write *w = &t->queue[t->qhead];
        apply(t, w->reg, w->value);
        t->qhead = (uint8_t)((t->qhead + 1) % TIA_QUEUE);
        t->qcount--;
    }
    struct tia_write *w = &t->queue[(t->qhead + t->qcount) % TIA_QUEUE];
    w->due = now + d;
    w->reg = (uint8_t)reg;
    w->value = value;
    t->qcount++;
}

/* ---- reads ------------------------------------------------------------ */

uint8_t tia_peek(const struct tia *t, unsigned reg, uint8_t bus, uint64_t now)
{
    reg &= 0x0F;
    uint8_t v = 0;
    if (reg < 8) {
        v = (uint8_t)((((t->collisions >> (2 * reg + 1)) & 1) << 7) | (((t->collisions >> (2 * reg)) & 1) << 6));
    } else if (reg < 12) {
        bool charged = !(t->vblank & 0x80) && now - t->dump_released >= t->paddle_clocks[reg - 8];
        v = charged ? 0x80 : 0;
    } else if (reg < 14) {
        unsigned bit = 1u << (reg - 12);
        bool pressed = (t->vblank & 0x40) ? !(t->latch & bit) : (t->fire & bit) != 0;
        v = pressed ? 0 : 0x80;
    }
    return (uint8_t)(v | (bus & 0x3F));
}

uint8_t tia_read(struct tia *t, unsigned reg, uint8_t bus, uint64_t now)
{
    return tia_peek(t, reg, bus, now);
}

unsigned tia_clocks_to_line_end(const struct tia *t)
{
    return TIA_LINE_CLOCKS - t->hclock;
}

/* ---- audio ------------------------------------------------------------ */

/* One divided clock of a channel, after the TIA schematics: the 5-bit
 * shift register steps on every clock; AUDC bits 0-1 choose which clocks
 * reach the second stage (all of them, two of every 31 picked by the
 * 5-bit register's state, or those where its output is 1), and bits 2-3
 * what that stage is: the 4-bit poly, a flip-flop (divide by 2), the 5-bit
 * register's output (the 9-bit poly for AUDC 8) or a divide-by-6
 * counter. The divide by 3 of AUDC 12-15 therefore counts gated clocks:
 * AUDC 14 is 44:49 steps and AUDC 15 has a 93-step pattern. */
static void channel_clock(struct tia_channel *c)
{
    if (c->div < c->audf) {
        c->div++;
        return;
    }
    c->div = 0;
    unsigned p5 = c->poly5;
    bool gate;
    switch (c->audc & 3) {
    case 2: gate = (p5 & 0x0F) == 0x08; break;      /* div 31: states 08 and 18, 13 and 18 steps apart */
    case 3: gate = p5 & 1; break;                   /* the 5-bit poly's output */
    default: gate = true; break;
    }
    /* x^5 + x^3 + 1; an all-zero register would stay there, the chip
     * shifts in a 1 */
    unsigned in = ((p5 >> 4) ^ (p5 >> 2)) & 1;
    c->poly5 = (uint8_t)(((p5 << 1) | in | (p5 == 0)) & 0x1F);
    if (!gate) return;
    switch (c->audc >> 2) {
    case 0:                                         /* 4-bit poly: x^4 + x^3 + 1 */
        in = ((c->poly4 >> 3) ^ (c->poly4 >> 2)) & 1;
        c->poly4 = (uint8_t)(((c->poly4 << 1) | in | (c->poly4 == 0)) & 0x0F);
        c->out = c->poly4 & 1;
        break;
    case 1:                                         /* pure tone */
        c->out ^= 1;
        break;
    case 2:
        if (c->audc == 8) {                         /* 9-bit poly: x^9 + x^5 + 1 */
            in = ((c->poly9 >> 8) ^ (c->poly9 >> 4)) & 1;
            c->poly9 = (uint16_t)(((c->poly9 << 1) | in | (c->poly9 == 0)) & 0x1FF);
            c->out = c->poly9 & 1;
        } else {
            /* the 5-bit register's oldest bit, taken at one gated clock
             * and heard from the next: with the div 31 gate (AUDC 10) the
             * two states give 0 and 1 in turn, high for 18 steps */
            c->out = c->held;
            c->held = (uint8_t)(p5 >> 4);
        }
        break;
    default:                                        /* divide by 6 */
        if (++c->div3 < 3) return;
        c->div3 = 0;
        c->out ^= 1;
        break;
    }
}

static unsigned channel_level(const struct tia_channel *c)
{
    if (c->audc == 0 || c->audc == 0x0B) return c->audv;    /* "set to 1": volume only */
    return c->out ? c->audv : 0;
}

static void audio_tick(struct tia *t, struct fdx_audio *audio)
{
    channel_clock(&t->ch[0]);
    channel_clock(&t->ch[1]);
    if (audio) {
        int s = (int)(channel_level(&t->ch[0]) + channel_level(&t->ch[1])) * 1092 - 16380;
        fdx_audio_push(audio, (int16_t)s, (int16_t)s);
    }
}

/* ---- the beam --------------------------------------------------------- */

static void end_frame(struct tia *t)
{
    /* lines the frame did not reach are black */
    int first = (int)t->line + 1 - (int)t->top;
    if (first < 0) first = 0;
    if (first < (int)t->height)
        memset(t->pix[t->cur] + (size_t)first * TIA_WIDTH, 0, (size_t)(t->height - (unsigned)first) * TIA_WIDTH);
    t->cur ^= 1;
    t->last_lines = t->line;
    t->line = 0;
    t->frames++;
    t->frame_done = true;
}

static void motion_tick(struct tia *t)
{
    unsigned clock = t->motion_clock > 15 ? 0 : t->motion_clock;
    bool blank = in_blank(t), any = false;
    for (unsigned i = 0; i < TIA_NOBJ; i++) {
        struct tia_obj *o = &t->obj[i];
        if (!o->moving) continue;
        if (clock == ((t->hm[i] >> 4) ^ 8u)) {
            o->moving = false;
            continue;
        }
        any = true;
        if (blank) tick(t, i); /* in the picture the pulse merges with the motion clock */
    }
    if (t->motion_clock < 255) t->motion_clock++;
    t->motion = any;
}

/* Pixels x0..x1-1 of the visible line: every object gets its motion clock,
 * then the playfield, collisions and priority make the colour. Nothing
 * else can change inside a span (writes and HMOVE pulses end spans). */
static void pixels(struct tia *t, unsigned x0, unsigned x1)
{
    int row = (int)t->line - (int)t->top;
    uint8_t *out = row >= 0 && row < (int)t->height ? t->pix[t->cur] + (size_t)row * TIA_WIDTH : NULL;
    bool blank = (t->vblank & 2) != 0;
    bool pfp = (t->ctrlpf & 4) != 0, score = (t->ctrlpf & 6) == 2;
    for (unsigned x = x0; x < x1; x++) {
        /* fast path: while no object draws, the counters only step, until
         * the first one reaches a value where a copy could start */
        if (!(t->obj[0].rendering | t->obj[1].rendering | t->obj[2].rendering | t->obj[3].rendering |
              t->obj[4].rendering | t->obj[0].pending | t->obj[1].pending | t->obj[2].pending | t->obj[3].pending |
              t->obj[4].pending)) {
            unsigned n = x1 - x;
            for (unsigned i = 0; i < TIA_NOBJ; i++) {
                unsigned k = ticks_to_start(t->obj[i].counter, t->copies[i]);
                if (k - 1 < n) n = k - 1;
            }
            if (n) {
                for (unsigned i = 0; i < TIA_NOBJ; i++) t->obj[i].counter = (uint8_t)((t->obj[i].counter + n) % 160);
                if (t->resmp[0]) lock_missile(t, 0);
                if (t->resmp[1]) lock_missile(t, 1);
                for (unsigned e = x + n; x < e; x++) {
                    if (!(x & 3)) {
                        unsigned col = x >> 2;
                        if (col >= 20) col = (t->ctrlpf & 1) ? 39 - col : col - 20;
                        t->pf_bit = (t->pf >> col) & 1;
                    }
                    if (out) out[x] = blank ? 0 : !t->pf_bit ? t->colubk : score ? t->colup[x >= 80] : t->colupf;
                }
                if (x == x1) break;
            }
        }
        tick(t, TIA_P0);
        tick(t, TIA_P1);
        tick(t, TIA_M0);
        tick(t, TIA_M1);
        tick(t, TIA_BL);
        if (t->resmp[0]) lock_missile(t, 0);
        if (t->resmp[1]) lock_missile(t, 1);
        if (!(x & 3)) { /* the playfield shifts out a new bit every 4 clocks */
            unsigned col = x >> 2;
            if (col >= 20) col = (t->ctrlpf & 1) ? 39 - col : col - 20;
            t->pf_bit = (t->pf >> col) & 1;
        }
        unsigned m = (t->pf_bit ? B_PF : 0);
        if (t->obj[TIA_P0].rendering && player_pixel(t, 0)) m |= B_P0;
        if (t->obj[TIA_P1].rendering && player_pixel(t, 1)) m |= B_P1;
        if (t->obj[TIA_M0].rendering && missile_pixel(t, 0)) m |= B_M0;
        if (t->obj[TIA_M1].rendering && missile_pixel(t, 1)) m |= B_M1;
        if (t->obj[TIA_BL].rendering && ball_pixel(t)) m |= B_BL;
        t->collisions |= t->cx_table[m];
        if (!out) continue;
        uint8_t c;
        if (blank) {
            c = 0;
        } else if (!m) {
            c = t->colubk;
        } else {
            uint8_t pfc = (score && (m & B_PF)) ? t->colup[x >= 80] : t->colupf;
            if (pfp) {
                c = (m & (B_PF | B_BL)) ? ((m & B_PF) ? pfc : t->colupf)
                    : (m & (B_P0 | B_M0)) ? t->colup[0]
                    : (m & (B_P1 | B_M1)) ? t->colup[1]
                    : t->colubk;
            } else {
                c = (m & (B_P0 | B_M0)) ? t->colup[0]
                    : (m & (B_P1 | B_M1)) ? t->colup[1]
                    : (m & B_PF) ? pfc
                    : t->colupf;
            }
        }
        out[x] = c;
    }
}

static void blank_pixels(struct tia *t, unsigned x0, unsigned x1)
{
    int row = (int)t->line - (int)t->top;
    if (row >= 0 && row < (int)t->height) memset(t->pix[t->cur] + (size_t)row * TIA_WIDTH + x0, 0, x1 - x0);
}

/* Runs in spans: between two events (a write falling due, an HMOVE pulse
 * every 4 clocks while HMOVE works, the audio ticks, the ends of the blank
 * and of the line) nothing changes but the beam, so a span in the blank
 * costs nothing and one in the picture is a tight loop. */
void tia_run_to(struct tia *t, uint64_t target, struct fdx_audio *audio)
{
    while (t->clock < target) {
        while (t->qcount && t->queue[t->qhead].due <= t->clock) {
            struct tia_write *w = &t->queue[t->qhead];
            t->qhead = (uint8_t)((t->qhead + 1) % TIA_QUEUE);
            t->qcount--;
            apply(t, w->reg, w->value);
        }
        unsigned hc = t->hclock;
        if (t->motion && (hc & 3) == 0) motion_tick(t);
        if (hc == 0 || hc == TIA_LINE_CLOCKS / 2) audio_tick(t, audio);
        /* the span: up to the next event */
        uint64_t left = target - t->clock;
        unsigned end = hc < TIA_LINE_CLOCKS / 2 ? TIA_LINE_CLOCKS / 2 : TIA_LINE_CLOCKS;
        if (t->motion) {
            unsigned next = (hc | 3) + 1;
            if (next < end) end = next;
        }
        unsigned vis = t->ext_hblank ? TIA_HBLANK + 8u : TIA_HBLANK;
        if (hc < TIA_HBLANK && end > TIA_HBLANK) end = TIA_HBLANK;
        else if (hc < vis && end > vis) end = vis;
        if (t->qcount) {
            uint64_t due = t->queue[t->qhead].due - t->clock;
            if (due < end - hc) end = hc + (unsigned)due;
        }
        if (left < end - hc) end = hc + (unsigned)left;
        if (hc >= vis) pixels(t, hc - TIA_HBLANK, end - TIA_HBLANK);
        else if (hc >= TIA_HBLANK) blank_pixels(t, hc - TIA_HBLANK, end - TIA_HBLANK);
        t->clock += end - hc;
        if (end == TIA_LINE_CLOCKS) {
            end = 0;
            t->ext_hblank = false;
            if (++t->line >= t->max_lines) end_frame(t);
        }
        t->hclock = (uint16_t)end;
    }
}

/* ---- state ------------------------------------------------------------ */

static void obj_state(struct fdx_state *st, struct tia_obj *o, const char *c, const char *r, const char *rc,
                      const char *pd, const char *mv)
{
    fdx_state_u8(st, c, &o->counter);
    fdx_state_bool(st, r, &o->rendering);
    uint16_t v = (uint16_t)o->rc;
    fdx_state_u16(st, rc, &v);
    o->rc = (int16_t)v;
    fdx_state_u8(st, pd, &o->pending);
    fdx_state_bool(st, mv, &o->moving);
}

void tia_state(struct tia *t, struct fdx_state *st)
{
    fdx_state_begin(st, "TIA ", 3);
    fdx_state_u64(st, "clock", &t->clock);
    fdx_state_u16(st, "hclock", &t->hclock);
    fdx_state_u16(st, "line", &t->line);
    fdx_state_bool(st, "wsync", &t->wsync);
    fdx_state_u8(st, "vsync", &t->vsync);
    fdx_state_u8(st, "vblank", &t->vblank);
    fdx_state_bytes(st, "nusiz", t->nusiz, 2);
    fdx_state_bytes(st, "colup", t->colup, 2);
    fdx_state_u8(st, "colupf", &t->colupf);
    fdx_state_u8(st, "colubk", &t->colubk);
    fdx_state_u8(st, "ctrlpf", &t->ctrlpf);
    fdx_state_bool(st, "refp0", &t->refp[0]);
    fdx_state_bool(st, "refp1", &t->refp[1]);
    fdx_state_u8(st, "pf0", &t->pf0);
    fdx_state_u8(st, "pf1", &t->pf1);
    fdx_state_u8(st, "pf2", &t->pf2);
    fdx_state_bool(st, "pf_bit", &t->pf_bit);
    fdx_state_bytes(st, "grp", t->grp, 2);
    fdx_state_bytes(st, "grp_old", t->grp_old, 2);
    fdx_state_bool(st, "enam0", &t->enam[0]);
    fdx_state_bool(st, "enam1", &t->enam[1]);
    fdx_state_bool(st, "enabl", &t->enabl);
    fdx_state_bool(st, "enabl_old", &t->enabl_old);
    fdx_state_bool(st, "vdelp0", &t->vdelp[0]);
    fdx_state_bool(st, "vdelp1", &t->vdelp[1]);
    fdx_state_bool(st, "vdelbl", &t->vdelbl);
    fdx_state_bool(st, "resmp0", &t->resmp[0]);
    fdx_state_bool(st, "resmp1", &t->resmp[1]);
    fdx_state_bytes(st, "hm", t->hm, TIA_NOBJ);
    obj_state(st, &t->obj[0], "p0_counter", "p0_rendering", "p0_rc", "p0_pending", "p0_moving");
    obj_state(st, &t->obj[1], "p1_counter", "p1_rendering", "p1_rc", "p1_pending", "p1_moving");
    obj_state(st, &t->obj[2], "m0_counter", "m0_rendering", "m0_rc", "m0_pending", "m0_moving");
    obj_state(st, &t->obj[3], "m1_counter", "m1_rendering", "m1_rc", "m1_pending", "m1_moving");
    obj_state(st, &t->obj[4], "bl_counter", "bl_rendering", "bl_rc", "bl_pending", "bl_moving");
    fdx_state_bool(st, "motion", &t->motion);
    fdx_state_u8(st, "motion_clock", &t->motion_clock);
    fdx_state_bool(st, "ext_hblank", &t->ext_hblank);
    fdx_state_u16(st, "collisions", &t->collisions);
    for (unsigned i = 0; i < TIA_QUEUE; i++) {
        fdx_state_u64(st, "q_due", &t->queue[i].due);
        fdx_state_u8(st, "q_reg", &t->queue[i].reg);
        fdx_state_u8(st, "q_value", &t->queue[i].value);
    }
    fdx_state_u8(st, "qhead", &t->qhead);
    fdx_state_u8(st, "qcount", &t->qcount);
    fdx_state_u8(st, "fire", &t->fire);
    fdx_state_u8(st, "latch", &t->latch);
    fdx_state_u32_array(st, "paddle_clocks", t->paddle_clocks, 4);
    fdx_state_u64(st, "dump_released", &t->dump_released);
    for (unsigned i = 0; i < 2; i++) {
        struct tia_channel *c = &t->ch[i];
        fdx_state_u8(st, "audc", &c->audc);
        fdx_state_u8(st, "audf", &c->audf);
        fdx_state_u8(st, "audv", &c->audv);
        fdx_state_u8(st, "div", &c->div);
        fdx_state_u8(st, "div3", &c->div3);
        fdx_state_u8(st, "poly4", &c->poly4);
        fdx_state_u8(st, "poly5", &c->poly5);
        fdx_state_u16(st, "poly9", &c->poly9);
        fdx_state_u8(st, "held", &c->held);
        fdx_state_u8(st, "out", &c->out);
    }
    fdx_state_bool(st, "frame_done", &t->frame_done);
    fdx_state_u32(st, "frames", &t->frames);
    fdx_state_u16(st, "last_lines", &t->last_lines);
    fdx_state_u8(st, "cur", &t->cur);
    fdx_state_bytes(st, "pix0", t->pix[0], sizeof t->pix[0]);
    fdx_state_bytes(st, "pix1", t->pix[1], sizeof t->pix[1]);
    if (st->mode == FDX_STATE_LOAD) {
        bool ok = t->hclock < TIA_LINE_CLOCKS && t->qcount <= TIA_QUEUE && t->qhead < TIA_QUEUE && t->cur < 2;
        for (unsigned i = 0; i < TIA_NOBJ; i++)
            ok = ok && t->obj[i].counter < 160 && t->obj[i].pending <= 10 && t->obj[i].rc >= 0 && t->obj[i].rc <= 32;
        fdx_state_check(st, ok, "TIA registers out of range");
        derive(t);
    }
    fdx_state_end(st);
}
