/* fdx bus: address spaces made of pages.
 *
 * A bus covers 2^addr_bits addresses split into pages of 2^page_shift bytes.
 * Each page either points straight at host memory (RAM or ROM: the fast
 * path, no call) or names an I/O handler that is called for every access.
 * Mirrors come from the map: backing memory smaller than the mapped range
 * repeats, and a page whose backing is smaller than the page masks offsets.
 *
 * Peek and poke never cause side effects; debuggers use them.
 * The same structure serves as the x86 I/O port space (all handlers).
 *
 * Bus tap (debugger watchpoints and the per-cycle bus view): between CPU
 * runs, the debugger may switch `pages` to an alternate table in which the
 * chosen pages have no host pointers and a trampoline handler that reports
 * each access (address, data, size, read or write) and forwards it to the
 * real page. The inline fast path is unchanged; untapped pages keep their
 * host pointers. Mapping always edits the real table (`map`) and keeps the
 * alternate one in step, so bank switching works while a tap is active.
 */
#ifndef FDX_BUS_H
#define FDX_BUS_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

enum fdx_endian { FDX_LITTLE_ENDIAN = 0, FDX_BIG_ENDIAN = 1 };

/* Handler for memory-mapped I/O. addr is the full bus address; size is the
 * access width in bytes (1, 2 or 4) when the bus was asked for a wide access
 * and the handler set `wide`; otherwise wide accesses are split into bytes. */
struct fdx_io {
    uint32_t (*read)(void *ctx, uint32_t addr, unsigned size);
    void (*write)(void *ctx, uint32_t addr, uint32_t value, unsigned size);
    /* Side-effect-free versions for debuggers; NULL: peek gives the bus's
     * open-bus value, poke does nothing. */
    uint32_t (*peek)(void *ctx, uint32_t addr, unsigned size);
    void (*poke)(void *ctx, uint32_t addr, uint32_t value, unsigned size);
    void *ctx;
    bool wide; /* handler takes 2- and 4-byte accesses itself */
};

struct fdx_bus_tap;

struct fdx_page {
    uint8_t *read;          /* host memory for reads, or NULL: use io */
    uint8_t *write;         /* host memory for writes, or NULL: use io (ROM: io may be NULL, write ignored) */
    uint32_t mask;          /* offset within read/write = addr & mask */
    const struct fdx_io *io;
};

struct fdx_bus {
    unsigned addr_bits;
    unsigned page_shift;
    uint32_t addr_mask;
    enum fdx_endian endian;
    uint32_t open_bus;      /* value read from unmapped addresses */
    size_t npages;
    struct fdx_page *pages; /* the table accesses use (== map unless a tap is active) */
    uint32_t wait;          /* wait states added by handlers; the CPU consumes them */
    struct fdx_page *map;   /* the real page table, as mapped */
    struct fdx_bus_tap *tap; /* NULL until a tap was first set up */
};

/* Called for every access to a tapped page, after the access (value is the
 * data read or written). */
typedef void (*fdx_bus_tap_fn)(void *ctx, uint32_t addr, uint32_t value, unsigned size, bool write);

enum fdx_map_kind {
    FDX_MAP_UNMAPPED = 0,
    FDX_MAP_RAM,            /* read and write host memory */
    FDX_MAP_ROM,            /* read host memory, writes ignored (or go to io if given) */
    FDX_MAP_IO,             /* every access calls io */
};

/* One entry of a memory map. mem_size must be a power of two; when it is
 * smaller than size the memory is mirrored across the range. base and size
 * must be multiples of the page size. */
struct fdx_map_entry {
    uint32_t base;
    uint32_t size;
    enum fdx_map_kind kind;
    uint8_t *mem;
    uint32_t mem_size;
    const struct fdx_io *io;
};

/* Returns 0, or -1 if the parameters are invalid (addr_bits 8..32,
 * page_shift <= addr_bits). All pages start unmapped. */
int fdx_bus_init(struct fdx_bus *bus, unsigned addr_bits, unsigned page_shift,
                 enum fdx_endian endian);
void fdx_bus_free(struct fdx_bus *bus);

/* Map entries in order (later entries win). Returns 0, or -1 if an entry is
 * misaligned, runs past the address space, or has a bad mem_size. On error
 * nothing is changed. */
int fdx_bus_map(struct fdx_bus *bus, const struct fdx_map_entry *entries, size_t n);
int fdx_bus_unmap(struct fdx_bus *bus, uint32_t base, uint32_t size);

/* Slow paths, used by the inline functions below. */
uint32_t fdx_bus_read_slow(struct fdx_bus *bus, uint32_t addr, unsigned size);
void fdx_bus_write_slow(struct fdx_bus *bus, uint32_t addr, uint32_t value, unsigned size);

static inline uint8_t fdx_bus_read8(struct fdx_bus *bus, uint32_t addr)
{
    addr &= bus->addr_mask;
    const struct fdx_page *p = &bus->pages[addr >> bus->page_shift];
    if (p->read)
        return p->read[addr & p->mask];
    return (uint8_t)fdx_bus_read_slow(bus, addr, 1);
}

static inline void fdx_bus_write8(struct fdx_bus *bus, uint32_t addr, uint8_t value)
{
    addr &= bus->addr_mask;
    const struct fdx_page *p = &bus->pages[addr >> bus->page_shift];
    if (p->write)
        p->write[addr & p->mask] = value;
    else
        fdx_bus_write_slow(bus, addr, value, 1);
}

static inline uint16_t fdx_bus_read16(struct fdx_bus *bus, uint32_t addr)
{
    return (uint16_t)fdx_bus_read_slow(bus, addr, 2);
}
static inline uint32_t fdx_bus_read32(struct fdx_bus *bus, uint32_t addr)
{
    return fdx_bus_read_slow(bus, addr, 4);
}
static inline void fdx_bus_write16(struct fdx_bus *bus, uint32_t addr, uint16_t v)
{
    fdx_bus_write_slow(bus, addr, v, 2);
}
static inline void fdx_bus_write32(struct fdx_bus *bus, uint32_t addr, uint32_t v)
{
    fdx_bus_write_slow(bus, addr, v, 4);
}

/* Side-effect-free access for debuggers. Poke writes RAM and ROM images. */
uint32_t fdx_bus_peek(const struct fdx_bus *bus, uint32_t addr, unsigned size);
void fdx_bus_poke(struct fdx_bus *bus, uint32_t addr, uint32_t value, unsigned size);
static inline uint8_t fdx_bus_peek8(const struct fdx_bus *bus, uint32_t addr)
{
    return (uint8_t)fdx_bus_peek(bus, addr, 1);
}

/* Bus tap. Only call these between CPU runs (CPUs may cache `pages`).
 * begin: activates the alternate table with no page tapped (returns -1 when
 * out of memory); tap_range: routes the pages covering first..last
 * (inclusive) through fn; end: back to the real table. */
int fdx_bus_tap_begin(struct fdx_bus *bus, fdx_bus_tap_fn fn, void *ctx);
void fdx_bus_tap_range(struct fdx_bus *bus, uint32_t first, uint32_t last);
void fdx_bus_tap_end(struct fdx_bus *bus);
static inline bool fdx_bus_tap_active(const struct fdx_bus *bus)
{
    return bus->pages != bus->map;
}

/* Direct host pointer for addr if it lies in RAM/ROM, else NULL. */
uint8_t *fdx_bus_host_ptr(const struct fdx_bus *bus, uint32_t addr);

#ifdef __cplusplus
}
#endif
#endif
