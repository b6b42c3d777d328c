#define _POSIX_C_SOURCE 200809L
/* Machine layer with a toy CPU and machine: life cycle, the run loop and
 * scheduler, options, breakpoints, save states and their refusal. */
#include "unit.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fdx/fdx.h"

/* ---- toy CPU: 0x01 INC A, 0x02 nn STA nn, 0x03 nn JMP nn, 0xFF HALT ---- */
struct toy_cpu {
    struct fdx_cpu base;
    uint8_t a;
    uint16_t pc;
    bool halted;
};

static const struct fdx_reg_desc toy_regs[] = {
    {"A", 8, FDX_REG_GENERAL, NULL},
    {"PC", 16, FDX_REG_PC, NULL},
};

static uint8_t toy_read(struct toy_cpu *c, uint16_t addr)
{
    c->base.cycles++;
    return fdx_bus_read8(c->base.bus, addr);
}

static uint64_t toy_run(struct fdx_cpu *cpu, uint64_t budget)
{
    struct toy_cpu *c = (struct toy_cpu *)cpu;
    uint64_t start = cpu->cycles;
    while (cpu->cycles - start < budget && !cpu->stop) {
        if (c->halted) {
            cpu->stop = FDX_STOP_HALTED;
            break;
        }
        if (cpu->attention && fdx_cpu_hook(cpu, c->pc)) break;
        uint8_t op = toy_read(c, c->pc++);
        switch (op) {
        case 0x01: c->a++; break;
        case 0x02: {
            uint8_t addr = toy_read(c, c->pc++);
            cpu->cycles++;
            fdx_bus_write8(cpu->bus, 0x100 + addr, c->a);
            break;
        }
        case 0x03: c->pc = toy_read(c, c->pc); break;
        case 0xFF: c->halted = true; break;
        default: break;
        }
        cpu->instructions++;
    }
    return cpu->cycles - start;
}

static uint64_t toy_get(const struct fdx_cpu *cpu, unsigned i)
{
    const struct toy_cpu *c = (const struct toy_cpu *)cpu;
    return i == 0 ? c->a : c->pc;
}

static void toy_state(struct fdx_cpu *cpu, struct fdx_state *st)
{
    struct toy_cpu *c = (struct toy_cpu *)cpu;
    fdx_state_begin(st, "TOYC", 1);
    fdx_state_u64(st, "cycles", &cpu->cycles);
    fdx_state_u64(st, "instructions", &cpu->instructions);
    fdx_state_u8(st, "a", &c->a);
    fdx_state_u16(st, "pc", &c->pc);
    fdx_state_bool(st, "halted", &c->halted);
    fdx_state_check(st, c->pc < 0x100, "pc inside RAM");
    fdx_state_end(st);
}

static const struct fdx_cpu_ops toy_ops = {
    .name = "toy", .family = "toy", .state_size = sizeof(struct toy_cpu), .regs = toy_regs, .nregs = 2,
    .run = toy_run, .get_reg = toy_get, .state = toy_state,
};

/* ---- toy machine ---- */
struct toy_machine {
    struct fdx_bus bus;
    struct toy_cpu cpu;
    uint8_t ram[256];
    uint8_t io_last;
    uint64_t io_time;
    uint32_t ticks_seen;
    struct fdx_io io;
    struct fdx_machine *m;
};

static uint32_t io_read(void *ctx, uint32_t addr, unsigned size)
{
    (void)ctx;
    (void)size;
    return addr & 0xFF;
}
static void io_write(void *ctx, uint32_t addr, uint32_t v, unsigned size)
{
    struct toy_machine *t = ctx;
    (void)addr;
    (void)size;
    t->io_last = (uint8_t)v;
    t->io_time = fdx_machine_now(t->m);
}
static void on_tick(void *ctx, uint64_t due)
{
    struct toy_machine *t = ctx;
    t->ticks_seen++;
    fdx_sched_arm(&t->m->sched, 0, due + 100);
}

static int toy_create(struct fdx_machine *m, struct fdx_err *err)
{
    struct toy_machine *t = m->impl;
    t->m = m;
    uint64_t fill;
    if (fdx_machine_opt_u64(m, "fill", &fill, err)) return -1;
    if (fdx_bus_init(&t->bus, 16, 8, FDX_LITTLE_ENDIAN)) return fdx_err_set(err, "bus");
    t->io = (struct fdx_io){.read = io_read, .write = io_write, .ctx = t};
    struct fdx_map_entry map[] = {
        {.base = 0, .size = 0x100, .kind = FDX_MAP_RAM, .mem = t->ram, .mem_size = 256},
        {.base = 0x100, .size = 0x100, .kind = FDX_MAP_IO, .io = &t->io},
    };
    if (fdx_bus_map(&t->bus, map, 2)) return fdx_err_set(err, "map");
    memset(t->ram, (int)fill, sizeof t->ram);
    /* program: INC A; STA $10; JMP 0 */
    const uint8_t prog[] = {0x01, 0x02, 0x10, 0x03, 0x00};
    memcpy(t->ram, prog, sizeof prog);
    t->cpu.base.ops = &toy_ops;
    t->cpu.base.bus = &t->bus;
    m->cpu = &t->cpu.base;
    int id = fdx_sched_add(&m->sched, "tick", on_tick, t);
    fdx_sched_arm(&m->sched, id, 100);
    return 0;
}
static void toy_destroy(struct fdx_machine *m)
{
    struct toy_machine *t = m->impl;
    if (t) fdx_bus_free(&t->bus);
}
static enum fdx_run_result toy_run_m(struct fdx_machine *m, uint64_t until)
{
    return fdx_machine_run_cpu(m, m->cpu, until);
}
static void toy_mstate(struct fdx_machine *m, struct fdx_state *st)
{
    struct toy_machine *t = m->impl;
    fdx_state_begin(st, "TOYM", 1);
    fdx_state_bytes(st, "ram", t->ram, sizeof t->ram);
    fdx_state_u8(st, "io_last", &t->io_last);
    fdx_state_u64(st, "io_time", &t->io_time);
    fdx_state_u32(st, "ticks_seen", &t->ticks_seen);
    fdx_state_end(st);
    t->cpu.base.ops->state(&t->cpu.base, st);
}

static const struct fdx_option_desc toy_options[] = {
    {.name = "fill", .type = FDX_OPT_INT, .def = "0", .help = "RAM fill byte"},
    {.name = "fast", .type = FDX_OPT_BOOL, .help = "a flag"},
    {.name = "tv", .type = FDX_OPT_CHOICE, .choices = "ntsc|pal"},
    {0},
};

static const struct fdx_machine_desc toy_desc = {
    .name = "toy", .title = "toy machine", .cpu_model = "toy", .master_hz = 1000, .cpu_divider = 2,
    .options = toy_options, .impl_size = sizeof(struct toy_machine), .create = toy_create,
    .destroy = toy_destroy, .run = toy_run_m, .state = toy_mstate,
};

static struct fdx_machine *make(void)
{
    struct fdx_err err;
    struct fdx_machine *m = fdx_machine_create(&toy_desc, NULL, NULL, &err);
    ck_assert_msg(m != NULL, "%s", err.msg);
    return m;
}

static uint8_t *save(struct fdx_machine *m, size_t *n)
{
    struct fdx_err err;
    *n = fdx_machine_state_size(m);
    uint8_t *buf = malloc(*n);
    ck_assert_int_eq(fdx_machine_save(m, buf, *n, &err), 0);
    return buf;
}

START_TEST(test_run_loop_and_events)
{
    struct fdx_machine *m = make();
    struct toy_machine *t = m->impl;
    ck_assert_int_eq(fdx_machine_run(m, 1000), FDX_RUN_OK);
    /* the last instruction finishes past the deadline (at most 3 cycles) */
    ck_assert_uint_ge(m->sched.now, 1000);
    ck_assert_uint_lt(m->sched.now, 1006);
    ck_assert_uint_eq(m->cpu->cycles * 2, m->sched.now);
    ck_assert_uint_eq(t->ticks_seen, 10);
    /* the loop INC/STA/JMP takes 1+3+2 = 6 cycles; the last store's time is
     * the master clock at that store */
    ck_assert_uint_ne(t->io_last, 0);
    ck_assert_uint_eq(t->io_time % 2, 0);
    ck_assert_uint_le(t->io_time, m->sched.now);
    fdx_machine_destroy(m);
    /* lazy catch-up sees the exact time mid-slice: INC (cycle 1), then STA
     * reads twice and writes on its third cycle, cycle 4 = tick 8 */
    m = make();
    t = m->impl;
    fdx_machine_run(m, 8);
    ck_assert_uint_eq(t->io_time, 8);
    ck_assert_uint_eq(t->io_last, 1);
    fdx_machine_destroy(m);
}
END_TEST

START_TEST(test_two_machines_are_independent)
{
    struct fdx_machine *a = make(), *b = make();
    fdx_machine_run(a, 600);
    ck_assert_uint_eq(b->cpu->cycles, 0);
    fdx_machine_run(b, 600);
    size_t na, nb;
    uint8_t *sa = save(a, &na), *sb = save(b, &nb);
    ck_assert_uint_eq(na, nb);
    ck_assert_mem_eq(sa, sb, na);   /* deterministic: same run, same bytes */
    free(sa);
    free(sb);
    fdx_machine_destroy(a);
    fdx_machine_destroy(b);
}
END_TEST

START_TEST(test_state_round_trip)
{
    struct fdx_machine *m = make();
    struct fdx_err err;
    fdx_machine_run(m, 333);
    size_t n;
    uint8_t *s1 = save(m, &n);
    fdx_machine_run(m, 777);
    size_t n2;
    uint8_t *later = save(m, &n2);
    ck_assert_uint_eq(n, n2);   /* size fixed for a configuration */
    ck_assert_int_eq(fdx_machine_load(m, s1, n, &err), 0);
    fdx_machine_run(m, 777);
    uint8_t *again = save(m, &n2);
    ck_assert_mem_eq(later, again, n);
    free(s1);
    free(later);
    free(again);
    fdx_machine_destroy(m);
}
END_TEST

static void put32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++) p[i] = (uint8_t)(v >> (8 * i));
}

/* The value of the field called name in a state (fields are stored as a
 * name-length byte, the name, a 4-byte size and the value). */
static uint8_t *field(uint8_t *state, size_t n, const char *name)
{
    size_t len = strlen(name);
    for (size_t i = FDX_STATE_HEADER_SIZE; i + 1 + len + 4 < n; i++)
        if (state[i] == len && !memcmp(state + i + 1, name, len)) return state + i + 1 + len + 4;
    ck_abort_msg("no field %s", name);
    return NULL;
}

START_TEST(test_bad_states_are_refused_and_change_nothing)
{
    struct fdx_machine *m = make();
    struct fdx_err err;
    fdx_machine_run(m, 300);
    size_t n;
    uint8_t *good = save(m, &n);
    fdx_machine_run(m, 100);
    uint8_t *before = save(m, &n);
    uint8_t *bad = malloc(n);

    /* one flipped bit in the body */
    memcpy(bad, good, n);
    bad[n - 5] ^= 0x10;
    ck_assert_int_eq(fdx_machine_load(m, bad, n, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.msg, "damaged"));
    /* truncated */
    ck_assert_int_eq(fdx_machine_load(m, good, n - 1, &err), -1);
    /* not a state at all */
    ck_assert_int_eq(fdx_machine_load(m, "hello", 5, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.msg, "not an fdx save state"));
    /* another machine's state */
    memcpy(bad, good, n);
    memcpy(bad + 12, "other", 6);
    ck_assert_int_eq(fdx_machine_load(m, bad, n, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.msg, "'other'"));
    /* a value the CPU rejects (pc outside RAM), with a valid checksum: the
     * machine must come back exactly as it was */
    memcpy(bad, good, n);
    uint8_t *pc = NULL;
    for (size_t i = FDX_STATE_HEADER_SIZE; i + 3 < n; i++)
        if (bad[i] == 2 && bad[i + 1] == 'p' && bad[i + 2] == 'c') pc = bad + i + 3 + 4;
    ck_assert_ptr_nonnull(pc);
    pc[1] = 0x12;
    put32(bad + 52, fdx_crc32(0, bad + FDX_STATE_HEADER_SIZE, n - FDX_STATE_HEADER_SIZE));
    ck_assert_int_eq(fdx_machine_load(m, bad, n, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.msg, "pc inside RAM"));

    /* clocks out of step (checksums valid): the master clock far from the
     * CPU's, an event due long ago; either would make the next run fire
     * events by the million */
    memcpy(bad, good, n);
    field(bad, n, "now")[5] = 1;
    put32(bad + 52, fdx_crc32(0, bad + FDX_STATE_HEADER_SIZE, n - FDX_STATE_HEADER_SIZE));
    ck_assert_int_eq(fdx_machine_load(m, bad, n, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.msg, "CPU's clock does not match"));
    memcpy(bad, good, n);
    memset(field(bad, n, "tick"), 0, 8);
    put32(bad + 52, fdx_crc32(0, bad + FDX_STATE_HEADER_SIZE, n - FDX_STATE_HEADER_SIZE));
    ck_assert_int_eq(fdx_machine_load(m, bad, n, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.msg, "event 'tick' is due in the past"));

    size_t n3;
    uint8_t *after = save(m, &n3);
    ck_assert_mem_eq(before, after, n);
    free(after);
    free(good);
    free(before);
    free(bad);
    fdx_machine_destroy(m);
}
END_TEST

START_TEST(test_state_file_round_trip)
{
    struct fdx_machine *m = make();
    struct fdx_err err;
    char path[] = "/tmp/fdx-test-state-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    fdx_machine_run(m, 250);
    ck_assert_int_eq(fdx_machine_save_file(m, path, &err), 0);
    uint64_t cycles = m->cpu->cycles;
    fdx_machine_run(m, 250);
    ck_assert_int_eq(fdx_machine_load_file(m, path, &err), 0);
    ck_assert_uint_eq(m->cpu->cycles, cycles);
    ck_assert_int_eq(fdx_machine_load_file(m, "/nonexistent/state", &err), -1);
    remove(path);
    fdx_machine_destroy(m);
}
END_TEST

START_TEST(test_options)
{
    struct fdx_err err;
    struct fdx_options o;
    fdx_options_init(&o);
    fdx_options_add(&o, "fill", "0x55");
    fdx_options_add(&o, "fast", "on");
    fdx_options_add(&o, "tv", "PAL");
    struct fdx_machine *m = fdx_machine_create(&toy_desc, &o, NULL, &err);
    ck_assert_msg(m != NULL, "%s", err.msg);
    ck_assert_uint_eq(((struct toy_machine *)m->impl)->ram[0x80], 0x55);
    bool fast;
    ck_assert_int_eq(fdx_machine_opt_bool(m, "fast", &fast, &err), 0);
    ck_assert(fast);
    fdx_machine_destroy(m);

    const char *bad[][2] = {{"nosuch", "1"}, {"fill", "lots"}, {"fast", "maybe"}, {"tv", "secam"}};
    for (unsigned i = 0; i < 4; i++) {
        fdx_options_init(&o);
        fdx_options_add(&o, bad[i][0], bad[i][1]);
        ck_assert_ptr_null(fdx_machine_create(&toy_desc, &o, NULL, &err));
        ck_assert_uint_gt(strlen(err.msg), 0);
    }
    fdx_options_init(&o);
    fdx_options_add(&o, "fill", "1");
    fdx_options_add(&o, "fill", "2");
    ck_assert_ptr_null(fdx_machine_create(&toy_desc, &o, NULL, &err));
    ck_assert_ptr_nonnull(strstr(err.msg, "more than once"));
}
END_TEST

START_TEST(test_breakpoints_and_steps)
{
    struct fdx_machine *m = make();
    struct toy_cpu *c = (struct toy_cpu *)m->cpu;
    ck_assert_uint_eq(m->cpu->attention, 0);   /* nothing active: no hook */
    ck_assert_int_ge(fdx_debug_add_breakpoint(&m->debug, m->cpu, 3), 0);
    ck_assert_uint_ne(m->cpu->attention, 0);
    ck_assert_int_eq(fdx_machine_run(m, 1000), FDX_RUN_BREAK);
    ck_assert_uint_eq(c->pc, 3);
    ck_assert_uint_eq(m->cpu->instructions, 2);
    /* resuming runs over the breakpoint and stops on its next visit */
    ck_assert_int_eq(fdx_machine_run(m, 1000), FDX_RUN_BREAK);
    ck_assert_uint_eq(c->pc, 3);
    ck_assert_uint_eq(m->cpu->instructions, 5);
    ck_assert_int_eq(fdx_debug_remove_breakpoint(&m->debug, m->cpu, 3), 0);
    ck_assert_uint_eq(m->cpu->attention, 0);
    fdx_debug_set_step(&m->debug, m->cpu, 4);
    ck_assert_int_eq(fdx_machine_run(m, 1000), FDX_RUN_BREAK);
    ck_assert_uint_eq(m->cpu->instructions, 9);
    char regs[128];
    fdx_cpu_format_regs(m->cpu, regs, sizeof regs);
    ck_assert_ptr_nonnull(strstr(regs, "PC="));
    ck_assert_int_eq(fdx_cpu_reg_index(m->cpu, "pc"), 1);
    fdx_machine_destroy(m);
}
END_TEST

FDX_UNIT_MAIN("machine", test_run_loop_and_events, test_two_machines_are_independent, test_state_round_trip, test_bad_states_are_refused_and_change_nothing, test_state_file_round_trip, test_options, test_breakpoints_and_steps)
