/* bare6502 / bare65c02: a 6502 (or 65C02) with 64 KiB of RAM and nothing
 * else. Programs are loaded with --load FILE@ADDR; the run starts at
 * --start ADDR or at the reset vector, and ends on JAM/STP, on
 * --stop-on-loop (an instruction that jumps to itself) or at --max-cycles.
 * The teachers' way to run a program they assembled themselves. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cpus/m6502/m6502.h"
#include "fdx/machine.h"
#include "machines/bare6502/demo_prog.h"

struct bare {
    struct fdx_bus bus;
    struct fdx_m6502 cpu;
    uint8_t ram[0x10000];
};

/* FILE@ADDR: the last '@' splits, so file names may contain one. */
static int load_one(struct bare *b, const char *spec, struct fdx_err *err)
{
    const char *at = strrchr(spec, '@');
    if (!at || at == spec || !at[1])
        return fdx_err_set(err, "--load wants FILE@ADDR (e.g. prog.bin@0x0200), not '%s'", spec);
    size_t flen = (size_t)(at - spec);
    char *path = malloc(flen + 1);
    if (!path) return fdx_err_set(err, "out of memory");
    memcpy(path, spec, flen);
    path[flen] = 0;
    uint32_t addr;
    int r = -1;
    uint8_t *data = NULL;
    size_t size = 0;
    struct fdx_err ferr;
    if (fdx_parse_address(at + 1, false, &addr) || addr > 0xFFFF) {
        fdx_err_set(err, "--load %s: '%s' is not an address in $0000-$FFFF", path, at + 1);
    } else if (fdx_file_read(path, 0x10000, &data, &size, &ferr)) {
        fdx_err_set(err, "--load: %s", ferr.msg);
    } else if (size == 0) {
        fdx_err_set(err, "--load %s: the file is empty", path);
    } else if (addr + size > 0x10000) {
        fdx_err_set(err, "--load %s: %zu bytes at $%04X run past $FFFF", path, size, (unsigned)addr);
    } else {
        memcpy(b->ram + addr, data, size);
        r = 0;
    }
    free(data);
    free(path);
    return r;
}

static int create(struct fdx_machine *m, struct fdx_err *err)
{
    struct bare *b = m->impl;
    bool cmos = !strcmp(m->desc->name, "bare65c02");
    struct fdx_map_entry e = {.base = 0, .size = 0x10000, .kind = FDX_MAP_RAM, .mem = b->ram, .mem_size = 0x10000};
    if (fdx_bus_init(&b->bus, 16, 8, FDX_LITTLE_ENDIAN) || fdx_bus_map(&b->bus, &e, 1))
        return fdx_err_set(err, "out of memory");
    fdx_m6502_init(&b->cpu, cmos ? &fdx_m6502_ops_65c02 : &fdx_m6502_ops_6502, &b->bus);
    m->cpu = &b->cpu.base;

    if (m->opts.argc)
        return fdx_err_set(err, "%s takes no file arguments: load programs with --load FILE@ADDR",
                           m->desc->name);
    bool demo = false, loop = false, given = false;
    uint32_t start = 0;
    if (fdx_machine_opt_bool(m, "demo", &demo, err) || fdx_machine_opt_bool(m, "stop-on-loop", &loop, err) ||
        fdx_machine_opt_address(m, "start", &given, &start, err))
        return -1;
    if (given && start > 0xFFFF) return fdx_err_set(err, "--start $%X is past $FFFF", (unsigned)start);
    if (demo) {
        /* the built-in demo: the sieve benchmark, which ends in a loop */
        memcpy(b->ram + FDX_BARE6502_DEMO_ADDR, fdx_bare6502_demo, sizeof fdx_bare6502_demo);
        given = true;
        start = FDX_BARE6502_DEMO_ADDR;
        loop = true;
    }
    const char *spec;
    for (unsigned i = 0; (spec = fdx_machine_opt_string(m, "load", i)) != NULL; i++)
        if (load_one(b, spec, err)) return -1;
    if (!demo && !fdx_machine_opt_string(m, "load", 0))
        return fdx_err_set(err, "%s: nothing to run: give --load FILE@ADDR (or --demo)", m->desc->name);
    b->cpu.stop_on_loop = loop;
    if (given) fdx_m6502_set_pc(&b->cpu, (uint16_t)start);
    return 0;
}

static void destroy(struct fdx_machine *m)
{
    struct bare *b = m->impl;
    if (b) fdx_bus_free(&b->bus);
}

static void reset(struct fdx_machine *m, bool hard)
{
    struct bare *b = m->impl;
    (void)hard;
    b->cpu.base.ops->reset(&b->cpu.base);
}

static enum fdx_run_result run(struct fdx_machine *m, uint64_t until)
{
    return fdx_machine_run_cpu(m, m->cpu, until);
}

static void state(struct fdx_machine *m, struct fdx_state *st)
{
    struct bare *b = m->impl;
    b->cpu.base.ops->state(&b->cpu.base, st);
    fdx_state_begin(st, "BARE", 1);
    fdx_state_bytes(st, "ram", b->ram, sizeof b->ram);
    fdx_state_end(st);
}

static const struct fdx_option_desc options[] = {
    {"load", FDX_OPT_STRING, NULL, NULL, true, "FILE@ADDR: load a binary at ADDR (repeatable)"},
    {"start", FDX_OPT_ADDRESS, NULL, NULL, false, "start address (default: the reset vector at $FFFC)"},
    {"stop-on-loop", FDX_OPT_BOOL, "off", NULL, false, "stop at an instruction that jumps to itself"},
    {"demo", FDX_OPT_BOOL, "off", NULL, false, "run the built-in demo (a prime sieve)"},
    {NULL, 0, NULL, NULL, false, NULL},
};

static const struct fdx_region_desc map[] = {
    {"RAM", 0x0000, 0x10000, FDX_MAP_RAM},
    {NULL, 0, 0, 0},
};

#define BARE_DESC(sym_, name_, title_, model_)                                                             \
    const struct fdx_machine_desc sym_ = {                                                                 \
        .name = name_,                                                                                     \
        .title = title_,                                                                                   \
        .cpu_model = model_,                                                                               \
        .master_hz = 1000000,                                                                              \
        .cpu_divider = 1,                                                                                  \
        .map = map,                                                                                        \
        .options = options,                                                                                \
        .impl_size = sizeof(struct bare),                                                                  \
        .create = create,                                                                                  \
        .destroy = destroy,                                                                                \
        .reset = reset,                                                                                    \
        .run = run,                                                                                        \
        .state = state,                                                                                    \
    }

BARE_DESC(fdx_machine_bare6502, "bare6502", "NMOS 6502 with 64 KiB RAM (load, run, inspect)", "6502");
BARE_DESC(fdx_machine_bare65c02, "bare65c02", "WDC 65C02 with 64 KiB RAM (load, run, inspect)", "65C02");
