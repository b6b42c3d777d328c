/* Internal entry points of the interpreter (x86_exec.c) for x86_cpu.c. */
#ifndef FDX_X86_EXEC_H
#define FDX_X86_EXEC_H

#include <stdint.h>
#include "x86.h"

/* Runs one instruction (with its prefixes). REP string instructions yield
 * (to be restarted) when base.cycles passes `end` or an interrupt is due. */
void x86_exec_one(struct fdx_x86 *c, uint64_t end);
/* Runs instructions until something is pending, the run stops or the
 * budget ends (the fast path of the run loop). */
void x86_run_fast(struct fdx_x86 *c, uint64_t end);
/* One instruction through the fast loop (TF must be clear; REP runs to
 * its end): lets the SST runner check that path against x86_exec_one. */
void x86_run_fast_one(struct fdx_x86 *c);
/* Takes interrupt `vec` at the current CS:IP (hardware interrupt, NMI or
 * trap) with its bus cycles and timing. */
void x86_hw_interrupt(struct fdx_x86 *c, uint8_t vec);
/* Whether an interrupt is waiting to be taken at the next boundary. */
static inline int x86_irq_due(const struct fdx_x86 *c)
{
    return c->nmi_pending | (c->intr & ((c->flags & X86_IF) != 0));
}

#endif
