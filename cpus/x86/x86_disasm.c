/* Intel-syntax disassembler built on the shared opcode table and ModR/M
 * decoder. Reads memory with peek only (no side effects). */
#include <stdio.h>
#include <string.h>
#include "x86_internal.h"

static const char *const r16n[8] = {"ax", "cx", "dx", "bx", "sp", "bp", "si", "di"};
static const char *const r8n[8] = {"al", "cl", "dl", "bl", "ah", "ch", "dh", "bh"};
static const char *const sn[4] = {"es", "cs", "ss", "ds"};
static const char *const ean[8] = {"bx+si", "bx+di", "bp+si", "bp+di", "si", "di", "bp", "bx"};
static const char *const grp1[8] = {"add", "or", "adc", "sbb", "and", "sub", "xor", "cmp"};
static const char *const grp2[8] = {"rol", "ror", "rcl", "rcr", "shl", "shr", "setmo", "sar"};
static const char *const grp3[8] = {"test", "test", "not", "neg", "mul", "imul", "div", "idiv"};
static const char *const grp5[8] = {"inc", "dec", "call", "call far", "jmp", "jmp far", "push", "push"};

struct dis {
    const struct fdx_bus *bus;
    uint32_t addr;
    unsigned n;
    int so;
    char *o;
    size_t left;
};

static uint8_t b8(struct dis *d) { return fdx_bus_peek8(d->bus, (d->addr + d->n++) & 0xFFFFF); }
static uint16_t b16(struct dis *d)
{
    uint16_t lo = b8(d);
    return (uint16_t)(lo | b8(d) << 8);
}


#include <stdarg.h>
static void put(struct dis *d, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(d->o, d->left, fmt, ap);
    va_end(ap);
    if (k < 0) return;
    if ((size_t)k >= d->left) k = (int)d->left - 1;
    d->o += k;
    d->left -= (size_t)k;
}

/* The r/m operand; size 0 none, 1 byte, 2 word, 4 dword (far pointer). */
static void rm_text(struct dis *d, uint8_t modrm, int size)
{
    uint8_t raw[2] = {0, 0};
    unsigned mod = modrm >> 6, rm = modrm & 7;
    if (mod == 3) {
        put(d, "%s", size == 1 ? r8n[rm] : r16n[rm]);
        return;
    }
    unsigned need = mod == 1 ? 1 : (mod == 2 || (mod == 0 && rm == 6)) ? 2 : 0;
    for (unsigned i = 0; i < need; i++) raw[i] = b8(d);
    static const uint16_t zero[8] = {0};
    struct x86_modrm m;
    x86_decode_modrm(modrm, raw, zero, &m);
    if (size == 1) put(d, "byte ");
    else if (size == 2) put(d, "word ");
    else if (size == 4) put(d, "dword ");
    put(d, "[");
    if (d->so >= 0) put(d, "%s:", sn[d->so]);
    if (mod == 0 && rm == 6) {
        put(d, "0x%04x]", m.off);
        return;
    }
    put(d, "%s", ean[rm]);
    if (mod == 1) {
        int v = (int8_t)raw[0];
        put(d, "%c0x%x", v < 0 ? '-' : '+', v < 0 ? -v : v);
    } else if (mod == 2) {
        put(d, "+0x%04x", raw[0] | raw[1] << 8);
    }
    put(d, "]");
}

unsigned x86_disasm(const struct fdx_cpu *cpu, uint32_t addr, struct fdx_disasm *out)
{
    const struct fdx_x86 *c = (const struct fdx_x86 *)cpu;
    struct dis d = {cpu->bus, addr, 0, -1, out->text, sizeof out->text};
    memset(out, 0, sizeof *out);
    d.o = out->text;
    uint8_t op;
    const struct x86_opinfo *oi;
    for (;;) {
        op = b8(&d);
        oi = x86_opinfo(c, op);
        if (oi->form != XF_PREFIX || d.n > 8) break;
        if ((op & 0xE7) == 0x26) d.so = (op >> 3) & 3;
        else put(&d, "%s ", oi->name);
    }
    out->flow = oi->flow;
    int w = op & 1;
    uint32_t next;
    switch (oi->form) {
    case XF_NONE:
        put(&d, "%s", oi->name);
        break;
    case XF_EG: case XF_GE: case XF_EG_T: {
        uint8_t m = b8(&d);
        const char *r = w ? r16n[(m >> 3) & 7] : r8n[(m >> 3) & 7];
        put(&d, "%s ", oi->name);
        if (oi->form == XF_GE) {
            put(&d, "%s, ", r);
            rm_text(&d, m, 0);
        } else {
            rm_text(&d, m, 0);
            put(&d, ", %s", r);
        }
        break;
    }
    case XF_ACC_I:
        if (w) put(&d, "%s ax, 0x%04x", oi->name, b16(&d));
        else put(&d, "%s al, 0x%02x", oi->name, b8(&d));
        break;
    case XF_SEG:
        put(&d, "%s %s", oi->name, sn[(op >> 3) & 3]);
        break;
    case XF_REG16:
        put(&d, "%s %s", oi->name, r16n[op & 7]);
        break;
    case XF_JCC8: {
        int8_t rel = (int8_t)b8(&d);
        next = (uint32_t)(d.addr + d.n);
        out->has_target = true;
        out->target = (next + (uint32_t)(int32_t)rel) & 0xFFFFF;
        put(&d, "%s 0x%05x", oi->name, (unsigned)out->target);
        break;
    }
    case XF_REL16: {
        int16_t rel = (int16_t)b16(&d);
        next = (uint32_t)(d.addr + d.n);
        out->has_target = true;
        out->target = (next + (uint32_t)(int32_t)rel) & 0xFFFFF;
        put(&d, "%s 0x%05x", oi->name, (unsigned)out->target);
        break;
    }
    case XF_GRP1: {
        uint8_t m = b8(&d);
        put(&d, "%s ", grp1[(m >> 3) & 7]);
        rm_text(&d, m, w ? 2 : 1);
        if (op == 0x81) put(&d, ", 0x%04x", b16(&d));
        else if (op == 0x83) put(&d, ", %d", (int8_t)b8(&d));
        else put(&d, ", 0x%02x", b8(&d));
        break;
    }
    case XF_MOVSEG_ES: case XF_MOVSEG_SE: {
        uint8_t m = b8(&d);
        put(&d, "mov ");
        if (oi->form == XF_MOVSEG_SE) put(&d, "%s, ", sn[(m >> 3) & 3]);
        rm_text(&d, m, (m >> 6) == 3 ? 2 : 0);
        if (oi->form == XF_MOVSEG_ES) put(&d, ", %s", sn[(m >> 3) & 3]);
        break;
    }
    case XF_LEA: case XF_BOUND: {
        uint8_t m = b8(&d);
        put(&d, "%s %s, ", oi->name, r16n[(m >> 3) & 7]);
        rm_text(&d, m, 0);
        break;
    }
    case XF_POPE: {
        uint8_t m = b8(&d);
        put(&d, "pop ");
        rm_text(&d, m, 2);
        break;
    }
    case XF_XCHG_AX:
        put(&d, "xchg ax, %s", r16n[op & 7]);
        break;
    case XF_FAR: {
        uint16_t off = b16(&d), seg = b16(&d);
        out->has_target = true;
        out->target = ((uint32_t)seg * 16 + off) & 0xFFFFF;
        put(&d, "%s 0x%04x:0x%04x", oi->name, seg, off);
        break;
    }
    case XF_ACC_MEM: {
        uint16_t off = b16(&d);
        char mem[24];
        snprintf(mem, sizeof mem, "[%s%s0x%04x]", d.so >= 0 ? sn[d.so] : "", d.so >= 0 ? ":" : "", off);
        if (op & 2) put(&d, "mov %s, %s", mem, w ? "ax" : "al");
        else put(&d, "mov %s, %s", w ? "ax" : "al", mem);
        break;
    }
    case XF_STRING:
        if (d.so >= 0) put(&d, "%s %s", sn[d.so], oi->name);
        else put(&d, "%s", oi->name);
        break;
    case XF_MOV_RI:
        if (op & 8) put(&d, "mov %s, 0x%04x", r16n[op & 7], b16(&d));
        else put(&d, "mov %s, 0x%02x", r8n[op & 7], b8(&d));
        break;
    case XF_RET_I:
        put(&d, "%s 0x%04x", oi->name, b16(&d));
        break;
    case XF_MOV_EI: {
        uint8_t m = b8(&d);
        put(&d, "mov ");
        rm_text(&d, m, w ? 2 : 1);
        if (w) put(&d, ", 0x%04x", b16(&d));
        else put(&d, ", 0x%02x", b8(&d));
        break;
    }
    case XF_INT_I:
        put(&d, "int 0x%02x", b8(&d));
        break;
    case XF_SHIFT: {
        uint8_t m = b8(&d);
        put(&d, "%s ", grp2[(m >> 3) & 7]);
        rm_text(&d, m, w ? 2 : 1);
        if (op == 0xC0 || op == 0xC1) put(&d, ", %u", b8(&d));
        else put(&d, (op & 2) ? ", cl" : ", 1");
        break;
    }
    case XF_AAM: {
        uint8_t b = b8(&d);
        if (b == 10) put(&d, "%s", oi->name);
        else put(&d, "%s 0x%02x", oi->name, b);
        break;
    }
    case XF_ESC: {
        uint8_t m = b8(&d);
        put(&d, "esc 0x%02x, ", ((op & 7) << 3) | ((m >> 3) & 7));
        rm_text(&d, m, 0);
        break;
    }
    case XF_IO_I: {
        uint8_t p = b8(&d);
        if (op & 2) put(&d, "out 0x%02x, %s", p, w ? "ax" : "al");
        else put(&d, "in %s, 0x%02x", w ? "ax" : "al", p);
        break;
    }
    case XF_IO_DX:
        if (op & 2) put(&d, "out dx, %s", w ? "ax" : "al");
        else put(&d, "in %s, dx", w ? "ax" : "al");
        break;
    case XF_GRP3: {
        uint8_t m = b8(&d);
        unsigned r = (m >> 3) & 7;
        put(&d, "%s ", grp3[r]);
        rm_text(&d, m, w ? 2 : 1);
        if (r < 2) {
            if (w) put(&d, ", 0x%04x", b16(&d));
            else put(&d, ", 0x%02x", b8(&d));
        }
        break;
    }
    case XF_GRP4: case XF_GRP5: {
        uint8_t m = b8(&d);
        unsigned r = (m >> 3) & 7;
        if (oi->form == XF_GRP4 && r >= 2) {
            put(&d, "(bad)");
            break;
        }
        put(&d, "%s ", grp5[r]);
        rm_text(&d, m, r == 3 || r == 5 ? 4 : (w ? 2 : 1));
        if (r == 2 || r == 3) out->flow = FDX_FLOW_CALL;
        if (r == 4 || r == 5) out->flow = FDX_FLOW_JUMP;
        break;
    }
    case XF_PUSH_I:
        if (op == 0x68) put(&d, "push 0x%04x", b16(&d));
        else put(&d, "push %d", (int8_t)b8(&d));
        break;
    case XF_IMUL_I: {
        uint8_t m = b8(&d);
        put(&d, "imul %s, ", r16n[(m >> 3) & 7]);
        rm_text(&d, m, 0);
        if (op == 0x69) put(&d, ", 0x%04x", b16(&d));
        else put(&d, ", %d", (int8_t)b8(&d));
        break;
    }
    case XF_ENTER: {
        uint16_t sz = b16(&d);
        put(&d, "enter 0x%04x, %u", sz, b8(&d));
        break;
    }
    default:
        put(&d, "db 0x%02x", op);
        break;
    }
    out->length = d.n;
    return d.n;
}
