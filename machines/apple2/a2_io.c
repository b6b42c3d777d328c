/* The Apple II I/O page ($C000-$C0FF) and the slot ROM space. */
#include <string.h>

#include "a2.h"

/* What the video scanner is fetching now: undriven reads see it. */
uint8_t a2_floating(struct a2 *a)
{
    uint64_t fc = (a2_now(a) - a->frame_start) % A2_FRAME_CYCLES;
    uint16_t addr = a2_video_scan_address(a->vmode, (unsigned)(fc / A2_LINE_CYCLES), (unsigned)(fc % A2_LINE_CYCLES));
    return a->main[addr];
}

/* Gives the lines the beam has passed the current mode, before it changes. */
void a2_video_catch_up(struct a2 *a)
{
    uint64_t fc = a2_now(a) - a->frame_start;
    uint64_t line = fc / A2_LINE_CYCLES;
    if (line > A2_LINES) line = A2_LINES;
    while (a->line_done < line) a->line_mode[a->line_done++] = a->vmode;
}

static void set_vmode(struct a2 *a, uint8_t bit, bool on)
{
    uint8_t nm = on ? (uint8_t)(a->vmode | bit) : (uint8_t)(a->vmode & ~bit);
    if (nm == a->vmode) return;
    a2_video_catch_up(a);
    a->vmode = nm;
    /* with 80STORE, PAGE2 picks the memory of $0400-$07FF (and of
     * $2000-$3FFF with HIRES); HIRES decides about the latter */
    if (a->store80 && bit == A2V_PAGE2) {
        a2_mem_remap_pages(a, 0x04, 0x08);
        if (a->vmode & A2V_HIRES) a2_mem_remap_pages(a, 0x20, 0x40);
    } else if (a->store80 && bit == A2V_HIRES) {
        a2_mem_remap_pages(a, 0x20, 0x40);
    }
}

/* Speaker: each sample is the fraction of its 46 cycles the cone was out,
 * through a DC-blocking high-pass (the speaker's coupling), so a speaker
 * left on makes no click and silence decays to zero. */
static void speaker_sample(struct a2 *a, uint32_t high)
{
    /* level -8000..8000 by the fraction of the sample the cone was out */
    int32_t x = (int32_t)(high * (16000u / A2_AUDIO_DIV)) - (int32_t)(A2_AUDIO_DIV * (16000u / A2_AUDIO_DIV) / 2);
    /* DC blocker: y = x - x' + (1 - 1/256) y', y kept in 1/1024 units */
    a->hp_y = (x - a->hp_x) * 1024 + a->hp_y - (a->hp_y >> 8);
    a->hp_x = x;
    int32_t s = a->hp_y >> 10;
    if (s > 32767) s = 32767;
    if (s < -32768) s = -32768;
    fdx_audio_push(&a->m->audio, (int16_t)s, (int16_t)s);
}

void a2_speaker_catch_up(struct a2 *a, uint64_t now)
{
    if (a->spk_last >= now) return;
    /* the sample under way */
    if (a->spk_fill) {
        uint64_t step = A2_AUDIO_DIV - a->spk_fill;
        if (step > now - a->spk_last) step = now - a->spk_last;
        if (a->spk) a->spk_high += (uint32_t)step;
        a->spk_fill += (uint32_t)step;
        a->spk_last += step;
        if (a->spk_fill < A2_AUDIO_DIV) return;
        speaker_sample(a, a->spk_high);
        a->spk_fill = 0;
        a->spk_high = 0;
    }
    /* whole samples with the cone where it is (the common case: one
     * catch-up a frame, or a few between clicks) */
    uint32_t high = a->spk ? A2_AUDIO_DIV : 0;
    while (now - a->spk_last >= A2_AUDIO_DIV) {
        speaker_sample(a, high);
        a->spk_last += A2_AUDIO_DIV;
    }
    /* the start of the next one */
    uint32_t rest = (uint32_t)(now - a->spk_last);
    a->spk_fill = rest;
    a->spk_high = a->spk ? rest : 0;
    a->spk_last = now;
}

static uint8_t buttons_paddles(struct a2 *a, unsigned r)
{
    uint8_t fl = a2_floating(a) & 0x7F;
    if (r >= 1 && r <= 3) return (uint8_t)((a->button[r - 1] ? 0x80 : 0) | fl);
    if (r >= 4 && r <= 7) {
        /* the 558 timer runs about 11 cycles per step of the paddle */
        uint64_t end = a->paddle_trigger + (uint64_t)a->paddle[r - 4] * 11u;
        return (uint8_t)((a2_now(a) < end ? 0x80 : 0) | fl);
    }
    return fl; /* cassette input: nothing plugged in */
}

/* Everything the $C0xx page does for a read or a write. */
static uint8_t io_access(struct a2 *a, unsigned addr, bool write, uint8_t value)
{
    unsigned r = addr & 0xFF;
    switch (r >> 4) {
    case 0x0:
        if (write) {
            if (a->iie) {
                if ((r & 0x0E) != 0x2 && (r & 0x0E) != 0x4 && (r & 0x0E) != 0x6 && (r & 0x0E) != 0x8 &&
                    (r & 0x0E) != 0xA)
                    a2_video_catch_up(a);
                a2_iie_switch_write(a, r);
            }
            return 0;
        }
        return a->kbd;
    case 0x1: {
        if (a->iie && !write && r != 0x10) return a2_status_read(a, r);
        /* clears the strobe; the IIe also says whether a key is held */
        uint8_t v = a->iie ? (uint8_t)((a->keys_down ? 0x80 : 0) | (a->kbd & 0x7F)) : a2_floating(a);
        a2_set_kbd(a, a->kbd & 0x7F);
        return v;
    }
    case 0x2: return a2_floating(a); /* cassette output */
    case 0x3:
        a2_speaker_catch_up(a, a2_now(a));
        a->spk = !a->spk;
        return a2_floating(a);
    case 0x4: return a2_floating(a);
    case 0x5:
        switch (r & 0x0F) {
        case 0x0: set_vmode(a, A2V_TEXT, false); break;
        case 0x1: set_vmode(a, A2V_TEXT, true); break;
        case 0x2: set_vmode(a, A2V_MIXED, false); break;
        case 0x3: set_vmode(a, A2V_MIXED, true); break;
        case 0x4: set_vmode(a, A2V_PAGE2, false); break;
        case 0x5: set_vmode(a, A2V_PAGE2, true); break;
        case 0x6: set_vmode(a, A2V_HIRES, false); break;
        case 0x7: set_vmode(a, A2V_HIRES, true); break;
        default: {
            unsigned n = (r >> 1) & 3;
            bool on = r & 1;
            a->an = on ? (uint8_t)(a->an | 1u << n) : (uint8_t)(a->an & ~(1u << n));
            /* IIe: AN3 low turns on double hi-res (with 80COL) */
            if (a->iie && n == 3) set_vmode(a, A2V_DHR, !on);
        }
        }
        return a2_floating(a);
    case 0x6:
        if (write) return 0;
        return buttons_paddles(a, r & 7);
    case 0x7:
        a->paddle_trigger = a2_now(a);
        return a2_floating(a);
    case 0x8:
        a2_lc_access(a, r, write);
        return a2_floating(a);
    case 0xE:
        return a2_diskii_access(&a->disk, r & 0x0F, write, value, a2_now(a), a2_floating(a));
    default:
        return a2_floating(a); /* empty slots */
    }
}

uint32_t a2_io_read(void *ctx, uint32_t addr, unsigned size)
{
    (void)size;
    return io_access(ctx, addr, false, 0);
}

void a2_io_write(void *ctx, uint32_t addr, uint32_t value, unsigned size)
{
    (void)size;
    io_access(ctx, addr, true, (uint8_t)value);
}

uint32_t a2_io_peek(void *ctx, uint32_t addr, unsigned size)
{
    struct a2 *a = ctx;
    (void)size;
    if ((addr & 0xF0) == 0x00) return a->kbd;
    return 0;
}

/* $C100-$CFFF pages that are not plain ROM: empty slots (floating bus),
 * the IIe's $C3 page and $CFFF, which switch the $C800 space. */
static uint8_t slots_access(struct a2 *a, unsigned addr, bool write)
{
    unsigned page = (addr >> 8) & 0xFF;
    bool changed = false;
    if (a->iie && page == 0xC3 && !a->slotc3rom && !a->intc8rom) {
        a->intc8rom = true;
        changed = true;
    }
    if ((addr & 0xFFFF) == 0xCFFF && a->intc8rom && !(a->iie && a->intcxrom)) {
        a->intc8rom = false;
        changed = true;
    }
    uint8_t v;
    bool internal = a->iie && (a->intcxrom || (page == 0xC3 && !a->slotc3rom) || (page >= 0xC8 && a->intc8rom));
    if (internal) v = a->rom[addr - 0xC000];
    else if (page == 0xC6) v = a->slot6[addr & 0xFF];
    else v = a2_floating(a);
    if (changed) a2_mem_remap_pages(a, 0xC1, 0xD0);
    (void)write;
    return v;
}

uint32_t a2_slots_read(void *ctx, uint32_t addr, unsigned size)
{
    (void)size;
    return slots_access(ctx, addr & 0xFFFF, false);
}

void a2_slots_write(void *ctx, uint32_t addr, uint32_t value, unsigned size)
{
    (void)size;
    (void)value;
    slots_access(ctx, addr & 0xFFFF, true);
}

uint32_t a2_slots_peek(void *ctx, uint32_t addr, unsigned size)
{
    struct a2 *a = ctx;
    (void)size;
    unsigned page = (addr >> 8) & 0xFF;
    if (a->iie && (a->intcxrom || (page == 0xC3 && !a->slotc3rom) || (page >= 0xC8 && a->intc8rom)))
        return a->rom[(addr & 0xFFFF) - 0xC000];
    if (page == 0xC6) return a->slot6[addr & 0xFF];
    return 0;
}
