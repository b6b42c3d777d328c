/* "sdltest": a tiny machine for the desktop app's tests. No CPU: it draws
 * colour bars with a square that the joystick moves, counts fire presses
 * as a bar at the bottom, shows the last key and the paddle at the top,
 * and beeps a 440 Hz square wave. Registered only in the test build. */
#include "fake_machine.h"

#include <stdlib.h>
#include <string.h>

#define W 160
#define H 100
#define MASTER_HZ 15000u        /* one audio sample per tick */

struct fake {
    uint32_t pix[W * H];
    uint32_t presses, joy, key, phase, shift;
    int32_t paddle;
    bool level, beep, pal;
};

static const struct fdx_option_desc options[] = {
    {"tv", FDX_OPT_CHOICE, "ntsc", "ntsc|pal", false, "60 or 50 frames a second"},
    {"beep", FDX_OPT_BOOL, "on", NULL, false, "a 440 Hz tone"},
    {"demo", FDX_OPT_BOOL, "off", NULL, false, "accepted like the real machines' demo option"},
    {NULL, 0, NULL, NULL, false, NULL},
};

static const struct fdx_media_slot_desc slots[] = {
    {"cart", "sdltest", "a test cartridge: its first byte turns the bars"},
    {NULL, NULL, NULL},
};

static unsigned frame_ticks(struct fake *f)
{
    return f->pal ? MASTER_HZ / 50 : MASTER_HZ / 60;
}

static int load_cart(struct fake *f, const uint8_t *data, size_t size, struct fdx_err *err)
{
    if (size < 8 || size > 64 || memcmp(data, "SDLTEST", 7))
        return fdx_err_set(err, "not an sdltest cartridge (8 to 64 bytes starting with SDLTEST)");
    f->shift = data[7] % 8;
    return 0;
}

static int create(struct fdx_machine *m, struct fdx_err *err)
{
    struct fake *f = m->impl;
    const char *tv = fdx_machine_opt_string(m, "tv", 0);
    f->pal = tv && !strcmp(tv, "pal");
    if (fdx_machine_opt_bool(m, "beep", &f->beep, err)) return -1;
    if (m->opts.argc) {
        uint8_t *data;
        size_t size;
        if (fdx_file_read(m->opts.argv[0], 4096, &data, &size, err)) return -1;
        int r = load_cart(f, data, size, err);
        free(data);
        if (r) return -1;
    }
    fdx_audio_init(&m->audio, MASTER_HZ, 48000);
    m->frame.pixels = f->pix;
    m->frame.width = W;
    m->frame.height = H;
    m->frame.pitch = W;
    m->frame.par_num = 2;
    m->frame.par_den = 1;
    m->frame.fps_num = f->pal ? 50 : 60;
    m->frame.fps_den = 1;
    return 0;
}

static void reset(struct fdx_machine *m, bool hard)
{
    struct fake *f = m->impl;
    f->presses = 0;
    if (hard) f->shift = 0;
}

static enum fdx_run_result run(struct fdx_machine *m, uint64_t until)
{
    struct fake *f = m->impl;
    while (m->sched.now < until) {
        /* square wave: the level flips every 15000 / 880 ticks */
        f->phase += 880;
        if (f->phase >= MASTER_HZ) {
            f->phase -= MASTER_HZ;
            f->level = !f->level;
        }
        int16_t s = f->beep ? (f->level ? 3000 : -3000) : 0;
        fdx_audio_push(&m->audio, s, s);
        m->sched.now++;
    }
    return FDX_RUN_OK;
}

static void fill(struct fake *f, int x0, int y0, int w, int h, uint32_t c)
{
    for (int y = y0; y < y0 + h; y++)
        for (int x = x0; x < x0 + w; x++)
            if (x >= 0 && x < W && y >= 0 && y < H) f->pix[y * W + x] = c;
}

static void render(struct fake *f)
{
    static const uint32_t bars[8] = {0xffffff, 0xffff00, 0x00ffff, 0x00ff00, 0xff00ff, 0xff0000, 0x0000ff, 0x000000};
    for (int i = 0; i < 8; i++) fill(f, i * 20, 0, 20, H, bars[(i + f->shift) % 8]);
    int dx = f->joy & FDX_JOY_LEFT ? -50 : f->joy & FDX_JOY_RIGHT ? 50 : 0;
    int dy = f->joy & FDX_JOY_UP ? -30 : f->joy & FDX_JOY_DOWN ? 30 : 0;
    fill(f, 74 + dx, 44 + dy, 12, 12, f->joy & FDX_JOY_FIRE ? 0x00ff80 : 0x808080);
    fill(f, 0, 96, (int)(f->presses % 20) * 8, 4, 0xff8000);
    for (int b = 0; b < 8; b++) fill(f, b * 4, 4, 4, 4, (f->key >> (7 - b)) & 1 ? 0xffffff : 0x202020);
    fill(f, (int)(((int64_t)f->paddle + 32768) * (W - 1) / 65535), 0, 1, 4, 0x000000);
}

static enum fdx_run_result run_frame(struct fdx_machine *m)
{
    struct fake *f = m->impl;
    enum fdx_run_result r = fdx_machine_run(m, frame_ticks(f));
    render(f);
    m->frame.number++;
    return r;
}

static void state(struct fdx_machine *m, struct fdx_state *st)
{
    struct fake *f = m->impl;
    fdx_state_begin(st, "TEST", 1);
    fdx_state_u32(st, "presses", &f->presses);
    fdx_state_u32(st, "joy", &f->joy);
    fdx_state_u32(st, "key", &f->key);
    fdx_state_u32(st, "phase", &f->phase);
    fdx_state_u32(st, "shift", &f->shift);
    fdx_state_i32(st, "paddle", &f->paddle);
    fdx_state_bool(st, "level", &f->level);
    fdx_state_end(st);
    if (fdx_state_loading(st)) render(f);
}

static void input(struct fdx_machine *m, const struct fdx_input_event *ev)
{
    struct fake *f = m->impl;
    switch (ev->kind) {
    case FDX_INPUT_JOYSTICK:
        if (ev->port != 0) break;
        if ((ev->value & FDX_JOY_FIRE) && !(f->joy & FDX_JOY_FIRE)) f->presses++;
        f->joy = (uint32_t)ev->value;
        break;
    case FDX_INPUT_PADDLE:
        if (ev->port == 0) f->paddle = ev->value;
        break;
    case FDX_INPUT_KEY:
        if (ev->value) f->key = ev->code;
        break;
    case FDX_INPUT_SWITCH:
        break;
    }
}

static int insert(struct fdx_machine *m, const char *slot, const uint8_t *data, size_t size, const char *filename,
                  struct fdx_err *err)
{
    (void)filename;
    if (strcmp(slot, "cart")) return fdx_err_set(err, "sdltest has no slot '%s'", slot);
    return load_cart(m->impl, data, size, err);
}

static int probe(const uint8_t *data, size_t size, const char *filename, char *what, size_t what_size)
{
    (void)filename;
    if (size >= 8 && size <= 64 && !memcmp(data, "SDLTEST", 7)) {
        if (what_size) strncpy(what, "sdltest cartridge", what_size - 1);
        return 100;
    }
    return 0;
}

static uint32_t config_id(struct fdx_machine *m)
{
    return ((struct fake *)m->impl)->pal;
}

const struct fdx_machine_desc fdx_sdltest_machine = {
    .name = "sdltest",
    .title = "SDL test pattern",
    .cpu_model = "none",
    .master_hz = MASTER_HZ,
    .cpu_divider = 1,
    .options = options,
    .slots = slots,
    .args_help = "[CART.sdltest]",
    .impl_size = sizeof(struct fake),
    .create = create,
    .reset = reset,
    .run = run,
    .run_frame = run_frame,
    .state = state,
    .input = input,
    .insert = insert,
    .probe = probe,
    .config_id = config_id,
};
