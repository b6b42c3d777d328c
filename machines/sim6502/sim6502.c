/* sim6502 / sim65c02: run programs built with `cl65 -t sim6502` (or
 * `-t sim65c02`) as cc65's simulator sim65 (cc65 2.19) does.
 *
 * The file starts with a 12-byte header: "sim65", version 2, CPU (0 6502,
 * 1 65C02), the zero-page address of the C stack pointer, the load address
 * and the reset address. The body is loaded below $FFF4 into 64 KiB of RAM,
 * the reset vector is set and the program runs from it. A JSR or JMP to
 * $FFF4-$FFF9 calls the host (open, close, read, write, args, exit) and
 * returns as an RTS would, as sim65's paravirtualisation does.
 *
 * Files: the guest may open only relative paths without a ".." part (the
 * current directory and below), and no component may be a symbolic link
 * (open_confined). Descriptors 0-2 are our stdin/stdout/stderr and are
 * never closed; the guest's own files get descriptors 3 and up.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cpus/m6502/m6502.h"
#include "fdx/machine.h"

#define PV_BASE 0xFFF4
#define PV_COUNT 6
#define MAX_FILES 16
#define HEADER_SIZE 12
#define PATH_MAX_GUEST 1024

struct sim {
    struct fdx_machine *m;
    struct fdx_bus bus;
    struct fdx_m6502 cpu;
    uint8_t sp_addr;        /* zero-page address of the C stack pointer */
    bool print_cycles;
    bool sim65_cycles;      /* print the count as sim65 2.19 does (its branch timing) */
    unsigned argstart;      /* first of m->opts.argv not yet given to the guest */
    int files[MAX_FILES];   /* host fd of guest fd 3+i, or -1 */
    uint8_t ram[0x10000];
};

static uint16_t rd16(struct sim *s, uint16_t a)
{
    return (uint16_t)(s->ram[a] | s->ram[(uint16_t)(a + 1)] << 8);
}

static void wr16(struct sim *s, uint16_t a, uint16_t v)
{
    s->ram[a] = (uint8_t)v;
    s->ram[(uint16_t)(a + 1)] = (uint8_t)(v >> 8);
}

/* Pops a 16-bit argument from the C stack (as sim65's PopParam). */
static uint16_t pop_param(struct sim *s, unsigned incr)
{
    uint16_t sp = rd16(s, s->sp_addr);
    uint16_t v = rd16(s, sp);
    wr16(s, s->sp_addr, (uint16_t)(sp + incr));
    return v;
}

static void set_ax(struct sim *s, unsigned v)
{
    s->cpu.a = (uint8_t)v;
    s->cpu.x = (uint8_t)(v >> 8);
}

static unsigned get_ax(struct sim *s)
{
    return s->cpu.a | (unsigned)s->cpu.x << 8;
}

/* A path the guest may open: relative, no "..", not empty. */
static bool path_allowed(const char *p)
{
    if (!p[0] || p[0] == '/') return false;
    const char *q = p;
    while (*q) {
        const char *e = strchr(q, '/');
        size_t n = e ? (size_t)(e - q) : strlen(q);
        if (n == 2 && q[0] == '.' && q[1] == '.') return false;
        if (!e) break;
        q = e + 1;
    }
    return true;
}

/* Opens path below the current directory without following a symbolic
 * link in any component (a link to a directory would lead outside): each
 * directory is opened on its own with O_NOFOLLOW, then the file in it. */
static int open_confined(const char *path, int flags, mode_t mode)
{
    int dir = open(".", O_RDONLY | O_DIRECTORY);
    const char *p = path;
    while (dir >= 0) {
        const char *e = strchr(p, '/');
        if (!e) break;
        char comp[PATH_MAX_GUEST];
        size_t n = (size_t)(e - p);
        memcpy(comp, p, n);
        comp[n] = 0;
        p = e + 1;
        if (n == 0 || (n == 1 && comp[0] == '.')) continue;
        int sub = openat(dir, comp, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
        close(dir);
        dir = sub;
    }
    if (dir < 0) return -1;
    int fd = *p ? openat(dir, p, flags | O_NOFOLLOW, mode) : -1;
    close(dir);
    return fd;
}

static void pv_open(struct sim *s)
{
    char path[PATH_MAX_GUEST];
    unsigned y = s->cpu.y;
    unsigned mode = pop_param(s, y >= 4 ? y - 4 : 0);
    unsigned flags = pop_param(s, 2);
    uint16_t name = pop_param(s, 2);
    if (y < 6) mode = 0x03; /* no mode argument: read and write for the owner */
    unsigned i = 0;
    for (;; i++) {
        if (i >= sizeof path - 1) {
            set_ax(s, 0xFFFF);
            return;
        }
        path[i] = (char)s->ram[(uint16_t)(name + i)];
        if (!path[i]) break;
    }
    int slot = -1;
    for (int k = 0; k < MAX_FILES; k++)
        if (s->files[k] < 0) {
            slot = k;
            break;
        }
    if (slot < 0 || !path_allowed(path)) {
        set_ax(s, 0xFFFF);
        return;
    }
    int of = 0;
    switch (flags & 0x03) {
    case 0x01: of |= O_RDONLY; break;
    case 0x02: of |= O_WRONLY; break;
    case 0x03: of |= O_RDWR; break;
    default: break;
    }
    if (flags & 0x10) of |= O_CREAT;
    if (flags & 0x20) of |= O_TRUNC;
    if (flags & 0x40) of |= O_APPEND;
    if (flags & 0x80) of |= O_EXCL;
    mode_t om = 0;
    if (mode & 0x01) om |= S_IRUSR;
    if (mode & 0x02) om |= S_IWUSR;
    int fd = open_confined(path, of, om);
    if (fd < 0) {
        set_ax(s, 0xFFFF);
        return;
    }
    s->files[slot] = fd;
    set_ax(s, (unsigned)(slot + 3));
}

static int host_fd(struct sim *s, unsigned fd)
{
    if (fd >= 3 && fd < 3 + MAX_FILES) return s->files[fd - 3];
    return -1;
}

static void pv_close(struct sim *s)
{
    unsigned fd = get_ax(s);
    if (fd <= 2) {
        set_ax(s, 0);
        return;
    }
    int h = host_fd(s, fd);
    if (h < 0) {
        set_ax(s, 0xFFFF);
        return;
    }
    s->files[fd - 3] = -1;
    set_ax(s, close(h) ? 0xFFFF : 0);
}

static void pv_read(struct sim *s)
{
    unsigned count = get_ax(s);
    uint16_t buf = pop_param(s, 2);
    unsigned fd = pop_param(s, 2);
    uint8_t *data = malloc(count ? count : 1);
    long got = -1;
    if (data) {
        if (fd == 0) got = fdx_machine_host_read(s->m, 0, data, count);
        else if (host_fd(s, fd) >= 0) got = (long)read(host_fd(s, fd), data, count);
        for (long i = 0; i < got; i++) s->ram[(uint16_t)(buf + i)] = data[i];
    }
    free(data);
    set_ax(s, (unsigned)got);
}

static void pv_write(struct sim *s)
{
    unsigned count = get_ax(s);
    uint16_t buf = pop_param(s, 2);
    unsigned fd = pop_param(s, 2);
    uint8_t *data = malloc(count ? count : 1);
    long put = -1;
    if (data) {
        for (unsigned i = 0; i < count; i++) data[i] = s->ram[(uint16_t)(buf + i)];
        if (fd == 1 || fd == 2) put = fdx_machine_host_write(s->m, (int)fd, data, count);
        else if (host_fd(s, fd) >= 0) put = (long)write(host_fd(s, fd), data, count);
    }
    free(data);
    set_ax(s, (unsigned)put);
}

/* argv[0] is the program as named on the command line, then its arguments. */
static void pv_args(struct sim *s)
{
    const struct fdx_options *o = &s->m->opts;
    unsigned argc = o->argc - s->argstart;
    uint16_t argv_ptr = (uint16_t)get_ax(s);
    uint16_t sp = rd16(s, s->sp_addr);
    uint16_t args = (uint16_t)(sp - (argc + 1) * 2);
    wr16(s, argv_ptr, args);
    sp = args;
    while (s->argstart < o->argc) {
        const char *arg = o->argv[s->argstart++];
        size_t len = strlen(arg) + 1;
        sp = (uint16_t)(sp - len);
        for (size_t i = 0; i < len; i++) s->ram[(uint16_t)(sp + i)] = (uint8_t)arg[i];
        wr16(s, args, sp);
        args = (uint16_t)(args + 2);
    }
    wr16(s, args, 0); /* argv[argc] = NULL */
    wr16(s, s->sp_addr, sp);
    set_ax(s, argc);
}

static int trap(void *ctx, struct fdx_m6502 *c)
{
    struct sim *s = ctx;
    if (c->pc >= PV_BASE + PV_COUNT) return 0;
    switch (c->pc - PV_BASE) {
    case 0: pv_open(s); break;
    case 1: pv_close(s); break;
    case 2: pv_read(s); break;
    case 3: pv_write(s); break;
    case 4: pv_args(s); break;
    default:
        /* exit: sim65 counts the cycles up to, not including, this JSR/JMP */
        if (s->print_cycles) {
            char line[40];
            int64_t n64 = (int64_t)(c->base.cycles - c->trap_insn_cycles);
            if (s->sim65_cycles) n64 += c->sim65_skew;
            int n = snprintf(line, sizeof line, "%lld cycles\n", (long long)n64);
            fdx_machine_host_write(s->m, 1, line, (size_t)n);
        }
        fdx_machine_request_exit(s->m, c->a);
        return 1;
    }
    /* return as an RTS would, in no time */
    c->s++;
    uint16_t lo = s->ram[0x100 | c->s];
    c->s++;
    c->pc = (uint16_t)((lo | s->ram[0x100 | c->s] << 8) + 1);
    return 0;
}

static int create(struct fdx_machine *m, struct fdx_err *err)
{
    struct sim *s = m->impl;
    bool cmos = !strcmp(m->desc->name, "sim65c02");
    s->m = m;
    for (int i = 0; i < MAX_FILES; i++) s->files[i] = -1;
    memset(s->ram, 0xFF, sizeof s->ram); /* sim65's memory starts as $FF, not 0 */
    struct fdx_map_entry e = {.base = 0, .size = 0x10000, .kind = FDX_MAP_RAM, .mem = s->ram, .mem_size = 0x10000};
    if (fdx_bus_init(&s->bus, 16, 8, FDX_LITTLE_ENDIAN) || fdx_bus_map(&s->bus, &e, 1))
        return fdx_err_set(err, "out of memory");
    fdx_m6502_init(&s->cpu, cmos ? &fdx_m6502_ops_65c02 : &fdx_m6502_ops_6502, &s->bus);
    m->cpu = &s->cpu.base;
    if (fdx_machine_opt_bool(m, "cycles", &s->print_cycles, err) ||
        fdx_machine_opt_bool(m, "sim65-cycles", &s->sim65_cycles, err))
        return -1;
    if (s->sim65_cycles) s->print_cycles = true;
    if (m->opts.argc < 1) return fdx_err_set(err, "%s: which program? (fdx run %s PROG [ARGS...])", m->desc->name, m->desc->name);

    const char *path = m->opts.argv[0];
    uint8_t *data;
    size_t size;
    struct fdx_err ferr;
    if (fdx_file_read(path, 0x10000 + HEADER_SIZE, &data, &size, &ferr)) return fdx_err_set(err, "%s", ferr.msg);
    int r = -1;
    if (size < HEADER_SIZE || memcmp(data, "sim65", 5) != 0)
        fdx_err_set(err, "%s: not a sim65 program (no 'sim65' header; build it with cl65 -t sim6502)", path);
    else if (data[5] != 2)
        fdx_err_set(err, "%s: sim65 header version %u, only version 2 is known", path, data[5]);
    else if (data[6] > 1)
        fdx_err_set(err, "%s: unknown CPU type %u in the sim65 header", path, data[6]);
    else if (data[6] != (cmos ? 1 : 0))
        fdx_err_set(err, "%s was built for the %s: run it with %s", path, data[6] ? "65C02" : "6502",
                    data[6] ? "sim65c02" : "sim6502");
    else {
        unsigned load = data[8] | data[9] << 8, start = data[10] | data[11] << 8;
        size_t body = size - HEADER_SIZE;
        if (body == 0) {
            fdx_err_set(err, "%s: truncated: no program after the sim65 header", path);
        } else if (start < load || start >= load + body) {
            fdx_err_set(err, "%s: truncated or damaged: start address $%04X is outside the program ($%04X-$%04X)",
                        path, start, load, (unsigned)(load + body - 1));
        } else if (load + body > PV_BASE) {
            fdx_err_set(err, "%s: too large: %zu bytes at $%04X run past $%04X", path, body, load, PV_BASE - 1);
        } else {
            s->sp_addr = data[7];
            memcpy(s->ram + load, data + HEADER_SIZE, body);
            wr16(s, 0xFFFC, (uint16_t)start);
            r = 0;
        }
    }
    free(data);
    if (r) return r;
    s->argstart = 0;
    fdx_m6502_set_trap(&s->cpu, PV_BASE, trap, s);
    /* sim65 starts at the reset address with no reset sequence */
    s->cpu.s = 0x02; /* S = $FF once set_pc has stepped over the reset */
    fdx_m6502_set_pc(&s->cpu, rd16(s, 0xFFFC));
    return 0;
}

static void destroy(struct fdx_machine *m)
{
    struct sim *s = m->impl;
    if (!s) return;
    for (int i = 0; i < MAX_FILES; i++)
        if (s->files[i] >= 0) close(s->files[i]);
    fdx_bus_free(&s->bus);
}

/* A JAM (or the 65C02's STP) stops the CPU for good: say so on stderr and
 * exit with 127, the code sim65 uses when it cannot go on. */
static enum fdx_run_result run(struct fdx_machine *m, uint64_t until)
{
    struct sim *s = m->impl;
    enum fdx_run_result r = fdx_machine_run_cpu(m, m->cpu, until);
    if (r == FDX_RUN_HALTED && s->cpu.halted) {
        char line[96];
        int n = snprintf(line, sizeof line, "%s: the CPU halted: %s ($%02X) at $%04X\n", m->desc->name,
                         s->cpu.model == FDX_M6502_65C02 ? "STP" : "JAM", s->ram[s->cpu.pc], s->cpu.pc);
        fdx_machine_host_write(m, 2, line, (size_t)n);
        fdx_machine_request_exit(m, 127);
        r = FDX_RUN_EXIT;
    }
    return r;
}

static void state(struct fdx_machine *m, struct fdx_state *st)
{
    struct sim *s = m->impl;
    s->cpu.base.ops->state(&s->cpu.base, st);
    fdx_state_begin(st, "SIM6", 1);
    fdx_state_bytes(st, "ram", s->ram, sizeof s->ram);
    uint32_t argstart = s->argstart;
    fdx_state_u32(st, "argstart", &argstart);
    uint64_t skew = (uint64_t)s->cpu.sim65_skew;
    fdx_state_u64(st, "sim65_skew", &skew);
    s->cpu.sim65_skew = (int64_t)skew;
    if (fdx_state_loading(st) && fdx_state_check(st, argstart <= m->opts.argc, "argstart"))
        s->argstart = argstart;
    fdx_state_end(st);
}

static const struct fdx_option_desc options[] = {
    {"cycles", FDX_OPT_BOOL, "off", NULL, false, "print \"N cycles\" at exit, as sim65 -c does (the real chip's count)"},
    {"sim65-cycles", FDX_OPT_BOOL, "off", NULL, false,
     "print \"N cycles\" at exit counted as sim65 2.19 counts them (its branch page-crossing timing)"},
    {NULL, 0, NULL, NULL, false, NULL},
};

static const struct fdx_region_desc map[] = {
    {"RAM", 0x0000, 0xFFF4, FDX_MAP_RAM},
    {"host calls (JSR)", 0xFFF4, 6, FDX_MAP_IO},
    {NULL, 0, 0, 0},
};

#define SIM_DESC(sym_, name_, title_, model_)                                                              \
    const struct fdx_machine_desc sym_ = {                                                                 \
        .name = name_,                                                                                     \
        .title = title_,                                                                                   \
        .cpu_model = model_,                                                                               \
        .master_hz = 1000000,                                                                              \
        .cpu_divider = 1,                                                                                  \
        .map = map,                                                                                        \
        .options = options,                                                                                \
        .args_help = "PROG [ARGS...]: a program built with cl65 -t " name_ " and its arguments",           \
        .program_args = true,                                                                              \
        .impl_size = sizeof(struct sim),                                                                   \
        .create = create,                                                                                  \
        .destroy = destroy,                                                                                \
        .run = run,                                                                                        \
        .state = state,                                                                                    \
    }

SIM_DESC(fdx_machine_sim6502, "sim6502", "cc65's sim65 simulator, 6502 (programs from cl65 -t sim6502)", "6502");
SIM_DESC(fdx_machine_sim65c02, "sim65c02", "cc65's sim65 simulator, 65C02 (programs from cl65 -t sim65c02)",
         "65C02");
