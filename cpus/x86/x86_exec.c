/* The 8086/8088/80186 instruction interpreter: each instruction written
 * once, all helpers inlined into one loop so the decoder state (struct xi)
 * lives in registers; hot opcode groups are specialised per opcode.
 * Flags are lazy (see x86_materialize); memory goes through the bus's page
 * table cached for the run; the fast loop ends on one compare (fast_end).
 *
 * Instruction bytes are read through a pointer straight into host memory
 * when the instruction cannot cross a page or the segment end; otherwise
 * (and when the prefetch queue holds bytes that memory no longer has) they
 * are copied into a small buffer first.
 *
 * Timing: the 8086 book figures plus EA time, +4 clocks per word transfer
 * on the 8-bit bus (and per odd-address word on the 8086), plus 4 clocks
 * per instruction byte the queue did not already hold (2 on the 8086).
 */
#include <string.h>
#include "x86_internal.h"
#include "x86_exec.h"

#if defined(__GNUC__)
/* forced inlining only when optimising: unoptimised (fuzz) builds would
 * otherwise put the interpreter's locals, copied into every caller, into
 * one stack frame of megabytes; sanitizer builds skip it (compile time) */
#if defined(__OPTIMIZE__) && !defined(FDX_NO_FORCED_INLINE)
#define HOT static inline __attribute__((always_inline))
#else
#define HOT static inline
#endif
#define COLD static __attribute__((noinline, cold))
#define NOINLINE static __attribute__((noinline))
#else
#define HOT static inline
#define COLD static
#define NOINLINE static
#endif

/* How an instruction left IP (xi.redir): by a control transfer (the queue
 * restarts) or by moving ipb within the instruction (REP yield, a long run
 * of prefixes). One field so the retire tests them together. */
enum { XR_FLUSH = 1, XR_REFETCH = 2 };

/* Decoder state. In the fast loop it lives across instructions (in
 * registers): between instructions ipb is the IP, p points at its bytes
 * and n is 0, so the next instruction starts without looking at the window.
 * c->ip, c->qlen and the cycle count are written when
 * the run ends and before anything outside the CPU (a handler, a hook) can
 * look at them (sync_out). */
struct xi {
    struct fdx_x86 *c;
    const uint8_t *p;       /* instruction bytes; p[0] is at IP ipb */
    uint16_t ipb;
    uint16_t ip0;           /* start of the instruction (first prefix) */
    uint16_t last_prefix;   /* IP of the last prefix (interrupted REP resumes there) */
    unsigned n;
    int so;                 /* segment override, -1 none */
    uint8_t rep;            /* 0, 0xF2, 0xF3 */
    uint8_t redir;          /* 0, or how IP moved: XR_FLUSH, XR_REFETCH */
    uint8_t qlen;           /* the queue length (c->qlen outside the run) */
    uint64_t now;           /* c->base.cycles at the start of the instruction */
    struct x86_modrm m;
    uint32_t cyc;           /* clocks of this instruction */
    uint32_t busy;          /* clocks the bus spent on data */
    uint64_t end;           /* run budget end (REP yields there) */
    /* the memory bus's page table, cached for the run (bus.h allows it) */
    const struct fdx_page *pages;
    unsigned pshift;
    uint32_t amask;
    unsigned sh;            /* log2 of the clocks per code byte */
    int qcap;               /* queue length */
};

HOT void xi_init(struct xi *x, struct fdx_x86 *c, uint64_t end)
{
    *x = (struct xi){.c = c, .so = -1, .end = end, .pages = c->base.bus->pages,
                     .pshift = c->base.bus->page_shift, .amask = c->base.bus->addr_mask,
                     .sh = c->fetch_clk, .qcap = c->qcap, .qlen = c->qlen,
                     .now = c->base.cycles};
}

/* CPU state a handler or hook may look at during an instruction: IP of
 * the instruction, the queue length and the cycle count at its start. */
HOT void sync_out(const struct xi *x)
{
    x->c->ip = x->ip0;
    x->c->qlen = x->qlen;
    x->c->base.cycles = x->now;
}
/* The same between instructions (the next one's IP). */
HOT void sync_end(const struct xi *x)
{
    x->c->ip = x->ipb;
    x->c->qlen = x->qlen;
    x->c->base.cycles = x->now;
}
/* After a handler or hook: it may have added clocks (wait states). */
HOT void sync_in(struct xi *x)
{
    x->now = x->c->base.cycles;
}

/* I/O-mapped memory: the handler may raise a line or stop the run. */
COLD uint8_t mem_rd_slow(struct fdx_x86 *c, uint32_t lin)
{
    uint8_t v = (uint8_t)fdx_bus_read_slow(c->base.bus, lin, 1);
    x86_kick(c);
    return v;
}
COLD void mem_wr_slow(struct fdx_x86 *c, uint32_t lin, uint8_t v)
{
    fdx_bus_write_slow(c->base.bus, lin, v, 1);
    x86_kick(c);
}

/* Memory through the cached page table: host pointer or the bus's slow path. */
HOT uint8_t mem_rd(struct xi *x, uint32_t lin)
{
    lin &= x->amask;
    const struct fdx_page *p = &x->pages[lin >> x->pshift];
    if (p->read) return p->read[lin & p->mask];
    sync_out(x);
    uint8_t v = mem_rd_slow(x->c, lin);
    sync_in(x);
    return v;
}
HOT void mem_wr(struct xi *x, uint32_t lin, uint8_t v)
{
    lin &= x->amask;
    const struct fdx_page *p = &x->pages[lin >> x->pshift];
    if (p->write)
        p->write[lin & p->mask] = v;
    else {
        sync_out(x);
        mem_wr_slow(x->c, lin, v);
        sync_in(x);
    }
}

/* Lazy flags: ALU ops, INC/DEC and TEST leave OSZAPC to be computed from
 * their operands (c->lz_*); Jcc tests them through cond(). Every case of
 * the main switch that reads or partly keeps FLAGS (or may hand the CPU to
 * a hook) starts with flags_now(c); the runs end with FLAGS computed. */

/* ---- instruction bytes ------------------------------------------------ */

static const uint8_t *x86_fill_slow(struct fdx_x86 *c, uint16_t ip)
{
    uint32_t cs = c->seg[X86_CS].base;
    for (unsigned k = 0; k < sizeof c->fbuf; k++) {
        uint16_t a = (uint16_t)(ip + k);
        uint32_t lin = (cs + a) & 0xFFFFF;
        uint32_t qo = lin - c->qlin;
        if (qo < c->qmat)
            c->fbuf[k] = c->qbuf[qo];
        else
            c->fbuf[k] = fdx_bus_peek8(c->base.bus, lin);
    }
    return c->fbuf;
}

/* Sets up the code window around ip, or copies the bytes when there is
 * none (I/O page, page or segment end, old bytes held by the queue). */
COLD const uint8_t *x86_setup_window(struct fdx_x86 *c, uint16_t ip)
{
    struct fdx_bus *bus = c->base.bus;
    uint32_t lin = (c->seg[X86_CS].base + ip) & 0xFFFFF;
    const struct fdx_page *pg = &bus->pages[lin >> bus->page_shift];
    uint32_t pmask = (1u << bus->page_shift) - 1, po = lin & pmask;
    if (pg->read && c->qmat == 0 && ip <= 0xFFEC && po <= pmask - 20 && pg->mask >= pmask) {
        uint16_t lo = (uint16_t)(ip >= po ? ip - po : 0);
        uint32_t hi = ip + (pmask - 20 - po);
        if (hi > 0xFFEC) hi = 0xFFEC;
        c->cw_ptr = pg->read + (lin & pg->mask) - (ip - lo);
        c->cw_lo = lo;
        c->cw_len = hi - lo + 1;
        c->cw_end = c->cw_ptr + c->cw_len;
        return c->cw_ptr + (ip - lo);
    }
    x86_window_drop(c);
    return x86_fill_slow(c, ip);
}

/* The bytes of the instruction at ip (window or copy). */
HOT const uint8_t *code_at(struct fdx_x86 *c, uint16_t ip)
{
    uint32_t k = (uint16_t)(ip - c->cw_lo);
    if (k < c->cw_len) return c->cw_ptr + k;
    return x86_setup_window(c, ip);
}

HOT void x86_setup_fetch(struct xi *x, uint16_t ip)
{
    x->ipb = ip;
    x->n = 0;
    x->p = code_at(x->c, ip);
}

HOT uint8_t f8(struct xi *x) { return x->p[x->n++]; }
HOT uint16_t f16(struct xi *x)
{
    uint16_t v = (uint16_t)(x->p[x->n] | x->p[x->n + 1] << 8);
    x->n += 2;
    return v;
}
HOT uint16_t cur_ip(const struct xi *x) { return (uint16_t)(x->ipb + x->n); }

/* ---- registers -------------------------------------------------------- */

HOT uint8_t get8(const struct fdx_x86 *c, unsigned i)
{
    return (uint8_t)(c->r[i & 3] >> ((i & 4) << 1));
}
HOT void set8(struct fdx_x86 *c, unsigned i, uint8_t v)
{
    unsigned sh = (i & 4) << 1;
    c->r[i & 3] = (uint16_t)((c->r[i & 3] & ~(0xFFu << sh)) | ((unsigned)v << sh));
}

void fdx_x86_set_seg(struct fdx_x86 *c, int s, uint16_t sel)
{
    if (s == X86_CS) x86_window_drop(c);
    c->seg[s].sel = sel;
    c->seg[s].base = (uint32_t)sel << 4;
    c->seg[s].limit = 0xFFFF;
}

uint16_t fdx_x86_fix_flags(const struct fdx_x86 *c, uint16_t f)
{
    (void)c; /* 8086 and 80186: bits 12-15 read as 1, bit 1 as 1, 3 and 5 as 0 */
    return (uint16_t)((f & 0x0FD5) | 0xF002);
}

/* ---- memory ----------------------------------------------------------- */

/* A write inside the bytes the queue already holds: keep the old bytes in
 * qbuf so the following instructions still execute them. */
static void x86_queue_materialize(struct fdx_x86 *c)
{
    for (unsigned k = c->qmat; k < c->qlen; k++)
        c->qbuf[k] = fdx_bus_peek8(c->base.bus, (c->qlin + k) & 0xFFFFF);
    c->qmat = c->qlen;
    x86_window_drop(c);
}

HOT uint32_t seg_of(const struct xi *x, unsigned defseg)
{
    return x->so >= 0 ? (unsigned)x->so : defseg;
}

HOT uint8_t rd8(struct xi *x, unsigned s, uint16_t off)
{
    x->busy += 4;
    return mem_rd(x, x->c->seg[s].base + off);
}
HOT void wr8(struct xi *x, unsigned s, uint16_t off, uint8_t v)
{
    struct fdx_x86 *c = x->c;
    uint32_t lin = (c->seg[s].base + off) & 0xFFFFF;
    x->busy += 4;
    /* the queue holds qlen bytes from the start of this instruction */
    uint32_t ql = (c->seg[X86_CS].base + x->ip0) & 0xFFFFF;
    if (((lin - ql) & 0xFFFFF) < x->qlen) {
        c->qlin = ql;
        c->qlen = x->qlen;
        x86_queue_materialize(c);
    }
    mem_wr(x, lin, v);
}
HOT void word_penalty(struct xi *x, uint16_t off)
{
    if (x->qcap == 4 || (off & 1)) { /* qcap is a constant in the fast loops */
        x->cyc += 4;
        x->busy += 4;
    }
}
HOT uint16_t rd16(struct xi *x, unsigned s, uint16_t off)
{
    word_penalty(x, off);
    uint16_t lo = rd8(x, s, off);
    return (uint16_t)(lo | rd8(x, s, (uint16_t)(off + 1)) << 8);
}
HOT void wr16(struct xi *x, unsigned s, uint16_t off, uint16_t v)
{
    word_penalty(x, off);
    wr8(x, s, off, (uint8_t)v);
    wr8(x, s, (uint16_t)(off + 1), (uint8_t)(v >> 8));
}

HOT void push(struct xi *x, uint16_t v)
{
    struct fdx_x86 *c = x->c;
    c->r[X86_SP] = (uint16_t)(c->r[X86_SP] - 2);
    wr16(x, X86_SS, c->r[X86_SP], v);
}
HOT uint16_t pop(struct xi *x)
{
    struct fdx_x86 *c = x->c;
    uint16_t v = rd16(x, X86_SS, c->r[X86_SP]);
    c->r[X86_SP] = (uint16_t)(c->r[X86_SP] + 2);
    return v;
}

/* ---- ModR/M operands -------------------------------------------------- */

HOT void modrm(struct xi *x)
{
    uint8_t b = f8(x);
    struct x86_modrm m; /* copied field by field: keeps x out of memory */
    x86_decode_modrm(b, x->p + x->n, x->c->r, &m);
    x->m.mod = m.mod;
    x->m.reg = m.reg;
    x->m.rm = m.rm;
    x->m.off = m.off;
    x->n += m.len;
    if (m.mod != 3) {
        x->m.seg = (uint8_t)seg_of(x, m.seg);
        x->cyc += m.ea_cycles;
    }
}
HOT uint8_t get_rm8(struct xi *x)
{
    if (x->m.mod == 3) return get8(x->c, x->m.rm);
    return rd8(x, x->m.seg, x->m.off);
}
HOT uint16_t get_rm16(struct xi *x)
{
    if (x->m.mod == 3) return x->c->r[x->m.rm];
    return rd16(x, x->m.seg, x->m.off);
}
HOT void set_rm8(struct xi *x, uint8_t v)
{
    if (x->m.mod == 3)
        set8(x->c, x->m.rm, v);
    else
        wr8(x, x->m.seg, x->m.off, v);
}
HOT void set_rm16(struct xi *x, uint16_t v)
{
    if (x->m.mod == 3)
        x->c->r[x->m.rm] = v;
    else
        wr16(x, x->m.seg, x->m.off, v);
}
HOT uint16_t get_rm(struct xi *x, int w) { return w ? get_rm16(x) : get_rm8(x); }
HOT void set_rm(struct xi *x, int w, uint16_t v)
{
    if (w)
        set_rm16(x, v);
    else
        set_rm8(x, (uint8_t)v);
}
HOT uint16_t get_reg(struct xi *x, int w, unsigned r) { return w ? x->c->r[r] : get8(x->c, r); }
HOT void set_reg(struct xi *x, int w, unsigned r, uint16_t v)
{
    if (w)
        x->c->r[r] = v;
    else
        set8(x->c, r, (uint8_t)v);
}

/* ---- arithmetic ------------------------------------------------------- */

/* Lazy flag kinds (bit 0: word). ADC/SBB are ADD/SUB with the carry in
 * the result; INC/DEC keep CF in c->flags. */
enum { LZ_ADD = 2, LZ_SUB = 4, LZ_LOG = 6, LZ_INC = 8, LZ_DEC = 10 };

/* Computes OSZAPC from the lazy state (the same formulas the eager
 * version used) and leaves the state empty. */
static void x86_materialize(struct fdx_x86 *c)
{
    unsigned k = c->lz_op;
    int w = k & 1;
    uint32_t a = c->lz_a, b = c->lz_b, r = c->lz_r, msb = w ? 0x8000u : 0x80u;
    uint16_t f = c->flags & (uint16_t)~X86_OSZAPC;
    switch (k >> 1) {
    case LZ_ADD >> 1:
        f |= (uint16_t)(((r >> (w ? 16 : 8)) & 1) | ((a ^ b ^ r) & X86_AF));
        if ((r ^ a) & (r ^ b) & msb) f |= X86_OF;
        break;
    case LZ_SUB >> 1:
        f |= (uint16_t)(((r >> (w ? 16 : 8)) & 1) | ((a ^ b ^ r) & X86_AF));
        if ((a ^ b) & (a ^ r) & msb) f |= X86_OF;
        break;
    case LZ_INC >> 1:
        f |= (uint16_t)((c->flags & X86_CF) | ((a ^ b ^ r) & X86_AF));
        if ((r ^ a) & (r ^ b) & msb) f |= X86_OF;
        break;
    case LZ_DEC >> 1:
        f |= (uint16_t)((c->flags & X86_CF) | ((a ^ b ^ r) & X86_AF));
        if ((a ^ b) & (a ^ r) & msb) f |= X86_OF;
        break;
    default: /* logic: CF, OF, AF clear */
        break;
    }
    f |= w ? x86_szp16(r) : x86_szp8(r);
    c->flags = f;
    c->lz_op = 0;
}

/* FLAGS with the lazy part computed. */
HOT uint16_t flags_now(struct fdx_x86 *c)
{
    if (c->lz_op) x86_materialize(c);
    return c->flags;
}

/* CF alone, without computing the rest. */
HOT uint32_t lazy_cf(const struct fdx_x86 *c)
{
    unsigned k = c->lz_op;
    if ((k >> 1) == (LZ_ADD >> 1) || (k >> 1) == (LZ_SUB >> 1)) return (c->lz_r >> ((k & 1) ? 16 : 8)) & 1;
    if ((k >> 1) == (LZ_LOG >> 1)) return 0;
    return c->flags & X86_CF;
}

HOT void lazy_set(struct fdx_x86 *c, unsigned kind, uint32_t a, uint32_t b, uint32_t r)
{
    c->lz_op = (uint8_t)kind;
    c->lz_a = a;
    c->lz_b = b;
    c->lz_r = r;
}

/* op: 0 ADD 1 OR 2 ADC 3 SBB 4 AND 5 SUB 6 XOR 7 CMP. Flags are left lazy. */
HOT uint16_t alu(struct fdx_x86 *c, unsigned op, uint32_t a, uint32_t b, int w)
{
    uint32_t r;
    switch (op) {
    case 0: r = a + b; lazy_set(c, LZ_ADD | w, a, b, r); break;
    case 2: r = a + b + lazy_cf(c); lazy_set(c, LZ_ADD | w, a, b, r); break;
    case 5: case 7: r = a - b; lazy_set(c, LZ_SUB | w, a, b, r); break;
    case 3: r = a - b - lazy_cf(c); lazy_set(c, LZ_SUB | w, a, b, r); break;
    case 1: r = a | b; lazy_set(c, LZ_LOG | w, 0, 0, r); break;
    case 4: r = a & b; lazy_set(c, LZ_LOG | w, 0, 0, r); break;
    default: r = a ^ b; lazy_set(c, LZ_LOG | w, 0, 0, r); break;
    }
    return (uint16_t)r;
}

/* INC/DEC: CF is kept (stored exact in c->flags), the rest lazy. */
HOT uint16_t incdec(struct fdx_x86 *c, uint32_t a, int dec, int w)
{
    uint16_t cf = (uint16_t)lazy_cf(c);
    c->flags = (uint16_t)((c->flags & ~X86_CF) | cf);
    uint32_t r = dec ? a - 1 : a + 1;
    lazy_set(c, (dec ? LZ_DEC : LZ_INC) | w, a, 1, r);
    return (uint16_t)r;
}

HOT uint16_t shift(struct xi *x, unsigned op, uint32_t v, unsigned cnt, int w)
{
    struct fdx_x86 *c = x->c;
    if (cnt == 0) return (uint16_t)v;
    x->cyc += 4 * cnt;
    uint32_t msb = w ? 0x8000u : 0x80u, mask = w ? 0xFFFFu : 0xFFu, r = v;
    uint16_t f = c->flags;
    unsigned cf = f & X86_CF, of = 0;
    for (unsigned i = 0; i < cnt; i++) {
        uint32_t before = r;
        switch (op) {
        case 0: cf = (r & msb) != 0; r = ((r << 1) | cf) & mask; break;
        case 1: cf = r & 1; r = (r >> 1) | (cf ? msb : 0); break;
        case 2: { unsigned n = (r & msb) != 0; r = ((r << 1) | cf) & mask; cf = n; break; }
        case 3: { unsigned n = r & 1; r = (r >> 1) | (cf ? msb : 0); cf = n; break; }
        case 4: cf = (r & msb) != 0; r = (r << 1) & mask; break;
        case 5: cf = r & 1; r >>= 1; break;
        case 6: cf = 0; r = mask; break; /* SETMO (8086 undocumented) */
        default: cf = r & 1; r = (r >> 1) | (r & msb); break;
        }
        of = ((before ^ r) & msb) != 0;
    }
    f = (uint16_t)((f & ~(X86_CF | X86_OF)) | cf | (of ? X86_OF : 0));
    if (op >= 4) {
        f = (uint16_t)((f & ~(X86_SF | X86_ZF | X86_PF | X86_AF)) | (w ? x86_szp16(r) : x86_szp8(r)));
        if (op == 6) f &= (uint16_t)~X86_OF;
    }
    c->flags = f;
    return (uint16_t)r;
}

/* ---- interrupts ------------------------------------------------------- */

/* Vector fetch from the table at 0000:vec*4 (real mode). */
static void take_vector(struct xi *x, uint8_t vec, uint16_t ret_ip)
{
    struct fdx_x86 *c = x->c;
    struct fdx_bus *bus = c->base.bus;
    uint32_t a = (uint32_t)vec * 4;
    flags_now(c);
    /* the 8086 reads the vector first, then pushes FLAGS, CS and IP */
    /* one read per statement: the bus order is part of the behaviour */
    uint16_t nip = fdx_bus_read8(bus, a);
    nip = (uint16_t)(nip | fdx_bus_read8(bus, a + 1) << 8);
    uint16_t ncs = fdx_bus_read8(bus, a + 2);
    ncs = (uint16_t)(ncs | fdx_bus_read8(bus, a + 3) << 8);
    uint16_t f = c->flags;
    push(x, f);
    c->flags = (uint16_t)(f & ~(X86_IF | X86_TF));
    push(x, c->seg[X86_CS].sel);
    push(x, ret_ip);
    x->busy += 16;
    if (x->qcap == 4) x->cyc += 8;
    fdx_x86_set_seg(c, X86_CS, ncs);
    c->ip = nip;
    x->redir = XR_FLUSH;
}

/* ---- one instruction -------------------------------------------------- */

HOT bool cond(struct fdx_x86 *c, unsigned cc)
{
    unsigned k = c->lz_op;
    if ((k >> 1) == (LZ_SUB >> 1) || (k >> 1) == (LZ_LOG >> 1)) {
        /* after CMP/SUB or a logic op (stored with a = b = 0) most
         * conditions come straight from the operands */
        uint32_t a = c->lz_a, b = c->lz_b, r = c->lz_r;
        uint32_t msb = (k & 1) ? 0x8000u : 0x80u, mask = (k & 1) ? 0xFFFFu : 0xFFu;
        bool o = ((a ^ b) & (a ^ r) & msb) != 0, cy = ((r >> ((k & 1) ? 16 : 8)) & 1) != 0;
        bool z = (r & mask) == 0, sg = (r & msb) != 0, res;
        switch (cc >> 1) {
        case 0: res = o; break;
        case 1: res = cy; break;
        case 2: res = z; break;
        case 3: res = cy || z; break;
        case 4: res = sg; break;
        case 5: res = (x86_szp_tab[r & 0xFF] & X86_PF) != 0; break;
        case 6: res = sg != o; break;
        default: res = z || sg != o; break;
        }
        return res != (cc & 1);
    }
    uint16_t f = flags_now(c);
    bool r;
    switch (cc >> 1) {
    case 0: r = (f & X86_OF) != 0; break;
    case 1: r = (f & X86_CF) != 0; break;
    case 2: r = (f & X86_ZF) != 0; break;
    case 3: r = (f & (X86_CF | X86_ZF)) != 0; break;
    case 4: r = (f & X86_SF) != 0; break;
    case 5: r = (f & X86_PF) != 0; break;
    case 6: r = ((f & X86_SF) != 0) != ((f & X86_OF) != 0); break;
    default: r = (f & X86_ZF) || (((f & X86_SF) != 0) != ((f & X86_OF) != 0)); break;
    }
    return r != (cc & 1);
}

HOT void jump_to(struct xi *x, uint16_t target)
{
    x->n = 0;
    x->ipb = target;
    x->redir = XR_FLUSH;
}

/* take_vector on a scratch decoder state; returns the clocks (low half)
 * and bus clocks (high half) it took. Kept out of line so the executor's
 * state stays in registers. */
COLD uint64_t take_vector_cold(struct fdx_x86 *c, uint8_t vec, uint16_t ret_ip)
{
    struct xi t;
    xi_init(&t, c, 0); /* c->ip and c->qlen: see soft_int */
    t.ip0 = c->ip;
    take_vector(&t, vec, ret_ip);
    return t.cyc | (uint64_t)t.busy << 32;
}

HOT void jcc(struct xi *x, unsigned cc)
{
    int8_t d = (int8_t)f8(x);
    if (cond(x->c, cc)) {
        jump_to(x, (uint16_t)(cur_ip(x) + d));
        x->cyc += 16;
    } else {
        x->cyc += 4;
    }
}

/* E9, EB: JMP rel16 / rel8 */
HOT void jmp_near(struct xi *x, int16_t d)
{
    struct fdx_x86 *c = x->c;
    uint16_t t = (uint16_t)(cur_ip(x) + d);
    if (t == x->ip0 && c->stop_on_self_jump) {
        c->base.stop = FDX_STOP_HALTED;
        x86_kick(c);
    }
    jump_to(x, t);
    x->cyc += 15;
}

/* Software or CPU-raised interrupt from inside an instruction. */
HOT void soft_int(struct xi *x, uint8_t vec, uint16_t ret_ip)
{
    struct fdx_x86 *c = x->c;
    sync_out(x);
    uint64_t t = take_vector_cold(c, vec, ret_ip);
    sync_in(x);
    x->cyc += (uint32_t)t;
    x->busy += (uint32_t)(t >> 32);
    x->redir = XR_FLUSH;
    x->ipb = c->ip;
    x->n = 0;
}

HOT void fault(struct xi *x, uint8_t vec)
{
    /* 8086/8088: the pushed address is the next instruction's; the 80186
     * pushes the faulting instruction's for divide errors. */
    uint16_t ret = x86_is_186(x->c) ? x->ip0 : cur_ip(x);
    x->c->last_fault = (uint16_t)(vec + 1);
    x->cyc += 50;
    soft_int(x, vec, ret);
}

HOT bool divide(struct xi *x, int w, int sgn, uint16_t src)
{
    struct fdx_x86 *c = x->c;
    /* A REP prefix negates IDIV's quotient (the microcode's F1 flag); the
     * unsigned DIV never looks at it. */
    bool neg = x->rep != 0 && sgn && !x86_is_186(c);
    if (!w) {
        if (!sgn) {
            uint16_t a = c->r[X86_AX];
            x->cyc += 80;
            if (src == 0 || a / src > 0xFF) return false;
            uint16_t q = a / src, r = a % src;
            if (neg) q = (uint16_t)-q;
            c->r[X86_AX] = (uint16_t)(((r & 0xFF) << 8) | (q & 0xFF));
        } else {
            int32_t a = (int16_t)c->r[X86_AX], d = (int8_t)src;
            x->cyc += 101;
            if (d == 0) return false;
            int32_t q = a / d, r = a % d;
            if (x86_is_186(c) ? (q > 127 || q < -128) : (q > 127 || q < -127)) return false;
            if (neg) q = -q;
            c->r[X86_AX] = (uint16_t)(((r & 0xFF) << 8) | (q & 0xFF));
        }
    } else {
        if (!sgn) {
            uint32_t a = (uint32_t)c->r[X86_DX] << 16 | c->r[X86_AX];
            x->cyc += 144;
            if (src == 0 || a / src > 0xFFFF) return false;
            uint32_t q = a / src, r = a % src;
            if (neg) q = (uint32_t)-q;
            c->r[X86_AX] = (uint16_t)q;
            c->r[X86_DX] = (uint16_t)r;
        } else {
            int64_t a = (int32_t)((uint32_t)c->r[X86_DX] << 16 | c->r[X86_AX]), d = (int16_t)src;
            x->cyc += 165;
            if (d == 0) return false;
            int64_t q = a / d, r = a % d;
            if (x86_is_186(c) ? (q > 32767 || q < -32768) : (q > 32767 || q < -32767)) return false;
            if (neg) q = -q;
            c->r[X86_AX] = (uint16_t)q;
            c->r[X86_DX] = (uint16_t)r;
        }
    }
    return true;
}

HOT void multiply(struct xi *x, int w, int sgn, uint16_t src)
{
    struct fdx_x86 *c = x->c;
    /* A REP prefix negates the product of MUL and IMUL (F1 flag in the
     * microcode); CF/OF then describe the negated product. */
    bool neg = x->rep != 0 && !x86_is_186(c);
    bool hi;
    if (!w) {
        uint16_t r;
        if (sgn) {
            int32_t p = (int8_t)get8(c, 0) * (int8_t)src;
            if (neg) p = -p;
            r = (uint16_t)p;
            hi = (int16_t)r != (int8_t)r;
            x->cyc += 80;
        } else {
            r = (uint16_t)(get8(c, 0) * (src & 0xFF));
            if (neg) r = (uint16_t)-r;
            hi = (r >> 8) != 0;
            x->cyc += 70;
        }
        c->r[X86_AX] = r;
        c->flags = (uint16_t)((c->flags & ~(X86_ZF | X86_SF | X86_PF)) | x86_szp8(r >> 8));
    } else {
        uint32_t r;
        if (sgn) {
            int64_t p = (int64_t)(int16_t)c->r[X86_AX] * (int16_t)src;
            if (neg) p = -p;
            r = (uint32_t)p;
            hi = (int32_t)r != (int16_t)r;
            x->cyc += 128;
        } else {
            r = (uint32_t)c->r[X86_AX] * src;
            if (neg) r = (uint32_t)-r;
            hi = (r >> 16) != 0;
            x->cyc += 118;
        }
        c->r[X86_AX] = (uint16_t)r;
        c->r[X86_DX] = (uint16_t)(r >> 16);
        c->flags = (uint16_t)((c->flags & ~(X86_ZF | X86_SF | X86_PF)) | x86_szp16(r >> 16));
    }
    c->flags = (uint16_t)((c->flags & ~(X86_CF | X86_OF)) | (hi ? X86_CF | X86_OF : 0));
}

/* One iteration of a string instruction; returns false for CMPS/SCAS when
 * the REPE/REPNE condition ends the loop. */
HOT void string_step(struct xi *x, uint8_t op)
{
    struct fdx_x86 *c = x->c;
    int w = op & 1;
    int16_t d = (int16_t)((c->flags & X86_DF) ? -(1 + w) : (1 + w));
    unsigned src = seg_of(x, X86_DS);
    switch (op >> 1) {
    case 0x52: /* MOVS */
        if (w) wr16(x, X86_ES, c->r[X86_DI], rd16(x, src, c->r[X86_SI]));
        else wr8(x, X86_ES, c->r[X86_DI], rd8(x, src, c->r[X86_SI]));
        c->r[X86_SI] = (uint16_t)(c->r[X86_SI] + d);
        c->r[X86_DI] = (uint16_t)(c->r[X86_DI] + d);
        x->cyc += 17;
        break;
    case 0x53: { /* CMPS */
        uint16_t a = w ? rd16(x, src, c->r[X86_SI]) : rd8(x, src, c->r[X86_SI]);
        uint16_t b = w ? rd16(x, X86_ES, c->r[X86_DI]) : rd8(x, X86_ES, c->r[X86_DI]);
        alu(c, 7, a, b, w);
        c->r[X86_SI] = (uint16_t)(c->r[X86_SI] + d);
        c->r[X86_DI] = (uint16_t)(c->r[X86_DI] + d);
        x->cyc += 22;
        break;
    }
    case 0x55: /* STOS */
        if (w) wr16(x, X86_ES, c->r[X86_DI], c->r[X86_AX]);
        else wr8(x, X86_ES, c->r[X86_DI], get8(c, 0));
        c->r[X86_DI] = (uint16_t)(c->r[X86_DI] + d);
        x->cyc += 10;
        break;
    case 0x56: /* LODS */
        if (w) c->r[X86_AX] = rd16(x, src, c->r[X86_SI]);
        else set8(c, 0, rd8(x, src, c->r[X86_SI]));
        c->r[X86_SI] = (uint16_t)(c->r[X86_SI] + d);
        x->cyc += 13;
        break;
    case 0x57: { /* SCAS */
        uint16_t b = w ? rd16(x, X86_ES, c->r[X86_DI]) : rd8(x, X86_ES, c->r[X86_DI]);
        alu(c, 7, w ? c->r[X86_AX] : get8(c, 0), b, w);
        c->r[X86_DI] = (uint16_t)(c->r[X86_DI] + d);
        x->cyc += 15;
        break;
    }
    case 0x36: { /* 186 INS (6C/6D) */
        uint16_t port = c->r[X86_DX];
        if (w) {
            uint16_t v = fdx_bus_read8(c->base.io, port);
            v = (uint16_t)(v | fdx_bus_read8(c->base.io, (uint16_t)(port + 1)) << 8);
            wr16(x, X86_ES, c->r[X86_DI], v);
        } else {
            wr8(x, X86_ES, c->r[X86_DI], fdx_bus_read8(c->base.io, port));
        }
        c->r[X86_DI] = (uint16_t)(c->r[X86_DI] + d);
        x->cyc += 14;
        break;
    }
    default: { /* 186 OUTS (6E/6F) */
        uint16_t port = c->r[X86_DX];
        if (w) {
            uint16_t v = rd16(x, src, c->r[X86_SI]);
            fdx_bus_write8(c->base.io, port, (uint8_t)v);
            fdx_bus_write8(c->base.io, (uint16_t)(port + 1), (uint8_t)(v >> 8));
        } else {
            fdx_bus_write8(c->base.io, port, rd8(x, src, c->r[X86_SI]));
        }
        c->r[X86_SI] = (uint16_t)(c->r[X86_SI] + d);
        x->cyc += 14;
        break;
    }
    }
}

HOT void string_op(struct xi *x, uint8_t op)
{
    struct fdx_x86 *c = x->c;
    if (op < 0xA0) { /* INS/OUTS: devices may raise lines or stop the run */
        sync_out(x);
        x86_kick(c);
    }
    if (!x->rep) {
        x->cyc += 1;
        string_step(x, op);
        return;
    }
    bool cmp = (op & 0xF6) == 0xA6; /* CMPS, SCAS */
    x->cyc += 9;
    while (c->r[X86_CX] != 0) {
        string_step(x, op);
        c->r[X86_CX]--;
        if (cmp && ((flags_now(c) & X86_ZF) != 0) != (x->rep == 0xF3)) break;
        if (c->r[X86_CX] == 0) break;
        if (x86_irq_due(c)) {
            /* Interrupted: resume at the last prefix (the 8086 keeps only one). */
            x->c->ip = x->last_prefix;
            x->ipb = x->last_prefix;
            x->n = 0;
            x->redir |= XR_REFETCH;
            return;
        }
        if (x->now + x->cyc >= x->end) {
            /* Budget used up: restart the whole instruction later. */
            x->ipb = x->ip0;
            x->n = 0;
            x->redir |= XR_REFETCH;
            return;
        }
    }
}

HOT uint16_t io_in(struct xi *x, uint16_t port, int w)
{
    struct fdx_x86 *c = x->c;
    sync_out(x);
    c->base.cycles = x->now + x->cyc; /* exact for the device */
    x->cyc = 0;
    uint16_t v = fdx_bus_read8(c->base.io, port);
    if (w) v = (uint16_t)(v | fdx_bus_read8(c->base.io, (uint16_t)(port + 1)) << 8);
    sync_in(x);
    x86_kick(c); /* the device may have raised a line or stopped the run */
    return v;
}
HOT void io_out(struct xi *x, uint16_t port, int w, uint16_t v)
{
    struct fdx_x86 *c = x->c;
    sync_out(x);
    c->base.cycles = x->now + x->cyc; /* exact for the device */
    x->cyc = 0;
    fdx_bus_write8(c->base.io, port, (uint8_t)v);
    if (w) fdx_bus_write8(c->base.io, (uint16_t)(port + 1), (uint8_t)(v >> 8));
    sync_in(x);
    x86_kick(c);
}

HOT void invalid(struct xi *x)
{
    /* 80186: undefined opcodes raise interrupt 6 with the opcode's address. */
    x->c->last_fault = 7;
    soft_int(x, 6, x->ip0);
}

/* ---- 80186 additions -------------------------------------------------- */

/* 00-3D: ALU r/m,reg / reg,r/m / acc,imm */
HOT void alu_op(struct xi *x, uint8_t op)
{
    struct fdx_x86 *c = x->c;
    unsigned aop = op >> 3;
    int w = op & 1;
    if (op & 4) {
        uint16_t imm = w ? f16(x) : f8(x);
        uint16_t r = alu(c, aop, get_reg(x, w, 0), imm, w);
        if (aop != 7) set_reg(x, w, 0, r);
        x->cyc += 4;
        return;
    }
    modrm(x);
    if (op & 2) {
        uint16_t r = alu(c, aop, get_reg(x, w, x->m.reg), get_rm(x, w), w);
        if (aop != 7) set_reg(x, w, x->m.reg, r);
        x->cyc += x->m.mod == 3 ? 3 : 9;
    } else {
        uint16_t r = alu(c, aop, get_rm(x, w), get_reg(x, w, x->m.reg), w);
        if (aop != 7) set_rm(x, w, r);
        x->cyc += x->m.mod == 3 ? 3 : (aop == 7 ? 9 : 16);
    }
}

/* 80-83: op r/m, imm; the reg field picks the operation */
HOT void grp1_op(struct xi *x, uint8_t op, unsigned aop)
{
    int w = op & 1;
    uint16_t a = get_rm(x, w);
    uint16_t imm = op == 0x81 ? f16(x) : op == 0x83 ? (uint16_t)(int8_t)f8(x) : f8(x);
    uint16_t r = alu(x->c, aop, a, imm, w);
    if (aop != 7) set_rm(x, w, r);
    x->cyc += x->m.mod == 3 ? 4 : (aop == 7 ? 10 : 17);
}
HOT void grp1(struct xi *x, uint8_t op)
{
    modrm(x);
    switch (x->m.reg) {
    case 0: grp1_op(x, op, 0); break;
    case 1: grp1_op(x, op, 1); break;
    case 2: grp1_op(x, op, 2); break;
    case 3: grp1_op(x, op, 3); break;
    case 4: grp1_op(x, op, 4); break;
    case 5: grp1_op(x, op, 5); break;
    case 6: grp1_op(x, op, 6); break;
    default: grp1_op(x, op, 7); break;
    }
}

/* 88-8B: MOV r/m,reg / reg,r/m; C6/C7: MOV r/m,imm */
HOT void mov_rm(struct xi *x, uint8_t op)
{
    int w = op & 1;
    modrm(x);
    if (op >= 0xC6) {
        set_rm(x, w, w ? f16(x) : f8(x));
        x->cyc += x->m.mod == 3 ? 4 : 10;
    } else if (op & 2) {
        set_reg(x, w, x->m.reg, get_rm(x, w));
        x->cyc += x->m.mod == 3 ? 2 : 8;
    } else {
        set_rm(x, w, get_reg(x, w, x->m.reg));
        x->cyc += x->m.mod == 3 ? 2 : 9;
    }
}

HOT void exec_186(struct xi *x, uint8_t op)
{
    struct fdx_x86 *c = x->c;
    switch (op) {
    case 0x60: { /* PUSHA */
        uint16_t sp = c->r[X86_SP];
        for (unsigned i = 0; i < 8; i++) push(x, i == X86_SP ? sp : c->r[i]);
        x->cyc += 36;
        break;
    }
    case 0x61: /* POPA */
        for (int i = 7; i >= 0; i--) {
            uint16_t v = pop(x);
            if (i != X86_SP) c->r[i] = v;
        }
        x->cyc += 51;
        break;
    case 0x62: { /* BOUND */
        modrm(x);
        if (x->m.mod == 3) {
            invalid(x);
            break;
        }
        int16_t v = (int16_t)c->r[x->m.reg];
        int16_t lo = (int16_t)rd16(x, x->m.seg, x->m.off);
        int16_t hi = (int16_t)rd16(x, x->m.seg, (uint16_t)(x->m.off + 2));
        x->cyc += 35;
        if (v < lo || v > hi) {
            c->last_fault = 6;
            soft_int(x, 5, x->ip0);
        }
        break;
    }
    case 0x68:
        push(x, f16(x));
        x->cyc += 10;
        break;
    case 0x6A:
        push(x, (uint16_t)(int8_t)f8(x));
        x->cyc += 10;
        break;
    case 0x69: case 0x6B: {
        modrm(x);
        int32_t a = (int16_t)get_rm16(x);
        int32_t b = op == 0x69 ? (int16_t)f16(x) : (int8_t)f8(x);
        int32_t p = a * b;
        c->r[x->m.reg] = (uint16_t)p;
        bool hi = p != (int16_t)p;
        c->flags = (uint16_t)((c->flags & ~(X86_CF | X86_OF)) | (hi ? X86_CF | X86_OF : 0));
        x->cyc += 25;
        break;
    }
    case 0x6C: case 0x6D: case 0x6E: case 0x6F:
        string_op(x, op);
        sync_in(x);
        break;
    case 0xC0: case 0xC1: {
        int w = op & 1;
        modrm(x);
        uint16_t v = get_rm(x, w);
        unsigned cnt = f8(x) & 31;
        set_rm(x, w, shift(x, x->m.reg, v, cnt, w));
        x->cyc += 5;
        break;
    }
    case 0xC8: { /* ENTER */
        uint16_t size = f16(x);
        uint8_t level = f8(x) & 31;
        push(x, c->r[X86_BP]);
        uint16_t frame = c->r[X86_SP];
        if (level > 0) {
            for (unsigned i = 1; i < level; i++) {
                c->r[X86_BP] = (uint16_t)(c->r[X86_BP] - 2);
                push(x, rd16(x, X86_SS, c->r[X86_BP]));
            }
            push(x, frame);
        }
        c->r[X86_BP] = frame;
        c->r[X86_SP] = (uint16_t)(c->r[X86_SP] - size);
        x->cyc += 15 + 16u * level;
        break;
    }
    case 0xC9: /* LEAVE */
        c->r[X86_SP] = c->r[X86_BP];
        c->r[X86_BP] = pop(x);
        x->cyc += 8;
        break;
    default:
        invalid(x);
        break;
    }
}


/* ---- retire: IP, queue, next instruction's bytes ---- */

/* The queue dropped len bytes of an instruction while it held old bytes
 * (qmat): keep the rest, then find the next instruction's bytes. */
COLD const uint8_t *x86_next_code_slow(struct fdx_x86 *c, uint16_t ip, unsigned len, int have)
{
    if (c->qmat) {
        unsigned drop = len < c->qmat ? len : c->qmat;
        memmove(c->qbuf, c->qbuf + drop, (size_t)(c->qmat - drop));
        c->qmat = (uint8_t)(c->qmat - drop);
        if (c->qmat > have) c->qmat = (uint8_t)have;
        c->qlin = (c->seg[X86_CS].base + ip) & 0xFFFFF; /* qbuf[0] */
    }
    return code_at(c, ip);
}

/* Sets IP, the queue length and the clocks the queue lacked, and points
 * x at the next instruction. Without a jump the next bytes follow in the
 * window (qmat is only ever non-zero while there is no window). */
/* The queue gives len bytes to an instruction: the clocks it lacked are
 * added; returns what it still holds. */
HOT int queue_take(struct xi *x, unsigned len)
{
    int have = (int)x->qlen - (int)len;
    if (have < 0) {
        x->cyc += (uint32_t)-have << x->sh;
        have = 0;
    }
    return have;
}
/* ... and fills in the clocks the bus was idle. */
HOT void queue_fill(struct xi *x, int have)
{
    int idle = (int)(x->cyc - x->busy);
    if (idle > 0) have += idle >> x->sh;
    x->qlen = (uint8_t)(have < x->qcap ? have : x->qcap);
}

HOT void retire(struct xi *x)
{
    struct fdx_x86 *c = x->c;
    if (!x->redir) { /* the common case: on to the next bytes */
        unsigned len = x->n;
        uint16_t ip = (uint16_t)(x->ip0 + len);
        int have = queue_take(x, len);
        const uint8_t *np = x->p + len;
        if ((uintptr_t)np >= (uintptr_t)c->cw_end) np = x86_next_code_slow(c, ip, len, have);
        x->p = np;
        x->ipb = ip;
        x->n = 0;
        queue_fill(x, have);
    } else if (x->redir & XR_FLUSH) {
        uint16_t ip = cur_ip(x);
        x->qlen = 0;
        c->qmat = 0;
        x->cyc += 4; /* first fetch at the target */
        x->p = code_at(c, ip);
        x->ipb = ip;
        x->n = 0;
    } else { /* XR_REFETCH */
        uint16_t ip = cur_ip(x);
        unsigned len = (uint16_t)(ip - x->ip0);
        int have = queue_take(x, len);
        x->p = x86_next_code_slow(c, ip, len, have);
        x->ipb = ip;
        x->n = 0;
        queue_fill(x, have);
    }
}

/* Starts an instruction: per-instruction state reset; returns its first
 * byte. ipb, p and n (0) were set by the last retire. */
HOT uint8_t insn_begin(struct xi *x)
{
    x->so = -1;
    x->rep = 0;
    x->redir = 0;
    x->cyc = 0;
    x->busy = 0;
    x->ip0 = x->ipb;
    x->n = 1;
    return x->p[0];
}
/* Ends an instruction: counts, retires, adds its clocks. */
HOT void insn_end(struct xi *x)
{
    x->c->base.instructions++; /* apart from the clocks: one add, not a vector op */
    retire(x);
    x->now += x->cyc;
}

/* An instruction of exec_common is done; fin: it ends it too (the fast
 * loop: each case gets its own copy of the retire, where the length,
 * clocks and jump mark are mostly constants). */
HOT bool done(struct xi *x, bool fin)
{
    if (fin) insn_end(x);
    return true;
}

/* C2/C3: RET (imm16); also C0/C1 on the 8086 */
HOT void ret_near(struct xi *x, uint8_t op)
{
    struct fdx_x86 *c = x->c;
    uint16_t n = (op & 1) ? 0 : f16(x);
    uint16_t ip = pop(x);
    c->r[X86_SP] = (uint16_t)(c->r[X86_SP] + n);
    jump_to(x, ip);
    x->cyc += n ? 12 : 8;
}

/* The common instructions (the same on every model, no prefix needed):
 * the fast loop runs these itself and hands the rest to exec_body, which
 * also starts with them. Returns false for any other opcode. */
HOT bool exec_common(struct xi *x, uint8_t op, bool fin)
{
    struct fdx_x86 *c = x->c;
    switch (op) {
    /* ALU r/m,reg / reg,r/m / acc,imm */
    /* one case per opcode so that alu_op is specialised for each */
#define ALU1(o) case o: alu_op(x, o); return done(x, fin);
#define ALU6(b) ALU1(b) ALU1(b + 1) ALU1(b + 2) ALU1(b + 3) ALU1(b + 4) ALU1(b + 5)
    ALU6(0x00) ALU6(0x08) ALU6(0x10) ALU6(0x18) ALU6(0x20) ALU6(0x28) ALU6(0x30) ALU6(0x38)
#undef ALU6
#undef ALU1
#define INCDEC(o) case o: c->r[(o) & 7] = incdec(c, c->r[(o) & 7], (o) & 8, 1); x->cyc += 2; return done(x, fin);
    INCDEC(0x40) INCDEC(0x41) INCDEC(0x42) INCDEC(0x43) INCDEC(0x44) INCDEC(0x45) INCDEC(0x46) INCDEC(0x47)
    INCDEC(0x48) INCDEC(0x49) INCDEC(0x4A) INCDEC(0x4B) INCDEC(0x4C) INCDEC(0x4D) INCDEC(0x4E) INCDEC(0x4F)
#undef INCDEC
    case 0x50: case 0x51: case 0x52: case 0x53: case 0x54: case 0x55: case 0x56: case 0x57:
        if (op == 0x54) { /* 8086: pushes the decremented SP */
            c->r[X86_SP] = (uint16_t)(c->r[X86_SP] - 2);
            wr16(x, X86_SS, c->r[X86_SP], c->r[X86_SP]);
        } else {
            push(x, c->r[op & 7]);
        }
        x->cyc += 11;
        return done(x, fin);
    case 0x58: case 0x59: case 0x5A: case 0x5B: case 0x5C: case 0x5D: case 0x5E: case 0x5F: {
        uint16_t v = pop(x);
        c->r[op & 7] = v;
        x->cyc += 8;
        return done(x, fin);
    }
    case 0x70: jcc(x, 0); return done(x, fin);
    case 0x71: jcc(x, 1); return done(x, fin);
    case 0x72: jcc(x, 2); return done(x, fin);
    case 0x73: jcc(x, 3); return done(x, fin);
    case 0x74: jcc(x, 4); return done(x, fin);
    case 0x75: jcc(x, 5); return done(x, fin);
    case 0x76: jcc(x, 6); return done(x, fin);
    case 0x77: jcc(x, 7); return done(x, fin);
    case 0x78: jcc(x, 8); return done(x, fin);
    case 0x79: jcc(x, 9); return done(x, fin);
    case 0x7A: jcc(x, 10); return done(x, fin);
    case 0x7B: jcc(x, 11); return done(x, fin);
    case 0x7C: jcc(x, 12); return done(x, fin);
    case 0x7D: jcc(x, 13); return done(x, fin);
    case 0x7E: jcc(x, 14); return done(x, fin);
    case 0x7F: jcc(x, 15); return done(x, fin);
    case 0x80: grp1(x, 0x80); return done(x, fin);
    case 0x81: grp1(x, 0x81); return done(x, fin);
    case 0x82: grp1(x, 0x82); return done(x, fin);
    case 0x83: grp1(x, 0x83); return done(x, fin);
    case 0x84: case 0x85:
        modrm(x);
        alu(c, 4, get_rm(x, (op & 1)), get_reg(x, (op & 1), x->m.reg), (op & 1));
        x->cyc += x->m.mod == 3 ? 3 : 9;
        return done(x, fin);
    case 0x86: case 0x87: {
        modrm(x);
        uint16_t a = get_rm(x, (op & 1)), b = get_reg(x, (op & 1), x->m.reg);
        set_reg(x, (op & 1), x->m.reg, a);
        set_rm(x, (op & 1), b);
        x->cyc += x->m.mod == 3 ? 4 : 17;
        return done(x, fin);
    }
    case 0x88: mov_rm(x, 0x88); return done(x, fin);
    case 0x89: mov_rm(x, 0x89); return done(x, fin);
    case 0x8A: mov_rm(x, 0x8A); return done(x, fin);
    case 0x8B: mov_rm(x, 0x8B); return done(x, fin);
    case 0x8D:
        modrm(x);
        if (x->m.mod != 3) c->r[x->m.reg] = x->m.off;
        x->cyc += 2;
        return done(x, fin);
    case 0x90:
        x->cyc += 3;
        return done(x, fin);
    case 0x91: case 0x92: case 0x93: case 0x94: case 0x95: case 0x96: case 0x97: {
        uint16_t t = c->r[op & 7];
        c->r[op & 7] = c->r[X86_AX];
        c->r[X86_AX] = t;
        x->cyc += 3;
        return done(x, fin);
    }
    case 0xA8: case 0xA9: {
        uint16_t imm = (op & 1) ? f16(x) : f8(x);
        alu(c, 4, get_reg(x, (op & 1), 0), imm, (op & 1));
        x->cyc += 4;
        return done(x, fin);
    }
    case 0xB0: case 0xB1: case 0xB2: case 0xB3: case 0xB4: case 0xB5: case 0xB6: case 0xB7:
        set8(c, op & 7, f8(x));
        x->cyc += 4;
        return done(x, fin);
    case 0xB8: case 0xB9: case 0xBA: case 0xBB: case 0xBC: case 0xBD: case 0xBE: case 0xBF:
        c->r[op & 7] = f16(x);
        x->cyc += 4;
        return done(x, fin);
    case 0xC2: case 0xC3:
        ret_near(x, op);
        return done(x, fin);
    case 0xC6: mov_rm(x, 0xC6); return done(x, fin);
    case 0xC7: mov_rm(x, 0xC7); return done(x, fin);
    case 0xE0: case 0xE1: case 0xE2: case 0xE3: {
        if (op == 0xE0 || op == 0xE1) flags_now(c);
        int8_t d = (int8_t)f8(x);
        bool take;
        if (op == 0xE3) {
            take = c->r[X86_CX] == 0;
            x->cyc += take ? 18 : 6;
        } else {
            c->r[X86_CX]--;
            take = c->r[X86_CX] != 0;
            if (op == 0xE0) take = take && !(c->flags & X86_ZF);
            if (op == 0xE1) take = take && (c->flags & X86_ZF);
            x->cyc += take ? 17 : 5;
        }
        if (take) jump_to(x, (uint16_t)(cur_ip(x) + d));
        return done(x, fin);
    }
    case 0xE8: {
        int16_t d = (int16_t)f16(x);
        push(x, cur_ip(x));
        jump_to(x, (uint16_t)(cur_ip(x) + d));
        x->cyc += 19;
        return done(x, fin);
    }
    case 0xE9: jmp_near(x, (int16_t)f16(x)); return done(x, fin);
    case 0xEB: jmp_near(x, (int8_t)f8(x)); return done(x, fin);
    case 0x98:
        c->r[X86_AX] = (uint16_t)(int8_t)get8(c, 0);
        x->cyc += 2;
        return done(x, fin);
    case 0x99:
        c->r[X86_DX] = (c->r[X86_AX] & 0x8000) ? 0xFFFF : 0;
        x->cyc += 5;
        return done(x, fin);
    case 0xA0: case 0xA1: {
        uint16_t off = f16(x);
        unsigned s = seg_of(x, X86_DS);
        set_reg(x, (op & 1), 0, (op & 1) ? rd16(x, s, off) : rd8(x, s, off));
        x->cyc += 10;
        return done(x, fin);
    }
    case 0xA2: case 0xA3: {
        uint16_t off = f16(x);
        unsigned s = seg_of(x, X86_DS);
        if ((op & 1)) wr16(x, s, off, c->r[X86_AX]);
        else wr8(x, s, off, get8(c, 0));
        x->cyc += 10;
        return done(x, fin);
    }
    case 0xA4: case 0xA5: case 0xA6: case 0xA7: case 0xAA: case 0xAB:
    case 0xAC: case 0xAD: case 0xAE: case 0xAF:
        if (op == 0xA6 || op == 0xA7 || op == 0xAE || op == 0xAF) flags_now(c);
        string_op(x, op);
        return done(x, fin);
    case 0xD0: case 0xD1: case 0xD2: case 0xD3: {
        flags_now(c);
        modrm(x);
        unsigned cnt = (op & 2) ? get8(c, 1) : 1;
        if (x86_is_186(c)) cnt &= 31;
        uint16_t v = get_rm(x, (op & 1));
        set_rm(x, (op & 1), shift(x, x->m.reg, v, cnt, (op & 1)));
        x->cyc += (op & 2) ? (x->m.mod == 3 ? 8 : 20) : (x->m.mod == 3 ? 2 : 15);
        return done(x, fin);
    }
    case 0xF5:
        flags_now(c);
        c->flags ^= X86_CF;
        x->cyc += 2;
        return done(x, fin);
    case 0xF6: case 0xF7: {
        flags_now(c);
        modrm(x);
        uint16_t v = get_rm(x, (op & 1));
        switch (x->m.reg) {
        case 0: case 1: {
            uint16_t imm = (op & 1) ? f16(x) : f8(x);
            alu(c, 4, v, imm, (op & 1));
            x->cyc += x->m.mod == 3 ? 5 : 11;
            break;
        }
        case 2:
            set_rm(x, (op & 1), (uint16_t)~v);
            x->cyc += x->m.mod == 3 ? 3 : 16;
            break;
        case 3:
            set_rm(x, (op & 1), alu(c, 5, 0, v, (op & 1)));
            x->cyc += x->m.mod == 3 ? 3 : 16;
            break;
        case 4: case 5:
            multiply(x, (op & 1), x->m.reg & 1, v);
            break;
        default:
            if (!divide(x, (op & 1), x->m.reg & 1, v)) fault(x, 0);
            break;
        }
        return done(x, fin);
    }
    case 0xF8: flags_now(c); c->flags &= (uint16_t)~X86_CF; x->cyc += 2; return done(x, fin);
    case 0xF9: flags_now(c); c->flags |= X86_CF; x->cyc += 2; return done(x, fin);
    case 0xFA: flags_now(c); c->flags &= (uint16_t)~X86_IF; x->cyc += 2; return done(x, fin);
    case 0xFB: flags_now(c); c->flags |= X86_IF; c->inhibit = 1; x86_kick(c); x->cyc += 2; return done(x, fin);
    case 0xFC: flags_now(c); c->flags &= (uint16_t)~X86_DF; x->cyc += 2; return done(x, fin);
    case 0xFD: flags_now(c); c->flags |= X86_DF; x->cyc += 2; return done(x, fin);
    case 0xFE: case 0xFF: {
        flags_now(c);
        modrm(x);
        unsigned r = x->m.reg;
        if (op == 0xFE && r >= 2) {
            /* undefined byte forms of the FF group: treated as no-ops */
            x->cyc += 2;
            return done(x, fin);
        }
        switch (r) {
        case 0: case 1:
            set_rm(x, (op & 1), incdec(c, get_rm(x, (op & 1)), r, (op & 1)));
            x->cyc += x->m.mod == 3 ? 3 : 15;
            break;
        case 2: {
            uint16_t t = get_rm16(x);
            push(x, cur_ip(x));
            jump_to(x, t);
            x->cyc += x->m.mod == 3 ? 16 : 21;
            break;
        }
        case 3: {
            uint16_t off = rd16(x, x->m.seg, x->m.off);
            uint16_t sel = rd16(x, x->m.seg, (uint16_t)(x->m.off + 2));
            push(x, c->seg[X86_CS].sel);
            push(x, cur_ip(x));
            fdx_x86_set_seg(c, X86_CS, sel);
            jump_to(x, off);
            x->cyc += 37;
            break;
        }
        case 4: {
            uint16_t t = get_rm16(x);
            if (t == x->ip0 && c->stop_on_self_jump) {
            c->base.stop = FDX_STOP_HALTED;
            x86_kick(c);
        }
            jump_to(x, t);
            x->cyc += x->m.mod == 3 ? 11 : 18;
            break;
        }
        case 5: {
            uint16_t off = rd16(x, x->m.seg, x->m.off);
            uint16_t sel = rd16(x, x->m.seg, (uint16_t)(x->m.off + 2));
            fdx_x86_set_seg(c, X86_CS, sel);
            jump_to(x, off);
            x->cyc += 24;
            break;
        }
        default: { /* PUSH r/m (7 is an alias on the 8086) */
            if (x->m.mod == 3 && x->m.rm == X86_SP) {
                c->r[X86_SP] = (uint16_t)(c->r[X86_SP] - 2);
                wr16(x, X86_SS, c->r[X86_SP], c->r[X86_SP]);
            } else {
                push(x, get_rm16(x));
            }
            x->cyc += x->m.mod == 3 ? 11 : 16;
            break;
        }
        }
        return done(x, fin);
    }
    default:
        return false;
    }
    return done(x, fin);
}

/* One instruction. fast: the caller knows TF was clear before it (the
 * single-step check is left out). Returns true when it was one of
 * exec_common's without a prefix (the fast loop can take over again). */
HOT bool exec_body(struct xi *x, bool fast)
{
    struct fdx_x86 *c = x->c;
    uint16_t flags_before = fast ? 0 : c->flags;
    uint8_t op = insn_begin(x);
    bool common = exec_common(x, op, false);
    if (common) goto done;

dispatch:
    if (!exec_common(x, op, false)) switch (op) {
    case 0x26: case 0x2E: case 0x36: case 0x3E:
        x->so = (op >> 3) & 3;
        goto next_prefix;
    case 0xF0: case 0xF1:
        if (op == 0xF1 && x86_is_186(c)) {
            invalid(x); /* F1 on the 186: undefined */
            break;
        }
        goto next_prefix;
    case 0xF2: case 0xF3:
        x->rep = op;
    next_prefix:
        x->cyc += 2;
        x->last_prefix = (uint16_t)(x->ipb + x->n - 1);
        if (x->n >= 8) {
            x86_setup_fetch(x, cur_ip(x));
            x->redir |= XR_REFETCH;
        }
        op = f8(x);
        goto dispatch;
    case 0x06: case 0x0E: case 0x16: case 0x1E:
        flags_now(c);
        push(x, c->seg[op >> 3].sel);
        x->cyc += 10;
        break;
    case 0x07: case 0x17: case 0x1F:
        flags_now(c);
        fdx_x86_set_seg(c, op >> 3, pop(x));
        if (op == 0x17) {
            c->inhibit = 1;
            x86_kick(c);
        }
        x->cyc += 8;
        break;
    case 0x0F:
        flags_now(c);
        if (x86_is_186(c)) {
            invalid(x);
            break;
        }
        fdx_x86_set_seg(c, X86_CS, pop(x)); /* POP CS: 8086 only */
        x->redir = XR_FLUSH;
        x->cyc += 8;
        break;
    case 0x27: { /* DAA */
        flags_now(c);
        uint8_t al = get8(c, 0), old = al;
        uint16_t f = c->flags;
        unsigned cf = f & X86_CF;
        uint16_t nf = f & (uint16_t)~X86_OSZAPC;
        if ((al & 0xF) > 9 || (f & X86_AF)) {
            al = (uint8_t)(al + 6);
            nf |= X86_AF;
        }
        if (old > ((f & X86_AF) ? 0x9F : 0x99) || cf) {
            al = (uint8_t)(al + 0x60);
            nf |= X86_CF;
        }
        nf |= x86_szp8(al);
        if ((old ^ al) & al & 0x80) nf |= X86_OF;
        set8(c, 0, al);
        c->flags = nf;
        x->cyc += 4;
        break;
    }
    case 0x2F: { /* DAS */
        flags_now(c);
        uint8_t al = get8(c, 0), old = al;
        uint16_t f = c->flags;
        unsigned cf = f & X86_CF;
        uint16_t nf = f & (uint16_t)~X86_OSZAPC;
        if ((al & 0xF) > 9 || (f & X86_AF)) {
            al = (uint8_t)(al - 6);
            nf |= X86_AF;
        }
        if (old > ((f & X86_AF) ? 0x9F : 0x99) || cf) {
            al = (uint8_t)(al - 0x60);
            nf |= X86_CF;
        }
        nf |= x86_szp8(al);
        if ((old ^ al) & old & 0x80) nf |= X86_OF;
        set8(c, 0, al);
        c->flags = nf;
        x->cyc += 4;
        break;
    }
    case 0x37: case 0x3F: { /* AAA, AAS */
        flags_now(c);
        uint8_t al = get8(c, 0), ah = get8(c, 4);
        uint16_t f = c->flags & (uint16_t)~X86_OSZAPC;
        if ((al & 0xF) > 9 || (c->flags & X86_AF)) {
            if (op == 0x37) { al = (uint8_t)(al + 6); ah = (uint8_t)(ah + 1); }
            else { al = (uint8_t)(al - 6); ah = (uint8_t)(ah - 1); }
            f |= X86_AF | X86_CF;
        }
        f |= x86_szp8(al);
        al &= 0xF;
        c->r[X86_AX] = (uint16_t)(ah << 8 | al);
        c->flags = f;
        x->cyc += 4;
        break;
    }
    case 0x60: case 0x61: case 0x62: case 0x63: case 0x64: case 0x65: case 0x66: case 0x67:
    case 0x68: case 0x69: case 0x6A: case 0x6B: case 0x6C: case 0x6D: case 0x6E: case 0x6F:
        flags_now(c);
        if (x86_is_186(c)) goto op186;
        jcc(x, op & 15); /* 8086: aliases of 70-7F */
        break;
    case 0x8C:
        modrm(x);
        set_rm16(x, c->seg[x->m.reg & 3].sel);
        x->cyc += x->m.mod == 3 ? 2 : 9;
        break;
    case 0x8E: {
        flags_now(c);
        modrm(x);
        unsigned s = x->m.reg & 3;
        fdx_x86_set_seg(c, s, get_rm16(x));
        if (s == X86_SS) {
            c->inhibit = 1;
            x86_kick(c);
        }
        if (s == X86_CS) x->redir = XR_FLUSH;
        x->cyc += x->m.mod == 3 ? 2 : 8;
        break;
    }
    case 0x8F: {
        flags_now(c);
        modrm(x);
        uint16_t v = pop(x);
        if (x->m.mod != 3) {
            /* the EA was formed before SP moved; recompute nothing */
            wr16(x, x->m.seg, x->m.off, v);
        } else {
            c->r[x->m.rm] = v;
        }
        x->cyc += 17;
        break;
    }
    case 0x9A: {
        flags_now(c);
        uint16_t off = f16(x), sel = f16(x);
        push(x, c->seg[X86_CS].sel);
        push(x, cur_ip(x));
        fdx_x86_set_seg(c, X86_CS, sel);
        jump_to(x, off);
        x->cyc += 28;
        break;
    }
    case 0x9B: flags_now(c); /* WAIT: no coprocessor, TEST is never busy */
        x->cyc += 3;
        break;
    case 0x9C:
        flags_now(c);
        push(x, fdx_x86_fix_flags(c, c->flags));
        x->cyc += 10;
        break;
    case 0x9D:
        flags_now(c);
        c->flags = fdx_x86_fix_flags(c, pop(x));
        c->trap = (c->flags & X86_TF) != 0; /* single-stepping: leave the fast loop */
        if (c->trap) x86_kick(c);
        x->cyc += 8;
        break;
    case 0x9E:
        flags_now(c);
        c->flags = fdx_x86_fix_flags(c, (uint16_t)((c->flags & 0xFF00) | get8(c, 4)));
        x->cyc += 4;
        break;
    case 0x9F:
        flags_now(c);
        set8(c, 4, (uint8_t)fdx_x86_fix_flags(c, c->flags));
        x->cyc += 4;
        break;
    case 0xC0: case 0xC1:
        flags_now(c);
        if (x86_is_186(c)) goto op186;
        op = (uint8_t)(op + 2); /* 8086: aliases of C2/C3 */
        /* fall through */
    case 0xC2: case 0xC3:
        ret_near(x, op);
        break;
    case 0xC4: case 0xC5: {
        flags_now(c);
        modrm(x);
        /* register forms are undefined; they use the last EA (here: 0) */
        uint16_t off = x->m.off;
        unsigned s = x->m.mod == 3 ? seg_of(x, X86_DS) : x->m.seg;
        c->r[x->m.reg] = rd16(x, s, off);
        fdx_x86_set_seg(c, op == 0xC4 ? X86_ES : X86_DS, rd16(x, s, (uint16_t)(off + 2)));
        x->cyc += 16;
        break;
    }
    case 0xC8: case 0xC9:
        flags_now(c);
        if (x86_is_186(c)) goto op186;
        op = (uint8_t)(op + 2); /* 8086: aliases of CA/CB */
        /* fall through */
    case 0xCA: case 0xCB: {
        flags_now(c);
        uint16_t n = (op & 1) ? 0 : f16(x);
        uint16_t ip = pop(x);
        uint16_t cs = pop(x);
        c->r[X86_SP] = (uint16_t)(c->r[X86_SP] + n);
        fdx_x86_set_seg(c, X86_CS, cs);
        jump_to(x, ip);
        x->cyc += n ? 17 : 18;
        break;
    }
    case 0xCC: case 0xCD: {
        flags_now(c);
        uint8_t v = op == 0xCC ? 3 : f8(x);
        x->cyc += 51;
        sync_out(x);
        if (c->swint && c->swint(c->swint_ctx, c, v)) {
            /* handled by the machine (DOS services): it may have changed registers */
            x->qlen = c->qlen;
            sync_in(x);
            c->trap = (c->flags & X86_TF) != 0;
            x86_kick(c); /* it may also have stopped the run */
            break;
        }
        soft_int(x, v, cur_ip(x));
        break;
    }
    case 0xCE:
        flags_now(c);
        if (c->flags & X86_OF) {
            x->cyc += 53;
            soft_int(x, 4, cur_ip(x));
        } else {
            x->cyc += 4;
        }
        break;
    case 0xCF: {
        flags_now(c);
        uint16_t ip = pop(x);
        uint16_t cs = pop(x);
        c->flags = fdx_x86_fix_flags(c, pop(x));
        c->trap = (c->flags & X86_TF) != 0;
        if (c->trap) x86_kick(c);
        fdx_x86_set_seg(c, X86_CS, cs);
        jump_to(x, ip);
        x->cyc += 24;
        break;
    }
    case 0xD4: { /* AAM: any base; base 0 is a divide error */
        flags_now(c);
        uint8_t b = f8(x);
        x->cyc += 83;
        if (b == 0) { /* the division microcode faults before touching the flags */
            fault(x, 0);
            break;
        }
        uint8_t al = get8(c, 0);
        uint8_t q = (uint8_t)(al / b), r = (uint8_t)(al % b);
        c->r[X86_AX] = (uint16_t)(q << 8 | r);
        c->flags = (uint16_t)((c->flags & ~X86_OSZAPC) | x86_szp8(r));
        break;
    }
    case 0xD5: { /* AAD: any base; the flags come from the final addition */
        flags_now(c);
        uint8_t b = f8(x);
        uint8_t al = get8(c, 0), ah = get8(c, 4);
        uint8_t t = (uint8_t)(ah * b);
        uint8_t r = (uint8_t)alu(c, 0, al, t, 0);
        c->r[X86_AX] = r;
        x->cyc += 60;
        break;
    }
    case 0xD6: flags_now(c); /* SALC (undocumented) */
        set8(c, 0, (c->flags & X86_CF) ? 0xFF : 0);
        x->cyc += 4;
        break;
    case 0xD7: {
        flags_now(c);
        unsigned s = seg_of(x, X86_DS);
        set8(c, 0, rd8(x, s, (uint16_t)(c->r[X86_BX] + get8(c, 0))));
        x->cyc += 11;
        break;
    }
    case 0xD8: case 0xD9: case 0xDA: case 0xDB: case 0xDC: case 0xDD: case 0xDE: case 0xDF: {
        flags_now(c);
        uint8_t mb = x->p[x->n];
        modrm(x);
        uint32_t lin = ~0u;
        if (x->m.mod != 3) {
            lin = (c->seg[x->m.seg].base + x->m.off) & 0xFFFFF;
            (void)rd16(x, x->m.seg, x->m.off); /* the 8086 reads the operand for the coprocessor */
            x->cyc += 8;
        } else {
            x->cyc += 2;
        }
        if (c->esc) {
            sync_out(x);
            c->esc(c->esc_ctx, op, mb, lin);
            x->qlen = c->qlen;
            sync_in(x);
            x86_kick(c);
        }
        break;
    }
    case 0xE4: case 0xE5: {
        flags_now(c);
        uint8_t port = f8(x);
        x->cyc += 10;
        set_reg(x, (op & 1), 0, io_in(x, port, (op & 1)));
        break;
    }
    case 0xE6: case 0xE7: {
        flags_now(c);
        uint8_t port = f8(x);
        x->cyc += 10;
        io_out(x, port, (op & 1), c->r[X86_AX]);
        break;
    }
    case 0xEC: case 0xED:
        flags_now(c);
        x->cyc += 8;
        set_reg(x, (op & 1), 0, io_in(x, c->r[X86_DX], (op & 1)));
        break;
    case 0xEE: case 0xEF:
        flags_now(c);
        x->cyc += 8;
        io_out(x, c->r[X86_DX], (op & 1), c->r[X86_AX]);
        break;
    case 0xEA: {
        flags_now(c);
        uint16_t off = f16(x), sel = f16(x);
        fdx_x86_set_seg(c, X86_CS, sel);
        jump_to(x, off);
        x->cyc += 15;
        break;
    }
    case 0xF4:
        flags_now(c);
        c->halted = 1;
        x86_kick(c);
        x->cyc += 2;
        break;
    default:
        break;
    op186:
        flags_now(c);
        exec_186(x, op);
        break;
    }

done:
    insn_end(x);
    if (!fast) sync_end(x); /* the fast loop writes them when it ends */

    /* single-step trap after an instruction that started with TF set */
    if (!fast && (flags_before & c->flags & X86_TF) && !c->halted) x86_hw_interrupt(c, 1);
    return common;
}

/* Decoder state for a run starting at c->ip. */
HOT void xi_start(struct xi *x, struct fdx_x86 *c, uint64_t end)
{
    xi_init(x, c, end);
    x86_setup_fetch(x, c->ip);
}

void x86_exec_one(struct fdx_x86 *c, uint64_t end)
{
    struct xi x;
    xi_start(&x, c, end);
    exec_body(&x, false);
    flags_now(c);
}

/* What the fast loop keeps across instructions, handed to run_cold. */
struct xcarry {
    const uint8_t *p;
    uint64_t now;
    uint16_t ip;
    uint8_t qlen;
};

/* The full interpreter for one bus width, from the fast loop's state,
 * until it has run a common instruction again or the run ends. */
HOT void run_cold_bus(struct fdx_x86 *c, uint64_t end, int qcap, unsigned sh, struct xcarry *s)
{
    struct xi x;
    xi_init(&x, c, end);
    x.qcap = qcap;
    x.sh = sh;
    x.p = s->p;
    x.ipb = s->ip;
    x.qlen = s->qlen;
    x.now = s->now;
    while (!exec_body(&x, true) && x.now < c->fast_end)
        ;
    *s = (struct xcarry){.p = x.p, .now = x.now, .ip = x.ipb, .qlen = x.qlen};
}
/* Out of line so that the fast loop's state stays in registers. */
NOINLINE void run_cold4(struct fdx_x86 *c, uint64_t end, struct xcarry *s)
{
    run_cold_bus(c, end, 4, 2, s);
}
NOINLINE void run_cold6(struct fdx_x86 *c, uint64_t end, struct xcarry *s)
{
    run_cold_bus(c, end, 6, 1, s);
}

/* The fast loop for one bus width: qcap and the fetch shift are constants
 * here, so the queue and word-transfer arithmetic folds. It runs the
 * common instructions itself (a small switch: few live values, so GCC
 * keeps them in registers) and the rest through run_cold. */
HOT void run_fast_bus(struct fdx_x86 *c, uint64_t end, int qcap, unsigned sh)
{
    struct xi x;
    xi_start(&x, c, end);
    x.qcap = qcap;
    x.sh = sh;
    do {
        uint8_t op = insn_begin(&x);
        if (exec_common(&x, op, true)) continue;
        struct xcarry s = {.p = x.p, .now = x.now, .ip = x.ipb, .qlen = x.qlen};
        if (qcap == 4)
            run_cold4(c, end, &s);
        else
            run_cold6(c, end, &s);
        x.p = s.p;
        x.now = s.now;
        x.ipb = s.ip;
        x.qlen = s.qlen;
        x.n = 0;
    } while (x.now < c->fast_end);
    sync_end(&x);
}

/* Both bus widths' fast loops, instantiated once. */
NOINLINE void run_fast(struct fdx_x86 *c, uint64_t end)
{
    if (c->qcap == 4)
        run_fast_bus(c, end, 4, 2); /* 8088, 80188 */
    else
        run_fast_bus(c, end, 6, 1); /* 8086, 80186 */
    flags_now(c); /* FLAGS exact outside the run */
}

/* Runs instructions while nothing is pending (no interrupt line, halt,
 * inhibit or debugger attention) and the budget lasts. */
void x86_run_fast(struct fdx_x86 *c, uint64_t end)
{
    c->fast_end = end;
    run_fast(c, end);
}

void x86_run_fast_one(struct fdx_x86 *c)
{
    c->fast_end = 0; /* the loop ends after its first instruction */
    run_fast(c, UINT64_MAX);
}

void x86_hw_interrupt(struct fdx_x86 *c, uint8_t vec)
{
    struct xi x;
    xi_init(&x, c, 0);
    x.ip0 = c->ip;
    x.cyc = 61;
    take_vector(&x, vec, c->ip);
    c->qlen = 0;
    c->qmat = 0;
    c->qlin = (c->seg[X86_CS].base + c->ip) & 0xFFFFF;
    c->base.cycles += x.cyc;
}

void fdx_x86_interrupt(struct fdx_x86 *c, uint8_t vector)
{
    x86_hw_interrupt(c, vector);
}
