/* bare86: an 8088 (or 8086/80188/80186) with 1 MiB of RAM and the I/O port
 * space, nothing else. Programs are loaded with --load FILE@SEG:OFF and
 * started at --start SEG:OFF. The run ends on HLT with interrupts off, on
 * a jump to itself, or at --max-cycles. Port 0xE9 writes a byte to stdout
 * (the Bochs debug-console convention) so test programs can print. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fdx/machine.h"
#include "cpus/x86/x86.h"

#define RAM_SIZE (1u << 20)

struct bare86 {
    struct fdx_x86 cpu;
    struct fdx_bus mem, io;
    uint8_t *ram;
    uint32_t ram_size;
    struct fdx_io port_io;
    struct fdx_machine *m;
};

static uint32_t port_read(void *ctx, uint32_t addr, unsigned size)
{
    (void)ctx;
    (void)addr;
    return size == 2 ? 0xFFFF : 0xFF;
}

static void port_write(void *ctx, uint32_t addr, uint32_t value, unsigned size)
{
    struct bare86 *b = ctx;
    (void)size;
    if ((addr & 0xFFFF) == 0xE9) {
        uint8_t ch = (uint8_t)value;
        fdx_machine_host_write(b->m, 1, &ch, 1);
    }
}

/* "SEG:OFF" in hex. */
static int parse_segoff(const char *t, uint16_t *seg, uint16_t *off)
{
    char *end;
    unsigned long s = strtoul(t, &end, 16);
    if (end == t || *end != ':' || s > 0xFFFF) return -1;
    const char *o = end + 1;
    unsigned long f = strtoul(o, &end, 16);
    if (end == o || *end || f > 0xFFFF) return -1;
    *seg = (uint16_t)s;
    *off = (uint16_t)f;
    return 0;
}

static int bare86_create(struct fdx_machine *m, struct fdx_err *err)
{
    struct bare86 *b = m->impl;
    b->m = m;
    if (fdx_machine_opt_size(m, "ram", 0x10000, RAM_SIZE, 0, &b->ram_size, err)) return -1;
    b->ram = calloc(1, b->ram_size);
    if (!b->ram) return fdx_err_set(err, "bare86: out of memory");
    if (fdx_bus_init(&b->mem, 20, 12, FDX_LITTLE_ENDIAN) || fdx_bus_init(&b->io, 16, 8, FDX_LITTLE_ENDIAN))
        return fdx_err_set(err, "bare86: out of memory");
    /* smaller RAM mirrors across the 1 MiB space, as with incomplete decoding */
    struct fdx_map_entry e = {0, RAM_SIZE, FDX_MAP_RAM, b->ram, b->ram_size, NULL};
    if (fdx_bus_map(&b->mem, &e, 1)) return fdx_err_set(err, "bare86: out of memory");
    b->port_io = (struct fdx_io){.read = port_read, .write = port_write, .ctx = b};
    struct fdx_map_entry pe = {0, 0x10000, FDX_MAP_IO, NULL, 0, &b->port_io};
    fdx_bus_map(&b->io, &pe, 1);

    const char *cpu = fdx_machine_opt_string(m, "cpu", 0);
    int model = FDX_X86_8088;
    if (cpu && !strcmp(cpu, "8086")) model = FDX_X86_8086;
    else if (cpu && !strcmp(cpu, "80188")) model = FDX_X86_80188;
    else if (cpu && !strcmp(cpu, "80186")) model = FDX_X86_80186;
    fdx_x86_init(&b->cpu, model, &b->mem, &b->io);
    b->cpu.stop_on_self_jump = true;
    m->cpu = &b->cpu.base;

    uint16_t sseg = 0xFFFF, soff = 0;
    bool have_start = false;
    for (unsigned i = 0;; i++) {
        const char *spec = fdx_machine_opt_string(m, "load", i);
        if (!spec) break;
        const char *at = strrchr(spec, '@');
        uint16_t seg, off;
        if (!at || parse_segoff(at + 1, &seg, &off))
            return fdx_err_set(err, "--load wants FILE@SEG:OFF (hex), not '%s'", spec);
        char path[1024];
        size_t pl = (size_t)(at - spec);
        if (pl == 0 || pl >= sizeof path) return fdx_err_set(err, "--load: bad file name in '%s'", spec);
        memcpy(path, spec, pl);
        path[pl] = 0;
        uint8_t *data;
        size_t size;
        if (fdx_file_read(path, b->ram_size, &data, &size, err)) return -1;
        uint32_t lin = ((uint32_t)seg << 4) + off;
        if (lin + size > b->ram_size) {
            free(data);
            return fdx_err_set(err, "%s: %zu bytes at %04X:%04X run past the end of memory", path, size, seg, off);
        }
        memcpy(b->ram + lin, data, size);
        free(data);
        if (!have_start) {
            sseg = seg;
            soff = off;
            have_start = true;
        }
    }
    const char *st = fdx_machine_opt_string(m, "start", 0);
    if (st && parse_segoff(st, &sseg, &soff)) return fdx_err_set(err, "--start wants SEG:OFF (hex), not '%s'", st);
    if (m->opts.argc) return fdx_err_set(err, "bare86 takes no file arguments (use --load FILE@SEG:OFF)");
    fdx_x86_set_seg(&b->cpu, X86_CS, sseg);
    b->cpu.ip = soff;
    b->cpu.qlin = (b->cpu.seg[X86_CS].base + soff) & 0xFFFFF;
    return 0;
}

static void bare86_destroy(struct fdx_machine *m)
{
    struct bare86 *b = m->impl;
    fdx_bus_free(&b->mem);
    fdx_bus_free(&b->io);
    free(b->ram);
}

static void bare86_reset(struct fdx_machine *m, bool hard)
{
    struct bare86 *b = m->impl;
    if (hard) memset(b->ram, 0, b->ram_size);
    b->cpu.base.ops->reset(&b->cpu.base);
}

static enum fdx_run_result bare86_run(struct fdx_machine *m, uint64_t until)
{
    struct bare86 *b = m->impl;
    return fdx_machine_run_cpu(m, &b->cpu.base, until);
}

static void bare86_state(struct fdx_machine *m, struct fdx_state *st)
{
    struct bare86 *b = m->impl;
    b->cpu.base.ops->state(&b->cpu.base, st);
    fdx_state_begin(st, "RAM ", 1);
    fdx_state_bytes(st, "ram", b->ram, b->ram_size);
    fdx_state_end(st);
}

static uint32_t bare86_config(struct fdx_machine *m)
{
    struct bare86 *b = m->impl;
    /* a smaller RAM in the high bits; 1 MiB adds nothing, so states saved
     * before the option existed still load */
    return (uint32_t)b->cpu.model | (b->ram_size == RAM_SIZE ? 0 : b->ram_size);
}

static const struct fdx_option_desc bare86_options[] = {
    {"load", FDX_OPT_STRING, NULL, NULL, true, "load FILE at SEG:OFF (hex), e.g. prog.bin@0000:0100"},
    {"start", FDX_OPT_STRING, NULL, NULL, false, "start at SEG:OFF (hex); default: the first --load address"},
    {"cpu", FDX_OPT_CHOICE, "8088", "8088|8086|80188|80186", false, "CPU model"},
    {"ram", FDX_OPT_INT, "1048576", NULL, false, "RAM size in bytes, a power of two from 64 KiB to 1 MiB (mirrored)"},
    {NULL, 0, NULL, NULL, false, NULL},
};

static const struct fdx_region_desc bare86_map[] = {
    {"RAM", 0, RAM_SIZE, FDX_MAP_RAM},
    {NULL, 0, 0, 0},
};

const struct fdx_machine_desc fdx_machine_bare86 = {
    .name = "bare86",
    .title = "8088 with 1 MiB RAM and I/O ports (port E9h prints)",
    .cpu_model = "8088",
    .master_hz = 14318180,
    .cpu_divider = 3,
    .map = bare86_map,
    .options = bare86_options,
    .args_help = "(none; use --load FILE@SEG:OFF)",
    .impl_size = sizeof(struct bare86),
    .create = bare86_create,
    .destroy = bare86_destroy,
    .reset = bare86_reset,
    .run = bare86_run,
    .state = bare86_state,
    .config_id = bare86_config,
};
