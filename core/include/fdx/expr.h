/* fdx debugger expressions.
 *
 * Numbers: $hex, 0xhex, 12h (hex), %binary, decimal, 'c' (a character).
 * Names: registers and flags from the CPU's descriptors (case-insensitive;
 * a flag is a letter of the flags register's layout), then symbols.
 * Memory: [addr] byte, w[addr] word, l[addr] long (the bus's byte order).
 * Operators, C precedence: unary - ~ ! ; * / % ; + - ; << >> ;
 * < <= > >= ; == != (= is accepted for ==) ; & ; ^ ; | ; && ; || .
 * On CPUs with segment registers, SEG:OFF gives SEG*16+OFF.
 * Evaluation never has side effects (memory is peeked).
 */
#ifndef FDX_EXPR_H
#define FDX_EXPR_H

#include <stdint.h>
#include "common.h"
#include "cpu.h"
#include "symbols.h"

#ifdef __cplusplus
extern "C" {
#endif

struct fdx_expr_env {
    const struct fdx_cpu *cpu;          /* may be NULL: no registers or memory */
    const struct fdx_symbols *syms;     /* may be NULL */
};

/* Evaluates the whole of text. Returns 0, or -1 with a one-line message. */
int fdx_expr_eval(const struct fdx_expr_env *env, const char *text, int64_t *out, struct fdx_err *err);
/* Evaluates text as an address: as above, then checked against the CPU's
 * address space (bus addr_mask). */
int fdx_expr_address(const struct fdx_expr_env *env, const char *text, uint32_t *out, struct fdx_err *err);

/* The addresses the CPU can name: the bus's, or wider when the CPU's
 * addresses have more bits than its bus (the 6507). */
uint32_t fdx_expr_space(const struct fdx_cpu *cpu);

#ifdef __cplusplus
}
#endif
#endif
