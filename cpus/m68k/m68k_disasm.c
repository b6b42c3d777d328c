/* 68000 disassembler, Motorola syntax. It decodes with the same opcode
 * table as the CPU (m68k_op_index from gen_table.py) and formats each
 * instruction from the format string its SPEC entry carries, so the list of
 * instructions exists once. Format letters:
 *   e  EA in bits 5-0 (size from the mnemonic)   E  MOVE destination EA
 *   d  Dn bits 2-0    D  Dn bits 11-9           a  An bits 2-0   A  An bits 11-9
 *   #  immediate of the instruction's size      #b #w  byte / word immediate
 *   q  ADDQ/SUBQ data 1-8   Q  MOVEQ data       k  shift count #n or Dn
 *   b  branch target (8- or 16-bit)   B  DBcc target   v  TRAP vector
 *   l  MOVEM register list   o  d16(An) of MOVEP
 *   p P  -(An) bits 2-0 / 11-9    m M  (An)+ bits 2-0 / 11-9
 *   cc in the mnemonic is the condition in bits 11-8.
 * PC-relative operands and branches show the target address, as Motorola
 * (MRI) assemblers take them. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "m68k_internal.h"

#define FMT(h, f) f,
static const char *const formats[M68K_NOPS] = {M68K_OPS(FMT)};
#define ENUM(h, f) OP_##h,
enum { M68K_OPS(ENUM) OP_COUNT };

static const char *const conds[16] = {"T", "F", "HI", "LS", "CC", "CS", "NE", "EQ",
                                      "VC", "VS", "PL", "MI", "GE", "LT", "GT", "LE"};

struct dis {
    const uint16_t *w;
    unsigned n;         /* words used so far */
    uint32_t addr;
    char *out;
    size_t len, cap;
    bool bad;           /* ran out of the 5 words */
};

static void put(struct dis *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(struct dis *d, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(d->out + d->len, d->cap - d->len, fmt, ap);
    va_end(ap);
    if (k > 0) d->len += (size_t)k < d->cap - d->len ? (size_t)k : d->cap - d->len - 1;
}

static uint16_t next(struct dis *d)
{
    if (d->n >= 5) {
        d->bad = true;
        return 0;
    }
    return d->w[d->n++];
}

/* signed hex: $1F, -$1F */
static void put_shex(struct dis *d, int32_t v)
{
    if (v < 0) put(d, "-$%X", (unsigned)-(int64_t)v);
    else put(d, "$%X", (unsigned)v);
}

static void put_index(struct dis *d, uint16_t ext)
{
    put(d, ",%c%u.%c)", (ext & 0x8000) ? 'A' : 'D', (ext >> 12) & 7, (ext & 0x800) ? 'L' : 'W');
}

/* The operand of mode/reg; sz 1, 2 or 4 for immediates. */
static void put_ea(struct dis *d, unsigned mode, unsigned reg, int sz)
{
    uint16_t x;
    uint32_t pc;
    switch (mode) {
    case 0: put(d, "D%u", reg); return;
    case 1: put(d, "A%u", reg); return;
    case 2: put(d, "(A%u)", reg); return;
    case 3: put(d, "(A%u)+", reg); return;
    case 4: put(d, "-(A%u)", reg); return;
    case 5:
        put_shex(d, (int16_t)next(d));
        put(d, "(A%u)", reg);
        return;
    case 6:
        x = next(d);
        put_shex(d, (int8_t)x);
        put(d, "(A%u", reg);
        put_index(d, x);
        return;
    default: break;
    }
    switch (reg) {
    case 0: put(d, "$%X.W", (unsigned)(uint16_t)next(d)); return;
    case 1: x = next(d); put(d, "$%X.L", (unsigned)x << 16 | next(d)); return;
    case 2:
        pc = d->addr + 2 * d->n;
        put(d, "$%X(PC)", (unsigned)((pc + (uint32_t)(int16_t)next(d)) & 0xffffff));
        return;
    case 3:
        pc = d->addr + 2 * d->n;
        x = next(d);
        put(d, "$%X(PC", (unsigned)((pc + (uint32_t)(int8_t)x) & 0xffffff));
        put_index(d, x);
        return;
    case 4:
        if (sz == 4) { x = next(d); put(d, "#$%X", (unsigned)x << 16 | next(d)); }
        else if (sz == 1) put(d, "#$%X", next(d) & 0xffu);
        else put(d, "#$%X", next(d));
        return;
    default: put(d, "?"); return;
    }
}

/* MOVEM list: D0-D3/A0/A6; predec: bit 0 is A7. */
static void put_list(struct dis *d, uint16_t mask, bool predec)
{
    if (predec) {
        uint16_t r = 0;
        for (int i = 0; i < 16; i++)
            if (mask & (1u << i)) r |= (uint16_t)(0x8000u >> i);
        mask = r;
    }
    bool first = true;
    for (int i = 0; i < 16;) {
        if (!(mask & (1u << i))) { i++; continue; }
        int j = i;
        while (j + 1 < 16 && (j + 1) / 8 == i / 8 && (mask & (1u << (j + 1)))) j++;
        put(d, "%s%c%d", first ? "" : "/", i < 8 ? 'D' : 'A', i & 7);
        if (j > i) put(d, "-%c%d", j < 8 ? 'D' : 'A', j & 7);
        first = false;
        i = j + 1;
    }
    if (first) put(d, "0"); /* empty list */
}

/* Operand size from the mnemonic's suffix; without one, byte for the bit
 * operations, NBCD, TAS and Scc, else word (CHK, MULU, MOVE to SR ...). */
static int size_of(const char *fmt)
{
    size_t n = strcspn(fmt, " ");
    const char *dot = memchr(fmt, '.', n);
    if (dot) return dot[1] == 'B' ? 1 : dot[1] == 'L' ? 4 : 2;
    if (fmt[0] == 'B' || !strncmp(fmt, "NBCD", 4) || !strncmp(fmt, "TAS", 3) || !strncmp(fmt, "Scc", 3)) return 1;
    return 2;
}

unsigned m68k_disasm_words(const uint16_t *w, uint32_t addr, struct fdx_disasm *out)
{
    struct dis d = {w, 1, addr, out->text, 0, sizeof out->text, false};
    uint16_t op = w[0];
    unsigned idx = m68k_op_index[op];
    const char *f = formats[idx];
    out->flow = FDX_FLOW_NONE;
    out->has_target = false;
    out->target = 0;
    out->text[0] = 0;
    unsigned cc = (op >> 8) & 15, hi = (op >> 9) & 7, lo = op & 7;
    int sz = size_of(f);

    if (idx == OP_illegal_op || idx == OP_line_a || idx == OP_line_f ||
        (idx == OP_natfeat && op != 0x7300 && op != 0x7301)) {
        put(&d, "DC.W $%04X", op);
        out->length = 2;
        if (idx != OP_illegal_op && idx != OP_natfeat) out->flow = FDX_FLOW_TRAP;
        return 2;
    }
    if (idx == OP_natfeat) {
        put(&d, op == 0x7300 ? "NF_ID" : "NF_CALL"); /* NatFeats (Hatari, ARAnyM) */
        out->length = 2;
        return 2;
    }

    /* MOVEM: the register list word comes before the EA's extension words */
    uint16_t list = 0;
    if (idx == OP_movem_w_rm || idx == OP_movem_l_rm || idx == OP_movem_w_mr || idx == OP_movem_l_mr) list = next(&d);

    /* mnemonic: up to the first space, with cc replaced */
    const char *p = f;
    for (; *p && *p != ' '; p++) {
        if (p[0] == 'c' && p[1] == 'c') {
            if (idx == OP_bcc) put(&d, "%s", cc == 0 ? "RA" : conds[cc]);
            else if (idx == OP_dbcc) put(&d, "%s", cc == 1 ? "RA" : conds[cc]);
            else put(&d, "%s", conds[cc]);
            p++;
            continue;
        }
        put(&d, "%c", *p);
    }
    if (idx == OP_bcc || idx == OP_bsr) put(&d, (op & 0xff) ? ".S" : ".W");
    if (*p) put(&d, " ");
    for (p = *p ? p + 1 : p; *p; p++) {
        switch (*p) {
        case 'e': put_ea(&d, (op >> 3) & 7, lo, sz); break;
        case 'E': put_ea(&d, (op >> 6) & 7, hi, sz); break;
        case 'd': put(&d, "D%u", lo); break;
        case 'D': put(&d, "D%u", hi); break;
        case 'a': put(&d, "A%u", lo); break;
        case 'A': put(&d, "A%u", hi); break;
        case 'q': put(&d, "#%u", hi ? hi : 8); break;
        case 'Q': put(&d, "#%d", (int8_t)op); break;
        case 'v': put(&d, "#%u", op & 15); break;
        case 'k':
            if (op & 0x20) put(&d, "D%u", hi);
            else put(&d, "#%u", hi ? hi : 8);
            break;
        case 'o': put_shex(&d, (int16_t)next(&d)); put(&d, "(A%u)", lo); break;
        case 'p': put(&d, "-(A%u)", lo); break;
        case 'P': put(&d, "-(A%u)", hi); break;
        case 'm': put(&d, "(A%u)+", lo); break;
        case 'M': put(&d, "(A%u)+", hi); break;
        case 'l': put_list(&d, list, ((op >> 3) & 7) == 4); break;
        case 'b': {
            uint32_t base = addr + 2;
            int32_t disp = (int8_t)op;
            if (!disp) disp = (int16_t)next(&d);
            out->target = (base + (uint32_t)disp) & 0xffffff;
            out->has_target = true;
            put(&d, "$%X", (unsigned)out->target);
            break;
        }
        case 'B':
            out->target = (addr + 2 + (uint32_t)(int16_t)next(&d)) & 0xffffff;
            out->has_target = true;
            put(&d, "$%X", (unsigned)out->target);
            break;
        case 'U': put(&d, "USP"); p += 2; break; /* the only operand word with a letter of ours */
        case '#':
            if (p[1] == 'v') break; /* TRAP #v: v prints the '#' */
            if (p[1] == 'b') { put(&d, "#$%X", next(&d) & 0xffu); p++; }
            else if (p[1] == 'w') { put(&d, "#$%X", next(&d)); p++; }
            else if (sz == 4) { uint16_t x = next(&d); put(&d, "#$%X", (unsigned)x << 16 | next(&d)); }
            else if (sz == 1) put(&d, "#$%X", next(&d) & 0xffu);
            else put(&d, "#$%X", next(&d));
            break;
        default: put(&d, "%c", *p); break;
        }
    }
    if (d.bad) {
        d.len = 0;
        put(&d, "DC.W $%04X", op);
        d.n = 1;
        out->flow = FDX_FLOW_NONE;
        out->has_target = false;
    }

    switch (idx) {
    case OP_bcc: out->flow = cc == 0 ? FDX_FLOW_JUMP : FDX_FLOW_BRANCH; break;
    case OP_dbcc: out->flow = FDX_FLOW_BRANCH; break;
    case OP_bsr: case OP_jsr: out->flow = FDX_FLOW_CALL; break;
    case OP_jmp: out->flow = FDX_FLOW_JUMP; break;
    case OP_rts: case OP_rte: case OP_rtr: out->flow = FDX_FLOW_RETURN; break;
    case OP_trap: case OP_trapv: case OP_illegal: out->flow = FDX_FLOW_TRAP; break;
    default: break;
    }
    /* JMP/JSR to an absolute or PC-relative address: a known target */
    if ((idx == OP_jmp || idx == OP_jsr) && !d.bad) {
        unsigned mode = (op >> 3) & 7;
        if (mode == 7 && lo == 0) out->target = (uint32_t)(int32_t)(int16_t)w[1] & 0xffffff;
        else if (mode == 7 && lo == 1) out->target = ((uint32_t)w[1] << 16 | w[2]) & 0xffffff;
        else if (mode == 7 && lo == 2) out->target = (addr + 2 + (uint32_t)(int16_t)w[1]) & 0xffffff;
        out->has_target = mode == 7 && lo <= 2;
    }
    out->length = 2 * d.n;
    return out->length;
}
