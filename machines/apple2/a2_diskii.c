/* Disk II controller: stepper, motor, read and write at the bit level. */
#include <string.h>

#include "a2_diskii.h"
#include "fdx/state.h"

void a2_diskii_init(struct a2_diskii *c)
{
    c->sel = 0;
    c->phases = 0;
    c->motor = false;
    c->q6 = c->q7 = false;
    c->motor_off_at = 0;
    c->sr = c->latch = c->wsr = 0;
    c->lfsr = 0x1234567u;
}

bool a2_diskii_spinning(const struct a2_diskii *c, uint64_t now)
{
    return c->motor || now < c->motor_off_at;
}

static const struct a2_track *cur_track(const struct a2_drive *d)
{
    if (!d->loaded) return NULL;
    uint8_t i = d->disk.qmap[d->qtrack];
    return i == 0xFF ? NULL : &d->disk.track[i];
}

/* A noise bit: the amplifier's output with no flux transitions (about a
 * third ones, so nothing looks like a valid nibble for long). */
static unsigned noise(struct a2_diskii *c)
{
    c->lfsr = c->lfsr * 1664525u + 1013904223u;
    return (c->lfsr >> 28) < 5;
}

static void shift_in(struct a2_diskii *c, unsigned b)
{
    c->sr = (uint8_t)(c->sr << 1 | b);
    if (c->sr & 0x80) {
        c->latch = c->sr;
        c->sr = 0;
    } else if (c->sr >= 2) {
        c->latch = c->sr; /* the next byte has started: the old one is gone */
    }
}

/* Moves the selected drive on by n bit cells, reading or writing. */
static void run_cells(struct a2_diskii *c, uint64_t n)
{
    struct a2_drive *d = &c->drive[c->sel];
    struct a2_track *t = (struct a2_track *)cur_track(d);
    if (!c->q7 && n > 4096) {
        /* long idle stretch: only the last bits matter to the shift register */
        uint64_t skip = n - 64;
        if (t) d->bit_pos = (uint32_t)((d->bit_pos + skip) % t->nbits);
        n = 64;
    }
    bool can_write = c->q7 && t && !d->write_protect;
    for (uint64_t i = 0; i < n; i++) {
        if (c->q7) {
            unsigned b = c->wsr >> 7;
            c->wsr = (uint8_t)(c->wsr << 1);
            if (can_write) {
                a2_track_set_bit(t, d->bit_pos, b);
                d->disk.dirty = true;
            }
        } else {
            shift_in(c, t ? a2_track_bit(t, d->bit_pos) : noise(c));
        }
        if (t && ++d->bit_pos >= t->nbits) d->bit_pos = 0;
    }
}

void a2_diskii_sync(struct a2_diskii *c, uint64_t now)
{
    if (now <= c->last) return;
    uint64_t end = now;
    if (!c->motor && c->motor_off_at < end) end = c->motor_off_at;
    if (end > c->last) {
        uint64_t cells = (end - c->last) / 4;
        run_cells(c, cells);
        c->last += cells * 4;
    }
    /* a stopped drive: time passes without cells */
    if (end < now && c->last < now) c->last = now - (now - c->last) % 4;
}

/* The head follows the magnets next to it: with one magnet on, it moves a
 * half track toward it; with two neighbours on, it sits between them. */
static void step(struct a2_diskii *c)
{
    struct a2_drive *d = &c->drive[c->sel];
    int q = d->qtrack, sum = 0, count = 0;
    for (int p = 0; p < 4; p++) {
        if (!(c->phases & (1u << p))) continue;
        int delta = ((2 * p - q) % 8 + 8) % 8; /* magnet p sits at quarter tracks 2p mod 8 */
        if (delta > 4) delta -= 8;
        if (delta == 4 || delta == -4) continue; /* opposite: no pull */
        sum += delta;
        count++;
    }
    if (!count) return;
    int target = q + sum / count;
    if (target < 0) target = 0;
    if (target > A2_QTRACKS - 1) target = A2_QTRACKS - 1;
    if (target == q) return;
    const struct a2_track *old = cur_track(d);
    d->qtrack = (uint8_t)target;
    const struct a2_track *nt = cur_track(d);
    /* keep the angle of the disk under the head */
    if (old && nt && old != nt) d->bit_pos = (uint32_t)((uint64_t)d->bit_pos * nt->nbits / old->nbits);
    if (nt && d->bit_pos >= nt->nbits) d->bit_pos = 0;
}

uint8_t a2_diskii_access(struct a2_diskii *c, unsigned reg, bool write, uint8_t value, uint64_t now,
                         uint8_t floating)
{
    a2_diskii_sync(c, now);
    reg &= 15;
    switch (reg) {
    case 0x0: case 0x1: case 0x2: case 0x3: case 0x4: case 0x5: case 0x6: case 0x7:
        if (reg & 1) c->phases |= (uint8_t)(1u << (reg >> 1));
        else c->phases &= (uint8_t)~(1u << (reg >> 1));
        if (a2_diskii_spinning(c, now)) step(c);
        break;
    case 0x8:
        if (c->motor) c->motor_off_at = now + A2_MOTOR_OFF_DELAY;
        c->motor = false;
        break;
    case 0x9:
        c->motor = true;
        break;
    case 0xA:
    case 0xB:
        c->sel = reg & 1;
        break;
    case 0xC: c->q6 = false; break;
    case 0xD: c->q6 = true; break;
    case 0xE: c->q7 = false; break;
    case 0xF: c->q7 = true; break;
    }
    if (write) {
        /* Q6 and Q7 high: the write register takes the data bus */
        if (c->q6 && c->q7) c->wsr = value;
        return 0;
    }
    if (reg & 1) return floating;
    if (c->q7) return c->wsr;
    if (c->q6) {
        /* sense: the write-protect switch shifts into bit 7 */
        const struct a2_drive *d = &c->drive[c->sel];
        return (d->loaded && d->write_protect) ? 0xFF : 0x00;
    }
    return a2_diskii_spinning(c, now) ? c->latch : c->latch & 0x7F;
}

void a2_diskii_state(struct a2_diskii *c, struct fdx_state *st)
{
    fdx_state_begin(st, "DSK2", 1);
    fdx_state_u8(st, "sel", &c->sel);
    fdx_state_u8(st, "phases", &c->phases);
    fdx_state_bool(st, "motor", &c->motor);
    fdx_state_bool(st, "q6", &c->q6);
    fdx_state_bool(st, "q7", &c->q7);
    fdx_state_u64(st, "motor_off_at", &c->motor_off_at);
    fdx_state_u64(st, "last", &c->last);
    fdx_state_u8(st, "sr", &c->sr);
    fdx_state_u8(st, "latch", &c->latch);
    fdx_state_u8(st, "wsr", &c->wsr);
    fdx_state_u32(st, "lfsr", &c->lfsr);
    fdx_state_check(st, c->sel < 2, "drive number");
    for (unsigned i = 0; i < 2; i++) {
        struct a2_drive *d = &c->drive[i];
        fdx_state_begin(st, i ? "DRV2" : "DRV1", 1);
        bool loaded = d->loaded;
        uint32_t ntracks = d->disk.ntracks;
        fdx_state_bool(st, "loaded", &loaded);
        fdx_state_u32(st, "ntracks", &ntracks);
        fdx_state_check(st, loaded == d->loaded && ntracks == d->disk.ntracks, "the same disks inserted");
        fdx_state_u8(st, "qtrack", &d->qtrack);
        fdx_state_check(st, d->qtrack < A2_QTRACKS, "head position");
        fdx_state_u32(st, "bit_pos", &d->bit_pos);
        fdx_state_bool(st, "dirty", &d->disk.dirty);
        if (d->loaded && ntracks == d->disk.ntracks) {
            /* the tracks' bits: writes change them */
            for (unsigned t = 0; t < d->disk.ntracks; t++)
                fdx_state_bytes(st, "track", d->disk.track[t].bits, (d->disk.track[t].nbits + 7) / 8);
        }
        const struct a2_track *tr = cur_track(d);
        fdx_state_check(st, !tr || d->bit_pos < tr->nbits, "bit position");
        fdx_state_end(st);
    }
    fdx_state_end(st);
}
