#define _POSIX_C_SOURCE 200809L
/* The debugger tests' toy CPU and machine (see toy.h). */
#include "toy.h"

#include <stdlib.h>
#include <string.h>

struct toy_cpu {
    struct fdx_cpu base;
    uint8_t a, s, p;            /* p: bit7 I, bit1 Z, bit0 C */
    uint16_t pc;
    uint8_t irq;                /* IRQ line level */
    bool halted;
    bool report_events;         /* use fdx_cpu_event (else the debugger guesses) */
};

static const struct fdx_reg_desc toy_regs[] = {
    {"A", 8, FDX_REG_GENERAL, NULL},
    {"S", 8, FDX_REG_SP, NULL},
    {"PC", 16, FDX_REG_PC, NULL},
    {"P", 8, FDX_REG_FLAGS, "I-----ZC"},
};

static uint8_t rd(struct toy_cpu *c, uint16_t a)
{
    uint8_t v = fdx_bus_read8(c->base.bus, a);
    c->base.cycles++;
    return v;
}

static void wr(struct toy_cpu *c, uint16_t a, uint8_t v)
{
    fdx_bus_write8(c->base.bus, a, v);
    c->base.cycles++;
}

static void push(struct toy_cpu *c, uint8_t v)
{
    wr(c, (uint16_t)(0x100 | c->s), v);
    c->s--;
}

static uint8_t pull(struct toy_cpu *c)
{
    c->s++;
    return rd(c, (uint16_t)(0x100 | c->s));
}

static void setz(struct toy_cpu *c, uint8_t v)
{
    c->p = (uint8_t)((c->p & ~2) | (v ? 0 : 2));
}

static void enter(struct toy_cpu *c, uint16_t vector, enum fdx_cpu_event_kind kind, uint32_t num)
{
    push(c, (uint8_t)(c->pc >> 8));
    push(c, (uint8_t)c->pc);
    push(c, c->p);
    c->p |= 0x80;
    uint8_t lo = rd(c, vector);
    c->pc = (uint16_t)(lo | rd(c, (uint16_t)(vector + 1)) << 8);
    if (c->base.attention && c->report_events) fdx_cpu_event(&c->base, kind, num);
}

static void exec(struct toy_cpu *c)
{
    uint8_t op = rd(c, c->pc++);
    uint8_t lo, hi;
    switch (op) {
    case 0x00: break;
    case 0x01: c->a = rd(c, c->pc++); setz(c, c->a); break;
    case 0x02: lo = rd(c, c->pc++); hi = rd(c, c->pc++); c->a = rd(c, (uint16_t)(lo | hi << 8)); setz(c, c->a); break;
    case 0x03: lo = rd(c, c->pc++); hi = rd(c, c->pc++); wr(c, (uint16_t)(lo | hi << 8), c->a); break;
    case 0x04: c->a++; setz(c, c->a); c->base.cycles++; break;
    case 0x05: lo = rd(c, c->pc++); hi = rd(c, c->pc); c->pc = (uint16_t)(lo | hi << 8); break;
    case 0x06:
        lo = rd(c, c->pc++);
        hi = rd(c, c->pc++);
        push(c, (uint8_t)(c->pc >> 8));
        push(c, (uint8_t)c->pc);
        c->pc = (uint16_t)(lo | hi << 8);
        break;
    case 0x07: lo = pull(c); hi = pull(c); c->pc = (uint16_t)(lo | hi << 8); break;
    case 0x08: {
        int8_t r = (int8_t)rd(c, c->pc++);
        if (!(c->p & 2)) {
            c->pc = (uint16_t)(c->pc + r);
            c->base.cycles++;
        }
        break;
    }
    case 0x09: c->p = pull(c); lo = pull(c); hi = pull(c); c->pc = (uint16_t)(lo | hi << 8); break;
    case 0x0A: {
        uint8_t n = rd(c, c->pc++);
        enter(c, 0xFFF8, FDX_EVENT_INT, n);
        break;
    }
    case 0x0B: c->halted = true; c->pc--; break;
    case 0x0C: {
        uint8_t v = rd(c, c->pc++);
        setz(c, (uint8_t)(c->a - v));
        c->p = (uint8_t)((c->p & ~1) | (c->a >= v));
        break;
    }
    case 0x0D: c->p &= 0x7F; c->base.cycles++; break;
    case 0x0E: c->p |= 0x80; c->base.cycles++; break;
    case 0x0F: c->a--; setz(c, c->a); c->base.cycles++; break;
    default: c->halted = true; c->pc--; break;
    }
}

static uint64_t toy_run(struct fdx_cpu *cpu, uint64_t budget)
{
    struct toy_cpu *c = (struct toy_cpu *)cpu;
    uint64_t start = cpu->cycles;
    while (cpu->cycles - start < budget && !cpu->stop) {
        if (c->halted) {
            cpu->stop = FDX_STOP_HALTED;
            break;
        }
        if (c->irq && !(c->p & 0x80)) enter(c, 0xFFFC, FDX_EVENT_IRQ, 0);
        if (cpu->attention && fdx_cpu_hook(cpu, c->pc)) break;
        exec(c);
        cpu->instructions++;
    }
    return cpu->cycles - start;
}

static uint64_t toy_get(const struct fdx_cpu *cpu, unsigned i)
{
    const struct toy_cpu *c = (const struct toy_cpu *)cpu;
    switch (i) {
    case 0: return c->a;
    case 1: return c->s;
    case 2: return c->pc;
    default: return c->p;
    }
}

static void toy_set(struct fdx_cpu *cpu, unsigned i, uint64_t v)
{
    struct toy_cpu *c = (struct toy_cpu *)cpu;
    switch (i) {
    case 0: c->a = (uint8_t)v; break;
    case 1: c->s = (uint8_t)v; break;
    case 2: c->pc = (uint16_t)v; break;
    default: c->p = (uint8_t)v; break;
    }
}

static uint32_t toy_pc(const struct fdx_cpu *cpu)
{
    return ((const struct toy_cpu *)cpu)->pc;
}

static unsigned toy_disasm(const struct fdx_cpu *cpu, uint32_t addr, struct fdx_disasm *o)
{
    static const char *const names[16] = {"NOP", "LDA", "LDA", "STA", "INC", "JMP", "JSR", "RTS",
                                          "BNE", "RTI", "TRAP", "HLT", "CMP", "CLI", "SEI", "DEC"};
    static const uint8_t lens[16] = {1, 2, 3, 3, 1, 3, 3, 1, 2, 1, 2, 1, 2, 1, 1, 1};
    const struct fdx_bus *b = cpu->bus;
    uint8_t op = fdx_bus_peek8(b, addr);
    uint8_t b1 = fdx_bus_peek8(b, (addr + 1) & 0xFFFF), b2 = fdx_bus_peek8(b, (addr + 2) & 0xFFFF);
    memset(o, 0, sizeof *o);
    if (op > 0x0F) {
        snprintf(o->text, sizeof o->text, ".byte $%02X", op);
        o->length = 1;
        o->flow = FDX_FLOW_HALT;
        return 1;
    }
    o->length = lens[op];
    uint16_t abs = (uint16_t)(b1 | b2 << 8);
    switch (op) {
    case 0x01: case 0x0C: snprintf(o->text, sizeof o->text, "%s #$%02X", names[op], b1); break;
    case 0x0A: snprintf(o->text, sizeof o->text, "TRAP $%02X", b1); o->flow = FDX_FLOW_TRAP; break;
    case 0x02: case 0x03: snprintf(o->text, sizeof o->text, "%s $%04X", names[op], abs); break;
    case 0x05: case 0x06:
        snprintf(o->text, sizeof o->text, "%s $%04X", names[op], abs);
        o->flow = op == 0x05 ? FDX_FLOW_JUMP : FDX_FLOW_CALL;
        o->has_target = true;
        o->target = abs;
        break;
    case 0x08:
        o->target = (uint16_t)(addr + 2 + (int8_t)b1);
        snprintf(o->text, sizeof o->text, "BNE $%04X", (unsigned)o->target);
        o->flow = FDX_FLOW_BRANCH;
        o->has_target = true;
        break;
    default: snprintf(o->text, sizeof o->text, "%s", names[op]); break;
    }
    if (op == 0x07 || op == 0x09) o->flow = FDX_FLOW_RETURN;
    if (op == 0x0B) o->flow = FDX_FLOW_HALT;
    return o->length;
}

static void toy_state(struct fdx_cpu *cpu, struct fdx_state *st)
{
    struct toy_cpu *c = (struct toy_cpu *)cpu;
    fdx_state_begin(st, "TOYC", 1);
    fdx_state_u64(st, "cycles", &cpu->cycles);
    fdx_state_u64(st, "instructions", &cpu->instructions);
    fdx_state_u8(st, "a", &c->a);
    fdx_state_u8(st, "s", &c->s);
    fdx_state_u8(st, "p", &c->p);
    fdx_state_u16(st, "pc", &c->pc);
    fdx_state_u8(st, "irq", &c->irq);
    fdx_state_bool(st, "halted", &c->halted);
    fdx_state_end(st);
}

static void toy_reset(struct fdx_cpu *cpu)
{
    struct toy_cpu *c = (struct toy_cpu *)cpu;
    c->a = 0;
    c->s = 0xFF;
    c->p = 0x80;
    c->halted = false;
    c->pc = fdx_bus_peek(cpu->bus, 0xFFFA, 2);
}

static const struct fdx_cpu_ops toy_ops = {
    .name = "toy", .family = "toy", .state_size = sizeof(struct toy_cpu), .regs = toy_regs, .nregs = 4,
    .addr_digits = 4, .reset = toy_reset, .run = toy_run, .get_reg = toy_get, .set_reg = toy_set,
    .pc = toy_pc, .disasm = toy_disasm, .state = toy_state,
};

/* ---- machine ---- */

struct toy_machine {
    struct fdx_machine *m;
    struct fdx_bus bus;
    struct toy_cpu cpu;
    uint8_t ram[0x10000];
    uint8_t banks[2][0x1000];
    uint8_t period, bank;
    int timer;
    struct fdx_io io;
};

static void map_bank(struct toy_machine *t)
{
    struct fdx_map_entry e = {.base = 0xE000, .size = 0x1000, .kind = FDX_MAP_RAM, .mem = t->banks[t->bank & 1], .mem_size = 0x1000};
    fdx_bus_map(&t->bus, &e, 1);
}

static uint32_t io_read(void *ctx, uint32_t addr, unsigned size)
{
    struct toy_machine *t = ctx;
    (void)size;
    if (addr == 0xD000) {
        t->cpu.irq = 0;
        return t->period;
    }
    if (addr == 0xD001) return t->bank;
    return 0xFF;
}

static uint32_t io_peek(void *ctx, uint32_t addr, unsigned size)
{
    struct toy_machine *t = ctx;
    (void)size;
    return addr == 0xD000 ? t->period : addr == 0xD001 ? t->bank : 0xFF;
}

static void arm(struct toy_machine *t)
{
    if (t->period) fdx_sched_arm(&t->m->sched, t->timer, fdx_machine_now(t->m) + 16u * t->period);
    else fdx_sched_disarm(&t->m->sched, t->timer);
}

static void io_write(void *ctx, uint32_t addr, uint32_t v, unsigned size)
{
    struct toy_machine *t = ctx;
    (void)size;
    if (addr == 0xD000) {
        t->period = (uint8_t)v;
        arm(t);
    } else if (addr == 0xD001) {
        t->bank = (uint8_t)(v & 1);
        map_bank(t);
    }
}

static void on_timer(void *ctx, uint64_t due)
{
    struct toy_machine *t = ctx;
    t->cpu.irq = 1;
    if (t->period) fdx_sched_arm(&t->m->sched, t->timer, due + 16u * t->period);
}

static int load_program(struct toy_machine *t, const char *path, struct fdx_err *err)
{
    /* a program file: ADDR: bytes in hex, one block per line */
    uint8_t *data;
    size_t size;
    if (fdx_file_read(path, 1 << 20, &data, &size, err)) return -1;
    char *text = malloc(size + 1);
    if (!text) {
        free(data);
        return fdx_err_set(err, "out of memory");
    }
    memcpy(text, data, size);
    text[size] = 0;
    free(data);
    char *save = NULL;
    for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char *colon = strchr(line, ':');
        if (!colon || line[0] == '#') continue;
        unsigned long addr = strtoul(line, NULL, 16);
        char *p = colon + 1;
        for (;;) {
            char *end;
            unsigned long b = strtoul(p, &end, 16);
            if (end == p) break;
            t->ram[addr++ & 0xFFFF] = (uint8_t)b;
            p = end;
        }
    }
    free(text);
    return 0;
}

static int toy_create(struct fdx_machine *m, struct fdx_err *err)
{
    struct toy_machine *t = m->impl;
    t->m = m;
    if (fdx_bus_init(&t->bus, 16, 8, FDX_LITTLE_ENDIAN)) return fdx_err_set(err, "bus");
    t->io = (struct fdx_io){.read = io_read, .write = io_write, .peek = io_peek, .ctx = t};
    struct fdx_map_entry map[] = {
        {.base = 0, .size = 0x10000, .kind = FDX_MAP_RAM, .mem = t->ram, .mem_size = 0x10000},
        {.base = 0xD000, .size = 0x100, .kind = FDX_MAP_IO, .io = &t->io},
    };
    if (fdx_bus_map(&t->bus, map, 2)) return fdx_err_set(err, "map");
    for (int i = 0; i < 0x1000; i++) t->banks[0][i] = 0xA0, t->banks[1][i] = 0xB1;
    map_bank(t);
    t->timer = fdx_sched_add(&m->sched, "timer", on_timer, t);
    for (unsigned i = 0; i < m->opts.argc; i++)
        if (load_program(t, m->opts.argv[i], err)) return -1;
    bool ev = false;
    if (fdx_machine_opt_bool(m, "events", &ev, err)) return -1;
    t->cpu.base.ops = &toy_ops;
    t->cpu.base.bus = &t->bus;
    t->cpu.report_events = ev;
    toy_reset(&t->cpu.base);
    m->cpu = &t->cpu.base;
    return 0;
}

static void toy_destroy(struct fdx_machine *m)
{
    struct toy_machine *t = m->impl;
    if (t) fdx_bus_free(&t->bus);
}

static enum fdx_run_result toy_mrun(struct fdx_machine *m, uint64_t until)
{
    return fdx_machine_run_cpu(m, m->cpu, until);
}

static void toy_mstate(struct fdx_machine *m, struct fdx_state *st)
{
    struct toy_machine *t = m->impl;
    fdx_state_begin(st, "TOYM", 1);
    fdx_state_bytes(st, "ram", t->ram, sizeof t->ram);
    fdx_state_bytes(st, "banks", t->banks, sizeof t->banks);
    fdx_state_u8(st, "period", &t->period);
    fdx_state_u8(st, "bank", &t->bank);
    fdx_state_end(st);
    t->cpu.base.ops->state(&t->cpu.base, st);
    if (st->mode == FDX_STATE_LOAD) map_bank(t);
}

static void toy_mreset(struct fdx_machine *m, bool hard)
{
    struct toy_machine *t = m->impl;
    (void)hard;
    toy_reset(&t->cpu.base);
}

/* input: a switch event's value lands in RAM at $00FF (the program polls it) */
static void toy_input(struct fdx_machine *m, const struct fdx_input_event *ev)
{
    struct toy_machine *t = m->impl;
    if (ev->kind == FDX_INPUT_SWITCH) t->ram[0xFF] = (uint8_t)ev->value;
}

static const struct fdx_option_desc toy_options[] = {
    {.name = "events", .type = FDX_OPT_BOOL, .def = "off", .help = "the CPU reports interrupts to the debugger"},
    {0},
};

const struct fdx_machine_desc fdx_test_toy_machine = {
    .name = "toy", .title = "debugger test machine", .cpu_model = "toy", .master_hz = 1000000, .cpu_divider = 1,
    .options = toy_options, .impl_size = sizeof(struct toy_machine), .create = toy_create, .destroy = toy_destroy,
    .reset = toy_mreset, .run = toy_mrun, .input = toy_input, .state = toy_mstate, .program_args = false,
};
