/* fdx_libretro: every fdx machine as one libretro core.
 *
 * The core asks the machine descriptions what they offer (media slots and
 * their extensions, options, ROMs, memory map) and drives a machine through
 * the public machine API only. One machine runs per loaded content; its
 * save state is the machine's own fixed-size state behind a small header.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libretro.h>

#include "fdx/fdx.h"
#include "lr_disk.h"
#include "lr_input.h"
#include "lr_memory.h"
#include "lr_model.h"
#include "lr_tables.h"

#define LR_KEYQ 64
#define LR_MAX_REGIONS 8
#define LR_AUDIO_CHUNK 1024
#define LR_DEVICE_PADDLES RETRO_DEVICE_SUBCLASS(RETRO_DEVICE_ANALOG, 0)
#define LR_MAX_SWITCHES 16

/* The libretro state header: magic, disk index, flags (bit 0: tray open). */
#define LR_STATE_MAGIC "FDXLR001"
#define LR_STATE_HEADER 16

struct lr_instance {
    struct fdx_machine *m;
    const struct fdx_machine_desc *desc;
    const struct lr_profile *profile;
    struct lr_disks disks;
    bool has_disks;
    char content_path[LR_PATH_MAX];   /* what get_image_path reports without disks */
    char save_dir[LR_PATH_MAX];       /* "": no working copies, writes stay in memory */
    bool disks_writable;        /* disk writes go to working copies in save_dir */
    char work[LR_PATH_MAX];     /* the last working copy handed to the machine */
    bool sent_frame;            /* a picture went to the frontend at least once */
    uint64_t runs;              /* retro_run calls since the content was loaded */
    bool restored;              /* a state was loaded since then */
    unsigned drive;             /* disk control's drive (0-based) */
    bool render_hidden;
    char rom_path[2 * LR_PATH_MAX + 16];
    char optstore[4096];        /* copies of option values given to the machine */
    size_t optused;
    struct fdx_options opts;
    unsigned width, height;     /* geometry the frontend knows */
    unsigned max_width, max_height;
    uint32_t fps_num, fps_den, rate;
    uint64_t silence_acc;       /* silence owed, in 1/fps_num sample units */
    unsigned port_device[2];
    bool switch_on[LR_MAX_SWITCHES], switch_held[LR_MAX_SWITCHES];
    struct {
        uint16_t code;
        bool down;
    } keyq[LR_KEYQ];
    unsigned keyq_n;
    struct retro_memory_descriptor mem[LR_MAX_REGIONS];
    unsigned nmem;
    int16_t audio[LR_AUDIO_CHUNK * 2];
};

/* libretro's C API passes no context pointer, so the frontend's callbacks,
 * the one running instance and the initial disk the frontend asks for
 * before any content is loaded are the core's only process-global state.
 * Everything about the machine lives in the instance. */
static struct {
    retro_environment_t env;
    retro_video_refresh_t video;
    retro_audio_sample_batch_t audio_batch;
    retro_input_poll_t input_poll;
    retro_input_state_t input_state;
    retro_log_printf_t log;
    struct lr_instance *inst;
    unsigned initial_index;
    char initial_path[LR_PATH_MAX];
} g;

static void lr_log(enum retro_log_level level, const char *fmt, ...) FDX_PRINTF(2, 3);
static void lr_log(enum retro_log_level level, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (g.log) g.log(level, "[fdx] %s\n", msg);
    else fprintf(stderr, "[fdx] %s\n", msg);
}

static bool env(unsigned cmd, void *data)
{
    return g.env && g.env(cmd, data);
}

static const char *variable(const char *key)
{
    struct retro_variable v = {key, NULL};
    return env(RETRO_ENVIRONMENT_GET_VARIABLE, &v) ? v.value : NULL;
}

/* ---- static interfaces handed to the frontend ---------------------------- */

static const struct retro_controller_description port_types[] = {
    {"Joystick", RETRO_DEVICE_JOYPAD},
    {"Paddles", LR_DEVICE_PADDLES},
};
static const struct retro_controller_info controller_info[] = {
    {port_types, 2},
    {port_types, 2},
    {NULL, 0},
};

static const struct retro_system_content_info_override content_overrides[] = {
    {lr_fullpath_extensions, true, false},
    {NULL, false, false},
};

static bool disk_set_eject_state(bool ejected);
static bool disk_get_eject_state(void);
static unsigned disk_get_image_index(void);
static bool disk_set_image_index(unsigned index);
static unsigned disk_get_num_images(void);
static bool disk_replace_image_index(unsigned index, const struct retro_game_info *info);
static bool disk_add_image_index(void);
static bool disk_set_initial_image(unsigned index, const char *path);
static bool disk_get_image_path(unsigned index, char *path, size_t len);
static bool disk_get_image_label(unsigned index, char *label, size_t len);

static const struct retro_disk_control_ext_callback disk_ext = {
    disk_set_eject_state, disk_get_eject_state, disk_get_image_index, disk_set_image_index,
    disk_get_num_images, disk_replace_image_index, disk_add_image_index, disk_set_initial_image,
    disk_get_image_path, disk_get_image_label,
};
static const struct retro_disk_control_callback disk_basic = {
    disk_set_eject_state, disk_get_eject_state, disk_get_image_index, disk_set_image_index,
    disk_get_num_images, disk_replace_image_index, disk_add_image_index,
};

/* Shows the core's own options and those of the running machine (all of
 * them while no machine runs). */
static bool update_option_display(void)
{
    const char *running = g.inst ? g.inst->desc->name : NULL;
    for (const struct retro_core_option_v2_definition *d = lr_option_definitions; d->key; d++) {
        bool core = !strcmp(d->category_key, "system") || !strcmp(d->category_key, "media") ||
                    !strcmp(d->category_key, "advanced");
        struct retro_core_option_display show = {d->key, core || !running || !strcmp(d->category_key, running)};
        env(RETRO_ENVIRONMENT_SET_CORE_OPTIONS_DISPLAY, &show);
    }
    return true;
}

/* ---- libretro entry points: set-up ---------------------------------------- */

RETRO_API unsigned retro_api_version(void)
{
    return RETRO_API_VERSION;
}

/* May be called several times (RetroArch does, e.g. for the info query and
 * the run): it only stores the callback and hands over static tables, so
 * every call has the same effect. */
RETRO_API void retro_set_environment(retro_environment_t cb)
{
    g.env = cb;
    struct retro_log_callback logcb;
    g.log = cb(RETRO_ENVIRONMENT_GET_LOG_INTERFACE, &logcb) ? logcb.log : NULL;
    bool yes = true;
    cb(RETRO_ENVIRONMENT_SET_SUPPORT_NO_GAME, &yes);
    unsigned version = 0;
    if (cb(RETRO_ENVIRONMENT_GET_CORE_OPTIONS_VERSION, &version) && version >= 2) {
        struct retro_core_options_v2 opts = {
            (struct retro_core_option_v2_category *)lr_option_categories,
            (struct retro_core_option_v2_definition *)lr_option_definitions,
        };
        cb(RETRO_ENVIRONMENT_SET_CORE_OPTIONS_V2, &opts);
        struct retro_core_options_update_display_callback display = {update_option_display};
        cb(RETRO_ENVIRONMENT_SET_CORE_OPTIONS_UPDATE_DISPLAY_CALLBACK, &display);
    }
    cb(RETRO_ENVIRONMENT_SET_CONTROLLER_INFO, (void *)controller_info);
    cb(RETRO_ENVIRONMENT_SET_CONTENT_INFO_OVERRIDE, (void *)content_overrides);
    unsigned disk_version = 0;
    if (cb(RETRO_ENVIRONMENT_GET_DISK_CONTROL_INTERFACE_VERSION, &disk_version) && disk_version >= 1)
        cb(RETRO_ENVIRONMENT_SET_DISK_CONTROL_EXT_INTERFACE, (void *)&disk_ext);
    else cb(RETRO_ENVIRONMENT_SET_DISK_CONTROL_INTERFACE, (void *)&disk_basic);
}

RETRO_API void retro_set_video_refresh(retro_video_refresh_t cb) { g.video = cb; }
RETRO_API void retro_set_audio_sample(retro_audio_sample_t cb) { (void)cb; }
RETRO_API void retro_set_audio_sample_batch(retro_audio_sample_batch_t cb) { g.audio_batch = cb; }
RETRO_API void retro_set_input_poll(retro_input_poll_t cb) { g.input_poll = cb; }
RETRO_API void retro_set_input_state(retro_input_state_t cb) { g.input_state = cb; }

RETRO_API void retro_init(void) {}

RETRO_API void retro_deinit(void)
{
    g.initial_index = 0;
    g.initial_path[0] = 0;
}

RETRO_API void retro_get_system_info(struct retro_system_info *info)
{
    memset(info, 0, sizeof *info);
    info->library_name = "fdx";
    info->library_version = FDX_VERSION_STRING;
    info->valid_extensions = lr_valid_extensions;
    info->need_fullpath = false;
    info->block_extract = false;
}

/* ---- the machine ------------------------------------------------------------ */

static const char *store(struct lr_instance *in, const char *s)
{
    size_t n = strlen(s) + 1;
    if (in->optused + n > sizeof in->optstore) return NULL;
    char *p = in->optstore + in->optused;
    memcpy(p, s, n);
    in->optused += n;
    return p;
}

/* Machine options from the core options the frontend holds. */
static int collect_options(struct lr_instance *in, const struct fdx_machine_desc *d)
{
    fdx_options_init(&in->opts);
    for (const struct fdx_option_desc *o = d->options; o && o->name; o++) {
        if (!lr_option_exposed(o)) continue;
        char key[128];
        lr_option_key(d, o, key, sizeof key);
        const char *v = variable(key);
        bool wp = !strcmp(o->name, "write-protect");
        if (!v && !wp) continue;
        /* disk writes never go into the content file: into a working copy
         * in the save directory (see disk_file), else kept in memory */
        if (wp && (!v || strcmp(v, "on") != 0)) {
            in->disks_writable = in->save_dir[0] != 0;
            v = in->disks_writable ? "off" : "overlay";
        }
        const char *sv = store(in, v);
        if (!sv || fdx_options_add(&in->opts, o->name, sv)) return -1;
    }
    return 0;
}

/* The machine's RAM for cheats, achievements and READ_CORE_MEMORY. */
static void find_memory(struct lr_instance *in)
{
    in->nmem = lr_memory_map(in->m, in->mem, LR_MAX_REGIONS);
    if (in->nmem) {
        struct retro_memory_map map = {in->mem, in->nmem};
        env(RETRO_ENVIRONMENT_SET_MEMORY_MAPS, &map);
    } else lr_log(RETRO_LOG_INFO, "%s: no RAM to show the frontend", in->desc->name);
}

static void take_geometry(struct lr_instance *in)
{
    const struct fdx_frame *f = fdx_machine_frame(in->m);
    in->width = f->width ? f->width : 320;
    in->height = f->height ? f->height : 240;
    in->fps_num = f->fps_num ? f->fps_num : 60;
    in->fps_den = f->fps_den ? f->fps_den : 1;
    if (in->width > in->max_width) in->max_width = in->width < 640 ? 640 : in->width;
    if (in->height > in->max_height) in->max_height = in->height < 480 ? 480 : in->height;
}

static float aspect(const struct lr_instance *in)
{
    const struct fdx_frame *f = fdx_machine_frame(in->m);
    unsigned pn = f->par_num ? f->par_num : 1, pd = f->par_den ? f->par_den : 1;
    return (float)((double)in->width * pn / ((double)in->height * pd));
}

static void set_descriptors(struct lr_instance *in)
{
    struct retro_input_descriptor d[64];
    unsigned n = 0;
    for (unsigned p = 0; p < in->profile->ports && p < 2; p++) {
        static const struct {
            unsigned id;
            const char *name;
        } joy[] = {
            {RETRO_DEVICE_ID_JOYPAD_UP, "Up"},       {RETRO_DEVICE_ID_JOYPAD_DOWN, "Down"},
            {RETRO_DEVICE_ID_JOYPAD_LEFT, "Left"},   {RETRO_DEVICE_ID_JOYPAD_RIGHT, "Right"},
            {RETRO_DEVICE_ID_JOYPAD_B, "Fire"},      {RETRO_DEVICE_ID_JOYPAD_A, "Fire 2"},
            {RETRO_DEVICE_ID_JOYPAD_Y, "Fire 3"},
        };
        for (unsigned i = 0; i < sizeof joy / sizeof joy[0]; i++)
            d[n++] = (struct retro_input_descriptor){p, RETRO_DEVICE_JOYPAD, 0, joy[i].id, joy[i].name};
        if (in->profile->paddles) {
            d[n++] = (struct retro_input_descriptor){p, RETRO_DEVICE_ANALOG, RETRO_DEVICE_INDEX_ANALOG_LEFT,
                                                     RETRO_DEVICE_ID_ANALOG_X, "Paddle A"};
            d[n++] = (struct retro_input_descriptor){p, RETRO_DEVICE_ANALOG, RETRO_DEVICE_INDEX_ANALOG_RIGHT,
                                                     RETRO_DEVICE_ID_ANALOG_X, "Paddle B"};
        }
        if (p == 0)
            for (const struct lr_switch_map *s = in->profile->switches; s->label && n < 60; s++)
                d[n++] = (struct retro_input_descriptor){0, RETRO_DEVICE_JOYPAD, 0, s->retro_id, s->label};
    }
    d[n] = (struct retro_input_descriptor){0, 0, 0, 0, NULL};
    env(RETRO_ENVIRONMENT_SET_INPUT_DESCRIPTORS, d);
}

static void keyboard_event(bool down, unsigned keycode, uint32_t character, uint16_t mods)
{
    (void)character;
    (void)mods;
    struct lr_instance *in = g.inst;
    unsigned hid = lr_hid_from_retrok(keycode);
    if (!in || !hid || in->keyq_n >= LR_KEYQ) return;
    in->keyq[in->keyq_n].code = (uint16_t)hid;
    in->keyq[in->keyq_n].down = down;
    in->keyq_n++;
}

static void read_runtime_options(struct lr_instance *in)
{
    const char *v = variable(LR_OPT_RENDER);
    in->render_hidden = v && !strcmp(v, "enabled");
    v = variable(LR_OPT_DRIVE);
    in->drive = v && !strcmp(v, "2") ? 1 : 0;
}

static void free_instance(struct lr_instance *in)
{
    if (!in) return;
    fdx_machine_destroy(in->m);
    free(in);
}

/* The file the machine gets for disk image index: the working copy when
 * disks are writable, else the original (read-only or written in memory). */
static const char *disk_file(struct lr_instance *in, unsigned index, struct fdx_err *err)
{
    const char *orig = in->disks.path[index];
    if (!in->disks_writable) return orig;
    if (lr_disk_work_copy(orig, in->save_dir, in->work, sizeof in->work, err)) return NULL;
    return in->work;
}

/* The machine for the content: the core option if set, else the guess. */
static const struct fdx_machine_desc *choose_machine(const char *path, const uint8_t *data, size_t size)
{
    const char *want = variable(LR_OPT_MACHINE);
    if (want && strcmp(want, "auto") != 0) {
        const struct fdx_machine_desc *d = lr_machine_by_name(want);
        if (d) return d;
        lr_log(RETRO_LOG_WARN, "core option names unknown machine '%s'; guessing from the content", want);
    }
    if (!path) {
        /* no content: the built-in default */
        const struct fdx_machine_desc *d = lr_machine_by_name("atari2600");
        for (const struct fdx_machine_desc *const *p = lr_machine_list(); !d && *p; p++)
            if (lr_machine_usable(*p)) d = *p;
        return d;
    }
    if (data) return lr_guess_machine(path, data, size);
    uint8_t *buf = NULL;
    size_t n = 0;
    struct fdx_err err;
    if (fdx_file_read(path, FDX_MEDIA_MAX_SIZE, &buf, &n, &err))
        return lr_guess_machine(path, NULL, 0);   /* the machine says what is wrong with the file */
    const struct fdx_machine_desc *d = lr_guess_machine(path, buf, n);
    free(buf);
    return d;
}

RETRO_API bool retro_load_game(const struct retro_game_info *game)
{
    if (g.inst) {
        free_instance(g.inst);
        g.inst = NULL;
    }
    struct lr_instance *in = calloc(1, sizeof *in);
    if (!in) {
        lr_log(RETRO_LOG_ERROR, "out of memory");
        return false;
    }
    lr_disks_init(&in->disks);
    read_runtime_options(in);

    const char *path = game && game->path && game->path[0] ? game->path : NULL;
    const uint8_t *data = game && game->data && game->size ? game->data : NULL;
    size_t size = data ? game->size : 0;
    char ext[16];
    lr_extension(path, ext, sizeof ext);
    struct fdx_err err = {{0}};

    /* a playlist: the machine comes from its first image */
    const char *content = path;
    if (path && !strcmp(ext, "m3u")) {
        if (lr_disks_load_m3u(&in->disks, path, &err)) {
            lr_log(RETRO_LOG_ERROR, "%s", err.msg);
            free(in);
            return false;
        }
        content = in->disks.path[0];
        data = NULL;
        size = 0;
        lr_extension(content, ext, sizeof ext);
    } else if (game && !path && data) {
        lr_log(RETRO_LOG_ERROR, "content without a file name: cannot tell which machine takes it");
        free(in);
        return false;
    }

    const struct fdx_machine_desc *d = choose_machine(content, data, size);
    if (!d) {
        if (content) lr_log(RETRO_LOG_ERROR, "%s: no machine takes .%s files", content, ext);
        else lr_log(RETRO_LOG_ERROR, "no machine is built into this core");
        free(in);
        return false;
    }
    const struct fdx_media_slot_desc *slot = content ? lr_slot_for_ext(d, ext) : NULL;
    if (content && !slot) {
        lr_log(RETRO_LOG_ERROR, "%s: %s takes no .%s files", content, d->name, ext);
        free(in);
        return false;
    }
    in->desc = d;
    in->profile = lr_profile_for(d->name);
    const char *savedir = NULL;
    if (env(RETRO_ENVIRONMENT_GET_SAVE_DIRECTORY, &savedir) && savedir && savedir[0])
        snprintf(in->save_dir, sizeof in->save_dir, "%s", savedir);
    snprintf(in->content_path, sizeof in->content_path, "%s", path ? path : "");
    if (collect_options(in, d)) {
        lr_log(RETRO_LOG_ERROR, "too many core options");
        free(in);
        return false;
    }

    /* firmware: the frontend's system directory, fdx/ inside it first */
    const char *sysdir = NULL;
    if (env(RETRO_ENVIRONMENT_GET_SYSTEM_DIRECTORY, &sysdir) && sysdir && sysdir[0]) {
        snprintf(in->rom_path, sizeof in->rom_path, "%s/fdx:%s", sysdir, sysdir);
        in->opts.rom_path = in->rom_path;
    }

    /* disks are loaded by path (the machine keeps them); a cartridge from
     * memory when the frontend gave us its bytes */
    bool from_memory = content && data && !lr_slot_is_disk(slot);
    if (content && lr_slot_is_disk(slot)) {
        in->has_disks = true;
        if (in->disks.count == 0) lr_disks_add(&in->disks, content);
        if (g.initial_path[0] && g.initial_index < in->disks.count &&
            !strcmp(in->disks.path[g.initial_index], g.initial_path))
            in->disks.index = g.initial_index;
        content = disk_file(in, in->disks.index, &err);
        if (!content) {
            lr_log(RETRO_LOG_ERROR, "%s", err.msg);
            free(in);
            return false;
        }
    }
    if (content && !from_memory) fdx_options_add_arg(&in->opts, content);

    in->m = fdx_machine_create(d, &in->opts, NULL, &err);
    if (!in->m) {
        lr_log(RETRO_LOG_ERROR, "%s: %s", d->name, err.msg);
        free(in);
        return false;
    }
    if (from_memory) {
        if (fdx_machine_insert_data(in->m, slot->name, data, size, path, &err)) {
            lr_log(RETRO_LOG_ERROR, "%s: %s", path, err.msg);
            free_instance(in);
            return false;
        }
        fdx_machine_reset(in->m, true);
    }

    enum retro_pixel_format fmt = RETRO_PIXEL_FORMAT_XRGB8888;
    if (!env(RETRO_ENVIRONMENT_SET_PIXEL_FORMAT, &fmt)) {
        lr_log(RETRO_LOG_ERROR, "the frontend does not take XRGB8888 video");
        free_instance(in);
        return false;
    }
    in->rate = in->m->audio.in_rate ? in->m->audio.in_rate : 48000;
    fdx_machine_set_audio_rate(in->m, in->rate);
    take_geometry(in);
    in->port_device[0] = in->port_device[1] = RETRO_DEVICE_JOYPAD;
    g.inst = in;
    update_option_display();
    find_memory(in);
    bool achievements = in->nmem > 0;   /* memory maps: cheats and RetroAchievements */
    env(RETRO_ENVIRONMENT_SET_SUPPORT_ACHIEVEMENTS, &achievements);
    set_descriptors(in);
    for (const struct lr_switch_map *s = in->profile->switches; s->label; s++)
        if (s->toggle && s->option && s->index < LR_MAX_SWITCHES) {
            const char *v = fdx_machine_opt_string(in->m, s->option, 0);
            in->switch_on[s->index] = v && !strcmp(v, s->on_value);
        }
    if (in->profile->keyboard) {
        struct retro_keyboard_callback kb = {keyboard_event};
        env(RETRO_ENVIRONMENT_SET_KEYBOARD_CALLBACK, &kb);
    }
    const char *shown = in->has_disks ? in->disks.path[in->disks.index] : content;
    lr_log(RETRO_LOG_INFO, "%s (%s)%s%s", d->title, d->name, shown ? ": " : "", shown ? shown : "");
    return true;
}

RETRO_API bool retro_load_game_special(unsigned type, const struct retro_game_info *info, size_t num)
{
    (void)type;
    (void)info;
    (void)num;
    return false;
}

RETRO_API void retro_unload_game(void)
{
    free_instance(g.inst);
    g.inst = NULL;
}

RETRO_API unsigned retro_get_region(void)
{
    struct lr_instance *in = g.inst;
    return in && in->fps_num < 55 * in->fps_den ? RETRO_REGION_PAL : RETRO_REGION_NTSC;
}

RETRO_API void retro_get_system_av_info(struct retro_system_av_info *info)
{
    memset(info, 0, sizeof *info);
    struct lr_instance *in = g.inst;
    if (!in) return;
    info->geometry.base_width = in->width;
    info->geometry.base_height = in->height;
    info->geometry.max_width = in->max_width;
    info->geometry.max_height = in->max_height;
    info->geometry.aspect_ratio = aspect(in);
    info->timing.fps = (double)in->fps_num / in->fps_den;
    info->timing.sample_rate = in->rate;
}

RETRO_API void retro_set_controller_port_device(unsigned port, unsigned device)
{
    if (g.inst && port < 2) g.inst->port_device[port] = device;
}

RETRO_API void retro_reset(void)
{
    if (g.inst) fdx_machine_reset(g.inst->m, true);
}

/* ---- running ---------------------------------------------------------------- */

static void send(struct lr_instance *in, enum fdx_input_kind kind, unsigned port, unsigned code, int32_t value)
{
    struct fdx_input_event ev = {kind, port, code, value};
    fdx_machine_input(in->m, &ev);
}

/* The whole input state goes to the machine every frame, so a machine
 * restored from a state (run-ahead, rewind, netplay) sees the same input. */
static void apply_input(struct lr_instance *in)
{
    if (g.input_poll) g.input_poll();
    for (unsigned p = 0; p < in->profile->ports && p < 2 && g.input_state; p++) {
        static const struct {
            unsigned id;
            uint32_t bit;
        } map[] = {
            {RETRO_DEVICE_ID_JOYPAD_UP, FDX_JOY_UP},     {RETRO_DEVICE_ID_JOYPAD_DOWN, FDX_JOY_DOWN},
            {RETRO_DEVICE_ID_JOYPAD_LEFT, FDX_JOY_LEFT}, {RETRO_DEVICE_ID_JOYPAD_RIGHT, FDX_JOY_RIGHT},
            {RETRO_DEVICE_ID_JOYPAD_B, FDX_JOY_FIRE},    {RETRO_DEVICE_ID_JOYPAD_A, FDX_JOY_FIRE2},
            {RETRO_DEVICE_ID_JOYPAD_Y, FDX_JOY_FIRE3},
        };
        uint32_t bits = 0;
        for (unsigned i = 0; i < sizeof map / sizeof map[0]; i++)
            if (g.input_state(p, RETRO_DEVICE_JOYPAD, 0, map[i].id)) bits |= map[i].bit;
        send(in, FDX_INPUT_JOYSTICK, p, 0, (int32_t)bits);
        if (in->profile->paddles && in->port_device[p] == LR_DEVICE_PADDLES) {
            int16_t a = g.input_state(p, RETRO_DEVICE_ANALOG, RETRO_DEVICE_INDEX_ANALOG_LEFT, RETRO_DEVICE_ID_ANALOG_X);
            int16_t b = g.input_state(p, RETRO_DEVICE_ANALOG, RETRO_DEVICE_INDEX_ANALOG_RIGHT, RETRO_DEVICE_ID_ANALOG_X);
            send(in, FDX_INPUT_PADDLE, 2 * p, 0, a);
            send(in, FDX_INPUT_PADDLE, 2 * p + 1, 0, b);
        }
    }
    for (const struct lr_switch_map *s = in->profile->switches; g.input_state && s->label; s++) {
        if (s->index >= LR_MAX_SWITCHES) continue;
        bool down = g.input_state(0, RETRO_DEVICE_JOYPAD, 0, s->retro_id) != 0;
        if (s->toggle) {
            /* only a press changes a toggle: the machine keeps its position
             * (in its state), which starts where its option put it */
            if (down && !in->switch_held[s->index]) {
                in->switch_on[s->index] = !in->switch_on[s->index];
                send(in, FDX_INPUT_SWITCH, 0, s->index, in->switch_on[s->index]);
            }
            in->switch_held[s->index] = down;
        } else send(in, FDX_INPUT_SWITCH, 0, s->index, down);
    }
    for (unsigned i = 0; i < in->keyq_n; i++) send(in, FDX_INPUT_KEY, 0, in->keyq[i].code, in->keyq[i].down);
    in->keyq_n = 0;
}

static void output_video(struct lr_instance *in, bool enabled)
{
    const struct fdx_frame *f = fdx_machine_frame(in->m);
    if (f->pixels && f->width && f->height && (f->width != in->width || f->height != in->height)) {
        bool grow = f->width > in->max_width || f->height > in->max_height;
        take_geometry(in);
        struct retro_system_av_info av;
        retro_get_system_av_info(&av);
        env(grow ? RETRO_ENVIRONMENT_SET_SYSTEM_AV_INFO : RETRO_ENVIRONMENT_SET_GEOMETRY,
            grow ? (void *)&av : (void *)&av.geometry);
    }
    if (!g.video) return;
    /* the first picture always goes out: a frontend that has none may
     * crash when asked for a screenshot (RetroArch 1.14 with video off) */
    if ((enabled || !in->sent_frame) && f->pixels) {
        g.video(f->pixels, f->width, f->height, (size_t)f->pitch * 4);
        in->sent_frame = true;
    } else g.video(NULL, in->width, in->height, 0);
}

static void output_audio(struct lr_instance *in, bool enabled)
{
    size_t total = 0, n;
    while ((n = fdx_machine_audio(in->m, in->audio, LR_AUDIO_CHUNK)) > 0) {
        total += n;
        if (enabled && g.audio_batch) g.audio_batch(in->audio, n);
    }
    if (total || !enabled || !g.audio_batch) return;
    /* a machine without sound still feeds the frontend's audio clock */
    in->silence_acc += (uint64_t)in->rate * in->fps_den;
    size_t frames = (size_t)(in->silence_acc / in->fps_num);
    in->silence_acc %= in->fps_num;
    memset(in->audio, 0, sizeof in->audio);
    while (frames) {
        size_t k = frames < LR_AUDIO_CHUNK ? frames : LR_AUDIO_CHUNK;
        g.audio_batch(in->audio, k);
        frames -= k;
    }
}

RETRO_API void retro_run(void)
{
    struct lr_instance *in = g.inst;
    if (!in) return;
    bool updated = false;
    if (env(RETRO_ENVIRONMENT_GET_VARIABLE_UPDATE, &updated) && updated) read_runtime_options(in);
    in->runs++;
    apply_input(in);
    enum fdx_run_result r = fdx_machine_run_frame(in->m);
    if (r == FDX_RUN_ERROR) lr_log(RETRO_LOG_ERROR, "%s stopped with an error", in->desc->name);
    int av = 3;
    if (!env(RETRO_ENVIRONMENT_GET_AUDIO_VIDEO_ENABLE, &av)) av = 3;
    output_video(in, (av & 1) || in->render_hidden);
    output_audio(in, (av & 2) != 0);
}

/* ---- save states ---------------------------------------------------------- */

static void put32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++) p[i] = (uint8_t)(v >> (8 * i));
}
static uint32_t get32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

RETRO_API size_t retro_serialize_size(void)
{
    if (!g.inst) lr_log(RETRO_LOG_DEBUG, "state size asked for before content was loaded");
    return g.inst ? LR_STATE_HEADER + fdx_machine_state_size(g.inst->m) : 0;
}

RETRO_API bool retro_serialize(void *data, size_t size)
{
    struct lr_instance *in = g.inst;
    if (!in || size < LR_STATE_HEADER) return false;
    uint8_t *p = data;
    memcpy(p, LR_STATE_MAGIC, 8);
    put32(p + 8, in->disks.index);
    put32(p + 12, in->disks.ejected ? 1u : 0u);
    struct fdx_err err;
    if (fdx_machine_save(in->m, p + LR_STATE_HEADER, size - LR_STATE_HEADER, &err)) {
        lr_log(RETRO_LOG_ERROR, "saving state: %s", err.msg);
        return false;
    }
    return true;
}

RETRO_API bool retro_unserialize(const void *data, size_t size)
{
    struct lr_instance *in = g.inst;
    if (!in) return false;
    const uint8_t *p = data;
    if (size < LR_STATE_HEADER || memcmp(p, LR_STATE_MAGIC, 8) != 0) {
        lr_log(RETRO_LOG_ERROR, "not an fdx_libretro save state (or from another version)");
        return false;
    }
    size_t want = retro_serialize_size();
    if (size > want) size = want;   /* some frontends hand over a padded buffer */
    struct fdx_err err;
    if (fdx_machine_load(in->m, p + LR_STATE_HEADER, size - LR_STATE_HEADER, &err)) {
        lr_log(RETRO_LOG_ERROR, "%s", err.msg);
        return false;
    }
    if (!in->restored) {
        /* tells a test how many frames of the session ran before the
         * frontend's first load (RetroArch auto-loads in a background task) */
        lr_log(RETRO_LOG_INFO, "first state loaded after %llu frames", (unsigned long long)in->runs);
        in->restored = true;
    }
    uint32_t index = get32(p + 8);
    if (index <= in->disks.count) in->disks.index = index;
    in->disks.ejected = (get32(p + 12) & 1) != 0;
    return true;
}

RETRO_API void retro_cheat_reset(void) {}
RETRO_API void retro_cheat_set(unsigned index, bool enabled, const char *code)
{
    (void)index;
    (void)enabled;
    (void)code;
}

/* ---- memory ----------------------------------------------------------------- */

RETRO_API void *retro_get_memory_data(unsigned id)
{
    struct lr_instance *in = g.inst;
    if (!in || id != RETRO_MEMORY_SYSTEM_RAM || !in->nmem) return NULL;
    return in->mem[0].ptr;
}

RETRO_API size_t retro_get_memory_size(unsigned id)
{
    struct lr_instance *in = g.inst;
    if (!in || id != RETRO_MEMORY_SYSTEM_RAM || !in->nmem) return 0;
    return in->mem[0].len;
}

/* ---- disk control ------------------------------------------------------------ */

static const struct fdx_media_slot_desc *drive_slot(struct lr_instance *in)
{
    const struct fdx_media_slot_desc *s = lr_disk_slot(in->desc, NULL, in->drive);
    return s ? s : lr_disk_slot(in->desc, NULL, 0);
}

static bool disk_set_eject_state(bool ejected)
{
    struct lr_instance *in = g.inst;
    if (!in || !in->has_disks) return false;
    if (ejected == in->disks.ejected) return true;
    const struct fdx_media_slot_desc *slot = drive_slot(in);
    struct fdx_err err;
    if (!ejected && in->disks.index < in->disks.count && in->disks.path[in->disks.index][0]) {
        const char *file = disk_file(in, in->disks.index, &err);
        if (!file || fdx_machine_insert(in->m, slot->name, file, &err)) {
            lr_log(RETRO_LOG_ERROR, "%s", err.msg);
            return false;
        }
        lr_log(RETRO_LOG_INFO, "%s: %s", slot->name, lr_basename(in->disks.path[in->disks.index]));
    } else if (ejected) {
        /* an empty insert is the machine's eject; machines without it keep
         * the old disk until the next one goes in */
        if (fdx_machine_insert_data(in->m, slot->name, NULL, 0, NULL, &err))
            lr_log(RETRO_LOG_INFO, "%s: %s", slot->name, err.msg);
    }
    in->disks.ejected = ejected;
    return true;
}

static bool disk_get_eject_state(void)
{
    return g.inst && g.inst->disks.ejected;
}

static unsigned disk_get_image_index(void)
{
    return g.inst ? g.inst->disks.index : 0;
}

static bool disk_set_image_index(unsigned index)
{
    struct lr_instance *in = g.inst;
    if (!in || !in->has_disks || !in->disks.ejected || index > in->disks.count) return false;
    in->disks.index = index;
    return true;
}

static unsigned disk_get_num_images(void)
{
    return g.inst ? g.inst->disks.count : 0;
}

static bool disk_replace_image_index(unsigned index, const struct retro_game_info *info)
{
    struct lr_instance *in = g.inst;
    if (!in || !in->has_disks || index >= in->disks.count) return false;
    const char *path = info && info->path ? info->path : "";
    if (strlen(path) >= LR_PATH_MAX) return false;
    snprintf(in->disks.path[index], LR_PATH_MAX, "%s", path);
    return true;
}

static bool disk_add_image_index(void)
{
    struct lr_instance *in = g.inst;
    return in && in->has_disks && lr_disks_add(&in->disks, "") >= 0;
}

static bool disk_set_initial_image(unsigned index, const char *path)
{
    g.initial_index = index;
    snprintf(g.initial_path, sizeof g.initial_path, "%s", path ? path : "");
    return true;
}

static bool disk_get_image_path(unsigned index, char *path, size_t len)
{
    struct lr_instance *in = g.inst;
    /* RetroArch checks the initial image's path even for a cartridge */
    if (in && !in->has_disks && index == 0 && in->content_path[0] && len) {
        snprintf(path, len, "%s", in->content_path);
        return true;
    }
    if (!in || index >= in->disks.count || !in->disks.path[index][0] || !len) return false;
    snprintf(path, len, "%s", in->disks.path[index]);
    return true;
}

static bool disk_get_image_label(unsigned index, char *label, size_t len)
{
    struct lr_instance *in = g.inst;
    if (!in || index >= in->disks.count || !in->disks.path[index][0] || !len) return false;
    snprintf(label, len, "%s", lr_basename(in->disks.path[index]));
    return true;
}
