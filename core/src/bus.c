/* Page-table bus: mapping, slow paths for I/O and wide accesses, peek/poke. */
#include "fdx/bus.h"

#include <stdlib.h>
#include <string.h>

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
    return bus->pages ? 0 : -1;
}

void fdx_bus_free(struct fdx_bus *bus)
{
    free(bus->pages);
    bus->pages = NULL;
    bus->npages = 0;
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
        struct fdx_page *p = &bus->pages[a >> bus->page_shift];
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
    for (uint64_t a = base; a < (uint64_t)base + size; a += page)
        memset(&bus->pages[a >> bus->page_shift], 0, sizeof(struct fdx_page));
    return 0;
}

static uint8_t read_byte(struct fdx_bus *bus, uint32_t addr)
{
    addr &= bus->addr_mask;
    const struct fdx_page *p = &bus->pages[addr >> bus->page_shift];
    if (p->read) return p->read[addr & p->mask];
    if (p->io) return (uint8_t)p->io->read(p->io->ctx, addr, 1);
    return (uint8_t)bus->open_bus;
}

static void write_byte(struct fdx_bus *bus, uint32_t addr, uint8_t v)
{
    addr &= bus->addr_mask;
    const struct fdx_page *p = &bus->pages[addr >> bus->page_shift];
    if (p->write) p->write[addr & p->mask] = v;
    else if (p->io) p->io->write(p->io->ctx, addr, v, 1);
}

uint32_t fdx_bus_read_slow(struct fdx_bus *bus, uint32_t addr, unsigned size)
{
    if (size == 1) return read_byte(bus, addr);
    uint32_t a = addr & bus->addr_mask;
    const struct fdx_page *p = &bus->pages[a >> bus->page_shift];
    if (!p->read && p->io && p->io->wide)
        return p->io->read(p->io->ctx, a, size);
    uint32_t v = 0;
    for (unsigned i = 0; i < size; i++) {
        uint32_t b = read_byte(bus, addr + i);
        if (bus->endian == FDX_BIG_ENDIAN) v = (v << 8) | b;
        else v |= b << (8 * i);
    }
    return v;
}

void fdx_bus_write_slow(struct fdx_bus *bus, uint32_t addr, uint32_t value, unsigned size)
{
    if (size == 1) {
        write_byte(bus, addr, (uint8_t)value);
        return;
    }
    uint32_t a = addr & bus->addr_mask;
    const struct fdx_page *p = &bus->pages[a >> bus->page_shift];
    if (!p->write && p->io && p->io->wide) {
        p->io->write(p->io->ctx, a, value, size);
        return;
    }
    for (unsigned i = 0; i < size; i++) {
        unsigned shift = bus->endian == FDX_BIG_ENDIAN ? 8 * (size - 1 - i) : 8 * i;
        write_byte(bus, addr + i, (uint8_t)(value >> shift));
    }
}

static uint8_t peek_byte(const struct fdx_bus *bus, uint32_t addr)
{
    addr &= bus->addr_mask;
    const struct fdx_page *p = &bus->pages[addr >> bus->page_shift];
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
        const struct fdx_page *p = &bus->pages[a >> bus->page_shift];
        uint8_t b = (uint8_t)(value >> shift);
        if (p->read) p->read[a & p->mask] = b;   /* RAM, or patching a ROM image */
        else if (p->io && p->io->poke) p->io->poke(p->io->ctx, a, b, 1);
    }
}

uint8_t *fdx_bus_host_ptr(const struct fdx_bus *bus, uint32_t addr)
{
    addr &= bus->addr_mask;
    const struct fdx_page *p = &bus->pages[addr >> bus->page_shift];
    return p->read ? p->read + (addr & p->mask) : NULL;
}
