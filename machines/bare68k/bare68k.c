/* bare68k: a Motorola 68000 with flat RAM (default 16 MiB) and nothing
 * else, for running and testing 68000 programs headless.
 *
 *   fdx run bare68k --load FILE@ADDR [--load ...] [--start ADDR]
 *       raw binaries; without --start the CPU resets through the vectors
 *       at 0 (SSP) and 4 (PC) of the loaded image.
 *   fdx run bare68k PROGRAM.PRG [ARGS...]
 *       an Atari GEMDOS program, loaded as TOS would (see bare68k_prg.c).
 *
 * Native Features (NF_NAME, NF_VERSION, NF_STDERR, NF_SHUTDOWN, NF_EXIT)
 * work as in Hatari with --natfeats on (see bare68k_natfeats.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "machines/bare68k/bare68k.h"

#define MAX_RAM (16u << 20)

/* FILE@ADDR: the last '@' splits, so file names may contain one. */
static int load_raw(struct bare68k *b, const char *spec, struct fdx_err *err)
{
    const char *at = strrchr(spec, '@');
    if (!at || at == spec || !at[1])
        return fdx_err_set(err, "--load wants FILE@ADDR (e.g. prog.bin@0x1000), not '%s'", spec);
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
    if (fdx_parse_address(at + 1, false, &addr) || addr >= b->ram_size) {
        fdx_err_set(err, "--load %s: '%s' is not an address in the %u KiB of RAM", path, at + 1, b->ram_size / 1024);
    } else if (fdx_file_read(path, b->ram_size, &data, &size, &ferr)) {
        fdx_err_set(err, "--load: %s", ferr.msg);
    } else if (size == 0) {
        fdx_err_set(err, "--load %s: the file is empty", path);
    } else if ((uint64_t)addr + size > b->ram_size) {
        fdx_err_set(err, "--load %s: %zu bytes at $%X run past the end of RAM ($%X)", path, size, (unsigned)addr,
                    (unsigned)b->ram_size);
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
    struct bare68k *b = m->impl;
    b->m = m;
    if (fdx_machine_opt_size(m, "ram", 0x10000, MAX_RAM, 0, &b->ram_size, err)) return -1;
    b->ram = calloc(1, b->ram_size);
    if (!b->ram) return fdx_err_set(err, "out of memory for %u bytes of RAM", b->ram_size);
    /* RAM mirrors across the 24-bit address space, as with incomplete decoding */
    struct fdx_map_entry e = {.base = 0, .size = MAX_RAM, .kind = FDX_MAP_RAM, .mem = b->ram, .mem_size = b->ram_size};
    if (fdx_bus_init(&b->bus, 24, 12, FDX_BIG_ENDIAN) || fdx_bus_map(&b->bus, &e, 1))
        return fdx_err_set(err, "out of memory");
    m68k_init(&b->cpu, &b->bus);
    b->cpu.natfeat = bare68k_natfeat;
    b->cpu.natfeat_ctx = b;
    m->cpu = &b->cpu.base;

    bool given = false;
    uint32_t start = 0;
    if (fdx_machine_opt_address(m, "start", &given, &start, err)) return -1;
    const char *spec;
    bool loaded = false;
    for (unsigned i = 0; (spec = fdx_machine_opt_string(m, "load", i)) != NULL; i++) {
        if (load_raw(b, spec, err)) return -1;
        loaded = true;
    }
    if (m->opts.argc) {
        const char *path = m->opts.argv[0];
        uint8_t *data = NULL;
        size_t size = 0;
        struct fdx_err ferr;
        if (fdx_file_read(path, MAX_RAM, &data, &size, &ferr)) return fdx_err_set(err, "%s", ferr.msg);
        int r = bare68k_load_prg(b, data, size, path, m->opts.argc - 1, m->opts.argv + 1, err);
        free(data);
        if (r) return -1;
        if (given) return fdx_err_set(err, "--start does not go with a GEMDOS program (it starts at its text)");
        return 0;
    }
    if (!loaded)
        return fdx_err_set(err, "bare68k: nothing to run: give a GEMDOS PROGRAM.PRG or --load FILE@ADDR");
    if (given) {
        if (start & 1) return fdx_err_set(err, "--start $%X is odd: 68000 code starts at even addresses", (unsigned)start);
        m68k_put_sr(&b->cpu, 0x2700);
        b->cpu.a[7] = b->cpu.ssp = fdx_bus_peek(&b->bus, 0, 4);
        m68k_set_pc_prefetch(&b->cpu, start);
    } else {
        b->cpu.base.ops->reset(&b->cpu.base);
    }
    return 0;
}

static void destroy(struct fdx_machine *m)
{
    struct bare68k *b = m->impl;
    if (!b) return;
    fdx_bus_free(&b->bus);
    free(b->ram);
}

static void reset(struct fdx_machine *m, bool hard)
{
    struct bare68k *b = m->impl;
    (void)hard;
    b->cpu.base.ops->reset(&b->cpu.base);
}

static enum fdx_run_result run(struct fdx_machine *m, uint64_t until)
{
    struct bare68k *b = m->impl;
    enum fdx_run_result r = fdx_machine_run_cpu(m, m->cpu, until);
    if (r == FDX_RUN_HALTED && b->cpu.halted && !m->exited) {
        char msg[120];
        int n = snprintf(msg, sizeof msg, "bare68k: the 68000 halted (address error while stacking an exception) at PC $%06X\n",
                         (unsigned)(b->cpu.ipc & 0xffffff));
        fdx_machine_host_write(m, 2, msg, (size_t)n);
        fdx_machine_request_exit(m, 1);
        return FDX_RUN_EXIT;
    }
    return r;
}

static void state(struct fdx_machine *m, struct fdx_state *st)
{
    struct bare68k *b = m->impl;
    b->cpu.base.ops->state(&b->cpu.base, st);
    fdx_state_begin(st, "B68K", 1);
    fdx_state_bool(st, "prg", &b->prg);
    fdx_state_bytes(st, "ram", b->ram, b->ram_size);
    fdx_state_end(st);
}

static uint32_t config_id(struct fdx_machine *m)
{
    struct bare68k *b = m->impl;
    return b->ram_size;
}

static const struct fdx_option_desc options[] = {
    {"ram", FDX_OPT_INT, "16777216", NULL, false, "RAM size in bytes, a power of two up to 16 MiB"},
    {"load", FDX_OPT_STRING, NULL, NULL, true, "FILE@ADDR: load a raw binary at ADDR (repeatable)"},
    {"start", FDX_OPT_ADDRESS, NULL, NULL, false, "start address in supervisor mode (default: reset through the vectors at 0)"},
    {NULL, 0, NULL, NULL, false, NULL},
};

static const struct fdx_region_desc map[] = {
    {"RAM", 0x000000, 0x1000000, FDX_MAP_RAM},
    {NULL, 0, 0, 0},
};

const struct fdx_machine_desc fdx_machine_bare68k = {
    .name = "bare68k",
    .title = "Motorola 68000 with flat RAM, GEMDOS programs and NatFeats",
    .cpu_model = "68000",
    .master_hz = 8000000,
    .cpu_divider = 1,
    .map = map,
    .options = options,
    .args_help = "[PROGRAM.PRG [ARGS...]]",
    .program_args = true,
    .impl_size = sizeof(struct bare68k),
    .create = create,
    .destroy = destroy,
    .reset = reset,
    .run = run,
    .state = state,
    .config_id = config_id,
};
