/* 68000: bus slow paths, exceptions, the run loop and the fdx_cpu glue. */
#include <string.h>
#include "m68k_internal.h"
#include "fdx/state.h"

void m68k_log_event(struct m68k *c, char kind, unsigned fc, uint32_t addr, int byte,
                    uint16_t data, unsigned clocks)
{
    struct m68k_log *l = c->log;
    if (kind == 'n' && l->n && l->n <= l->cap && l->ev[l->n - 1].kind == 'n') {
        l->ev[l->n - 1].clocks = (uint16_t)(l->ev[l->n - 1].clocks + clocks);
        return;
    }
    if (l->n < l->cap) {
        struct m68k_bus_event *e = &l->ev[l->n];
        e->kind = kind;
        e->fc = (uint8_t)fc;
        e->byte = (uint8_t)byte;
        e->clocks = (uint16_t)clocks;
        e->addr = addr & 0xfffffe;
        e->data = data;
        e->uds = (uint8_t)(!byte || !(addr & 1));
        e->lds = (uint8_t)(!byte || (addr & 1));
    }
    l->n++;
}

/* The bus primitives for code outside the handlers, where the CPU struct
 * holds pc and the cycle count (see struct m68k_hot). */
static uint16_t c_rd16(struct m68k *c, uint32_t a, unsigned fc)
{
    struct m68k_hot h = m68k_hot_get(c);
    uint16_t v = rd16(c, &h, a, fc);
    m68k_hot_out(c, &h);
    return v;
}

static void c_wr16(struct m68k *c, uint32_t a, uint16_t v, unsigned fc)
{
    struct m68k_hot h = m68k_hot_get(c);
    wr16(c, &h, a, v, fc);
    m68k_hot_out(c, &h);
}

static void c_idle(struct m68k *c, unsigned n)
{
    struct m68k_hot h = m68k_hot_get(c);
    idle(c, &h, n);
    m68k_hot_out(c, &h);
}

static uint16_t c_fetch16(struct m68k *c, uint32_t a)
{
    struct m68k_hot h = m68k_hot_get(c);
    uint16_t v = fetch16(c, &h, a);
    m68k_hot_out(c, &h);
    return v;
}

/* Moves the code window to the page of the even address a when it is
 * plain memory covering the whole page (not mirrored within it) and no
 * tap watches the bus; else drops it. No bus cycle. */
static void code_window(struct m68k *c, uint32_t a)
{
    struct fdx_bus *b = c->base.bus;
    uint32_t m = a & 0xffffff, len = 1u << b->page_shift;
    const struct fdx_page *p = &b->pages[m >> b->page_shift];
    m68k_drop_code_window(c);
    if (p->read && b->pages == b->map && p->mask >= len - 1 && m == a && !(a & 1)) {
        uint32_t lo = m & ~(len - 1);
        c->cw_ptr = p->read + (lo & p->mask);
        c->cw_lo = lo;
        c->cw_size = len - 1;
        c->cw_safe = len > 11 ? len - 11 : 0;
    }
}

uint16_t m68k_fetch_slow(struct m68k *c, uint32_t a)
{
    uint16_t v = c_rd16(c, a, fc_prog(c));
    if (c->fault) return v;
    code_window(c, a);
    return v;
}

/* Both slow paths end the run loop's burst: the next instruction's span
 * may not be in the window (see m68k_run). */
m68k_hotv m68k_fin_slow(struct m68k *c, m68k_hotv hv, unsigned n)
{
    struct m68k_hot h = m68k_hot_unpack(hv);
    m68k_hot_out(c, &h);
    c->limit = 0;
    c->ir = c->irc;
    c->irc = m68k_fetch_slow(c, c->pc);
    c->pc += 2;
    if (n) c_idle(c, n);
    return m68k_hot_pack(m68k_hot_get(c));
}

m68k_hotv m68k_jump_slow(struct m68k *c, m68k_hotv hv, uint32_t target)
{
    struct m68k_hot h = m68k_hot_unpack(hv);
    m68k_hot_out(c, &h);
    c->limit = 0;
    c->ir = c_fetch16(c, target);
    if (!c->fault) {
        c->irc = c_fetch16(c, target + 2);
        c->pc = target + 4;
    }
    return m68k_hot_pack(m68k_hot_get(c));
}

/* After a call out of the CPU (I/O handler, hook): a stop or attention
 * request ends the run loop's burst. */
static inline void check_callout(struct m68k *c)
{
    if (c->base.stop | (int)c->base.attention) c->limit = 0;
}

/* I/O pages: the handler sees base.cycles at the start of the access. */
/* What an I/O handler may have changed: the code window's page as it was
 * mapped before the call. */
struct io_guard {
    const struct fdx_page *table;
    const uint8_t *read;
    uint32_t mask;
};

static struct io_guard io_begin(struct m68k *c)
{
    const struct fdx_bus *b = c->base.bus;
    struct io_guard g = {b->pages, NULL, 0};
    if (c->cw_size) {
        const struct fdx_page *p = &b->pages[c->cw_lo >> b->page_shift];
        g.read = p->read;
        g.mask = p->mask;
    }
    c->dw_size = 0; /* the handler may remap memory */
    return g;
}

/* The code window stays when its page is mapped as before (so the
 * handlers' untested extension-word fetches stay exact); else it goes and
 * the run loop's burst ends (see m68k_run). Wait states the handler asked
 * for are added after the 4 clocks of the cycle. */
static void io_end(struct m68k *c, struct io_guard g)
{
    struct fdx_bus *b = c->base.bus;
    if (c->cw_size) {
        const struct fdx_page *p = &b->pages[c->cw_lo >> b->page_shift];
        if (b->pages != g.table || p->read != g.read || p->mask != g.mask) {
            m68k_drop_code_window(c);
            c->limit = 0;
        }
    }
    c->base.cycles += b->wait;
    b->wait = 0;
    check_callout(c);
}

static uint16_t io_read(struct m68k *c, uint32_t a, int byte)
{
    struct io_guard g = io_begin(c);
    uint16_t v = (uint16_t)fdx_bus_read_slow(c->base.bus, a, byte ? 1 : 2);
    io_end(c, g);
    return v;
}

static void io_write(struct m68k *c, uint32_t a, uint16_t v, int byte)
{
    struct io_guard g = io_begin(c);
    fdx_bus_write_slow(c->base.bus, a, v, byte ? 1 : 2);
    io_end(c, g);
}

/* Page i as RAM: one host buffer for reads and writes covering the whole
 * page (not mirrored within it); NULL when it is not. */
static uint8_t *ram_page(const struct fdx_bus *b, uint32_t i)
{
    const struct fdx_page *p = &b->pages[i];
    return p->read && p->read == p->write && p->mask >= (1u << b->page_shift) - 1 ? p->write : NULL;
}

/* Whether the pages from..to-1 are RAM continuing the data window's host
 * memory (so the window may grow over them); at most 64 pages are looked at. */
static bool ram_continues(const struct m68k *c, uint32_t from, uint32_t to)
{
    const struct fdx_bus *b = c->base.bus;
    if (to - from > 64) return false;
    for (uint32_t i = from; i < to; i++) {
        uint8_t *h = ram_page(b, i);
        if (!h || (uintptr_t)h + c->dw_lo != (uintptr_t)c->dw_ptr + (i << b->page_shift)) return false;
    }
    return true;
}

/* A data access to the 24-bit address m missed the window. When its page
 * is RAM and no tap watches the bus, the window grows over it if the pages
 * in between continue the window's host memory (copies between two
 * buffers then stay in one window), else moves there. Other pages (ROM,
 * I/O) leave the window as it is. */
static void data_window(struct m68k *c, uint32_t m)
{
    const struct fdx_bus *b = c->base.bus;
    uint32_t sh = b->page_shift, i = m >> sh, len = 1u << sh;
    uint8_t *h = ram_page(b, i);
    if (!h || b->pages != b->map) return;
    uint32_t lo = c->dw_lo >> sh, hi = (c->dw_lo + c->dw_size) >> sh; /* pages lo..hi */
    if (c->dw_size && i > hi && ram_continues(c, hi + 1, i + 1)) {
        c->dw_size = ((i + 1) << sh) - 1 - c->dw_lo;
    } else if (c->dw_size && i < lo && ram_continues(c, i, lo)) {
        c->dw_size += c->dw_lo - (i << sh);
        c->dw_lo = i << sh;
        c->dw_ptr = h;
    } else {
        c->dw_ptr = h;
        c->dw_lo = i << sh;
        c->dw_size = len - 1;
    }
}

static const struct fdx_page *data_page(struct m68k *c, uint32_t m)
{
    data_window(c, m);
    return &c->base.bus->pages[m >> c->base.bus->page_shift];
}

uint16_t m68k_data_read_slow(struct m68k *c, uint32_t m, int byte)
{
    const struct fdx_page *p = data_page(c, m);
    if (!p->read) return io_read(c, m, byte);
    return byte ? p->read[m & p->mask] : m68k_be16(p->read + (m & p->mask));
}

void m68k_data_write_slow(struct m68k *c, uint32_t m, uint16_t v, int byte)
{
    const struct fdx_page *p = data_page(c, m);
    if (!p->write) {
        io_write(c, m, v, byte);
    } else if (byte) {
        p->write[m & p->mask] = (uint8_t)v;
    } else {
        uint8_t *q = p->write + (m & p->mask);
        q[0] = (uint8_t)(v >> 8);
        q[1] = (uint8_t)v;
    }
}

void m68k_address_error(struct m68k *c, uint32_t a, unsigned fc, int read, uint16_t data)
{
    c->base.cycles += 4;
    if (c->log) m68k_log_event(c, read ? 'R' : 'W', fc, a, 0, data, 4);
    if (c->fault) return;
    c->fault = 1;
    c->limit = 0;
    c->fault_read = (uint8_t)read;
    c->fault_fc = (uint8_t)fc;
    c->fault_addr = a;
    c->fault_ir = c->ir;
    c->fault_in = 0;
    /* The PC the frame holds: most instructions have it at the
     * extension-word pointer; handlers adjust where the chip differs. */
    c->fault_pc = c->pc + (uint32_t)c->ae_off;
}

unsigned m68k_nzvc(const struct m68k *c) { return lazy_nzvc(c); }

void m68k_set_sr_internal(struct m68k *c, uint16_t sr)
{
    sr &= SR_MASK;
    if ((sr ^ c->sr_sys) & 0xff00) c->limit = 0; /* T, S or the mask: the run loop re-checks */
    if ((sr ^ c->sr_sys) & SR_S) {
        if (sr & SR_S) {
            c->usp = c->a[7];
            c->a[7] = c->ssp;
        } else {
            c->ssp = c->a[7];
            c->a[7] = c->usp;
        }
    }
    m68k_put_sr(c, sr);
}

void m68k_set_sr(struct m68k *c, uint16_t sr) { m68k_set_sr_internal(c, sr); }

static void enter_super(struct m68k *c)
{
    m68k_set_sr_internal(c, (uint16_t)((m68k_get_sr(c) | SR_S) & ~SR_T));
}

/* pc: the instruction (or exception) address reported for the halt */
static void halt(struct m68k *c, uint32_t pc)
{
    c->ipc = pc;
    c->halted = 1;
    c->base.stop = FDX_STOP_HALTED;
}

/* Writes the three-word group 1/2 frame in the chip's order: PC low, SR,
 * PC high. Returns false on a double fault. */
static bool push_frame(struct m68k *c, uint16_t sr, uint32_t pc)
{
    uint32_t sp = c->a[7];
    c_wr16(c, sp - 2, (uint16_t)pc, 5);
    if (c->fault) return false;
    c_wr16(c, sp - 6, sr, 5);
    c_wr16(c, sp - 4, (uint16_t)(pc >> 16), 5);
    c->a[7] = sp - 6;
    return true;
}

/* Fetches the vector and refills the queue from the handler. */
static void vector_jump(struct m68k *c, unsigned vector)
{
    c->limit = 0; /* a new pc: the run loop checks the span (m68k_run) */
    uint32_t v = (uint32_t)c_rd16(c, vector * 4, 5) << 16;
    v |= c_rd16(c, vector * 4 + 2, 5);
    c->pc = v;
    c->ir = c_rd16(c, v, 6);
    if (c->fault) {
        c->fault_pc = v;
        m68k_drop_code_window(c); /* pc is odd: see fetch_pc */
        return;
    }
    c_idle(c, 2);
    c->irc = c_rd16(c, v + 2, 6);
    c->pc = v + 4;
}

void m68k_exception(struct m68k *c, unsigned vector, uint32_t pc, unsigned pre)
{
    m68k_exception_sr(c, vector, pc, pre, m68k_get_sr(c));
}

void m68k_exception_sr(struct m68k *c, unsigned vector, uint32_t pc, unsigned pre, uint16_t old)
{
    enter_super(c);
    c->trace = 0;
    if (pre) c_idle(c, pre);
    if (!push_frame(c, old, pc)) {
        c->fault = 0;
        halt(c, pc);
        return;
    }
    vector_jump(c, vector);
}

/* Both are taken before the instruction fetched anything: its address is pc - 4. */
void m68k_privilege(struct m68k *c) { m68k_exception(c, 8, c->pc - 4, 4); }
void m68k_illegal(struct m68k *c, unsigned vector) { m68k_exception(c, vector, c->pc - 4, 4); }

/* Address error: the long (group 0) frame. */
void m68k_address_exception(struct m68k *c)
{
    unsigned guard = 0;
    while (c->fault && !c->halted) {
        uint16_t old = m68k_get_sr(c);
        uint16_t ssw = (uint16_t)((c->fault_ir & ~0x1fu) | (c->fault_read ? 0x10 : 0) |
                                  (c->fault_in ? 0x08 : 0) | c->fault_fc);
        uint32_t addr = c->fault_addr, pc = c->fault_pc;
        uint16_t ir = c->fault_ir;
        c->fault = 0;
        enter_super(c);
        c->trace = 0;
        c_idle(c, 8);
        uint32_t sp = c->a[7];
        c_wr16(c, sp - 2, (uint16_t)pc, 5);
        if (c->fault || ++guard > 2) {
            c->fault = 0;
            halt(c, pc);
            return;
        }
        c_wr16(c, sp - 6, old, 5);
        c_wr16(c, sp - 4, (uint16_t)(pc >> 16), 5);
        c_wr16(c, sp - 8, ir, 5);
        c_wr16(c, sp - 10, (uint16_t)addr, 5);
        c_wr16(c, sp - 14, ssw, 5);
        c_wr16(c, sp - 12, (uint16_t)(addr >> 16), 5);
        c->a[7] = sp - 14;
        vector_jump(c, 3);
    }
}

static void interrupt(struct m68k *c, unsigned level)
{
    uint16_t old = m68k_get_sr(c);
    uint32_t pc = c->stopped ? c->pc : c->pc - 4;
    c->stopped = 0;
    enter_super(c);
    c->sr_sys = (uint16_t)((c->sr_sys & ~0x0700u) | (level << 8));
    c_idle(c, 6);
    int vec = c->iack ? c->iack(c->iack_ctx, level) : -1;
    m68k_drop_windows(c); /* the callback may remap memory */
    c->base.cycles += 4;
    if (c->log) m68k_log_event(c, 'i', 7, 0xfffff0 | (level << 1), 0, 0, 4);
    c_idle(c, 4);
    unsigned vector = vec == -1 ? 24 + level : vec == -2 ? 24 : (unsigned)vec & 0xff;
    if (!push_frame(c, old, pc)) {
        c->fault = 0;
        halt(c, pc);
        return;
    }
    vector_jump(c, vector);
    if (c->fault) m68k_address_exception(c);
}

void m68k_step_one(struct m68k *c)
{
    if (c->halted) {
        c->base.cycles += 4;
        c->base.stop = FDX_STOP_HALTED;
        return;
    }
    unsigned mask = (c->sr_sys >> 8) & 7;
    if (c->ipl > mask || c->nmi_edge) {
        unsigned level = c->nmi_edge ? 7 : c->ipl;
        c->nmi_edge = 0;
        interrupt(c, level);
        return;
    }
    if (c->trace_pending) {
        /* The trace exception of the previous instruction comes first. */
        c->trace_pending = 0;
        m68k_exception(c, 9, c->pc - 4, 4);
        if (c->fault) m68k_address_exception(c);
        return;
    }
    if (c->stopped) {
        c->base.cycles += 4;
        return;
    }
    c->ipc = c->pc - 4;
    c->trace = (uint8_t)(c->sr_sys >> 15);
    /* The handlers machines run need the instruction's span in the code
     * window (see np); the other set tests each prefetch. */
    if (!m68k_span_in_window(c)) code_window(c, c->pc);
    m68k_fn fn = (c->log || !m68k_span_in_window(c) ? m68k_handlers_log : m68k_handlers)[m68k_exec_index[c->ir]];
    struct m68k_hot h = m68k_hot_unpack(fn(c, m68k_hot_pack(m68k_hot_get(c))));
    m68k_hot_out(c, &h);
    if (c->fault) m68k_address_exception(c);
    else if (c->trace) c->trace_pending = 1;
    c->base.instructions++;
}

/* ---- fdx_cpu glue ---------------------------------------------------- */

void m68k_set_pc_prefetch(struct m68k *c, uint32_t address)
{
    c->ir = (uint16_t)fdx_bus_peek(c->base.bus, address & 0xffffff, 2);
    c->irc = (uint16_t)fdx_bus_peek(c->base.bus, (address + 2) & 0xffffff, 2);
    c->pc = address + 4;
    m68k_drop_code_window(c); /* pc may be odd now: see fetch_pc */
    c->stopped = 0;
}

static void m68k_reset(struct fdx_cpu *cpu)
{
    struct m68k *c = (struct m68k *)cpu;
    c->halted = 0;
    c->stopped = 0;
    c->fault = 0;
    m68k_put_sr(c, 0x2700);
    c->a[7] = c->ssp = (uint32_t)c_rd16(c, 0, 5) << 16;
    c->a[7] = c->ssp = c->ssp | c_rd16(c, 2, 5);
    uint32_t pc = (uint32_t)c_rd16(c, 4, 5) << 16;
    pc |= c_rd16(c, 6, 5);
    c->pc = pc;
    m68k_drop_code_window(c); /* see fetch_pc */
    c->ir = c_rd16(c, pc, 6);
    c->irc = c_rd16(c, pc + 2, 6);
    c->pc = pc + 4;
    if (c->fault) {
        c->fault = 0;
        halt(c, pc);
    }
}

/* Anything that needs more than "execute the next instruction": a halt,
 * STOP, a pending trace or interrupt, or tracing on. */
static inline bool needs_slow_step(const struct m68k *c)
{
    return (c->halted | c->stopped | c->trace_pending | c->nmi_edge | (c->sr_sys >> 15)) ||
           c->ipl > ((c->sr_sys >> 8) & 7);
}

static uint64_t m68k_run(struct fdx_cpu *cpu, uint64_t cycles)
{
    struct m68k *c = (struct m68k *)cpu;
    uint64_t start = c->base.cycles, end = start + cycles;
    if (c->halted) {
        c->base.stop = FDX_STOP_HALTED;
        return 0;
    }
    m68k_drop_windows(c); /* taps or the map may have changed since the last run */
    const m68k_fn *handlers = m68k_handler_set(c);
    while (c->base.cycles < end) {
        if (c->base.attention) {
            if (fdx_cpu_hook(&c->base, c->pc - 4)) break;
            m68k_drop_windows(c);
        }
        /* The burst's handlers fetch extension words without a test: the
         * first one needs its span in the code window; fin_idle and
         * jump_idle keep that for the next, and whatever else moves pc or
         * the window (their slow paths, exceptions, I/O) ends the burst. */
        if (__builtin_expect(needs_slow_step(c) || !m68k_span_in_window(c), 0)) {
            m68k_step_one(c);
            if (c->base.stop) break;
            if (c->stopped && !c->ipl && !c->nmi_edge) {
                c->base.cycles = end; /* nothing but an interrupt wakes it */
                break;
            }
            continue;
        }
        /* A burst of plain instructions: nothing can need the slow step
         * before something clears limit (see m68k.h) or the run must end. */
        c->limit = c->base.attention ? 0 : end; /* the debugger: one at a time */
        m68k_hotv h = m68k_hot_pack(m68k_hot_get(c)); /* in registers during the burst */
        do {
            h = handlers[m68k_exec_index[c->ir]](c, h);
            c->base.instructions++;
        } while (m68k_hot_unpack(h).cycles < c->limit);
        struct m68k_hot end_hot = m68k_hot_unpack(h);
        m68k_hot_out(c, &end_hot);
        if (c->fault) m68k_address_exception(c);
        if (c->base.stop) break;
    }
    return c->base.cycles - start;
}

static uint64_t m68k_step(struct fdx_cpu *cpu, enum fdx_step_kind kind)
{
    struct m68k *c = (struct m68k *)cpu;
    (void)kind;
    uint64_t start = c->base.cycles;
    m68k_drop_windows(c); /* taps may have changed since the last step */
    m68k_step_one(c);
    return c->base.cycles - start;
}

static void m68k_set_line(struct fdx_cpu *cpu, enum fdx_line line, uint32_t level)
{
    struct m68k *c = (struct m68k *)cpu;
    if (line == FDX_LINE_IRQ) {
        level &= 7;
        if (level == 7 && c->ipl != 7) c->nmi_edge = 1;
        c->ipl = (uint8_t)level;
        c->limit = 0;
    } else if (line == FDX_LINE_RESET && level) {
        m68k_reset(cpu);
    }
}

static const struct fdx_reg_desc m68k_regs[] = {
    {"D0", 32, FDX_REG_GENERAL, NULL}, {"D1", 32, FDX_REG_GENERAL, NULL},
    {"D2", 32, FDX_REG_GENERAL, NULL}, {"D3", 32, FDX_REG_GENERAL, NULL},
    {"D4", 32, FDX_REG_GENERAL, NULL}, {"D5", 32, FDX_REG_GENERAL, NULL},
    {"D6", 32, FDX_REG_GENERAL, NULL}, {"D7", 32, FDX_REG_GENERAL, NULL},
    {"A0", 32, FDX_REG_GENERAL, NULL}, {"A1", 32, FDX_REG_GENERAL, NULL},
    {"A2", 32, FDX_REG_GENERAL, NULL}, {"A3", 32, FDX_REG_GENERAL, NULL},
    {"A4", 32, FDX_REG_GENERAL, NULL}, {"A5", 32, FDX_REG_GENERAL, NULL},
    {"A6", 32, FDX_REG_GENERAL, NULL}, {"A7", 32, FDX_REG_SP, NULL},
    {"USP", 32, FDX_REG_SP, NULL},     {"SSP", 32, FDX_REG_SP, NULL},
    {"PC", 32, FDX_REG_PC, NULL},
    {"SR", 16, FDX_REG_FLAGS, "T-S--III---XNZVC"},
};
#define NREGS (sizeof m68k_regs / sizeof m68k_regs[0])

static uint64_t m68k_get_reg(const struct fdx_cpu *cpu, unsigned i)
{
    const struct m68k *c = (const struct m68k *)cpu;
    if (i < 8) return c->d[i];
    if (i < 16) return c->a[i - 8];
    if (i == 16) return (c->sr_sys & SR_S) ? c->usp : c->a[7];
    if (i == 17) return (c->sr_sys & SR_S) ? c->a[7] : c->ssp;
    if (i == 18) return c->pc - 4;
    if (i == 19) return m68k_get_sr(c);
    return 0;
}

static void m68k_set_reg(struct fdx_cpu *cpu, unsigned i, uint64_t v)
{
    struct m68k *c = (struct m68k *)cpu;
    uint32_t x = (uint32_t)v;
    if (i < 8) c->d[i] = x;
    else if (i < 16) c->a[i - 8] = x;
    else if (i == 16) { if (c->sr_sys & SR_S) c->usp = x; else c->a[7] = x; }
    else if (i == 17) { if (c->sr_sys & SR_S) c->a[7] = x; else c->ssp = x; }
    else if (i == 18) m68k_set_pc_prefetch(c, x);
    else if (i == 19) m68k_set_sr_internal(c, (uint16_t)x);
}

static uint32_t m68k_pc(const struct fdx_cpu *cpu)
{
    const struct m68k *c = (const struct m68k *)cpu;
    return (c->stopped ? c->pc : c->pc - 4) & 0xffffff;
}

static unsigned m68k_disasm(const struct fdx_cpu *cpu, uint32_t addr, struct fdx_disasm *out)
{
    uint16_t w[5];
    for (unsigned i = 0; i < 5; i++)
        w[i] = (uint16_t)fdx_bus_peek(cpu->bus, (addr + 2 * i) & 0xfffffe, 2);
    return m68k_disasm_words(w, addr, out);
}

static void m68k_state(struct fdx_cpu *cpu, struct fdx_state *st)
{
    struct m68k *c = (struct m68k *)cpu;
    fdx_state_begin(st, "M68K", 1);
    fdx_state_u64(st, "cycles", &c->base.cycles);
    fdx_state_u64(st, "instructions", &c->base.instructions);
    fdx_state_u32_array(st, "d", c->d, 8);
    fdx_state_u32_array(st, "a", c->a, 8);
    fdx_state_u32(st, "usp", &c->usp);
    fdx_state_u32(st, "ssp", &c->ssp);
    fdx_state_u32(st, "pc", &c->pc);
    fdx_state_u16(st, "ir", &c->ir);
    fdx_state_u16(st, "irc", &c->irc);
    uint16_t sr = m68k_get_sr(c);
    fdx_state_u16(st, "sr", &sr);
    fdx_state_u8(st, "ipl", &c->ipl);
    fdx_state_u8(st, "nmi_edge", &c->nmi_edge);
    fdx_state_u8(st, "stopped", &c->stopped);
    fdx_state_u8(st, "halted", &c->halted);
    fdx_state_u8(st, "trace_pending", &c->trace_pending);
    fdx_state_end(st);
    if (fdx_state_loading(st)) {
        fdx_state_check(st, c->ipl < 8, "68000 IPL");
        m68k_put_sr(c, sr & SR_MASK);
    }
}

void m68k_init(struct m68k *c, struct fdx_bus *bus)
{
    c->base.ops = &fdx_m68k_ops;
    c->base.bus = bus;
    c->cw_lo = c->dw_lo = 0;
    m68k_drop_windows(c);
}

const struct fdx_cpu_ops fdx_m68k_ops = {
    .name = "68000",
    .family = "m68k",
    .state_size = sizeof(struct m68k),
    .regs = m68k_regs,
    .nregs = NREGS,
    .addr_digits = 6,
    .reset = m68k_reset,
    .run = m68k_run,
    .step = m68k_step,
    .set_line = m68k_set_line,
    .get_reg = m68k_get_reg,
    .set_reg = m68k_set_reg,
    .pc = m68k_pc,
    .disasm = m68k_disasm,
    .state = m68k_state,
};
