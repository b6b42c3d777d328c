/* SingleStepTests runner for the 6502 family (`fdx sst --cpu 6502|65c02`).
 *
 * Flat 64 KiB RAM; registers and the listed bytes are set, exactly one
 * instruction runs with the CPU's bus log on, then registers, every listed
 * byte, "nothing else was written" and every cycle [addr, data, r/w] are
 * compared. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cpus/m6502/m6502.h"
#include "fdx/bus.h"
#include "sst.h"

struct ctx {
    const struct fdx_cpu_ops *ops;
    bool cycles;
    struct fdx_bus bus;
    struct fdx_m6502 cpu;
    uint8_t ram[65536];
    /* addresses given in the test (to clear afterwards and to allow writes) */
    uint8_t listed[65536];
    uint16_t touched[512];
    unsigned ntouched;
    bool bad;
};

static void *create(const struct fdx_sst_options *o, char *err, size_t err_size)
{
    const struct fdx_cpu_ops *ops = fdx_m6502_ops_find(o->cpu);
    if (!ops) {
        snprintf(err, err_size, "unknown 6502 model '%s'", o->cpu);
        return NULL;
    }
    struct ctx *x = calloc(1, sizeof *x);
    if (!x) {
        snprintf(err, err_size, "out of memory");
        return NULL;
    }
    x->ops = ops;
    x->cycles = !o->no_cycles;
    struct fdx_map_entry e = {.base = 0, .size = 0x10000, .kind = FDX_MAP_RAM, .mem = x->ram, .mem_size = 0x10000};
    if (fdx_bus_init(&x->bus, 16, 8, FDX_LITTLE_ENDIAN) || fdx_bus_map(&x->bus, &e, 1)) {
        snprintf(err, err_size, "cannot set up the bus");
        fdx_bus_free(&x->bus);
        free(x);
        return NULL;
    }
    return x;
}

static void destroy(void *p)
{
    struct ctx *x = p;
    fdx_bus_free(&x->bus);
    free(x);
}

static void touch(struct ctx *x, unsigned long addr)
{
    if (addr > 0xFFFF) {
        x->bad = true;
        return;
    }
    if (!x->listed[addr] && x->ntouched < sizeof x->touched / sizeof x->touched[0])
        x->touched[x->ntouched++] = (uint16_t)addr;
    x->listed[addr] = 1;
}

static void set_ram(void *p, unsigned long addr, unsigned value)
{
    struct ctx *x = p;
    touch(x, addr);
    if (addr <= 0xFFFF) x->ram[addr] = (uint8_t)value;
}

static void list_ram(void *p, unsigned long addr, unsigned value)
{
    (void)value;
    touch(p, addr);
}

struct check {
    struct ctx *x;
    char *diff;
    size_t size;
    bool failed;
};

static void check_ram(void *p, unsigned long addr, unsigned value)
{
    struct check *k = p;
    if (k->failed || addr > 0xFFFF) return;
    if (k->x->ram[addr] != value) {
        snprintf(k->diff, k->size, "ram[$%04lX] = $%02X, expected $%02X", addr, k->x->ram[addr], value);
        k->failed = true;
    }
}

static bool get_reg(const cJSON *o, const char *key, unsigned max, unsigned *out)
{
    double d;
    if (!fdx_sst_get_num(o, key, &d) || d < 0 || d > max) return false;
    *out = (unsigned)d;
    return true;
}

static int run(void *p, const cJSON *test, char *diff, size_t diff_size)
{
    struct ctx *x = p;
    const cJSON *ini = cJSON_GetObjectItemCaseSensitive(test, "initial");
    const cJSON *fin = cJSON_GetObjectItemCaseSensitive(test, "final");
    const cJSON *cyc = cJSON_GetObjectItemCaseSensitive(test, "cycles");
    unsigned r[6], f[6];
    static const char *const names[6] = {"pc", "s", "a", "x", "y", "p"};
    static const unsigned maxv[6] = {0xFFFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
    int ok = 0;
    x->bad = false;
    for (int i = 0; i < 6; i++)
        if (!get_reg(ini, names[i], maxv[i], &r[i]) || !get_reg(fin, names[i], maxv[i], &f[i])) {
            snprintf(diff, diff_size, "malformed test: register '%s' missing or out of range", names[i]);
            goto out;
        }
    if (!fdx_sst_each_ram(cJSON_GetObjectItemCaseSensitive(ini, "ram"), set_ram, x) ||
        !fdx_sst_each_ram(cJSON_GetObjectItemCaseSensitive(fin, "ram"), list_ram, x) || x->bad) {
        snprintf(diff, diff_size, "malformed test: bad ram list");
        goto out;
    }
    if (x->cycles && !cJSON_IsArray(cyc)) {
        snprintf(diff, diff_size, "malformed test: no cycles");
        goto out;
    }

    struct fdx_m6502 *c = &x->cpu;
    fdx_m6502_init(c, x->ops, &x->bus);
    fdx_m6502_set_pc(c, (uint16_t)r[0]);
    c->s = (uint8_t)r[1];
    c->a = (uint8_t)r[2];
    c->x = (uint8_t)r[3];
    c->y = (uint8_t)r[4];
    c->p = (uint8_t)r[5];
    fdx_m6502_log(c, true);
    c->base.ops->run(&c->base, 1);

    unsigned got[6] = {c->pc, c->s, c->a, c->x, c->y, c->p};
    for (int i = 0; i < 6; i++)
        if (got[i] != f[i]) {
            snprintf(diff, diff_size, "%s = $%02X, expected $%02X", names[i], got[i], f[i]);
            goto out;
        }
    struct check k = {x, diff, diff_size, false};
    fdx_sst_each_ram(cJSON_GetObjectItemCaseSensitive(fin, "ram"), check_ram, &k);
    if (k.failed) goto out;
    for (unsigned i = 0; i < c->nlog; i++)
        if (c->log[i].write && !x->listed[c->log[i].addr]) {
            snprintf(diff, diff_size, "wrote $%02X to $%04X, which the test does not list", c->log[i].data,
                     c->log[i].addr);
            goto out;
        }
    if (x->cycles) {
        unsigned n = (unsigned)cJSON_GetArraySize(cyc);
        for (unsigned i = 0; i < n; i++) {
            const cJSON *e = cJSON_GetArrayItem(cyc, (int)i);
            const cJSON *ea = cJSON_GetArrayItem(e, 0), *ed = cJSON_GetArrayItem(e, 1), *ek = cJSON_GetArrayItem(e, 2);
            if (!cJSON_IsArray(e) || !cJSON_IsNumber(ea) || !cJSON_IsNumber(ed) || !cJSON_IsString(ek) ||
                ea->valuedouble < 0 || ea->valuedouble > 0xFFFF || ed->valuedouble < 0 || ed->valuedouble > 0xFF ||
                (strcmp(ek->valuestring, "read") && strcmp(ek->valuestring, "write"))) {
                snprintf(diff, diff_size, "malformed test: cycle %u", i);
                goto out;
            }
            unsigned wa = (unsigned)ea->valuedouble, wd = (unsigned)ed->valuedouble;
            int ww = !strcmp(ek->valuestring, "write");
            if (i >= c->nlog) {
                snprintf(diff, diff_size, "cycle %u: none, expected %s $%04X $%02X (%u cycles, expected %u)", i,
                         ww ? "write" : "read", wa, wd, c->nlog, n);
                goto out;
            }
            const struct fdx_m6502_cycle *g = &c->log[i];
            if (g->addr != wa || g->data != wd || g->write != ww) {
                snprintf(diff, diff_size, "cycle %u: %s $%04X $%02X, expected %s $%04X $%02X", i,
                         g->write ? "write" : "read", g->addr, g->data, ww ? "write" : "read", wa, wd);
                goto out;
            }
        }
        if (c->nlog != n) {
            snprintf(diff, diff_size, "%u cycles, expected %u (extra: %s $%04X)", c->nlog, n,
                     c->log[n].write ? "write" : "read", c->log[n].addr);
            goto out;
        }
    }
    ok = 1;
out:
    for (unsigned i = 0; i < x->ntouched; i++) {
        x->ram[x->touched[i]] = 0;
        x->listed[x->touched[i]] = 0;
    }
    x->ntouched = 0;
    return ok;
}

const struct fdx_sst_runner fdx_sst_runner_m6502 = {
    .cpus = "6502|nmos6502|6507|65c02|wdc65c02",
    .help = "MOS 6502 (NMOS, undocumented opcodes), 6507 (13-bit bus: files list bus addresses masked) or WDC 65C02; "
            "compares registers, RAM and every bus cycle",
    .create = create,
    .destroy = destroy,
    .run = run,
};
