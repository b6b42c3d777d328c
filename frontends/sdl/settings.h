/* The desktop app's settings: one table of named settings shared by the
 * command line (--scale 3) and the configuration file (scale = 3), and the
 * launch description built from both (which machine, its options, media).
 * Pure C on top of libfdx, no SDL: unit-tested on its own. */
#ifndef FDX_SDL_SETTINGS_H
#define FDX_SDL_SETTINGS_H

#include <stdbool.h>
#include <stdint.h>

#include "fdx/fdx.h"
#include "ini.h"

enum { FDX_GUI_NEAREST, FDX_GUI_LINEAR };
enum { FDX_GUI_PADDLE_OFF, FDX_GUI_PADDLE_MOUSE, FDX_GUI_PADDLE_STICK };

#define FDX_GUI_MAX_BINDINGS 96

/* "map.joy0.up = Up,Keypad 8": an action and the key names bound to it. */
struct fdx_gui_binding {
    const char *action;
    const char *keys;
};

struct fdx_gui_settings {
    bool fullscreen, integer_scale, aspect, mute, osd, headless, capture, kbjoy;
    int filter, paddle;
    unsigned scale, audio_rate, latency_ms, speed, rewind_seconds;
    uint64_t frames;            /* stop after this many frames (0: run until closed) */
    const char *state;          /* load this state at start */
    const char *screenshot_dir, *state_dir;
    const char *screenshot;     /* headless: write the last frame here */
    const char *rom_path;
    unsigned nbind;
    struct fdx_gui_binding bind[FDX_GUI_MAX_BINDINGS];
};

void fdx_gui_settings_defaults(struct fdx_gui_settings *s);
/* Sets one setting by name. Returns 1 when set, 0 when key is not a
 * setting of the app, -1 on a bad value (message in err). */
int fdx_gui_setting(struct fdx_gui_settings *s, const char *key, const char *value, struct fdx_err *err);
/* true for on/off settings, which may be given bare on the command line. */
bool fdx_gui_setting_is_flag(const char *key);
/* The key names bound to action (last binding wins), or NULL. */
const char *fdx_gui_binding(const struct fdx_gui_settings *s, const char *action);

typedef void (*fdx_gui_log_fn)(void *ctx, const char *msg);

#define FDX_GUI_MAX_SLOTS 8
#define FDX_GUI_MAX_SAVED 64

/* Everything the app needs to start. */
struct fdx_gui_launch {
    const struct fdx_machine_desc *desc;
    bool default_machine;       /* nothing named: the built-in default */
    struct fdx_options opts;    /* machine options and positional media */
    unsigned nslot;             /* --cart FILE, --disk1 FILE ...: inserted after create */
    const char *slot[FDX_GUI_MAX_SLOTS], *slot_file[FDX_GUI_MAX_SLOTS];
    struct fdx_gui_settings set;
    struct fdx_ini ini;         /* the configuration file (strings above may point into it) */
    char config_path[1024];
    bool config_loaded, save_config, help;
    bool model_is_machine;      /* --model NAME named the machine */
    /* what the command line gave, for --save-config */
    unsigned nsaved;
    const char *saved_key[FDX_GUI_MAX_SAVED], *saved_val[FDX_GUI_MAX_SAVED];
    bool saved_machine_opt[FDX_GUI_MAX_SAVED];
};

/* Finds a machine in extra (may be NULL) then in the registry. */
const struct fdx_machine_desc *fdx_gui_find_machine(const char *name, const struct fdx_machine_desc *const *extra);

/* The configuration file: --config, else $XDG_CONFIG_HOME/fdx/fdx.ini
 * (~/.config/fdx/fdx.ini). */
void fdx_gui_config_path(char *out, size_t size, const char *given);

/* Parses the command line (argv[0] is the program), reads the config file,
 * picks the machine (named, guessed from the first media file, or the
 * built-in default) and fills L. Warnings (bad config lines) go to log.
 * Returns 0, or -1 with a one-line message in err. Free with
 * fdx_gui_launch_free. */
int fdx_gui_launch_parse(struct fdx_gui_launch *L, int argc, char **argv, const struct fdx_machine_desc *const *extra,
                         fdx_gui_log_fn log, void *ctx, struct fdx_err *err);
void fdx_gui_launch_free(struct fdx_gui_launch *L);
/* Writes what the command line gave into the config file (--save-config). */
int fdx_gui_save_config(struct fdx_gui_launch *L, struct fdx_err *err);

/* Which machine file is for: the highest probe score over extra and the
 * registry. Returns NULL with a message when none recognises it. */
const struct fdx_machine_desc *fdx_gui_guess_machine(const char *path, const struct fdx_machine_desc *const *extra,
                                                     struct fdx_err *err);

#endif
