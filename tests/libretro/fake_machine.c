/* lrfake: a tiny deterministic "machine" for testing the libretro core
 * before (and besides) the real machines. It has RAM that evolves every
 * frame from its inputs and media, a picture drawn from that RAM, a square
 * wave, a cartridge slot and two disk drives. Built only into the test core. */
#include <stdlib.h>
#include <string.h>

#include "fdx/fdx.h"

#define FAKE_W 160
#define FAKE_H_NTSC 120
#define FAKE_H_PAL 144
#define FAKE_RATE 22050

struct fake {
    struct fdx_cpu cpu;
    struct fdx_bus bus;
    uint8_t ram[256];
    uint32_t fb[FAKE_W * FAKE_H_PAL];
    uint32_t joy[2];
    int32_t paddle[4];
    uint32_t switches;
    uint32_t cart_crc, bios_crc;
    uint32_t disk_crc[2];
    bool disk_in[2];
    bool pal;
    uint32_t phase;
    uint64_t audio_acc;
};

static const struct fdx_reg_desc fake_regs[] = {{"F", 8, FDX_REG_GENERAL, NULL}};

static uint64_t fake_cpu_run(struct fdx_cpu *cpu, uint64_t cycles)
{
    cpu->cycles += cycles;
    cpu->instructions += cycles;
    return cycles;
}
static uint64_t fake_get(const struct fdx_cpu *cpu, unsigned i)
{
    (void)i;
    return cpu->cycles & 0xff;
}
static void fake_cpu_state(struct fdx_cpu *cpu, struct fdx_state *st)
{
    fdx_state_begin(st, "FCPU", 1);
    fdx_state_u64(st, "cycles", &cpu->cycles);
    fdx_state_u64(st, "instructions", &cpu->instructions);
    fdx_state_end(st);
}
static const struct fdx_cpu_ops fake_cpu_ops = {
    .name = "fake", .family = "fake", .state_size = sizeof(struct fdx_cpu), .regs = fake_regs, .nregs = 1,
    .run = fake_cpu_run, .get_reg = fake_get, .state = fake_cpu_state,
};

static int fake_insert(struct fdx_machine *m, const char *slot, const uint8_t *data, size_t size,
                       const char *filename, struct fdx_err *err)
{
    struct fake *f = m->impl;
    (void)filename;
    uint32_t crc = data && size ? fdx_crc32(0, data, size) : 0;
    if (!strcmp(slot, "cart")) {
        if (!size) return fdx_err_set(err, "a cartridge cannot be ejected");
        f->cart_crc = crc;
        return 0;
    }
    for (int d = 0; d < 2; d++)
        if (!strcmp(slot, d ? "disk2" : "disk1")) {
            f->disk_crc[d] = crc;
            f->disk_in[d] = size != 0;
            return 0;
        }
    return fdx_err_set(err, "lrfake has no slot '%s'", slot);
}

static void fake_reset(struct fdx_machine *m, bool hard)
{
    struct fake *f = m->impl;
    if (hard) memset(f->ram, 0, sizeof f->ram);
    memcpy(f->ram + 0xF0, "FDX!", 4);   /* a signature memory readers can find */
    f->ram[1] = (uint8_t)f->cart_crc;
    f->ram[2] = (uint8_t)f->bios_crc;
}

static int fake_create(struct fdx_machine *m, struct fdx_err *err)
{
    struct fake *f = m->impl;
    const char *tv = fdx_machine_opt_string(m, "tv", 0);
    f->pal = tv && !strcmp(tv, "pal");
    bool need_rom = false;
    if (fdx_machine_opt_bool(m, "need-rom", &need_rom, err)) return -1;
    if (need_rom) {
        uint8_t *rom;
        size_t n;
        if (fdx_machine_load_rom(m, "bios", &rom, &n, err)) return -1;
        f->bios_crc = fdx_crc32(0, rom, n);
        free(rom);
    }
    if (fdx_bus_init(&f->bus, 16, 8, FDX_LITTLE_ENDIAN)) return fdx_err_set(err, "bus");
    struct fdx_map_entry e = {0, 256, FDX_MAP_RAM, f->ram, 256, NULL};
    if (fdx_bus_map(&f->bus, &e, 1)) return fdx_err_set(err, "map");
    f->cpu.ops = &fake_cpu_ops;
    f->cpu.bus = &f->bus;
    m->cpu = &f->cpu;
    unsigned disks = 0;
    for (unsigned i = 0; i < m->opts.argc; i++) {
        const char *path = m->opts.argv[i];
        size_t len = strlen(path);
        bool disk = len > 4 && !strcmp(path + len - 4, ".fkd");
        bool cart = len > 4 && !strcmp(path + len - 4, ".fkc");
        if (!disk && !cart) return fdx_err_set(err, "%s: not an lrfake cartridge (.fkc) or disk (.fkd)", path);
        if (disk && disks >= 2) return fdx_err_set(err, "lrfake has two drives");
        if (fdx_machine_insert(m, cart ? "cart" : disks++ ? "disk2" : "disk1", path, err)) return -1;
    }
    fdx_audio_init(&m->audio, FAKE_RATE, FAKE_RATE);
    m->frame.pixels = f->fb;
    m->frame.width = FAKE_W;
    m->frame.height = f->pal ? FAKE_H_PAL : FAKE_H_NTSC;
    m->frame.pitch = FAKE_W;
    m->frame.par_num = 2;
    m->frame.par_den = 1;
    m->frame.fps_num = f->pal ? 50 : 60;
    m->frame.fps_den = 1;
    fake_reset(m, true);
    return 0;
}

static void fake_destroy(struct fdx_machine *m)
{
    struct fake *f = m->impl;
    if (f) fdx_bus_free(&f->bus);
}

static enum fdx_run_result fake_run(struct fdx_machine *m, uint64_t until)
{
    return fdx_machine_run_cpu(m, m->cpu, until);
}

static enum fdx_run_result fake_run_frame(struct fdx_machine *m)
{
    struct fake *f = m->impl;
    uint8_t mix = (uint8_t)(f->joy[0] * 3 + f->joy[1] * 7 + f->switches + (uint32_t)(f->paddle[0] >> 8) +
                            f->cart_crc + f->disk_crc[0] * 5 + f->disk_crc[1] * 9);
    for (unsigned i = 0; i < 0xF0; i++)
        if (i != 0x80) f->ram[i] = (uint8_t)(f->ram[i] * 5 + 1 + i + mix + f->ram[(i + 1) & 255]);
    unsigned h = m->frame.height;
    for (unsigned y = 0; y < h; y++)
        for (unsigned x = 0; x < FAKE_W; x++) {
            uint8_t v = f->ram[(x / 10 + (y / 10) * 16) & 255];
            uint32_t c = (uint32_t)v << 16 | (uint32_t)(uint8_t)(v * 3 + y) << 8 | (uint8_t)(x + f->ram[0x80]);
            if (y < 4) c = (m->frame.number >> (x / 8)) & 1 ? 0xffffff : 0;   /* frame number in binary */
            if (y >= h - 4) c = (f->disk_in[x >= FAKE_W / 2] ? 0x00ff00 : 0x400000) ^ (f->disk_crc[x >= FAKE_W / 2] & 0xff);
            f->fb[y * FAKE_W + x] = c;
        }
    /* a square wave whose pitch follows RAM */
    uint32_t rate = FAKE_RATE;
    f->audio_acc += (uint64_t)rate * m->frame.fps_den;
    uint64_t n = f->audio_acc / m->frame.fps_num;
    f->audio_acc %= m->frame.fps_num;
    uint32_t period = 40u + f->ram[0] % 64u;
    for (uint64_t i = 0; i < n; i++) {
        int16_t s = (f->phase++ % period) < period / 2 ? 3000 : -3000;
        fdx_audio_push(&m->audio, s, s);
    }
    m->frame.number++;
    return fdx_machine_run(m, m->desc->master_hz / m->frame.fps_num);
}

static void fake_input(struct fdx_machine *m, const struct fdx_input_event *ev)
{
    struct fake *f = m->impl;
    switch (ev->kind) {
    case FDX_INPUT_JOYSTICK: if (ev->port < 2) f->joy[ev->port] = (uint32_t)ev->value; break;
    case FDX_INPUT_PADDLE: if (ev->port < 4) f->paddle[ev->port] = ev->value; break;
    case FDX_INPUT_KEY: if (ev->value) f->ram[0x80] = (uint8_t)ev->code; break;
    case FDX_INPUT_SWITCH:
        if (ev->code < 32) f->switches = (f->switches & ~(1u << ev->code)) | (ev->value ? 1u << ev->code : 0);
        break;
    }
}

static void fake_state(struct fdx_machine *m, struct fdx_state *st)
{
    struct fake *f = m->impl;
    m->cpu->ops->state(m->cpu, st);
    fdx_state_begin(st, "FAKE", 1);
    fdx_state_bytes(st, "ram", f->ram, sizeof f->ram);
    fdx_state_u32_array(st, "joy", f->joy, 2);
    fdx_state_i32(st, "paddle0", &f->paddle[0]);
    fdx_state_i32(st, "paddle1", &f->paddle[1]);
    fdx_state_i32(st, "paddle2", &f->paddle[2]);
    fdx_state_i32(st, "paddle3", &f->paddle[3]);
    fdx_state_u32(st, "switches", &f->switches);
    fdx_state_u32(st, "cart", &f->cart_crc);
    fdx_state_u32_array(st, "disk", f->disk_crc, 2);
    fdx_state_bool(st, "disk1_in", &f->disk_in[0]);
    fdx_state_bool(st, "disk2_in", &f->disk_in[1]);
    fdx_state_u32(st, "phase", &f->phase);
    fdx_state_u64(st, "audio_acc", &f->audio_acc);
    fdx_state_check(st, f->audio_acc < 60, "audio accumulator in range");
    fdx_state_end(st);
}

static int fake_probe(const uint8_t *data, size_t size, const char *filename, char *what, size_t what_size)
{
    (void)data;
    size_t len = filename ? strlen(filename) : 0;
    if (len > 4 && (!strcmp(filename + len - 4, ".fkc") || !strcmp(filename + len - 4, ".fkd"))) {
        snprintf(what, what_size, "lrfake media, %zu bytes", size);
        return 60;
    }
    return 0;
}

static uint32_t fake_config_id(struct fdx_machine *m)
{
    struct fake *f = m->impl;
    return f->pal ? 2 : 1;
}

static const struct fdx_region_desc fake_map[] = {
    {"ram", 0x0000, 256, FDX_MAP_RAM},
    {NULL, 0, 0, FDX_MAP_UNMAPPED},
};
static const struct fdx_rom_desc fake_roms[] = {
    {"bios", "Fake BIOS", "lrfake.rom", 16, 0x68c4f033, NULL, false},
    {NULL, NULL, NULL, 0, 0, NULL, false},
};
static const struct fdx_option_desc fake_options[] = {
    {"tv", FDX_OPT_CHOICE, "ntsc", "ntsc|pal", false, "TV standard"},
    {"need-rom", FDX_OPT_BOOL, "off", NULL, false, "Refuse to start without the BIOS"},
    {NULL, 0, NULL, NULL, false, NULL},
};
static const struct fdx_media_slot_desc fake_slots[] = {
    {"cart", "fkc", "Cartridge"},
    {"disk1", "fkd", "Drive 1"},
    {"disk2", "fkd", "Drive 2"},
    {NULL, NULL, NULL},
};

const struct fdx_machine_desc lr_fake_desc = {
    .name = "lrfake",
    .title = "libretro test machine",
    .cpu_model = "fake",
    .master_hz = 600000,
    .cpu_divider = 1,
    .map = fake_map,
    .roms = fake_roms,
    .options = fake_options,
    .slots = fake_slots,
    .args_help = "[CART.fkc] [DISK.fkd [DISK.fkd]]",
    .impl_size = sizeof(struct fake),
    .create = fake_create,
    .destroy = fake_destroy,
    .reset = fake_reset,
    .run = fake_run,
    .run_frame = fake_run_frame,
    .state = fake_state,
    .input = fake_input,
    .insert = fake_insert,
    .probe = fake_probe,
    .config_id = fake_config_id,
};
