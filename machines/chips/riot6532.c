/* MOS 6532 RIOT (see riot6532.h). The timer is computed from the cycle of
 * its last write: before it underflows it counts down once per prescale
 * interval, then at one count per cycle through 0xFF (the flag is set at
 * each wrap); reading the timer clears the flag but, as on the chip, does
 * not restore the prescaler - only a write does. */
#include "machines/chips/riot6532.h"

#include <string.h>

#include "fdx/state.h"

void riot6532_reset(struct riot6532 *r, uint64_t now)
{
    /* RAM keeps its contents; registers clear. A fixed, non-zero timer
     * start keeps power-on deterministic. */
    r->dra = r->ddra = r->drb = r->ddrb = 0;
    r->timer_value = 0xFF;
    r->timer_shift = 10;
    r->timer_written = now;
    r->flag_cleared = now;
    r->timer_irq_en = false;
    r->pa7_flag = r->pa7_irq_en = r->pa7_rising = false;
    r->pa7_level = (riot6532_port_a(r) & 0x80) != 0;
}

uint8_t riot6532_port_a(const struct riot6532 *r)
{
    return (uint8_t)((r->dra & r->ddra) | (r->pa_in & ~r->ddra));
}

uint8_t riot6532_port_b(const struct riot6532 *r)
{
    return (uint8_t)((r->drb & r->ddrb) | (r->pb_in & ~r->ddrb));
}

/* The first cycle at which the timer reads 0xFF after its write. The
 * first count is taken in the write cycle itself: TIM1T = 5 written in
 * cycle w reads 3 in cycle w+1 and 0 in w+4 (as MAME's 6532 does). */
static uint64_t underflow_cycle(const struct riot6532 *r)
{
    return r->timer_written + ((uint64_t)r->timer_value << r->timer_shift);
}

uint8_t riot6532_timer(const struct riot6532 *r, uint64_t now)
{
    uint64_t u = underflow_cycle(r);
    if (now < r->timer_written) return r->timer_value;
    if (now < u) return (uint8_t)(r->timer_value - 1 - ((now - r->timer_written) >> r->timer_shift));
    return (uint8_t)(0xFF - ((now - u) & 0xFF));
}

bool riot6532_timer_flag(const struct riot6532 *r, uint64_t now)
{
    uint64_t u = underflow_cycle(r);
    if (now < u) return false;
    uint64_t last_wrap = u + ((now - u) & ~(uint64_t)0xFF);
    return last_wrap >= r->flag_cleared;
}

bool riot6532_irq(const struct riot6532 *r, uint64_t now)
{
    return (r->timer_irq_en && riot6532_timer_flag(r, now)) || (r->pa7_irq_en && r->pa7_flag);
}

static void check_pa7(struct riot6532 *r)
{
    bool level = (riot6532_port_a(r) & 0x80) != 0;
    if (level != r->pa7_level && level == r->pa7_rising) r->pa7_flag = true;
    r->pa7_level = level;
}

void riot6532_set_pa(struct riot6532 *r, uint8_t levels, uint64_t now)
{
    (void)now;
    r->pa_in = levels;
    check_pa7(r);
}

void riot6532_set_pb(struct riot6532 *r, uint8_t levels)
{
    r->pb_in = levels;
}

static uint8_t flags(const struct riot6532 *r, uint64_t now)
{
    return (uint8_t)((riot6532_timer_flag(r, now) ? 0x80 : 0) | (r->pa7_flag ? 0x40 : 0));
}

uint8_t riot6532_peek(const struct riot6532 *r, unsigned addr, bool ram, uint64_t now)
{
    if (ram) return r->ram[addr & 0x7F];
    if (!(addr & 4)) {
        switch (addr & 3) {
        case 0: return riot6532_port_a(r);
        case 1: return r->ddra;
        case 2: return riot6532_port_b(r);
        default: return r->ddrb;
        }
    }
    return (addr & 1) ? flags(r, now) : riot6532_timer(r, now);
}

uint8_t riot6532_read(struct riot6532 *r, unsigned addr, bool ram, uint64_t now)
{
    uint8_t v = riot6532_peek(r, addr, ram, now);
    if (ram || !(addr & 4)) return v;
    if (addr & 1) {
        r->pa7_flag = false;    /* reading the flags clears the edge flag */
    } else {
        r->timer_irq_en = (addr & 8) != 0;
        /* a read on the very cycle of a wrap does not clear the flag */
        uint64_t u = underflow_cycle(r);
        bool at_wrap = now >= u && ((now - u) & 0xFF) == 0;
        if (!at_wrap) r->flag_cleared = now + 1;
    }
    return v;
}

void riot6532_write(struct riot6532 *r, unsigned addr, bool ram, uint8_t value, uint64_t now)
{
    if (ram) {
        r->ram[addr & 0x7F] = value;
        return;
    }
    if (!(addr & 4)) {
        switch (addr & 3) {
        case 0: r->dra = value; break;
        case 1: r->ddra = value; break;
        case 2: r->drb = value; break;
        default: r->ddrb = value; break;
        }
        check_pa7(r);
        return;
    }
    if (addr & 0x10) {
        static const uint8_t shifts[4] = {0, 3, 6, 10};
        r->timer_value = value;
        r->timer_shift = shifts[addr & 3];
        r->timer_written = now;
        r->flag_cleared = now;
        r->timer_irq_en = (addr & 8) != 0;
    } else {
        r->pa7_irq_en = (addr & 2) != 0;
        r->pa7_rising = (addr & 1) != 0;
    }
}

void riot6532_state(struct riot6532 *r, struct fdx_state *st)
{
    fdx_state_begin(st, "6532", 1);
    fdx_state_bytes(st, "ram", r->ram, sizeof r->ram);
    fdx_state_u8(st, "dra", &r->dra);
    fdx_state_u8(st, "ddra", &r->ddra);
    fdx_state_u8(st, "drb", &r->drb);
    fdx_state_u8(st, "ddrb", &r->ddrb);
    fdx_state_u8(st, "pa_in", &r->pa_in);
    fdx_state_u8(st, "pb_in", &r->pb_in);
    fdx_state_u8(st, "timer_value", &r->timer_value);
    fdx_state_u8(st, "timer_shift", &r->timer_shift);
    fdx_state_u64(st, "timer_written", &r->timer_written);
    fdx_state_u64(st, "flag_cleared", &r->flag_cleared);
    fdx_state_bool(st, "timer_irq_en", &r->timer_irq_en);
    fdx_state_bool(st, "pa7_flag", &r->pa7_flag);
    fdx_state_bool(st, "pa7_irq_en", &r->pa7_irq_en);
    fdx_state_bool(st, "pa7_rising", &r->pa7_rising);
    fdx_state_bool(st, "pa7_level", &r->pa7_level);
    if (st->mode == FDX_STATE_LOAD) {
        unsigned s = r->timer_shift;
        fdx_state_check(st, s == 0 || s == 3 || s == 6 || s == 10, "6532 timer prescaler");
    }
    fdx_state_end(st);
}
