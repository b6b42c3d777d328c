/* Motorola 68000 CPU module.
 *
 * Instruction-stepped interpreter with exact bus-cycle accounting: every
 * bus access happens in the order the 68000's microcode performs it and
 * adds its clocks (4 plus wait states from the bus) to base.cycles before
 * the next access, so devices see exact times. The prefetch queue (IR,
 * IRC) is modelled as the chip has it: `pc` is the address of the next
 * prefetch, i.e. the instruction address + 4 at an instruction boundary.
 *
 * A bus log hook (struct m68k_log) records each bus cycle for conformance
 * tests; it costs one test of a pointer per access when off.
 */
#ifndef FDX_M68K_H
#define FDX_M68K_H

#include <stdint.h>
#include <stdbool.h>
#include "fdx/cpu.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One recorded bus cycle. kind: 'r' read, 'w' write, 't' TAS read,
 * 'R' read address error, 'W' write address error, 'n' idle clocks,
 * 'i' interrupt acknowledge. */
struct m68k_bus_event {
    char kind;
    uint8_t fc;
    uint8_t uds, lds;
    uint8_t byte;       /* 1: byte access */
    uint16_t clocks;
    uint32_t addr;      /* 24-bit word address */
    uint16_t data;      /* data bus value */
};

struct m68k_log {
    struct m68k_bus_event *ev;
    unsigned n, cap;    /* events beyond cap are counted but not stored */
};

/* Native-feature hook: called for the opcodes 0x7300-0x73FF, which are
 * illegal on a 68000 (NatFeats uses 0x7300 NF_ID and 0x7301 NF_CALL; a
 * machine may use others for its own traps). Returns M68K_NF_DONE when it
 * handled the opcode (it may set registers and stop the CPU), M68K_NF_ILLEGAL
 * to take the illegal-instruction exception, M68K_NF_PRIVILEGE for a
 * privilege violation. */
enum { M68K_NF_DONE = 0, M68K_NF_ILLEGAL, M68K_NF_PRIVILEGE };
typedef int (*m68k_natfeat_fn)(void *ctx, struct fdx_cpu *cpu, uint16_t opcode);

/* Reset instruction hook (RESET pulses the reset line for external devices). */
typedef void (*m68k_reset_fn)(void *ctx);

struct m68k {
    struct fdx_cpu base;        /* must be first */
    union {
        uint32_t r[16];         /* D0-D7, A0-A7: an index word's bits 15-12 pick one */
        struct {
            uint32_t d[8];
            uint32_t a[8];      /* a[7] is the active stack pointer */
        };
    };
    uint32_t usp, ssp;          /* the inactive one is current in a[7] */
    uint32_t pc;                /* address of the next prefetch */
    uint16_t ir, irc;           /* prefetch queue: opcode, next word */
    /* Code window: host bytes of the RAM/ROM page prefetches last came
     * from (address cw_lo + i is cw_ptr[i] for i < cw_size + 1); cw_size 0:
     * none. Derived, not state; dropped on every I/O access and run(),
     * and by anyone who sets pc other than by prefetching or jumping. */
    const uint8_t *cw_ptr;
    uint32_t cw_lo, cw_size;
    /* cw_size - 10, 0 for a smaller window: while an instruction's whole
     * span is in the window, the handlers machines run fetch its extension
     * words without a test (see m68k_run). Derived with cw_size. */
    uint32_t cw_safe;
    /* Data window: the same for the RAM page (readable and writable host
     * memory) data accesses last went to; dropped with the code window. */
    uint8_t *dw_ptr;
    uint32_t dw_lo, dw_size;
    /* SR in three parts, so that setting flags is one store: sr_sys is
     * SR without the CCR (T, S, the mask; low 5 bits 0), xf the X flag (0
     * or 1), nzvc the flags N Z V C in bits 3-0. m68k_get_sr composes SR. */
    uint16_t sr_sys;
    uint8_t xf, nzvc;
    /* Lazy flags: when lz is not M68K_LZ_NONE, N Z V C are those of the
     * 32-bit lz_d - lz_s (M68K_LZ_SUB) or lz_d + lz_s (M68K_LZ_ADD), and
     * nzvc is stale. Sized operands are shifted to the top bits, which
     * gives the same flags; a logic result r is kept as r - 0. Most flags
     * are overwritten before anyone reads them; conditions test lz_d and
     * lz_s directly. m68k_nzvc computes the flags. */
    uint32_t lz_d;
    uint8_t lz;                 /* between lz_d and lz_s: kept apart, the two */
    uint32_t lz_s;              /* stores are not packed into a vector register */
    uint8_t ipl;                /* IPL pins, 0..7: change it only through ops->set_line (clears limit) */
    uint8_t nmi_edge;           /* level 7 seen rising: take it once */
    uint8_t stopped;            /* STOP: waiting for an interrupt */
    uint8_t halted;             /* double fault: only reset helps */
    uint8_t trace;              /* T was set when the instruction began */
    uint8_t trace_pending;      /* take the trace exception before the next one */
    /* address error in progress (set by an access, handled by the loop) */
    uint8_t fault;
    uint8_t fault_read;
    uint8_t fault_fc;
    uint8_t fault_in;           /* 1: instruction fetch ... I/N bit in the SSW */
    uint32_t fault_addr;
    uint32_t fault_pc;          /* PC value the frame will hold */
    uint16_t fault_ir;
    uint32_t ipc;               /* instruction address: valid in natfeat() and after a halt */
    int32_t ae_off;             /* address error frame PC = pc at the fault + ae_off */
    struct m68k_log *log;       /* NULL: no bus logging */
    /* The run loop's burst goes on while base.cycles < limit. Anything the
     * loop must look at (an address error, set_line, STOP, a change of SR's
     * system byte, an I/O handler stopping the CPU or asking for
     * attention) sets it to 0, so the burst tests one thing. Not state. */
    uint64_t limit;
    /* Interrupt vector for level n: -1 autovector, -2 spurious, else vector. */
    int (*iack)(void *ctx, unsigned level);
    void *iack_ctx;
    m68k_natfeat_fn natfeat;
    void *natfeat_ctx;
    m68k_reset_fn reset_out;
    void *reset_ctx;
};

extern const struct fdx_cpu_ops fdx_m68k_ops;

enum { M68K_LZ_NONE, M68K_LZ_SUB, M68K_LZ_ADD };

/* The flags N Z V C (bits 3-0), from the lazy state when it is pending. */
unsigned m68k_nzvc(const struct m68k *c);

static inline uint16_t m68k_get_sr(const struct m68k *c)
{
    return (uint16_t)(c->sr_sys | c->xf << 4 | m68k_nzvc(c));
}

/* Sets SR as given, without switching stack pointers (loaders, tests). */
static inline void m68k_put_sr(struct m68k *c, uint16_t sr)
{
    c->sr_sys = (uint16_t)(sr & ~0x1fu);
    c->xf = (uint8_t)((sr >> 4) & 1);
    c->nzvc = (uint8_t)(sr & 15);
    c->lz = M68K_LZ_NONE;
}

/* Drops the code window: for whoever sets pc other than by prefetching
 * or jumping (loaders, tests). */
static inline void m68k_drop_code_window(struct m68k *c)
{
    c->cw_size = 0;
    c->cw_safe = 0;
}

/* Prepares c (zeroed by the caller or not) for bus; does not reset. */
void m68k_init(struct m68k *c, struct fdx_bus *bus);
/* Executes exactly one instruction (or one exception / stopped slot). */
void m68k_step_one(struct m68k *c);
/* Loads IR/IRC from pc (pc = instruction address) without bus cycles, as
 * the tests and loaders need; afterwards c->pc = address + 4. */
void m68k_set_pc_prefetch(struct m68k *c, uint32_t address);
/* Sets SR, switching stack pointers as S changes. */
void m68k_set_sr(struct m68k *c, uint16_t sr);
/* Disassembles the instruction at addr from the given words (peek). */
unsigned m68k_disasm_words(const uint16_t *w, uint32_t addr, struct fdx_disasm *out);

#ifdef __cplusplus
}
#endif
#endif
