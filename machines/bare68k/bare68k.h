/* bare68k internals shared by its files. */
#ifndef FDX_BARE68K_H
#define FDX_BARE68K_H

#include "cpus/m68k/m68k.h"
#include "fdx/machine.h"

/* Low-memory layout used when a GEMDOS program is loaded (no TOS). */
#define BARE68K_STUBS 0x400u      /* 2-byte stubs: 0x7302 for vector v at STUBS + 2v */
#define BARE68K_GEMDOS 0x600u     /* 0x7310 (GEMDOS call), RTE */
#define BARE68K_PTERM0 0x604u     /* 0x7311: return from the program = Pterm0 */
#define BARE68K_SSP 0x8000u       /* supervisor stack top */
#define BARE68K_BASEPAGE 0x8000u  /* basepage; the program follows at +0x100 */

/* Private trap opcodes (0x73xx is illegal on a 68000, NatFeats uses 0x7300/1). */
#define BARE68K_OP_EXCEPTION 0x7302
#define BARE68K_OP_GEMDOS 0x7310
#define BARE68K_OP_PTERM0 0x7311

struct bare68k {
    struct fdx_bus bus;
    struct m68k cpu;
    struct fdx_machine *m;
    uint8_t *ram;
    uint32_t ram_size;
    bool prg;                   /* a GEMDOS program was loaded: the traps above are live */
};

/* Loads a GEMDOS .PRG/.TOS image and prepares basepage, stack and vectors. */
int bare68k_load_prg(struct bare68k *b, const uint8_t *data, size_t size, const char *name,
                     unsigned argc, const char *const *argv, struct fdx_err *err);
/* The 0x73xx hook: NatFeats and the machine's own traps. */
int bare68k_natfeat(void *ctx, struct fdx_cpu *cpu, uint16_t opcode);

static inline uint32_t bare68k_rd32(const struct bare68k *b, uint32_t a)
{
    return fdx_bus_peek(&b->bus, a & 0xffffff, 4);
}
static inline uint16_t bare68k_rd16(const struct bare68k *b, uint32_t a)
{
    return (uint16_t)fdx_bus_peek(&b->bus, a & 0xffffff, 2);
}
#endif
