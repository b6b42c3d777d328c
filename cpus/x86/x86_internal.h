/* Shared internals of the x86 module: the instruction table used by the
 * decoder's length logic and the disassembler, ModR/M decoding, flag
 * helpers. Not a public header. */
#ifndef FDX_X86_INTERNAL_H
#define FDX_X86_INTERNAL_H

#include <stdint.h>
#include <stdbool.h>
#include "x86.h"

#define X86_OSZAPC (X86_OF | X86_SF | X86_ZF | X86_AF | X86_PF | X86_CF)

static inline bool x86_is_186(const struct fdx_x86 *c) { return c->model >= FDX_X86_80188; }

/* Parity flag of the low byte: PF is set for an even number of one bits.
 * 0x9669 holds, per 4-bit value, 1 when its bit count is even. */
static inline uint16_t x86_parity(uint32_t r)
{
    return (uint16_t)(((0x9669u >> ((r ^ (r >> 4)) & 0xF)) & 1u) << 2);
}

/* SF, ZF and PF of each byte value (x86_optab.c). */
extern const uint8_t x86_szp_tab[256];

static inline uint16_t x86_szp8(uint32_t r)
{
    return x86_szp_tab[r & 0xFF];
}
static inline uint16_t x86_szp16(uint32_t r)
{
    return (uint16_t)((x86_szp_tab[r & 0xFF] & X86_PF) | ((r & 0xFFFF) ? 0 : X86_ZF) | ((r >> 8) & 0x80));
}

/* ---- operand forms for the shared table (disassembler, lengths) ---- */
enum x86_form {
    XF_NONE = 0,   /* no operands */
    XF_EG,         /* r/m, reg        (ModR/M; w from bit 0) */
    XF_GE,         /* reg, r/m */
    XF_ACC_I,      /* AL/AX, imm */
    XF_SEG,        /* PUSH/POP sreg (from opcode bits 3-4) */
    XF_PREFIX,     /* prefix byte */
    XF_REG16,      /* 40-5F: reg from opcode low bits */
    XF_JCC8,       /* rel8 */
    XF_GRP1,       /* 80-83: op r/m, imm */
    XF_EG_T,       /* TEST/XCHG r/m, reg */
    XF_MOVSEG_ES,  /* 8C: r/m16, sreg */
    XF_MOVSEG_SE,  /* 8E: sreg, r/m16 */
    XF_LEA,        /* 8D, C4, C5: reg, mem */
    XF_POPE,       /* 8F: POP r/m16 */
    XF_XCHG_AX,    /* 91-97 */
    XF_FAR,        /* 9A, EA: seg:off */
    XF_ACC_MEM,    /* A0-A3 */
    XF_STRING,     /* A4-AF */
    XF_MOV_RI,     /* B0-BF */
    XF_RET_I,      /* C2, CA: imm16 */
    XF_MOV_EI,     /* C6, C7 */
    XF_INT_I,      /* CD: imm8 */
    XF_SHIFT,      /* D0-D3, C0/C1 on the 186 */
    XF_AAM,        /* D4, D5: imm8 */
    XF_ESC,        /* D8-DF */
    XF_IO_I,       /* E4-E7 */
    XF_IO_DX,      /* EC-EF */
    XF_REL16,      /* E8, E9 */
    XF_GRP3,       /* F6, F7 */
    XF_GRP4,       /* FE */
    XF_GRP5,       /* FF */
    XF_PUSH_I,     /* 186: 68 imm16, 6A imm8 */
    XF_IMUL_I,     /* 186: 69, 6B */
    XF_ENTER,      /* 186: C8 imm16, imm8 */
    XF_BOUND,      /* 186: 62 */
};

struct x86_opinfo {
    const char *name;   /* mnemonic ("" for a group: the reg field picks it) */
    uint8_t form;       /* enum x86_form */
    uint8_t flow;       /* enum fdx_flow */
};

/* Two tables: the 8086 view (aliases for 60-6F, C0/C1, C8/C9) and the
 * 80186 additions that replace some of those entries. */
const struct x86_opinfo *x86_opinfo(const struct fdx_x86 *c, uint8_t op);

/* Decoded ModR/M operand; off is the 16-bit effective address and seg the
 * default segment (SS for BP-based forms) before overrides. */
struct x86_modrm {
    uint8_t mod, reg, rm;
    uint8_t seg;        /* default segment */
    uint16_t off;
    uint8_t len;        /* bytes of displacement consumed */
    uint8_t ea_cycles;  /* 8086 EA calculation time */
};

/* Decodes the addressing part of a ModR/M byte from bytes p (the
 * displacement); regs is AX..DI. Shared by the executor and disassembler. */
static inline void x86_decode_modrm(uint8_t modrm, const uint8_t *p, const uint16_t *regs,
                                    struct x86_modrm *m)
{
    static const uint8_t ea_base[8] = {7, 8, 8, 7, 5, 5, 5, 5};
    m->mod = modrm >> 6;
    m->reg = (modrm >> 3) & 7;
    m->rm = modrm & 7;
    m->len = 0;
    m->seg = X86_DS;
    if (m->mod == 3) {
        m->off = 0;
        m->ea_cycles = 0;
        return;
    }
    uint16_t off;
    switch (m->rm) {
    case 0: off = (uint16_t)(regs[X86_BX] + regs[X86_SI]); break;
    case 1: off = (uint16_t)(regs[X86_BX] + regs[X86_DI]); break;
    case 2: off = (uint16_t)(regs[X86_BP] + regs[X86_SI]); m->seg = X86_SS; break;
    case 3: off = (uint16_t)(regs[X86_BP] + regs[X86_DI]); m->seg = X86_SS; break;
    case 4: off = regs[X86_SI]; break;
    case 5: off = regs[X86_DI]; break;
    case 6: off = regs[X86_BP]; m->seg = X86_SS; break;
    default: off = regs[X86_BX]; break;
    }
    uint8_t ea = ea_base[m->rm];
    if (m->mod == 0) {
        if (m->rm == 6) {
            off = (uint16_t)(p[0] | p[1] << 8);
            m->len = 2;
            m->seg = X86_DS;
            ea = 6;
        }
    } else if (m->mod == 1) {
        off = (uint16_t)(off + (int8_t)p[0]);
        m->len = 1;
        ea = (uint8_t)(ea + 4);
    } else {
        off = (uint16_t)(off + (p[0] | p[1] << 8));
        m->len = 2;
        ea = (uint8_t)(ea + 4);
    }
    m->off = off;
    m->ea_cycles = ea;
}

#endif
