/* Page-table bus: mapping, slow paths for I/O and wide accesses, peek/poke,
 * and the debugger's tap (an alternate page table with a trampoline). */
#include "fdx/bus.h"

#include <stdlib.h>
#include <string.h>

/* The alternate table and which of its pages route through the trampoline. */
struct fdx_bus_tap {
    struct fdx_page *shadow;
    uint8_t *tapped;
    struct fdx_io io;
    fdx_bus_tap_fn fn;
    void *ctx;
};

int fdx_bus_init(struct fdx_bus *bus, unsigned addr_bits, unsigned page_shift, enum fdx_endian endian)
{
    memset(bus, 0, sizeof *bus);
    if (addr_bits < 8 || addr_bits > 32 || page_shift > addr_bits || addr_bits - page_shift > 24)
        return -1;
    bus->addr_bits = addr_bits;
    bus->page_shift = page_shift;
    bus->addr_mask = addr_bits == 32 ? 0xFFFFFFFFu : ((1u << addr_bits) - 1);
    bus->endian = endian;
    bus->open_bus = 0xFF;
    bus->npages = (size_t)1 << (addr_bits - page_shift);
    bus->pages = calloc(bus->npages, sizeof *bus->pages);
    bus->map = bus->pages;
    return bus->pages ? 0 : -1;
}

void fdx_bus_free(struct fdx_bus *bus)
{
    if (bus->tap) {
        free(bus->tap->shadow);
        free(bus->tap->tapped);
        free(bus->tap);
        bus->tap = NULL;
    }
    free(bus->map);
    bus->map = bus->pages = NULL;
    bus->npages = 0;
}

/* Keeps the alternate table's copy of an untapped page in step with the map. */
static void sync_page(struct fdx_bus *bus, size_t i)
{
    if (bus->tap && !bus->tap->tapped[i]) bus->tap->shadow[i] = bus->map[i];
}

static int check_entry(const struct fdx_bus *bus, const struct fdx_map_entry *e)
{
    uint64_t page = (uint64_t)1 << bus->page_shift;
    uint64_t space = (uint64_t)bus->addr_mask + 1;
    if (e->size == 0 || e->base % page || e->size % page) return -1;
    if ((uint64_t)e->base + e->size > space) return -1;
    if (e->kind == FDX_MAP_RAM || e->kind == FDX_MAP_ROM) {
        if (!e->mem || e->mem_size == 0 || (e->mem_size & (e->mem_size - 1))) return -1;
    }
    if (e->kind == FDX_MAP_IO && (!e->io || !e->io->read || !e->io->write)) return -1;
    return 0;
}

static void map_entry(struct fdx_bus *bus, const struct fdx_map_entry *e)
{
    uint32_t page = 1u << bus->page_shift;
    for (uint64_t a = e->base; a < (uint64_t)e->base + e->size; a += page) {
        size_t i = (size_t)(a >> bus->page_shift);
        struct fdx_page *p = &bus->map[i];
        memset(p, 0, sizeof *p);
        p->io = e->io;
        if (e->kind == FDX_MAP_RAM || e->kind == FDX_MAP_ROM) {
            uint8_t *mem;
            if (e->mem_size >= page) {
                mem = e->mem + ((a - e->base) & (e->mem_size - 1));
                p->mask = page - 1;
            } else {
                mem = e->mem;
                p->mask = e->mem_size - 1;
            }
            p->read = mem;
            p->write = e->kind == FDX_MAP_RAM ? mem : NULL;
        }
        sync_page(bus, i);
    }
}

int fdx_bus_map(struct fdx_bus *bus, const struct fdx_map_entry *entries, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (check_entry(bus, &entries[i])) return -1;
    for (size_t i = 0; i < n; i++)
        if (entries[i].kind == FDX_MAP_UNMAPPED)
            fdx_bus_unmap(bus, entries[i].base, entries[i].size);
        else
            map_entry(bus, &entries[i]);
    return 0;
}

int fdx_bus_unmap(struct fdx_bus *bus, uint32_t base, uint32_t size)
{
    uint64_t page = (uint64_t)1 << bus->page_shift;
    if (size == 0 || base % page || size % page || (uint64_t)base + size > (uint64_t)bus->addr_mask + 1)
        return -1;
    for (uint64_t a = base; a < (uint64_t)base + size; a += page) {
        size_t i = (size_t)(a >> bus->page_shift);
        memset(&bus->map[i], 0, sizeof(struct fdx_page));
        sync_page(bus, i);
    }
    return 0;
}

/* Byte and wide accesses through a given table (the active one, or the real
 * one when the tap forwards an access). */
static uint8_t read_byte(struct fdx_bus *bus, const struct fdx_page *table, uint32_t addr)
{
    addr &= bus->addr_mask;
    const struct fdx_page *p = &table[addr >> bus->page_shift];
    if (p->read) return p->read[addr & p->mask];
    if (p->io) return (uint8_t)p->io->read(p->io->ctx, addr, 1);
    return (uint8_t)bus->open_bus;
}

static void write_byte(struct fdx_bus *bus, const struct fdx_page *table, uint32_t addr, uint8_t v)
{
    addr &= bus->addr_mask;
    const struct fdx_page *p = &table[addr >> bus->page_shift];
    if (p->write) p->write[addr & p->mask] = v;
    else if (p->io) p->io->write(p->io->ctx, addr, v, 1);
}

static uint32_t read_sized(struct fdx_bus *bus, const struct fdx_page *table, uint32_t addr, unsigned size)
{
    if (size == 1) return read_byte(bus, table, addr);
    uint32_t a = addr & bus->addr_mask;
    const struct fdx_page *p = &table[a >> bus->page_shift];
    if (!p->read && p->io && p->io->wide) return p->io->read(p->io->ctx, a, size);
    uint32_t v = 0;
    for (unsigned i = 0; i < size; i++) {
        uint32_t b = read_byte(bus, table, addr + i);
        if (bus->endian == FDX_BIG_ENDIAN) v = (v << 8) | b;
        else v |= b << (8 * i);
    }
    return v;
}

static void write_sized(struct fdx_bus *bus, const struct fdx_page *table, uint32_t addr, uint32_t value,
                        unsigned size)
{
    if (size == 1) {
        write_byte(bus, table, addr, (uint8_t)value);
        return;
    }
    uint32_t a = addr & bus->addr_mask;
    const struct fdx_page *p = &table[a >> bus->page_shift];
    if (!p->write && p->io && p->io->wide) {
        p->io->write(p->io->ctx, a, value, size);
        return;
    }
    for (unsigned i = 0; i < size; i++) {
        unsigned shift = bus->endian == FDX_BIG_ENDIAN ? 8 * (size - 1 - i) : 8 * i;
        write_byte(bus, table, addr + i, (uint8_t)(value >> shift));
    }
}

uint32_t fdx_bus_read_slow(struct fdx_bus *bus, uint32_t addr, unsigned size)
{
    return read_sized(bus, bus->pages, addr, size);
}

void fdx_bus_write_slow(struct fdx_bus *bus, uint32_t addr, uint32_t value, unsigned size)
{
    write_sized(bus, bus->pages, addr, value, size);
}

/* ---- the tap's trampoline: do the access on the real table, report it ---- */

static uint32_t tap_read(void *ctx, uint32_t addr, unsigned size)
{
    struct fdx_bus *bus = ctx;
    uint32_t v = read_sized(bus, bus->map, addr, size);
    bus->tap->fn(bus->tap->ctx, addr, v, size, false);
    return v;
}

static void tap_write(void *ctx, uint32_t addr, uint32_t value, unsigned size)
{
    struct fdx_bus *bus = ctx;
    write_sized(bus, bus->map, addr, value, size);
    bus->tap->fn(bus->tap->ctx, addr, value, size, true);
}

static uint32_t tap_peek(void *ctx, uint32_t addr, unsigned size)
{
    return fdx_bus_peek(ctx, addr, size);
}

int fdx_bus_tap_begin(struct fdx_bus *bus, fdx_bus_tap_fn fn, void *ctx)
{
    if (!bus->tap) {
        struct fdx_bus_tap *t = calloc(1, sizeof *t);
        if (!t) return -1;
        t->shadow = calloc(bus->npages, sizeof *t->shadow);
        t->tapped = calloc(bus->npages, 1);
        if (!t->shadow || !t->tapped) {
            free(t->shadow);
            free(t->tapped);
            free(t);
            return -1;
        }
        /* wide: a 16/32-bit access is reported once, as the CPU made it */
        t->io = (struct fdx_io){.read = tap_read, .write = tap_write, .peek = tap_peek, .ctx = bus, .wide = true};
        bus->tap = t;
    }
    bus->tap->fn = fn;
    bus->tap->ctx = ctx;
    memset(bus->tap->tapped, 0, bus->npages);
    memcpy(bus->tap->shadow, bus->map, bus->npages * sizeof *bus->map);
    bus->pages = bus->tap->shadow;
    return 0;
}

void fdx_bus_tap_range(struct fdx_bus *bus, uint32_t first, uint32_t last)
{
    if (!bus->tap || !fdx_bus_tap_active(bus)) return;
    first &= bus->addr_mask;
    last &= bus->addr_mask;
    size_t a = first >> bus->page_shift, b = last >> bus->page_shift;
    for (size_t i = a;; i = (i + 1) % bus->npages) {   /* a range may wrap around the top */
        bus->tap->tapped[i] = 1;
        bus->tap->shadow[i] = (struct fdx_page){.io = &bus->tap->io};
        if (i == b) break;
    }
}

void fdx_bus_tap_end(struct fdx_bus *bus)
{
    bus->pages = bus->map;
}

/* ---- debugger access: always the real table, no side effects ---- */

static uint8_t peek_byte(const struct fdx_bus *bus, uint32_t addr)
{
    addr &= bus->addr_mask;
    const struct fdx_page *p = &bus->map[addr >> bus->page_shift];
    if (p->read) return p->read[addr & p->mask];
    if (p->io && p->io->peek) return (uint8_t)p->io->peek(p->io->ctx, addr, 1);
    return (uint8_t)bus->open_bus;
}

uint32_t fdx_bus_peek(const struct fdx_bus *bus, uint32_t addr, unsigned size)
{
    uint32_t v = 0;
    for (unsigned i = 0; i < size; i++) {
        uint32_t b = peek_byte(bus, addr + i);
        if (bus->endian == FDX_BIG_ENDIAN) v = (v << 8) | b;
        else v |= b << (8 * i);
    }
    return v;
}

void fdx_bus_poke(struct fdx_bus *bus, uint32_t addr, uint32_t value, unsigned size)
{
    for (unsigned i = 0; i < size; i++) {
        unsigned shift = bus->endian == FDX_BIG_ENDIAN ? 8 * (size - 1 - i) : 8 * i;
        uint32_t a = (addr + i) & bus->addr_mask;
        const struct fdx_page *p = &bus->map[a >> bus->page_shift];
        uint8_t b = (uint8_t)(value >> shift);
        if (p->read) p->read[a & p->mask] = b;   /* RAM, or patching a ROM image */
        else if (p->io && p->io->poke) p->io->poke(p->io->ctx, a, b, 1);
    }
}

uint8_t *fdx_bus_host_ptr(const struct fdx_bus *bus, uint32_t addr)
{
    addr &= bus->addr_mask;
    const struct fdx_page *p = &bus->map[addr >> bus->page_shift];
    return p->read ? p->read + (addr & p->mask) : NULL;
}
