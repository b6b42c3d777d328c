/* The DPC (David Crane's "Display Processor Chip") of Pitfall II.
 *
 * It sits in the cartridge beside 8K of program ROM (two 4K banks switched
 * F8-style) and holds a 2K display ROM the 6507 cannot see directly. The
 * chip decodes $1000-$103F for reads and $1040-$107F for writes:
 *
 *   read  $1000-$1003  random number: the LFSR steps, then is read
 *         $1004-$1007  music amplitude (4 bits) from the flags of fetchers 5-7
 *         $1008+8f+n   fetcher n (0-7), function f: 1 data, 2 data if the flag
 *                      is set, 3 the same nibble-swapped, 4 bit-reversed,
 *                      5 shifted right, 6 shifted left, 7 the flag ($FF/$00);
 *                      the fetcher's counter then counts down
 *   write $1040+n top, $1048+n bottom, $1050+n counter low,
 *         $1058+n counter high (fetchers 5-7: bit 4 music mode, bit 5 clock
 *         from the oscillator), $1070-$1077 random number generator reset
 *
 * A fetcher is an 11-bit down counter addressing the display ROM backwards
 * (data = ROM[2047 - counter]) and a flag set when the low byte equals top
 * and cleared when it equals bottom. In music mode the low byte reloads
 * from top when it passes 0, so the flag becomes a square wave of period
 * top + 1 clocks. Those clocks come from the chip's own RC oscillator, not
 * from the 6507: its frequency is a free parameter (osc_hz), counted here
 * against the CPU cycle count in integers so runs stay deterministic.
 *
 * Draw-line features of the patent (MOVAMT at $1060) are not emulated; no
 * known game uses them.
 */
#ifndef FDX_A2600_DPC_H
#define FDX_A2600_DPC_H

#include <stdint.h>

struct fdx_state;

#define DPC_OSC_HZ 20000u       /* default oscillator frequency (see docs/atari2600.md) */

struct a2600_dpc {
    uint8_t top[8], bottom[8];
    uint16_t counter[8];        /* 11 bits */
    uint8_t flag[8];            /* 0 or 1 */
    uint8_t mode[8];            /* fetchers 5-7: DPC_MUSIC | DPC_OSC as written to the high counter */
    uint8_t rng;
    uint64_t osc_base;          /* CPU cycle at which the oscillator count starts */
    uint64_t osc_clocks;        /* oscillator clocks applied since osc_base */
    /* configuration (not saved) */
    const uint8_t *display;     /* the 2K display ROM */
    uint32_t osc_num, osc_den;  /* oscillator clocks per CPU cycle = osc_num / osc_den */
};

#define DPC_MUSIC 0x10
#define DPC_OSC 0x20

/* cpu_hz_x3 is the CPU clock times 3 (the TV's colour clock). */
void a2600_dpc_init(struct a2600_dpc *d, const uint8_t *display, uint32_t osc_hz, uint32_t cpu_hz_x3);
void a2600_dpc_reset(struct a2600_dpc *d, uint64_t cycles);
/* Runs the oscillator up to CPU cycle `cycles`. */
void a2600_dpc_sync(struct a2600_dpc *d, uint64_t cycles);
/* Accesses at offset off of the cartridge ($00-$3F reads, $40-$7F writes). */
uint8_t a2600_dpc_read(struct a2600_dpc *d, unsigned off, uint64_t cycles);
uint8_t a2600_dpc_peek(const struct a2600_dpc *d, unsigned off);
void a2600_dpc_write(struct a2600_dpc *d, unsigned off, uint8_t value, uint64_t cycles);
/* One step of the random number generator's shift register. */
uint8_t a2600_dpc_rng_next(uint8_t r);
void a2600_dpc_state(struct a2600_dpc *d, struct fdx_state *st);

#endif
