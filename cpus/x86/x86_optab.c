/* The opcode table shared by the disassembler and the decoder's length
 * logic: mnemonic, operand form and control-flow kind per opcode. The
 * 8086 view has the undocumented aliases; the 80186 view replaces them. */
#include "x86_internal.h"

#define N(name, form) {name, form, FDX_FLOW_NONE}
#define F(name, form, flow) {name, form, flow}
#define ALU(name) N(name, XF_EG), N(name, XF_EG), N(name, XF_GE), N(name, XF_GE), N(name, XF_ACC_I), N(name, XF_ACC_I)
#define JCC(a, b) F(a, XF_JCC8, FDX_FLOW_BRANCH), F(b, XF_JCC8, FDX_FLOW_BRANCH)

static const struct x86_opinfo tab86[256] = {
    /* 00 */ ALU("add"), N("push", XF_SEG), N("pop", XF_SEG),
    /* 08 */ ALU("or"), N("push", XF_SEG), N("pop", XF_SEG),
    /* 10 */ ALU("adc"), N("push", XF_SEG), N("pop", XF_SEG),
    /* 18 */ ALU("sbb"), N("push", XF_SEG), N("pop", XF_SEG),
    /* 20 */ ALU("and"), N("es:", XF_PREFIX), N("daa", XF_NONE),
    /* 28 */ ALU("sub"), N("cs:", XF_PREFIX), N("das", XF_NONE),
    /* 30 */ ALU("xor"), N("ss:", XF_PREFIX), N("aaa", XF_NONE),
    /* 38 */ ALU("cmp"), N("ds:", XF_PREFIX), N("aas", XF_NONE),
    /* 40 */ N("inc", XF_REG16), N("inc", XF_REG16), N("inc", XF_REG16), N("inc", XF_REG16),
    N("inc", XF_REG16), N("inc", XF_REG16), N("inc", XF_REG16), N("inc", XF_REG16),
    /* 48 */ N("dec", XF_REG16), N("dec", XF_REG16), N("dec", XF_REG16), N("dec", XF_REG16),
    N("dec", XF_REG16), N("dec", XF_REG16), N("dec", XF_REG16), N("dec", XF_REG16),
    /* 50 */ N("push", XF_REG16), N("push", XF_REG16), N("push", XF_REG16), N("push", XF_REG16),
    N("push", XF_REG16), N("push", XF_REG16), N("push", XF_REG16), N("push", XF_REG16),
    /* 58 */ N("pop", XF_REG16), N("pop", XF_REG16), N("pop", XF_REG16), N("pop", XF_REG16),
    N("pop", XF_REG16), N("pop", XF_REG16), N("pop", XF_REG16), N("pop", XF_REG16),
    /* 60 */ JCC("jo", "jno"), JCC("jb", "jnb"), JCC("jz", "jnz"), JCC("jbe", "ja"),
    JCC("js", "jns"), JCC("jp", "jnp"), JCC("jl", "jnl"), JCC("jle", "jg"),
    /* 70 */ JCC("jo", "jno"), JCC("jb", "jnb"), JCC("jz", "jnz"), JCC("jbe", "ja"),
    JCC("js", "jns"), JCC("jp", "jnp"), JCC("jl", "jnl"), JCC("jle", "jg"),
    /* 80 */ N("", XF_GRP1), N("", XF_GRP1), N("", XF_GRP1), N("", XF_GRP1),
    N("test", XF_EG_T), N("test", XF_EG_T), N("xchg", XF_EG_T), N("xchg", XF_EG_T),
    /* 88 */ N("mov", XF_EG), N("mov", XF_EG), N("mov", XF_GE), N("mov", XF_GE),
    N("mov", XF_MOVSEG_ES), N("lea", XF_LEA), N("mov", XF_MOVSEG_SE), N("pop", XF_POPE),
    /* 90 */ N("nop", XF_NONE), N("xchg", XF_XCHG_AX), N("xchg", XF_XCHG_AX), N("xchg", XF_XCHG_AX),
    N("xchg", XF_XCHG_AX), N("xchg", XF_XCHG_AX), N("xchg", XF_XCHG_AX), N("xchg", XF_XCHG_AX),
    /* 98 */ N("cbw", XF_NONE), N("cwd", XF_NONE), F("call", XF_FAR, FDX_FLOW_CALL), N("wait", XF_NONE),
    N("pushf", XF_NONE), N("popf", XF_NONE), N("sahf", XF_NONE), N("lahf", XF_NONE),
    /* A0 */ N("mov", XF_ACC_MEM), N("mov", XF_ACC_MEM), N("mov", XF_ACC_MEM), N("mov", XF_ACC_MEM),
    N("movsb", XF_STRING), N("movsw", XF_STRING), N("cmpsb", XF_STRING), N("cmpsw", XF_STRING),
    /* A8 */ N("test", XF_ACC_I), N("test", XF_ACC_I), N("stosb", XF_STRING), N("stosw", XF_STRING),
    N("lodsb", XF_STRING), N("lodsw", XF_STRING), N("scasb", XF_STRING), N("scasw", XF_STRING),
    /* B0 */ N("mov", XF_MOV_RI), N("mov", XF_MOV_RI), N("mov", XF_MOV_RI), N("mov", XF_MOV_RI),
    N("mov", XF_MOV_RI), N("mov", XF_MOV_RI), N("mov", XF_MOV_RI), N("mov", XF_MOV_RI),
    N("mov", XF_MOV_RI), N("mov", XF_MOV_RI), N("mov", XF_MOV_RI), N("mov", XF_MOV_RI),
    N("mov", XF_MOV_RI), N("mov", XF_MOV_RI), N("mov", XF_MOV_RI), N("mov", XF_MOV_RI),
    /* C0 */ F("ret", XF_RET_I, FDX_FLOW_RETURN), F("ret", XF_NONE, FDX_FLOW_RETURN),
    F("ret", XF_RET_I, FDX_FLOW_RETURN), F("ret", XF_NONE, FDX_FLOW_RETURN),
    N("les", XF_LEA), N("lds", XF_LEA), N("mov", XF_MOV_EI), N("mov", XF_MOV_EI),
    /* C8 */ F("retf", XF_RET_I, FDX_FLOW_RETURN), F("retf", XF_NONE, FDX_FLOW_RETURN),
    F("retf", XF_RET_I, FDX_FLOW_RETURN), F("retf", XF_NONE, FDX_FLOW_RETURN),
    F("int3", XF_NONE, FDX_FLOW_TRAP), F("int", XF_INT_I, FDX_FLOW_TRAP),
    F("into", XF_NONE, FDX_FLOW_TRAP), F("iret", XF_NONE, FDX_FLOW_RETURN),
    /* D0 */ N("", XF_SHIFT), N("", XF_SHIFT), N("", XF_SHIFT), N("", XF_SHIFT),
    N("aam", XF_AAM), N("aad", XF_AAM), N("salc", XF_NONE), N("xlat", XF_NONE),
    /* D8 */ N("esc", XF_ESC), N("esc", XF_ESC), N("esc", XF_ESC), N("esc", XF_ESC),
    N("esc", XF_ESC), N("esc", XF_ESC), N("esc", XF_ESC), N("esc", XF_ESC),
    /* E0 */ F("loopnz", XF_JCC8, FDX_FLOW_BRANCH), F("loopz", XF_JCC8, FDX_FLOW_BRANCH),
    F("loop", XF_JCC8, FDX_FLOW_BRANCH), F("jcxz", XF_JCC8, FDX_FLOW_BRANCH),
    N("in", XF_IO_I), N("in", XF_IO_I), N("out", XF_IO_I), N("out", XF_IO_I),
    /* E8 */ F("call", XF_REL16, FDX_FLOW_CALL), F("jmp", XF_REL16, FDX_FLOW_JUMP),
    F("jmp", XF_FAR, FDX_FLOW_JUMP), F("jmp", XF_JCC8, FDX_FLOW_JUMP),
    N("in", XF_IO_DX), N("in", XF_IO_DX), N("out", XF_IO_DX), N("out", XF_IO_DX),
    /* F0 */ N("lock", XF_PREFIX), N("lock", XF_PREFIX), N("repnz", XF_PREFIX), N("rep", XF_PREFIX),
    F("hlt", XF_NONE, FDX_FLOW_HALT), N("cmc", XF_NONE), N("", XF_GRP3), N("", XF_GRP3),
    /* F8 */ N("clc", XF_NONE), N("stc", XF_NONE), N("cli", XF_NONE), N("sti", XF_NONE),
    N("cld", XF_NONE), N("std", XF_NONE), N("", XF_GRP4), N("", XF_GRP5),
};

static const struct x86_opinfo tab186[] = {
    /* 60 */ N("pusha", XF_NONE), N("popa", XF_NONE), N("bound", XF_BOUND), N("(bad)", XF_NONE),
    N("(bad)", XF_NONE), N("(bad)", XF_NONE), N("(bad)", XF_NONE), N("(bad)", XF_NONE),
    /* 68 */ N("push", XF_PUSH_I), N("imul", XF_IMUL_I), N("push", XF_PUSH_I), N("imul", XF_IMUL_I),
    N("insb", XF_STRING), N("insw", XF_STRING), N("outsb", XF_STRING), N("outsw", XF_STRING),
};
static const struct x86_opinfo c0_186 = N("", XF_SHIFT);
static const struct x86_opinfo c8_186 = N("enter", XF_ENTER);
static const struct x86_opinfo c9_186 = N("leave", XF_NONE);
static const struct x86_opinfo bad = N("(bad)", XF_NONE);
static const struct x86_opinfo popcs = N("pop", XF_SEG);

const struct x86_opinfo *x86_opinfo(const struct fdx_x86 *c, uint8_t op)
{
    if (x86_is_186(c)) {
        if (op >= 0x60 && op <= 0x6F) return &tab186[op - 0x60];
        if (op == 0xC0 || op == 0xC1) return &c0_186;
        if (op == 0xC8) return &c8_186;
        if (op == 0xC9) return &c9_186;
        if (op == 0x0F || op == 0xF1) return &bad;
    }
    if (op == 0x0F) return &popcs;
    return &tab86[op];
}

/* SF, ZF, PF of a byte result, built by the preprocessor (no start-up code). */
#define SZP0(i) (uint8_t)((((0x9669u >> (((i) ^ ((i) >> 4)) & 0xF)) & 1u) << 2) | ((i) & 0x80) | ((i) ? 0 : 0x40))
#define SZP4(i) SZP0(i), SZP0((i) + 1), SZP0((i) + 2), SZP0((i) + 3)
#define SZP16(i) SZP4(i), SZP4((i) + 4), SZP4((i) + 8), SZP4((i) + 12)
#define SZP64(i) SZP16(i), SZP16((i) + 16), SZP16((i) + 32), SZP16((i) + 48)
const uint8_t x86_szp_tab[256] = {SZP64(0), SZP64(64), SZP64(128), SZP64(192)};
