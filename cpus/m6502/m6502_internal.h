/* Private parts of the 6502 family module: shared between the run loops,
 * the CPU glue and the disassembler. */
#ifndef FDX_M6502_INTERNAL_H
#define FDX_M6502_INTERNAL_H

#include <stdint.h>

#include "fdx/bus.h"
#include "m6502.h"
#include "m6502_ops.h"

#if defined(__GNUC__)
#define M_LIKELY(x) __builtin_expect(!!(x), 1)
#define M_UNLIKELY(x) __builtin_expect(!!(x), 0)
#else
#define M_LIKELY(x) (x)
#define M_UNLIKELY(x) (x)
#endif

/* The run loop's hot locals, kept in one struct the compiler splits into
 * registers. */
struct m6502_lc {
    const struct fdx_page *pg;
    unsigned shift;
    uint64_t cyc, lim, instr;
    /* the opcode byte in host memory when the operand bytes follow it in
     * the same RAM/ROM page (operand fetches then skip the page table),
     * else NULL; any slow access clears it */
    const uint8_t *ob;
};

/* dmap entries that are not pointers */
#define M6502_DM_UNKNOWN ((uintptr_t)0)
#define M6502_DM_BUS ((uintptr_t)1)

/* Results of fdx_m6502_boundary. */
enum { M6502_B_CONTINUE = 0, M6502_B_STOP, M6502_B_INTERRUPT, M6502_B_RESET };

uint64_t fdx_m6502_run_nmos(struct fdx_cpu *cpu, uint64_t budget);
uint64_t fdx_m6502_run_6507(struct fdx_cpu *cpu, uint64_t budget);
uint64_t fdx_m6502_run_cmos(struct fdx_cpu *cpu, uint64_t budget);
/* the same with the direct map */
uint64_t fdx_m6502_run_nmos_direct(struct fdx_cpu *cpu, uint64_t budget);
uint64_t fdx_m6502_run_cmos_direct(struct fdx_cpu *cpu, uint64_t budget);
/* Fills dmap[i] (i: 256-byte page, +256 for writes) from the bus table the
 * CPU uses now and returns it. */
uintptr_t fdx_m6502_dm_fill(struct fdx_m6502 *c, unsigned i);

/* Slow bus paths: base.cycles is the index of this cycle on entry and the
 * count after it on return; they refresh pg/shift/lim. */
uint8_t fdx_m6502_slow_read(struct fdx_m6502 *c, uint32_t a);
void fdx_m6502_slow_write(struct fdx_m6502 *c, uint32_t a, uint8_t v);
/* Recomputes pg, shift and lim from the CPU's state. */
void fdx_m6502_refresh(struct fdx_m6502 *c);
/* Work between instructions (registers are in the struct). */
int fdx_m6502_boundary(struct fdx_m6502 *c, uint64_t cyc, uint64_t instr);
/* The vector of a BRK/IRQ/NMI sequence whose P push ended at cycle cyc
 * (an NMI that arrived by then takes over). */
uint16_t fdx_m6502_vector(struct fdx_m6502 *c, uint64_t cyc);

/* Decimal-mode arithmetic and ARR (m6502_alu.c). */
void m6502_adc_dec_nmos(uint8_t *a, uint8_t *cf, uint8_t *p, uint8_t *n, uint8_t *z, uint8_t m);
void m6502_sbc_dec_nmos(uint8_t *a, uint8_t *cf, uint8_t *p, uint8_t *n, uint8_t *z, uint8_t m);
void m6502_adc_dec_cmos(uint8_t *a, uint8_t *cf, uint8_t *p, uint8_t m);
void m6502_sbc_dec_cmos(uint8_t *a, uint8_t *cf, uint8_t *p, uint8_t m);
void m6502_arr(uint8_t *a, uint8_t *cf, uint8_t *p, uint8_t *n, uint8_t *z, uint8_t m);

#endif
