/* bare68k: Native Features (the NatFeats interface as Hatari implements it
 * with --natfeats on) and the traps a program gets without TOS: GEMDOS
 * Cconws, Pterm0 and Pterm, and a clear stop on an unhandled exception.
 *
 * NF_ID (0x7300) and NF_CALL (0x7301) are executed from a subroutine, so
 * the arguments start at SP+4: NF_ID(name) returns an id (0: unknown),
 * NF_CALL(id, args...) calls the feature. */
#include <stdio.h>
#include <string.h>
#include "machines/bare68k/bare68k.h"

enum { NF_NAME = 1, NF_VERSION, NF_STDERR, NF_SHUTDOWN, NF_EXIT, NF_COUNT };
static const char *const nf_names[NF_COUNT] = {NULL, "NF_NAME", "NF_VERSION", "NF_STDERR", "NF_SHUTDOWN", "NF_EXIT"};

/* Copies a guest C string (at most max-1 bytes). Returns its length. */
static size_t guest_string(const struct bare68k *b, uint32_t a, char *out, size_t max)
{
    size_t n = 0;
    while (n + 1 < max) {
        uint8_t ch = (uint8_t)fdx_bus_peek(&b->bus, (a + (uint32_t)n) & 0xffffff, 1);
        if (!ch) break;
        out[n++] = (char)ch;
    }
    out[n] = 0;
    return n;
}

static void fatal(struct bare68k *b, const char *what, uint32_t pc)
{
    char msg[160];
    int n = snprintf(msg, sizeof msg, "bare68k: %s at PC $%06X\n", what, (unsigned)(pc & 0xffffff));
    fdx_machine_host_write(b->m, 2, msg, (size_t)n);
    fdx_machine_request_exit(b->m, 1);
}

static int nf_call(struct bare68k *b, uint32_t sp)
{
    struct m68k *c = &b->cpu;
    uint32_t id = bare68k_rd32(b, sp + 4);
    unsigned idx = id >> 20;
    uint32_t sub = id & 0xfffff;
    uint32_t arg0 = bare68k_rd32(b, sp + 8), arg1 = bare68k_rd32(b, sp + 12);
    char buf[1024];
    switch (idx) {
    case NF_NAME: {
        const char *name = sub ? "fdx " FDX_VERSION_STRING " (bare68k)" : "fdx";
        size_t len = strlen(name);
        if (arg1) {
            size_t n = len < arg1 - 1 ? len : arg1 - 1;
            for (size_t i = 0; i < n; i++) fdx_bus_poke(&b->bus, (arg0 + (uint32_t)i) & 0xffffff, (uint8_t)name[i], 1);
            fdx_bus_poke(&b->bus, (arg0 + (uint32_t)n) & 0xffffff, 0, 1);
        }
        c->d[0] = (uint32_t)len;
        return M68K_NF_DONE;
    }
    case NF_VERSION:
        c->d[0] = 0x00010000;
        return M68K_NF_DONE;
    case NF_STDERR: {
        size_t n = guest_string(b, arg0, buf, sizeof buf);
        if (n) fdx_machine_host_write(b->m, 2, buf, n);
        c->d[0] = (uint32_t)n;
        return M68K_NF_DONE;
    }
    case NF_SHUTDOWN:
        if (!(c->sr_sys & 0x2000)) return M68K_NF_PRIVILEGE; /* supervisor only, as in Hatari */
        fdx_machine_request_exit(b->m, 0);
        return M68K_NF_DONE;
    case NF_EXIT:
        fdx_machine_request_exit(b->m, (int)(int32_t)arg0);
        return M68K_NF_DONE;
    default:
        return M68K_NF_ILLEGAL;
    }
}

static void gemdos(struct bare68k *b)
{
    struct m68k *c = &b->cpu;
    /* TRAP #1 pushed SR and PC on the supervisor stack; the caller's
     * arguments are on the stack it used. */
    uint16_t sr = bare68k_rd16(b, c->a[7]);
    uint32_t args = (sr & 0x2000) ? c->a[7] + 6 : c->usp;
    uint16_t fn = bare68k_rd16(b, args);
    char buf[1024];
    switch (fn) {
    case 0x00:
        fdx_machine_request_exit(b->m, 0);
        break;
    case 0x4c:
        fdx_machine_request_exit(b->m, (int16_t)bare68k_rd16(b, args + 2));
        break;
    case 0x09: {
        uint32_t s = bare68k_rd32(b, args + 2);
        for (;;) {
            size_t n = guest_string(b, s, buf, sizeof buf);
            if (n) fdx_machine_host_write(b->m, 1, buf, n);
            if (n + 1 < sizeof buf) break;
            s += (uint32_t)n;
        }
        c->d[0] = 0;
        break;
    }
    default: {
        char what[96];
        snprintf(what, sizeof what, "GEMDOS $%02X is not available without TOS (only Cconws, Pterm0, Pterm)", fn);
        fatal(b, what, bare68k_rd32(b, c->a[7] + 2) - 2);
        break;
    }
    }
}

int bare68k_natfeat(void *ctx, struct fdx_cpu *cpu, uint16_t opcode)
{
    struct bare68k *b = ctx;
    struct m68k *c = (struct m68k *)cpu;
    uint32_t sp = c->a[7];
    if (opcode == 0x7300) {
        char name[64];
        guest_string(b, bare68k_rd32(b, sp + 4), name, sizeof name);
        c->d[0] = 0;
        for (unsigned i = 1; i < NF_COUNT; i++)
            if (!strcmp(name, nf_names[i])) c->d[0] = (uint32_t)i << 20;
        return M68K_NF_DONE;
    }
    if (opcode == 0x7301) return nf_call(b, sp);
    if (!b->prg) return M68K_NF_ILLEGAL;
    if (opcode == BARE68K_OP_GEMDOS) {
        gemdos(b);
        return M68K_NF_DONE;
    }
    if (opcode == BARE68K_OP_PTERM0) {
        fdx_machine_request_exit(b->m, 0);
        return M68K_NF_DONE;
    }
    if (opcode == BARE68K_OP_EXCEPTION) {
        static const char *const names[] = {"", "", "bus error", "address error", "illegal instruction",
                                            "division by zero", "CHK", "TRAPV", "privilege violation",
                                            "trace", "line A", "line F"};
        unsigned v = (c->ipc - BARE68K_STUBS) / 2;
        char what[64];
        snprintf(what, sizeof what, "unhandled exception %u (%s)", v,
                 v < 12 ? names[v] : v >= 24 && v < 32 ? "interrupt" : v >= 32 && v < 48 ? "TRAP" : "other");
        /* the stacked PC: the long frame of bus/address errors has it at +10 */
        fatal(b, what, bare68k_rd32(b, c->a[7] + (v == 2 || v == 3 ? 10 : 2)));
        return M68K_NF_DONE;
    }
    return M68K_NF_ILLEGAL;
}
