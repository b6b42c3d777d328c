/* A toy CPU and machine for the debugger tests: small enough to reason
 * about every cycle, rich enough for calls, interrupts, traps, I/O and
 * bank switching. One bus access per cycle, like a 6502.
 *
 *   00 NOP          01 nn LDA #nn     02 lo hi LDA abs   03 lo hi STA abs
 *   04 INC A        05 lo hi JMP abs  06 lo hi JSR abs   07 RTS
 *   08 rr BNE rel   09 RTI            0A nn TRAP nn      0B HLT
 *   0C nn CMP #nn   0D CLI            0E SEI             0F DEC A
 *
 * Stack at $0100-$01FF (S is 8 bits, grows down). JSR pushes the return
 * address (high, low); interrupts and TRAP push PC high, PC low, then the
 * flags. Vectors: TRAP $FFF8, IRQ $FFFC (little-endian).
 * I/O page $D000: $D000 write = timer period in ticks/16 (0: off, IRQ on
 * each period), $D000 read = acknowledge; $D001 write = bank at $E000
 * (0 or 1), read = bank. Everything else is RAM. Flags: "I-----ZC".
 */
#ifndef FDX_TEST_TOY_H
#define FDX_TEST_TOY_H

#include "fdx/fdx.h"

extern const struct fdx_machine_desc fdx_test_toy_machine;

#endif
