/* SingleStepTests runner for the 68000 (MAME-generated m68000 set):
 * registers, prefetch queue, RAM and the bus transaction log with clocks,
 * function codes, UDS/LDS and data. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sst.h"
#include "fdx/bus.h"
#include "cpus/m68k/m68k.h"

#define RAM_SIZE (1u << 24)
#define LOG_CAP 512

struct ctx {
    struct fdx_bus bus;
    uint8_t *ram;
    struct m68k cpu;
    struct m68k_log log;
    struct m68k_bus_event ev[LOG_CAP];
    bool cycles;
    bool verbose;
};

static const char *const dnames[8] = {"d0", "d1", "d2", "d3", "d4", "d5", "d6", "d7"};
static const char *const anames[7] = {"a0", "a1", "a2", "a3", "a4", "a5", "a6"};

static void *m68k_create(const struct fdx_sst_options *o, char *err, size_t n)
{
    struct ctx *x = calloc(1, sizeof *x);
    if (!x) {
        snprintf(err, n, "out of memory");
        return NULL;
    }
    x->ram = fdx_sst_ram_alloc(RAM_SIZE);
    if (!x->ram || fdx_bus_init(&x->bus, 24, 12, FDX_BIG_ENDIAN) != 0) {
        snprintf(err, n, "out of memory");
        fdx_sst_ram_free(x->ram, RAM_SIZE);
        free(x);
        return NULL;
    }
    struct fdx_map_entry e = {0, RAM_SIZE, FDX_MAP_RAM, x->ram, RAM_SIZE, NULL};
    fdx_bus_map(&x->bus, &e, 1);
    m68k_init(&x->cpu, &x->bus);
    x->log.ev = x->ev;
    x->log.cap = LOG_CAP;
    x->cycles = !o->no_cycles;
    x->verbose = o->verbose;
    return x;
}

static void m68k_destroy(void *p)
{
    struct ctx *x = p;
    fdx_bus_free(&x->bus);
    fdx_sst_ram_free(x->ram, RAM_SIZE);
    free(x);
}

static void put_ram(void *p, unsigned long addr, unsigned v)
{
    struct ctx *x = p;
    x->ram[addr & (RAM_SIZE - 1)] = (uint8_t)v;
}

static void zero_ram(void *p, unsigned long addr, unsigned v)
{
    (void)v;
    struct ctx *x = p;
    x->ram[addr & (RAM_SIZE - 1)] = 0;
}

static bool num(const cJSON *o, const char *k, uint32_t *out)
{
    double d;
    if (!fdx_sst_get_num(o, k, &d)) return false;
    *out = (uint32_t)d;
    return true;
}

struct ramcheck {
    struct ctx *x;
    char *diff;
    size_t n;
    bool bad;
};

static void check_ram(void *p, unsigned long addr, unsigned v)
{
    struct ramcheck *r = p;
    uint8_t got = r->x->ram[addr & (RAM_SIZE - 1)];
    if (!r->bad && got != v) {
        snprintf(r->diff, r->n, "ram[%06lx] = %02x, expected %02x", addr, got, v);
        r->bad = true;
    }
}

static const char *kind_name(char k)
{
    switch (k) {
    case 'r': return "r";
    case 'w': return "w";
    case 't': return "t";
    case 'R': return "re";
    case 'W': return "we";
    case 'n': return "n";
    default: return "?";
    }
}

/* Compares the log with the expected transactions; merges idle runs. */
static bool check_bus(struct ctx *x, const cJSON *tr, char *diff, size_t n)
{
    struct m68k_log *l = &x->log;
    if (l->n > l->cap) {
        snprintf(diff, n, "bus log overflow (%u events)", l->n);
        return false;
    }
    unsigned i = 0;
    const cJSON *t;
    cJSON_ArrayForEach(t, tr) {
        const cJSON *k = cJSON_GetArrayItem(t, 0);
        if (!cJSON_IsString(k)) {
            snprintf(diff, n, "malformed transaction");
            return false;
        }
        const char *ks = k->valuestring;
        if (!strcmp(ks, "n")) {
            unsigned want = (unsigned)fdx_sst_u32(cJSON_GetArrayItem(t, 1));
            if (want == 0) continue;
            if (i >= l->n || l->ev[i].kind != 'n' || l->ev[i].clocks != want) {
                if (i >= l->n) snprintf(diff, n, "bus %u: missing idle %u", i, want);
                else snprintf(diff, n, "bus %u: %s (clocks %u) instead of idle %u", i, kind_name(l->ev[i].kind), l->ev[i].clocks, want);
                return false;
            }
            i++;
            continue;
        }
        unsigned clocks = (unsigned)fdx_sst_u32(cJSON_GetArrayItem(t, 1));
        unsigned fc = (unsigned)fdx_sst_u32(cJSON_GetArrayItem(t, 2));
        uint32_t addr = fdx_sst_u32(cJSON_GetArrayItem(t, 3));
        const char *sz = cJSON_GetStringValue(cJSON_GetArrayItem(t, 4));
        unsigned data = (unsigned)fdx_sst_u32(cJSON_GetArrayItem(t, 5));
        unsigned uds = (unsigned)fdx_sst_u32(cJSON_GetArrayItem(t, 6));
        unsigned lds = (unsigned)fdx_sst_u32(cJSON_GetArrayItem(t, 7));
        if (i >= l->n) {
            snprintf(diff, n, "bus %u: missing %s %06x", i, ks, addr);
            return false;
        }
        const struct m68k_bus_event *e = &l->ev[i];
        bool byte = sz && !strcmp(sz, ".b");
        bool err = !strcmp(ks, "re") || !strcmp(ks, "we");
        if (strcmp(kind_name(e->kind), ks) || e->clocks != clocks || e->fc != fc || e->addr != (addr & 0xfffffe) ||
            (!err && (e->byte != byte || e->uds != uds || e->lds != lds)) ||
            (strcmp(ks, "re") && e->data != data)) {
            if (e->kind == 'n')
                snprintf(diff, n, "bus %u: idle %u instead of %s fc%u %06x %04x", i, e->clocks, ks, fc, addr, data);
            else
                snprintf(diff, n, "bus %u: %s %u fc%u %06x %s %04x %u%u, expected %s %u fc%u %06x %s %04x %u%u", i,
                         kind_name(e->kind), e->clocks, e->fc, e->addr, e->byte ? ".b" : ".w", e->data, e->uds,
                         e->lds, ks, clocks, fc, addr, sz ? sz : "?", data, uds, lds);
            return false;
        }
        i++;
    }
    if (i != l->n) {
        const struct m68k_bus_event *e = &l->ev[i];
        snprintf(diff, n, "bus %u: extra %s %u %06x", i, kind_name(e->kind), e->clocks, e->addr);
        return false;
    }
    return true;
}

/* One pass of a test: with_log runs the logging handlers and checks the
 * bus log too; without, the handlers machines run (the same source
 * compiled without the log tests) must reach the same state and clocks. */
static int run_pass(struct ctx *x, const cJSON *test, bool with_log, char *diff, size_t n)
{
    struct m68k *c = &x->cpu;
    const cJSON *in = cJSON_GetObjectItem(test, "initial");
    const cJSON *fin = cJSON_GetObjectItem(test, "final");
    uint32_t v, sr, usp, ssp, pc;
    const cJSON *pf;
    if (!in || !fin || !num(in, "sr", &sr) || !num(in, "usp", &usp) || !num(in, "ssp", &ssp) || !num(in, "pc", &pc) ||
        !(pf = cJSON_GetObjectItem(in, "prefetch")) || cJSON_GetArraySize(pf) != 2) {
        snprintf(diff, n, "malformed test");
        return 0;
    }
    memset(&c->d, 0, sizeof c->d);
    for (int i = 0; i < 8; i++) {
        if (!num(in, dnames[i], &v)) { snprintf(diff, n, "malformed test (%s)", dnames[i]); return 0; }
        c->d[i] = v;
    }
    for (int i = 0; i < 7; i++) {
        if (!num(in, anames[i], &v)) { snprintf(diff, n, "malformed test (%s)", anames[i]); return 0; }
        c->a[i] = v;
    }
    m68k_put_sr(c, (uint16_t)sr);
    if (sr & 0x2000) { c->a[7] = ssp; c->usp = usp; }
    else { c->a[7] = usp; c->ssp = ssp; }
    c->pc = pc;
    m68k_drop_code_window(c); /* a new pc (m68k.h) */
    c->ir = (uint16_t)fdx_sst_u32(cJSON_GetArrayItem(pf, 0));
    c->irc = (uint16_t)fdx_sst_u32(cJSON_GetArrayItem(pf, 1));
    c->stopped = c->halted = 0;
    c->fault = 0;
    /* poison: a handler that faults must set the frame PC offset itself */
    c->ae_off = 0x40000;
    c->trace_pending = 0;
    c->ipl = c->nmi_edge = 0;
    c->base.stop = 0;
    c->base.cycles = 0;
    const cJSON *ram = cJSON_GetObjectItem(in, "ram");
    if (!fdx_sst_each_ram(ram, put_ram, x)) {
        snprintf(diff, n, "malformed ram");
        return 0;
    }
    x->log.n = 0;
    c->log = with_log ? &x->log : NULL;
    m68k_step_one(c);
    c->log = NULL;

    int ok = 1;
#define DIFF(...)                                                                                  \
    do {                                                                                           \
        if (ok) snprintf(diff, n, __VA_ARGS__);                                                    \
        ok = 0;                                                                                    \
    } while (0)
    const cJSON *tr = cJSON_GetObjectItem(test, "transactions");
    if (with_log && x->cycles && tr && !check_bus(x, tr, diff, n)) ok = 0;
    uint32_t fusp = (c->sr_sys & 0x2000) ? c->usp : c->a[7];
    uint32_t fssp = (c->sr_sys & 0x2000) ? c->a[7] : c->ssp;
    for (int i = 0; i < 8; i++)
        if (num(fin, dnames[i], &v) && c->d[i] != v) DIFF("%s = %08x, expected %08x", dnames[i], c->d[i], v);
    for (int i = 0; i < 7; i++)
        if (num(fin, anames[i], &v) && c->a[i] != v) DIFF("%s = %08x, expected %08x", anames[i], c->a[i], v);
    if (num(fin, "usp", &v) && fusp != v) DIFF("usp = %08x, expected %08x", fusp, v);
    if (num(fin, "ssp", &v) && fssp != v) DIFF("ssp = %08x, expected %08x", fssp, v);
    if (num(fin, "sr", &v) && m68k_get_sr(c) != v) DIFF("sr = %04x, expected %04x", m68k_get_sr(c), v);
    if (num(fin, "pc", &v) && c->pc != v) DIFF("pc = %08x, expected %08x", c->pc, v);
    pf = cJSON_GetObjectItem(fin, "prefetch");
    if (pf && cJSON_GetArraySize(pf) == 2) {
        unsigned p0 = (unsigned)fdx_sst_u32(cJSON_GetArrayItem(pf, 0));
        unsigned p1 = (unsigned)fdx_sst_u32(cJSON_GetArrayItem(pf, 1));
        if (c->ir != p0 || c->irc != p1) DIFF("prefetch = %04x %04x, expected %04x %04x", c->ir, c->irc, p0, p1);
    }
    if (ok) {
        struct ramcheck rc = {x, diff, n, false};
        fdx_sst_each_ram(cJSON_GetObjectItem(fin, "ram"), check_ram, &rc);
        if (rc.bad) ok = 0;
    }
    double len;
    if (ok && x->cycles && fdx_sst_get_num(test, "length", &len) && c->base.cycles != (uint64_t)len)
        DIFF("%llu clocks, expected %.0f", (unsigned long long)c->base.cycles, len);
    if (!ok && x->verbose) { /* show what the core did */
        for (unsigned i = 0; i < x->log.n && i < x->log.cap; i++) {
            const struct m68k_bus_event *e = &x->log.ev[i];
            if (e->kind == 'n') printf("    n %u\n", e->clocks);
            else printf("    %s %u fc%u %06x %s %04x %u%u\n", kind_name(e->kind), e->clocks, e->fc, e->addr,
                        e->byte ? ".b" : ".w", e->data, e->uds, e->lds);
        }
    }
    /* Leave RAM clean for the next pass or test (writes outside the
     * expected RAM are known from the log; the unlogged pass, which passed
     * its checks, is followed by the logged one, whose cleanup covers the
     * same writes). */
    fdx_sst_each_ram(ram, zero_ram, x);
    fdx_sst_each_ram(cJSON_GetObjectItem(fin, "ram"), zero_ram, x);
    for (unsigned i = 0; with_log && i < x->log.n && i < x->log.cap; i++)
        if (x->log.ev[i].kind == 'w') {
            x->ram[x->log.ev[i].addr] = 0;
            x->ram[x->log.ev[i].addr + 1] = 0;
        }
    return ok;
}

static int m68k_run(void *p, const cJSON *test, char *diff, size_t n)
{
    struct ctx *x = p;
    char d[256];
    if (!run_pass(x, test, false, d, sizeof d)) {
        snprintf(diff, n, "without the bus log: %s", d);
        return 0;
    }
    return run_pass(x, test, true, diff, n);
}

const struct fdx_sst_runner fdx_sst_runner_m68k = {
    .cpus = "68000|m68k|68k",
    .help = "Motorola 68000 (SingleStepTests m68000, MAME-generated)",
    .create = m68k_create,
    .destroy = m68k_destroy,
    .run = m68k_run,
};
