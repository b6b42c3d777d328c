/* Debugger core: breakpoints, instruction-count stops and the trace ring. */
#include "fdx/debug.h"

#include <string.h>

void fdx_debug_init(struct fdx_debug *d)
{
    memset(d, 0, sizeof *d);
    d->last_bp = -1;
}

void fdx_debug_update(struct fdx_debug *d, struct fdx_cpu *cpu)
{
    if (!cpu) return;
    uint32_t a = 0;
    if (d) {
        for (unsigned i = 0; i < d->nbp; i++)
            if (d->bp[i].enabled) a |= FDX_ATTN_BREAK;
        if (d->trace_on) a |= FDX_ATTN_TRACE;
        if (d->step_target) a |= FDX_ATTN_STEP;
    }
    cpu->attention = a;
}

void fdx_debug_attach(struct fdx_debug *d, struct fdx_cpu *cpu)
{
    cpu->debug = d;
    fdx_debug_update(d, cpu);
}

int fdx_debug_add_breakpoint(struct fdx_debug *d, struct fdx_cpu *cpu, uint32_t addr)
{
    for (unsigned i = 0; i < d->nbp; i++)
        if (d->bp[i].addr == addr) {
            d->bp[i].enabled = true;
            fdx_debug_update(d, cpu);
            return (int)i;
        }
    if (d->nbp >= FDX_DEBUG_MAX_BREAKPOINTS) return -1;
    d->bp[d->nbp++] = (struct fdx_breakpoint){.addr = addr, .enabled = true};
    fdx_debug_update(d, cpu);
    return (int)d->nbp - 1;
}

int fdx_debug_remove_breakpoint(struct fdx_debug *d, struct fdx_cpu *cpu, uint32_t addr)
{
    for (unsigned i = 0; i < d->nbp; i++)
        if (d->bp[i].addr == addr) {
            memmove(&d->bp[i], &d->bp[i + 1], (d->nbp - i - 1) * sizeof d->bp[0]);
            d->nbp--;
            fdx_debug_update(d, cpu);
            return 0;
        }
    return -1;
}

void fdx_debug_set_trace(struct fdx_debug *d, struct fdx_cpu *cpu, bool on)
{
    d->trace_on = on;
    fdx_debug_update(d, cpu);
}

void fdx_debug_set_step(struct fdx_debug *d, struct fdx_cpu *cpu, uint64_t n)
{
    d->step_target = n ? cpu->instructions + n : 0;
    fdx_debug_update(d, cpu);
}

int fdx_cpu_hook(struct fdx_cpu *cpu, uint32_t pc)
{
    struct fdx_debug *d = cpu->debug;
    if (!d) return 0;
    if (d->step_target && cpu->instructions >= d->step_target) {
        d->step_target = 0;
        fdx_debug_update(d, cpu);
        cpu->stop = FDX_STOP_BREAK;
        return 1;
    }
    if (d->trace_on) {
        d->trace[d->trace_head] = (struct fdx_trace_entry){.cycles = cpu->cycles, .pc = pc};
        d->trace_head = (d->trace_head + 1) % FDX_DEBUG_TRACE_SIZE;
        d->trace_count++;
    }
    if (d->skip_once) {
        d->skip_once = false;
        return 0;
    }
    for (unsigned i = 0; i < d->nbp; i++) {
        if (d->bp[i].enabled && d->bp[i].addr == pc) {
            d->bp[i].hits++;
            d->last_bp = (int)i;
            d->skip_once = true;    /* the next hook call resumes over it */
            cpu->stop = FDX_STOP_BREAK;
            return 1;
        }
    }
    return 0;
}
