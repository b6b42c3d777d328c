/* The x86 CPU's fdx_cpu_ops: reset, the run loop (interrupts, HLT, the
 * debugger hook), lines, registers and save state. */
#include <string.h>
#include "fdx/state.h"
#include "x86_internal.h"
#include "x86_exec.h"

unsigned x86_disasm(const struct fdx_cpu *cpu, uint32_t addr, struct fdx_disasm *out);

static const struct fdx_reg_desc x86_regs[] = {
    {"AX", 16, FDX_REG_GENERAL, NULL}, {"BX", 16, FDX_REG_GENERAL, NULL},
    {"CX", 16, FDX_REG_GENERAL, NULL}, {"DX", 16, FDX_REG_GENERAL, NULL},
    {"SI", 16, FDX_REG_GENERAL, NULL}, {"DI", 16, FDX_REG_GENERAL, NULL},
    {"BP", 16, FDX_REG_GENERAL, NULL}, {"SP", 16, FDX_REG_SP, NULL},
    {"CS", 16, FDX_REG_SEGMENT, NULL}, {"DS", 16, FDX_REG_SEGMENT, NULL},
    {"ES", 16, FDX_REG_SEGMENT, NULL}, {"SS", 16, FDX_REG_SEGMENT, NULL},
    {"IP", 16, FDX_REG_PC, NULL},      {"FLAGS", 16, FDX_REG_FLAGS, "----ODITSZ-A-P-C"},
};
/* index in x86_regs -> r[] index (general) or seg index (segments) */
static const uint8_t reg_map[8] = {X86_AX, X86_BX, X86_CX, X86_DX, X86_SI, X86_DI, X86_BP, X86_SP};
static const uint8_t seg_map[4] = {X86_CS, X86_DS, X86_ES, X86_SS};

static struct fdx_x86 *X(struct fdx_cpu *cpu) { return (struct fdx_x86 *)cpu; }
static const struct fdx_x86 *XC(const struct fdx_cpu *cpu) { return (const struct fdx_x86 *)cpu; }

static void x86_reset(struct fdx_cpu *cpu)
{
    struct fdx_x86 *c = X(cpu);
    memset(c->r, 0, sizeof c->r);
    for (int s = 0; s < 4; s++) fdx_x86_set_seg(c, s, 0);
    fdx_x86_set_seg(c, X86_CS, 0xFFFF);
    c->ip = 0;
    c->flags = fdx_x86_fix_flags(c, 0);
    c->lz_op = 0;
    fdx_x86_flush(c);
    c->qlin = (c->seg[X86_CS].base + c->ip) & 0xFFFFF;
    c->nmi_pending = 0;
    c->halted = 0;
    c->inhibit = 0;
    c->trap = 0;
    memset(c->zero_, 0, sizeof c->zero_);
    c->last_fault = 0;
}

static uint64_t x86_run(struct fdx_cpu *cpu, uint64_t cycles)
{
    struct fdx_x86 *c = X(cpu);
    uint64_t start = c->base.cycles, end = start + cycles;
    while (c->base.cycles < end) {
        uint32_t pending;
        memcpy(&pending, &c->intr, sizeof pending); /* intr, nmi_pending, halted, inhibit */
        c->trap = (c->flags & X86_TF) != 0;
        if (!(pending | c->base.attention | c->trap)) {
            /* fast path: nothing pending */
            x86_run_fast(c, end);
            if (c->base.stop) break;
            continue;
        }
        bool inhibited = c->inhibit;
        c->inhibit = 0; /* holds off interrupts for one instruction only */
        if (!inhibited && x86_irq_due(c)) {
            c->halted = 0;
            if (c->nmi_pending) {
                c->nmi_pending = 0;
                x86_hw_interrupt(c, 2);
            } else {
                uint8_t vec = c->inta ? c->inta(c->inta_ctx) : 0xFF;
                x86_hw_interrupt(c, vec);
            }
        }
        if (c->halted) {
            if (!(c->flags & X86_IF)) {
                c->base.stop = FDX_STOP_HALTED;
                break;
            }
            c->base.cycles = end; /* idle until an interrupt */
            break;
        }
        if (c->base.attention &&
            fdx_cpu_hook(&c->base, (c->seg[X86_CS].base + c->ip) & 0xFFFFF))
            break;
        x86_exec_one(c, end);
        if (c->base.stop) break;
    }
    return c->base.cycles - start;
}

static uint64_t x86_step(struct fdx_cpu *cpu, enum fdx_step_kind kind)
{
    (void)kind; /* a cycle step runs the whole instruction */
    struct fdx_x86 *c = X(cpu);
    uint64_t start = c->base.cycles;
    bool inhibited = c->inhibit;
    c->inhibit = 0;
    if (!inhibited && x86_irq_due(c)) {
        c->halted = 0;
        if (c->nmi_pending) {
            c->nmi_pending = 0;
            x86_hw_interrupt(c, 2);
        } else {
            x86_hw_interrupt(c, c->inta ? c->inta(c->inta_ctx) : 0xFF);
        }
        return c->base.cycles - start;
    }
    if (c->halted) {
        c->base.cycles += 1;
        return 1;
    }
    x86_exec_one(c, c->base.cycles + 1);
    return c->base.cycles - start;
}

static void x86_set_line(struct fdx_cpu *cpu, enum fdx_line line, uint32_t level)
{
    struct fdx_x86 *c = X(cpu);
    x86_kick(c);
    switch (line) {
    case FDX_LINE_RESET:
        if (level) x86_reset(cpu);
        break;
    case FDX_LINE_NMI:
        if (level && !c->nmi_level) c->nmi_pending = 1;
        c->nmi_level = level != 0;
        break;
    case FDX_LINE_IRQ:
        c->intr = level != 0;
        break;
    default:
        break;
    }
}

static uint64_t x86_get_reg(const struct fdx_cpu *cpu, unsigned i)
{
    const struct fdx_x86 *c = XC(cpu);
    if (i < 8) return c->r[reg_map[i]];
    if (i < 12) return c->seg[seg_map[i - 8]].sel;
    if (i == 12) return c->ip;
    if (i == 13) return fdx_x86_fix_flags(c, c->flags);
    return 0;
}

static void x86_set_reg(struct fdx_cpu *cpu, unsigned i, uint64_t v)
{
    struct fdx_x86 *c = X(cpu);
    if (i < 8) c->r[reg_map[i]] = (uint16_t)v;
    else if (i < 12) fdx_x86_set_seg(c, seg_map[i - 8], (uint16_t)v);
    else if (i == 12) c->ip = (uint16_t)v;
    else if (i == 13) c->flags = fdx_x86_fix_flags(c, (uint16_t)v);
    if (i == 8 || i == 12) {
        fdx_x86_flush(c);
        c->qlin = (c->seg[X86_CS].base + c->ip) & 0xFFFFF;
    }
}

static uint32_t x86_pc(const struct fdx_cpu *cpu)
{
    const struct fdx_x86 *c = XC(cpu);
    return (c->seg[X86_CS].base + c->ip) & 0xFFFFF;
}

static void x86_state(struct fdx_cpu *cpu, struct fdx_state *st)
{
    struct fdx_x86 *c = X(cpu);
    uint16_t sel[4];
    for (int s = 0; s < 4; s++) sel[s] = c->seg[s].sel;
    fdx_state_begin(st, "X86 ", 1);
    fdx_state_u64(st, "cycles", &c->base.cycles);
    fdx_state_u64(st, "instructions", &c->base.instructions);
    fdx_state_u16_array(st, "regs", c->r, 8);
    fdx_state_u16_array(st, "sregs", sel, 4);
    fdx_state_u16(st, "ip", &c->ip);
    fdx_state_u16(st, "flags", &c->flags);
    fdx_state_u8(st, "qlen", &c->qlen);
    fdx_state_u8(st, "qmat", &c->qmat);
    fdx_state_bytes(st, "qbuf", c->qbuf, sizeof c->qbuf);
    fdx_state_u32(st, "qlin", &c->qlin);
    fdx_state_u8(st, "intr", &c->intr);
    fdx_state_u8(st, "nmi_pending", &c->nmi_pending);
    fdx_state_u8(st, "nmi_level", &c->nmi_level);
    fdx_state_u8(st, "halted", &c->halted);
    fdx_state_u8(st, "inhibit", &c->inhibit);
    fdx_state_end(st);
    if (st->mode == FDX_STATE_LOAD) {
        fdx_state_check(st, c->qlen <= c->qcap && c->qmat <= c->qlen, "x86 prefetch queue");
        for (int s = 0; s < 4; s++) fdx_x86_set_seg(c, s, sel[s]);
        x86_window_drop(c);
        c->flags = fdx_x86_fix_flags(c, c->flags);
    }
}

#define X86_OPS(sym, nm)                                                                       \
    const struct fdx_cpu_ops sym = {                                                           \
        .name = nm, .family = "x86", .state_size = sizeof(struct fdx_x86), .regs = x86_regs,   \
        .nregs = sizeof x86_regs / sizeof x86_regs[0], .addr_digits = 5, .reset = x86_reset,   \
        .run = x86_run, .step = x86_step, .set_line = x86_set_line, .get_reg = x86_get_reg,    \
        .set_reg = x86_set_reg, .pc = x86_pc, .disasm = x86_disasm, .state = x86_state,       \
    };
X86_OPS(fdx_x86_8088_ops, "8088")
X86_OPS(fdx_x86_8086_ops, "8086")
X86_OPS(fdx_x86_80188_ops, "80188")
X86_OPS(fdx_x86_80186_ops, "80186")

void fdx_x86_init(struct fdx_x86 *c, int model, struct fdx_bus *mem, struct fdx_bus *io)
{
    static const struct fdx_cpu_ops *const ops[4] = {&fdx_x86_8088_ops, &fdx_x86_8086_ops,
                                                     &fdx_x86_80188_ops, &fdx_x86_80186_ops};
    if (model < 0 || model > 3) model = FDX_X86_8088;
    c->base.ops = ops[model];
    c->base.bus = mem;
    c->base.io = io;
    c->model = model;
    c->qcap = (model == FDX_X86_8088 || model == FDX_X86_80188) ? 4 : 6;
    c->fetch_clk = c->qcap == 4 ? 2 : 1; /* shift: 4 or 2 clocks per byte */
    x86_reset(&c->base);
}
