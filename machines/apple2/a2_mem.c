/* Apple II memory map: main/auxiliary RAM, the language card and the IIe
 * memory-management switches, expressed as bus pages.
 *
 * Pages whose reads and writes go to different memories (RAMRD != RAMWRT,
 * or the language card reading ROM while writing RAM) are mapped as ROM
 * for reads with an I/O handler for writes (a2_wr_write), which finds the
 * target from the switches. */
#include <string.h>

#include "a2.h"

/* Host memory behind a RAM page for reading or writing, from the switches. */
static uint8_t *ram_page(struct a2 *a, unsigned page, bool write)
{
    bool aux;
    if (page < 0x02) {
        aux = a->altzp;
    } else if (a->store80 && ((page >= 0x04 && page < 0x08) ||
                              ((a->vmode & A2V_HIRES) && page >= 0x20 && page < 0x40))) {
        aux = (a->vmode & A2V_PAGE2) != 0;
    } else if (page < 0xC0) {
        aux = write ? a->ramwrt : a->ramrd;
    } else {
        /* language card: $D0-$DF in the chosen bank, $E0-$FF */
        aux = a->altzp;
        uint8_t *base = (aux && a->iie) ? a->aux : a->main;
        if (page < 0xE0 && a->lc_bank1) return base + 0xC000 + (page - 0xD0) * 256u;
        return base + page * 256u;
    }
    return (aux && a->iie ? a->aux : a->main) + page * 256u;
}

static uint8_t *lc_read_ptr(struct a2 *a, unsigned page)
{
    if (a->lc_read) return ram_page(a, page, false);
    return a->rom + (page - 0xC0) * 256u;
}

static void map_page(struct fdx_map_entry *e, unsigned page, enum fdx_map_kind kind, uint8_t *mem,
                     const struct fdx_io *io)
{
    *e = (struct fdx_map_entry){.base = page << 8, .size = 256, .kind = kind, .mem = mem, .mem_size = 256,
                                .io = io};
}

void a2_mem_remap_pages(struct a2 *a, unsigned lo, unsigned hi)
{
    struct fdx_map_entry e[257];
    unsigned n = 0;
    for (unsigned p = lo; p < hi; p++) {
        if (p == 0xC0) {
            /* the keyboard reads as memory (a2_set_kbd keeps it current);
             * writes there are IIe switches; the rest of the page is I/O */
            e[n++] = (struct fdx_map_entry){.base = 0xC000, .size = 16, .kind = FDX_MAP_ROM, .mem = a->kbd_page,
                                            .mem_size = 16, .io = &a->io_c0};
            e[n++] = (struct fdx_map_entry){.base = 0xC010, .size = 240, .kind = FDX_MAP_IO, .io = &a->io_c0};
        } else if (p < 0xC0) {
            uint8_t *r = ram_page(a, p, false), *w = ram_page(a, p, true);
            if (r == w) map_page(&e[n++], p, FDX_MAP_RAM, r, NULL);
            else map_page(&e[n++], p, FDX_MAP_ROM, r, &a->io_wr);
        } else if (p < 0xD0) {
            /* slot ROM space */
            bool internal = a->iie && (a->intcxrom || (p == 0xC3 && !a->slotc3rom) || (p >= 0xC8 && a->intc8rom));
            if (p == 0xCF || (a->iie && p == 0xC3 && !a->intcxrom)) {
                /* $CFFF and the $C3 page switch the $C800 space: watched */
                map_page(&e[n++], p, FDX_MAP_IO, NULL, &a->io_slots);
            } else if (internal) {
                map_page(&e[n++], p, FDX_MAP_ROM, a->rom + (p - 0xC0) * 256u, NULL);
            } else if (p == 0xC6) {
                map_page(&e[n++], p, FDX_MAP_ROM, a->slot6, NULL);
            } else {
                map_page(&e[n++], p, FDX_MAP_IO, NULL, &a->io_slots); /* empty slot: floating bus */
            }
        } else {
            uint8_t *r = lc_read_ptr(a, p);
            uint8_t *w = a->lc_write ? ram_page(a, p, true) : NULL;
            if (r == w) map_page(&e[n++], p, FDX_MAP_RAM, r, NULL);
            else map_page(&e[n++], p, FDX_MAP_ROM, r, w ? &a->io_wr : NULL);
        }
    }
    fdx_bus_map(&a->bus, e, n);
    fdx_m6502_map_changed(&a->cpu); /* the CPU's direct map follows the bus */
}

void a2_mem_remap(struct a2 *a)
{
    a2_mem_remap_pages(a, 0, 0x100);
}

/* Writes to pages mapped for reading elsewhere land here. */
void a2_wr_write(void *ctx, uint32_t addr, uint32_t value, unsigned size)
{
    struct a2 *a = ctx;
    (void)size;
    unsigned page = (addr >> 8) & 0xFF;
    if (page >= 0xD0 && !a->lc_write) return;
    ram_page(a, page, true)[addr & 0xFF] = (uint8_t)value;
}

void a2_mem_reset(struct a2 *a)
{
    /* the language card comes up reading ROM, writing RAM bank 2 (II+);
     * the IIe's MMU clears its switches */
    a->lc_read = false;
    a->lc_write = true;
    a->lc_prewrite = false;
    a->lc_bank1 = false;
    a->store80 = a->ramrd = a->ramwrt = a->intcxrom = a->altzp = a->slotc3rom = a->intc8rom = false;
    a->vmode &= (uint8_t)~(A2V_80COL | A2V_ALTCHAR | A2V_80STORE);
    a2_mem_remap(a);
}

/* $C080-$C08F: bit 3 picks bank 1, bits 0-1 the mode; write enable needs two
 * reads of odd addresses in a row. */
void a2_lc_access(struct a2 *a, unsigned addr, bool write)
{
    bool was_read = a->lc_read, was_write = a->lc_write, was_bank1 = a->lc_bank1;
    unsigned r = addr & 0x0F;
    a->lc_bank1 = (r & 8) != 0;
    a->lc_read = ((r & 3) == 0) || ((r & 3) == 3);
    if (r & 1) {
        if (!write) {
            if (a->lc_prewrite) a->lc_write = true;
            a->lc_prewrite = true;
        } else {
            a->lc_prewrite = false;
        }
    } else {
        a->lc_write = false;
        a->lc_prewrite = false;
    }
    /* remaps cost per 16-byte page: only what changed (a bank alone: $D000-$DFFF) */
    if (a->lc_read != was_read || a->lc_write != was_write)
        a2_mem_remap_pages(a, 0xD0, 0x100);
    else if (a->lc_bank1 != was_bank1 && (a->lc_read || a->lc_write))
        a2_mem_remap_pages(a, 0xD0, 0xE0);
}

/* IIe writes to $C000-$C00F. Returns true if the picture may change. */
bool a2_iie_switch_write(struct a2 *a, unsigned addr)
{
    bool on = addr & 1;
    bool video = false;
    unsigned lo = 0, hi = 0; /* the pages to map again */
    /* a memory switch set to what it already is changes nothing (remaps
     * cost per 16-byte page, and programs often write switches again) */
    bool *const sw[6] = {&a->store80, &a->ramrd, &a->ramwrt, &a->intcxrom, &a->altzp, &a->slotc3rom};
    if ((addr & 0x0E) <= 0xA && *sw[(addr & 0x0E) >> 1] == on) return false;
    switch (addr & 0x0E) {
    case 0x0: a->store80 = on; video = true;
        if (on) a->vmode |= A2V_80STORE; else a->vmode &= (uint8_t)~A2V_80STORE;
        lo = 0x04, hi = (a->vmode & A2V_HIRES) ? 0x40 : 0x08;
        break;
    case 0x2: a->ramrd = on; lo = 0x02, hi = 0xC0; break;
    case 0x4: a->ramwrt = on; lo = 0x02, hi = 0xC0; break;
    case 0x6: a->intcxrom = on; lo = 0xC1, hi = 0xD0; break;
    case 0x8: a->altzp = on; a2_mem_remap_pages(a, 0x00, 0x02); lo = 0xD0, hi = 0x100; break;
    case 0xA: a->slotc3rom = on; lo = 0xC1, hi = 0xD0; break;
    case 0xC:
        video = true;
        if (on) a->vmode |= A2V_80COL; else a->vmode &= (uint8_t)~A2V_80COL;
        break;
    case 0xE:
        video = true;
        if (on) a->vmode |= A2V_ALTCHAR; else a->vmode &= (uint8_t)~A2V_ALTCHAR;
        break;
    }
    if (hi) a2_mem_remap_pages(a, lo, hi);
    return video;
}

/* IIe status reads $C011-$C01F: bit 7 the switch, bits 0-6 the keyboard. */
uint8_t a2_status_read(struct a2 *a, unsigned addr)
{
    bool v = false;
    uint64_t fc = (a2_now(a) - a->frame_start) % A2_FRAME_CYCLES;
    switch (addr & 0x0F) {
    case 0x1: v = !a->lc_bank1; break;
    case 0x2: v = a->lc_read; break;
    case 0x3: v = a->ramrd; break;
    case 0x4: v = a->ramwrt; break;
    case 0x5: v = a->intcxrom; break;
    case 0x6: v = a->altzp; break;
    case 0x7: v = a->slotc3rom; break;
    case 0x8: v = a->store80; break;
    case 0x9: v = fc < 192u * A2_LINE_CYCLES; break; /* RDVBLBAR: high while the picture is drawn */
    case 0xA: v = a->vmode & A2V_TEXT; break;
    case 0xB: v = a->vmode & A2V_MIXED; break;
    case 0xC: v = a->vmode & A2V_PAGE2; break;
    case 0xD: v = a->vmode & A2V_HIRES; break;
    case 0xE: v = a->vmode & A2V_ALTCHAR; break;
    case 0xF: v = a->vmode & A2V_80COL; break;
    }
    return (uint8_t)((v ? 0x80 : 0) | (a->kbd & 0x7F));
}
