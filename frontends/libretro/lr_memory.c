/* Machine RAM as libretro memory descriptors. */
#include "lr_memory.h"

#include <string.h>

#include "fdx/bus.h"
#include "fdx/cpu.h"

#ifdef FDX_LR_APPLE2
/* The machine API has no way to name host memory that is not mapped on the
 * bus (the IIe's auxiliary bank, the language card): the core reads the
 * Apple II's own structure. A generic machine hook would replace this. */
#include "machines/apple2/a2.h"
#endif

static void put(struct retro_memory_descriptor *d, void *ptr, size_t start, size_t len, const char *name)
{
    memset(d, 0, sizeof *d);
    d->flags = RETRO_MEMDESC_SYSTEM_RAM;
    d->ptr = ptr;
    d->start = start;
    d->len = len;
    d->addrspace = name;
}

#ifdef FDX_LR_APPLE2
static unsigned apple2(struct fdx_machine *m, struct retro_memory_descriptor *out, unsigned max)
{
    struct a2 *a = m->impl;
    if (m->desc->impl_size != sizeof *a || max < 2) return 0;
    /* main[$C000-$CFFF] holds language card bank 1 ($D000-$DFFF), as the
     * machine stores it; $D000-$FFFF is bank 2 and the rest of the card */
    put(&out[0], a->main, 0x00000, sizeof a->main, "main");
    if (!a->iie) return 1;
    put(&out[1], a->aux, 0x10000, sizeof a->aux, "aux");
    return 2;
}
#endif

/* RAM regions of the machine's map that the bus shows as one block. */
static unsigned from_bus(struct fdx_machine *m, struct retro_memory_descriptor *out, unsigned max)
{
    unsigned n = 0;
    struct fdx_cpu *cpu = m->cpu;
    if (!cpu || !cpu->bus) return 0;
    for (const struct fdx_region_desc *r = m->desc->map; r && r->name && n < max; r++) {
        if (r->kind != FDX_MAP_RAM || !r->size) continue;
        uint8_t *p = fdx_bus_host_ptr(cpu->bus, r->base);
        bool whole = p != NULL;
        for (uint32_t off = 0; whole && off < r->size; off++)
            whole = fdx_bus_host_ptr(cpu->bus, r->base + off) == p + off;
        if (whole) put(&out[n++], p, r->base, r->size, r->name);
    }
    return n;
}

unsigned lr_memory_map(struct fdx_machine *m, struct retro_memory_descriptor *out, unsigned max)
{
#ifdef FDX_LR_APPLE2
    if (!strcmp(m->desc->name, "apple2p") || !strcmp(m->desc->name, "apple2e")) return apple2(m, out, max);
#endif
    return from_bus(m, out, max);
}
