/* Disk II controller with two drives, modelled at the bit level.
 *
 * Time is the CPU cycle count; one bit cell is 4 cycles. The controller
 * catches up lazily whenever it is accessed: the selected drive's head
 * moves on by the elapsed bit cells, and in read mode each bit goes into a
 * shift register. A byte is complete when bit 7 is set; the data latch then
 * shows it until the next byte has shifted in two bit cells after its
 * leading one (8 cycles for back-to-back nibbles, longer after sync bytes),
 * which is what the logic state sequencer does for standard read loops.
 * In write mode each cell shifts bit 7 of the write register onto the
 * track; a write to $C08D/$C08F (Q6 high, Q7 high) loads the register, so
 * software timing decides the bit count (32 cycles: 8 bits, 40: 10-bit sync).
 *
 * Registers (the low nibble of $C0n0..$C0nF with n = slot + 8):
 *   0-7 stepper phases 0-3 off/on, 8/9 motor off/on, A/B drive 1/2,
 *   C/D Q6 low/high, E/F Q7 low/high. Even addresses read the latch.
 */
#ifndef A2_DISKII_H
#define A2_DISKII_H

#include <stdbool.h>
#include <stdint.h>

#include "a2_disk.h"

struct fdx_state;

#define A2_MOTOR_OFF_DELAY 1023000u /* cycles the motor keeps turning (about 1 s) */

struct a2_drive {
    struct a2_disk disk;
    bool loaded;
    bool write_protect;         /* the tab (image flag or the user's choice) */
    uint8_t qtrack;             /* head position in quarter tracks */
    uint32_t bit_pos;           /* position on the current track */
};

struct a2_diskii {
    struct a2_drive drive[2];
    uint8_t sel;                /* selected drive 0/1 */
    uint8_t phases;             /* stepper magnets on, bit n = phase n */
    bool motor;
    bool q6, q7;
    uint64_t motor_off_at;      /* when a turned-off motor stops */
    uint64_t last;              /* cycle up to which the drive has moved (multiple of 4 after it) */
    uint8_t sr;                 /* read shift register */
    uint8_t latch;              /* what reads of the data register give */
    uint8_t wsr;                /* write shift register */
    uint32_t lfsr;              /* noise where there is no track */
};

void a2_diskii_init(struct a2_diskii *c);
/* Register access at CPU cycle `now`. floating is the bus value undriven
 * reads give. Returns the byte read (writes return 0). */
uint8_t a2_diskii_access(struct a2_diskii *c, unsigned reg, bool write, uint8_t value, uint64_t now,
                         uint8_t floating);
/* Catches up to `now` (before an insert, eject or save). */
void a2_diskii_sync(struct a2_diskii *c, uint64_t now);
/* true while the selected drive turns (for a drive light, and the tests). */
bool a2_diskii_spinning(const struct a2_diskii *c, uint64_t now);
void a2_diskii_state(struct a2_diskii *c, struct fdx_state *st);

#endif
