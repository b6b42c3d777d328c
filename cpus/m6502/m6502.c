/* The 6502 family's glue to the CPU interface: models, lines, registers,
 * state, stepping, and the slow paths the run loops call. */
#include <string.h>
#include <strings.h>

#include "fdx/state.h"
#include "m6502_internal.h"

/* ---- slow paths ----------------------------------------------------------- */

void fdx_m6502_refresh(struct fdx_m6502 *c)
{
    bool slow = c->log_on || c->rdy_until > c->base.cycles;
    if (slow) {
        c->pg = &c->null_page;
        c->shift = 16; /* every address lands on the one empty page */
    } else {
        c->pg = c->base.bus->pages;
        c->shift = c->base.bus->page_shift;
    }
    /* the direct map holds pointers from the table in use: a new one
     * (log, RDY stall, a debugger tap) starts it afresh (only cleared when
     * in use: the 2600 switches tables for every WSYNC) */
    if (c->dm_from != c->pg) {
        c->dm_from = c->pg;
        if (c->direct) fdx_m6502_map_changed(c);
    }
    bool special = c->base.attention || c->base.stop || c->irq_line || c->nmi_pending || c->reset_pending ||
                   c->rdy_low || c->waiting || c->log_on;
    c->lim = special ? 0 : c->end;
}

void fdx_m6502_map_changed(struct fdx_m6502 *c)
{
    memset(c->dmap, 0, sizeof c->dmap);
}

void fdx_m6502_direct_map(struct fdx_m6502 *c, bool on)
{
    c->direct = on;
    fdx_m6502_map_changed(c);
}

/* A 256-byte page is direct when the bus pages covering it give one
 * stretch of host memory (for reads, or for writes). */
uintptr_t fdx_m6502_dm_fill(struct fdx_m6502 *c, unsigned i)
{
    const struct fdx_bus *bus = c->base.bus;
    uint32_t base = (i & 0xFF) << 8;
    bool write = i >= 256;
    uintptr_t v = M6502_DM_BUS;
    if (c->pg == bus->pages && bus->addr_bits == 16) {
        unsigned shift = bus->page_shift;
        uint32_t size = 1u << shift;
        if (shift >= 8) {
            const struct fdx_page *p = &c->pg[base >> shift];
            uint8_t *h = write ? p->write : p->read;
            if (h && p->mask >= 0xFF) v = (uintptr_t)(h + (base & p->mask)) - base;
        } else {
            const struct fdx_page *p = &c->pg[base >> shift];
            uint8_t *h = write ? p->write : p->read;
            bool ok = h != NULL;
            for (uint32_t k = 0; ok && k < 256u >> shift; k++) {
                const uint8_t *hk = write ? p[k].write : p[k].read;
                ok = hk && p[k].mask >= size - 1 && hk == h + k * size;
            }
            if (ok) v = (uintptr_t)h - base;
        }
    }
    c->dmap[i] = v;
    return v;
}

static void log_cycle(struct fdx_m6502 *c, uint32_t a, uint8_t v, uint8_t write)
{
    if (c->nlog < FDX_M6502_LOG_MAX)
        c->log[c->nlog++] = (struct fdx_m6502_cycle){.addr = (uint16_t)a, .data = v, .write = write};
}

uint8_t fdx_m6502_slow_read(struct fdx_m6502 *c, uint32_t a)
{
    /* RDY low: the read cycle repeats until RDY rises; it counts once, at
     * the end of the stall. */
    if (c->rdy_until > c->base.cycles) c->base.cycles = c->rdy_until;
    uint8_t v = (uint8_t)fdx_bus_read_slow(c->base.bus, a, 1);
    if (c->log_on) log_cycle(c, a, v, 0);
    c->base.cycles++;
    fdx_m6502_refresh(c);
    return v;
}

void fdx_m6502_slow_write(struct fdx_m6502 *c, uint32_t a, uint8_t v)
{
    fdx_bus_write_slow(c->base.bus, a, v, 1);
    if (c->log_on) log_cycle(c, a, v, 1);
    c->base.cycles++;
    fdx_m6502_refresh(c);
}

uint16_t fdx_m6502_vector(struct fdx_m6502 *c, uint64_t cyc)
{
    if (c->nmi_pending && c->nmi_at < cyc) {
        c->nmi_pending = false;
        return 0xFFFA;
    }
    return 0xFFFE;
}

int fdx_m6502_boundary(struct fdx_m6502 *c, uint64_t cyc, uint64_t instr)
{
    c->base.cycles = cyc;
    c->base.instructions = instr;
    if (c->base.stop || cyc >= c->end) return M6502_B_STOP;
    if (c->base.attention && fdx_cpu_hook(&c->base, c->pc)) return M6502_B_STOP;
    if (c->reset_pending) return M6502_B_RESET;
    /* the poll happened at the end of the previous instruction's
     * second-to-last cycle (third-to-last for a short taken branch) */
    uint64_t back = c->branch_end == cyc ? 3 : 2;
    uint64_t poll = cyc >= back ? cyc - back : 0;
    bool iflag = (c->ilat_instr == instr ? c->ilat_old : c->p) & FDX_M6502_I;
    if (c->waiting) {
        if (c->nmi_pending || c->irq_line) {
            c->waiting = false;
        } else {
            c->base.cycles = c->end; /* WAI: time passes */
            return M6502_B_STOP;
        }
    }
    if (c->nmi_pending && c->nmi_at <= poll) return M6502_B_INTERRUPT;
    if (c->irq_line && !iflag && c->irq_at <= poll) return M6502_B_INTERRUPT;
    if (c->rdy_low) {
        c->base.cycles = c->end; /* RDY held low: nothing runs */
        return M6502_B_STOP;
    }
    fdx_m6502_refresh(c);
    return M6502_B_CONTINUE;
}

/* ---- lines ----------------------------------------------------------------- */

void fdx_m6502_set_irq_at(struct fdx_m6502 *c, bool asserted, uint64_t cycle)
{
    if (asserted && !c->irq_line) c->irq_at = cycle;
    c->irq_line = asserted;
    if (asserted) c->waiting = false;
    fdx_m6502_refresh(c);
}

void fdx_m6502_set_nmi_at(struct fdx_m6502 *c, bool asserted, uint64_t cycle)
{
    if (asserted && !c->nmi_line) {
        c->nmi_pending = true;
        c->nmi_at = cycle;
    }
    c->nmi_line = asserted;
    fdx_m6502_refresh(c);
}

void fdx_m6502_rdy_until(struct fdx_m6502 *c, uint64_t cycle)
{
    c->rdy_until = cycle;
    fdx_m6502_refresh(c);
}

void fdx_m6502_log(struct fdx_m6502 *c, bool on)
{
    c->log_on = on;
    c->nlog = 0;
    c->log_pos = 0;
    fdx_m6502_refresh(c);
}

void fdx_m6502_set_trap(struct fdx_m6502 *c, uint32_t from, fdx_m6502_trap_fn fn, void *ctx)
{
    c->trap_from = fn ? from : 0x10000;
    c->trap = fn;
    c->trap_ctx = ctx;
}

static void set_line(struct fdx_cpu *cpu, enum fdx_line line, uint32_t level)
{
    struct fdx_m6502 *c = (struct fdx_m6502 *)cpu;
    switch (line) {
    case FDX_LINE_IRQ: fdx_m6502_set_irq_at(c, level != 0, c->base.cycles); break;
    case FDX_LINE_NMI: fdx_m6502_set_nmi_at(c, level != 0, c->base.cycles); break;
    case FDX_LINE_RESET:
        if (level) {
            c->reset_pending = true;
            c->halted = false;
            c->waiting = false;
        }
        break;
    case FDX_LINE_RDY: c->rdy_low = level == 0; break;
    case FDX_LINE_SO:
        if (level) c->p |= FDX_M6502_V;
        break;
    default: break;
    }
    fdx_m6502_refresh(c);
}

/* ---- life cycle ------------------------------------------------------------- */

static void reset(struct fdx_cpu *cpu)
{
    struct fdx_m6502 *c = (struct fdx_m6502 *)cpu;
    c->reset_pending = true;
    c->halted = false;
    c->waiting = false;
    c->nmi_pending = false;
    fdx_m6502_refresh(c);
}

void fdx_m6502_init(struct fdx_m6502 *c, const struct fdx_cpu_ops *ops, struct fdx_bus *bus)
{
    memset(c, 0, sizeof *c);
    c->base.ops = ops;
    c->base.bus = bus;
    c->model = ops == &fdx_m6502_ops_65c02 ? FDX_M6502_65C02 : ops == &fdx_m6502_ops_6507 ? FDX_M6502_6507
                                                                                          : FDX_M6502_NMOS;
    c->p = FDX_M6502_U | FDX_M6502_I;
    c->trap_from = 0x10000;
    c->ilat_instr = UINT64_MAX;
    c->branch_end = UINT64_MAX;
    reset(&c->base);
}

void fdx_m6502_set_pc(struct fdx_m6502 *c, uint16_t pc)
{
    c->pc = pc;
    if (c->reset_pending) {
        /* as if the reset sequence had run */
        c->reset_pending = false;
        c->s = (uint8_t)(c->s - 3);
        c->p |= FDX_M6502_I;
    }
    c->halted = false;
    fdx_m6502_refresh(c);
}

/* ---- registers ----------------------------------------------------------------- */

static const struct fdx_reg_desc regs[] = {
    {"A", 8, FDX_REG_GENERAL, NULL}, {"X", 8, FDX_REG_GENERAL, NULL}, {"Y", 8, FDX_REG_GENERAL, NULL},
    {"S", 8, FDX_REG_SP, NULL},      {"PC", 16, FDX_REG_PC, NULL},    {"P", 8, FDX_REG_FLAGS, "NV-BDIZC"},
};

static uint64_t get_reg(const struct fdx_cpu *cpu, unsigned i)
{
    const struct fdx_m6502 *c = (const struct fdx_m6502 *)cpu;
    switch (i) {
    case 0: return c->a;
    case 1: return c->x;
    case 2: return c->y;
    case 3: return c->s;
    case 4: return c->pc;
    case 5: return c->p;
    default: return 0;
    }
}

static void set_reg(struct fdx_cpu *cpu, unsigned i, uint64_t v)
{
    struct fdx_m6502 *c = (struct fdx_m6502 *)cpu;
    switch (i) {
    case 0: c->a = (uint8_t)v; break;
    case 1: c->x = (uint8_t)v; break;
    case 2: c->y = (uint8_t)v; break;
    case 3: c->s = (uint8_t)v; break;
    case 4: fdx_m6502_set_pc(c, (uint16_t)v); break;
    case 5: c->p = (uint8_t)v; break;
    default: break;
    }
}

static uint32_t get_pc(const struct fdx_cpu *cpu)
{
    return ((const struct fdx_m6502 *)cpu)->pc;
}

static unsigned disasm(const struct fdx_cpu *cpu, uint32_t addr, struct fdx_disasm *out)
{
    const struct fdx_m6502 *c = (const struct fdx_m6502 *)cpu;
    uint8_t b[3];
    uint32_t mask = c->model == FDX_M6502_6507 ? 0x1FFF : 0xFFFF;
    for (unsigned i = 0; i < 3; i++) b[i] = fdx_bus_peek8(c->base.bus, (addr + i) & mask);
    return fdx_m6502_disasm_bytes(c->model, (uint16_t)addr, b, out);
}

/* ---- stepping ------------------------------------------------------------------ */

static uint64_t step(struct fdx_cpu *cpu, enum fdx_step_kind kind)
{
    struct fdx_m6502 *c = (struct fdx_m6502 *)cpu;
    if (kind == FDX_STEP_INSTRUCTION) return cpu->ops->run(cpu, 1);
    /* cycle: replay the log of the last instruction, then run the next one */
    if (c->log_instr == c->base.instructions && c->log_pos < c->nlog) {
        c->log_pos++;
        return 0;
    }
    bool was = c->log_on;
    fdx_m6502_log(c, true);
    uint64_t ran = cpu->ops->run(cpu, 1);
    c->log_on = was;
    c->log_pos = c->nlog ? 1 : 0;
    c->log_instr = c->base.instructions;
    fdx_m6502_refresh(c);
    return ran;
}

/* ---- save state ------------------------------------------------------------------ */

static void state(struct fdx_cpu *cpu, struct fdx_state *st)
{
    struct fdx_m6502 *c = (struct fdx_m6502 *)cpu;
    fdx_state_begin(st, "6502", 1);
    fdx_state_u64(st, "cycles", &c->base.cycles);
    fdx_state_u64(st, "instructions", &c->base.instructions);
    fdx_state_u16(st, "pc", &c->pc);
    fdx_state_u8(st, "a", &c->a);
    fdx_state_u8(st, "x", &c->x);
    fdx_state_u8(st, "y", &c->y);
    fdx_state_u8(st, "s", &c->s);
    fdx_state_u8(st, "p", &c->p);
    fdx_state_bool(st, "halted", &c->halted);
    fdx_state_bool(st, "waiting", &c->waiting);
    fdx_state_bool(st, "irq_line", &c->irq_line);
    fdx_state_bool(st, "nmi_line", &c->nmi_line);
    fdx_state_bool(st, "nmi_pending", &c->nmi_pending);
    fdx_state_bool(st, "reset_pending", &c->reset_pending);
    fdx_state_bool(st, "rdy_low", &c->rdy_low);
    fdx_state_u64(st, "irq_at", &c->irq_at);
    fdx_state_u64(st, "nmi_at", &c->nmi_at);
    fdx_state_u64(st, "rdy_until", &c->rdy_until);
    /* DMA holds a 6502 for some hundred cycles at most (machines check
     * tighter); a stall far ahead would jump the clock by years (fuzz) */
    fdx_state_check(st, c->rdy_until <= c->base.cycles + 65536, "RDY stall too long");
    fdx_state_u64(st, "ilat_instr", &c->ilat_instr);
    fdx_state_u8(st, "ilat_old", &c->ilat_old);
    fdx_state_u64(st, "branch_end", &c->branch_end);
    fdx_state_end(st);
    if (st->mode == FDX_STATE_LOAD) fdx_m6502_refresh(c);
}

/* ---- models --------------------------------------------------------------------- */

/* The direct-map run loops while the machine asked for them and no
 * debugger tap is active. */
static uint64_t run_nmos(struct fdx_cpu *cpu, uint64_t budget)
{
    struct fdx_m6502 *c = (struct fdx_m6502 *)cpu;
    if (c->direct && !fdx_bus_tap_active(cpu->bus)) return fdx_m6502_run_nmos_direct(cpu, budget);
    return fdx_m6502_run_nmos(cpu, budget);
}

static uint64_t run_cmos(struct fdx_cpu *cpu, uint64_t budget)
{
    struct fdx_m6502 *c = (struct fdx_m6502 *)cpu;
    if (c->direct && !fdx_bus_tap_active(cpu->bus)) return fdx_m6502_run_cmos_direct(cpu, budget);
    return fdx_m6502_run_cmos(cpu, budget);
}

#define M6502_OPS(sym_, name_, runfn_)                                                                      \
    const struct fdx_cpu_ops sym_ = {                                                                       \
        .name = name_,                                                                                      \
        .family = "m6502",                                                                                  \
        .state_size = sizeof(struct fdx_m6502),                                                             \
        .regs = regs,                                                                                       \
        .nregs = sizeof regs / sizeof regs[0],                                                              \
        .addr_digits = 4,                                                                                   \
        .reset = reset,                                                                                     \
        .run = runfn_,                                                                                      \
        .step = step,                                                                                       \
        .set_line = set_line,                                                                               \
        .get_reg = get_reg,                                                                                 \
        .set_reg = set_reg,                                                                                 \
        .pc = get_pc,                                                                                       \
        .disasm = disasm,                                                                                   \
        .state = state,                                                                                     \
    }

M6502_OPS(fdx_m6502_ops_6502, "6502", run_nmos);
M6502_OPS(fdx_m6502_ops_6507, "6507", fdx_m6502_run_6507);
M6502_OPS(fdx_m6502_ops_65c02, "65C02", run_cmos);

const struct fdx_cpu_ops *fdx_m6502_ops_find(const char *name)
{
    if (!strcasecmp(name, "6502") || !strcasecmp(name, "nmos6502") || !strcasecmp(name, "nmos"))
        return &fdx_m6502_ops_6502;
    if (!strcasecmp(name, "6507")) return &fdx_m6502_ops_6507;
    if (!strcasecmp(name, "65c02") || !strcasecmp(name, "wdc65c02")) return &fdx_m6502_ops_65c02;
    return NULL;
}
