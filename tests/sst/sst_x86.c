/* SingleStepTests runner for the 8086/8088 (and the 80186 model).
 *
 * Loads each test's registers and RAM, runs one instruction (with its
 * prefixes) through x86_exec_one and again through the fast loop (whose
 * clock count must agree), compares registers and RAM with the undefined
 * flags of the opcode masked as the suite's metadata.json says. When a divide error
 * pushed FLAGS (with its undefined bits) the pushed word is masked too.
 *
 * --cycles also compares the data bus traffic: every memory and I/O read
 * and write (not code fetches, not timing) in order, byte by byte, against
 * the MEMR/MEMW/IOR/IOW bus cycles of the test's log (a 16-bit transfer of
 * the 8086 counts as its two bytes, low first).
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <ctype.h>

#include "sst.h"
#include "fdx/bus.h"
#include "cpus/x86/x86.h"
#include "cpus/x86/x86_exec.h"

#define RAM_SIZE (1u << 20)

struct x86_sst {
    struct fdx_bus mem, io;
    uint8_t *ram;
    struct fdx_x86 cpu;
    int model;
    char meta_dir[1024];
    cJSON *meta;
    uint16_t flags_mask;
    /* addresses the last test touched, cleared before the next one */
    unsigned long *touched;
    size_t ntouched, cap;
    bool cycles;
    /* --cycles: the accesses the CPU made */
    struct acc { uint32_t addr; uint8_t value, kind; } log[1024];
    unsigned nlog;
    struct fdx_io port_io;
    /* --cycles, for information: tests whose instruction took as many
     * clocks as the log has cycles (book timing vs the real bus) */
    unsigned long ntimed, nclk_equal;
};

enum { ACC_MR = 1, ACC_MW, ACC_IR, ACC_IW };

static void log_acc(struct x86_sst *s, uint32_t addr, uint8_t value, uint8_t kind)
{
    if (s->nlog < sizeof s->log / sizeof s->log[0]) s->log[s->nlog] = (struct acc){addr, value, kind};
    s->nlog++;
}

static void mem_tap(void *ctx, uint32_t addr, uint32_t value, unsigned size, bool write)
{
    for (unsigned i = 0; i < size; i++)
        log_acc(ctx, (addr + i) & 0xFFFFF, (uint8_t)(value >> (8 * i)), write ? ACC_MW : ACC_MR);
}

static uint32_t port_read(void *ctx, uint32_t addr, unsigned size)
{
    uint32_t v = size == 2 ? 0xFFFF : 0xFF; /* the test rig's ports read 0xFF */
    for (unsigned i = 0; i < size; i++) log_acc(ctx, (addr + i) & 0xFFFF, 0xFF, ACC_IR);
    return v;
}

static void port_write(void *ctx, uint32_t addr, uint32_t value, unsigned size)
{
    for (unsigned i = 0; i < size; i++) log_acc(ctx, (addr + i) & 0xFFFF, (uint8_t)(value >> (8 * i)), ACC_IW);
}

static const char *const reg_names[14] = {"ax", "bx", "cx", "dx", "cs", "ss", "ds", "es",
                                          "sp", "bp", "si", "di", "ip", "flags"};

static void x86_destroy_early(struct x86_sst *s)
{
    fdx_bus_free(&s->mem);
    fdx_bus_free(&s->io);
    fdx_sst_ram_free(s->ram, RAM_SIZE);
    free(s);
}

static void *x86_create(const struct fdx_sst_options *o, char *err, size_t err_size)
{
    struct x86_sst *s = calloc(1, sizeof *s);
    if (!s) {
        snprintf(err, err_size, "out of memory");
        return NULL;
    }
    s->ram = fdx_sst_ram_alloc(RAM_SIZE);
    if (!s->ram || fdx_bus_init(&s->mem, 20, 12, FDX_LITTLE_ENDIAN) || fdx_bus_init(&s->io, 16, 8, FDX_LITTLE_ENDIAN)) {
        snprintf(err, err_size, "out of memory");
        fdx_sst_ram_free(s->ram, RAM_SIZE);
        free(s);
        return NULL;
    }
    struct fdx_map_entry e = {0, RAM_SIZE, FDX_MAP_RAM, s->ram, RAM_SIZE, NULL};
    fdx_bus_map(&s->mem, &e, 1);
    s->io.open_bus = 0xFF; /* the test rig's ports read 0xFF */
    if (!strcmp(o->cpu, "8088")) s->model = FDX_X86_8088;
    else if (!strcmp(o->cpu, "80186")) s->model = FDX_X86_80186;
    else if (!strcmp(o->cpu, "80188")) s->model = FDX_X86_80188;
    else s->model = FDX_X86_8086;
    s->cycles = o->cycles;
    if (s->cycles) {
        if (fdx_bus_tap_begin(&s->mem, mem_tap, s)) {
            snprintf(err, err_size, "out of memory");
            x86_destroy_early(s);
            return NULL;
        }
        fdx_bus_tap_range(&s->mem, 0, RAM_SIZE - 1);
        s->port_io = (struct fdx_io){.read = port_read, .write = port_write, .ctx = s};
        struct fdx_map_entry pe = {0, 0x10000, FDX_MAP_IO, NULL, 0, &s->port_io};
        fdx_bus_map(&s->io, &pe, 1);
    }
    fdx_x86_init(&s->cpu, s->model, &s->mem, &s->io);
    return s;
}

static void x86_destroy(void *ctx)
{
    struct x86_sst *s = ctx;
    if (!s) return;
    if (s->cycles && s->ntimed)
        fprintf(stderr, "info: clock count equal to the bus log's length in %lu of %lu tests (not compared)\n",
                s->nclk_equal, s->ntimed);
    cJSON_Delete(s->meta);
    fdx_bus_free(&s->mem);
    fdx_bus_free(&s->io);
    fdx_sst_ram_free(s->ram, RAM_SIZE);
    free(s->touched);
    free(s);
}

/* metadata.json lives next to the data files; read it once per directory. */
static int x86_begin_file(void *ctx, const char *path, char *err, size_t err_size)
{
    struct x86_sst *s = ctx;
    char dir[1024];
    const char *slash = strrchr(path, '/');
    size_t dl = slash ? (size_t)(slash - path) : 1;
    if (dl >= sizeof dir - 20) {
        snprintf(err, err_size, "path too long");
        return -1;
    }
    if (slash) memcpy(dir, path, dl);
    else dir[0] = '.';
    dir[dl] = 0;
    if (strcmp(dir, s->meta_dir) != 0) {
        cJSON_Delete(s->meta);
        s->meta = NULL;
        snprintf(s->meta_dir, sizeof s->meta_dir, "%s", dir);
        char mp[1100];
        snprintf(mp, sizeof mp, "%s/metadata.json", dir);
        FILE *f = fopen(mp, "rb");
        if (f) {
            fclose(f);
            char e2[512];
            s->meta = fdx_sst_load_json(mp, e2, sizeof e2);
            if (!s->meta) {
                snprintf(err, err_size, "%s", e2);
                return -1;
            }
        }
    }
    /* opcode (and group reg) from the file name: "F6.7.json.gz", "00.json" */
    const char *base = slash ? slash + 1 : path;
    char op[3] = {0}, reg[2] = {0};
    s->flags_mask = 0xFFFF;
    if (strlen(base) < 2) return 0;
    op[0] = (char)toupper((unsigned char)base[0]);
    op[1] = (char)toupper((unsigned char)base[1]);
    if (base[2] == '.' && base[3] >= '0' && base[3] <= '7' && base[4] == '.') reg[0] = base[3];
    if (!s->meta) return 0;
    const cJSON *ops = cJSON_GetObjectItemCaseSensitive(s->meta, "opcodes");
    const cJSON *o = cJSON_GetObjectItemCaseSensitive(ops, op);
    if (o && reg[0]) {
        const cJSON *regs = cJSON_GetObjectItemCaseSensitive(o, "reg");
        if (regs) o = cJSON_GetObjectItemCaseSensitive(regs, reg);
    }
    double m;
    if (o && fdx_sst_get_num(o, "flags-mask", &m)) s->flags_mask = (uint16_t)m;
    return 0;
}

static void touch(struct x86_sst *s, unsigned long a)
{
    if (s->ntouched == s->cap) {
        size_t nc = s->cap ? s->cap * 2 : 256;
        unsigned long *n = realloc(s->touched, nc * sizeof *n);
        if (!n) return;
        s->touched = n;
        s->cap = nc;
    }
    s->touched[s->ntouched++] = a;
}

static void put_ram(void *ctx, unsigned long addr, unsigned value)
{
    struct x86_sst *s = ctx;
    addr &= RAM_SIZE - 1;
    s->ram[addr] = (uint8_t)value;
    touch(s, addr);
}

struct ram_cmp {
    struct x86_sst *s;
    char *diff;
    size_t diff_size;
    int bad;
    unsigned long flags_lo; /* address of the pushed FLAGS low byte, or ~0 */
};

static void cmp_ram(void *ctx, unsigned long addr, unsigned value)
{
    struct ram_cmp *r = ctx;
    addr &= RAM_SIZE - 1;
    touch(r->s, addr);
    if (r->bad) return;
    unsigned mask = 0xFF;
    if (addr == r->flags_lo) mask = r->s->flags_mask & 0xFF;
    else if (addr == ((r->flags_lo + 1) & (RAM_SIZE - 1))) mask = r->s->flags_mask >> 8;
    unsigned got = r->s->ram[addr];
    if ((got & mask) != (value & mask)) {
        snprintf(r->diff, r->diff_size, "ram[%05lx] = %02x, expected %02x", addr, got, value);
        r->bad = 1;
    }
}

static bool get_reg(const cJSON *regs, const char *name, uint16_t *out)
{
    double v;
    if (!fdx_sst_get_num(regs, name, &v)) return false;
    *out = (uint16_t)(uint32_t)v;
    return true;
}

static uint16_t cpu_reg(const struct fdx_x86 *c, int i)
{
    static const uint8_t gen[4] = {X86_AX, X86_BX, X86_CX, X86_DX};
    static const uint8_t sg[4] = {X86_CS, X86_SS, X86_DS, X86_ES};
    static const uint8_t idx[4] = {X86_SP, X86_BP, X86_SI, X86_DI};
    if (i < 4) return c->r[gen[i]];
    if (i < 8) return c->seg[sg[i - 4]].sel;
    if (i < 12) return c->r[idx[i - 8]];
    if (i == 12) return c->ip;
    return fdx_x86_fix_flags(c, c->flags);
}

static const char *kind_name(int k)
{
    static const char *const n[] = {"?", "MEMR", "MEMW", "IOR", "IOW"};
    return n[k >= 0 && k <= 4 ? k : 0];
}

struct busbyte {
    uint32_t a;
    int v; /* -1: not in the log */
};

/* The byte accesses of the test's bus log, compared in order with ours. */
static bool compare_bus(struct x86_sst *s, const cJSON *cycles, unsigned long flags_lo, char *diff, size_t diff_size)
{
    if (!cJSON_IsArray(cycles)) {
        snprintf(diff, diff_size, "no cycles in the test");
        return false;
    }
    unsigned k = 0, n = (unsigned)cJSON_GetArraySize(cycles);
    for (unsigned i = 0; i < n; i++) {
        const cJSON *cy = cJSON_GetArrayItem(cycles, (int)i);
        if (!cJSON_IsArray(cy) || cJSON_GetArraySize(cy) < 9) continue;
        const char *st = cJSON_GetStringValue(cJSON_GetArrayItem(cy, 7));
        const char *ts = cJSON_GetStringValue(cJSON_GetArrayItem(cy, 8));
        if (!st || !ts || strcmp(ts, "T1")) continue;
        int kind = !strcmp(st, "MEMR") ? ACC_MR : !strcmp(st, "MEMW") ? ACC_MW : !strcmp(st, "IOR") ? ACC_IR
                 : !strcmp(st, "IOW") ? ACC_IW : 0;
        if (!kind) continue;
        uint32_t addr = fdx_sst_u32(cJSON_GetArrayItem(cy, 1));
        bool bhe = cJSON_GetArrayItem(cy, 5)->valuedouble == 0; /* active low */
        int data = -1; /* the value on the bus in T3, if the log reaches it */
        for (unsigned j = i + 1; j < n && j < i + 4; j++) {
            const cJSON *cj = cJSON_GetArrayItem(cycles, (int)j);
            const char *tj = cJSON_GetStringValue(cJSON_GetArrayItem(cj, 8));
            if (tj && !strcmp(tj, "T3")) data = (int)fdx_sst_u32(cJSON_GetArrayItem(cj, 6));
        }
        if (s->model == FDX_X86_8088 || s->model == FDX_X86_80188) bhe = false;
        uint32_t mask = kind >= ACC_IR ? 0xFFFF : 0xFFFFF;
        struct busbyte bytes[2];
        int nb = 0;
        if (s->model == FDX_X86_8088 || s->model == FDX_X86_80188) {
            bytes[nb++] = (struct busbyte){addr & mask, data < 0 ? -1 : data & 0xFF};
        } else if (!(addr & 1)) {
            bytes[nb++] = (struct busbyte){addr & mask, data < 0 ? -1 : data & 0xFF};
            if (bhe) bytes[nb++] = (struct busbyte){(addr + 1) & mask, data < 0 ? -1 : (data >> 8) & 0xFF};
        } else {
            bytes[nb++] = (struct busbyte){addr & mask, data < 0 ? -1 : (data >> 8) & 0xFF};
        }
        for (int b = 0; b < nb; b++, k++) {
            if (k >= s->nlog || k >= sizeof s->log / sizeof s->log[0]) {
                snprintf(diff, diff_size, "bus: access %u: none, expected %s %05x", k, kind_name(kind), bytes[b].a);
                return false;
            }
            const struct acc *a = &s->log[k];
            unsigned vm = 0xFF; /* FLAGS pushed by an exception: its undefined bits are masked */
            if (kind == ACC_MW && a->addr == flags_lo) vm = s->flags_mask & 0xFF;
            else if (kind == ACC_MW && a->addr == ((flags_lo + 1) & (RAM_SIZE - 1))) vm = s->flags_mask >> 8;
            if (a->kind != kind || a->addr != bytes[b].a || (bytes[b].v >= 0 && ((a->value ^ bytes[b].v) & vm))) {
                snprintf(diff, diff_size, "bus: access %u: %s %05x=%02x, expected %s %05x=%02x", k, kind_name(a->kind),
                         a->addr, a->value, kind_name(kind), bytes[b].a, bytes[b].v & 0xFF);
                return false;
            }
        }
    }
    if (k < s->nlog) {
        const struct acc *a = &s->log[k < sizeof s->log / sizeof s->log[0] ? k : 0];
        snprintf(diff, diff_size, "bus: access %u: %s %05x=%02x, expected none", k, kind_name(a->kind), a->addr, a->value);
        return false;
    }
    return true;
}

/* Runs the test once, through x86_exec_one or (fast, when TF is clear)
 * through the fast loop; *clocks gets the instruction's clock count. */
static int run_once(struct x86_sst *s, const cJSON *test, bool fast, uint64_t *clocks, char *diff, size_t diff_size)
{
    struct fdx_x86 *c = &s->cpu;
    for (size_t i = 0; i < s->ntouched; i++) s->ram[s->touched[i]] = 0;
    s->ntouched = 0;

    const cJSON *ini = cJSON_GetObjectItemCaseSensitive(test, "initial");
    const cJSON *fin = cJSON_GetObjectItemCaseSensitive(test, "final");
    const cJSON *iregs = cJSON_GetObjectItemCaseSensitive(ini, "regs");
    const cJSON *fregs = cJSON_GetObjectItemCaseSensitive(fin, "regs");
    if (!iregs || !fregs) {
        snprintf(diff, diff_size, "test without initial/final regs");
        return 0;
    }
    uint16_t init[14];
    for (int i = 0; i < 14; i++) {
        if (!get_reg(iregs, reg_names[i], &init[i])) {
            snprintf(diff, diff_size, "initial.regs.%s missing", reg_names[i]);
            return 0;
        }
    }
    fdx_x86_init(c, s->model, &s->mem, &s->io);
    c->r[X86_AX] = init[0];
    c->r[X86_BX] = init[1];
    c->r[X86_CX] = init[2];
    c->r[X86_DX] = init[3];
    fdx_x86_set_seg(c, X86_CS, init[4]);
    fdx_x86_set_seg(c, X86_SS, init[5]);
    fdx_x86_set_seg(c, X86_DS, init[6]);
    fdx_x86_set_seg(c, X86_ES, init[7]);
    c->r[X86_SP] = init[8];
    c->r[X86_BP] = init[9];
    c->r[X86_SI] = init[10];
    c->r[X86_DI] = init[11];
    c->ip = init[12];
    c->flags = fdx_x86_fix_flags(c, init[13]);
    c->qlin = (c->seg[X86_CS].base + c->ip) & 0xFFFFF;
    c->qlen = 0;
    if (!fdx_sst_each_ram(cJSON_GetObjectItemCaseSensitive(ini, "ram"), put_ram, s)) {
        snprintf(diff, diff_size, "bad initial.ram");
        return 0;
    }

    s->nlog = 0;
    uint64_t clk0 = c->base.cycles;
    if (fast && !(c->flags & X86_TF))
        x86_run_fast_one(c);
    else
        x86_exec_one(c, UINT64_MAX);
    *clocks = c->base.cycles - clk0;
    if (s->cycles && !fast) {
        const cJSON *cy = cJSON_GetObjectItemCaseSensitive(test, "cycles");
        if (cJSON_IsArray(cy)) {
            s->ntimed++;
            if (c->base.cycles - clk0 == (uint64_t)cJSON_GetArraySize(cy)) s->nclk_equal++;
        }
    }

    for (int i = 0; i < 14; i++) {
        uint16_t want = init[i];
        get_reg(fregs, reg_names[i], &want);
        uint16_t got = cpu_reg(c, i);
        if (i == 13) {
            want &= s->flags_mask;
            got &= s->flags_mask;
        }
        if (got != want) {
            snprintf(diff, diff_size, "%s = %04x, expected %04x", reg_names[i], got, want);
            return 0;
        }
    }
    struct ram_cmp rc = {s, diff, diff_size, 0, ~0ul};
    if (c->last_fault) /* FLAGS pushed by an exception: mask its undefined bits */
        rc.flags_lo = (c->seg[X86_SS].base + (uint16_t)(c->r[X86_SP] + 4)) & (RAM_SIZE - 1);
    if (s->cycles && !compare_bus(s, cJSON_GetObjectItemCaseSensitive(test, "cycles"), rc.flags_lo, diff, diff_size))
        return 0;
    if (!fdx_sst_each_ram(cJSON_GetObjectItemCaseSensitive(fin, "ram"), cmp_ram, &rc)) {
        snprintf(diff, diff_size, "bad final.ram");
        return 0;
    }
    return !rc.bad;
}

/* Each test runs twice: through x86_exec_one (the careful path) and
 * through the fast loop, which must agree, clock count included. */
static int x86_run_test(void *ctx, const cJSON *test, char *diff, size_t diff_size)
{
    struct x86_sst *s = ctx;
    uint64_t clk_one, clk_fast;
    if (!run_once(s, test, false, &clk_one, diff, diff_size)) return 0;
    char d[512];
    if (!run_once(s, test, true, &clk_fast, d, sizeof d)) {
        snprintf(diff, diff_size, "fast loop: %s", d);
        return 0;
    }
    if (clk_fast != clk_one) {
        snprintf(diff, diff_size, "fast loop: %llu clocks, x86_exec_one %llu", (unsigned long long)clk_fast,
                 (unsigned long long)clk_one);
        return 0;
    }
    return 1;
}

const struct fdx_sst_runner fdx_sst_runner_x86 = {
    .cpus = "8086|8088|80186|80188",
    .help = "Intel 8086/8088 SingleStepTests (v1 JSON); metadata.json flag masks",
    .create = x86_create,
    .destroy = x86_destroy,
    .begin_file = x86_begin_file,
    .run = x86_run_test,
};
