/* Atari 2600 cartridges: the bank-switching schemes and the scheme detector.
 *
 * The cartridge owns $1000-$1FFF of the 6507's 13-bit bus, seen as 32 pages
 * of 128 bytes. a2600_cart_map() says, for each page, which host memory
 * reads and writes hit directly; a NULL pointer means the access must call
 * a2600_cart_read/write because it has a side effect (a hotspot switches
 * banks, reading a RAM write port). Some schemes also watch accesses below
 * $1000 (3F: TIA writes; UA, 0840: hotspots in the TIA/RIOT mirrors; FE:
 * the stack at $01FE): a2600_cart_snoop() gets those.
 * Each call that changes the mapping sets *remap.
 */
#ifndef FDX_A2600_CART_H
#define FDX_A2600_CART_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "machines/atari2600/dpc.h"

struct fdx_state;

enum a2600_cart_type {
    CART_2K, CART_4K, CART_F8, CART_F8SC, CART_F6, CART_F6SC, CART_F4, CART_F4SC,
    CART_FE, CART_E0, CART_3F, CART_E7, CART_FA, CART_UA, CART_0840, CART_DPC,
    CART_TYPES
};

#define A2600_CART_PAGES 32
#define A2600_CART_MAX (512u * 1024u)

struct a2600_cart_page {
    const uint8_t *read;    /* NULL: call a2600_cart_read */
    uint8_t *write;         /* NULL: call a2600_cart_write */
};

struct a2600_cart {
    enum a2600_cart_type type;
    uint8_t *rom;           /* malloc'ed, size bytes (2K carts are padded to 4K) */
    size_t size;
    uint32_t banks;         /* number of banks of the scheme's bank size */
    uint8_t bank[4];        /* current banks: [0] main; E0: 4 slices; E7: [0] 2K slice, [1] RAM bank */
    bool fe_armed;          /* FE: $01FE was accessed, the next data byte picks the bank */
    bool snoop;             /* wants a2600_cart_snoop for accesses below $1000 */
    uint8_t open;           /* what reading a write port returns */
    uint8_t ram[2048];
    size_t ram_size;
    struct a2600_dpc dpc;   /* CART_DPC: the chip; its display ROM is rom + 8192 */
    uint64_t now;           /* CPU cycle of the access under way: the caller sets it
                             * before read, write and reset (the DPC's oscillator
                             * counts against it) */
};

/* Names as used by --cart-type: "2k", "4k", "f8", "f8sc", ... */
const char *a2600_cart_type_name(enum a2600_cart_type t);
const char *a2600_cart_type_help(enum a2600_cart_type t);
/* Returns -1 if name is unknown. */
int a2600_cart_type_from_name(const char *name);

struct a2600_cart_guess {
    enum a2600_cart_type type;
    int confidence;         /* 0..100 */
};
/* Ranks the schemes that could fit the image, most likely first. Returns
 * how many (0: not a 2600 cartridge). */
unsigned a2600_cart_detect(const uint8_t *data, size_t size, struct a2600_cart_guess *out, unsigned max);

/* Loads an image with a scheme; 0, or -1 with a one-line message in err. */
int a2600_cart_load(struct a2600_cart *c, enum a2600_cart_type type, const uint8_t *data, size_t size,
                    char *err, size_t err_size);
void a2600_cart_free(struct a2600_cart *c);
/* DPC: the oscillator's frequency and the CPU clock times 3 (defaults:
 * DPC_OSC_HZ and NTSC). */
void a2600_cart_set_clocks(struct a2600_cart *c, uint32_t osc_hz, uint32_t cpu_hz_x3);
/* Brings clocked cartridge hardware (the DPC's oscillator) up to c->now. */
void a2600_cart_sync(struct a2600_cart *c);
void a2600_cart_reset(struct a2600_cart *c);
void a2600_cart_map(struct a2600_cart *c, struct a2600_cart_page pages[A2600_CART_PAGES]);
/* Accesses in $1000-$1FFF (addr is the 13-bit address). */
uint8_t a2600_cart_read(struct a2600_cart *c, uint16_t addr, bool *remap);
uint8_t a2600_cart_peek(const struct a2600_cart *c, uint16_t addr);
void a2600_cart_write(struct a2600_cart *c, uint16_t addr, uint8_t value, bool *remap);
/* Accesses below $1000, with the data byte that crossed the bus. */
void a2600_cart_snoop(struct a2600_cart *c, uint16_t addr, uint8_t value, bool write, bool *remap);
void a2600_cart_state(struct a2600_cart *c, struct fdx_state *st);

#endif
