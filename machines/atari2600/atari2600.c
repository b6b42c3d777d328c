/* Atari 2600 (VCS): the glue between the 6507, the TIA, the 6532 RIOT and
 * the cartridge.
 *
 * The 6507 sees 8K (13 address lines), cut into 64 pages of 128 bytes:
 *   A12=1            cartridge ($1000-$1FFF): direct pages, hotspot pages call us
 *   A12=0, A7=0      TIA (every access calls us)
 *   A12=0, A7=1, A9=0 RIOT RAM: a direct page (no call) unless the cartridge
 *                    watches it (FE: the stack at $01FE; 0840: $0800-$0FFF)
 *   A12=0, A7=1, A9=1 RIOT ports and timer
 * The TIA is brought up to date lazily: before each TIA access and at the
 * end of each CPU slice. Master clock = the colour clock; the CPU runs at a
 * third of it, and TIA clock = 3 x CPU cycles, always.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cpus/m6502/m6502.h"
#include "fdx/machine.h"
#include "machines/atari2600/cart.h"
#include "machines/atari2600/palette.h"
#include "machines/atari2600/tia.h"
#include "machines/chips/riot6532.h"

extern const uint8_t a2600_demo_rom[];
extern const size_t a2600_demo_rom_size;

#define NTSC_HZ 3579545u
#define PAL_HZ 3546894u

enum tv { TV_NTSC, TV_PAL, TV_SECAM };

struct a2600 {
    struct fdx_m6502 cpu;
    struct fdx_bus bus;
    struct fdx_io tia_io, riot_io, ram_io, cart_io;
    struct tia tia;
    struct riot6532 riot;
    struct a2600_cart cart;
    struct fdx_machine *m;
    int tv;
    const uint32_t *palette;
    uint8_t joy[2];             /* FDX_JOY_* bits per port */
    uint8_t swchb;              /* console switch pins */
    int32_t paddle[4];
    uint32_t dpc_hz;            /* the DPC's music oscillator */
    char title[96];
    uint32_t rgb[TIA_WIDTH * TIA_MAX_HEIGHT];
};

static struct a2600 *A(struct fdx_machine *m)
{
    return m->impl;
}

/* ---- time ------------------------------------------------------------- */

/* The TIA clock just after the CPU cycle under way (base.cycles is the
 * index of the current cycle inside an I/O handler). */
static uint64_t access_clock(const struct a2600 *a)
{
    return (a->cpu.base.cycles + 1) * 3;
}

static void catch_up(struct a2600 *a, uint64_t clock)
{
    tia_run_to(&a->tia, clock, &a->m->audio);
}

/* ---- memory map ------------------------------------------------------- */

static void map_cart(struct a2600 *a)
{
    struct a2600_cart_page pg[A2600_CART_PAGES];
    a2600_cart_map(&a->cart, pg);
    for (unsigned p = 0; p < A2600_CART_PAGES; p++) {
        struct fdx_page *bp = &a->bus.pages[32 + p];
        bp->read = (uint8_t *)(uintptr_t)pg[p].read; /* the bus never writes through read */
        bp->write = pg[p].write;
        bp->mask = 0x7F;
        bp->io = &a->cart_io;
    }
}

static void map_low(struct a2600 *a)
{
    for (unsigned p = 0; p < 32; p++) {
        struct fdx_page *bp = &a->bus.pages[p];
        bp->mask = 0x7F;
        bp->read = bp->write = NULL;
        if (!(p & 1)) {
            bp->io = &a->tia_io;
        } else if (p & 4) {
            bp->io = &a->riot_io;
        } else {
            bool watched = (a->cart.type == CART_FE && p == 3) || (a->cart.type == CART_0840 && p >= 16);
            bp->io = &a->ram_io;
            if (!watched) bp->read = bp->write = a->riot.ram;
        }
    }
}

static void snoop(struct a2600 *a, uint32_t addr, uint8_t v, bool write)
{
    if (!a->cart.snoop) return;
    bool remap = false;
    a2600_cart_snoop(&a->cart, (uint16_t)addr, v, write, &remap);
    if (remap) map_cart(a);
}

static uint32_t tia_rd(void *ctx, uint32_t addr, unsigned size)
{
    (void)size;
    struct a2600 *a = ctx;
    uint64_t now = access_clock(a);
    catch_up(a, now);
    /* bits 5..0 are not driven; they read as 0 here, as in MAME (on the
     * real bus they keep the last byte fetched, which games mask off) */
    uint8_t v = tia_read(&a->tia, addr & 0x0F, 0, now);
    snoop(a, addr, v, false);
    return v;
}

static void tia_wr(void *ctx, uint32_t addr, uint32_t value, unsigned size)
{
    (void)size;
    struct a2600 *a = ctx;
    uint64_t now = access_clock(a);
    catch_up(a, now);
    tia_write(&a->tia, addr & 0x3F, (uint8_t)value, now);
    if ((addr & 0x3F) == 0x02) {
        /* WSYNC: RDY low from this cycle until the next line starts. A
         * write in a line's last cycle costs nothing: the line ends as the
         * cycle does. */
        uint64_t start = now - 3;
        uint64_t next_line = (start / TIA_LINE_CLOCKS + 1) * TIA_LINE_CLOCKS;
        fdx_m6502_rdy_until(&a->cpu, next_line / 3);
    }
    snoop(a, addr, (uint8_t)value, true);
}

static uint32_t tia_pk(void *ctx, uint32_t addr, unsigned size)
{
    (void)size;
    struct a2600 *a = ctx;
    return tia_peek(&a->tia, addr & 0x0F, 0, a->tia.clock);
}

static uint32_t riot_rd(void *ctx, uint32_t addr, unsigned size)
{
    (void)size;
    struct a2600 *a = ctx;
    uint8_t v = riot6532_read(&a->riot, addr & 0x1F, false, a->cpu.base.cycles);
    snoop(a, addr, v, false);
    return v;
}

static void riot_wr(void *ctx, uint32_t addr, uint32_t value, unsigned size)
{
    (void)size;
    struct a2600 *a = ctx;
    riot6532_write(&a->riot, addr & 0x1F, false, (uint8_t)value, a->cpu.base.cycles);
    snoop(a, addr, (uint8_t)value, true);
}

static uint32_t riot_pk(void *ctx, uint32_t addr, unsigned size)
{
    (void)size;
    struct a2600 *a = ctx;
    return riot6532_peek(&a->riot, addr & 0x1F, false, a->cpu.base.cycles);
}

static uint32_t ram_rd(void *ctx, uint32_t addr, unsigned size)
{
    (void)size;
    struct a2600 *a = ctx;
    uint8_t v = a->riot.ram[addr & 0x7F];
    snoop(a, addr, v, false);
    return v;
}

static void ram_wr(void *ctx, uint32_t addr, uint32_t value, unsigned size)
{
    (void)size;
    struct a2600 *a = ctx;
    a->riot.ram[addr & 0x7F] = (uint8_t)value;
    snoop(a, addr, (uint8_t)value, true);
}

static uint32_t ram_pk(void *ctx, uint32_t addr, unsigned size)
{
    (void)size;
    struct a2600 *a = ctx;
    return a->riot.ram[addr & 0x7F];
}

static void ram_pok(void *ctx, uint32_t addr, uint32_t value, unsigned size)
{
    (void)size;
    struct a2600 *a = ctx;
    a->riot.ram[addr & 0x7F] = (uint8_t)value;
}

static uint32_t cart_rd(void *ctx, uint32_t addr, unsigned size)
{
    (void)size;
    struct a2600 *a = ctx;
    bool remap = false;
    a->cart.now = a->cpu.base.cycles;
    uint8_t v = a2600_cart_read(&a->cart, (uint16_t)addr, &remap);
    if (remap) map_cart(a);
    return v;
}

static void cart_wr(void *ctx, uint32_t addr, uint32_t value, unsigned size)
{
    (void)size;
    struct a2600 *a = ctx;
    bool remap = false;
    a->cart.now = a->cpu.base.cycles;
    a2600_cart_write(&a->cart, (uint16_t)addr, (uint8_t)value, &remap);
    if (remap) map_cart(a);
}

static uint32_t cart_pk(void *ctx, uint32_t addr, unsigned size)
{
    (void)size;
    struct a2600 *a = ctx;
    return a2600_cart_peek(&a->cart, (uint16_t)addr);
}

/* ---- inputs ----------------------------------------------------------- */

static void update_ports(struct a2600 *a)
{
    uint8_t pa = 0xFF;
    static const uint8_t bits[2][4] = {{0x10, 0x20, 0x40, 0x80}, {0x01, 0x02, 0x04, 0x08}};
    for (int p = 0; p < 2; p++)
        for (int d = 0; d < 4; d++)
            if (a->joy[p] & (1u << d)) pa &= (uint8_t)~bits[p][d]; /* up, down, left, right */
    riot6532_set_pa(&a->riot, pa, a->cpu.base.cycles);
    riot6532_set_pb(&a->riot, a->swchb);
    uint8_t fire = (uint8_t)(((a->joy[0] & FDX_JOY_FIRE) ? 1 : 0) | ((a->joy[1] & FDX_JOY_FIRE) ? 2 : 0));
    a->tia.fire = fire;
    if (a->tia.vblank & 0x40) a->tia.latch &= (uint8_t)~fire;
    for (int i = 0; i < 4; i++) {
        /* -32768 (left) charges at once, +32767 (right) takes 270 lines */
        uint32_t pos = (uint32_t)(a->paddle[i] + 32768);
        a->tia.paddle_clocks[i] = (uint32_t)((uint64_t)pos * 270 * TIA_LINE_CLOCKS / 65535);
    }
}

static void set_switch(struct a2600 *a, unsigned bit, bool high)
{
    if (high) a->swchb |= (uint8_t)bit;
    else a->swchb &= (uint8_t)~bit;
}

static void a2600_input(struct fdx_machine *m, const struct fdx_input_event *ev)
{
    struct a2600 *a = A(m);
    switch (ev->kind) {
    case FDX_INPUT_JOYSTICK:
        if (ev->port < 2) a->joy[ev->port] = (uint8_t)ev->value;
        break;
    case FDX_INPUT_PADDLE:
        if (ev->port < 4) a->paddle[ev->port] = ev->value < -32768 ? -32768 : ev->value > 32767 ? 32767 : ev->value;
        break;
    case FDX_INPUT_SWITCH:
        /* 0 reset, 1 select (1 = pressed), 2 colour (1 = colour), 3/4 left/right difficulty (1 = A) */
        switch (ev->code) {
        case 0: set_switch(a, 0x01, !ev->value); break;
        case 1: set_switch(a, 0x02, !ev->value); break;
        case 2: set_switch(a, 0x08, ev->value != 0); break;
        case 3: set_switch(a, 0x40, ev->value != 0); break;
        case 4: set_switch(a, 0x80, ev->value != 0); break;
        default: break;
        }
        break;
    case FDX_INPUT_KEY:
        if (ev->code == FDX_KEY_F1) set_switch(a, 0x02, !ev->value);       /* F1 select */
        else if (ev->code == FDX_KEY_F1 + 1) set_switch(a, 0x01, !ev->value); /* F2 reset */
        break;
    }
    update_ports(a);
}

/* ---- options and set-up ---------------------------------------------- */

static const struct fdx_option_desc options[] = {
    {"cart-type", FDX_OPT_CHOICE, "auto", "auto|2k|4k|f8|f8sc|f6|f6sc|f4|f4sc|fe|e0|3f|e7|fa|ua|0840|dpc", false,
     "bank-switching scheme (auto: guess from size and code)"},
    {"tv", FDX_OPT_CHOICE, "ntsc", "ntsc|pal|secam", false, "TV standard: palette, frame rate and picture height"},
    {"demo", FDX_OPT_BOOL, "off", NULL, false, "run the built-in demo cartridge"},
    {"bw", FDX_OPT_BOOL, "off", NULL, false, "colour switch in the B&W position"},
    {"left-difficulty", FDX_OPT_CHOICE, "b", "a|b", false, "left (player 0) difficulty switch"},
    {"right-difficulty", FDX_OPT_CHOICE, "b", "a|b", false, "right (player 1) difficulty switch"},
    {"dpc-hz", FDX_OPT_INT, "20000", NULL, false,
     "DPC (Pitfall II) music oscillator in Hz, 1000-100000 (an RC oscillator: carts differ)"},
    {NULL, 0, NULL, NULL, false, NULL},
};

static void setup_video(struct fdx_machine *m)
{
    struct a2600 *a = A(m);
    bool ntsc = a->tv == TV_NTSC;
    unsigned height = ntsc ? 228 : 274;
    tia_init(&a->tia, ntsc ? 22 : 25, height, ntsc ? 320 : 400);
    a->palette = ntsc ? a2600_palette_ntsc : a->tv == TV_PAL ? a2600_palette_pal : a2600_palette_secam;
    m->frame.pixels = a->rgb;
    m->frame.width = TIA_WIDTH;
    m->frame.height = height;
    m->frame.pitch = TIA_WIDTH;
    /* a colour clock is 12/7 of a line's height on NTSC, 2.08 on PAL */
    m->frame.par_num = ntsc ? 12 : 52;
    m->frame.par_den = ntsc ? 7 : 25;
    m->frame.fps_num = ntsc ? NTSC_HZ : PAL_HZ;
    m->frame.fps_den = TIA_LINE_CLOCKS * (ntsc ? 262 : 312);
    fdx_audio_init(&m->audio, (ntsc ? NTSC_HZ : PAL_HZ) / 114, m->audio.out_rate ? m->audio.out_rate : 48000);
}

static void convert_frame(struct a2600 *a)
{
    const uint8_t *src = a->tia.pix[a->tia.cur ^ 1];
    bool bw = !(riot6532_port_b(&a->riot) & 0x08) && a->tv != TV_SECAM;
    size_t n = (size_t)TIA_WIDTH * a->tia.height;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = src[i];
        if (bw) c &= 0x0E;          /* luminance only */
        a->rgb[i] = a->palette[c >> 1];
    }
}

static int load_cart(struct a2600 *a, const uint8_t *data, size_t size, const char *name, const char *type,
                     struct fdx_err *err)
{
    int t;
    int conf = 100;
    if (!type || !strcmp(type, "auto")) {
        struct a2600_cart_guess g[8];
        unsigned n = a2600_cart_detect(data, size, g, 8);
        if (!n)
            return fdx_err_set(err, "%s: %zu bytes is not an Atari 2600 cartridge size (2K, 4K, 8K, 12K, 16K, 32K, "
                                    "or 3F multiples of 2K); --cart-type forces a scheme",
                               name, size);
        t = g[0].type;
        conf = g[0].confidence;
    } else {
        t = a2600_cart_type_from_name(type);
        if (t < 0) return fdx_err_set(err, "unknown cartridge type '%s'", type);
    }
    struct a2600_cart c;
    char msg[200];
    if (a2600_cart_load(&c, (enum a2600_cart_type)t, data, size, msg, sizeof msg))
        return fdx_err_set(err, "%s: %s", name, msg);
    a2600_cart_free(&a->cart);
    a->cart = c;
    snprintf(a->title, sizeof a->title, "%s (%s, %d%%)", name, a2600_cart_type_name(c.type), conf);
    return 0;
}

static void a2600_reset(struct fdx_machine *m, bool hard)
{
    struct a2600 *a = A(m);
    (void)hard;
    a->cart.now = a->cpu.base.cycles;
    a2600_cart_set_clocks(&a->cart, a->dpc_hz, a->tv == TV_NTSC ? NTSC_HZ : PAL_HZ);
    a2600_cart_reset(&a->cart);
    map_cart(a);
    map_low(a);
    tia_reset(&a->tia);
    riot6532_reset(&a->riot, a->cpu.base.cycles);
    update_ports(a);
    a->cpu.base.ops->reset(&a->cpu.base);
}

static int a2600_create(struct fdx_machine *m, struct fdx_err *err)
{
    struct a2600 *a = A(m);
    a->m = m;
    const char *tv = fdx_machine_opt_string(m, "tv", 0);
    a->tv = !strcmp(tv, "pal") ? TV_PAL : !strcmp(tv, "secam") ? TV_SECAM : TV_NTSC;
    bool demo = false, bw = false;
    if (fdx_machine_opt_bool(m, "demo", &demo, err) || fdx_machine_opt_bool(m, "bw", &bw, err)) return -1;
    a->swchb = 0x3F;            /* switches released, colour, both difficulties B; bits 2, 4, 5 pulled up */
    if (bw) a->swchb &= (uint8_t)~0x08;
    if (!strcmp(fdx_machine_opt_string(m, "left-difficulty", 0), "a")) a->swchb |= 0x40;
    if (!strcmp(fdx_machine_opt_string(m, "right-difficulty", 0), "a")) a->swchb |= 0x80;
    uint64_t hz;
    if (fdx_machine_opt_u64(m, "dpc-hz", &hz, err)) return -1;
    if (hz < 1000 || hz > 100000) return fdx_err_set(err, "--dpc-hz must be 1000-100000, not %llu", (unsigned long long)hz);
    a->dpc_hz = (uint32_t)hz;
    setup_video(m);

    if (m->opts.argc > 1) return fdx_err_set(err, "atari2600 takes one cartridge, not %u files", m->opts.argc);
    const char *type = fdx_machine_opt_string(m, "cart-type", 0);
    if (demo || m->opts.argc == 0) {
        if (load_cart(a, a2600_demo_rom, a2600_demo_rom_size, "demo", "4k", err)) return -1;
    } else {
        uint8_t *data;
        size_t size;
        if (fdx_file_read(m->opts.argv[0], A2600_CART_MAX, &data, &size, err)) return -1;
        int r = load_cart(a, data, size, m->opts.argv[0], type, err);
        free(data);
        if (r) return -1;
    }

    if (fdx_bus_init(&a->bus, 13, 7, FDX_LITTLE_ENDIAN)) return fdx_err_set(err, "bus set-up failed");
    a->tia_io = (struct fdx_io){.read = tia_rd, .write = tia_wr, .peek = tia_pk, .ctx = a};
    a->riot_io = (struct fdx_io){.read = riot_rd, .write = riot_wr, .peek = riot_pk, .ctx = a};
    a->ram_io = (struct fdx_io){.read = ram_rd, .write = ram_wr, .peek = ram_pk, .poke = ram_pok, .ctx = a};
    a->cart_io = (struct fdx_io){.read = cart_rd, .write = cart_wr, .peek = cart_pk, .ctx = a};
    fdx_m6502_init(&a->cpu, &fdx_m6502_ops_6507, &a->bus);
    m->cpu = &a->cpu.base;
    m->debug.line_ticks = 228; /* colour clocks per line: the debugger's `scanline` */
    /* power-on RAM: a fixed pattern keeps runs deterministic */
    memset(a->riot.ram, 0, sizeof a->riot.ram);
    a2600_reset(m, true);
    return 0;
}

static void a2600_destroy(struct fdx_machine *m)
{
    struct a2600 *a = A(m);
    a2600_cart_free(&a->cart);
    fdx_bus_free(&a->bus);
}

static int a2600_insert(struct fdx_machine *m, const char *slot, const uint8_t *data, size_t size,
                        const char *filename, struct fdx_err *err)
{
    struct a2600 *a = A(m);
    if (slot && *slot && strcmp(slot, "cart")) return fdx_err_set(err, "atari2600 has no slot '%s'", slot);
    if (load_cart(a, data, size, filename ? filename : "cartridge", "auto", err)) return -1;
    a2600_reset(m, true);
    return 0;
}

/* ---- running ---------------------------------------------------------- */

static enum fdx_run_result a2600_run(struct fdx_machine *m, uint64_t until)
{
    struct a2600 *a = A(m);
    enum fdx_run_result r = fdx_machine_run_cpu(m, m->cpu, until);
    catch_up(a, a->cpu.base.cycles * 3);
    a->cart.now = a->cpu.base.cycles;
    a2600_cart_sync(&a->cart); /* keeps the DPC's oscillator from falling far behind */
    return r;
}

static enum fdx_run_result a2600_run_frame(struct fdx_machine *m)
{
    struct a2600 *a = A(m);
    a->tia.frame_done = false;
    enum fdx_run_result r = FDX_RUN_OK;
    /* a line at a time; the TIA ends a frame at VSYNC or after max_lines */
    while (!a->tia.frame_done) {
        if (r == FDX_RUN_OK) {
            r = fdx_machine_run(m, TIA_LINE_CLOCKS);
        } else {
            /* the CPU stopped (halted or a debugger break): the TV keeps going
             * only when the CPU is jammed, so the frontend stays responsive */
            if (r != FDX_RUN_HALTED) return r;
            catch_up(a, a->tia.clock + TIA_LINE_CLOCKS);
        }
    }
    convert_frame(a);
    m->frame.number++;
    return r == FDX_RUN_HALTED ? FDX_RUN_OK : r;
}

static void a2600_state(struct fdx_machine *m, struct fdx_state *st)
{
    struct a2600 *a = A(m);
    m->cpu->ops->state(m->cpu, st);
    tia_state(&a->tia, st);
    riot6532_state(&a->riot, st);
    a2600_cart_state(&a->cart, st);
    if (st->mode == FDX_STATE_LOAD) {
        /* the TIA is caught up with the CPU when a state is saved; a TIA
         * clock far behind or ahead would make the next access emulate
         * millions of lines at once (fuzz: a hang) */
        uint64_t cpu = a->cpu.base.cycles * 3, tia = a->tia.clock;
        fdx_state_check(st, tia <= cpu + 4 * TIA_LINE_CLOCKS && (tia >= cpu || cpu - tia <= 400 * TIA_LINE_CLOCKS),
                        "TIA clock does not match the CPU's");
        /* WSYNC holds the CPU to the end of the line at most; a stall far
         * ahead would jump the CPU's clock and the TIA after it (fuzz) */
        fdx_state_check(st, a->cpu.rdy_until <= a->cpu.base.cycles + TIA_LINE_CLOCKS / 3,
                        "CPU stalled beyond the end of the line");
    }
    fdx_state_begin(st, "A26 ", 1);
    fdx_state_bytes(st, "joy", a->joy, 2);
    fdx_state_u8(st, "swchb", &a->swchb);
    for (int i = 0; i < 4; i++) fdx_state_i32(st, "paddle", &a->paddle[i]);
    fdx_state_end(st);
    /* the resampler's position, so that sound resumes sample-exactly (the
     * machine layer does not save m->audio; its ring is output already) */
    struct fdx_audio *au = &m->audio;
    uint32_t in = au->in_rate, out = au->out_rate, n = au->sum_n;
    uint64_t phase = au->phase;
    int64_t sl = au->sum_l, sr = au->sum_r;
    uint16_t pl = (uint16_t)au->prev_l, pr = (uint16_t)au->prev_r;
    fdx_state_begin(st, "AUDR", 1);
    fdx_state_u32(st, "in_rate", &in);
    fdx_state_u32(st, "out_rate", &out);
    fdx_state_u64(st, "phase", &phase);
    fdx_state_i64(st, "sum_l", &sl);
    fdx_state_i64(st, "sum_r", &sr);
    fdx_state_u32(st, "sum_n", &n);
    fdx_state_u16(st, "prev_l", &pl);
    fdx_state_u16(st, "prev_r", &pr);
    fdx_state_end(st);
    if (st->mode == FDX_STATE_LOAD && !st->failed && in == au->in_rate && out == au->out_rate &&
        phase < (uint64_t)in + out && n <= in) {
        au->phase = phase;
        au->sum_l = sl;
        au->sum_r = sr;
        au->sum_n = n;
        au->prev_l = (int16_t)pl;
        au->prev_r = (int16_t)pr;
    }
    if (st->mode == FDX_STATE_LOAD && !st->failed) {
        map_cart(a);
        map_low(a);
        convert_frame(a);
    }
}

static uint32_t a2600_config_id(struct fdx_machine *m)
{
    struct a2600 *a = A(m);
    uint32_t id = fdx_crc32(0, a->cart.rom, a->cart.size) ^ ((uint32_t)a->cart.type << 24) ^ (uint32_t)a->tv;
    return a->cart.type == CART_DPC ? id ^ (a->dpc_hz << 4) : id;
}

static int a2600_probe(const uint8_t *data, size_t size, const char *filename, char *what, size_t what_size)
{
    struct a2600_cart_guess g[8];
    unsigned n = a2600_cart_detect(data, size, g, 8);
    if (!n) return 0;
    size_t pos = (size_t)snprintf(what, what_size, "Atari 2600 cartridge, %s (%s)", a2600_cart_type_name(g[0].type),
                                  a2600_cart_type_help(g[0].type));
    for (unsigned i = 1; i < n && i < 4 && pos < what_size; i++)
        pos += (size_t)snprintf(what + pos, what_size - pos, "%s %s %d%%", i == 1 ? "; else" : ",",
                                a2600_cart_type_name(g[i].type), g[i].confidence);
    int conf = g[0].confidence;
    const char *dot = filename ? strrchr(filename, '.') : NULL;
    if (dot && (!strcmp(dot, ".a26") || !strcmp(dot, ".A26"))) conf = conf < 95 ? 95 : conf;
    else if (dot && strcmp(dot, ".bin") && strcmp(dot, ".BIN")) conf /= 2; /* other extensions: less sure */
    return conf;
}

static const struct fdx_region_desc map[] = {
    {"TIA (mirrored, A7=0)", 0x0000, 0x0080, FDX_MAP_IO},
    {"RIOT RAM (A7=1, A9=0)", 0x0080, 0x0080, FDX_MAP_RAM},
    {"RIOT ports and timer (A7=1, A9=1)", 0x0280, 0x0020, FDX_MAP_IO},
    {"cartridge", 0x1000, 0x1000, FDX_MAP_ROM},
    {NULL, 0, 0, 0},
};

static const struct fdx_media_slot_desc slots[] = {
    {"cart", "a26,bin", "cartridge image (the scheme is guessed; --cart-type overrides)"},
    {NULL, NULL, NULL},
};

const struct fdx_machine_desc fdx_machine_atari2600 = {
    .name = "atari2600",
    .title = "Atari 2600 (VCS): 6507, TIA, 6532 RIOT",
    .cpu_model = "6507",
    .master_hz = NTSC_HZ,
    .cpu_divider = 3,
    .map = map,
    .options = options,
    .slots = slots,
    .args_help = "[CARTRIDGE.a26] (none: the built-in demo)",
    .impl_size = sizeof(struct a2600),
    .create = a2600_create,
    .destroy = a2600_destroy,
    .reset = a2600_reset,
    .run = a2600_run,
    .run_frame = a2600_run_frame,
    .state = a2600_state,
    .input = a2600_input,
    .insert = a2600_insert,
    .probe = a2600_probe,
    .config_id = a2600_config_id,
};
