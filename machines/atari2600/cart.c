/* Atari 2600 bank-switching schemes (see cart.h). */
#include "machines/atari2600/cart.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fdx/state.h"

static const struct {
    const char *name, *help;
} types[CART_TYPES] = {
    [CART_2K] = {"2k", "2K, no bank switching"},
    [CART_4K] = {"4k", "4K, no bank switching"},
    [CART_F8] = {"f8", "8K Atari, 2 banks of 4K ($1FF8-$1FF9)"},
    [CART_F8SC] = {"f8sc", "8K Atari with 128 bytes SuperChip RAM"},
    [CART_F6] = {"f6", "16K Atari, 4 banks of 4K ($1FF6-$1FF9)"},
    [CART_F6SC] = {"f6sc", "16K Atari with 128 bytes SuperChip RAM"},
    [CART_F4] = {"f4", "32K Atari, 8 banks of 4K ($1FF4-$1FFB)"},
    [CART_F4SC] = {"f4sc", "32K Atari with 128 bytes SuperChip RAM"},
    [CART_FE] = {"fe", "8K Activision, banks switched by JSR/RTS through $01FE"},
    [CART_E0] = {"e0", "8K Parker Brothers, 8 slices of 1K ($1FE0-$1FF7)"},
    [CART_3F] = {"3f", "Tigervision, 2K banks selected by writes to $00-$3F"},
    [CART_E7] = {"e7", "16K M-Network, 2K slices and 2K RAM ($1FE0-$1FEB)"},
    [CART_FA] = {"fa", "12K CBS RAM Plus, 3 banks and 256 bytes RAM ($1FF8-$1FFA)"},
    [CART_UA] = {"ua", "8K UA Limited, 2 banks ($0220/$0240)"},
    [CART_0840] = {"0840", "8K Econobanking, 2 banks ($0800/$0840)"},
    [CART_DPC] = {"dpc", "10K Pitfall II: 8K F8-style and the DPC chip (2K display ROM, fetchers, music)"},
};

const char *a2600_cart_type_name(enum a2600_cart_type t)
{
    return t < CART_TYPES ? types[t].name : "?";
}

const char *a2600_cart_type_help(enum a2600_cart_type t)
{
    return t < CART_TYPES ? types[t].help : "?";
}

int a2600_cart_type_from_name(const char *name)
{
    for (int i = 0; i < CART_TYPES; i++) {
        const char *a = types[i].name, *b = name;
        while (*a && (*b | 0x20) == *a) a++, b++;
        if (!*a && !*b) return i;
    }
    return -1;
}

/* ---- detection -------------------------------------------------------- */

static unsigned count_sig(const uint8_t *d, size_t size, const uint8_t *sig, size_t n)
{
    unsigned hits = 0;
    for (size_t i = 0; i + n <= size; i++)
        if (d[i] == sig[0] && !memcmp(d + i, sig, n)) hits++;
    return hits;
}

/* Any of a list of 3- or 5-byte signatures (0-terminated rows). */
static bool any_sig(const uint8_t *d, size_t size, const uint8_t (*sigs)[5], size_t rows, size_t len)
{
    for (size_t i = 0; i < rows; i++)
        if (count_sig(d, size, sigs[i], len)) return true;
    return false;
}

/* SuperChip images keep the RAM window ($1000-$10FF) filled with one value
 * in every 4K bank, since whatever is there is hidden by the RAM. */
static bool looks_superchip(const uint8_t *d, size_t size)
{
    for (size_t b = 0; b < size; b += 4096)
        for (size_t i = 1; i < 256; i++)
            if (d[b + i] != d[b]) return false;
    return true;
}

static void add(struct a2600_cart_guess *out, unsigned max, unsigned *n, enum a2600_cart_type t, int conf)
{
    for (unsigned i = 0; i < *n; i++)
        if (out[i].type == t) {
            if (conf > out[i].confidence) out[i].confidence = conf;
            return;
        }
    if (*n < max) out[(*n)++] = (struct a2600_cart_guess){t, conf};
}

unsigned a2600_cart_detect(const uint8_t *d, size_t size, struct a2600_cart_guess *out, unsigned max)
{
    static const uint8_t e0[][5] = {{0x8D, 0xE0, 0x1F}, {0x8D, 0xE0, 0x5F}, {0x8D, 0xE9, 0xFF}, {0x0C, 0xE0, 0x1F},
                                    {0xAD, 0xE0, 0x1F}, {0xAD, 0xE9, 0xFF}, {0xAD, 0xED, 0xFF}, {0xAD, 0xF3, 0xBF}};
    static const uint8_t fe[][5] = {{0x20, 0x00, 0xD0, 0xC6, 0xC5}, {0x20, 0xC3, 0xF8, 0xA5, 0x82},
                                    {0xD0, 0xFB, 0x20, 0x73, 0xFE}, {0x20, 0x00, 0xF0, 0x84, 0xD6}};
    static const uint8_t e7[][5] = {{0xAD, 0xE2, 0xFF}, {0xAD, 0xE5, 0xFF}, {0xAD, 0xE5, 0x1F}, {0xAD, 0xE7, 0x1F},
                                    {0x0C, 0xE7, 0x1F}, {0x8D, 0xE7, 0xFF}, {0x8D, 0xE7, 0x1F}};
    static const uint8_t ua[][5] = {{0x8D, 0x40, 0x02}, {0xAD, 0x40, 0x02}, {0xBD, 0x1F, 0x02},
                                    {0x2C, 0xC0, 0x02}, {0x8D, 0x70, 0x02}};
    static const uint8_t b0840[][5] = {{0xAD, 0x00, 0x08}, {0xAD, 0x40, 0x08}, {0x2C, 0x00, 0x08}};
    static const uint8_t tf[2] = {0x85, 0x3F};
    unsigned n = 0;
    if (!d || !size) return 0;
    bool is3f = size % 2048 == 0 && size <= A2600_CART_MAX && count_sig(d, size, tf, 2) >= 2;
    switch (size) {
    case 2048:
        add(out, max, &n, CART_2K, 90);
        break;
    case 4096:
        add(out, max, &n, CART_4K, 90);
        break;
    case 8192:
        if (any_sig(d, size, e0, 8, 3)) add(out, max, &n, CART_E0, 90);
        if (any_sig(d, size, fe, 4, 5)) add(out, max, &n, CART_FE, 90);
        if (is3f) add(out, max, &n, CART_3F, 85);
        if (any_sig(d, size, ua, 5, 3)) add(out, max, &n, CART_UA, 85);
        if (any_sig(d, size, b0840, 3, 3)) add(out, max, &n, CART_0840, 85);
        add(out, max, &n, looks_superchip(d, size) ? CART_F8SC : CART_F8, 80);
        add(out, max, &n, looks_superchip(d, size) ? CART_F8 : CART_F8SC, 20);
        add(out, max, &n, CART_E0, 10);
        add(out, max, &n, CART_FE, 10);
        break;
    case 12288:
        add(out, max, &n, CART_FA, 90);
        break;
    case 16384:
        if (any_sig(d, size, e7, 7, 3)) add(out, max, &n, CART_E7, 90);
        if (is3f) add(out, max, &n, CART_3F, 85);
        add(out, max, &n, looks_superchip(d, size) ? CART_F6SC : CART_F6, 80);
        add(out, max, &n, looks_superchip(d, size) ? CART_F6 : CART_F6SC, 20);
        add(out, max, &n, CART_E7, 15);
        break;
    case 32768:
        if (is3f) add(out, max, &n, CART_3F, 85);
        add(out, max, &n, looks_superchip(d, size) ? CART_F4SC : CART_F4, 80);
        add(out, max, &n, looks_superchip(d, size) ? CART_F4 : CART_F4SC, 20);
        break;
    case 10240:
    case 10495:
        add(out, max, &n, CART_DPC, 90);
        break;
    default:
        if (is3f) add(out, max, &n, CART_3F, 80);
        else if (size == 512 || size == 1024) add(out, max, &n, CART_2K, 50); /* mirrored */
        else if (size % 2048 == 0 && size > 32768 && size <= A2600_CART_MAX) add(out, max, &n, CART_3F, 30);
        break;
    }
    /* most confident first (stable) */
    for (unsigned i = 1; i < n; i++)
        for (unsigned j = i; j > 0 && out[j].confidence > out[j - 1].confidence; j--) {
            struct a2600_cart_guess t = out[j];
            out[j] = out[j - 1];
            out[j - 1] = t;
        }
    return n;
}

/* ---- loading ---------------------------------------------------------- */

static size_t want_size(enum a2600_cart_type t)
{
    switch (t) {
    case CART_2K: return 2048;
    case CART_4K: return 4096;
    case CART_F8: case CART_F8SC: case CART_FE: case CART_E0: case CART_UA: case CART_0840: return 8192;
    case CART_F6: case CART_F6SC: case CART_E7: return 16384;
    case CART_F4: case CART_F4SC: return 32768;
    case CART_FA: return 12288;
    default: return 0;
    }
}

int a2600_cart_load(struct a2600_cart *c, enum a2600_cart_type type, const uint8_t *data, size_t size,
                    char *err, size_t err_size)
{
    memset(c, 0, sizeof *c);
    if (type >= CART_TYPES) {
        snprintf(err, err_size, "unknown cartridge type");
        return -1;
    }
    size_t need = want_size(type);
    size_t keep = size;
    if (type == CART_2K && (size == 512 || size == 1024 || size == 2048)) {
        need = size;
    } else if (type == CART_DPC) {
        /* 8K program, 2K display ROM; some dumps add the 255 bytes of the
         * random number generator's cycle, which the chip makes itself */
        if (size != 10240 && size != 10495) {
            snprintf(err, err_size, "a dpc cartridge has 10240 bytes (or 10495 with the generator's 255), this "
                                    "image has %zu", size);
            return -1;
        }
        need = size;
        keep = 10240;
    } else if (type == CART_3F) {
        if (size == 0 || size % 2048 || size > A2600_CART_MAX) {
            snprintf(err, err_size, "a 3F cartridge must be a multiple of 2K up to 512K, not %zu bytes", size);
            return -1;
        }
        need = size;
    }
    if (size != need) {
        snprintf(err, err_size, "a %s cartridge has %zu bytes, this image has %zu", types[type].name, need, size);
        return -1;
    }
    size_t alloc = keep < 4096 ? 4096 : keep;
    c->rom = malloc(alloc);
    if (!c->rom) {
        snprintf(err, err_size, "out of memory");
        return -1;
    }
    for (size_t i = 0; i < alloc; i++) c->rom[i] = data[i % size]; /* small carts mirror */
    c->size = alloc;
    c->type = type;
    c->open = 0xFF;
    switch (type) {
    case CART_F8SC: case CART_F6SC: case CART_F4SC: c->ram_size = 128; break;
    case CART_FA: c->ram_size = 256; break;
    case CART_E7: c->ram_size = 2048; break;
    default: c->ram_size = 0; break;
    }
    c->banks = (uint32_t)(type == CART_E0 ? 8 : type == CART_3F || type == CART_E7 ? alloc / 2048 : alloc / 4096);
    if (type == CART_DPC) {
        c->banks = 2;
        a2600_dpc_init(&c->dpc, c->rom + 8192, DPC_OSC_HZ, 3579545u);
    }
    c->snoop = type == CART_3F || type == CART_UA || type == CART_0840 || type == CART_FE;
    a2600_cart_reset(c);
    return 0;
}

void a2600_cart_free(struct a2600_cart *c)
{
    free(c->rom);
    c->rom = NULL;
}

void a2600_cart_set_clocks(struct a2600_cart *c, uint32_t osc_hz, uint32_t cpu_hz_x3)
{
    c->dpc.osc_num = osc_hz * 3u;
    c->dpc.osc_den = cpu_hz_x3;
}

void a2600_cart_sync(struct a2600_cart *c)
{
    if (c->type == CART_DPC) a2600_dpc_sync(&c->dpc, c->now);
}

void a2600_cart_reset(struct a2600_cart *c)
{
    memset(c->bank, 0, sizeof c->bank);
    c->fe_armed = false;
    if (c->type == CART_DPC) a2600_dpc_reset(&c->dpc, c->now);
    switch (c->type) {
    case CART_DPC:
    case CART_F8: case CART_F8SC: case CART_F6: case CART_F6SC: case CART_F4: case CART_F4SC: case CART_FA:
        c->bank[0] = (uint8_t)(c->banks - 1); /* the last bank holds the start-up code */
        break;
    case CART_E0:
        c->bank[0] = 4, c->bank[1] = 5, c->bank[2] = 6;
        break;
    default:
        break;
    }
}

/* ---- mapping ---------------------------------------------------------- */

static bool hot_top_page(enum a2600_cart_type t)
{
    switch (t) {
    case CART_F8: case CART_F8SC: case CART_F6: case CART_F6SC: case CART_F4: case CART_F4SC:
    case CART_E0: case CART_E7: case CART_FA: case CART_DPC:
        return true;
    default:
        return false;
    }
}

/* Where a read of offset off (0..0xFFF) comes from: ROM, a RAM read port,
 * or NULL for a RAM write port (reads there see no driven data). */
static const uint8_t *read_ptr(const struct a2600_cart *c, unsigned off)
{
    switch (c->type) {
    case CART_F8SC: case CART_F6SC: case CART_F4SC:
        if (off < 0x100) return off < 0x80 ? NULL : c->ram + (off & 0x7F);
        break;
    case CART_FA:
        if (off < 0x200) return off < 0x100 ? NULL : c->ram + (off & 0xFF);
        break;
    case CART_E0: {
        unsigned slice = off >= 0xC00 ? 7 : c->bank[off >> 10];
        return c->rom + slice * 1024 + (off & 0x3FF);
    }
    case CART_3F:
        return c->rom + (size_t)(off < 0x800 ? c->bank[0] : c->banks - 1) * 2048 + (off & 0x7FF);
    case CART_E7:
        if (off < 0x800) {
            if (c->bank[0] == 7) return off < 0x400 ? NULL : c->ram + (off & 0x3FF);
            return c->rom + (size_t)c->bank[0] * 2048 + off;
        }
        if (off < 0xA00) return off < 0x900 ? NULL : c->ram + 1024 + c->bank[1] * 256 + (off & 0xFF);
        return c->rom + 7 * 2048 + (off & 0x7FF);
    default:
        break;
    }
    return c->rom + (size_t)c->bank[0] * 4096 + off;
}

/* Where a write of offset off goes directly (RAM write ports), or NULL. */
static uint8_t *write_ptr(struct a2600_cart *c, unsigned off)
{
    switch (c->type) {
    case CART_F8SC: case CART_F6SC: case CART_F4SC:
        return off < 0x80 ? c->ram + off : NULL;
    case CART_FA:
        return off < 0x100 ? c->ram + off : NULL;
    case CART_E7:
        if (off < 0x400 && c->bank[0] == 7) return c->ram + off;
        if (off >= 0x800 && off < 0x900) return c->ram + 1024 + c->bank[1] * 256 + (off & 0xFF);
        return NULL;
    default:
        return NULL;
    }
}

void a2600_cart_map(struct a2600_cart *c, struct a2600_cart_page pg[A2600_CART_PAGES])
{
    for (unsigned p = 0; p < A2600_CART_PAGES; p++) {
        pg[p].read = read_ptr(c, p * 128);
        pg[p].write = write_ptr(c, p * 128);
    }
    if (hot_top_page(c->type)) pg[31].read = NULL;
    if (c->type == CART_DPC) pg[0].read = NULL; /* the chip's registers */
    if (c->type == CART_FE && c->fe_armed)
        for (unsigned p = 0; p < A2600_CART_PAGES; p++) pg[p].read = NULL;
}

uint8_t a2600_cart_peek(const struct a2600_cart *c, uint16_t addr)
{
    if (c->type == CART_DPC && (addr & 0xFFF) < 0x40) return a2600_dpc_peek(&c->dpc, addr & 0x3F);
    const uint8_t *r = read_ptr(c, addr & 0xFFF);
    return r ? *r : c->open;
}

/* Hotspots in $1000-$1FFF; true if the mapping changed. */
static bool hotspot(struct a2600_cart *c, unsigned off)
{
    unsigned old[4] = {c->bank[0], c->bank[1], c->bank[2], c->bank[3]};
    switch (c->type) {
    case CART_F8: case CART_F8SC: case CART_DPC:
        if (off == 0xFF8 || off == 0xFF9) c->bank[0] = (uint8_t)(off - 0xFF8);
        break;
    case CART_F6: case CART_F6SC:
        if (off >= 0xFF6 && off <= 0xFF9) c->bank[0] = (uint8_t)(off - 0xFF6);
        break;
    case CART_F4: case CART_F4SC:
        if (off >= 0xFF4 && off <= 0xFFB) c->bank[0] = (uint8_t)(off - 0xFF4);
        break;
    case CART_FA:
        if (off >= 0xFF8 && off <= 0xFFA) c->bank[0] = (uint8_t)(off - 0xFF8);
        break;
    case CART_E0:
        if (off >= 0xFE0 && off <= 0xFF7) c->bank[(off - 0xFE0) >> 3] = (uint8_t)(off & 7);
        break;
    case CART_E7:
        if (off >= 0xFE0 && off <= 0xFE7) c->bank[0] = (uint8_t)(off & 7);
        else if (off >= 0xFE8 && off <= 0xFEB) c->bank[1] = (uint8_t)(off & 3);
        break;
    default:
        break;
    }
    return old[0] != c->bank[0] || old[1] != c->bank[1] || old[2] != c->bank[2] || old[3] != c->bank[3];
}

static void fe_data(struct a2600_cart *c, uint8_t value, bool *remap)
{
    c->fe_armed = false;
    c->bank[0] = (value & 0x20) ? 0 : 1;   /* $Fxxx is bank 0, $Dxxx bank 1 */
    *remap = true;
}

uint8_t a2600_cart_read(struct a2600_cart *c, uint16_t addr, bool *remap)
{
    unsigned off = addr & 0xFFF;
    if (c->type == CART_DPC && off < 0x40) return a2600_dpc_read(&c->dpc, off, c->now);
    if (hotspot(c, off)) *remap = true;
    uint8_t v = a2600_cart_peek(c, addr);
    if (c->fe_armed) fe_data(c, v, remap);
    return v;
}

void a2600_cart_write(struct a2600_cart *c, uint16_t addr, uint8_t value, bool *remap)
{
    unsigned off = addr & 0xFFF;
    if (c->type == CART_DPC && off >= 0x40 && off < 0x80) a2600_dpc_write(&c->dpc, off, value, c->now);
    if (hotspot(c, off)) *remap = true;
    if (c->fe_armed) fe_data(c, value, remap);
    /* RAM write ports are direct pages; nothing else takes writes */
}

void a2600_cart_snoop(struct a2600_cart *c, uint16_t addr, uint8_t value, bool write, bool *remap)
{
    addr &= 0x1FFF;
    uint8_t old = c->bank[0];
    switch (c->type) {
    case CART_3F:
        if (write && addr < 0x40) c->bank[0] = (uint8_t)(value % c->banks);
        break;
    case CART_UA:
        if ((addr & 0x1260) == 0x0220) c->bank[0] = 0;
        else if ((addr & 0x1260) == 0x0240) c->bank[0] = 1;
        break;
    case CART_0840:
        if ((addr & 0x1840) == 0x0800) c->bank[0] = 0;
        else if ((addr & 0x1840) == 0x0840) c->bank[0] = 1;
        break;
    case CART_FE:
        if (c->fe_armed) fe_data(c, value, remap);
        if (addr == 0x01FE) {
            c->fe_armed = true;
            *remap = true;
        }
        break;
    default:
        break;
    }
    if (old != c->bank[0]) *remap = true;
}

void a2600_cart_state(struct a2600_cart *c, struct fdx_state *st)
{
    fdx_state_begin(st, "CART", 1);
    uint32_t type = c->type;
    fdx_state_u32(st, "type", &type);
    fdx_state_bytes(st, "bank", c->bank, sizeof c->bank);
    fdx_state_bool(st, "fe_armed", &c->fe_armed);
    fdx_state_bytes(st, "ram", c->ram, sizeof c->ram);
    if (st->mode == FDX_STATE_LOAD) {
        bool ok = type == (uint32_t)c->type;
        for (int i = 0; i < 4; i++) ok = ok && c->bank[i] < (c->banks ? c->banks : 1);
        fdx_state_check(st, ok, "cartridge type or bank does not match the inserted cartridge");
    }
    fdx_state_end(st);
    if (c->type == CART_DPC) a2600_dpc_state(&c->dpc, st);
}
