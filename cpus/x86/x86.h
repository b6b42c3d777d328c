/* x86 CPU module, part 1: Intel 8088/8086 and 80188/80186 in real mode.
 *
 * One struct per CPU (no globals). The struct embeds `struct fdx_cpu` first.
 * Memory is base.bus (20 address bits); I/O ports are base.io (16 bits).
 *
 * Growth: segment registers are descriptor caches (selector, base, limit,
 * attributes) so protected mode can fill them later; the decoder keeps
 * operand/address-size state and has a slot for the 0F page.
 *
 * Interrupts: set_line(FDX_LINE_IRQ, level) drives INTR; when INTR is high
 * and IF is set the CPU runs an INTA cycle through `inta` (the interrupt
 * controller's callback) to get the vector. FDX_LINE_NMI takes vector 2 on
 * a rising edge.
 */
#ifndef FDX_X86_H
#define FDX_X86_H

#include <stdint.h>
#include <stdbool.h>
#include "fdx/cpu.h"

#ifdef __cplusplus
extern "C" {
#endif

enum fdx_x86_model {
    FDX_X86_8088 = 0,
    FDX_X86_8086,
    FDX_X86_80188,
    FDX_X86_80186,
};

enum { X86_AX, X86_CX, X86_DX, X86_BX, X86_SP, X86_BP, X86_SI, X86_DI };
enum { X86_ES, X86_CS, X86_SS, X86_DS };

/* FLAGS bits */
#define X86_CF 0x0001u
#define X86_PF 0x0004u
#define X86_AF 0x0010u
#define X86_ZF 0x0040u
#define X86_SF 0x0080u
#define X86_TF 0x0100u
#define X86_IF 0x0200u
#define X86_DF 0x0400u
#define X86_OF 0x0800u

struct fdx_x86_seg {
    uint16_t sel;
    uint32_t base;      /* real mode: sel << 4 */
    uint32_t limit;     /* real mode: 0xFFFF */
    uint16_t attr;      /* reserved for protected mode */
};

struct fdx_x86 {
    struct fdx_cpu base;
    int model;                  /* enum fdx_x86_model */
    uint16_t r[8];              /* AX CX DX BX SP BP SI DI */
    struct fdx_x86_seg seg[4];  /* ES CS SS DS */
    uint16_t ip;
    uint16_t flags;
    /* Lazy flags inside a run: when lz_op is not 0, OF SF ZF AF PF CF (CF
     * only for ADD/SUB/logic kinds) are to be computed from the last
     * operation's operands and result. Always 0 between runs, so FLAGS is
     * exact wherever the outside looks at it. */
    uint8_t lz_op;
    uint32_t lz_a, lz_b, lz_r;

    /* prefetch queue: qlen bytes at CS:IP are already fetched. qmat of them
     * were copied into qbuf because a later write changed memory under them
     * (self-modifying code sees the old bytes, as on the chip). */
    uint8_t qcap;               /* 4 on the 8088/80188, 6 on the 8086/80186 */
    uint8_t qlen;
    uint8_t qmat;
    uint8_t qbuf[8];
    uint32_t qlin;              /* linear address of qbuf[0] */
    uint8_t fetch_clk;          /* log2 of the clocks per code byte the queue lacked */
    uint8_t fbuf[20];           /* instruction bytes copied when there is no code window */

    /* code window: for IP in [cw_lo, cw_lo + cw_len) the instruction bytes
     * are at cw_ptr + (IP - cw_lo) in host memory (20 bytes readable).
     * Emptied by a CS load, fdx_x86_flush and self-modifying writes; call
     * fdx_x86_flush after remapping the memory the CPU executes from. */
    const uint8_t *cw_ptr;
    uint16_t cw_lo;
    uint32_t cw_len;
    const uint8_t *cw_end;      /* cw_ptr + cw_len; NULL without a window */

    /* interrupt lines and state */
    /* these eight bytes are tested together on every instruction: keep them adjacent */
    uint8_t intr;               /* INTR level */
    uint8_t nmi_pending;
    uint8_t halted;
    uint8_t inhibit;            /* no interrupt after MOV SS / POP SS */
    uint8_t trap;               /* TF may be set: run the careful path (single-step trap) */
    uint8_t zero_[3];           /* always 0 */
    /* The fast loop runs while base.cycles < fast_end; anything that needs
     * the careful path (a line change, HLT, STI, a handler that may have set
     * stop or attention) sets it to 0 (x86_kick). */
    uint64_t fast_end;
    uint8_t nmi_level;
    uint8_t (*inta)(void *ctx); /* interrupt controller: vector for INTA */
    void *inta_ctx;

    /* machine hooks (not part of the chip) */
    bool stop_on_self_jump;     /* bare86: a jump to itself ends the run */
    /* ESC (coprocessor escape) hook: called with the opcode, ModR/M byte
     * and the linear address of the memory operand (or ~0 for a register). */
    void (*esc)(void *ctx, uint8_t op, uint8_t modrm, uint32_t lin);
    void *esc_ctx;
    /* Software-interrupt hook (the DOS runner's services): called for INT n
     * before the vector is taken; returns true if it handled the call. */
    bool (*swint)(void *ctx, struct fdx_x86 *c, uint8_t vector);
    void *swint_ctx;

    /* Last exception taken by the CPU itself (divide error etc.), for tests:
     * vector + 1, 0 if none since it was cleared. */
    uint16_t last_fault;
};

extern const struct fdx_cpu_ops fdx_x86_8088_ops;
extern const struct fdx_cpu_ops fdx_x86_8086_ops;
extern const struct fdx_cpu_ops fdx_x86_80188_ops;
extern const struct fdx_cpu_ops fdx_x86_80186_ops;

/* Sets up a CPU of the given model on a memory bus and an I/O bus, then
 * resets it (CS:IP = FFFF:0000). */
void fdx_x86_init(struct fdx_x86 *c, int model, struct fdx_bus *mem, struct fdx_bus *io);
/* Loads a segment register in real mode (selector and cache). */
void fdx_x86_set_seg(struct fdx_x86 *c, int s, uint16_t sel);
/* Forgets the code window (it is set up again at the next instruction). */
static inline void x86_window_drop(struct fdx_x86 *c)
{
    c->cw_len = 0;
    c->cw_end = NULL;
}
/* Empties the prefetch queue (after a jump or when the host changes CS:IP). */
static inline void fdx_x86_flush(struct fdx_x86 *c)
{
    c->qlen = 0;
    c->qmat = 0;
    x86_window_drop(c);
}
/* Ends the current fast run at the next instruction boundary. */
static inline void x86_kick(struct fdx_x86 *c) { c->fast_end = 0; }
/* Takes an interrupt now: pushes FLAGS, CS, IP and jumps through vector. */
void fdx_x86_interrupt(struct fdx_x86 *c, uint8_t vector);
/* Fixed bits of FLAGS on this model. */
uint16_t fdx_x86_fix_flags(const struct fdx_x86 *c, uint16_t f);

#ifdef __cplusplus
}
#endif
#endif
