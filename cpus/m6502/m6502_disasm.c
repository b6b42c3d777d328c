/* The 6502 family's decoder tables and disassembler, expanded from the same
 * opcode lists as the executor (m6502_ops.h). */
#include <stdio.h>

#include "m6502_internal.h"

#define FLOW_N FDX_FLOW_NONE
#define FLOW_B FDX_FLOW_BRANCH
#define FLOW_J FDX_FLOW_JUMP
#define FLOW_C FDX_FLOW_CALL
#define FLOW_R FDX_FLOW_RETURN
#define FLOW_T FDX_FLOW_TRAP
#define FLOW_H FDX_FLOW_HALT

#define X(code_, mn_, mode_, kind_, flow_) [code_] = {#mn_, M6502_##mode_, FLOW_##flow_},
static const struct fdx_m6502_opinfo nmos_table[256] = {M6502_NMOS_OPS(X)};
static const struct fdx_m6502_opinfo cmos_table[256] = {M6502_CMOS_OPS(X)};
#undef X

const struct fdx_m6502_opinfo *fdx_m6502_optable(unsigned model)
{
    return model == FDX_M6502_65C02 ? cmos_table : nmos_table;
}

unsigned fdx_m6502_mode_length(unsigned mode)
{
    switch (mode) {
    case M6502_IMP:
    case M6502_ACC: return 1;
    case M6502_ABS:
    case M6502_ABX:
    case M6502_ABY:
    case M6502_IND:
    case M6502_IAX:
    case M6502_ZPR: return 3;
    default: return 2;
    }
}

unsigned fdx_m6502_disasm_bytes(unsigned model, uint16_t addr, const uint8_t *b, struct fdx_disasm *out)
{
    const struct fdx_m6502_opinfo *op = &fdx_m6502_optable(model)[b[0]];
    unsigned len = fdx_m6502_mode_length(op->mode);
    uint16_t w = (uint16_t)(b[1] | b[2] << 8);
    uint16_t rel = (uint16_t)(addr + 2 + (int8_t)b[1]);
    uint16_t zrel = (uint16_t)(addr + 3 + (int8_t)b[2]);
    const char *m = op->mnemonic;
    char *t = out->text;
    size_t n = sizeof out->text;
    out->length = len;
    out->flow = (enum fdx_flow)op->flow;
    out->has_target = false;
    out->target = 0;
    switch (op->mode) {
    case M6502_IMP: snprintf(t, n, "%s", m); break;
    case M6502_ACC: snprintf(t, n, "%s A", m); break;
    case M6502_IMM: snprintf(t, n, "%s #$%02X", m, b[1]); break;
    case M6502_ZP: snprintf(t, n, "%s $%02X", m, b[1]); break;
    case M6502_ZPX: snprintf(t, n, "%s $%02X,X", m, b[1]); break;
    case M6502_ZPY: snprintf(t, n, "%s $%02X,Y", m, b[1]); break;
    case M6502_ABS: snprintf(t, n, "%s $%04X", m, w); break;
    case M6502_ABX: snprintf(t, n, "%s $%04X,X", m, w); break;
    case M6502_ABY: snprintf(t, n, "%s $%04X,Y", m, w); break;
    case M6502_IZX: snprintf(t, n, "%s ($%02X,X)", m, b[1]); break;
    case M6502_IZY: snprintf(t, n, "%s ($%02X),Y", m, b[1]); break;
    case M6502_IZP: snprintf(t, n, "%s ($%02X)", m, b[1]); break;
    case M6502_IND: snprintf(t, n, "%s ($%04X)", m, w); break;
    case M6502_IAX: snprintf(t, n, "%s ($%04X,X)", m, w); break;
    case M6502_REL:
        snprintf(t, n, "%s $%04X", m, rel);
        out->has_target = true;
        out->target = rel;
        break;
    case M6502_ZPR:
        snprintf(t, n, "%s $%02X,$%04X", m, b[1], zrel);
        out->has_target = true;
        out->target = zrel;
        break;
    default: snprintf(t, n, "%s ?", m); break;
    }
    if (op->mode == M6502_ABS && (op->flow == FDX_FLOW_JUMP || op->flow == FDX_FLOW_CALL)) {
        out->has_target = true;
        out->target = w;
    }
    return len;
}
