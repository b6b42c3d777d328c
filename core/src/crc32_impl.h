/* CRC-32 internals, visible to the unit tests. */
#ifndef FDX_CRC32_IMPL_H
#define FDX_CRC32_IMPL_H
#include <stddef.h>
#include <stdint.h>

/* Carry-less multiplication on x86-64 with gcc or clang, chosen at run
 * time when the processor has it; the result is the same either way. */
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define FDX_CRC32_CLMUL 1
#else
#define FDX_CRC32_CLMUL 0
#endif

/* The table-driven CRC on the register (the CRC inverted): fdx_crc32(c, p,
 * n) == ~fdx_crc32_portable(~c, p, n). */
uint32_t fdx_crc32_portable(uint32_t reg, const uint8_t *p, size_t size);

#endif
