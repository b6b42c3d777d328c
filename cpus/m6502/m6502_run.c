/* The 6502 family's run loops: the executor template (m6502_exec.inc)
 * instantiated for the NMOS 6502, the 6507 and the WDC 65C02, and the
 * per-instruction semantics as macros over the executor's locals. */
#include "m6502_internal.h"

/* forced inlining makes each loop one function with its locals in host
 * registers; sanitizer builds skip it (compile time) */
#if defined(__GNUC__) && !defined(FDX_NO_FORCED_INLINE)
#define M_ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define M_ALWAYS_INLINE inline
#endif

/* ---- one bus cycle ------------------------------------------------------ */

/* d: the direct-map loops, which keep the page table, its shift and the
 * limit in the CPU struct rather than in locals (fewer registers live). */
#define LPG(l_) (d ? c->pg : (l_)->pg)
#define LSHIFT(l_) (d ? c->shift : (l_)->shift)

/* After a slow access: the CPU's view may have changed (refresh). */
static M_ALWAYS_INLINE void m_after_slow(struct fdx_m6502 *c, struct m6502_lc *l, bool d)
{
    l->ob = NULL;
    l->cyc = c->base.cycles;
    if (!d) {
        l->pg = c->pg;
        l->shift = c->shift;
        l->lim = c->lim;
    }
}

static M_ALWAYS_INLINE uint8_t m_rd(struct fdx_m6502 *c, struct m6502_lc *l, uint32_t a, bool d)
{
    const struct fdx_page *pp = &LPG(l)[a >> LSHIFT(l)];
    if (M_LIKELY(pp->read != NULL)) {
        l->cyc++;
        return pp->read[a & pp->mask];
    }
    c->base.cycles = l->cyc;
    c->base.instructions = l->instr;
    uint8_t v = fdx_m6502_slow_read(c, a);
    m_after_slow(c, l, d);
    return v;
}

static M_ALWAYS_INLINE void m_wr(struct fdx_m6502 *c, struct m6502_lc *l, uint32_t a, uint8_t v, bool d)
{
    const struct fdx_page *pp = &LPG(l)[a >> LSHIFT(l)];
    if (M_LIKELY(pp->write != NULL)) {
        l->cyc++;
        pp->write[a & pp->mask] = v;
        return;
    }
    c->base.cycles = l->cyc;
    c->base.instructions = l->instr;
    fdx_m6502_slow_write(c, a, v);
    m_after_slow(c, l, d);
}

/* The opcode fetch; sets up l.ob for the operand fetches. */
static M_ALWAYS_INLINE uint8_t m_fetch_op(struct fdx_m6502 *c, struct m6502_lc *l, uint32_t a, bool d)
{
    const struct fdx_page *pp = &LPG(l)[a >> LSHIFT(l)];
    if (M_LIKELY(pp->read != NULL)) {
        uint32_t o = a & pp->mask;
        l->cyc++;
        l->ob = o + 2 <= pp->mask ? pp->read + o : NULL;
        return pp->read[o];
    }
    l->ob = NULL;
    return m_rd(c, l, a, d);
}

/* The direct map (m6502.h): one load and test per access for pages that
 * are one stretch of host memory; the rest go the bus table way above. */
static M_ALWAYS_INLINE uintptr_t d_entry(struct fdx_m6502 *c, unsigned i)
{
    uintptr_t b = c->dmap[i];
    if (M_UNLIKELY(b == M6502_DM_UNKNOWN)) b = fdx_m6502_dm_fill(c, i);
    return b;
}

static M_ALWAYS_INLINE uint8_t d_rd(struct fdx_m6502 *c, struct m6502_lc *l, uint32_t a)
{
    uintptr_t b = c->dmap[a >> 8];
    if (M_LIKELY(b > M6502_DM_BUS) || (b == M6502_DM_UNKNOWN && (b = d_entry(c, a >> 8)) > M6502_DM_BUS)) {
        l->cyc++;
        return *(const uint8_t *)(b + a);
    }
    return m_rd(c, l, a, true);
}

static M_ALWAYS_INLINE void d_wr(struct fdx_m6502 *c, struct m6502_lc *l, uint32_t a, uint8_t v)
{
    uintptr_t b = c->dmap[256 + (a >> 8)];
    if (M_LIKELY(b > M6502_DM_BUS) || (b == M6502_DM_UNKNOWN && (b = d_entry(c, 256 + (a >> 8))) > M6502_DM_BUS)) {
        l->cyc++;
        *(uint8_t *)(b + a) = v;
        return;
    }
    m_wr(c, l, a, v, true);
}

static M_ALWAYS_INLINE uint8_t d_fetch_op(struct fdx_m6502 *c, struct m6502_lc *l, uint32_t a)
{
    uintptr_t b = c->dmap[a >> 8];
    if (M_LIKELY(b > M6502_DM_BUS) || (b == M6502_DM_UNKNOWN && (b = d_entry(c, a >> 8)) > M6502_DM_BUS)) {
        const uint8_t *h = (const uint8_t *)(b + a);
        l->cyc++;
        l->ob = (a & 0xFF) <= 0xFD ? h : NULL;
        return *h;
    }
    return m_fetch_op(c, l, a, true);
}

#undef LPG
#undef LSHIFT

/* The run loop's limit: a local, or the CPU's own in the direct-map loops. */
#define LIM (*(DIRECT ? &c->lim : &l.lim))
#define RD(addr) (DIRECT ? d_rd(c, &l, (uint32_t)(addr) & AMASK) : m_rd(c, &l, (uint32_t)(addr) & AMASK, false))
#define FETCH_OP(c_, l_, a_) (DIRECT ? d_fetch_op(c_, l_, a_) : m_fetch_op(c_, l_, a_, false))
/* A dummy read of the instruction's own bytes at pc (RAM/ROM: no side
 * effects, so only the cycle counts). */
#define DUMMY()                                                                                            \
    do {                                                                                                   \
        if (M_LIKELY(l.ob != NULL)) l.cyc++;                                                               \
        else RD(pc);                                                                                       \
    } while (0)
/* Operand byte k (1 or 2) of the instruction; pc must point at it. */
#define FETCH(k_) (M_LIKELY(l.ob != NULL) ? (l.cyc++, l.ob[k_]) : RD(pc))
#define WR(addr, val)                                                                                      \
    do {                                                                                                   \
        if (DIRECT) d_wr(c, &l, (uint32_t)(addr) & AMASK, (uint8_t)(val));                                 \
        else m_wr(c, &l, (uint32_t)(addr) & AMASK, (uint8_t)(val), false);                                        \
    } while (0)

/* ---- flags -------------------------------------------------------------- */

#define PMASK (FDX_M6502_V | FDX_M6502_B | FDX_M6502_U | FDX_M6502_D | FDX_M6502_I)
#define GETP() ((uint8_t)((p & PMASK) | (n & 0x80) | (z ? 0 : FDX_M6502_Z) | cf))
#define LOADP(v_)                                                                                          \
    do {                                                                                                   \
        uint8_t pv_ = (v_);                                                                                \
        p = pv_ & PMASK;                                                                                   \
        n = pv_;                                                                                           \
        z = !(pv_ & FDX_M6502_Z);                                                                          \
        cf = pv_ & 1;                                                                                      \
    } while (0)
#define SETNZ(v_) (n = z = (v_))
#define SETV(b_) (p = (uint8_t)((p & ~FDX_M6502_V) | ((b_) ? FDX_M6502_V : 0)))

#define SAVE()                                                                                             \
    do {                                                                                                   \
        c->pc = pc;                                                                                        \
        c->a = a;                                                                                          \
        c->x = x;                                                                                          \
        c->y = y;                                                                                          \
        c->s = s;                                                                                          \
        c->p = GETP();                                                                                     \
    } while (0)
#define LOAD()                                                                                             \
    do {                                                                                                   \
        pc = c->pc;                                                                                        \
        a = c->a;                                                                                          \
        x = c->x;                                                                                          \
        y = c->y;                                                                                          \
        s = c->s;                                                                                          \
        LOADP(c->p);                                                                                       \
    } while (0)

/* ---- addressing: read kind (operand in v, address in ea) ----------------- */

/* A page-crossing index: the NMOS chip reads the address with the
 * uncorrected high byte, the 65C02 reads the last operand byte again. */
#define DUMMY_IDX(base_, t_)                                                                               \
    do {                                                                                                   \
        if (CMOS) RD((uint16_t)(pc - 1));                                                                  \
        else RD(((base_) & 0xFF00) | ((t_) & 0xFF));                                                       \
    } while (0)
#define ABS_BASE()                                                                                         \
    do {                                                                                                   \
        ea = FETCH(1);                                                                                     \
        pc++;                                                                                              \
        ea |= (uint16_t)(FETCH(2) << 8);                                                                   \
        pc++;                                                                                              \
    } while (0)
#define IDX_READ(reg_)                                                                                     \
    do {                                                                                                   \
        t = (uint16_t)(ea + (reg_));                                                                       \
        if ((t ^ ea) & 0xFF00) DUMMY_IDX(ea, t);                                                           \
        ea = t;                                                                                            \
    } while (0)
#define IDX_ALWAYS(reg_)                                                                                   \
    do {                                                                                                   \
        t = (uint16_t)(ea + (reg_));                                                                       \
        DUMMY_IDX(ea, t);                                                                                  \
        ea = t;                                                                                            \
    } while (0)
#define ZP_IDX(reg_)                                                                                       \
    do {                                                                                                   \
        ea = FETCH(1);                                                                                       \
        pc++;                                                                                              \
        RD(ea);                                                                                            \
        ea = (uint8_t)(ea + (reg_));                                                                       \
    } while (0)
#define PTR_ZP()                                                                                           \
    do {                                                                                                   \
        ea = RD(zp);                                                                                       \
        zp++;                                                                                              \
        ea |= (uint16_t)(RD(zp) << 8);                                                                     \
    } while (0)
#define EA_IZX()                                                                                           \
    do {                                                                                                   \
        zp = FETCH(1);                                                                                       \
        pc++;                                                                                              \
        RD(zp);                                                                                            \
        zp = (uint8_t)(zp + x);                                                                            \
        PTR_ZP();                                                                                          \
    } while (0)
#define EA_IZ()                                                                                            \
    do {                                                                                                   \
        zp = FETCH(1);                                                                                       \
        pc++;                                                                                              \
        PTR_ZP();                                                                                          \
    } while (0)

#define IMMF_IMM 1
#define IMMF_ZP 0
#define IMMF_ZPX 0
#define IMMF_ZPY 0
#define IMMF_ABS 0
#define IMMF_ABX 0
#define IMMF_ABY 0
#define IMMF_IZX 0
#define IMMF_IZY 0
#define IMMF_IZP 0

#define R_IMM() (ea = pc, v = FETCH(1), pc++)
#define R_ZP()                                                                                             \
    do {                                                                                                   \
        ea = FETCH(1);                                                                                       \
        pc++;                                                                                              \
        v = RD(ea);                                                                                        \
    } while (0)
#define R_ZPX()                                                                                            \
    do {                                                                                                   \
        ZP_IDX(x);                                                                                         \
        v = RD(ea);                                                                                        \
    } while (0)
#define R_ZPY()                                                                                            \
    do {                                                                                                   \
        ZP_IDX(y);                                                                                         \
        v = RD(ea);                                                                                        \
    } while (0)
#define R_ABS()                                                                                            \
    do {                                                                                                   \
        ABS_BASE();                                                                                        \
        v = RD(ea);                                                                                        \
    } while (0)
#define R_ABX()                                                                                            \
    do {                                                                                                   \
        ABS_BASE();                                                                                        \
        IDX_READ(x);                                                                                       \
        v = RD(ea);                                                                                        \
    } while (0)
#define R_ABY()                                                                                            \
    do {                                                                                                   \
        ABS_BASE();                                                                                        \
        IDX_READ(y);                                                                                       \
        v = RD(ea);                                                                                        \
    } while (0)
#define R_IZX()                                                                                            \
    do {                                                                                                   \
        EA_IZX();                                                                                          \
        v = RD(ea);                                                                                        \
    } while (0)
#define R_IZY()                                                                                            \
    do {                                                                                                   \
        EA_IZ();                                                                                           \
        IDX_READ(y);                                                                                       \
        v = RD(ea);                                                                                        \
    } while (0)
#define R_IZP()                                                                                            \
    do {                                                                                                   \
        EA_IZ();                                                                                           \
        v = RD(ea);                                                                                        \
    } while (0)

/* ---- addressing: write and read-modify-write kinds (address in ea) ------- */

#define W_ZP()                                                                                             \
    do {                                                                                                   \
        ea = FETCH(1);                                                                                       \
        pc++;                                                                                              \
    } while (0)
#define W_ZPX() ZP_IDX(x)
#define W_ZPY() ZP_IDX(y)
#define W_ABS() ABS_BASE()
#define W_ABX()                                                                                            \
    do {                                                                                                   \
        ABS_BASE();                                                                                        \
        IDX_ALWAYS(x);                                                                                     \
    } while (0)
#define W_ABY()                                                                                            \
    do {                                                                                                   \
        ABS_BASE();                                                                                        \
        IDX_ALWAYS(y);                                                                                     \
    } while (0)
#define W_IZX() EA_IZX()
#define W_IZY()                                                                                            \
    do {                                                                                                   \
        EA_IZ();                                                                                           \
        IDX_ALWAYS(y);                                                                                     \
    } while (0)
#define W_IZP() EA_IZ()

/* 65C02 abs,X shifts skip the fix-up cycle when no page is crossed; INC
 * and DEC always take it. */
#define MX_INC 1
#define MX_DEC 1
#define MX_ASL 0
#define MX_ROL 0
#define MX_LSR 0
#define MX_ROR 0
#define MX_SLO 0
#define MX_RLA 0
#define MX_SRE 0
#define MX_RRA 0
#define MX_DCP 0
#define MX_ISC 0
#define M_ZP(mn_) W_ZP()
#define M_ZPX(mn_) W_ZPX()
#define M_ABS(mn_) W_ABS()
#define M_ABY(mn_) W_ABY()
#define M_IZX(mn_) W_IZX()
#define M_IZY(mn_) W_IZY()
#define M_ABX(mn_)                                                                                         \
    do {                                                                                                   \
        ABS_BASE();                                                                                        \
        if (CMOS && !MX_##mn_) IDX_READ(x);                                                                \
        else IDX_ALWAYS(x);                                                                                \
    } while (0)

/* ---- the kinds (see m6502_ops.h) ----------------------------------------- */

#define K_R(mn_, mode_)                                                                                    \
    R_##mode_();                                                                                           \
    DO_##mn_(v, IMMF_##mode_)
#define K_W(mn_, mode_)                                                                                    \
    W_##mode_();                                                                                           \
    WR(ea, VAL_##mn_)
#define K_M(mn_, mode_)                                                                                    \
    M_##mode_(mn_);                                                                                        \
    v = RD(ea);                                                                                            \
    if (CMOS) RD(ea);                                                                                      \
    else WR(ea, v);                                                                                        \
    RMW_##mn_(v);                                                                                          \
    WR(ea, v)
#define K_A(mn_, mode_)                                                                                    \
    DUMMY();                                                                                                  \
    v = a;                                                                                                 \
    RMW_##mn_(v);                                                                                          \
    a = v
#define K_I(mn_, mode_) OP_##mn_()
#define K_T(mn_, mode_) OP_##mn_()
#define K_H(mn_, mode_)                                                                                    \
    DUMMY();                                                                                                  \
    DUMMY();                                                                                                  \
    goto halt
#define K_S(mn_, mode_) OPS_##mn_##_##mode_()
#define K_Q(mn_, mode_) (void)0
#define K_B(mn_, mode_) BRANCH(COND_##mn_)
#define K_K(mn_, mode_) BRANCH(1)
#define K_Z(mn_, mode_) BBX(BB_##mn_)

/* ---- ALU ------------------------------------------------------------------ */

#define DO_LDA(v_, i_) a = SETNZ(v_)
#define DO_LDX(v_, i_) x = SETNZ(v_)
#define DO_LDY(v_, i_) y = SETNZ(v_)
#define DO_LAX(v_, i_) a = x = SETNZ(v_)
#define DO_ORA(v_, i_) a = SETNZ(a | (v_))
#define DO_AND(v_, i_) a = SETNZ(a & (v_))
#define DO_EOR(v_, i_) a = SETNZ(a ^ (v_))
#define DO_NOP(v_, i_) (void)(v_)
#define CMPR(r_, v_)                                                                                       \
    do {                                                                                                   \
        cf = (r_) >= (v_);                                                                                 \
        SETNZ((uint8_t)((r_) - (v_)));                                                                     \
    } while (0)
#define DO_CMP(v_, i_) CMPR(a, v_)
#define DO_CPX(v_, i_) CMPR(x, v_)
#define DO_CPY(v_, i_) CMPR(y, v_)
#define DO_BIT(v_, i_)                                                                                     \
    do {                                                                                                   \
        n = (v_);                                                                                          \
        z = a & (v_);                                                                                      \
        p = (uint8_t)((p & ~FDX_M6502_V) | ((v_) & FDX_M6502_V));                                          \
    } while (0)
#define DO_ADC(v_, i_)                                                                                     \
    do {                                                                                                   \
        if (M_UNLIKELY(p & FDX_M6502_D)) {                                                                 \
            if (CMOS) {                                                                                    \
                m6502_adc_dec_cmos(&a, &cf, &p, v_);                                                       \
                RD((i_) ? 0x7F : ea); /* the extra decimal cycle; the data reads $7F for #imm */         \
                SETNZ(a);                                                                                  \
            } else {                                                                                       \
                m6502_adc_dec_nmos(&a, &cf, &p, &n, &z, v_);                                               \
            }                                                                                              \
        } else {                                                                                           \
            unsigned s_ = (unsigned)a + (v_) + cf;                                                         \
            SETV((a ^ s_) & ((v_) ^ s_) & 0x80);                                                           \
            cf = (uint8_t)(s_ >> 8);                                                                       \
            a = SETNZ((uint8_t)s_);                                                                        \
        }                                                                                                  \
    } while (0)
#define DO_SBC(v_, i_)                                                                                     \
    do {                                                                                                   \
        if (M_UNLIKELY(p & FDX_M6502_D)) {                                                                 \
            if (CMOS) {                                                                                    \
                m6502_sbc_dec_cmos(&a, &cf, &p, v_);                                                       \
                RD((i_) ? 0xB8 : ea); /* the extra decimal cycle; the data reads $B8 for #imm */         \
                SETNZ(a);                                                                                  \
            } else {                                                                                       \
                m6502_sbc_dec_nmos(&a, &cf, &p, &n, &z, v_);                                               \
            }                                                                                              \
        } else {                                                                                           \
            unsigned s_ = (unsigned)a + (uint8_t)~(v_) + cf;                                               \
            SETV((a ^ s_) & ((uint8_t)~(v_) ^ s_) & 0x80);                                                 \
            cf = (uint8_t)(s_ >> 8);                                                                       \
            a = SETNZ((uint8_t)s_);                                                                        \
        }                                                                                                  \
    } while (0)
#define DO_ANC(v_, i_)                                                                                     \
    do {                                                                                                   \
        a = SETNZ(a & (v_));                                                                               \
        cf = a >> 7;                                                                                       \
    } while (0)
#define DO_ALR(v_, i_)                                                                                     \
    do {                                                                                                   \
        a &= (v_);                                                                                         \
        cf = a & 1;                                                                                        \
        a = SETNZ(a >> 1);                                                                                 \
    } while (0)
#define DO_ARR(v_, i_) m6502_arr(&a, &cf, &p, &n, &z, v_)
/* ANE and LXA are unstable on real chips; the test data uses the common
 * "magic constant" model with $EE. */
#define DO_ANE(v_, i_) a = SETNZ((a | 0xEE) & x & (v_))
#define DO_LXA(v_, i_) a = x = SETNZ((a | 0xEE) & (v_))
#define DO_SBX(v_, i_)                                                                                     \
    do {                                                                                                   \
        uint8_t ax_ = a & x;                                                                               \
        cf = ax_ >= (v_);                                                                                  \
        x = SETNZ((uint8_t)(ax_ - (v_)));                                                                  \
    } while (0)
#define DO_LAS(v_, i_) a = x = s = SETNZ((v_) & s)

/* stores; SHA/SHX/SHY/TAS store reg & (high byte of the address + 1) */
#define H1 ((uint8_t)((ea >> 8) + 1))
#define VAL_STA a
#define VAL_STX x
#define VAL_STY y
#define VAL_STZ 0
#define VAL_SAX (a & x)
#define VAL_SHA (a & x & H1)
#define VAL_SHX (x & H1)
#define VAL_SHY (y & H1)
#define VAL_TAS (s = a & x, s & H1)

/* read-modify-write */
#define RMW_ASL(v_)                                                                                        \
    do {                                                                                                   \
        cf = (v_) >> 7;                                                                                    \
        v_ = SETNZ((uint8_t)((v_) << 1));                                                                  \
    } while (0)
#define RMW_LSR(v_)                                                                                        \
    do {                                                                                                   \
        cf = (v_) & 1;                                                                                     \
        v_ = SETNZ((v_) >> 1);                                                                             \
    } while (0)
#define RMW_ROL(v_)                                                                                        \
    do {                                                                                                   \
        uint8_t c_ = (v_) >> 7;                                                                            \
        v_ = SETNZ((uint8_t)(((v_) << 1) | cf));                                                           \
        cf = c_;                                                                                           \
    } while (0)
#define RMW_ROR(v_)                                                                                        \
    do {                                                                                                   \
        uint8_t c_ = (v_) & 1;                                                                             \
        v_ = SETNZ((uint8_t)(((v_) >> 1) | (cf << 7)));                                                    \
        cf = c_;                                                                                           \
    } while (0)
#define RMW_INC(v_) v_ = SETNZ((uint8_t)((v_) + 1))
#define RMW_DEC(v_) v_ = SETNZ((uint8_t)((v_) - 1))
#define RMW_SLO(v_)                                                                                        \
    do {                                                                                                   \
        RMW_ASL(v_);                                                                                       \
        a = SETNZ(a | (v_));                                                                               \
    } while (0)
#define RMW_RLA(v_)                                                                                        \
    do {                                                                                                   \
        RMW_ROL(v_);                                                                                       \
        a = SETNZ(a & (v_));                                                                               \
    } while (0)
#define RMW_SRE(v_)                                                                                        \
    do {                                                                                                   \
        RMW_LSR(v_);                                                                                       \
        a = SETNZ(a ^ (v_));                                                                               \
    } while (0)
#define RMW_RRA(v_)                                                                                        \
    do {                                                                                                   \
        RMW_ROR(v_);                                                                                       \
        DO_ADC(v_, 0);                                                                                     \
    } while (0)
#define RMW_DCP(v_)                                                                                        \
    do {                                                                                                   \
        v_ = (uint8_t)((v_) - 1);                                                                          \
        CMPR(a, v_);                                                                                       \
    } while (0)
#define RMW_ISC(v_)                                                                                        \
    do {                                                                                                   \
        v_ = (uint8_t)((v_) + 1);                                                                          \
        DO_SBC(v_, 0);                                                                                     \
    } while (0)
#define RMW_TSB(v_)                                                                                        \
    do {                                                                                                   \
        z = a & (v_);                                                                                      \
        v_ |= a;                                                                                           \
    } while (0)
#define RMW_TRB(v_)                                                                                        \
    do {                                                                                                   \
        z = a & (v_);                                                                                      \
        v_ &= (uint8_t)~a;                                                                                 \
    } while (0)
#define RMW_RMB0(v_) v_ &= 0xFE
#define RMW_RMB1(v_) v_ &= 0xFD
#define RMW_RMB2(v_) v_ &= 0xFB
#define RMW_RMB3(v_) v_ &= 0xF7
#define RMW_RMB4(v_) v_ &= 0xEF
#define RMW_RMB5(v_) v_ &= 0xDF
#define RMW_RMB6(v_) v_ &= 0xBF
#define RMW_RMB7(v_) v_ &= 0x7F
#define RMW_SMB0(v_) v_ |= 0x01
#define RMW_SMB1(v_) v_ |= 0x02
#define RMW_SMB2(v_) v_ |= 0x04
#define RMW_SMB3(v_) v_ |= 0x08
#define RMW_SMB4(v_) v_ |= 0x10
#define RMW_SMB5(v_) v_ |= 0x20
#define RMW_SMB6(v_) v_ |= 0x40
#define RMW_SMB7(v_) v_ |= 0x80

/* ---- branches ------------------------------------------------------------- */

#define COND_BPL (!(n & 0x80))
#define COND_BMI (n & 0x80)
#define COND_BVC (!(p & FDX_M6502_V))
#define COND_BVS (p & FDX_M6502_V)
#define COND_BCC (!cf)
#define COND_BCS (cf)
#define COND_BNE (z)
#define COND_BEQ (!z)
#define BRANCH(cond_)                                                                                      \
    do {                                                                                                   \
        v = FETCH(1);                                                                                        \
        pc++;                                                                                              \
        if (cond_) {                                                                                       \
            DUMMY();                                                                                          \
            t = (uint16_t)(pc + (int8_t)v);                                                                \
            if (M_UNLIKELY(!(pc & 0xFE))) BRANCH_SKEW();                                                   \
            if (M_UNLIKELY(v == 0xFE) && c->stop_on_loop) LOOPED();                                        \
            if ((t ^ pc) & 0xFF00) {                                                                       \
                RD((pc & 0xFF00) | (t & 0xFF));                                                            \
                pc = t;                                                                                    \
            } else {                                                                                       \
                pc = t;                                                                                    \
                c->branch_end = l.cyc; /* polls one cycle early */                                         \
            }                                                                                              \
        }                                                                                                  \
    } while (0)

/* The branch's opcode is on the page before its next instruction: count
 * how sim65 2.19 (which tests the page crossing from the opcode's address)
 * would differ from the real chip (see sim65_skew in m6502.h). */
#define BRANCH_SKEW()                                                                                      \
    c->sim65_skew += (int64_t)((((pc - 2) ^ t) & 0xFF00) != 0) - (int64_t)(((pc ^ t) & 0xFF00) != 0)

/* an instruction that jumps to itself ends the run (bare6502 --stop-on-loop) */
#define LOOPED()                                                                                           \
    do {                                                                                                   \
        c->looped = true;                                                                                  \
        c->base.stop = FDX_STOP_HALTED;                                                                    \
        LIM = 0;                                                                                         \
    } while (0)

#define BB_BBR0 0x01, 0
#define BB_BBR1 0x02, 0
#define BB_BBR2 0x04, 0
#define BB_BBR3 0x08, 0
#define BB_BBR4 0x10, 0
#define BB_BBR5 0x20, 0
#define BB_BBR6 0x40, 0
#define BB_BBR7 0x80, 0
#define BB_BBS0 0x01, 1
#define BB_BBS1 0x02, 1
#define BB_BBS2 0x04, 1
#define BB_BBS3 0x08, 1
#define BB_BBS4 0x10, 1
#define BB_BBS5 0x20, 1
#define BB_BBS6 0x40, 1
#define BB_BBS7 0x80, 1
#define BBX(...) BBX_(__VA_ARGS__)
/* BBRn/BBSn as the test data has them: zp read, a dummy write of the same
 * byte, the offset, then a read at the branch target's low byte within the
 * current page (taken or not; 6 cycles either way). */
#define BBX_(mask_, set_)                                                                                  \
    do {                                                                                                   \
        zp = FETCH(1);                                                                                       \
        pc++;                                                                                              \
        v = RD(zp);                                                                                        \
        WR(zp, v);                                                                                         \
        uint8_t off_ = FETCH(2);                                                                             \
        pc++;                                                                                              \
        t = (uint16_t)(pc + (int8_t)off_);                                                                 \
        RD((pc & 0xFF00) | (t & 0xFF));                                                                    \
        if (!(v & (mask_)) == !(set_)) pc = t;                                                             \
    } while (0)

/* ---- implied and stack ---------------------------------------------------- */

#define IMPL(stmt_)                                                                                        \
    do {                                                                                                   \
        DUMMY();                                                                                              \
        stmt_;                                                                                             \
    } while (0)
#define OP_NOP() IMPL((void)0)
#define OP_CLC() IMPL(cf = 0)
#define OP_SEC() IMPL(cf = 1)
#define OP_CLD() IMPL(p &= (uint8_t)~FDX_M6502_D)
#define OP_SED() IMPL(p |= FDX_M6502_D)
#define OP_CLV() IMPL(p &= (uint8_t)~FDX_M6502_V)
/* CLI/SEI/PLP change I after the interrupt poll: remember the old I */
#define ILAT()                                                                                             \
    do {                                                                                                   \
        c->ilat_old = p & FDX_M6502_I;                                                                     \
        c->ilat_instr = l.instr + 1;                                                                       \
    } while (0)
#define OP_CLI() IMPL(ILAT(); p &= (uint8_t)~FDX_M6502_I)
#define OP_SEI() IMPL(ILAT(); p |= FDX_M6502_I)
#define OP_TAX() IMPL(x = SETNZ(a))
#define OP_TAY() IMPL(y = SETNZ(a))
#define OP_TXA() IMPL(a = SETNZ(x))
#define OP_TYA() IMPL(a = SETNZ(y))
#define OP_TSX() IMPL(x = SETNZ(s))
#define OP_TXS() IMPL(s = x)
#define OP_INX() IMPL(x = SETNZ((uint8_t)(x + 1)))
#define OP_INY() IMPL(y = SETNZ((uint8_t)(y + 1)))
#define OP_DEX() IMPL(x = SETNZ((uint8_t)(x - 1)))
#define OP_DEY() IMPL(y = SETNZ((uint8_t)(y - 1)))
#define PUSH(v_)                                                                                           \
    do {                                                                                                   \
        WR(0x100 | s, v_);                                                                                 \
        s--;                                                                                               \
    } while (0)
#define OP_PHA() IMPL(PUSH(a))
#define OP_PHX() IMPL(PUSH(x))
#define OP_PHY() IMPL(PUSH(y))
#define OP_PHP() IMPL(PUSH(GETP() | FDX_M6502_B | FDX_M6502_U))
#define PULL_START()                                                                                       \
    do {                                                                                                   \
        DUMMY();                                                                                              \
        RD(0x100 | s);                                                                                     \
        s++;                                                                                               \
    } while (0)
#define OP_PLA()                                                                                           \
    do {                                                                                                   \
        PULL_START();                                                                                      \
        a = SETNZ(RD(0x100 | s));                                                                          \
    } while (0)
#define OP_PLX()                                                                                           \
    do {                                                                                                   \
        PULL_START();                                                                                      \
        x = SETNZ(RD(0x100 | s));                                                                          \
    } while (0)
#define OP_PLY()                                                                                           \
    do {                                                                                                   \
        PULL_START();                                                                                      \
        y = SETNZ(RD(0x100 | s));                                                                          \
    } while (0)
#define OP_PLP()                                                                                           \
    do {                                                                                                   \
        PULL_START();                                                                                      \
        v = RD(0x100 | s);                                                                                 \
        ILAT();                                                                                            \
        LOADP((v & ~FDX_M6502_B) | FDX_M6502_U);                                                           \
    } while (0)
#define OP_RTI()                                                                                           \
    do {                                                                                                   \
        PULL_START();                                                                                      \
        v = RD(0x100 | s);                                                                                 \
        LOADP((v & ~FDX_M6502_B) | FDX_M6502_U);                                                           \
        s++;                                                                                               \
        pc = RD(0x100 | s);                                                                                \
        s++;                                                                                               \
        pc |= (uint16_t)(RD(0x100 | s) << 8);                                                              \
    } while (0)
#define OP_RTS()                                                                                           \
    do {                                                                                                   \
        PULL_START();                                                                                      \
        pc = RD(0x100 | s);                                                                                \
        s++;                                                                                               \
        pc |= (uint16_t)(RD(0x100 | s) << 8);                                                              \
        RD(pc);                                                                                            \
        pc++;                                                                                              \
    } while (0)
/* A JSR or JMP landed on a machine hook (sim65's paravirtualisation): the
 * hook sees the registers in the struct and the instruction's cycles. */
#define TRAP(ncyc_)                                                                                        \
    do {                                                                                                   \
        SAVE();                                                                                            \
        c->base.cycles = l.cyc;                                                                            \
        c->base.instructions = l.instr + 1;                                                                \
        c->trap_insn_cycles = (ncyc_);                                                                     \
        if (c->trap(c->trap_ctx, c) && !c->base.stop) c->base.stop = FDX_STOP_EXIT;                        \
        LOAD();                                                                                            \
        l.cyc = c->base.cycles;                                                                            \
        LIM = 0;                                                                                         \
        l.ob = NULL;                                                                                       \
    } while (0)
#define OP_JSR()                                                                                           \
    do {                                                                                                   \
        v = FETCH(1);                                                                                        \
        pc++;                                                                                              \
        RD(0x100 | s);                                                                                     \
        PUSH(pc >> 8);                                                                                     \
        PUSH(pc & 0xFF);                                                                                   \
        pc = (uint16_t)(v | (FETCH(2) << 8));                                                                \
        if (M_UNLIKELY(pc >= c->trap_from)) TRAP(6);                                                      \
    } while (0)
#define OP_BRK()                                                                                           \
    do {                                                                                                   \
        DUMMY();                                                                                              \
        pc++;                                                                                              \
        PUSH(pc >> 8);                                                                                     \
        PUSH(pc & 0xFF);                                                                                   \
        PUSH(GETP() | FDX_M6502_B | FDX_M6502_U);                                                          \
        t = fdx_m6502_vector(c, l.cyc);                                                                    \
        p |= FDX_M6502_I;                                                                                  \
        if (CMOS) p &= (uint8_t)~FDX_M6502_D;                                                              \
        pc = RD(t);                                                                                        \
        pc |= (uint16_t)(RD(t + 1) << 8);                                                                  \
    } while (0)
#define OP_WAI()                                                                                           \
    do {                                                                                                   \
        DUMMY();                                                                                              \
        DUMMY();                                                                                              \
        c->waiting = true;                                                                                 \
        LIM = 0;                                                                                         \
    } while (0)

/* ---- own sequences (kind S) ---------------------------------------------- */

#define OPS_JMP_ABS()                                                                                      \
    do {                                                                                                   \
        ABS_BASE();                                                                                        \
        if (M_UNLIKELY(ea == (uint16_t)(pc - 3)) && c->stop_on_loop) LOOPED();                             \
        pc = ea;                                                                                           \
        if (M_UNLIKELY(pc >= c->trap_from)) TRAP(3);                                                       \
    } while (0)
/* NMOS: the pointer's high byte comes from the same page (the JMP ($xxFF)
 * bug); the 65C02 reads that same address as a dummy, then the right one. */
#define OPS_JMP_IND()                                                                                      \
    do {                                                                                                   \
        ABS_BASE();                                                                                        \
        pc = RD(ea);                                                                                       \
        t = (uint16_t)((ea & 0xFF00) | ((ea + 1) & 0xFF));                                                 \
        if (CMOS) {                                                                                        \
            RD(t);                                                                                         \
            t = (uint16_t)(ea + 1);                                                                        \
        }                                                                                                  \
        pc |= (uint16_t)(RD(t) << 8);                                                                      \
    } while (0)
#define OPS_JMP_IAX()                                                                                      \
    do {                                                                                                   \
        ea = RD(pc);                                                                                       \
        pc++;                                                                                              \
        ea |= (uint16_t)(RD(pc) << 8);                                                                     \
        RD((uint16_t)(pc - 1));                                                                            \
        ea = (uint16_t)(ea + x);                                                                           \
        pc = RD(ea);                                                                                       \
        pc |= (uint16_t)(RD((uint16_t)(ea + 1)) << 8);                                                     \
    } while (0)

#define OPS_BIT_IMM()                                                                                      \
    do {                                                                                                   \
        v = FETCH(1);                                                                                        \
        pc++;                                                                                              \
        z = a & v;                                                                                         \
    } while (0)
/* NOP abs/abs,X as the test data has them: the NMOS ones end after the
 * operand (abs,X with one read at the uncorrected address); the 65C02's
 * $5C/$DC/$FC read the last operand byte again. */
#define OPS_NOP_ABS()                                                                                      \
    do {                                                                                                   \
        ABS_BASE();                                                                                        \
        if (CMOS) RD((uint16_t)(pc - 1));                                                                  \
    } while (0)
#define OPS_NOP_ABX()                                                                                      \
    do {                                                                                                   \
        ABS_BASE();                                                                                        \
        RD((ea & 0xFF00) | ((ea + x) & 0xFF));                                                             \
    } while (0)

/* ---- instantiate ---------------------------------------------------------- */

#define RUN_NAME fdx_m6502_run_nmos
#define CMOS 0
#define DIRECT 0
#define AMASK 0xFFFFu
#define OPLIST M6502_NMOS_OPS
#include "m6502_exec.inc"
#undef RUN_NAME
#undef AMASK

#define RUN_NAME fdx_m6502_run_6507
#define AMASK 0x1FFFu
#include "m6502_exec.inc"
#undef RUN_NAME
#undef DIRECT
#undef AMASK

#define RUN_NAME fdx_m6502_run_nmos_direct
#define DIRECT 1
#define AMASK 0xFFFFu
#include "m6502_exec.inc"
#undef RUN_NAME
#undef CMOS
#undef DIRECT
#undef OPLIST

#define RUN_NAME fdx_m6502_run_cmos
#define CMOS 1
#define DIRECT 0
#define OPLIST M6502_CMOS_OPS
#include "m6502_exec.inc"
#undef RUN_NAME
#undef DIRECT

#define RUN_NAME fdx_m6502_run_cmos_direct
#define DIRECT 1
#include "m6502_exec.inc"
