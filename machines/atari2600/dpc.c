/* Pitfall II's DPC chip (see dpc.h). */
#include "machines/atari2600/dpc.h"

#include <stdbool.h>
#include <string.h>

#include "fdx/state.h"

/* The three music flags (fetchers 5, 6, 7 as bits 0, 1, 2) mixed by the
 * chip's decoder and NAND gates into a 4-bit level: not linear. */
static const uint8_t amplitude[8] = {0x0, 0x4, 0x5, 0x9, 0x6, 0xA, 0xB, 0xF};

void a2600_dpc_init(struct a2600_dpc *d, const uint8_t *display, uint32_t osc_hz, uint32_t cpu_hz_x3)
{
    memset(d, 0, sizeof *d);
    d->display = display;
    d->osc_num = osc_hz * 3u;
    d->osc_den = cpu_hz_x3;
}

void a2600_dpc_reset(struct a2600_dpc *d, uint64_t cycles)
{
    memset(d->top, 0, sizeof d->top);
    memset(d->bottom, 0, sizeof d->bottom);
    memset(d->counter, 0, sizeof d->counter);
    memset(d->flag, 0, sizeof d->flag);
    memset(d->mode, 0, sizeof d->mode);
    d->rng = 0;
    d->osc_base = cycles;
    d->osc_clocks = 0;
}

/* Eight bits shifting left; the new bit 0 is the inverted XOR of bits 7,
 * 5, 4 and 3. All zeros is a normal state (reset goes there), all ones
 * would lock: 255 states. */
uint8_t a2600_dpc_rng_next(uint8_t r)
{
    unsigned in = ~((r >> 7) ^ (r >> 5) ^ (r >> 4) ^ (r >> 3)) & 1u;
    return (uint8_t)((r << 1) | in);
}

/* The flag compares continuously: set when the low byte equals top,
 * cleared when it equals bottom (bottom wins if both do). */
static void check_flag(struct a2600_dpc *d, unsigned i)
{
    unsigned low = d->counter[i] & 0xFF;
    if (low == d->top[i]) d->flag[i] = 1;
    if (low == d->bottom[i]) d->flag[i] = 0;
}

static bool music(const struct a2600_dpc *d, unsigned i)
{
    return i >= 5 && (d->mode[i] & DPC_MUSIC);
}

/* One clock of fetcher i's counter (a read pulse or an oscillator tick). */
static void count(struct a2600_dpc *d, unsigned i)
{
    d->counter[i] = (uint16_t)((d->counter[i] - 1u) & 0x7FF);
    if ((d->counter[i] & 0xFF) == 0xFF && music(d, i))
        d->counter[i] = (uint16_t)((d->counter[i] & 0x700) | d->top[i]);
    check_flag(d, i);
}

/* n oscillator clocks of fetcher i. Once the low byte has come down into
 * its cycle and gone round it once (512 clocks at most), the fetcher's
 * state repeats every 8 turns of the low byte (the high bits count the
 * turns), so a long gap costs at most a few thousand steps. */
static void tick(struct a2600_dpc *d, unsigned i, uint64_t n)
{
    uint64_t period = 8u * (music(d, i) ? d->top[i] + 1u : 256u);
    if (n > 512 + period) {
        for (unsigned k = 0; k < 512; k++) count(d, i);
        n = (n - 512) % period;
    }
    for (uint64_t k = 0; k < n; k++) count(d, i);
}

void a2600_dpc_sync(struct a2600_dpc *d, uint64_t cycles)
{
    if (!d->osc_den || cycles <= d->osc_base) return;
    /* floor((cycles - base) * num / den) without overflowing 64 bits */
    uint64_t t = cycles - d->osc_base;
    uint64_t target = t / d->osc_den * d->osc_num + t % d->osc_den * d->osc_num / d->osc_den;
    if (target <= d->osc_clocks) return;
    uint64_t n = target - d->osc_clocks;
    d->osc_clocks = target;
    for (unsigned i = 5; i < 8; i++)
        if (d->mode[i] & DPC_OSC) tick(d, i, n);
}

static uint8_t reverse(uint8_t v)
{
    v = (uint8_t)((v & 0xF0) >> 4 | (v & 0x0F) << 4);
    v = (uint8_t)((v & 0xCC) >> 2 | (v & 0x33) << 2);
    return (uint8_t)((v & 0xAA) >> 1 | (v & 0x55) << 1);
}

static uint8_t music_level(const struct a2600_dpc *d)
{
    unsigned k = 0;
    for (unsigned i = 5; i < 8; i++)
        if (music(d, i) && d->flag[i]) k |= 1u << (i - 5);
    return amplitude[k];
}

/* What a read of off (0..$3F) returns, without its side effects. */
static uint8_t value(const struct a2600_dpc *d, unsigned off, uint8_t rng)
{
    if (off < 4) return rng;
    if (off < 8) return music_level(d);
    unsigned i = off & 7;
    uint8_t data = d->display[0x7FF - d->counter[i]];
    uint8_t mask = d->flag[i] ? 0xFF : 0x00;
    switch (off >> 3) {
    case 1: return data;
    case 2: return data & mask;
    case 3: return (uint8_t)(data >> 4 | data << 4) & mask;
    case 4: return reverse(data) & mask;
    case 5: return (uint8_t)(data >> 1) & mask;
    case 6: return (uint8_t)(data << 1) & mask;
    default: return mask;
    }
}

uint8_t a2600_dpc_peek(const struct a2600_dpc *d, unsigned off)
{
    return value(d, off & 0x3F, a2600_dpc_rng_next(d->rng));
}

uint8_t a2600_dpc_read(struct a2600_dpc *d, unsigned off, uint64_t cycles)
{
    off &= 0x3F;
    a2600_dpc_sync(d, cycles);
    if (off < 4) d->rng = a2600_dpc_rng_next(d->rng);
    uint8_t v = value(d, off, d->rng);
    /* a data read clocks its fetcher, unless that one counts oscillator ticks */
    unsigned i = off & 7;
    if (off >= 8 && !(i >= 5 && (d->mode[i] & DPC_OSC))) count(d, i);
    return v;
}

void a2600_dpc_write(struct a2600_dpc *d, unsigned off, uint8_t v, uint64_t cycles)
{
    unsigned i = off & 7;
    a2600_dpc_sync(d, cycles);
    switch ((off >> 3) & 7) {
    case 0:
        d->top[i] = v;
        d->flag[i] = 0;
        check_flag(d, i);
        break;
    case 1:
        d->bottom[i] = v;
        check_flag(d, i);
        break;
    case 2:
        /* in music mode the low byte loads from top, whatever is written */
        d->counter[i] = (uint16_t)((d->counter[i] & 0x700) | (music(d, i) ? d->top[i] : v));
        check_flag(d, i);
        break;
    case 3:
        d->counter[i] = (uint16_t)((v & 7u) << 8 | (d->counter[i] & 0xFF));
        if (i >= 5) {
            d->mode[i] = v & (DPC_MUSIC | DPC_OSC);
            if (music(d, i) && (d->counter[i] & 0xFF) == 0xFF) {
                d->counter[i] = (uint16_t)((d->counter[i] & 0x700) | d->top[i]);
                check_flag(d, i);
            }
        }
        break;
    case 6:
        d->rng = 0;
        break;
    default:
        break; /* $1060 draw-line movement and the unused registers */
    }
}

void a2600_dpc_state(struct a2600_dpc *d, struct fdx_state *st)
{
    fdx_state_begin(st, "DPC ", 1);
    fdx_state_bytes(st, "top", d->top, sizeof d->top);
    fdx_state_bytes(st, "bottom", d->bottom, sizeof d->bottom);
    fdx_state_u16_array(st, "counter", d->counter, 8);
    fdx_state_bytes(st, "flag", d->flag, sizeof d->flag);
    fdx_state_bytes(st, "mode", d->mode, sizeof d->mode);
    fdx_state_u8(st, "rng", &d->rng);
    fdx_state_u64(st, "osc_base", &d->osc_base);
    fdx_state_u64(st, "osc_clocks", &d->osc_clocks);
    if (st->mode == FDX_STATE_LOAD) {
        /* keep a bad state from indexing outside the display ROM */
        for (unsigned i = 0; i < 8; i++) {
            d->counter[i] &= 0x7FF;
            d->flag[i] = d->flag[i] ? 1 : 0;
            d->mode[i] &= DPC_MUSIC | DPC_OSC;
        }
    }
    fdx_state_end(st);
}
