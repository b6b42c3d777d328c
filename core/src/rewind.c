/* Reverse execution: the snapshot ring, input replay and re-execution. */
#include "fdx/rewind.h"
#include "fdx/machine.h"

#include <stdlib.h>
#include <string.h>

/* The machine's state walk, as fdx_machine_save/load do it (machine.c),
 * without the container's checksum, verify pass and backup copy: snapshots
 * are ours and only ever loaded into the machine that made them, and this
 * keeps a snapshot or a step back at the cost of a memcpy of the state.
 * Keep in step with walk() in machine.c. */
static void walk(struct fdx_machine *m, struct fdx_state *st)
{
    fdx_state_begin(st, "MACH", 1);
    fdx_state_bool(st, "exited", &m->exited);
    fdx_state_i32(st, "exit_code", &m->exit_code);
    fdx_state_u64(st, "frame", &m->frame.number);
    fdx_state_end(st);
    fdx_sched_state(&m->sched, st);
    if (m->desc->state) m->desc->state(m, st);
}

static void drop(struct fdx_rewind *rw, size_t i)
{
    rw->bytes -= rw->snaps[i].size;
    free(rw->snaps[i].data);
    memmove(&rw->snaps[i], &rw->snaps[i + 1], (rw->nsnaps - i - 1) * sizeof rw->snaps[0]);
    rw->nsnaps--;
}

/* Snapshot of the current state, replacing any at the same instruction. */
static int snapshot(struct fdx_rewind *rw, struct fdx_err *err)
{
    struct fdx_machine *m = rw->m;
    struct fdx_state st;
    fdx_state_open(&st, FDX_STATE_MEASURE, NULL, 0);
    walk(m, &st);
    size_t size = st.pos;
    uint8_t *data = malloc(size ? size : 1);
    if (!data) return fdx_err_set(err, "out of memory for a rewind snapshot");
    fdx_state_open(&st, FDX_STATE_SAVE, data, size);
    walk(m, &st);
    if (st.failed) {
        free(data);
        return fdx_err_set(err, "snapshot failed: %s", st.error);
    }
    uint64_t instr = m->cpu->instructions;
    while (rw->nsnaps && rw->snaps[rw->nsnaps - 1].instr >= instr) drop(rw, rw->nsnaps - 1);
    /* keep within budget: the oldest go first, but never the newest */
    while (rw->nsnaps > 1 && rw->bytes + size > rw->max_bytes) drop(rw, 0);
    if (rw->nsnaps == rw->cap) {
        size_t cap = rw->cap ? rw->cap * 2 : 64;
        struct fdx_rewind_snap *v = realloc(rw->snaps, cap * sizeof *v);
        if (!v) {
            free(data);
            return fdx_err_set(err, "out of memory for a rewind snapshot");
        }
        rw->snaps = v;
        rw->cap = cap;
    }
    rw->snaps[rw->nsnaps++] = (struct fdx_rewind_snap){.instr = instr, .cycles = m->cpu->cycles, .data = data, .size = size};
    rw->bytes += size;
    rw->last_cycles = m->cpu->cycles;
    return 0;
}

/* ---- the console during re-execution ---------------------------------- */

static long host_write(void *ctx, int stream, const void *buf, size_t size)
{
    struct fdx_rewind *rw = ctx;
    if (rw->replaying || !rw->host.write) return (long)size;   /* shown the first time */
    return rw->host.write(rw->host.ctx, stream, buf, size);
}

static long host_read(void *ctx, int stream, void *buf, size_t size)
{
    struct fdx_rewind *rw = ctx;
    uint64_t now = rw->m->cpu->instructions;
    if (rw->replaying) {
        /* the same reads in the same order as the first time */
        while (rw->rnext < rw->nreads && rw->reads[rw->rnext].instr < now) rw->rnext++;
        if (rw->rnext == rw->nreads) return 0;
        const struct fdx_rewind_read *r = &rw->reads[rw->rnext++];
        size_t n = r->size < size ? r->size : size;
        memcpy(buf, rw->pool + r->off, n);
        return r->result < 0 ? r->result : (long)n;
    }
    if (!rw->host.read) return 0;
    long got = rw->host.read(rw->host.ctx, stream, buf, size);
    /* record it (reads from a later future were dropped at the fork) */
    size_t n = got > 0 ? (size_t)got : 0;
    if (rw->nreads == rw->rcap) {
        size_t cap = rw->rcap ? rw->rcap * 2 : 64;
        struct fdx_rewind_read *v = realloc(rw->reads, cap * sizeof *v);
        if (!v) return got;
        rw->reads = v;
        rw->rcap = cap;
    }
    if (rw->pool_len + n > rw->pool_cap) {
        size_t cap = rw->pool_cap ? rw->pool_cap * 2 : 4096;
        while (cap < rw->pool_len + n) cap *= 2;
        uint8_t *v = realloc(rw->pool, cap);
        if (!v) return got;
        rw->pool = v;
        rw->pool_cap = cap;
    }
    memcpy(rw->pool + rw->pool_len, buf, n);
    rw->reads[rw->nreads++] = (struct fdx_rewind_read){.instr = now, .off = rw->pool_len, .size = n, .result = got};
    rw->pool_len += n;
    return got;
}

bool fdx_rewind_replaying(struct fdx_rewind *rw, bool on)
{
    bool was = rw->replaying;
    rw->replaying = on;
    rw->rnext = 0;
    return was;
}

int fdx_rewind_init(struct fdx_rewind *rw, struct fdx_machine *m, uint64_t interval, size_t max_bytes,
                    struct fdx_err *err)
{
    memset(rw, 0, sizeof *rw);
    rw->m = m;
    rw->host = m->host;
    m->host = (struct fdx_host){.ctx = rw, .write = host_write, .read = host_read};
    rw->interval = interval ? interval : 200000;
    rw->max_bytes = max_bytes ? max_bytes : (size_t)256 << 20;
    if (!m->cpu) return fdx_err_set(err, "%s has no CPU to rewind", m->desc->name);
    return snapshot(rw, err);
}

void fdx_rewind_free(struct fdx_rewind *rw)
{
    for (size_t i = 0; i < rw->nsnaps; i++) free(rw->snaps[i].data);
    free(rw->snaps);
    free(rw->inputs);
    free(rw->cuts);
    free(rw->reads);
    free(rw->pool);
    if (rw->m && rw->m->host.ctx == rw) rw->m->host = rw->host;
    memset(rw, 0, sizeof *rw);
}

int fdx_rewind_tick(struct fdx_rewind *rw, struct fdx_err *err)
{
    if (rw->m->cpu->cycles - rw->last_cycles < rw->interval) return 0;
    return snapshot(rw, err);
}

/* Forgets everything after instruction `instr` (a new future begins). */
static void truncate_after(struct fdx_rewind *rw, uint64_t instr)
{
    while (rw->nsnaps > 1 && rw->snaps[rw->nsnaps - 1].instr > instr) drop(rw, rw->nsnaps - 1);
    while (rw->ninputs && rw->inputs[rw->ninputs - 1].instr > instr) rw->ninputs--;
    while (rw->ncuts && rw->cuts[rw->ncuts - 1].instr > instr) rw->ncuts--;
    /* a read during instruction `instr` has not happened yet */
    while (rw->nreads && rw->reads[rw->nreads - 1].instr >= instr) rw->pool_len = rw->reads[--rw->nreads].off;
}

static int add_cut(struct fdx_rewind *rw, bool hook, bool frame, bool overwrite)
{
    struct fdx_machine *m = rw->m;
    uint64_t instr = m->cpu->instructions;
    truncate_after(rw, instr);
    if (rw->ncuts && rw->cuts[rw->ncuts - 1].instr == instr) {
        if (!overwrite) return 0;   /* begin_run: how we got here is already known */
        rw->ncuts--;                /* the latest way wins */
    }
    if (rw->ncuts == rw->ccap) {
        size_t cap = rw->ccap ? rw->ccap * 2 : 256;
        struct fdx_rewind_cut *v = realloc(rw->cuts, cap * sizeof *v);
        if (!v) return -1;
        rw->cuts = v;
        rw->ccap = cap;
    }
    rw->cuts[rw->ncuts++] = (struct fdx_rewind_cut){.instr = instr, .now = m->sched.now, .hook = hook, .frame = frame};
    rw->pos_hook = hook;
    return 0;
}

void fdx_rewind_begin_run(struct fdx_rewind *rw)
{
    /* the state here was reached by a cut of kind pos_hook; if we came back
     * in time, everything later is another future */
    add_cut(rw, rw->pos_hook, false, false);
}

int fdx_rewind_end_run(struct fdx_rewind *rw, bool hook, struct fdx_err *err)
{
    if (add_cut(rw, hook, false, true)) return fdx_err_set(err, "out of memory");
    return fdx_rewind_tick(rw, err);
}

int fdx_rewind_end_frame(struct fdx_rewind *rw, bool hook, struct fdx_err *err)
{
    if (add_cut(rw, hook, !hook, true)) return fdx_err_set(err, "out of memory");
    return fdx_rewind_tick(rw, err);
}

int fdx_rewind_changed(struct fdx_rewind *rw, struct fdx_err *err)
{
    truncate_after(rw, rw->m->cpu->instructions);
    return snapshot(rw, err);
}

int fdx_rewind_reset(struct fdx_rewind *rw, struct fdx_err *err)
{
    while (rw->nsnaps) drop(rw, rw->nsnaps - 1);
    rw->ninputs = 0;
    rw->nreads = rw->pool_len = 0;
    rw->ncuts = 0;
    return snapshot(rw, err);
}

int fdx_rewind_input(struct fdx_rewind *rw, const struct fdx_input_event *ev, struct fdx_err *err)
{
    uint64_t now = rw->m->cpu->instructions;
    truncate_after(rw, now);
    if (rw->ninputs == rw->icap) {
        size_t cap = rw->icap ? rw->icap * 2 : 64;
        struct fdx_rewind_input *v = realloc(rw->inputs, cap * sizeof *v);
        if (!v) return fdx_err_set(err, "out of memory");
        rw->inputs = v;
        rw->icap = cap;
    }
    rw->inputs[rw->ninputs++] = (struct fdx_rewind_input){.instr = now, .ev = *ev};
    fdx_machine_input(rw->m, ev);
    /* the snapshot here holds the state after the input */
    return snapshot(rw, err);
}

uint64_t fdx_rewind_oldest(const struct fdx_rewind *rw)
{
    return rw->nsnaps ? rw->snaps[0].instr : 0;
}

/* Index of the newest snapshot at or before instr, or -1. */
static long snap_before(const struct fdx_rewind *rw, uint64_t instr)
{
    long i = (long)rw->nsnaps - 1;
    while (i >= 0 && rw->snaps[i].instr > instr) i--;
    return i;
}

static int load_snap(struct fdx_rewind *rw, size_t i, struct fdx_err *err)
{
    struct fdx_machine *m = rw->m;
    struct fdx_state st;
    fdx_state_open(&st, FDX_STATE_LOAD, rw->snaps[i].data, rw->snaps[i].size);
    walk(m, &st);
    if (st.failed) return fdx_err_set(err, "snapshot refused: %s", st.error);
    m->slice_cycles = m->cpu->cycles;
    if (m->cpu->instructions != rw->snaps[i].instr)
        return fdx_err_set(err, "cannot rewind: the %s state does not keep the instruction count",
                           m->cpu->ops->name);
    return 0;
}

/* Runs forward from the state of a snapshot to `target` instructions with
 * every point ignored (replay) or noted (record), stopping where the
 * forward runs stopped and applying recorded inputs on the way. */
static int run_to(struct fdx_rewind *rw, uint64_t target, bool record, struct fdx_err *err)
{
    struct fdx_machine *m = rw->m;
    struct fdx_cpu *cpu = m->cpu;
    struct fdx_debug *d = &m->debug;
    bool saved_buslog = d->buslog_on, saved_trace = d->trace_on;
    enum fdx_debug_mode saved_mode = d->mode;
    uint64_t start = cpu->instructions;
    size_t in = 0, cut = 0;
    while (in < rw->ninputs && rw->inputs[in].instr <= start) in++;
    while (cut < rw->ncuts && rw->cuts[cut].instr <= start) cut++;
    d->replay = !record;
    bool was_replaying = fdx_rewind_replaying(rw, true);
    d->record = record;
    d->rec_found = false;
    d->rec_watch_pending = false;
    d->trace_on = false;
    d->buslog_on = false;
    d->mode = FDX_DMODE_RUN;
    bool hook = true;
    int rc = 0;
    for (;;) {
        while (in < rw->ninputs && rw->inputs[in].instr == cpu->instructions) fdx_machine_input(m, &rw->inputs[in++].ev);
        if (cpu->instructions >= target) break;
        while (cut < rw->ncuts && rw->cuts[cut].instr <= cpu->instructions) cut++;
        /* the next place to stop: the target, an input, or a cut */
        uint64_t stop_at = target;
        if (in < rw->ninputs && rw->inputs[in].instr < stop_at) stop_at = rw->inputs[in].instr;
        const struct fdx_rewind_cut *c = cut < rw->ncuts && rw->cuts[cut].instr <= stop_at ? &rw->cuts[cut] : NULL;
        if (c && c->hook) stop_at = c->instr;
        /* a frame cut: the frame ends there by itself (no stop inside it) */
        d->step_target = c && c->frame ? 0 : stop_at;
        if (fdx_debug_prepare(d, cpu)) {
            rc = fdx_err_set(err, "out of memory");
            break;
        }
        enum fdx_run_result r;
        if (c && c->frame) {
            /* a frame cut: the same frame run ends at the same place */
            r = fdx_machine_run_frame(m);
        } else if (c && !c->hook) {
            /* a time cut: the same budget ends the slice at the same place */
            r = fdx_machine_run(m, c->now > m->sched.now ? c->now - m->sched.now : 0);
        } else {
            /* no time cut ahead: the forward run had none for this stretch */
            do r = fdx_machine_run(m, (uint64_t)1 << 40);
            while (r == FDX_RUN_OK && cpu->instructions < stop_at);
        }
        hook = d->hook_stopped;
        if (r != FDX_RUN_BREAK && r != FDX_RUN_OK && cpu->instructions < stop_at) {
            if (!(c && !c->hook && cpu->instructions == c->instr)) {
                rc = fdx_err_set(err, "re-execution stopped early at instruction %llu (the machine is not deterministic?)",
                                 (unsigned long long)cpu->instructions);
                break;
            }
        }
        if (cpu->instructions > stop_at || (c && !c->hook && r == FDX_RUN_OK && cpu->instructions != c->instr)) {
            rc = fdx_err_set(err, "re-execution went past instruction %llu (the machine is not deterministic?)",
                             (unsigned long long)stop_at);
            break;
        }
        if (c && !c->hook && cpu->instructions == c->instr) cut++;
    }
    rw->pos_hook = hook;
    d->step_target = 0;
    d->replay = d->record = false;
    rw->replaying = was_replaying;
    d->trace_on = saved_trace;
    d->buslog_on = saved_buslog;
    d->mode = saved_mode;
    d->skip_valid = false;
    fdx_debug_prepare(d, cpu);
    return rc;
}

int fdx_rewind_goto(struct fdx_rewind *rw, uint64_t target, struct fdx_err *err)
{
    long i = snap_before(rw, target);
    if (i < 0)
        return fdx_err_set(err, "history only reaches back to instruction %llu",
                           (unsigned long long)fdx_rewind_oldest(rw));
    if (load_snap(rw, (size_t)i, err)) return -1;
    /* a snapshot is taken at a cut: it was reached as that cut was */
    rw->pos_hook = true;
    for (size_t k = 0; k < rw->ncuts; k++)
        if (rw->cuts[k].instr == rw->snaps[i].instr) rw->pos_hook = rw->cuts[k].hook;
    return run_to(rw, target, false, err);
}

int fdx_rewind_find_hit(struct fdx_rewind *rw, uint64_t *at, struct fdx_err *err)
{
    uint64_t now = rw->m->cpu->instructions;
    long k = snap_before(rw, now ? now - 1 : 0);
    if (now == 0 || k < 0) return 0;
    for (; k >= 0; k--) {
        uint64_t end = (size_t)k + 1 < rw->nsnaps && rw->snaps[k + 1].instr < now ? rw->snaps[k + 1].instr : now;
        if (load_snap(rw, (size_t)k, err)) return -1;
        if (run_to(rw, end, true, err)) return -1;
        struct fdx_debug *d = &rw->m->debug;
        if (d->rec_found && d->rec_last < now) {
            *at = d->rec_last;
            return 1;
        }
    }
    if (fdx_rewind_goto(rw, now, err)) return -1;
    return 0;
}
