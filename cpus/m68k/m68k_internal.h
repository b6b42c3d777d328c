/* Internals shared by the 68000 core files: bus cycles, prefetch, flags. */
#ifndef FDX_M68K_INTERNAL_H
#define FDX_M68K_INTERNAL_H

#include <string.h>
#include "m68k.h"
#include "m68k_table.h"

/* Forced inlining makes the specialised handlers straight-line code; in
 * unoptimised (debug) and sanitizer builds (FDX_NO_FORCED_INLINE) it
 * would only multiply the code and the compile time, so there it is a
 * plain static inline. */
#if defined(__GNUC__) && defined(__OPTIMIZE__) && !defined(FDX_NO_FORCED_INLINE)
#define M68K_INLINE static inline __attribute__((always_inline))
#else
#define M68K_INLINE static inline
#endif

/* A handler entry fact for the optimiser, in optimised builds: an address
 * error is always handled before the next instruction starts, so the
 * fault tests after a fast access can fold away. */
#if defined(__GNUC__) && defined(__OPTIMIZE__)
#define M68K_ASSUME(x) ((x) ? (void)0 : __builtin_unreachable())
#else
#define M68K_ASSUME(x) ((void)0)
#endif

#define SR_T 0x8000u
#define SR_S 0x2000u
#define SR_X 0x10u
#define SR_N 0x08u
#define SR_Z 0x04u
#define SR_V 0x02u
#define SR_C 0x01u
#define SR_MASK 0xa71fu

/* The flags N Z V C from the lazy state (see struct m68k's lz). */
M68K_INLINE unsigned lazy_nzvc(const struct m68k *c)
{
    if (c->lz == M68K_LZ_NONE) return c->nzvc;
    uint32_t d = c->lz_d, s = c->lz_s, r;
    int32_t t;
    bool cf, vf;
    if (c->lz == M68K_LZ_SUB) {
        cf = __builtin_sub_overflow(d, s, &r);
        vf = __builtin_sub_overflow((int32_t)d, (int32_t)s, &t);
    } else {
        cf = __builtin_add_overflow(d, s, &r);
        vf = __builtin_add_overflow((int32_t)d, (int32_t)s, &t);
    }
    return (r >> 31) * SR_N + (r == 0) * SR_Z + vf * SR_V + cf * SR_C;
}

/* Big-endian word at host memory p: one load and a byte swap. */
static inline uint16_t m68k_be16(const uint8_t *p)
{
    uint16_t v;
    memcpy(&v, p, 2);
#if defined(__GNUC__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    return __builtin_bswap16(v);
#else
    return (uint16_t)(p[0] << 8 | p[1]);
#endif
}

/* Big-endian long at host memory p, and the store of one. */
static inline uint32_t m68k_be32(const uint8_t *p)
{
#if defined(__GNUC__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint32_t v;
    memcpy(&v, p, 4);
    return __builtin_bswap32(v);
#else
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
#endif
}

static inline void m68k_put_be32(uint8_t *p, uint32_t v)
{
#if defined(__GNUC__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    v = __builtin_bswap32(v);
    memcpy(p, &v, 4);
#else
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
#endif
}

/* The handlers are compiled twice (m68k_exec.c, m68k_exec_log.c): with
 * M68K_LOG 0 the bus-log tests vanish from the hot path; the run loop
 * takes the logging set only while a log is attached (conformance tests).
 * Everything else (m68k_core.c) always checks. */
#ifndef M68K_LOG
#define M68K_LOG 1
#endif
#define LOGGING(c) (M68K_LOG && (c)->log)

/* The hot state: the cycle count and pc live in host registers while
 * handlers run (the run loop's burst passes them from one handler to the
 * next; SysV x86-64 passes and returns this struct in two registers).
 * Between handlers and inside out-of-line calls the CPU struct holds them:
 * handlers write them out (m68k_hot_out) before any call that may read
 * them (I/O handlers see exact cycles) and take them back after. */
struct m68k_hot {
    uint64_t cycles;
    uint64_t pc; /* a 32-bit value: 64 bits leave no padding to carry along */
};

static inline struct m68k_hot m68k_hot_get(const struct m68k *c)
{
    return (struct m68k_hot){c->base.cycles, c->pc};
}
static inline void m68k_hot_out(struct m68k *c, const struct m68k_hot *h)
{
    c->base.cycles = h->cycles;
    c->pc = h->pc;
}
static inline void m68k_hot_in(const struct m68k *c, struct m68k_hot *h)
{
    h->cycles = c->base.cycles;
    h->pc = c->pc;
}
/* An out-of-line call from a handler: the CPU struct is current during it. */
#define M68K_SYNC(call)                                                                            \
    do {                                                                                           \
        m68k_hot_out(c, h);                                                                        \
        call;                                                                                      \
        m68k_hot_in(c, h);                                                                         \
    } while (0)

/* How handlers take and return the hot state. GCC 12 keeps a struct
 * returned in the run loop in memory (stored and reloaded through the
 * stack per instruction); a 128-bit integer stays in two registers. */
#if defined(__SIZEOF_INT128__)
typedef unsigned __int128 m68k_hotv;
static inline m68k_hotv m68k_hot_pack(struct m68k_hot h) { return (m68k_hotv)h.pc << 64 | h.cycles; }
static inline struct m68k_hot m68k_hot_unpack(m68k_hotv v)
{
    return (struct m68k_hot){(uint64_t)v, (uint64_t)(v >> 64)};
}
#else
typedef struct m68k_hot m68k_hotv;
static inline m68k_hotv m68k_hot_pack(struct m68k_hot h) { return h; }
static inline struct m68k_hot m68k_hot_unpack(m68k_hotv v) { return v; }
#endif

typedef m68k_hotv (*m68k_fn)(struct m68k *c, m68k_hotv h);
extern const m68k_fn m68k_handlers[M68K_NHANDLERS];     /* no bus log */
extern const m68k_fn m68k_handlers_log[M68K_NHANDLERS]; /* with the bus log */

/* The handler set for c's current log setting. */
static inline const m68k_fn *m68k_handler_set(const struct m68k *c)
{
    return c->log ? m68k_handlers_log : m68k_handlers;
}

void m68k_log_event(struct m68k *c, char kind, unsigned fc, uint32_t addr, int byte,
                    uint16_t data, unsigned clocks);
void m68k_address_error(struct m68k *c, uint32_t a, unsigned fc, int read, uint16_t data);
/* Group 1/2 exception: pre idle clocks, vector number, PC to push. */
void m68k_exception(struct m68k *c, unsigned vector, uint32_t pc, unsigned idle);
void m68k_exception_sr(struct m68k *c, unsigned vector, uint32_t pc, unsigned idle, uint16_t old_sr);
void m68k_privilege(struct m68k *c);
void m68k_address_exception(struct m68k *c);
void m68k_illegal(struct m68k *c, unsigned vector);

static inline unsigned fc_data(const struct m68k *c) { return (c->sr_sys & SR_S) ? 5 : 1; }
static inline unsigned fc_prog(const struct m68k *c) { return (c->sr_sys & SR_S) ? 6 : 2; }

M68K_INLINE void idle(struct m68k *c, struct m68k_hot *h, unsigned n)
{
    h->cycles += n;
    if (LOGGING(c)) m68k_log_event(c, 'n', 0, 0, 0, 0, n);
}

/* Out of line (m68k_core.c): data accesses outside the data window go
 * through the page table (and move the window to a RAM page) or to I/O. */
uint16_t m68k_data_read_slow(struct m68k *c, uint32_t m, int byte);
void m68k_data_write_slow(struct m68k *c, uint32_t m, uint16_t v, int byte);

/* Drops the code and data windows: pc was set from outside, or a call out
 * of the CPU may have remapped memory. */
static inline void m68k_drop_windows(struct m68k *c)
{
    m68k_drop_code_window(c);
    c->dw_size = 0;
}

/* Whether the instruction starting now (pc = its address + 4) has every
 * word it may prefetch in the code window: the longest (5 words, e.g.
 * ORI.L #x,abs.L) fetches its last three and the next opcode from pc to
 * pc + 7 before the last prefetch (which tests). The condition for running
 * the handlers without the tests; fin_idle and jump_idle keep it with
 * cw_safe = cw_size - 10: after a prefetch at off < cw_safe the next
 * instruction starts at off + 2, after a jump to off at off + 4. */
static inline bool m68k_span_in_window(const struct m68k *c)
{
    return (uint64_t)(uint32_t)(c->pc - c->cw_lo) + 6 < c->cw_size;
}

/* Word read of an even address: one range test against the data window.
 * The address is not masked to 24 bits first: the window lies below 2^24,
 * so an address with high bits set misses it and the slow path masks. */
M68K_INLINE uint16_t bus_r16(struct m68k *c, struct m68k_hot *h, uint32_t a)
{
    uint32_t off = a - c->dw_lo;
    if (__builtin_expect(off < c->dw_size, 1)) return m68k_be16(c->dw_ptr + off);
    uint16_t v;
    M68K_SYNC(v = m68k_data_read_slow(c, a & 0xffffff, 0));
    return v;
}

M68K_INLINE uint16_t rd16(struct m68k *c, struct m68k_hot *h, uint32_t a, unsigned fc)
{
    if (a & 1) {
        M68K_SYNC(m68k_address_error(c, a, fc, 1, 0));
        return 0;
    }
    uint16_t v = bus_r16(c, h, a);
    h->cycles += 4;
    if (LOGGING(c)) m68k_log_event(c, 'r', fc, a, 0, v, 4);
    return v;
}

M68K_INLINE uint8_t rd8(struct m68k *c, struct m68k_hot *h, uint32_t a, unsigned fc)
{
    uint32_t off = a - c->dw_lo; /* see bus_r16 */
    uint8_t v;
    if (__builtin_expect(off < c->dw_size, 1)) v = c->dw_ptr[off];
    else M68K_SYNC(v = (uint8_t)m68k_data_read_slow(c, a & 0xffffff, 1));
    h->cycles += 4;
    if (LOGGING(c)) m68k_log_event(c, 'r', fc, a, 1, (a & 1) ? v : (uint16_t)(v << 8), 4);
    return v;
}

M68K_INLINE void wr16(struct m68k *c, struct m68k_hot *h, uint32_t a, uint16_t v, unsigned fc)
{
    if (a & 1) {
        M68K_SYNC(m68k_address_error(c, a, fc, 0, v));
        return;
    }
    uint32_t off = a - c->dw_lo; /* see bus_r16 */
    if (__builtin_expect(off < c->dw_size, 1)) {
        uint8_t *q = c->dw_ptr + off;
        q[0] = (uint8_t)(v >> 8);
        q[1] = (uint8_t)v;
    } else {
        M68K_SYNC(m68k_data_write_slow(c, a & 0xffffff, v, 0));
    }
    h->cycles += 4;
    if (LOGGING(c)) m68k_log_event(c, 'w', fc, a, 0, v, 4);
}

M68K_INLINE void wr8(struct m68k *c, struct m68k_hot *h, uint32_t a, uint8_t v, unsigned fc)
{
    uint32_t off = a - c->dw_lo; /* see bus_r16 */
    if (__builtin_expect(off < c->dw_size, 1))
        c->dw_ptr[off] = v;
    else
        M68K_SYNC(m68k_data_write_slow(c, a & 0xffffff, v, 1));
    h->cycles += 4;
    if (LOGGING(c)) m68k_log_event(c, 'w', fc, a, 1, (a & 1) ? v : (uint16_t)(v << 8), 4);
}

uint16_t m68k_fetch_slow(struct m68k *c, uint32_t a);

/* Program word read (prefetch, jump targets): from the code window when
 * the even address is in it, else through rd16 (which also takes odd
 * addresses to an address error) and the window moves there. */
M68K_INLINE uint16_t fetch16(struct m68k *c, struct m68k_hot *h, uint32_t a)
{
    uint32_t off = a - c->cw_lo;
    if (__builtin_expect(off < c->cw_size && !(a & 1), 1)) {
        uint16_t v = m68k_be16(c->cw_ptr + off);
        h->cycles += 4;
        if (LOGGING(c)) m68k_log_event(c, 'r', fc_prog(c), a, 0, v, 4);
        return v;
    }
    uint16_t v;
    M68K_SYNC(v = m68k_fetch_slow(c, a));
    return v;
}

/* Sequential prefetch from pc. The window only ever holds pc values of
 * the parity of the even fetch that set it up (pc moves by 2; jumps go
 * through fetch16's test; whoever sets pc otherwise drops the window), so
 * no odd test is needed here; outside the window fetch_slow tests. */
M68K_INLINE uint16_t fetch_pc(struct m68k *c, struct m68k_hot *h)
{
    uint32_t a = h->pc, off = a - c->cw_lo;
    if (__builtin_expect(off < c->cw_size, 1)) {
        uint16_t v = m68k_be16(c->cw_ptr + off);
        h->cycles += 4;
        if (LOGGING(c)) m68k_log_event(c, 'r', fc_prog(c), a, 0, v, 4);
        return v;
    }
    uint16_t v;
    M68K_SYNC(v = m68k_fetch_slow(c, a));
    return v;
}

/* Prefetch: hands out IRC and refills it from pc. */
M68K_INLINE uint16_t np_checked(struct m68k *c, struct m68k_hot *h)
{
    uint16_t v = c->irc;
    c->irc = fetch_pc(c, h);
    h->pc = (uint32_t)(h->pc + 2);
    return v;
}

/* Prefetch of an extension word before the instruction's first data
 * access (after one, an I/O handler may have moved the window: use
 * np_checked). The set machines run (M68K_LOG 0) only starts while the
 * instruction's whole span is in the code window (m68k_run, fin_idle,
 * jump_idle keep that so), so it reads the window without a test; the
 * other set is also the fallback when the span is not in the window. */
M68K_INLINE uint16_t np(struct m68k *c, struct m68k_hot *h)
{
#if M68K_LOG
    return np_checked(c, h);
#else
    uint16_t v = c->irc;
    c->irc = m68k_be16(c->cw_ptr + (uint32_t)(h->pc - c->cw_lo));
    h->cycles += 4;
    h->pc = (uint32_t)(h->pc + 2);
    return v;
#endif
}

/* Out of line (m68k_core.c): fin_idle outside the code window. */
m68k_hotv m68k_fin_slow(struct m68k *c, m68k_hotv h, unsigned idle_clocks);

/* The last prefetch of an instruction (IRC moves to IR), then n idle
 * clocks. Handlers make it their last action: its slow path is then a
 * tail call and the fast path needs no saved registers. In the set
 * machines run the fast path also needs the next instruction's span in
 * the window (cw_safe); the slow path ends the burst (m68k_run). */
M68K_INLINE void fin_idle(struct m68k *c, struct m68k_hot *h, unsigned n)
{
    uint32_t a = h->pc, off = a - c->cw_lo;
    if (__builtin_expect(off < (M68K_LOG ? c->cw_size : c->cw_safe), 1)) {
        uint16_t v = m68k_be16(c->cw_ptr + off);
        c->ir = c->irc;
        c->irc = v;
        h->pc = a + 2;
        h->cycles += 4 + n;
        if (LOGGING(c)) {
            m68k_log_event(c, 'r', fc_prog(c), a, 0, v, 4);
            if (n) m68k_log_event(c, 'n', 0, 0, 0, 0, n);
        }
        return;
    }
    *h = m68k_hot_unpack(m68k_fin_slow(c, m68k_hot_pack(*h), n));
}

M68K_INLINE void fin(struct m68k *c, struct m68k_hot *h) { fin_idle(c, h, 0); }

/* Out of line (m68k_core.c): a jump's queue refill outside the window. */
m68k_hotv m68k_jump_slow(struct m68k *c, m68k_hotv h, uint32_t target);

void m68k_set_sr_internal(struct m68k *c, uint16_t sr);

#endif
