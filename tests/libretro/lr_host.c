/* lr_host: a minimal libretro frontend for testing fdx_libretro.
 *
 *   lr_host run CORE CONTENT|- FRAMES [--png OUT] [--idle] [--opt KEY=VALUE]... [--system DIR]
 *       runs FRAMES frames, prints "frame HASH audio CRC samples N"
 *   lr_host selftest CORE CONTENT|- N M [--opt ...] [--system DIR]
 *       state, run-ahead, second-instance and robustness checks
 *   lr_host disks CORE PLAYLIST.m3u [--system DIR]
 *       disk control through the extended interface
 *   lr_host expect-fail CORE CONTENT|- [--opt ...] [--system DIR]
 *       loading must fail cleanly (bad input)
 *   lr_host memcheck CORE CONTENT|- STATE ADDR "HEX BYTES" [--system DIR]
 *       the RAM in a (RetroArch) state file at ADDR holds those bytes
 *   lr_host foreign CORE CONTENT KEY=VALUE OTHER_CORE
 *       states of another configuration or core are refused, no crash
 *   lr_host workcopy CORE DISK SAVEDIR
 *       disk writes go to a copy in SAVEDIR/fdx, the content stays as it was
 *   lr_host key CORE CONTENT ADDR
 *       keys through the keyboard callback land in RAM[ADDR] (fake machine)
 *   lr_host memmap CORE CONTENT FRAMES START:LEN[,START:LEN...] [--opt ...]
 *       the memory descriptors have this layout and show live machine RAM
 *   lr_host pngcmp A.png B.png
 *       the two pictures have the same size and pixels
 *
 * Input is scripted from the frame number on each timeline (--idle: none),
 * so runs that restore states see the same input as straight runs. A test host may keep
 * global state: libretro's callbacks carry no context. */
#define _DEFAULT_SOURCE   /* realpath */
#define _POSIX_C_SOURCE 200809L
#include <dlfcn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include <libretro.h>

#include "fdx/fdx.h"

struct core {
    void *dl;
    char file[4096];   /* PATH_MAX */
    void (*set_environment)(retro_environment_t);
    void (*set_video_refresh)(retro_video_refresh_t);
    void (*set_audio_sample)(retro_audio_sample_t);
    void (*set_audio_sample_batch)(retro_audio_sample_batch_t);
    void (*set_input_poll)(retro_input_poll_t);
    void (*set_input_state)(retro_input_state_t);
    void (*init)(void);
    void (*deinit)(void);
    void (*get_system_info)(struct retro_system_info *);
    void (*get_system_av_info)(struct retro_system_av_info *);
    bool (*load_game)(const struct retro_game_info *);
    void (*unload_game)(void);
    void (*run)(void);
    void (*reset)(void);
    size_t (*serialize_size)(void);
    bool (*serialize)(void *, size_t);
    bool (*unserialize)(const void *, size_t);
    void *(*get_memory_data)(unsigned);
    size_t (*get_memory_size)(unsigned);
    void (*set_controller_port_device)(unsigned, unsigned);
    /* what the core told us */
    struct retro_disk_control_ext_callback disk;
    bool have_disk;
    struct retro_memory_descriptor mem[16];
    unsigned nmem;
    retro_keyboard_event_t keyboard;
    const struct retro_core_option_v2_definition *defs;
    unsigned env_calls_options;
    bool option_hidden[256];   /* by index in defs: SET_CORE_OPTIONS_DISPLAY */
    /* output */
    uint32_t *pixels;
    unsigned width, height;
    uint32_t audio_crc;
    uint64_t samples;
    uint64_t frame;     /* frames run on this timeline: drives the input script */
    /* handed over while the host said video / audio were off */
    unsigned long hidden_frames, hidden_samples;
};

static struct {
    struct core *cur;
    const char *opt_key[32], *opt_val[32];
    unsigned nopts;
    const char *system_dir, *save_dir;
    int av_enable;
    bool idle;          /* no input at all (to compare with other frontends) */
    unsigned errors;
} H = {.av_enable = 3, .system_dir = ".", .save_dir = "."};

static int fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "lr_host: FAIL: ");
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    return 1;
}

static void log_cb(enum retro_log_level level, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (level >= RETRO_LOG_ERROR) H.errors++;
    fprintf(stderr, "core[%d]: ", (int)level);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
}

static const char *option_value(const char *key)
{
    for (unsigned i = 0; i < H.nopts; i++)
        if (!strcmp(H.opt_key[i], key)) return H.opt_val[i];
    struct core *c = H.cur;
    for (const struct retro_core_option_v2_definition *d = c ? c->defs : NULL; d && d->key; d++)
        if (!strcmp(d->key, key)) return d->default_value;
    return NULL;
}

static bool env_cb(unsigned cmd, void *data)
{
    struct core *c = H.cur;
    switch (cmd) {
    case RETRO_ENVIRONMENT_GET_LOG_INTERFACE:
        ((struct retro_log_callback *)data)->log = log_cb;
        return true;
    case RETRO_ENVIRONMENT_GET_CORE_OPTIONS_VERSION: *(unsigned *)data = 2; return true;
    case RETRO_ENVIRONMENT_SET_CORE_OPTIONS_V2:
        c->defs = ((const struct retro_core_options_v2 *)data)->definitions;
        c->env_calls_options++;
        return true;
    case RETRO_ENVIRONMENT_GET_VARIABLE: {
        struct retro_variable *v = data;
        v->value = option_value(v->key);
        return v->value != NULL;
    }
    case RETRO_ENVIRONMENT_GET_VARIABLE_UPDATE: *(bool *)data = false; return true;
    case RETRO_ENVIRONMENT_GET_DISK_CONTROL_INTERFACE_VERSION: *(unsigned *)data = 1; return true;
    case RETRO_ENVIRONMENT_SET_DISK_CONTROL_EXT_INTERFACE:
        c->disk = *(const struct retro_disk_control_ext_callback *)data;
        c->have_disk = true;
        return true;
    case RETRO_ENVIRONMENT_GET_SYSTEM_DIRECTORY: *(const char **)data = H.system_dir; return true;
    case RETRO_ENVIRONMENT_GET_SAVE_DIRECTORY: *(const char **)data = H.save_dir; return true;
    case RETRO_ENVIRONMENT_SET_PIXEL_FORMAT:
        return *(const enum retro_pixel_format *)data == RETRO_PIXEL_FORMAT_XRGB8888;
    case RETRO_ENVIRONMENT_SET_MEMORY_MAPS: {
        const struct retro_memory_map *m = data;
        c->nmem = m->num_descriptors < 16 ? m->num_descriptors : 16;
        memcpy(c->mem, m->descriptors, c->nmem * sizeof c->mem[0]);
        return true;
    }
    case RETRO_ENVIRONMENT_SET_KEYBOARD_CALLBACK:
        c->keyboard = ((const struct retro_keyboard_callback *)data)->callback;
        return true;
    case RETRO_ENVIRONMENT_GET_AUDIO_VIDEO_ENABLE: *(int *)data = H.av_enable; return true;
    case RETRO_ENVIRONMENT_SET_CORE_OPTIONS_DISPLAY: {
        const struct retro_core_option_display *d = data;
        unsigned i = 0;
        for (const struct retro_core_option_v2_definition *o = c->defs; o && o->key && i < 256; o++, i++)
            if (!strcmp(o->key, d->key)) c->option_hidden[i] = !d->visible;
        return true;
    }
    case RETRO_ENVIRONMENT_SET_SUPPORT_NO_GAME:
    case RETRO_ENVIRONMENT_SET_SUPPORT_ACHIEVEMENTS:
    case RETRO_ENVIRONMENT_SET_CORE_OPTIONS_UPDATE_DISPLAY_CALLBACK:
    case RETRO_ENVIRONMENT_SET_CONTROLLER_INFO:
    case RETRO_ENVIRONMENT_SET_CONTENT_INFO_OVERRIDE:
    case RETRO_ENVIRONMENT_SET_INPUT_DESCRIPTORS:
    case RETRO_ENVIRONMENT_SET_GEOMETRY:
    case RETRO_ENVIRONMENT_SET_SYSTEM_AV_INFO:
        return true;
    default: return false;
    }
}

static void video_cb(const void *data, unsigned w, unsigned h, size_t pitch)
{
    struct core *c = H.cur;
    if (!data) return;   /* dupe: keep the last picture */
    if (!(H.av_enable & 1)) c->hidden_frames++;
    if (w != c->width || h != c->height) {
        free(c->pixels);
        c->pixels = malloc((size_t)w * h * 4);
        c->width = w;
        c->height = h;
    }
    for (unsigned y = 0; y < h; y++) memcpy(c->pixels + (size_t)y * w, (const uint8_t *)data + y * pitch, (size_t)w * 4);
}

static size_t audio_batch_cb(const int16_t *data, size_t frames)
{
    struct core *c = H.cur;
    if (!(H.av_enable & 2)) c->hidden_samples += frames;
    c->audio_crc = (uint32_t)crc32(c->audio_crc, (const Bytef *)data, (uInt)(frames * 4));
    c->samples += frames;
    return frames;
}
static void audio_cb(int16_t l, int16_t r)
{
    int16_t s[2] = {l, r};
    audio_batch_cb(s, 1);
}
static void poll_cb(void) {}

/* The input script: the joystick moves and fires in a pattern. */
static int16_t input_cb(unsigned port, unsigned device, unsigned index, unsigned id)
{
    uint64_t f = H.cur->frame;
    if (H.idle || device != RETRO_DEVICE_JOYPAD || index) return 0;
    if (port == 0 && id == RETRO_DEVICE_ID_JOYPAD_B) return (f / 5) % 3 == 0;
    if (port == 0 && id == RETRO_DEVICE_ID_JOYPAD_RIGHT) return (f / 17) % 2 == 0;
    if (port == 1 && id == RETRO_DEVICE_ID_JOYPAD_UP) return (f / 11) % 2 == 1;
    return 0;
}

static int open_core(struct core *c, const char *path, bool copy)
{
    memset(c, 0, sizeof *c);
    /* dlopen searches the library path for names without a slash */
    if (!realpath(path, c->file)) return fail("%s: no such core", path);
    if (copy) {
        /* a second instance, as RetroArch's run-ahead makes it: another copy
         * of the library, so nothing is shared with the first */
        snprintf(c->file, sizeof c->file, "/tmp/lr_host_core_%ld.so", (long)getpid());
        struct fdx_err err;
        uint8_t *data;
        size_t size;
        /* a sanitizer build with debug information is over 100 MiB */
        if (fdx_file_read(path, 1u << 30, &data, &size, &err) ||
            fdx_file_write_atomic(c->file, data, size, &err))
            return fail("copy core: %s", err.msg);
        free(data);
    }
    c->dl = dlopen(c->file, RTLD_NOW | RTLD_LOCAL);
    if (copy) unlink(c->file);
    if (!c->dl) return fail("dlopen %s: %s", path, dlerror());
#define SYM(field, name)                                                                                   \
    do {                                                                                                   \
        *(void **)&c->field = dlsym(c->dl, name);                                                          \
        if (!c->field) return fail("%s has no %s", path, name);                                            \
    } while (0)
    SYM(set_environment, "retro_set_environment");
    SYM(set_video_refresh, "retro_set_video_refresh");
    SYM(set_audio_sample, "retro_set_audio_sample");
    SYM(set_audio_sample_batch, "retro_set_audio_sample_batch");
    SYM(set_input_poll, "retro_set_input_poll");
    SYM(set_input_state, "retro_set_input_state");
    SYM(init, "retro_init");
    SYM(deinit, "retro_deinit");
    SYM(get_system_info, "retro_get_system_info");
    SYM(get_system_av_info, "retro_get_system_av_info");
    SYM(load_game, "retro_load_game");
    SYM(unload_game, "retro_unload_game");
    SYM(run, "retro_run");
    SYM(reset, "retro_reset");
    SYM(serialize_size, "retro_serialize_size");
    SYM(serialize, "retro_serialize");
    SYM(unserialize, "retro_unserialize");
    SYM(get_memory_data, "retro_get_memory_data");
    SYM(get_memory_size, "retro_get_memory_size");
    SYM(set_controller_port_device, "retro_set_controller_port_device");
#undef SYM
    if (dlsym(c->dl, "fdx_machine_create")) return fail("%s exports libfdx symbols", path);
    H.cur = c;
    /* twice, as RetroArch may: must be idempotent */
    c->set_environment(env_cb);
    c->set_environment(env_cb);
    c->set_video_refresh(video_cb);
    c->set_audio_sample(audio_cb);
    c->set_audio_sample_batch(audio_batch_cb);
    c->set_input_poll(poll_cb);
    c->set_input_state(input_cb);
    c->init();
    return 0;
}

static void close_core(struct core *c)
{
    if (!c->dl) return;
    H.cur = c;
    c->deinit();
    dlclose(c->dl);
    free(c->pixels);
    c->dl = NULL;
    c->pixels = NULL;
}

/* "-" loads no content. */
static bool load(struct core *c, const char *content)
{
    H.cur = c;
    if (!strcmp(content, "-")) return c->load_game(NULL);
    struct retro_system_info si;
    c->get_system_info(&si);
    struct retro_game_info gi = {content, NULL, 0, NULL};
    uint8_t *data = NULL;
    size_t size = 0;
    struct fdx_err err;
    const char *dot = strrchr(content, '.');
    bool fullpath = dot && (!strcmp(dot, ".m3u") || !strcmp(dot, ".fkd") || !strcmp(dot, ".dsk") ||
                            !strcmp(dot, ".do") || !strcmp(dot, ".po") || !strcmp(dot, ".nib") ||
                            !strcmp(dot, ".woz"));
    if (!fullpath && !si.need_fullpath) {
        /* unreadable: hand over the path alone and let the core complain */
        if (fdx_file_read(content, 64u << 20, &data, &size, &err) == 0) {
            gi.data = data;
            gi.size = size;
        }
    }
    bool ok = c->load_game(&gi);
    free(data);
    if (ok) {
        c->set_controller_port_device(0, RETRO_DEVICE_JOYPAD);
        c->set_controller_port_device(1, RETRO_DEVICE_JOYPAD);
    }
    return ok;
}

static void run_frames(struct core *c, uint64_t n)
{
    H.cur = c;
    for (uint64_t i = 0; i < n; i++) {
        c->run();
        c->frame++;
    }
}

static uint32_t frame_hash(const struct core *c)
{
    struct fdx_frame f = {.pixels = c->pixels, .width = c->width, .height = c->height, .pitch = c->width};
    return c->pixels ? fdx_frame_hash(&f) : 0;
}

static uint8_t *save(struct core *c, size_t *n)
{
    H.cur = c;
    *n = c->serialize_size();
    uint8_t *buf = malloc(*n ? *n : 1);
    if (!buf || !*n || !c->serialize(buf, *n)) {
        free(buf);
        return NULL;
    }
    return buf;
}

static int parse_common(int argc, char **argv, int first, const char **png)
{
    for (int i = first; i < argc; i++) {
        if (!strcmp(argv[i], "--opt") && i + 1 < argc && H.nopts < 32) {
            char *eq = strchr(argv[++i], '=');
            if (!eq) return fail("--opt wants KEY=VALUE");
            *eq = 0;
            H.opt_key[H.nopts] = argv[i];
            H.opt_val[H.nopts++] = eq + 1;
        } else if (!strcmp(argv[i], "--system") && i + 1 < argc) H.system_dir = argv[++i];
        else if (!strcmp(argv[i], "--save") && i + 1 < argc) H.save_dir = argv[++i];
        else if (!strcmp(argv[i], "--idle")) H.idle = true;
        else if (!strcmp(argv[i], "--png") && png && i + 1 < argc) *png = argv[++i];
        else return fail("unknown argument '%s'", argv[i]);
    }
    return 0;
}

static int cmd_run(int argc, char **argv)
{
    if (argc < 5) return fail("run CORE CONTENT FRAMES");
    const char *png = NULL;
    if (parse_common(argc, argv, 5, &png)) return 1;
    struct core c;
    if (open_core(&c, argv[2], false)) return 1;
    if (!load(&c, argv[3])) return fail("load %s", argv[3]);
    run_frames(&c, strtoull(argv[4], NULL, 0));
    printf("frame %08x audio %08x samples %llu\n", (unsigned)frame_hash(&c), (unsigned)c.audio_crc,
           (unsigned long long)c.samples);
    if (png) {
        struct fdx_frame f = {.pixels = c.pixels, .width = c.width, .height = c.height, .pitch = c.width};
        struct fdx_err err;
        if (fdx_frame_write_png(&f, png, &err)) return fail("%s", err.msg);
    }
    c.unload_game();
    close_core(&c);
    return H.errors ? fail("%u errors logged", H.errors) : 0;
}

/* Reloads the content in a fresh timeline of the same core. */
static int reload(struct core *c, const char *content)
{
    H.cur = c;
    c->unload_game();
    c->frame = 0;
    c->hidden_frames = c->hidden_samples = 0;
    c->audio_crc = 0;
    c->samples = 0;
    return load(c, content) ? 0 : fail("reload %s", content);
}

/* With a machine running, the menu shows the core's own options and those
 * of one machine category (the running machine's), and hides the others. */
static int check_option_display(const struct core *c)
{
    const char *shown = NULL;
    unsigned i = 0;
    for (const struct retro_core_option_v2_definition *o = c->defs; o && o->key && i < 256; o++, i++) {
        const char *cat = o->category_key ? o->category_key : "";
        bool own = !strcmp(cat, "system") || !strcmp(cat, "media") || !strcmp(cat, "advanced");
        if (own && c->option_hidden[i]) return fail("core option %s is hidden", o->key);
        if (own || c->option_hidden[i]) continue;
        if (shown && strcmp(shown, cat)) return fail("options of both %s and %s are shown", shown, cat);
        shown = cat;
    }
    printf("options shown: the core's and %s's\n", shown ? shown : "no machine");
    return 0;
}

static int cmd_selftest(int argc, char **argv)
{
    if (argc < 6) return fail("selftest CORE CONTENT N M");
    if (parse_common(argc, argv, 6, NULL)) return 1;
    const char *content = argv[3];
    uint64_t n = strtoull(argv[4], NULL, 0), m = strtoull(argv[5], NULL, 0);
    struct core a, b;
    if (open_core(&a, argv[2], false)) return 1;
    if (a.env_calls_options != 2) return fail("core options were set %u times for 2 set_environment calls",
                                              a.env_calls_options);
    for (const struct retro_core_option_v2_definition *d = a.defs; d && d->key; d++) {
        bool found = false;
        for (const struct retro_core_option_value *v = d->values; v->value; v++) found |= !strcmp(v->value, d->default_value);
        if (!found) return fail("core option %s: default '%s' is not one of its values", d->key, d->default_value);
    }
    if (!load(&a, content)) return fail("load %s", content);
    if (check_option_display(&a)) return 1;

    /* the state is there before the first frame and keeps its size */
    size_t size0 = a.serialize_size();
    size_t sz;
    uint8_t *s0 = save(&a, &sz);
    if (!size0 || !s0) return fail("no save state right after load");
    run_frames(&a, n + m);
    uint32_t straight = frame_hash(&a), straight_audio = a.audio_crc;
    if (a.serialize_size() != size0) return fail("state size changed from %zu to %zu", size0, a.serialize_size());
    printf("straight %llu frames: frame %08x audio %08x\n", (unsigned long long)(n + m), (unsigned)straight,
           (unsigned)straight_audio);
    if (!straight) return fail("no picture after %llu frames", (unsigned long long)(n + m));

    /* the state from before the first frame replays the same run */
    if (!a.unserialize(s0, sz)) return fail("loading the initial state");
    a.frame = 0;
    run_frames(&a, n + m);
    if (frame_hash(&a) != straight) return fail("initial state + %llu frames differs", (unsigned long long)(n + m));

    /* save after N, run M, reload the state, run M again */
    if (reload(&a, content)) return 1;
    run_frames(&a, n);
    uint8_t *sn = save(&a, &sz);
    if (!sn) return fail("save after %llu frames", (unsigned long long)n);
    run_frames(&a, m);
    if (frame_hash(&a) != straight) return fail("run with a save in between differs");
    if (!a.unserialize(sn, sz)) return fail("load after %llu frames", (unsigned long long)n);
    a.frame = n;
    run_frames(&a, m);
    if (frame_hash(&a) != straight) return fail("state after N + M frames differs from a straight run");

    /* a second instance (another copy of the library) takes the state */
    if (open_core(&b, argv[2], true)) return 1;
    if (!load(&b, content)) return fail("second instance: load");
    if (!b.unserialize(sn, sz)) return fail("second instance: load state");
    b.frame = n;
    run_frames(&b, m);
    if (frame_hash(&b) != straight) return fail("second instance differs");
    /* the two instances run side by side without disturbing each other */
    if (reload(&a, content) || reload(&b, content)) return 1;
    for (uint64_t i = 0; i < n + m; i++) {
        run_frames(&a, 1);
        run_frames(&b, 1);
    }
    if (frame_hash(&a) != straight || frame_hash(&b) != straight) return fail("instances side by side differ");

    /* run-ahead in one instance: each frame, run 2 hidden frames ahead and
     * go back; with audio and video off for the hidden ones */
    if (reload(&a, content)) return 1;
    for (uint64_t i = 0; i < n + m; i++) {
        uint8_t *st = save(&a, &sz);
        if (!st) return fail("run-ahead save");
        H.av_enable = 0;
        run_frames(&a, 2);
        H.av_enable = 3;
        if (!a.unserialize(st, sz)) return fail("run-ahead load");
        a.frame -= 2;
        free(st);
        run_frames(&a, 1);
    }
    if (frame_hash(&a) != straight) return fail("run-ahead changed the result");
    if (a.audio_crc != straight_audio) return fail("run-ahead changed the sound");
    /* GET_AUDIO_VIDEO_ENABLE honoured: nothing handed over for hidden frames
     * but the very first picture (a frontend without one may crash) */
    if (a.hidden_frames > 1 || a.hidden_samples)
        return fail("hidden frames handed over %lu pictures and %lu samples", a.hidden_frames, a.hidden_samples);

    /* refused states leave the machine running as before */
    uint8_t *bad = malloc(sz);
    memcpy(bad, sn, sz);
    bad[0] ^= 1;
    if (a.unserialize(bad, sz)) return fail("accepted a state with a bad magic");
    memcpy(bad, sn, sz);
    bad[sz / 2] ^= 0x55;
    if (a.unserialize(bad, sz)) return fail("accepted a damaged state");
    if (a.unserialize(sn, sz / 2)) return fail("accepted a truncated state");
    if (a.unserialize(sn, 3)) return fail("accepted a 3-byte state");
    free(bad);
    if (H.errors < 4) return fail("refused states were not logged");
    H.errors = 0;
    if (!a.unserialize(sn, sz)) return fail("the good state after bad ones");
    a.frame = n;
    run_frames(&a, m);
    if (frame_hash(&a) != straight) return fail("result differs after refused states");

    /* memory for cheats and achievements */
    void *ram = a.get_memory_data(RETRO_MEMORY_SYSTEM_RAM);
    size_t ram_size = a.get_memory_size(RETRO_MEMORY_SYSTEM_RAM);
    printf("system RAM %zu bytes, %u memory descriptors\n", ram_size, a.nmem);
    if (!ram || !ram_size || !a.nmem || a.mem[0].ptr != ram) return fail("no system RAM exposed");

    free(s0);
    free(sn);
    a.unload_game();
    b.unload_game();
    close_core(&b);
    close_core(&a);
    if (H.errors) return fail("%u errors logged", H.errors);
    printf("selftest passed\n");
    return 0;
}

static int cmd_expect_fail(int argc, char **argv)
{
    if (argc < 4) return fail("expect-fail CORE CONTENT");
    if (parse_common(argc, argv, 4, NULL)) return 1;
    struct core c;
    if (open_core(&c, argv[2], false)) return 1;
    if (load(&c, argv[3])) return fail("loading %s succeeded", argv[3]);
    if (!H.errors) return fail("no error was logged");
    /* the core stays usable */
    c.run();
    if (c.serialize_size() != 0) return fail("a state without a machine");
    close_core(&c);
    printf("refused as expected\n");
    return 0;
}

static int cmd_disks(int argc, char **argv)
{
    if (argc < 4) return fail("disks CORE PLAYLIST");
    if (parse_common(argc, argv, 4, NULL)) return 1;
    struct core c;
    if (open_core(&c, argv[2], false)) return 1;
    if (!c.have_disk) return fail("no disk control interface");
    if (!load(&c, argv[3])) return fail("load %s", argv[3]);
    unsigned n = c.disk.get_num_images();
    printf("%u images\n", n);
    if (n < 2) return fail("playlist should have at least 2 images");
    run_frames(&c, 2);
    uint32_t first = frame_hash(&c);
    for (unsigned i = 0; i < n; i++) {
        char label[256];
        if (!c.disk.get_image_label(i, label, sizeof label)) return fail("no label for image %u", i);
        printf("image %u: %s\n", i, label);
    }
    if (c.disk.get_image_index() != 0 || c.disk.get_eject_state()) return fail("should start with image 0 inserted");
    if (c.disk.set_image_index(1)) return fail("changed the image with the tray closed");
    if (!c.disk.set_eject_state(true) || !c.disk.get_eject_state()) return fail("eject");
    run_frames(&c, 2);
    uint32_t ejected = frame_hash(&c);
    if (!c.disk.set_image_index(1) || c.disk.get_image_index() != 1) return fail("select image 1");
    if (!c.disk.set_eject_state(false)) return fail("insert image 1");
    run_frames(&c, 2);
    uint32_t second = frame_hash(&c);
    printf("frames: first %08x ejected %08x second %08x\n", (unsigned)first, (unsigned)ejected, (unsigned)second);
    if (first == second || ejected == second) return fail("the picture did not change with the disk");
    /* the tray can hold nothing: index == count */
    if (!c.disk.set_eject_state(true) || !c.disk.set_image_index(n)) return fail("empty tray");
    if (!c.disk.set_eject_state(false)) return fail("close empty tray");
    if (!c.disk.add_image_index() || c.disk.get_num_images() != n + 1) return fail("add an image slot");
    c.unload_game();
    close_core(&c);
    if (H.errors) return fail("%u errors logged", H.errors);
    printf("disk control passed\n");
    return 0;
}

/* ---- PNG comparison (8-bit RGB/RGBA, not interlaced) ---------------------- */

static uint32_t be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static int paeth(int a, int b, int c)
{
    int p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c);
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/* Decodes to 0x00RRGGBB pixels. */
static int png_read(const char *path, uint32_t **out, unsigned *w, unsigned *h)
{
    uint8_t *d;
    size_t n;
    struct fdx_err err;
    if (fdx_file_read(path, 256u << 20, &d, &n, &err)) return fail("%s", err.msg);
    if (n < 8 || memcmp(d, "\x89PNG\r\n\x1a\n", 8)) return fail("%s: not a PNG", path);
    uint8_t *z = NULL;
    size_t zn = 0;
    unsigned depth = 0, ctype = 0, bpp = 0;
    for (size_t p = 8; p + 12 <= n;) {
        uint32_t len = be32(d + p);
        if (len > n - p - 12) return fail("%s: bad chunk", path);
        const uint8_t *type = d + p + 4, *body = d + p + 8;
        if (!memcmp(type, "IHDR", 4)) {
            *w = be32(body);
            *h = be32(body + 4);
            depth = body[8];
            ctype = body[9];
            if (depth != 8 || (ctype != 2 && ctype != 6) || body[12]) return fail("%s: unsupported PNG", path);
            bpp = ctype == 2 ? 3 : 4;
        } else if (!memcmp(type, "IDAT", 4)) {
            z = realloc(z, zn + len);
            memcpy(z + zn, body, len);
            zn += len;
        }
        p += 12 + len;
    }
    if (!bpp || !*w || !*h || *w > 16384 || *h > 16384) return fail("%s: no picture", path);
    size_t stride = (size_t)*w * bpp, rawn = (stride + 1) * *h;
    uint8_t *raw = malloc(rawn);
    uLongf got = rawn;
    if (uncompress(raw, &got, z, zn) != Z_OK || got != rawn) return fail("%s: bad image data", path);
    uint8_t *prev = calloc(stride, 1);
    *out = malloc((size_t)*w * *h * 4);
    for (unsigned y = 0; y < *h; y++) {
        uint8_t *row = raw + y * (stride + 1) + 1;
        unsigned filter = row[-1];
        for (size_t x = 0; x < stride; x++) {
            int a = x >= bpp ? row[x - bpp] : 0, b = prev[x], c = x >= bpp ? prev[x - bpp] : 0;
            int v = row[x];
            switch (filter) {
            case 1: v += a; break;
            case 2: v += b; break;
            case 3: v += (a + b) / 2; break;
            case 4: v += paeth(a, b, c); break;
            default: break;
            }
            row[x] = (uint8_t)v;
        }
        for (unsigned x = 0; x < *w; x++)
            (*out)[(size_t)y * *w + x] = (uint32_t)row[x * bpp] << 16 | (uint32_t)row[x * bpp + 1] << 8 | row[x * bpp + 2];
        memcpy(prev, row, stride);
    }
    free(prev);
    free(raw);
    free(z);
    free(d);
    return 0;
}

static int cmd_pngcmp(int argc, char **argv)
{
    if (argc != 4) return fail("pngcmp A.png B.png");
    uint32_t *a, *b;
    unsigned aw, ah, bw, bh;
    if (png_read(argv[2], &a, &aw, &ah) || png_read(argv[3], &b, &bw, &bh)) return 1;
    if (aw != bw || ah != bh) return fail("sizes differ: %ux%u and %ux%u", aw, ah, bw, bh);
    size_t diff = 0;
    for (size_t i = 0; i < (size_t)aw * ah; i++) diff += a[i] != b[i];
    free(a);
    free(b);
    if (diff) return fail("%zu of %u pixels differ", diff, aw * ah);
    printf("same picture (%ux%u)\n", aw, ah);
    return 0;
}

/* The RAM a RetroArch state file holds at ADDR equals the given bytes. */
static int cmd_memcheck(int argc, char **argv)
{
    if (argc < 7) return fail("memcheck CORE CONTENT STATE ADDR \"HEX BYTES\"");
    if (parse_common(argc, argv, 7, NULL)) return 1;
    struct core c;
    if (open_core(&c, argv[2], false)) return 1;
    if (!load(&c, argv[3])) return fail("load %s", argv[3]);
    uint8_t *file;
    size_t fsize;
    struct fdx_err err;
    if (fdx_file_read(argv[4], 256u << 20, &file, &fsize, &err)) return fail("%s", err.msg);
    /* RetroArch wraps the core's state in its own container: find ours */
    size_t need = c.serialize_size(), at = 0;
    while (at + 8 <= fsize && memcmp(file + at, "FDXLR001", 8)) at++;
    if (at + need > fsize) return fail("%s holds no fdx_libretro state of %zu bytes", argv[4], need);
    if (!c.unserialize(file + at, need)) return fail("the core refused the state in %s", argv[4]);
    unsigned long addr = strtoul(argv[5], NULL, 16);
    const struct retro_memory_descriptor *md = NULL;
    for (unsigned i = 0; i < c.nmem; i++)
        if (addr >= c.mem[i].start && addr < c.mem[i].start + c.mem[i].len) md = &c.mem[i];
    if (!md) return fail("no memory descriptor holds address %lx", addr);
    const char *p = argv[6];
    unsigned count = 0;
    while (*p) {
        char *end;
        unsigned long v = strtoul(p, &end, 16);
        if (end == p) break;
        size_t off = addr - md->start + md->offset + count;
        if (addr + count >= md->start + md->len) return fail("more bytes than the region holds");
        uint8_t have = ((const uint8_t *)md->ptr)[off];
        if (have != v) return fail("byte %lx: RetroArch read %02lx, the machine has %02x", addr + count, v, have);
        count++;
        p = end;
    }
    free(file);
    c.unload_game();
    close_core(&c);
    if (!count) return fail("no bytes to compare");
    printf("%u bytes at %lx match\n", count, addr);
    return 0;
}

/* A state saved under one configuration (--opt) is refused under another
 * (--opt2 KEY=VALUE) and by a different core; nothing crashes. */
static int cmd_foreign(int argc, char **argv)
{
    if (argc < 6) return fail("foreign CORE CONTENT KEY=VALUE OTHER_CORE [--opt ...]");
    if (parse_common(argc, argv, 6, NULL)) return 1;
    struct core c;
    if (open_core(&c, argv[2], false)) return 1;
    if (!load(&c, argv[3])) return fail("load %s", argv[3]);
    run_frames(&c, 5);
    size_t sz;
    uint8_t *st = save(&c, &sz);
    if (!st) return fail("save");
    /* the same content under another configuration */
    char *eq = strchr(argv[4], '=');
    if (!eq || H.nopts >= 32) return fail("KEY=VALUE");
    *eq = 0;
    H.opt_key[H.nopts] = argv[4];
    H.opt_val[H.nopts++] = eq + 1;
    if (reload(&c, argv[3])) return 1;
    unsigned before = H.errors;
    if (c.unserialize(st, sz)) return fail("a state of another configuration was accepted");
    if (H.errors == before) return fail("the refusal was not logged");
    run_frames(&c, 1);
    c.unload_game();
    close_core(&c);
    /* another core (another machine) */
    H.nopts--;
    struct core o;
    if (open_core(&o, argv[5], true)) return 1;
    if (load(&o, "-")) {
        before = H.errors;
        if (o.unserialize(st, sz)) return fail("another core accepted the state");
        if (H.errors == before) return fail("the refusal was not logged");
        o.unload_game();
    }
    close_core(&o);
    free(st);
    printf("foreign states refused\n");
    H.errors = 0;
    return 0;
}

/* Disk writes go to a working copy in the save directory: after a run the
 * copy is there and the content file is untouched. */
static int cmd_workcopy(int argc, char **argv)
{
    if (argc < 5) return fail("workcopy CORE DISK SAVEDIR");
    if (parse_common(argc, argv, 5, NULL)) return 1;
    H.save_dir = argv[4];
    uint8_t *before, *after, *copy;
    size_t nb, na, nc;
    struct fdx_err err;
    if (fdx_file_read(argv[3], 64u << 20, &before, &nb, &err)) return fail("%s", err.msg);
    struct core c;
    if (open_core(&c, argv[2], false)) return 1;
    if (!load(&c, argv[3])) return fail("load %s", argv[3]);
    run_frames(&c, 30);
    c.unload_game();
    close_core(&c);
    if (fdx_file_read(argv[3], 64u << 20, &after, &na, &err)) return fail("%s", err.msg);
    if (na != nb || memcmp(before, after, nb)) return fail("the content file changed");
    const char *base = strrchr(argv[3], '/');
    base = base ? base + 1 : argv[3];
    const char *dot = strrchr(base, '.');
    char path[4096];
    snprintf(path, sizeof path, "%s/fdx/%.*s-%08x%s", argv[4], (int)(dot ? dot - base : (long)strlen(base)), base,
             (unsigned)fdx_crc32(0, before, nb), dot ? dot : "");
    if (fdx_file_read(path, 64u << 20, &copy, &nc, &err)) return fail("no working copy: %s", err.msg);
    printf("working copy %s (%zu bytes)\n", path, nc);
    free(before);
    free(after);
    free(copy);
    return H.errors ? fail("%u errors logged", H.errors) : 0;
}

/* A key pressed through the keyboard callback reaches the machine: for the
 * fake machine, RAM[ADDR] then holds the key's HID usage. */
static int cmd_key(int argc, char **argv)
{
    if (argc < 5) return fail("key CORE CONTENT ADDR");
    struct core c;
    if (open_core(&c, argv[2], false)) return 1;
    if (!load(&c, argv[3])) return fail("load %s", argv[3]);
    if (!c.keyboard) return fail("no keyboard callback");
    unsigned long addr = strtoul(argv[4], NULL, 16);
    uint8_t *ram = c.get_memory_data(RETRO_MEMORY_SYSTEM_RAM);
    if (!ram || addr >= c.get_memory_size(RETRO_MEMORY_SYSTEM_RAM)) return fail("no RAM at %lx", addr);
    static const struct {
        unsigned retrok, hid;
    } keys[] = {{RETROK_a, 0x04}, {RETROK_z, 0x1D}, {RETROK_0, 0x27}, {RETROK_RETURN, 0x28},
                {RETROK_UP, 0x52}, {RETROK_F12, 0x45}, {RETROK_KP1, 0x59}, {RETROK_RSHIFT, 0xE5}};
    for (unsigned i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        c.keyboard(true, keys[i].retrok, 0, 0);
        run_frames(&c, 1);
        c.keyboard(false, keys[i].retrok, 0, 0);
        run_frames(&c, 1);
        if (ram[addr] != keys[i].hid)
            return fail("RETROK %u gave %02x, not HID %02x", keys[i].retrok, ram[addr], keys[i].hid);
    }
    c.unload_game();
    close_core(&c);
    printf("keys reach the machine as HID usages\n");
    return 0;
}

/* The memory descriptors have the layout LAYOUT ("START:LEN,...", hex) and
 * point at the machine's live memory: each block is saved in the state,
 * and a byte written through the descriptor shows up there. */
static int cmd_memmap(int argc, char **argv)
{
    if (argc < 6) return fail("memmap CORE CONTENT FRAMES LAYOUT");
    if (parse_common(argc, argv, 6, NULL)) return 1;
    struct core c;
    if (open_core(&c, argv[2], false)) return 1;
    if (!load(&c, argv[3])) return fail("load %s", argv[3]);
    run_frames(&c, strtoull(argv[4], NULL, 0));
    unsigned n = 0;
    for (const char *p = argv[5]; *p; n++) {
        char *end;
        unsigned long start = strtoul(p, &end, 16), len = *end == ':' ? strtoul(end + 1, &end, 16) : 0;
        if (n >= c.nmem) return fail("%u memory descriptors, the layout names more", c.nmem);
        const struct retro_memory_descriptor *md = &c.mem[n];
        if (md->start != start || md->len != len)
            return fail("descriptor %u: %zx:%zx, not %lx:%lx", n, md->start, md->len, start, len);
        if (!(md->flags & RETRO_MEMDESC_SYSTEM_RAM) || !md->ptr) return fail("descriptor %u is no RAM", n);
        /* one byte flipped through the descriptor changes exactly one byte
         * of the state's body, inside a copy of the whole block */
        size_t size, size2;
        uint8_t *s1 = save(&c, &size);
        if (!s1) return fail("serialize");
        uint8_t *ram = (uint8_t *)md->ptr + md->offset;
        size_t k = len / 2 + n;
        uint8_t old = ram[k];
        ram[k] = (uint8_t)~old;
        uint8_t *s2 = save(&c, &size2);
        ram[k] = old;
        if (!s2 || size2 != size) return fail("serialize");
        size_t diffs = 0, at = 0;
        /* past the headers (the core's 16 bytes, then fdx's with the CRC) */
        for (size_t i = 16 + FDX_STATE_HEADER_SIZE; i < size; i++)
            if (s1[i] != s2[i]) diffs++, at = i;
        ram[k] = (uint8_t)~old;
        bool block = diffs == 1 && at >= k && at - k + len <= size && !memcmp(s2 + at - k, ram, len);
        ram[k] = old;
        free(s1);
        free(s2);
        if (!block) return fail("descriptor %u: a write to it is not the machine's memory in the state", n);
        printf("descriptor %u: %s at %lx, %lx bytes of live machine memory\n", n,
               md->addrspace ? md->addrspace : "?", start, len);
        p = *end == ',' ? end + 1 : end;
    }
    if (n != c.nmem) return fail("%u memory descriptors, the layout names %u", c.nmem, n);
    if (c.get_memory_data(RETRO_MEMORY_SYSTEM_RAM) != (uint8_t *)c.mem[0].ptr + c.mem[0].offset ||
        c.get_memory_size(RETRO_MEMORY_SYSTEM_RAM) != c.mem[0].len)
        return fail("retro_get_memory_data/size differ from the first descriptor");
    c.unload_game();
    close_core(&c);
    return H.errors ? fail("%u errors logged", H.errors) : 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: lr_host run|selftest|disks|expect-fail|memcheck|memmap|foreign|workcopy|key|pngcmp ...\n");
        return 2;
    }
    if (!strcmp(argv[1], "run")) return cmd_run(argc, argv);
    if (!strcmp(argv[1], "selftest")) return cmd_selftest(argc, argv);
    if (!strcmp(argv[1], "disks")) return cmd_disks(argc, argv);
    if (!strcmp(argv[1], "expect-fail")) return cmd_expect_fail(argc, argv);
    if (!strcmp(argv[1], "pngcmp")) return cmd_pngcmp(argc, argv);
    if (!strcmp(argv[1], "memcheck")) return cmd_memcheck(argc, argv);
    if (!strcmp(argv[1], "foreign")) return cmd_foreign(argc, argv);
    if (!strcmp(argv[1], "key")) return cmd_key(argc, argv);
    if (!strcmp(argv[1], "memmap")) return cmd_memmap(argc, argv);
    if (!strcmp(argv[1], "workcopy")) return cmd_workcopy(argc, argv);
    return fail("unknown command '%s'", argv[1]);
}
