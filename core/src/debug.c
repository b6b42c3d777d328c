/* Debugger core: the attention hook, points, stepping modes, the trace and
 * the bus log. The command language lives in debugger.c. */
#include "fdx/debug.h"
#include "fdx/expr.h"
#include "fdx/symbols.h"

#include <inttypes.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

void fdx_debug_init(struct fdx_debug *d)
{
    memset(d, 0, sizeof *d);
    d->last_bp = -1;
    d->next_id = 1;
}

void fdx_debug_update(struct fdx_debug *d, struct fdx_cpu *cpu)
{
    if (!cpu) return;
    uint32_t a = 0;
    if (d) {
        for (unsigned i = 0; i < d->nbp; i++)
            if (d->bp[i].enabled) a |= FDX_ATTN_BREAK;
        for (unsigned i = 0; i < d->ncp; i++)
            if (d->cp[i].enabled) a |= FDX_ATTN_CATCH;
        for (unsigned i = 0; i < d->nwp; i++)
            if (d->wp[i].enabled && d->wp[i].cond[0]) a |= FDX_ATTN_WATCH;
        if (d->trace_on) a |= FDX_ATTN_TRACE;
        if (d->step_target || d->mode != FDX_DMODE_RUN) a |= FDX_ATTN_STEP;
        if (d->buslog_on) a |= FDX_ATTN_BUSLOG;
        if (d->record) a |= FDX_ATTN_RECORD;
        if (d->replay) a &= FDX_ATTN_STEP;  /* re-execution only counts instructions */
    }
    cpu->attention = a;
}

void fdx_debug_attach(struct fdx_debug *d, struct fdx_cpu *cpu)
{
    cpu->debug = d;
    if (d) d->cpu = cpu;
    fdx_debug_update(d, cpu);
}

/* ---- the bus tap ---------------------------------------------------------- */

static void log_access(struct fdx_debug *d, uint32_t addr, uint32_t value, unsigned size, bool write, bool io)
{
    if (d->nbuslog == FDX_DEBUG_BUSLOG_SIZE) {
        d->buslog_dropped++;
        return;
    }
    d->buslog[d->nbuslog++] = (struct fdx_bus_access){
        .cycle = d->cpu->cycles, .addr = addr, .value = value, .size = (uint8_t)size, .write = write, .io = io};
}

static bool cond_true(struct fdx_debug *d, const char *cond)
{
    if (!cond[0]) return true;
    struct fdx_expr_env env = {.cpu = d->cpu, .syms = d->syms};
    struct fdx_err err;
    int64_t v;
    if (fdx_expr_eval(&env, cond, &v, &err)) {
        /* stop and say why rather than silently never firing */
        d->why.kind = FDX_DSTOP_COND_ERROR;
        snprintf(d->why.error, sizeof d->why.error, "%.250s", err.msg);
        return true;
    }
    return v != 0;
}

static void tap_mem(void *ctx, uint32_t addr, uint32_t value, unsigned size, bool write)
{
    struct fdx_debug *d = ctx;
    struct fdx_cpu *cpu = d->cpu;
    if (d->buslog_on) log_access(d, addr, value, size, write, false);
    if (d->replay) return;
    /* the first access that fires is the one reported; the instruction
     * then finishes */
    if (d->why.kind == FDX_DSTOP_WATCH && cpu->stop) return;
    uint32_t last = addr + size - 1;
    for (unsigned i = 0; i < d->nwp; i++) {
        struct fdx_watchpoint *w = &d->wp[i];
        if (!w->enabled || !(w->access & (write ? FDX_WATCH_WRITE : FDX_WATCH_READ))) continue;
        if (last < w->first || addr > w->last) continue;
        if (w->cond[0]) {
            /* registers may live in the CPU's locals mid-instruction: the
             * condition waits for the next instruction boundary */
            if (!(d->watch_pending & (1u << i))) {
                d->watch_pending |= 1u << i;
                d->watch_access[i] = (struct fdx_bus_access){
                    .cycle = cpu->cycles, .addr = addr, .value = value, .size = (uint8_t)size, .write = write};
            }
            continue;
        }
        d->why.kind = FDX_DSTOP_NONE;
        if (d->record) {    /* rcont: note it */
            d->rec_watch_pending = true;
            continue;
        }
        w->hits++;
        if (d->why.kind != FDX_DSTOP_COND_ERROR) d->why.kind = FDX_DSTOP_WATCH;
        d->why.index = (int)i;
        d->why.access = (struct fdx_bus_access){
            .cycle = cpu->cycles, .addr = addr, .value = value, .size = (uint8_t)size, .write = write};
        cpu->stop = FDX_STOP_BREAK;     /* the CPU finishes the instruction, then returns */
        return;
    }
}

static void tap_io(void *ctx, uint32_t addr, uint32_t value, unsigned size, bool write)
{
    struct fdx_debug *d = ctx;
    if (d->buslog_on) log_access(d, addr, value, size, write, true);
}

int fdx_debug_prepare(struct fdx_debug *d, struct fdx_cpu *cpu)
{
    fdx_debug_update(d, cpu);
    memset(&d->why, 0, sizeof d->why);
    d->hook_stopped = false;
    d->cpu = cpu;
    bool watch = false;
    for (unsigned i = 0; i < d->nwp; i++)
        if (d->wp[i].enabled) watch = true;
    if (d->replay) watch = false;
    struct fdx_bus *bus = cpu->bus;
    if (bus) {
        if (watch || d->buslog_on) {
            if (fdx_bus_tap_begin(bus, tap_mem, d)) return -1;
            if (d->buslog_on) fdx_bus_tap_range(bus, 0, bus->addr_mask);
            else
                for (unsigned i = 0; i < d->nwp; i++)
                    if (d->wp[i].enabled) fdx_bus_tap_range(bus, d->wp[i].first, d->wp[i].last);
        } else fdx_bus_tap_end(bus);
    }
    if (cpu->io) {
        if (d->buslog_on) {
            if (fdx_bus_tap_begin(cpu->io, tap_io, d)) return -1;
            fdx_bus_tap_range(cpu->io, 0, cpu->io->addr_mask);
        } else fdx_bus_tap_end(cpu->io);
    }
    return 0;
}

void fdx_debug_resume(struct fdx_debug *d, struct fdx_cpu *cpu)
{
    d->watch_pending = 0;
    d->skip_valid = true;
    d->skip_instr = cpu->instructions;
}

/* ---- points ----------------------------------------------------------------- */

int fdx_debug_add_breakpoint(struct fdx_debug *d, struct fdx_cpu *cpu, uint32_t addr)
{
    for (unsigned i = 0; i < d->nbp; i++)
        if (d->bp[i].addr == addr) {
            d->bp[i].enabled = true;
            fdx_debug_update(d, cpu);
            return (int)i;
        }
    if (d->nbp >= FDX_DEBUG_MAX_BREAKPOINTS) return -1;
    d->bp[d->nbp++] = (struct fdx_breakpoint){.addr = addr, .enabled = true, .id = d->next_id++};
    fdx_debug_update(d, cpu);
    return (int)d->nbp - 1;
}

int fdx_debug_remove_breakpoint(struct fdx_debug *d, struct fdx_cpu *cpu, uint32_t addr)
{
    for (unsigned i = 0; i < d->nbp; i++)
        if (d->bp[i].addr == addr) return fdx_debug_delete_id(d, cpu, d->bp[i].id);
    return -1;
}

int fdx_debug_add_watchpoint(struct fdx_debug *d, struct fdx_cpu *cpu, uint32_t first, uint32_t last,
                             unsigned access, const char *cond)
{
    if (d->nwp >= FDX_DEBUG_MAX_WATCHPOINTS) return -1;
    struct fdx_watchpoint *w = &d->wp[d->nwp];
    *w = (struct fdx_watchpoint){.first = first, .last = last, .access = access, .enabled = true, .id = d->next_id++};
    snprintf(w->cond, sizeof w->cond, "%s", cond ? cond : "");
    fdx_debug_update(d, cpu);
    return (int)d->nwp++;
}

int fdx_debug_add_catchpoint(struct fdx_debug *d, struct fdx_cpu *cpu, enum fdx_cpu_event_kind kind,
                             bool any_number, uint32_t number)
{
    if (d->ncp >= FDX_DEBUG_MAX_CATCHPOINTS) return -1;
    d->cp[d->ncp] = (struct fdx_catchpoint){
        .kind = kind, .any_number = any_number, .number = number, .enabled = true, .id = d->next_id++};
    fdx_debug_update(d, cpu);
    return (int)d->ncp++;
}

int fdx_debug_find_id(const struct fdx_debug *d, int id, char *type, unsigned *index)
{
    for (unsigned i = 0; i < d->nbp; i++)
        if (d->bp[i].id == id) return *type = 'b', *index = i, 0;
    for (unsigned i = 0; i < d->nwp; i++)
        if (d->wp[i].id == id) return *type = 'w', *index = i, 0;
    for (unsigned i = 0; i < d->ncp; i++)
        if (d->cp[i].id == id) return *type = 'c', *index = i, 0;
    return -1;
}

int fdx_debug_delete_id(struct fdx_debug *d, struct fdx_cpu *cpu, int id)
{
    char t;
    unsigned i;
    if (fdx_debug_find_id(d, id, &t, &i)) return -1;
    if (t == 'b') {
        memmove(&d->bp[i], &d->bp[i + 1], (d->nbp - i - 1) * sizeof d->bp[0]);
        d->nbp--;
    } else if (t == 'w') {
        memmove(&d->wp[i], &d->wp[i + 1], (d->nwp - i - 1) * sizeof d->wp[0]);
        d->nwp--;
    } else {
        memmove(&d->cp[i], &d->cp[i + 1], (d->ncp - i - 1) * sizeof d->cp[0]);
        d->ncp--;
    }
    fdx_debug_update(d, cpu);
    return 0;
}

int fdx_debug_enable_id(struct fdx_debug *d, struct fdx_cpu *cpu, int id, bool on)
{
    char t;
    unsigned i;
    if (fdx_debug_find_id(d, id, &t, &i)) return -1;
    if (t == 'b') d->bp[i].enabled = on;
    else if (t == 'w') d->wp[i].enabled = on;
    else d->cp[i].enabled = on;
    fdx_debug_update(d, cpu);
    return 0;
}

void fdx_debug_delete_all(struct fdx_debug *d, struct fdx_cpu *cpu)
{
    d->nbp = d->nwp = d->ncp = 0;
    fdx_debug_update(d, cpu);
}

void fdx_debug_set_step(struct fdx_debug *d, struct fdx_cpu *cpu, uint64_t n)
{
    d->step_target = n ? cpu->instructions + n : 0;
    fdx_debug_update(d, cpu);
}

uint64_t fdx_debug_sp(const struct fdx_cpu *cpu)
{
    for (unsigned i = 0; i < cpu->ops->nregs; i++)
        if (cpu->ops->regs[i].kind == FDX_REG_SP) return cpu->ops->get_reg(cpu, i);
    return 0;
}

static unsigned sp_bits(const struct fdx_cpu *cpu)
{
    for (unsigned i = 0; i < cpu->ops->nregs; i++)
        if (cpu->ops->regs[i].kind == FDX_REG_SP) return cpu->ops->regs[i].bits;
    return 0;
}

static bool has_sp(const struct fdx_cpu *cpu)
{
    return sp_bits(cpu) != 0;
}

/* a is above b on a stack that wraps at the register's width (an 8086 SP
 * of 0 is above FFFE): the difference is positive and less than half. */
static bool sp_above(const struct fdx_cpu *cpu, uint64_t a, uint64_t b)
{
    unsigned bits = sp_bits(cpu);
    uint64_t mask = bits >= 64 ? UINT64_MAX : ((uint64_t)1 << bits) - 1;
    uint64_t diff = (a - b) & mask;
    return diff != 0 && diff <= mask / 2;
}

static uint32_t wrap(const struct fdx_cpu *cpu, uint64_t a)
{
    return (uint32_t)a & (cpu->bus ? cpu->bus->addr_mask : 0xFFFFFFFFu);
}

static void disasm_at(const struct fdx_cpu *cpu, uint32_t pc, struct fdx_disasm *dis)
{
    memset(dis, 0, sizeof *dis);
    if (cpu->ops->disasm) cpu->ops->disasm(cpu, pc, dis);
    if (!cpu->ops->disasm) dis->flow = FDX_FLOW_JUMP;   /* unknown: any successor */
    if (dis->length == 0) dis->length = 1;
}

/* Where execution may continue after the instruction at pc: *n == 0 means
 * anywhere (returns, indirect jumps, traps). with_target: include the
 * target of a call (false for step-over). */
static void successors(const struct fdx_cpu *cpu, uint32_t pc, const struct fdx_disasm *dis, bool with_target,
                       uint32_t out[2], unsigned *n)
{
    uint32_t next = wrap(cpu, (uint64_t)pc + dis->length);
    *n = 0;
    switch (dis->flow) {
    case FDX_FLOW_NONE: out[(*n)++] = next; break;
    case FDX_FLOW_BRANCH:
        if (!dis->has_target) break;
        out[(*n)++] = next;
        out[(*n)++] = dis->target;
        break;
    case FDX_FLOW_JUMP:
        if (dis->has_target) out[(*n)++] = dis->target;
        break;
    case FDX_FLOW_CALL:
        if (!with_target) out[(*n)++] = next;
        else if (dis->has_target) out[(*n)++] = dis->target;
        break;
    case FDX_FLOW_TRAP:
        if (!with_target) out[(*n)++] = next;
        break;
    default: break;
    }
}

/* The number of a software interrupt from its disassembly ("int 0x21",
 * "TRAP #15", "INT 21h"): the last number in the text, if any. */
static bool trap_number(const char *text, uint32_t *out)
{
    const char *p = text + strlen(text);
    while (p > text && !isxdigit((unsigned char)p[-1])) p--;
    const char *end = p;
    while (p > text && (isxdigit((unsigned char)p[-1]) || p[-1] == 'x' || p[-1] == 'X' || p[-1] == '$')) p--;
    if (p == end) return false;
    if (p > text && (isalnum((unsigned char)p[-1]) || p[-1] == '_')) return false;   /* part of a word */
    /* the 'h' suffix: hex */
    bool hsuffix = (*end == 'h' || *end == 'H');
    char num[24];
    size_t n = (size_t)(end - p);
    if (n >= sizeof num) return false;
    memcpy(num, p, n);
    num[n] = 0;
    char *stop;
    unsigned long v;
    if (num[0] == '$') v = strtoul(num + 1, &stop, 16);
    else if (num[0] == '0' && (num[1] == 'x' || num[1] == 'X')) v = strtoul(num + 2, &stop, 16);
    else v = strtoul(num, &stop, hsuffix ? 16 : 10);
    if (*stop || stop == num) return false;
    *out = (uint32_t)v;
    return true;
}

static bool in_succ(const uint32_t *s, unsigned n, uint32_t pc)
{
    if (n == 0) return true;
    for (unsigned i = 0; i < n; i++)
        if (s[i] == pc) return true;
    return false;
}

void fdx_debug_set_mode(struct fdx_debug *d, struct fdx_cpu *cpu, enum fdx_debug_mode mode, uint32_t until_pc)
{
    d->mode = mode;
    d->start_instr = cpu->instructions;
    d->start_sp = fdx_debug_sp(cpu);
    d->until_pc = until_pc;
    d->entered = false;
    if (mode == FDX_DMODE_OVER) {
        uint32_t pc = cpu->ops->pc(cpu);
        struct fdx_disasm dis;
        disasm_at(cpu, pc, &dis);
        successors(cpu, pc, &dis, false, d->succ, &d->nsucc);
        /* a trap may return past its own length (6502 BRK skips a byte):
         * over a trap, the handler's return is found by the stack */
        d->over_trap = dis.flow == FDX_FLOW_TRAP && has_sp(cpu);
    }
    fdx_debug_update(d, cpu);
}

/* ---- events ------------------------------------------------------------------ */

const char *fdx_debug_event_name(enum fdx_cpu_event_kind kind)
{
    static const char *const names[] = {"irq", "nmi", "exception", "int"};
    return (unsigned)kind < FDX_EVENT_COUNT ? names[kind] : "?";
}

void fdx_cpu_event(struct fdx_cpu *cpu, enum fdx_cpu_event_kind kind, uint32_t number)
{
    struct fdx_debug *d = cpu->debug;
    if (!d) return;
    d->cpu_reports_events = true;
    d->event_pending = true;
    d->event_kind = kind;
    d->event_number = number;
}

static int match_catch(const struct fdx_debug *d, enum fdx_cpu_event_kind kind, uint32_t number, bool number_known)
{
    for (unsigned i = 0; i < d->ncp; i++) {
        const struct fdx_catchpoint *c = &d->cp[i];
        if (!c->enabled || c->kind != kind) continue;
        if (c->any_number || (number_known && c->number == number)) return (int)i;
    }
    return -1;
}

/* ---- trace -------------------------------------------------------------------- */

static void trace_flush(struct fdx_debug *d, struct fdx_cpu *cpu)
{
    if (!d->trace_line_open) return;
    d->trace_line_open = false;
    if (d->trace_file)
        fprintf(d->trace_file, "%s +%" PRIu64 "\n", d->trace_line, cpu->cycles - d->trace_line_cycles);
}

static void trace_begin(struct fdx_debug *d, struct fdx_cpu *cpu, uint32_t pc)
{
    d->trace[d->trace_head] = (struct fdx_trace_entry){.cycles = cpu->cycles, .pc = pc};
    d->trace_head = (d->trace_head + 1) % FDX_DEBUG_TRACE_SIZE;
    d->trace_count++;
    if (!d->trace_file) return;
    struct fdx_disasm dis;
    disasm_at(cpu, pc, &dis);
    char regs[300];
    fdx_cpu_format_regs(cpu, regs, sizeof regs);
    const char *label = d->syms ? fdx_symbols_at(d->syms, pc) : NULL;
    int digits = cpu->ops->addr_digits ? (int)cpu->ops->addr_digits : 4;
    snprintf(d->trace_line, sizeof d->trace_line, "%10" PRIu64 "  %0*X  %-24.40s %-10.10s %.300s", cpu->cycles, digits,
             (unsigned)pc, dis.text, label ? label : "", regs);
    d->trace_line_open = true;
    d->trace_line_cycles = cpu->cycles;
}

void fdx_debug_set_trace(struct fdx_debug *d, struct fdx_cpu *cpu, bool on)
{
    if (!on) trace_flush(d, cpu);
    d->trace_on = on;
    fdx_debug_update(d, cpu);
}

void fdx_debug_finish_run(struct fdx_debug *d, struct fdx_cpu *cpu)
{
    trace_flush(d, cpu);
    if (d->trace_file) fflush(d->trace_file);
}

/* ---- the hook ----------------------------------------------------------------- */

static int stop(struct fdx_debug *d, struct fdx_cpu *cpu, enum fdx_debug_stop_kind kind, int index)
{
    if (d->why.kind != FDX_DSTOP_COND_ERROR) d->why.kind = kind;
    d->why.index = index;
    d->step_target = 0;
    d->mode = FDX_DMODE_RUN;
    d->hook_stopped = true;
    fdx_debug_update(d, cpu);
    cpu->stop = FDX_STOP_BREAK;
    return 1;
}

int fdx_cpu_hook(struct fdx_cpu *cpu, uint32_t pc)
{
    struct fdx_debug *d = cpu->debug;
    if (!d) return 0;
    uint64_t n = cpu->instructions;
    trace_flush(d, cpu);

    if (d->step_target && n >= d->step_target) return stop(d, cpu, FDX_DSTOP_STEP, -1);
    if (d->replay) {
        d->nbuslog = 0;
        d->buslog_instr = n;
        d->buslog_pc = pc;
        d->buslog_start = cpu->cycles;
        return 0;
    }
    if (d->rec_watch_pending) {
        d->rec_watch_pending = false;
        d->rec_found = true;
        d->rec_last = n;
    }
    if (d->watch_pending) {
        uint32_t pend = d->watch_pending;
        d->watch_pending = 0;
        for (unsigned i = 0; i < d->nwp; i++) {
            struct fdx_watchpoint *w = &d->wp[i];
            if (!(pend & (1u << i)) || !w->enabled) continue;
            d->why.kind = FDX_DSTOP_NONE;
            if (!cond_true(d, w->cond)) continue;
            if (d->record) {    /* rcont: note it (at this boundary, as a plain watchpoint) */
                d->rec_found = true;
                d->rec_last = n;
                continue;
            }
            w->hits++;
            d->why.access = d->watch_access[i];
            return stop(d, cpu, FDX_DSTOP_WATCH, (int)i);
        }
    }

    /* what happened since the previous instruction: a reported event, or
     * (fallback) a PC the previous instruction cannot lead to */
    bool have_event = false;
    bool guessed = false;
    enum fdx_cpu_event_kind ev = FDX_EVENT_IRQ;
    uint32_t evnum = 0;
    bool evnum_known = false;
    bool follows = d->prev_valid && d->prev_instr + 1 == n;
    if (d->event_pending) {
        d->event_pending = false;
        have_event = true;
        ev = d->event_kind;
        evnum = d->event_number;
        evnum_known = true;
    } else if (follows && !d->cpu_reports_events && (cpu->attention & FDX_ATTN_CATCH)) {
        uint32_t s[2];
        unsigned ns;
        successors(cpu, d->prev_pc, &d->prev_dis, true, s, &ns);
        if (d->prev_dis.flow == FDX_FLOW_TRAP) {
            have_event = true, ev = FDX_EVENT_INT, guessed = true;
            evnum_known = trap_number(d->prev_dis.text, &evnum);
        }
        else if (!in_succ(s, ns, pc)) have_event = true, ev = FDX_EVENT_IRQ, guessed = true;
    }
    bool prev_was_return = follows && d->prev_dis.flow == FDX_FLOW_RETURN;
    if (cpu->attention & (FDX_ATTN_CATCH | FDX_ATTN_STEP)) {
        d->prev_valid = true;
        d->prev_instr = n;
        d->prev_pc = pc;
        disasm_at(cpu, pc, &d->prev_dis);
    }

    if (have_event && !d->record) {
        int c = match_catch(d, ev, evnum, evnum_known);
        if (c >= 0) {
            d->cp[c].hits++;
            d->why.event = ev;
            d->why.event_number = evnum;
            d->why.event_guessed = guessed;
            d->why.event_number_known = evnum_known;
            return stop(d, cpu, FDX_DSTOP_CATCH, c);
        }
    }

    /* stepping modes */
    if (n > d->start_instr) {
        switch (d->mode) {
        case FDX_DMODE_OVER: {
            uint64_t sp = fdx_debug_sp(cpu);
            if (!d->entered) {
                if (in_succ(d->succ, d->nsucc, pc)) return stop(d, cpu, FDX_DSTOP_STEP, -1);
                d->entered = true;  /* inside a call or an interrupt handler */
                d->wait_sp = sp;
            } else if ((d->over_trap || in_succ(d->succ, d->nsucc, pc)) && (!has_sp(cpu) || sp_above(cpu, sp, d->wait_sp)))
                return stop(d, cpu, FDX_DSTOP_STEP, -1);
            break;
        }
        case FDX_DMODE_FINISH:
            if (prev_was_return && (!has_sp(cpu) || sp_above(cpu, fdx_debug_sp(cpu), d->start_sp)))
                return stop(d, cpu, FDX_DSTOP_STEP, -1);
            break;
        case FDX_DMODE_UNTIL:
            if (pc == d->until_pc) return stop(d, cpu, FDX_DSTOP_STEP, -1);
            break;
        default: break;
        }
    }

    /* breakpoints */
    bool skip = d->skip_valid && d->skip_instr == n;
    if (d->skip_valid && !skip) d->skip_valid = false;
    if (!skip || d->record) {
        for (unsigned i = 0; i < d->nbp; i++) {
            struct fdx_breakpoint *b = &d->bp[i];
            if (!b->enabled || b->addr != pc) continue;
            d->why.kind = FDX_DSTOP_NONE;
            if (!cond_true(d, b->cond)) continue;
            if (d->record) {    /* rcont: note it; counts do not apply */
                d->rec_found = true;
                d->rec_last = n;
                continue;
            }
            b->hits++;
            if (b->count > 1 && b->hits < b->count) continue;
            d->last_bp = (int)i;
            d->skip_valid = true;   /* resuming runs over it */
            d->skip_instr = n;
            return stop(d, cpu, FDX_DSTOP_BREAK, (int)i);
        }
    }

    if (d->trace_on) trace_begin(d, cpu, pc);
    if (d->buslog_on) {
        d->nbuslog = 0;
        d->buslog_dropped = 0;
        d->buslog_start = cpu->cycles;
        d->buslog_pc = pc;
        d->buslog_instr = n;
    }
    return 0;
}
