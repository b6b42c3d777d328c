/* Generic helpers over the CPU interface. */
#include "fdx/cpu.h"

#include <stdio.h>
#include <strings.h>

int fdx_cpu_reg_index(const struct fdx_cpu *cpu, const char *name)
{
    for (unsigned i = 0; i < cpu->ops->nregs; i++)
        if (strcasecmp(cpu->ops->regs[i].name, name) == 0) return (int)i;
    return -1;
}

void fdx_cpu_format_regs(const struct fdx_cpu *cpu, char *out, size_t size)
{
    size_t pos = 0;
    out[0] = 0;
    for (unsigned i = 0; i < cpu->ops->nregs && pos < size; i++) {
        const struct fdx_reg_desc *r = &cpu->ops->regs[i];
        uint64_t v = cpu->ops->get_reg(cpu, i);
        int n = snprintf(out + pos, size - pos, "%s%s=%0*llx", i ? " " : "", r->name, (r->bits + 3) / 4,
                         (unsigned long long)v);
        if (n < 0) break;
        pos += (size_t)n;
        if (r->kind == FDX_REG_FLAGS && r->flags && pos < size) {
            /* flags as letters: upper case set, lower case clear */
            size_t nb = 0;
            while (r->flags[nb]) nb++;
            n = snprintf(out + pos, size - pos, " [");
            if (n > 0) pos += (size_t)n;
            for (size_t b = 0; b < nb && pos + 2 < size; b++) {
                char c = r->flags[b];
                unsigned bit = (unsigned)(nb - 1 - b);
                if (c == '-') c = '-';
                else if ((v >> bit) & 1) c = (char)(c >= 'a' && c <= 'z' ? c - 32 : c);
                else c = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
                out[pos++] = c;
            }
            if (pos + 1 < size) out[pos++] = ']';
            out[pos < size ? pos : size - 1] = 0;
        }
    }
}
