/* MOS 6532 RIOT: 128 bytes of RAM, two 8-bit I/O ports with data
 * direction registers, an interval timer and PA7 edge detection.
 *
 * Time is counted in the chip's own clock cycles (the CPU clock on the
 * Atari 2600). The timer is not ticked: it is computed from the cycle at
 * which it was written, so the chip costs nothing until it is touched.
 * Every access passes the current cycle `now`.
 *
 * Register selection (rs = RAM select low means RAM):
 *   A2=0            port registers: A1..A0 = DRA, DDRA, DRB, DDRB
 *   A2=1 write A4=1 timer: A1..A0 = 1T/8T/64T/1024T, A3 = interrupt enable
 *   A2=1 write A4=0 edge control: A1 = PA7 interrupt enable, A0 = rising edge
 *   A2=1 read  A0=0 timer value (A3 = interrupt enable)
 *   A2=1 read  A0=1 interrupt flags: bit 7 timer, bit 6 PA7 (reading clears PA7)
 */
#ifndef FDX_CHIPS_RIOT6532_H
#define FDX_CHIPS_RIOT6532_H

#include <stdbool.h>
#include <stdint.h>

struct fdx_state;

struct riot6532 {
    uint8_t ram[128];
    uint8_t dra, ddra, drb, ddrb;
    uint8_t pa_in, pb_in;       /* levels driven on the pins from outside */
    /* timer: value written, its prescaler shift, and the write cycle */
    uint8_t timer_value;
    uint8_t timer_shift;        /* 0, 3, 6 or 10 */
    uint64_t timer_written;     /* cycle of the write */
    uint64_t flag_cleared;      /* cycle the timer flag was last cleared (+1) */
    bool timer_irq_en;
    bool pa7_flag, pa7_irq_en, pa7_rising;
    bool pa7_level;             /* last seen PA7 level for edge detection */
};

void riot6532_reset(struct riot6532 *r, uint64_t now);
/* reg is the address bits A0..A4; ram selects the RAM (RS low). */
uint8_t riot6532_read(struct riot6532 *r, unsigned addr, bool ram, uint64_t now);
void riot6532_write(struct riot6532 *r, unsigned addr, bool ram, uint8_t value, uint64_t now);
/* Side-effect-free read for debuggers. */
uint8_t riot6532_peek(const struct riot6532 *r, unsigned addr, bool ram, uint64_t now);
/* Pins driven from outside (joysticks, switches); a PA7 change may set the edge flag. */
void riot6532_set_pa(struct riot6532 *r, uint8_t levels, uint64_t now);
void riot6532_set_pb(struct riot6532 *r, uint8_t levels);
/* What the port pins read: outputs show the data register, inputs the pins. */
uint8_t riot6532_port_a(const struct riot6532 *r);
uint8_t riot6532_port_b(const struct riot6532 *r);
/* The timer as the CPU would read it, and whether the flag is set. */
uint8_t riot6532_timer(const struct riot6532 *r, uint64_t now);
bool riot6532_timer_flag(const struct riot6532 *r, uint64_t now);
/* The IRQ output level (true: asserted). */
bool riot6532_irq(const struct riot6532 *r, uint64_t now);
void riot6532_state(struct riot6532 *r, struct fdx_state *st);

#endif
