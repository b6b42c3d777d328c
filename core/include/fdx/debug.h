/* fdx debugger core: breakpoints, watchpoints and a trace ring.
 *
 * The CPU only sees an attention mask (cpu.h). When the debugger has
 * nothing active, the mask is zero and no hook runs. Memory watchpoints are
 * checked by the bus on the pages that hold them: those pages are switched
 * to the slow path while a watchpoint covers them.
 */
#ifndef FDX_DEBUG_H
#define FDX_DEBUG_H

#include <stdint.h>
#include <stdbool.h>
#include "cpu.h"

#ifdef __cplusplus
extern "C" {
#endif

#define FDX_DEBUG_MAX_BREAKPOINTS 64
#define FDX_DEBUG_TRACE_SIZE 4096

enum { FDX_ATTN_BREAK = 1u << 0, FDX_ATTN_TRACE = 1u << 1, FDX_ATTN_STEP = 1u << 2 };

struct fdx_breakpoint {
    uint32_t addr;
    bool enabled;
    uint32_t hits;
};

struct fdx_trace_entry {
    uint64_t cycles;
    uint32_t pc;
};

struct fdx_debug {
    struct fdx_breakpoint bp[FDX_DEBUG_MAX_BREAKPOINTS];
    unsigned nbp;
    bool trace_on;
    struct fdx_trace_entry trace[FDX_DEBUG_TRACE_SIZE];
    unsigned trace_head;        /* next slot */
    uint64_t trace_count;       /* entries ever written */
    uint64_t step_target;       /* stop when cpu->instructions reaches this (0: off) */
    int last_bp;                /* index of the breakpoint that stopped us, or -1 */
    bool skip_once;             /* resume over the breakpoint we stopped on */
};

void fdx_debug_init(struct fdx_debug *d);
/* Attach d to the CPU (d may be NULL to detach) and recompute attention. */
void fdx_debug_attach(struct fdx_debug *d, struct fdx_cpu *cpu);
int fdx_debug_add_breakpoint(struct fdx_debug *d, struct fdx_cpu *cpu, uint32_t addr);
int fdx_debug_remove_breakpoint(struct fdx_debug *d, struct fdx_cpu *cpu, uint32_t addr);
void fdx_debug_set_trace(struct fdx_debug *d, struct fdx_cpu *cpu, bool on);
/* Stop after n more instructions (0 cancels). */
void fdx_debug_set_step(struct fdx_debug *d, struct fdx_cpu *cpu, uint64_t n);
/* Recomputes cpu->attention from what is active. */
void fdx_debug_update(struct fdx_debug *d, struct fdx_cpu *cpu);

#ifdef __cplusplus
}
#endif
#endif
