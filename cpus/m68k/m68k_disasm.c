/* 68000 disassembler (stub, filled below). */
#include <stdio.h>
#include "m68k_internal.h"

unsigned m68k_disasm_words(const uint16_t *w, uint32_t addr, struct fdx_disasm *out)
{
    (void)addr;
    snprintf(out->text, sizeof out->text, "DC.W $%04X", w[0]);
    out->length = 2;
    out->flow = FDX_FLOW_NONE;
    out->has_target = false;
    return 2;
}
