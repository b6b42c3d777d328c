#define _POSIX_C_SOURCE 200809L
/* The debugger's command language: parsing, running and showing. */
#include "fdx/debugger.h"
#include "fdx/expr.h"
#include "fdx/symbols.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_WORDS 32

struct fdx_dbg {
    struct fdx_machine *m;
    struct fdx_cpu *cpu;
    struct fdx_debug *d;
    fdx_dbg_out_fn out;
    void *ctx;
    struct fdx_symbols syms;
    struct fdx_rewind rw;
    volatile sig_atomic_t *intr;
    uint64_t stop_cycles, stop_instr;   /* counters at the previous stop */
    FILE *trace_file;                   /* trace on FILE */
    FILE *trace_tmp;                    /* trace on: shown after each command */
    long trace_pos;
    uint32_t next_disasm, next_mem;
    bool have_next_disasm, have_next_mem;
    /* cycle: the bus accesses of the instruction being shown */
    struct fdx_bus_access cyc[FDX_DEBUG_BUSLOG_SIZE];
    unsigned ncyc, cycpos;
    uint64_t cyc_start;
    /* fdx_dbg_console: an app runs the machine between consoles */
    bool in_console;
    uint64_t left_instr;                /* instructions when the console was left */
    bool left_valid;
};

/* ---- output -------------------------------------------------------------- */

FDX_PRINTF(2, 3) static void say(struct fdx_dbg *s, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    s->out(s->ctx, buf);
}

FDX_PRINTF(2, 3) static int fail(struct fdx_dbg *s, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = snprintf(buf, sizeof buf, "error: ");
    vsnprintf(buf + n, sizeof buf - (size_t)n, fmt, ap);
    va_end(ap);
    s->out(s->ctx, buf);
    return -1;
}

static int digits(const struct fdx_dbg *s)
{
    return s->cpu->ops->addr_digits ? (int)s->cpu->ops->addr_digits : 4;
}

/* "$C005" plus " <loop+2>" when a symbol is near. */
static void fmt_addr(const struct fdx_dbg *s, uint32_t a, char *out, size_t size)
{
    uint32_t off;
    const char *name = fdx_symbols_near(&s->syms, a, 0xFF, &off);
    if (name && off) snprintf(out, size, "$%0*X <%s+%u>", digits(s), (unsigned)a, name, (unsigned)off);
    else if (name) snprintf(out, size, "$%0*X <%s>", digits(s), (unsigned)a, name);
    else snprintf(out, size, "$%0*X", digits(s), (unsigned)a);
}

static uint32_t amask(const struct fdx_dbg *s)
{
    return fdx_expr_space(s->cpu);
}

/* One disassembled line; returns the instruction length. */
static unsigned show_insn(struct fdx_dbg *s, uint32_t a, bool here)
{
    struct fdx_disasm dis;
    memset(&dis, 0, sizeof dis);
    unsigned len = s->cpu->ops->disasm ? s->cpu->ops->disasm(s->cpu, a, &dis) : 0;
    if (!s->cpu->ops->disasm) snprintf(dis.text, sizeof dis.text, "(no disassembler)");
    if (len == 0) len = 1;
    char bytes[40] = "";
    size_t pos = 0;
    for (unsigned i = 0; i < len && i < 6; i++)
        pos += (size_t)snprintf(bytes + pos, sizeof bytes - pos, "%02X ",
                                fdx_bus_peek8(s->cpu->bus, (a + i) & amask(s)));
    if (len > 6) snprintf(bytes + pos, sizeof bytes - pos, "..");
    char note[80] = "";
    const char *label = fdx_symbols_at(&s->syms, a);
    if (dis.has_target) {
        const char *t = fdx_symbols_at(&s->syms, dis.target);
        if (t) snprintf(note, sizeof note, "  ; -> %s", t);
    }
    if (label) say(s, "%s:", label);
    say(s, "%s %0*X  %-18s %s%s", here ? "=>" : "  ", digits(s), (unsigned)a, bytes, dis.text, note);
    return len;
}

static void show_regs(struct fdx_dbg *s)
{
    char regs[600];
    fdx_cpu_format_regs(s->cpu, regs, sizeof regs);
    say(s, "   %s", regs);
}

void fdx_dbg_where(struct fdx_dbg *s)
{
    show_insn(s, s->cpu->ops->pc(s->cpu), true);
    show_regs(s);
    /* deltas since the previous stop: negative after stepping backwards */
    say(s, "   cycle %" PRIu64 " (%+" PRId64 "), instruction %" PRIu64 " (%+" PRId64 ")", s->cpu->cycles,
        (int64_t)(s->cpu->cycles - s->stop_cycles), s->cpu->instructions,
        (int64_t)(s->cpu->instructions - s->stop_instr));
    s->stop_cycles = s->cpu->cycles;
    s->stop_instr = s->cpu->instructions;
    s->have_next_disasm = false;
}

/* ---- words and expressions ------------------------------------------------- */

/* Splits a line into words at spaces outside brackets. Words point into buf. */
static int split(char *buf, char **w)
{
    int n = 0;
    char *p = buf;
    while (*p) {
        while (isspace((unsigned char)*p)) p++;
        if (!*p) break;
        if (n == MAX_WORDS) return -1;
        w[n++] = p;
        int depth = 0;
        while (*p && (depth > 0 || !isspace((unsigned char)*p))) {
            if (*p == '[' || *p == '(') depth++;
            else if ((*p == ']' || *p == ')') && depth > 0) depth--;
            p++;
        }
        if (*p) *p++ = 0;
    }
    return n;
}

/* Joins words [a, b) with spaces into out. */
static void join(char **w, int a, int b, char *out, size_t size)
{
    size_t pos = 0;
    out[0] = 0;
    for (int i = a; i < b && pos < size; i++) {
        int n = snprintf(out + pos, size - pos, "%s%s", i > a ? " " : "", w[i]);
        if (n < 0) break;
        pos += (size_t)n;
    }
}

static int eval(struct fdx_dbg *s, const char *text, int64_t *v)
{
    struct fdx_expr_env env = {.cpu = s->cpu, .syms = &s->syms};
    struct fdx_err err;
    if (fdx_expr_eval(&env, text, v, &err)) return fail(s, "%s", err.msg);
    return 0;
}

static int eval_addr(struct fdx_dbg *s, const char *text, uint32_t *a)
{
    struct fdx_expr_env env = {.cpu = s->cpu, .syms = &s->syms};
    struct fdx_err err;
    if (fdx_expr_address(&env, text, a, &err)) return fail(s, "%s", err.msg);
    return 0;
}

static int eval_count(struct fdx_dbg *s, const char *text, uint64_t *n, uint64_t max)
{
    int64_t v;
    if (eval(s, text, &v)) return -1;
    if (v < 1 || (uint64_t)v > max) return fail(s, "count %lld is out of range (1..%llu)", (long long)v, (unsigned long long)max);
    *n = (uint64_t)v;
    return 0;
}

/* Validates a condition by evaluating it once now. */
static int check_cond(struct fdx_dbg *s, const char *cond)
{
    int64_t v;
    if (strlen(cond) >= FDX_DEBUG_COND_SIZE) return fail(s, "condition too long (at most %d characters)", FDX_DEBUG_COND_SIZE - 1);
    return eval(s, cond, &v);
}

/* ---- running ----------------------------------------------------------------- */

static void show_trace(struct fdx_dbg *s)
{
    if (!s->trace_tmp) return;
    fflush(s->trace_tmp);
    if (fseek(s->trace_tmp, s->trace_pos, SEEK_SET)) return;
    char line[800];
    while (fgets(line, sizeof line, s->trace_tmp)) {
        size_t n = strlen(line);
        if (n && line[n - 1] == '\n') line[n - 1] = 0;
        say(s, "trace: %s", line);
    }
    s->trace_pos = ftell(s->trace_tmp);
}

/* Runs with whatever mode, step target and points are set until something
 * stops it; snapshots for rewind at chunk boundaries. *interrupted is set if
 * the interrupt flag ended it. */
static enum fdx_run_result go(struct fdx_dbg *s, bool *interrupted)
{
    struct fdx_machine *m = s->m;
    struct fdx_err err;
    uint32_t div = m->desc->cpu_divider ? m->desc->cpu_divider : 1;
    enum fdx_run_result r;
    *interrupted = false;
    s->ncyc = s->cycpos = 0;   /* a run ends any per-cycle view */
    fdx_debug_resume(s->d, s->cpu);
    for (;;) {
        if (fdx_debug_prepare(s->d, s->cpu)) {
            fail(s, "out of memory for the bus tap");
            r = FDX_RUN_ERROR;
            break;
        }
        fdx_rewind_begin_run(&s->rw);
        r = fdx_machine_run(m, s->rw.interval * div);
        fdx_debug_finish_run(s->d, s->cpu);
        if (fdx_rewind_end_run(&s->rw, s->d->hook_stopped, &err)) fail(s, "%s", err.msg);
        if (r != FDX_RUN_OK) break;
        if (s->intr && *s->intr) {
            *s->intr = 0;
            *interrupted = true;
            break;
        }
    }
    s->d->mode = FDX_DMODE_RUN;
    s->d->step_target = 0;
    fdx_debug_update(s->d, s->cpu);
    show_trace(s);
    return r;
}

/* Says why the run ended, then where we are. */
static void report(struct fdx_dbg *s, enum fdx_run_result r, bool interrupted)
{
    struct fdx_debug *d = s->d;
    char at[96];
    int code = 0;
    switch (d->why.kind) {
    case FDX_DSTOP_BREAK: {
        const struct fdx_breakpoint *b = &d->bp[d->why.index];
        fmt_addr(s, b->addr, at, sizeof at);
        say(s, "breakpoint #%d at %s, hit %u", b->id, at, (unsigned)b->hits);
        break;
    }
    case FDX_DSTOP_WATCH: {
        const struct fdx_watchpoint *w = &d->wp[d->why.index];
        const struct fdx_bus_access *a = &d->why.access;
        fmt_addr(s, a->addr, at, sizeof at);
        say(s, "watchpoint #%d: %s %s = $%0*X at cycle %" PRIu64 " (stopped after the instruction)", w->id,
            a->write ? "write" : "read", at, a->size * 2, (unsigned)a->value, a->cycle);
        break;
    }
    case FDX_DSTOP_CATCH: {
        const struct fdx_catchpoint *c = &d->cp[d->why.index];
        char num[24] = "";
        if (d->why.event_number_known && (d->why.event == FDX_EVENT_INT || d->why.event == FDX_EVENT_EXCEPTION))
            snprintf(num, sizeof num, " %u", (unsigned)d->why.event_number);
        if (d->why.event_guessed)
            say(s, "catchpoint #%d: %s%s (the %s module does not report events: found by the PC leaving the "
                   "instruction's flow)", c->id, fdx_debug_event_name(d->why.event), num, s->cpu->ops->name);
        else if (d->why.event == FDX_EVENT_INT || d->why.event == FDX_EVENT_EXCEPTION)
            say(s, "catchpoint #%d: %s %u", c->id, fdx_debug_event_name(d->why.event), (unsigned)d->why.event_number);
        else say(s, "catchpoint #%d: %s", c->id, fdx_debug_event_name(d->why.event));
        break;
    }
    case FDX_DSTOP_COND_ERROR: say(s, "stopped: a condition failed: %s", d->why.error); break;
    default: break;
    }
    if (interrupted) say(s, "interrupted");
    if (r == FDX_RUN_HALTED) say(s, "the CPU halted");
    if (r == FDX_RUN_EXIT && fdx_machine_exited(s->m, &code)) say(s, "the program exited with code %d", code);
    fdx_dbg_where(s);
}

static int run_and_report(struct fdx_dbg *s)
{
    bool intr;
    enum fdx_run_result r = go(s, &intr);
    report(s, r, intr);
    return r == FDX_RUN_ERROR ? -1 : 0;
}

/* ---- commands: running ---------------------------------------------------------- */

static bool stopped_by_point(const struct fdx_dbg *s, enum fdx_run_result r, bool intr)
{
    return intr || r != FDX_RUN_BREAK || s->d->why.kind != FDX_DSTOP_STEP;
}

static int cmd_step(struct fdx_dbg *s, char **w, int n)
{
    uint64_t count = 1;
    if (n > 1 && eval_count(s, w[1], &count, UINT64_MAX / 2)) return -1;
    fdx_debug_set_step(s->d, s->cpu, count);
    return run_and_report(s);
}

static int cmd_next(struct fdx_dbg *s, char **w, int n)
{
    uint64_t count = 1;
    if (n > 1 && eval_count(s, w[1], &count, 1000000)) return -1;
    enum fdx_run_result r = FDX_RUN_OK;
    bool intr = false;
    for (uint64_t i = 0; i < count; i++) {
        fdx_debug_set_mode(s->d, s->cpu, FDX_DMODE_OVER, 0);
        r = go(s, &intr);
        if (stopped_by_point(s, r, intr)) break;
    }
    report(s, r, intr);
    return 0;
}

static int cmd_finish(struct fdx_dbg *s, char **w, int n)
{
    (void)w;
    (void)n;
    fdx_debug_set_mode(s->d, s->cpu, FDX_DMODE_FINISH, 0);
    return run_and_report(s);
}

static int cmd_cont(struct fdx_dbg *s, char **w, int n)
{
    (void)w;
    (void)n;
    return run_and_report(s);
}

static int cmd_until(struct fdx_dbg *s, char **w, int n)
{
    uint32_t a;
    if (n < 2) return fail(s, "until needs an address");
    char text[256];
    join(w, 1, n, text, sizeof text);
    if (eval_addr(s, text, &a)) return -1;
    fdx_debug_set_mode(s->d, s->cpu, FDX_DMODE_UNTIL, a);
    return run_and_report(s);
}

static int cmd_frame(struct fdx_dbg *s, char **w, int n)
{
    uint64_t count = 1;
    if (n > 1 && eval_count(s, w[1], &count, 100000)) return -1;
    struct fdx_err err;
    enum fdx_run_result r = FDX_RUN_OK;
    bool video = s->m->desc->run_frame != NULL;
    for (uint64_t i = 0; i < count && r == FDX_RUN_OK; i++) {
        fdx_debug_resume(s->d, s->cpu);
        if (fdx_debug_prepare(s->d, s->cpu)) return fail(s, "out of memory for the bus tap");
        fdx_rewind_begin_run(&s->rw);
        r = fdx_machine_run_frame(s->m);
        fdx_debug_finish_run(s->d, s->cpu);
        if (fdx_rewind_end_frame(&s->rw, s->d->hook_stopped, &err)) fail(s, "%s", err.msg);
        if (s->intr && *s->intr) break;
    }
    show_trace(s);
    if (!video && r == FDX_RUN_OK) say(s, "(%s has no video: a frame is 1/60 s)", s->m->desc->name);
    if (r == FDX_RUN_OK) say(s, "frame %" PRIu64, s->m->frame.number);
    bool intr = s->intr && *s->intr;
    if (intr) *s->intr = 0;
    report(s, r, intr);
    return 0;
}

static int cmd_scanline(struct fdx_dbg *s, char **w, int n)
{
    uint64_t lt = s->d->line_ticks;
    if (!lt) return fail(s, "%s does not tell the debugger its scan lines", s->m->desc->name);
    uint64_t count = 1;
    if (n > 1 && eval_count(s, w[1], &count, 100000)) return -1;
    uint64_t target = (s->m->sched.now / lt + count) * lt;
    fdx_debug_resume(s->d, s->cpu);
    enum fdx_run_result r = FDX_RUN_OK;
    while (r == FDX_RUN_OK && s->m->sched.now < target) {
        if (fdx_debug_prepare(s->d, s->cpu)) return fail(s, "out of memory for the bus tap");
        fdx_rewind_begin_run(&s->rw);
        r = fdx_machine_run(s->m, target - s->m->sched.now);
        fdx_debug_finish_run(s->d, s->cpu);
        struct fdx_err err;
        if (fdx_rewind_end_run(&s->rw, s->d->hook_stopped, &err)) fail(s, "%s", err.msg);
    }
    show_trace(s);
    if (r == FDX_RUN_OK) say(s, "scan line %" PRIu64, s->m->sched.now / lt);
    report(s, r, false);
    return 0;
}

/* Prints one bus access of the per-cycle view. */
static void show_access(struct fdx_dbg *s, const struct fdx_bus_access *a, uint64_t start)
{
    char at[96];
    if (a->io) snprintf(at, sizeof at, "port $%04X", (unsigned)a->addr);
    else fmt_addr(s, a->addr, at, sizeof at);
    say(s, "   cycle %" PRIu64 " (+%" PRIu64 ")  %-5s %s = $%0*X", a->cycle, a->cycle - start,
        a->write ? "write" : "read", at, a->size * 2, (unsigned)a->value);
}

static int cmd_cycle(struct fdx_dbg *s, char **w, int n)
{
    uint64_t count = 1;
    if (n > 1 && eval_count(s, w[1], &count, 100000)) return -1;
    for (uint64_t i = 0; i < count; i++) {
        if (s->cycpos == s->ncyc) {
            /* run the next instruction with the bus log on, then show its accesses */
            uint32_t pc = s->cpu->ops->pc(s->cpu);
            uint64_t start = s->cpu->cycles;
            s->d->buslog_on = true;
            fdx_debug_set_step(s->d, s->cpu, 1);
            bool intr;
            enum fdx_run_result r = go(s, &intr);
            s->d->buslog_on = false;
            if (stopped_by_point(s, r, intr)) {
                report(s, r, intr);
                fdx_debug_prepare(s->d, s->cpu);    /* the tap off */
                return 0;
            }
            fdx_debug_prepare(s->d, s->cpu);
            memcpy(s->cyc, s->d->buslog, s->d->nbuslog * sizeof s->cyc[0]);
            s->ncyc = s->d->nbuslog;
            s->cycpos = 0;
            s->cyc_start = start;
            char at[96];
            fmt_addr(s, pc, at, sizeof at);
            say(s, "instruction at %s: %" PRIu64 " cycles, %u bus accesses (it has run; the registers show its end)",
                at, s->cpu->cycles - start, s->ncyc);
            if (s->ncyc == 0) {
                fdx_dbg_where(s);
                continue;
            }
        }
        show_access(s, &s->cyc[s->cycpos++], s->cyc_start);
        if (s->cycpos == s->ncyc) fdx_dbg_where(s);
    }
    return 0;
}

/* ---- commands: reverse ------------------------------------------------------------ */

static int cmd_rstep(struct fdx_dbg *s, char **w, int n)
{
    uint64_t count = 1;
    if (n > 1 && eval_count(s, w[1], &count, UINT64_MAX / 2)) return -1;
    uint64_t now = s->cpu->instructions, oldest = fdx_rewind_oldest(&s->rw);
    if (now - oldest < count)
        return fail(s, "can only step back %" PRIu64 " instructions (history starts at instruction %" PRIu64 ")",
                    now - oldest, oldest);
    struct fdx_err err;
    if (fdx_rewind_goto(&s->rw, now - count, &err)) return fail(s, "%s", err.msg);
    s->ncyc = s->cycpos = 0;
    fdx_dbg_where(s);
    return 0;
}

static int cmd_rcont(struct fdx_dbg *s, char **w, int n)
{
    (void)w;
    (void)n;
    struct fdx_err err;
    uint64_t at;
    int r = fdx_rewind_find_hit(&s->rw, &at, &err);
    if (r < 0) return fail(s, "%s", err.msg);
    if (r == 0) {
        uint64_t oldest = fdx_rewind_oldest(&s->rw);
        if (fdx_rewind_goto(&s->rw, oldest, &err)) return fail(s, "%s", err.msg);
        say(s, "no earlier breakpoint or watchpoint hit: back at the start of the history");
    } else {
        if (fdx_rewind_goto(&s->rw, at, &err)) return fail(s, "%s", err.msg);
        say(s, "back at the previous hit (instruction %" PRIu64 ")", at);
    }
    s->ncyc = s->cycpos = 0;
    fdx_dbg_where(s);
    return 0;
}

static int cmd_bus(struct fdx_dbg *s, char **w, int n)
{
    (void)w;
    (void)n;
    uint64_t now = s->cpu->instructions;
    if (now == 0 || now - 1 < fdx_rewind_oldest(&s->rw)) return fail(s, "no instruction in the history to show");
    /* re-execute the last instruction with the bus log on: exact, and free
     * while running */
    struct fdx_err err;
    if (fdx_rewind_goto(&s->rw, now - 1, &err)) return fail(s, "%s", err.msg);
    uint32_t pc = s->cpu->ops->pc(s->cpu);
    uint64_t start = s->cpu->cycles;
    struct fdx_debug *d = s->d;
    d->replay = true;
    bool was_replaying = fdx_rewind_replaying(&s->rw, true);
    d->buslog_on = true;
    d->nbuslog = 0;
    fdx_debug_set_step(d, s->cpu, 1);
    fdx_debug_prepare(d, s->cpu);
    enum fdx_run_result r;
    do r = fdx_machine_run(s->m, (uint64_t)1 << 28);
    while (r == FDX_RUN_OK && s->cpu->instructions < now);
    d->replay = false;
    s->rw.replaying = was_replaying;
    d->buslog_on = false;
    d->step_target = 0;
    fdx_debug_prepare(d, s->cpu);
    if (s->cpu->instructions != now) return fail(s, "re-executing the last instruction did not come back to the same point");
    /* keep the log: going back to the exact state (the way the forward run
     * reached it) re-executes again */
    unsigned nlog = d->nbuslog;
    uint64_t took = s->cpu->cycles - start;
    struct fdx_bus_access *log = malloc((nlog ? nlog : 1) * sizeof *log);
    if (!log) return fail(s, "out of memory");
    memcpy(log, d->buslog, nlog * sizeof *log);
    if (fdx_rewind_goto(&s->rw, now, &err)) {
        free(log);
        return fail(s, "%s", err.msg);
    }
    char at[96];
    fmt_addr(s, pc, at, sizeof at);
    say(s, "bus activity of the instruction at %s (%" PRIu64 " cycles):", at, took);
    for (unsigned i = 0; i < nlog; i++) show_access(s, &log[i], start);
    if (nlog == 0) say(s, "   (no bus access)");
    free(log);
    return 0;
}

/* ---- commands: points ------------------------------------------------------------- */

static int cmd_break(struct fdx_dbg *s, char **w, int n)
{
    if (n < 2) return fail(s, "break needs an address: break ADDR [if EXPR] [count N]");
    int i = 1, a_end = 1;
    while (a_end < n && strcmp(w[a_end], "if") && strcmp(w[a_end], "count")) a_end++;
    char addr_text[256], cond[512] = "";
    join(w, 1, a_end, addr_text, sizeof addr_text);
    if (a_end == 1) return fail(s, "break needs an address before '%s'", w[1]);
    uint32_t addr;
    if (eval_addr(s, addr_text, &addr)) return -1;
    uint64_t count = 0;
    i = a_end;
    while (i < n) {
        if (!strcmp(w[i], "if")) {
            int e = i + 1;
            while (e < n && strcmp(w[e], "count")) e++;
            if (e == i + 1) return fail(s, "'if' needs a condition");
            join(w, i + 1, e, cond, sizeof cond);
            if (check_cond(s, cond)) return -1;
            i = e;
        } else if (!strcmp(w[i], "count")) {
            if (i + 1 >= n) return fail(s, "'count' needs a number");
            if (eval_count(s, w[i + 1], &count, 0xFFFFFFFFu)) return -1;
            i += 2;
        } else return fail(s, "unexpected '%s' (break ADDR [if EXPR] [count N])", w[i]);
    }
    int k = fdx_debug_add_breakpoint(s->d, s->cpu, addr);
    if (k < 0) return fail(s, "too many breakpoints (at most %d)", FDX_DEBUG_MAX_BREAKPOINTS);
    struct fdx_breakpoint *b = &s->d->bp[k];
    snprintf(b->cond, sizeof b->cond, "%.*s", (int)sizeof b->cond - 1, cond);  /* checked to fit above */
    b->count = (uint32_t)count;
    b->hits = 0;
    char at[96];
    fmt_addr(s, addr, at, sizeof at);
    say(s, "breakpoint #%d at %s%s%s", b->id, at, cond[0] ? " if " : "", cond);
    return 0;
}

/* ADDR, ADDR..END or ADDR LEN (words from i). */
static int parse_range(struct fdx_dbg *s, char **w, int i, int n, uint32_t *first, uint32_t *last)
{
    if (i >= n) return fail(s, "an address is missing");
    char *dots = strstr(w[i], "..");
    if (dots) {
        *dots = 0;
        if (eval_addr(s, w[i], first) || eval_addr(s, dots + 2, last)) return -1;
        if (*last < *first) return fail(s, "the range ends before it starts");
        return i + 1;
    }
    if (eval_addr(s, w[i], first)) return -1;
    *last = *first;
    return i + 1;
}

static int cmd_watch(struct fdx_dbg *s, char **w, int n)
{
    int i = 1;
    unsigned access = FDX_WATCH_WRITE;
    if (i < n && !strcasecmp(w[i], "r")) access = FDX_WATCH_READ, i++;
    else if (i < n && !strcasecmp(w[i], "w")) access = FDX_WATCH_WRITE, i++;
    else if (i < n && !strcasecmp(w[i], "rw")) access = FDX_WATCH_RW, i++;
    uint32_t first, last;
    i = parse_range(s, w, i, n, &first, &last);
    if (i < 0) return -1;
    char cond[512] = "";
    if (i < n) {
        if (strcmp(w[i], "if") || i + 1 >= n) return fail(s, "unexpected '%s' (watch r|w|rw ADDR[..END] [if EXPR])", w[i]);
        join(w, i + 1, n, cond, sizeof cond);
        if (check_cond(s, cond)) return -1;
    }
    int k = fdx_debug_add_watchpoint(s->d, s->cpu, first, last, access, cond);
    if (k < 0) return fail(s, "too many watchpoints (at most %d)", FDX_DEBUG_MAX_WATCHPOINTS);
    static const char *const kinds[] = {"", "read", "write", "read/write"};
    char a[96], b[96];
    fmt_addr(s, first, a, sizeof a);
    fmt_addr(s, last, b, sizeof b);
    if (first == last) say(s, "watchpoint #%d: %s of %s%s%s", s->d->wp[k].id, kinds[access], a, cond[0] ? " if " : "", cond);
    else say(s, "watchpoint #%d: %s of %s..%s%s%s", s->d->wp[k].id, kinds[access], a, b, cond[0] ? " if " : "", cond);
    return 0;
}

static int cmd_catch(struct fdx_dbg *s, char **w, int n)
{
    if (n < 2) return fail(s, "catch irq|nmi|exception|int [N]");
    enum fdx_cpu_event_kind kind = FDX_EVENT_COUNT;
    for (int k = 0; k < FDX_EVENT_COUNT; k++)
        if (!strcasecmp(w[1], fdx_debug_event_name((enum fdx_cpu_event_kind)k))) kind = (enum fdx_cpu_event_kind)k;
    if (kind == FDX_EVENT_COUNT) return fail(s, "catch what? '%s' is not irq, nmi, exception or int", w[1]);
    int64_t num = 0;
    bool any = n < 3;
    if (!any) {
        if (kind != FDX_EVENT_INT && kind != FDX_EVENT_EXCEPTION) return fail(s, "only int and exception take a number");
        if (eval(s, w[2], &num)) return -1;
        if (num < 0 || num > 0xFFFFFFFFll) return fail(s, "number out of range");
    }
    if (n > 3) return fail(s, "unexpected '%s'", w[3]);
    int k = fdx_debug_add_catchpoint(s->d, s->cpu, kind, any, (uint32_t)num);
    if (k < 0) return fail(s, "too many catchpoints (at most %d)", FDX_DEBUG_MAX_CATCHPOINTS);
    if (any) say(s, "catchpoint #%d: %s", s->d->cp[k].id, fdx_debug_event_name(kind));
    else say(s, "catchpoint #%d: %s %lld", s->d->cp[k].id, fdx_debug_event_name(kind), (long long)num);
    return 0;
}

static int cmd_list(struct fdx_dbg *s, char **w, int n)
{
    (void)w;
    (void)n;
    struct fdx_debug *d = s->d;
    if (!d->nbp && !d->nwp && !d->ncp) {
        say(s, "no breakpoints, watchpoints or catchpoints");
        return 0;
    }
    char a[96], b[96];
    for (unsigned i = 0; i < d->nbp; i++) {
        const struct fdx_breakpoint *p = &d->bp[i];
        fmt_addr(s, p->addr, a, sizeof a);
        char extra[200] = "";
        if (p->count > 1) snprintf(extra, sizeof extra, " count %u", (unsigned)p->count);
        say(s, "#%d  break  %s%s%s%s  hits %u%s", p->id, a, p->cond[0] ? " if " : "", p->cond, extra,
            (unsigned)p->hits, p->enabled ? "" : "  (disabled)");
    }
    static const char *const kinds[] = {"", "r", "w", "rw"};
    for (unsigned i = 0; i < d->nwp; i++) {
        const struct fdx_watchpoint *p = &d->wp[i];
        fmt_addr(s, p->first, a, sizeof a);
        fmt_addr(s, p->last, b, sizeof b);
        say(s, "#%d  watch %-2s %s%s%s%s%s  hits %u%s", p->id, kinds[p->access], a, p->first != p->last ? ".." : "",
            p->first != p->last ? b : "", p->cond[0] ? " if " : "", p->cond, (unsigned)p->hits,
            p->enabled ? "" : "  (disabled)");
    }
    for (unsigned i = 0; i < d->ncp; i++) {
        const struct fdx_catchpoint *p = &d->cp[i];
        char num[24] = "";
        if (!p->any_number) snprintf(num, sizeof num, " %u", (unsigned)p->number);
        say(s, "#%d  catch  %s%s  hits %u%s", p->id, fdx_debug_event_name(p->kind), num, (unsigned)p->hits,
            p->enabled ? "" : "  (disabled)");
    }
    return 0;
}

static int id_arg(struct fdx_dbg *s, const char *text, int *id)
{
    const char *t = text[0] == '#' ? text + 1 : text;
    char *end;
    long v = strtol(t, &end, 10);
    if (!*t || *end || v <= 0 || v > 1000000) return fail(s, "'%s' is not a breakpoint number (see list)", text);
    *id = (int)v;
    return 0;
}

static int cmd_delete(struct fdx_dbg *s, char **w, int n)
{
    if (n < 2 || !strcmp(w[1], "all")) {
        fdx_debug_delete_all(s->d, s->cpu);
        say(s, "deleted all breakpoints, watchpoints and catchpoints");
        return 0;
    }
    for (int i = 1; i < n; i++) {
        int id;
        if (id_arg(s, w[i], &id)) return -1;
        if (fdx_debug_delete_id(s->d, s->cpu, id)) return fail(s, "there is no #%d (see list)", id);
        say(s, "deleted #%d", id);
    }
    return 0;
}

static int enable(struct fdx_dbg *s, char **w, int n, bool on)
{
    if (n < 2) return fail(s, "%s which? (give the numbers from list)", on ? "enable" : "disable");
    for (int i = 1; i < n; i++) {
        int id;
        if (id_arg(s, w[i], &id)) return -1;
        if (fdx_debug_enable_id(s->d, s->cpu, id, on)) return fail(s, "there is no #%d (see list)", id);
        say(s, "%s #%d", on ? "enabled" : "disabled", id);
    }
    return 0;
}

static int cmd_enable(struct fdx_dbg *s, char **w, int n) { return enable(s, w, n, true); }
static int cmd_disable(struct fdx_dbg *s, char **w, int n) { return enable(s, w, n, false); }

/* ---- commands: looking and changing --------------------------------------------- */

static int cmd_regs(struct fdx_dbg *s, char **w, int n)
{
    (void)w;
    (void)n;
    show_regs(s);
    return 0;
}

static void reg_names(const struct fdx_dbg *s, char *out, size_t size)
{
    size_t pos = 0;
    out[0] = 0;
    for (unsigned i = 0; i < s->cpu->ops->nregs && pos < size; i++) {
        int k = snprintf(out + pos, size - pos, "%s%s", i ? " " : "", s->cpu->ops->regs[i].name);
        if (k < 0) break;
        pos += (size_t)k;
    }
}

static int changed(struct fdx_dbg *s)
{
    struct fdx_err err;
    s->ncyc = s->cycpos = 0;
    if (fdx_rewind_changed(&s->rw, &err)) return fail(s, "%s", err.msg);
    return 0;
}

static int cmd_set(struct fdx_dbg *s, char **w, int n)
{
    char text[512];
    join(w, 1, n, text, sizeof text);
    char *eq = strchr(text, '=');
    char *name = text, *value;
    if (eq) {
        *eq = 0;
        value = eq + 1;
    } else {
        value = text;
        while (*value && !isspace((unsigned char)*value)) value++;
        if (*value) *value++ = 0;
    }
    while (*name && isspace((unsigned char)*name)) name++;
    char *e = name + strlen(name);
    while (e > name && isspace((unsigned char)e[-1])) *--e = 0;
    if (!*name || !*value) return fail(s, "set REG=VALUE (or a flag: set C=1)");
    if (!s->cpu->ops->set_reg) return fail(s, "the %s module cannot change registers", s->cpu->ops->name);
    int64_t v;
    if (eval(s, value, &v)) return -1;
    int r = fdx_cpu_reg_index(s->cpu, name);
    if (r >= 0) {
        unsigned bits = s->cpu->ops->regs[r].bits;
        uint64_t max = bits >= 64 ? UINT64_MAX : ((uint64_t)1 << bits) - 1;
        if ((v >= 0 && (uint64_t)v > max) || (v < 0 && bits < 64 && v < -(int64_t)(((uint64_t)1 << bits) / 2)))
            return fail(s, "%lld does not fit in the %u-bit register %s", (long long)v, bits, s->cpu->ops->regs[r].name);
        s->cpu->ops->set_reg(s->cpu, (unsigned)r, (uint64_t)v & max);
        show_regs(s);
        return changed(s);
    }
    /* a flag: its letter in a flags register's layout */
    if (strlen(name) == 1 && name[0] != '-')
        for (unsigned i = 0; i < s->cpu->ops->nregs; i++) {
            const struct fdx_reg_desc *d = &s->cpu->ops->regs[i];
            if (d->kind != FDX_REG_FLAGS || !d->flags) continue;
            size_t nb = strlen(d->flags);
            unsigned width = 0;
            for (size_t b = 0; b < nb; b++)
                if (toupper((unsigned char)d->flags[b]) == toupper((unsigned char)name[0])) width++;
            if (!width) continue;
            if (v < 0 || (uint64_t)v >= ((uint64_t)1 << width))
                return fail(s, "flag %s takes 0..%u", name, (1u << width) - 1);
            uint64_t reg = s->cpu->ops->get_reg(s->cpu, i);
            unsigned k = width;     /* fill the field's bits, most significant first */
            for (size_t b = 0; b < nb; b++)
                if (toupper((unsigned char)d->flags[b]) == toupper((unsigned char)name[0])) {
                    unsigned bit = (unsigned)(nb - 1 - b);
                    k--;
                    reg = (reg & ~((uint64_t)1 << bit)) | ((((uint64_t)v >> k) & 1) << bit);
                }
            s->cpu->ops->set_reg(s->cpu, i, reg);
            show_regs(s);
            return changed(s);
        }
    char names[300];
    reg_names(s, names, sizeof names);
    return fail(s, "unknown register '%s' (the %s has: %s, and its flags)", name, s->cpu->ops->name, names);
}

static int cmd_mem(struct fdx_dbg *s, char **w, int n)
{
    uint32_t a = s->have_next_mem ? s->next_mem : 0;
    uint64_t len = 64;
    if (n > 1 && eval_addr(s, w[1], &a)) return -1;
    if (n > 2 && eval_count(s, w[2], &len, 65536)) return -1;
    if (n > 3) return fail(s, "mem ADDR [LEN]");
    if ((uint64_t)a + len - 1 > amask(s))
        return fail(s, "$%X+%llu runs past the end of the address space ($%X)", (unsigned)a, (unsigned long long)len, amask(s));
    for (uint64_t off = 0; off < len; off += 16) {
        char line[120];
        size_t pos = (size_t)snprintf(line, sizeof line, "%0*X ", digits(s), (unsigned)(a + off));
        char ascii[17] = "";
        for (uint64_t i = 0; i < 16 && off + i < len; i++) {
            uint8_t b = fdx_bus_peek8(s->cpu->bus, (uint32_t)(a + off + i));
            pos += (size_t)snprintf(line + pos, sizeof line - pos, " %02X", b);
            ascii[i] = b >= 0x20 && b < 0x7F ? (char)b : '.';
            ascii[i + 1] = 0;
        }
        say(s, "%-*s  %s", digits(s) + 1 + 48, line, ascii);
    }
    s->next_mem = (uint32_t)((a + len) & amask(s));
    s->have_next_mem = true;
    return 0;
}

static int cmd_poke(struct fdx_dbg *s, char **w, int n)
{
    if (n < 3) return fail(s, "poke ADDR BYTE...");
    uint32_t a;
    if (eval_addr(s, w[1], &a)) return -1;
    if ((uint64_t)a + (unsigned)(n - 2) - 1 > amask(s)) return fail(s, "the bytes run past the end of the address space");
    uint8_t bytes[MAX_WORDS];
    for (int i = 2; i < n; i++) {
        int64_t v;
        if (eval(s, w[i], &v)) return -1;
        if (v < -128 || v > 255) return fail(s, "%s = %lld is not a byte", w[i], (long long)v);
        bytes[i - 2] = (uint8_t)v;
    }
    for (int i = 2; i < n; i++) fdx_bus_poke(s->cpu->bus, a + (uint32_t)(i - 2), bytes[i - 2], 1);
    char at[96];
    fmt_addr(s, a, at, sizeof at);
    say(s, "wrote %d byte%s at %s", n - 2, n == 3 ? "" : "s", at);
    return changed(s);
}

static int cmd_disasm(struct fdx_dbg *s, char **w, int n)
{
    uint32_t pc = s->cpu->ops->pc(s->cpu);
    uint32_t a = s->have_next_disasm ? s->next_disasm : pc;
    uint64_t count = 10;
    if (n > 1 && eval_addr(s, w[1], &a)) return -1;
    if (n > 2 && eval_count(s, w[2], &count, 10000)) return -1;
    if (n > 3) return fail(s, "disasm [ADDR] [N]");
    for (uint64_t i = 0; i < count; i++) a = (a + show_insn(s, a, a == pc)) & amask(s);
    s->next_disasm = a;
    s->have_next_disasm = true;
    return 0;
}

static void trace_close(struct fdx_dbg *s)
{
    fdx_debug_set_trace(s->d, s->cpu, false);
    show_trace(s);
    s->d->trace_file = NULL;
    if (s->trace_file) fclose(s->trace_file);
    if (s->trace_tmp) fclose(s->trace_tmp);
    s->trace_file = s->trace_tmp = NULL;
}

static int cmd_trace(struct fdx_dbg *s, char **w, int n)
{
    if (n >= 2 && !strcmp(w[1], "off") && n == 2) {
        bool was = s->d->trace_on;
        trace_close(s);
        say(s, was ? "trace off" : "trace was off");
        return 0;
    }
    if (n < 2 || strcmp(w[1], "on") || n > 3) return fail(s, "trace on [FILE] | trace off");
    trace_close(s);
    if (n == 3) {
        s->trace_file = fopen(w[2], "w");
        if (!s->trace_file) return fail(s, "cannot write %s", w[2]);
        s->d->trace_file = s->trace_file;
        say(s, "trace on: one line per instruction (cycle, address, instruction, registers before it, +cycles it took) into %s", w[2]);
    } else {
        s->trace_tmp = tmpfile();
        if (!s->trace_tmp) return fail(s, "cannot create a temporary file for the trace");
        s->trace_pos = 0;
        s->d->trace_file = s->trace_tmp;
        say(s, "trace on: one line per instruction (cycle, address, instruction, registers before it, +cycles it took)");
    }
    fdx_debug_set_trace(s->d, s->cpu, true);
    return 0;
}

static int cmd_cycles(struct fdx_dbg *s, char **w, int n)
{
    (void)w;
    (void)n;
    say(s, "cycles:       %" PRIu64 " total, +%" PRIu64 " since the last stop", s->cpu->cycles,
        s->cpu->cycles - s->stop_cycles);
    say(s, "instructions: %" PRIu64 " total, +%" PRIu64 " since the last stop", s->cpu->instructions,
        s->cpu->instructions - s->stop_instr);
    const struct fdx_frame *f = fdx_machine_frame(s->m);
    uint32_t div = s->m->desc->cpu_divider ? s->m->desc->cpu_divider : 1;
    if (s->m->desc->run_frame && f->fps_num) {
        uint64_t per = s->m->desc->master_hz * f->fps_den / f->fps_num / div;
        say(s, "frame:        %" PRIu64 " completed, about %" PRIu64 " cycles per frame", f->number, per);
    }
    if (s->d->line_ticks)
        say(s, "scan line:    %" PRIu64 ", %" PRIu64 " cycles per line", s->m->sched.now / s->d->line_ticks,
            s->d->line_ticks / div);
    return 0;
}

static int cmd_state(struct fdx_dbg *s, char **w, int n)
{
    struct fdx_err err;
    if (n == 2 && !strcmp(w[1], "hash")) {
        /* CRC32 of the whole save state: equal hashes, equal machines */
        size_t size = fdx_machine_state_size(s->m);
        uint8_t *buf = malloc(size);
        if (!buf) return fail(s, "out of memory");
        if (fdx_machine_save(s->m, buf, size, &err)) {
            free(buf);
            return fail(s, "%s", err.msg);
        }
        say(s, "state hash %08x (%zu bytes, instruction %" PRIu64 ")", (unsigned)fdx_crc32(0, buf, size), size,
            s->cpu->instructions);
        free(buf);
        return 0;
    }
    if (n != 3 || (strcmp(w[1], "save") && strcmp(w[1], "load")))
        return fail(s, "state save FILE | state load FILE | state hash");
    if (!strcmp(w[1], "save")) {
        if (fdx_machine_save_file(s->m, w[2], &err)) return fail(s, "%s", err.msg);
        say(s, "saved the state to %s", w[2]);
        return 0;
    }
    if (fdx_machine_load_file(s->m, w[2], &err)) return fail(s, "%s", err.msg);
    s->ncyc = s->cycpos = 0;
    if (fdx_rewind_reset(&s->rw, &err)) return fail(s, "%s", err.msg);
    say(s, "loaded the state from %s (the rewind history starts here)", w[2]);
    fdx_dbg_where(s);
    return 0;
}

static int cmd_symbols(struct fdx_dbg *s, char **w, int n)
{
    if (n != 2) return fail(s, "symbols FILE (ld65 -Ln labels, a NASM map file, or NAME = ADDR lines)");
    struct fdx_err err;
    int k = fdx_symbols_load(&s->syms, w[1], &err);
    if (k < 0) return fail(s, "%s", err.msg);
    say(s, "%d symbols from %s", k, w[1]);
    return 0;
}

static int cmd_print(struct fdx_dbg *s, char **w, int n)
{
    if (n < 2) return fail(s, "print EXPR");
    char text[512];
    join(w, 1, n, text, sizeof text);
    int64_t v;
    if (eval(s, text, &v)) return -1;
    char bin[80] = "";
    uint64_t u = (uint64_t)v;
    if (v >= 0 && v < 65536) {
        int bits = v < 256 ? 8 : 16;
        bin[0] = '%';
        for (int i = 0; i < bits; i++) bin[1 + i] = (char)('0' + ((u >> (bits - 1 - i)) & 1));
        bin[1 + bits] = 0;
    }
    say(s, "= %lld  $%llX%s%s", (long long)v, (unsigned long long)u, bin[0] ? "  " : "", bin);
    return 0;
}

static int cmd_reset(struct fdx_dbg *s, char **w, int n)
{
    (void)w;
    (void)n;
    struct fdx_err err;
    fdx_machine_reset(s->m, true);
    s->ncyc = s->cycpos = 0;
    if (fdx_rewind_reset(&s->rw, &err)) return fail(s, "%s", err.msg);
    say(s, "reset (the rewind history starts here)");
    fdx_dbg_where(s);
    return 0;
}

static int cmd_help(struct fdx_dbg *s, char **w, int n);

static int cmd_resume(struct fdx_dbg *s, char **w, int n)
{
    (void)w;
    (void)n;
    if (!s->in_console) return fail(s, "resume goes back to the app that opened the debugger; here, use cont");
    return 2;
}

static int cmd_quit(struct fdx_dbg *s, char **w, int n)
{
    (void)s;
    (void)w;
    (void)n;
    return 1;
}

/* ---- the command table ------------------------------------------------------------- */

struct command {
    const char *name;
    const char *aliases;    /* '|'-separated */
    const char *args;
    const char *help;
    int (*fn)(struct fdx_dbg *s, char **w, int n);
};

static const struct command commands[] = {
    {"step", "s|si|stepi", "[N]", "run N instructions (default 1), into calls", cmd_step},
    {"next", "n", "[N]", "run to the next instruction here, stepping over calls and interrupts", cmd_next},
    {"finish", "fin", "", "run until the current routine returns", cmd_finish},
    {"cont", "c|continue|run", "", "run until a breakpoint, watchpoint or catchpoint (Ctrl-C stops)", cmd_cont},
    {"until", "u", "ADDR", "run until the PC reaches ADDR", cmd_until},
    {"cycle", "cy", "[N]", "show the next N bus cycles: the instruction runs whole, then its\n"
                           "                      accesses (address, data, read/write) are shown one by one", cmd_cycle},
    {"frame", "fr", "[N]", "run to the end of the video frame (machines without video: 1/60 s)", cmd_frame},
    {"scanline", "sl", "[N]", "run to the start of the next scan line (video machines)", cmd_scanline},
    {"rstep", "rs|rsi", "[N]", "step N instructions backwards (exact: replays from a snapshot)", cmd_rstep},
    {"rcont", "rc", "", "run backwards to the previous breakpoint or watchpoint hit", cmd_rcont},
    {"break", "b|bp", "ADDR [if EXPR] [count N]", "stop before the instruction at ADDR (if EXPR is true;\n"
                                                  "                      from the Nth hit on)", cmd_break},
    {"watch", "w|wp", "r|w|rw ADDR[..END] [if EXPR]", "stop after an instruction reads/writes the range", cmd_watch},
    {"catch", "", "irq|nmi|exception|int [N]", "stop when the CPU takes an interrupt or exception", cmd_catch},
    {"list", "l|info", "", "list breakpoints, watchpoints and catchpoints", cmd_list},
    {"delete", "del|d", "[ID...|all]", "delete points (all without an argument)", cmd_delete},
    {"disable", "dis", "ID...", "disable points", cmd_disable},
    {"enable", "en", "ID...", "enable points", cmd_enable},
    {"regs", "r|registers", "", "show the registers", cmd_regs},
    {"set", "", "REG=VALUE", "change a register or a flag (set C=1)", cmd_set},
    {"mem", "m|x", "[ADDR] [LEN]", "show memory (hex and text; default 64 bytes)", cmd_mem},
    {"poke", "", "ADDR BYTE...", "write bytes to memory", cmd_poke},
    {"disasm", "di", "[ADDR] [N]", "disassemble N instructions (default: from the PC, 10)", cmd_disasm},
    {"trace", "t", "on [FILE] | off", "log every instruction (to FILE, or shown after each command)", cmd_trace},
    {"bus", "", "", "the bus activity of the last instruction (replayed exactly)", cmd_bus},
    {"cycles", "", "", "cycle and instruction counters: total, since the last stop, per frame", cmd_cycles},
    {"state", "", "save|load FILE | hash", "save or load the machine state; hash: its CRC32", cmd_state},
    {"symbols", "sym", "FILE", "load labels (ld65 -Ln, NASM map, NAME = ADDR lines)", cmd_symbols},
    {"print", "p|eval", "EXPR", "evaluate an expression", cmd_print},
    {"reset", "", "", "reset the machine", cmd_reset},
    {"help", "h|?", "[COMMAND]", "this list, or more about one command", cmd_help},
    {"resume", "detach|app", "", "(in the app) close the debugger and let the app run on", cmd_resume},
    {"quit", "q|exit", "", "leave the debugger", cmd_quit},
};

static const struct command *find_command(const char *name)
{
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (!strcasecmp(commands[i].name, name) || (commands[i].aliases[0] && fdx_list_contains(commands[i].aliases, name)))
            return &commands[i];
    return NULL;
}

void fdx_dbg_help(struct fdx_dbg *s, const char *topic)
{
    if (topic) {
        const struct command *c = find_command(topic);
        if (!c) {
            fail(s, "no command '%s' (help lists them)", topic);
            return;
        }
        say(s, "%s %s", c->name, c->args);
        say(s, "  %s", c->help);
        if (c->aliases[0]) say(s, "  short: %s", c->aliases);
        if (!strcmp(c->name, "break") || !strcmp(c->name, "watch") || !strcmp(c->name, "print") ||
            !strcmp(c->name, "set"))
            topic = NULL;   /* and the expression summary below */
        else return;
    } else {
        say(s, "commands (short forms in brackets):");
        for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
            char head[64];
            snprintf(head, sizeof head, "%s %s", commands[i].name, commands[i].args);
            char al[40] = "";
            if (commands[i].aliases[0]) {
                snprintf(al, sizeof al, " [%s", commands[i].aliases);
                char *bar = strchr(al, '|');
                if (bar) *bar = 0;
                strcat(al, "]");
            }
            say(s, "  %-20s%s%s", head, commands[i].help, al);
        }
    }
    say(s, "expressions: numbers $C000 0xC000 49152 %%1010 'A'; registers and flags by name (A, PC, C);");
    say(s, "  symbols; [ADDR] byte, w[ADDR] word, l[ADDR] long; + - * / %% & | ^ ~ << >> == != < <= > >= && || !");
    say(s, "Empty input repeats the last command (interactive). Ctrl-C stops a running command.");
}

static int cmd_help(struct fdx_dbg *s, char **w, int n)
{
    fdx_dbg_help(s, n > 1 ? w[1] : NULL);
    return 0;
}

int fdx_dbg_exec(struct fdx_dbg *s, const char *line)
{
    char buf[1024];
    if (strlen(line) >= sizeof buf) return fail(s, "line too long");
    strcpy(buf, line);
    char *p = buf;      /* a line starting with # is a comment ("delete #3" is not) */
    while (isspace((unsigned char)*p)) p++;
    if (*p == '#') return 0;
    char *w[MAX_WORDS];
    int n = split(buf, w);
    if (n < 0) return fail(s, "too many words");
    if (n == 0) return 0;
    const struct command *c = find_command(w[0]);
    if (!c) return fail(s, "unknown command '%s' (help lists them)", w[0]);
    return c->fn(s, w, n);
}

void fdx_dbg_set_interrupt(struct fdx_dbg *s, volatile sig_atomic_t *flag)
{
    s->intr = flag;
}

struct fdx_rewind *fdx_dbg_rewind(struct fdx_dbg *s)
{
    return &s->rw;
}

struct fdx_dbg *fdx_dbg_create(struct fdx_machine *m, fdx_dbg_out_fn out, void *ctx, struct fdx_err *err)
{
    if (!m->cpu) {
        fdx_err_set(err, "%s has no CPU to debug", m->desc->name);
        return NULL;
    }
    struct fdx_dbg *s = calloc(1, sizeof *s);
    if (!s) {
        fdx_err_set(err, "out of memory");
        return NULL;
    }
    s->m = m;
    s->cpu = m->cpu;
    s->d = &m->debug;
    s->out = out;
    s->ctx = ctx;
    fdx_symbols_init(&s->syms);
    s->d->syms = &s->syms;
    fdx_debug_attach(s->d, s->cpu);
    if (fdx_rewind_init(&s->rw, m, 0, 0, err)) {
        fdx_symbols_free(&s->syms);
        free(s);
        return NULL;
    }
    s->stop_cycles = s->cpu->cycles;
    s->stop_instr = s->cpu->instructions;
    return s;
}

void fdx_dbg_destroy(struct fdx_dbg *s)
{
    if (!s) return;
    trace_close(s);
    s->d->syms = NULL;
    fdx_debug_delete_all(s->d, s->cpu);
    s->d->buslog_on = false;
    fdx_debug_prepare(s->d, s->cpu);    /* tap off: back to the fast path */
    fdx_rewind_free(&s->rw);
    fdx_symbols_free(&s->syms);
    free(s);
}

/* ---- a console for apps that run the machine themselves ----------------------- */

void fdx_dbg_out_file(void *ctx, const char *line)
{
    FILE *f = ctx ? ctx : stdout;
    fputs(line, f);
    fputc('\n', f);
    fflush(f);
}

int fdx_dbg_console(struct fdx_dbg *s, FILE *in, FILE *out, const char *title)
{
    struct fdx_err err;
    if (!in) in = stdin;
    if (!out) out = stdout;
    /* the app ran the machine since we last looked: our history does not
     * know those instructions, so it starts again here */
    if (!s->left_valid || s->left_instr != s->cpu->instructions) {
        if (fdx_rewind_reset(&s->rw, &err)) fail(s, "%s", err.msg);
        s->ncyc = s->cycpos = 0;
    }
    if (title) fprintf(out, "%s\n", title);
    fprintf(out, "fdx debug: %s paused (%s CPU). Commands as in fdx debug (help); resume returns to the app.\n",
            s->m->desc->name, s->cpu->ops->name);
    fflush(out);
    if (s->d->why.kind != FDX_DSTOP_NONE) report(s, FDX_RUN_BREAK, false);   /* a breakpoint stopped the app */
    else fdx_dbg_where(s);
    s->in_console = true;
    int result = 0;
    char *line = NULL;
    size_t cap = 0;
    char last[1024] = "";
    for (;;) {
        fputs("(fdx) ", out);
        fflush(out);
        ssize_t got = getline(&line, &cap, in);
        if (got < 0) {          /* end of input: back to the app */
            fputc('\n', out);
            break;
        }
        if (got && line[got - 1] == '\n') line[got - 1] = 0;
        const char *cmd = line;
        while (*cmd == ' ' || *cmd == '\t') cmd++;
        if (!*cmd) cmd = last;          /* empty line: again */
        else snprintf(last, sizeof last, "%s", cmd);
        int r = *cmd ? fdx_dbg_exec(s, cmd) : 0;
        if (r == 2) break;
        if (r == 1) {
            result = 1;
            break;
        }
    }
    free(line);
    s->in_console = false;
    /* the app runs on from here: breakpoints and watchpoints stay armed */
    memset(&s->d->why, 0, sizeof s->d->why);
    fdx_debug_resume(s->d, s->cpu);
    if (fdx_debug_prepare(s->d, s->cpu)) fail(s, "out of memory for the bus tap");
    s->left_instr = s->cpu->instructions;
    s->left_valid = true;
    return result;
}
