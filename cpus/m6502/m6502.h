/* fdx 6502 family: NMOS 6502 (with the undocumented opcodes), 6507, and the
 * WDC 65C02.
 *
 * Design: an instruction-stepped interpreter in which every bus access is
 * exactly one CPU cycle, issued in the order, with the address and data,
 * of the real chip (dummy reads and writes included). RAM and ROM pages are
 * reached through the bus page table (no call); I/O pages call their
 * handler with `base.cycles` equal to the index of the current cycle
 * (cycles completed before it), so devices can catch up exactly.
 *
 * Models: fdx_m6502_ops_6502 ("6502"), fdx_m6502_ops_6507 ("6507": the 6502
 * with 13 address lines, addresses are masked to $1FFF), fdx_m6502_ops_65c02
 * ("65C02", WDC). fdx_m6502_ops_find() finds one by name.
 *
 * Lines (set_line):
 *  - FDX_LINE_IRQ (level), FDX_LINE_NMI (edge on assertion), FDX_LINE_RESET
 *    (assert then release: the 7-cycle reset sequence runs next).
 *    Interrupts are polled as the real chip does it, at the end of the
 *    second-to-last cycle of an instruction: a line asserted from an I/O
 *    handler during cycle k is seen by an instruction whose last cycle is
 *    after k+1. A line set between runs counts as asserted at base.cycles.
 *    fdx_m6502_set_irq_at / _nmi_at take an explicit cycle instead (for a
 *    scheduler event that fell due inside the previous instruction).
 *    Taken branches that do not cross a page poll one cycle earlier; CLI,
 *    SEI and PLP act on the poll one instruction late; NMI arriving during a
 *    BRK or IRQ sequence (up to its P push) takes over its vector; BRK
 *    pushes B=1, IRQ/NMI B=0; the 65C02 clears D on interrupts.
 *  - RDY: the real 6502 stops on read cycles while RDY is low (writes go on).
 *    fdx_m6502_rdy_until(c, cycle): the next read cycles are stretched until
 *    base.cycles reaches `cycle` (the Atari 2600's WSYNC: a write to WSYNC
 *    from the TIA's handler calls this with the start of the next line; the
 *    following read cycle then waits). The stalled read is performed once,
 *    on the last cycle of the stall. set_line(FDX_LINE_RDY, 0) holds RDY low
 *    with no known end: the CPU idles at the next instruction boundary
 *    (cycles pass, nothing runs) until set_line(FDX_LINE_RDY, 1).
 *
 * Bus log: fdx_m6502_log(c, true) records every cycle (address, data,
 * read/write) of the instruction under way into c->log (cleared at each
 * instruction start). It costs nothing when off: with the log on, the CPU
 * uses an empty page table, so every access takes the slow path that
 * records it. The SST runner and cycle stepping use it.
 *
 * Cycle stepping (FDX_STEP_CYCLE): the core is instruction-stepped, so a
 * cycle step runs the whole next instruction with the log on and then
 * replays it: each step returns 1 and advances c->log_pos; the debugger
 * shows c->log[c->log_pos - 1]. The instruction's effects are all visible
 * after the first cycle step (documented in docs/m6502.md).
 *
 * Direct map (opt-in, fdx_m6502_direct_map): a machine whose bus pages are
 * smaller than 256 bytes (the Apple II: 16) or that wants fewer steps per
 * access lets the CPU keep one host pointer per 256-byte page, filled from
 * the bus page table on first use. The machine promises to call
 * fdx_m6502_map_changed() whenever it changes its bus mapping (bank
 * switching, reset, state load); the CPU forgets the pointers then, and
 * also when the bus table changes under it (bus log, RDY stall). While a
 * debugger tap is active the CPU uses the bus table only. Pages that are
 * not one stretch of host memory (I/O, smaller pages that differ) take
 * the bus table path as before, so behaviour is the same either way.
 *
 * Trap hook: a machine can ask to be called when a JSR or JMP abs lands on
 * an address >= c->trap_from (sim65's paravirtualisation at $FFF4-$FFF9).
 * The hook runs after the instruction's cycles (trap_insn_cycles: 6 or 3)
 * with the registers in the struct and may change them; it returns non-zero
 * to stop the run (the guest exited).
 */
#ifndef FDX_M6502_H
#define FDX_M6502_H

#include <stdbool.h>
#include <stdint.h>

#include "fdx/cpu.h"

#ifdef __cplusplus
extern "C" {
#endif

enum fdx_m6502_model { FDX_M6502_NMOS = 0, FDX_M6502_6507, FDX_M6502_65C02 };

/* P bits */
enum {
    FDX_M6502_C = 0x01, FDX_M6502_Z = 0x02, FDX_M6502_I = 0x04, FDX_M6502_D = 0x08,
    FDX_M6502_B = 0x10, FDX_M6502_U = 0x20, FDX_M6502_V = 0x40, FDX_M6502_N = 0x80,
};

#define FDX_M6502_LOG_MAX 16

struct fdx_m6502_cycle {
    uint16_t addr;
    uint8_t data;
    uint8_t write;  /* 1 write, 0 read */
};

struct fdx_m6502;
/* Returns non-zero to stop the run. */
typedef int (*fdx_m6502_trap_fn)(void *ctx, struct fdx_m6502 *c);

struct fdx_m6502 {
    struct fdx_cpu base;            /* must be first */
    /* registers */
    uint16_t pc;
    uint8_t a, x, y, s, p;
    uint8_t model;                  /* enum fdx_m6502_model */
    bool halted;                    /* JAM / STP executed */
    bool waiting;                   /* WAI: until an interrupt line is asserted */

    /* interrupt lines */
    bool irq_line, nmi_line, nmi_pending, reset_pending, rdy_low;
    uint64_t irq_at, nmi_at;        /* cycle the line was asserted */
    uint64_t rdy_until;             /* read cycles before this stall */
    /* poll quirks: the instruction count at which they apply */
    uint64_t ilat_instr;            /* CLI/SEI/PLP finished at this count */
    uint8_t ilat_old;               /* ... and the I flag before it */
    uint64_t branch_end;            /* a taken branch without page cross ended at this cycle */

    /* bus log */
    bool log_on;
    uint8_t nlog, log_pos;
    struct fdx_m6502_cycle log[FDX_M6502_LOG_MAX];
    uint64_t log_instr;             /* base.instructions after the logged instruction (cycle steps) */

    /* stop after an instruction that jumps to itself (JMP abs, or a taken
     * branch to itself): base.stop = FDX_STOP_HALTED and looped = true */
    bool stop_on_loop, looped;

    /* trap hook (JSR to >= trap_from; 0x10000 = off) */
    uint32_t trap_from;
    fdx_m6502_trap_fn trap;
    void *trap_ctx;
    unsigned trap_insn_cycles;
    /* How many cycles more sim65 2.19 counts than the chip ran: a taken
     * branch whose opcode is on the page before the next instruction is
     * +1 or -1 (sim65 tests the page crossing from the opcode's address).
     * Counted where it happens, at no cost elsewhere; sim6502
     * --sim65-cycles adds it. The machines that use it save it in their
     * state. */
    int64_t sim65_skew;

    /* direct map: per 256-byte page, host pointer minus the page's address
     * (reads [0..255], writes [256..511]); M6502_DM_UNKNOWN not filled yet,
     * M6502_DM_BUS through the bus table (not state: refilled on use) */
    bool direct;
    const struct fdx_page *dm_from; /* the table dmap was filled from */
    uintptr_t dmap[512];

    /* run-time plumbing (not state) */
    const struct fdx_page *pg;      /* the page table the run loop uses */
    unsigned shift;
    uint64_t end, lim;              /* run ends at end; boundary work when cycles >= lim */
    struct fdx_page null_page;      /* all-slow table of one page (log/RDY) */
};

extern const struct fdx_cpu_ops fdx_m6502_ops_6502;
extern const struct fdx_cpu_ops fdx_m6502_ops_6507;
extern const struct fdx_cpu_ops fdx_m6502_ops_65c02;

/* "6502"/"nmos", "6507", "65c02"/"wdc65c02" (case-insensitive); NULL if unknown. */
const struct fdx_cpu_ops *fdx_m6502_ops_find(const char *name);

/* Sets up a CPU of the given model on bus (c is zeroed first) and puts it
 * in the power-on state (registers 0, S=$FD after the reset sequence that
 * runs as the first thing of the first run). */
void fdx_m6502_init(struct fdx_m6502 *c, const struct fdx_cpu_ops *ops, struct fdx_bus *bus);
/* Sets registers directly and skips the pending reset sequence. */
void fdx_m6502_set_pc(struct fdx_m6502 *c, uint16_t pc);

void fdx_m6502_rdy_until(struct fdx_m6502 *c, uint64_t cycle);
void fdx_m6502_set_irq_at(struct fdx_m6502 *c, bool asserted, uint64_t cycle);
void fdx_m6502_set_nmi_at(struct fdx_m6502 *c, bool asserted, uint64_t cycle);
void fdx_m6502_log(struct fdx_m6502 *c, bool on);
void fdx_m6502_set_trap(struct fdx_m6502 *c, uint32_t from, fdx_m6502_trap_fn fn, void *ctx);
/* Direct map on or off (see above); with it on, the machine calls
 * fdx_m6502_map_changed() after every change to its bus mapping. */
void fdx_m6502_direct_map(struct fdx_m6502 *c, bool on);
void fdx_m6502_map_changed(struct fdx_m6502 *c);

/* ---- decoder tables (shared by the executor and the disassembler) ---- */

enum fdx_m6502_mode {
    M6502_IMP, M6502_ACC, M6502_IMM, M6502_ZP, M6502_ZPX, M6502_ZPY, M6502_ABS, M6502_ABX, M6502_ABY,
    M6502_IZX, M6502_IZY, M6502_IZP, M6502_IND, M6502_IAX, M6502_REL, M6502_ZPR,
    M6502_MODE_COUNT
};

struct fdx_m6502_opinfo {
    const char *mnemonic;
    uint8_t mode;       /* enum fdx_m6502_mode */
    uint8_t flow;       /* enum fdx_flow */
};

/* Bytes of an instruction in a mode. */
unsigned fdx_m6502_mode_length(unsigned mode);
/* The 256-entry table of a model. */
const struct fdx_m6502_opinfo *fdx_m6502_optable(unsigned model);
/* Disassembles from bytes (at least 3) at addr. Returns the length. */
unsigned fdx_m6502_disasm_bytes(unsigned model, uint16_t addr, const uint8_t *bytes, struct fdx_disasm *out);

#ifdef __cplusplus
}
#endif
#endif
