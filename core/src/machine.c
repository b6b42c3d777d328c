/* The machine layer: life cycle, the generic run loop, save-state
 * containers, media and host services. */
#include "fdx/machine.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int fdx_options_validate(const struct fdx_machine_desc *d, const struct fdx_options *o, struct fdx_err *err);

/* Deep-copies options so the machine does not depend on the caller's strings. */
static int copy_options(struct fdx_machine *m, const struct fdx_options *src)
{
    size_t total = 0;
    for (unsigned i = 0; i < src->count; i++)
        total += strlen(src->key[i]) + 1 + (src->value[i] ? strlen(src->value[i]) : 0) + 1;
    for (unsigned i = 0; i < src->argc; i++) total += strlen(src->argv[i]) + 1;
    if (src->rom_path) total += strlen(src->rom_path) + 1;
    m->opt_store = malloc(total + 1);
    if (!m->opt_store) return -1;
    char *p = m->opt_store;
#define COPY(dst, s)                                                                                       \
    do {                                                                                                   \
        size_t n_ = strlen(s) + 1;                                                                         \
        memcpy(p, s, n_);                                                                                  \
        dst = p;                                                                                           \
        p += n_;                                                                                           \
    } while (0)
    fdx_options_init(&m->opts);
    m->opts.count = src->count;
    for (unsigned i = 0; i < src->count; i++) {
        COPY(m->opts.key[i], src->key[i]);
        COPY(m->opts.value[i], src->value[i] ? src->value[i] : "");
    }
    m->opts.argc = src->argc;
    for (unsigned i = 0; i < src->argc; i++) COPY(m->opts.argv[i], src->argv[i]);
    if (src->rom_path) COPY(m->opts.rom_path, src->rom_path);
#undef COPY
    return 0;
}

struct fdx_machine *fdx_machine_create(const struct fdx_machine_desc *desc, const struct fdx_options *opts,
                                       const struct fdx_host *host, struct fdx_err *err)
{
    struct fdx_options none;
    if (!opts) {
        fdx_options_init(&none);
        opts = &none;
    }
    if (fdx_options_validate(desc, opts, err)) return NULL;
    struct fdx_machine *m = calloc(1, sizeof *m);
    if (!m) {
        fdx_err_set(err, "out of memory");
        return NULL;
    }
    m->desc = desc;
    if (copy_options(m, opts)) {
        free(m);
        fdx_err_set(err, "out of memory");
        return NULL;
    }
    if (host) m->host = *host;
    fdx_sched_init(&m->sched);
    fdx_debug_init(&m->debug);
    fdx_rom_path_init(&m->rom_path, m->opts.rom_path);
    fdx_audio_init(&m->audio, 48000, 48000);
    m->frame.par_num = m->frame.par_den = 1;
    if (desc->impl_size) {
        m->impl = calloc(1, desc->impl_size);
        if (!m->impl) {
            fdx_machine_destroy(m);
            fdx_err_set(err, "out of memory");
            return NULL;
        }
    }
    if (desc->create(m, err) != 0) {
        fdx_machine_destroy(m);
        return NULL;
    }
    if (m->cpu) fdx_debug_attach(&m->debug, m->cpu);
    return m;
}

void fdx_machine_destroy(struct fdx_machine *m)
{
    if (!m) return;
    if (m->desc->destroy) m->desc->destroy(m);
    free(m->impl);
    free(m->opt_store);
    free(m->load_backup);
    free(m);
}

void fdx_machine_reset(struct fdx_machine *m, bool hard)
{
    m->exited = false;
    if (m->desc->reset) m->desc->reset(m, hard);
}

enum fdx_run_result fdx_machine_run(struct fdx_machine *m, uint64_t ticks)
{
    if (m->exited) return FDX_RUN_EXIT;
    uint64_t until = m->sched.now + ticks < m->sched.now ? FDX_NEVER : m->sched.now + ticks;
    return m->desc->run(m, until);
}

enum fdx_run_result fdx_machine_run_frame(struct fdx_machine *m)
{
    if (m->exited) return FDX_RUN_EXIT;
    if (m->desc->run_frame) return m->desc->run_frame(m);
    /* no video: a 60th of a second */
    return fdx_machine_run(m, m->desc->master_hz / 60);
}

const struct fdx_frame *fdx_machine_frame(const struct fdx_machine *m)
{
    return &m->frame;
}

void fdx_machine_set_audio_rate(struct fdx_machine *m, uint32_t hz)
{
    fdx_audio_set_out_rate(&m->audio, hz);
}

size_t fdx_machine_audio(struct fdx_machine *m, int16_t *out, size_t frames)
{
    return fdx_audio_pop(&m->audio, out, frames);
}

void fdx_machine_input(struct fdx_machine *m, const struct fdx_input_event *ev)
{
    if (m->desc->input) m->desc->input(m, ev);
}

int fdx_machine_insert_data(struct fdx_machine *m, const char *slot, const uint8_t *data, size_t size,
                            const char *name, struct fdx_err *err)
{
    if (!m->desc->insert) return fdx_err_set(err, "%s has no media slots", m->desc->name);
    return m->desc->insert(m, slot, data, size, name, err);
}

int fdx_machine_insert(struct fdx_machine *m, const char *slot, const char *path, struct fdx_err *err)
{
    uint8_t *data;
    size_t size;
    if (fdx_file_read(path, FDX_MEDIA_MAX_SIZE, &data, &size, err)) return -1;
    int r = fdx_machine_insert_data(m, slot, data, size, path, err);
    free(data);
    return r;
}

bool fdx_machine_exited(const struct fdx_machine *m, int *code)
{
    if (m->exited && code) *code = m->exit_code;
    return m->exited;
}

void fdx_machine_request_exit(struct fdx_machine *m, int code)
{
    m->exited = true;
    m->exit_code = code;
    if (m->cpu) m->cpu->stop = FDX_STOP_EXIT;
}

long fdx_machine_host_write(struct fdx_machine *m, int stream, const void *buf, size_t size)
{
    if (!m->host.write) return (long)size;   /* no console: output is discarded */
    return m->host.write(m->host.ctx, stream, buf, size);
}

long fdx_machine_host_read(struct fdx_machine *m, int stream, void *buf, size_t size)
{
    if (!m->host.read) return 0;
    return m->host.read(m->host.ctx, stream, buf, size);
}

uint64_t fdx_machine_now(const struct fdx_machine *m)
{
    if (!m->cpu) return m->sched.now;
    return m->sched.now + (m->cpu->cycles - m->slice_cycles) * m->desc->cpu_divider;
}

enum fdx_run_result fdx_machine_run_cpu(struct fdx_machine *m, struct fdx_cpu *cpu, uint64_t until)
{
    uint32_t div = m->desc->cpu_divider ? m->desc->cpu_divider : 1;
    cpu->stop = FDX_STOP_NONE;
    while (m->sched.now < until) {
        uint64_t deadline = fdx_sched_deadline(&m->sched);
        if (deadline > until) deadline = until;
        uint64_t cycles = deadline > m->sched.now ? (deadline - m->sched.now + div - 1) / div : 1;
        m->slice_cycles = cpu->cycles;
        uint64_t ran = cpu->ops->run(cpu, cycles);
        m->sched.now += ran * div;
        m->slice_cycles = cpu->cycles;
        fdx_sched_fire_due(&m->sched);
        if (cpu->stop) {
            int why = cpu->stop;
            cpu->stop = FDX_STOP_NONE;
            if (why == FDX_STOP_EXIT || m->exited) return FDX_RUN_EXIT;
            if (why == FDX_STOP_HALTED) return FDX_RUN_HALTED;
            return FDX_RUN_BREAK;
        }
        if (m->exited) return FDX_RUN_EXIT;
        if (ran == 0) return FDX_RUN_HALTED;
    }
    return FDX_RUN_OK;
}

int fdx_machine_load_rom(struct fdx_machine *m, const char *slot, uint8_t **data, size_t *size,
                         struct fdx_err *err)
{
    for (const struct fdx_rom_desc *r = m->desc->roms; r && r->slot; r++) {
        if (strcmp(r->slot, slot) != 0) continue;
        if (fdx_rom_find(&m->rom_path, r, data, size, NULL, 0) == 0) return 0;
        char where[600] = "";
        size_t pos = 0;
        for (unsigned i = 0; i < m->rom_path.count && pos < sizeof where; i++) {
            int n = snprintf(where + pos, sizeof where - pos, "%s%s", i ? ", " : "", m->rom_path.dirs[i]);
            if (n < 0) break;
            pos += (size_t)n;
        }
        return fdx_err_set(err, "%s needs %s (%s, %u bytes, CRC32 %08x); looked in: %s", m->desc->name, r->name,
                           r->filename ? r->filename : "any name", (unsigned)r->size, (unsigned)r->crc32,
                           m->rom_path.count ? where : "(no ROM directories)");
    }
    return fdx_err_set(err, "%s has no ROM slot '%s'", m->desc->name, slot);
}

/* ---- save states -------------------------------------------------------- */

static void put32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++) p[i] = (uint8_t)(v >> (8 * i));
}
static uint32_t get32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Every state a machine saves has its clocks in step: the main CPU's clock
 * times its divider is the master clock (all execution goes through
 * fdx_machine_run_cpu; only a reset sequence counts cycles outside it, so a
 * second's difference is plenty), and every armed event lies ahead of it
 * (due ones fire at the end of each slice). A state that breaks either
 * would have the next run fire events by the billion (fuzz: a hang), so it
 * is refused. */
static void check_clocks(struct fdx_machine *m, struct fdx_state *st)
{
    const struct fdx_sched *s = &m->sched;
    if (m->cpu) {
        uint32_t div = m->desc->cpu_divider ? m->desc->cpu_divider : 1;
        uint64_t cpu = m->cpu->cycles > UINT64_MAX / div ? UINT64_MAX : m->cpu->cycles * div;
        if ((cpu > s->now ? cpu - s->now : s->now - cpu) > m->desc->master_hz)
            fdx_state_fail(st, "the CPU's clock does not match the machine's");
    }
    for (unsigned i = 0; i < s->count; i++)
        if (s->events[i].when <= s->now)
            fdx_state_fail(st, "event '%s' is due in the past", s->events[i].name ? s->events[i].name : "?");
}

/* The machine's whole state: machine-level fields, the scheduler, then the
 * machine's own chunks (which include its CPU). */
static void walk(struct fdx_machine *m, struct fdx_state *st)
{
    fdx_state_begin(st, "MACH", 1);
    fdx_state_bool(st, "exited", &m->exited);
    fdx_state_i32(st, "exit_code", &m->exit_code);
    fdx_state_u64(st, "frame", &m->frame.number);
    fdx_state_end(st);
    fdx_sched_state(&m->sched, st);
    if (m->desc->state) m->desc->state(m, st);
    if (st->mode == FDX_STATE_LOAD) check_clocks(m, st);
}

static uint32_t config_id(struct fdx_machine *m)
{
    return m->desc->config_id ? m->desc->config_id(m) : 0;
}

size_t fdx_machine_state_size(struct fdx_machine *m)
{
    struct fdx_state st;
    fdx_state_open(&st, FDX_STATE_MEASURE, NULL, 0);
    walk(m, &st);
    return FDX_STATE_HEADER_SIZE + st.pos;
}

int fdx_machine_save(struct fdx_machine *m, void *buf, size_t size, struct fdx_err *err)
{
    size_t need = fdx_machine_state_size(m);
    if (size < need) return fdx_err_set(err, "state buffer too small (%zu bytes, need %zu)", size, need);
    uint8_t *p = buf;
    memset(p, 0, FDX_STATE_HEADER_SIZE);
    memcpy(p, "FDXSTATE", 8);
    put32(p + 8, FDX_STATE_FORMAT);
    strncpy((char *)p + 12, m->desc->name, 31);
    put32(p + 44, config_id(m));
    struct fdx_state st;
    fdx_state_open(&st, FDX_STATE_SAVE, p + FDX_STATE_HEADER_SIZE, need - FDX_STATE_HEADER_SIZE);
    walk(m, &st);
    if (st.failed) return fdx_err_set(err, "saving state failed: %s", st.error);
    put32(p + 48, (uint32_t)st.pos);
    put32(p + 52, fdx_crc32(0, p + FDX_STATE_HEADER_SIZE, st.pos));
    return 0;
}

static int check_header(struct fdx_machine *m, const uint8_t *p, size_t size, struct fdx_err *err)
{
    if (size < FDX_STATE_HEADER_SIZE || memcmp(p, "FDXSTATE", 8) != 0)
        return fdx_err_set(err, "not an fdx save state");
    if (get32(p + 8) != FDX_STATE_FORMAT)
        return fdx_err_set(err, "save state format %u is not supported (this build reads %u)",
                           (unsigned)get32(p + 8), FDX_STATE_FORMAT);
    char name[33] = {0};
    memcpy(name, p + 12, 32);
    /* every header byte is checked: the name is NUL-padded to 32 bytes */
    size_t nlen = strlen(name);
    for (size_t i = nlen; i < 32; i++)
        if (p[12 + i]) return fdx_err_set(err, "save state header is damaged (machine name)");
    if (strcmp(name, m->desc->name) != 0)
        return fdx_err_set(err, "save state is for machine '%s', not '%s'", name, m->desc->name);
    if (get32(p + 44) != config_id(m))
        return fdx_err_set(err, "save state is for a different configuration of %s", m->desc->name);
    uint32_t len = get32(p + 48);
    if (len != size - FDX_STATE_HEADER_SIZE)
        return fdx_err_set(err, "save state is truncated or has trailing data");
    if (get32(p + 52) != fdx_crc32(0, p + FDX_STATE_HEADER_SIZE, len))
        return fdx_err_set(err, "save state is damaged (checksum mismatch)");
    return 0;
}

int fdx_machine_load(struct fdx_machine *m, const void *buf, size_t size, struct fdx_err *err)
{
    const uint8_t *p = buf;
    if (check_header(m, p, size, err)) return -1;
    struct fdx_state st;
    /* the walker takes a non-const buffer, but VERIFY and LOAD only read it */
    uint8_t *body = (uint8_t *)(uintptr_t)(p + FDX_STATE_HEADER_SIZE);
    size_t body_size = size - FDX_STATE_HEADER_SIZE;
    fdx_state_open(&st, FDX_STATE_VERIFY, body, body_size);
    walk(m, &st);
    if (!st.failed && st.pos != body_size) fdx_state_fail(&st, "save state has data this build does not expect");
    if (st.failed) return fdx_err_set(err, "save state refused: %s", st.error);

    /* Keep the current state so that a value a module rejects while loading
     * cannot leave the machine half-loaded (the body alone: it never leaves
     * memory, so it needs no header or checksum). */
    struct fdx_state keep;
    fdx_state_open(&keep, FDX_STATE_MEASURE, NULL, 0);
    walk(m, &keep);
    size_t keep_size = keep.pos;
    if (keep_size > m->load_backup_size || !m->load_backup) {
        uint8_t *grown = realloc(m->load_backup, keep_size ? keep_size : 1);
        if (!grown) return fdx_err_set(err, "out of memory");
        m->load_backup = grown;
        m->load_backup_size = keep_size;
    }
    uint8_t *backup = m->load_backup;
    fdx_state_open(&keep, FDX_STATE_SAVE, backup, keep_size);
    walk(m, &keep);
    if (keep.failed) return fdx_err_set(err, "saving state failed: %s", keep.error);
    fdx_state_open(&st, FDX_STATE_LOAD, body, body_size);
    walk(m, &st);
    if (st.failed) {
        struct fdx_state undo;
        fdx_state_open(&undo, FDX_STATE_LOAD, backup, keep_size);
        walk(m, &undo);
        return fdx_err_set(err, "save state refused: %s", st.error);
    }
    if (m->cpu) m->slice_cycles = m->cpu->cycles;
    return 0;
}

int fdx_machine_save_file(struct fdx_machine *m, const char *path, struct fdx_err *err)
{
    size_t n = fdx_machine_state_size(m);
    uint8_t *buf = malloc(n);
    if (!buf) return fdx_err_set(err, "out of memory");
    int r = fdx_machine_save(m, buf, n, err);
    if (r == 0) r = fdx_file_write_atomic(path, buf, n, err);
    free(buf);
    return r;
}

int fdx_machine_load_file(struct fdx_machine *m, const char *path, struct fdx_err *err)
{
    uint8_t *buf;
    size_t n;
    size_t limit = fdx_machine_state_size(m);
    if (fdx_file_read(path, limit, &buf, &n, err)) return -1;
    int r = fdx_machine_load(m, buf, n, err);
    if (r) {
        char msg[sizeof err->msg];
        snprintf(msg, sizeof msg, "%s", err ? err->msg : "");
        fdx_err_set(err, "%s: %s", path, msg);
    }
    free(buf);
    return r;
}
