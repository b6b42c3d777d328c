/* The desktop app's settings and command line (see settings.h). */
#include "settings.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

enum kind { K_BOOL, K_UINT, K_U64, K_STR, K_CHOICE };

struct setting {
    const char *name;
    enum kind kind;
    size_t offset;
    uint64_t min, max;          /* K_UINT, K_U64 */
    const char *choices;        /* K_CHOICE: '|'-separated, stored as the index */
};

#define OFF(f) offsetof(struct fdx_gui_settings, f)
static const struct setting settings[] = {
    {"fullscreen", K_BOOL, OFF(fullscreen), 0, 0, NULL},
    {"integer-scale", K_BOOL, OFF(integer_scale), 0, 0, NULL},
    {"aspect", K_BOOL, OFF(aspect), 0, 0, NULL},
    {"mute", K_BOOL, OFF(mute), 0, 0, NULL},
    {"osd", K_BOOL, OFF(osd), 0, 0, NULL},
    {"headless", K_BOOL, OFF(headless), 0, 0, NULL},
    {"capture", K_BOOL, OFF(capture), 0, 0, NULL},
    {"kbjoy", K_BOOL, OFF(kbjoy), 0, 0, NULL},
    {"filter", K_CHOICE, OFF(filter), 0, 0, "nearest|linear"},
    {"paddle", K_CHOICE, OFF(paddle), 0, 0, "off|mouse|stick"},
    {"scale", K_UINT, OFF(scale), 1, 16, NULL},
    {"audio-rate", K_UINT, OFF(audio_rate), 8000, 192000, NULL},
    {"latency", K_UINT, OFF(latency_ms), 10, 1000, NULL},
    {"speed", K_UINT, OFF(speed), 10, 1000, NULL},
    {"rewind", K_UINT, OFF(rewind_seconds), 0, 600, NULL},
    {"frames", K_U64, OFF(frames), 0, UINT64_MAX, NULL},
    {"state", K_STR, OFF(state), 0, 0, NULL},
    {"screenshot-dir", K_STR, OFF(screenshot_dir), 0, 0, NULL},
    {"state-dir", K_STR, OFF(state_dir), 0, 0, NULL},
    {"screenshot", K_STR, OFF(screenshot), 0, 0, NULL},
    {"rom-path", K_STR, OFF(rom_path), 0, 0, NULL},
};
#undef OFF

void fdx_gui_settings_defaults(struct fdx_gui_settings *s)
{
    memset(s, 0, sizeof *s);
    s->aspect = true;
    s->osd = true;
    s->kbjoy = true;
    s->filter = FDX_GUI_NEAREST;
    s->paddle = FDX_GUI_PADDLE_MOUSE;
    s->scale = 3;
    s->audio_rate = 48000;
    s->latency_ms = 60;
    s->speed = 100;
    s->rewind_seconds = 20;
}

static const struct setting *find_setting(const char *key)
{
    for (size_t i = 0; i < sizeof settings / sizeof settings[0]; i++)
        if (!strcasecmp(settings[i].name, key)) return &settings[i];
    return NULL;
}

bool fdx_gui_setting_is_flag(const char *key)
{
    const struct setting *st = find_setting(key);
    return st && st->kind == K_BOOL;
}

static int parse_bool(const char *v, bool *out)
{
    if (!strcasecmp(v, "on") || !strcasecmp(v, "yes") || !strcasecmp(v, "true") || !strcmp(v, "1")) *out = true;
    else if (!strcasecmp(v, "off") || !strcasecmp(v, "no") || !strcasecmp(v, "false") || !strcmp(v, "0")) *out = false;
    else return -1;
    return 0;
}

/* Index of v among the '|'-separated words of list, or -1. */
static int choice_index(const char *list, const char *v)
{
    int idx = 0;
    size_t n = strlen(v);
    for (const char *p = list; *p; idx++) {
        const char *bar = strchr(p, '|');
        size_t len = bar ? (size_t)(bar - p) : strlen(p);
        if (len == n && !strncasecmp(p, v, n)) return idx;
        if (!bar) break;
        p = bar + 1;
    }
    return -1;
}

int fdx_gui_setting(struct fdx_gui_settings *s, const char *key, const char *value, struct fdx_err *err)
{
    if (!strncasecmp(key, "map.", 4)) {
        if (!key[4]) return fdx_err_set(err, "map. needs an action, e.g. map.joy0.fire");
        if (s->nbind >= FDX_GUI_MAX_BINDINGS) return fdx_err_set(err, "too many key bindings");
        s->bind[s->nbind].action = key + 4;
        s->bind[s->nbind].keys = value;
        s->nbind++;
        return 1;
    }
    const struct setting *st = find_setting(key);
    if (!st) return 0;
    char *field = (char *)s + st->offset;
    uint64_t u;
    switch (st->kind) {
    case K_BOOL:
        if (parse_bool(value, (bool *)field)) return fdx_err_set(err, "--%s wants on or off, not '%s'", st->name, value);
        break;
    case K_UINT:
    case K_U64:
        if (fdx_parse_u64(value, &u) || u < st->min || u > st->max) {
            if (st->kind == K_U64) return fdx_err_set(err, "--%s wants a number, not '%s'", st->name, value);
            return fdx_err_set(err, "--%s wants a number from %llu to %llu, not '%s'", st->name,
                               (unsigned long long)st->min, (unsigned long long)st->max, value);
        }
        if (st->kind == K_U64) *(uint64_t *)field = u;
        else *(unsigned *)field = (unsigned)u;
        break;
    case K_STR:
        if (!*value) return fdx_err_set(err, "--%s wants a value", st->name);
        *(const char **)field = value;
        break;
    case K_CHOICE: {
        int i = choice_index(st->choices, value);
        if (i < 0) return fdx_err_set(err, "--%s wants one of %s, not '%s'", st->name, st->choices, value);
        *(int *)field = i;
        break;
    }
    }
    return 1;
}

const char *fdx_gui_binding(const struct fdx_gui_settings *s, const char *action)
{
    for (unsigned i = s->nbind; i-- > 0;)
        if (!strcasecmp(s->bind[i].action, action)) return s->bind[i].keys;
    return NULL;
}

/* ---- machines ----------------------------------------------------------- */

const struct fdx_machine_desc *fdx_gui_find_machine(const char *name, const struct fdx_machine_desc *const *extra)
{
    for (const struct fdx_machine_desc *const *p = extra; p && *p; p++)
        if (!strcasecmp((*p)->name, name)) return *p;
    return fdx_machine_find(name);
}

static int probe_list(const struct fdx_machine_desc *const *list, const uint8_t *data, size_t size, const char *path,
                      const struct fdx_machine_desc **best, int *best_score)
{
    for (const struct fdx_machine_desc *const *p = list; p && *p; p++) {
        if (!(*p)->probe) continue;
        char what[200] = "";
        int score = (*p)->probe(data, size, path, what, sizeof what);
        if (score > *best_score) {
            *best_score = score;
            *best = *p;
        }
    }
    return 0;
}

const struct fdx_machine_desc *fdx_gui_guess_machine(const char *path, const struct fdx_machine_desc *const *extra,
                                                     struct fdx_err *err)
{
    uint8_t *data;
    size_t size;
    struct stat st;
    if (!strchr(path, '/') && !strchr(path, '.') && stat(path, &st) != 0) {
        /* a word, not a file: most likely a mistyped machine name */
        fdx_err_set(err, "no machine or file called '%s' (fdx list shows the machines)", path);
        return NULL;
    }
    if (fdx_file_read(path, FDX_MEDIA_MAX_SIZE, &data, &size, err)) return NULL;
    const struct fdx_machine_desc *best = NULL;
    int score = 0;
    probe_list(extra, data, size, path, &best, &score);
    probe_list(fdx_machines(), data, size, path, &best, &score);
    free(data);
    if (!best)
        fdx_err_set(err, "cannot tell which machine %s is for; name it: fdx MACHINE %s (fdx list shows them)", path,
                    path);
    return best;
}

/* The built-in default: the first of these that is built in. */
static const struct fdx_machine_desc *default_machine(const struct fdx_machine_desc *const *extra)
{
    static const char *const preferred[] = {"atari2600", "apple2e", "apple2p", NULL};
    for (const char *const *p = preferred; *p; p++)
        if (fdx_machine_find(*p)) return fdx_machine_find(*p);
    if (extra && *extra) return *extra;
    const struct fdx_machine_desc *const *all = fdx_machines();
    return *all;
}

static bool has_option(const struct fdx_machine_desc *d, const char *name, size_t len, enum fdx_option_type *type)
{
    for (const struct fdx_option_desc *o = d->options; o && o->name; o++)
        if (strlen(o->name) == len && !strncmp(o->name, name, len)) {
            if (type) *type = o->type;
            return true;
        }
    return false;
}

static bool has_slot(const struct fdx_machine_desc *d, const char *name, size_t len)
{
    for (const struct fdx_media_slot_desc *s = d->slots; s && s->name; s++)
        if (strlen(s->name) == len && !strncmp(s->name, name, len)) return true;
    return false;
}

/* Pass 1 only: does --name take the next argument as its value in any
 * machine? (Bare on/off options do not.) */
static bool any_takes_value(const struct fdx_machine_desc *const *extra, const char *name, size_t len)
{
    const struct fdx_machine_desc *const *lists[2] = {extra, fdx_machines()};
    for (int l = 0; l < 2; l++)
        for (const struct fdx_machine_desc *const *p = lists[l]; p && *p; p++) {
            enum fdx_option_type t;
            if (has_slot(*p, name, len)) return true;
            if (has_option(*p, name, len, &t) && t != FDX_OPT_BOOL) return true;
        }
    return false;
}

static bool is_positional(const char *a)
{
    return a[0] != '-' || !a[1];
}

/* First pass: the first positional argument, skipping option values. */
static const char *first_positional(int argc, char **argv, const struct fdx_machine_desc *const *extra)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--")) return i + 1 < argc ? argv[i + 1] : NULL;
        if (is_positional(a)) return a;
        if (a[1] != '-') continue;
        const char *name = a + 2;
        if (strchr(name, '=')) continue;
        size_t len = strlen(name);
        bool takes = !strcmp(name, "config") || !strcmp(name, "model") || (find_setting(name) && !fdx_gui_setting_is_flag(name)) ||
                     !strncasecmp(name, "map.", 4) || any_takes_value(extra, name, len);
        bool b;
        if (takes || (i + 1 < argc && !parse_bool(argv[i + 1], &b))) i++;
    }
    return NULL;
}

static int save_cli(struct fdx_gui_launch *L, const char *key, const char *val, bool machine_opt, struct fdx_err *err)
{
    if (L->nsaved >= FDX_GUI_MAX_SAVED) return fdx_err_set(err, "too many options");
    L->saved_key[L->nsaved] = key;
    L->saved_val[L->nsaved] = val;
    L->saved_machine_opt[L->nsaved] = machine_opt;
    L->nsaved++;
    return 0;
}

/* Second pass, with the machine known: every option, strictly. */
static int parse_strict(struct fdx_gui_launch *L, int argc, char **argv, int first, struct fdx_err *err)
{
    const struct fdx_machine_desc *d = L->desc;
    bool only_args = false;
    for (int i = first; i < argc; i++) {
        const char *a = argv[i];
        if (only_args || is_positional(a)) {
            if (fdx_options_add_arg(&L->opts, a)) return fdx_err_set(err, "too many arguments");
            if (d->program_args) only_args = true;
            continue;
        }
        if (!strcmp(a, "--")) {
            only_args = true;
            continue;
        }
        if (!strcmp(a, "-f")) a = "--fullscreen";
        else if (!strcmp(a, "-h")) a = "--help";
        if (a[1] != '-') return fdx_err_set(err, "unknown option '%s' (options are written --name; see fdx --help)", a);
        const char *name = a + 2;
        const char *eq = strchr(name, '=');
        size_t len = eq ? (size_t)(eq - name) : strlen(name);
        const char *value = eq ? eq + 1 : NULL;
        char key[128];
        if (len >= sizeof key) return fdx_err_set(err, "unknown option '%s'", a);
        memcpy(key, name, len);
        key[len] = 0;
        if (!strcmp(key, "help")) {
            L->help = true;
            continue;
        }
        if (!strcmp(key, "save-config")) {
            L->save_config = true;
            continue;
        }
        bool flag = fdx_gui_setting_is_flag(key);
        enum fdx_option_type t = FDX_OPT_STRING;
        bool mopt = has_option(d, key, len, &t);
        if (!mopt && !find_setting(key) && !has_slot(d, key, len) && strcmp(key, "config") && strcmp(key, "model") &&
            strncasecmp(key, "map.", 4))
            return fdx_err_set(err, "%s has no option or media slot --%s (see fdx --help and fdx list)", d->name, key);
        if (!value && (flag || (mopt && t == FDX_OPT_BOOL))) {
            /* --osd off as well as --osd=off and a bare --osd */
            bool b;
            if (i + 1 < argc && !parse_bool(argv[i + 1], &b)) value = argv[++i];
            else value = "on";
        }
        if (!value) {
            if (i + 1 >= argc) return fdx_err_set(err, "--%s needs a value", key);
            value = argv[++i];
        }
        if (!strcmp(key, "config")) continue;  /* read before this pass */
        if (!strcmp(key, "model") && !mopt) {
            if (L->model_is_machine) continue;  /* chose the machine before this pass */
            return fdx_err_set(err, "--model: no machine called '%s' (fdx list shows them)", value);
        }
        if (has_slot(d, key, len)) {
            if (L->nslot >= FDX_GUI_MAX_SLOTS) return fdx_err_set(err, "too many media options");
            const struct fdx_media_slot_desc *s = d->slots;
            while (strcmp(s->name, key)) s++;
            L->slot[L->nslot] = s->name;  /* the description's copy outlives argv parsing */
            L->slot_file[L->nslot++] = value;
            continue;
        }
        /* keys must outlive this function: the table's copy, or argv's */
        const char *stable = NULL;
        if (!strncasecmp(key, "map.", 4)) {
            if (eq) return fdx_err_set(err, "write --%s KEYS, not --%s=KEYS", key, key);
            stable = name;
        } else if (find_setting(key)) stable = find_setting(key)->name;
        if (stable) {
            if (fdx_gui_setting(&L->set, stable, value, err) < 0) return -1;
            if (save_cli(L, stable, value, false, err)) return -1;
            continue;
        }
        if (mopt) {
            const struct fdx_option_desc *od = d->options;
            while (strcmp(od->name, key)) od++;
            if (fdx_options_add(&L->opts, od->name, value)) return fdx_err_set(err, "too many options");
            if (save_cli(L, od->name, value, true, err)) return -1;
            continue;
        }
        return fdx_err_set(err, "%s has no option or media slot --%s (see fdx --help and fdx list)", d->name, key);
    }
    return 0;
}

void fdx_gui_config_path(char *out, size_t size, const char *given)
{
    if (given) {
        snprintf(out, size, "%s", given);
        return;
    }
    const char *xdg = getenv("XDG_CONFIG_HOME");
    const char *home = getenv("HOME");
    if (xdg && *xdg) snprintf(out, size, "%s/fdx/fdx.ini", xdg);
    else snprintf(out, size, "%s/.config/fdx/fdx.ini", home && *home ? home : ".");
}

struct warn_ctx {
    fdx_gui_log_fn log;
    void *ctx;
    const char *path;
};

static void ini_warn(void *c, unsigned line, const char *msg)
{
    struct warn_ctx *w = c;
    char buf[1200];
    snprintf(buf, sizeof buf, "%s:%u: %s (line ignored)", w->path, line, msg);
    if (w->log) w->log(w->ctx, buf);
}

static void logf_(struct warn_ctx *w, const char *fmt, const char *a, const char *b)
{
    char buf[1400];
    snprintf(buf, sizeof buf, fmt, w->path, a, b);
    if (w->log) w->log(w->ctx, buf);
}

static bool cli_has_option(const struct fdx_options *o, const char *key)
{
    return fdx_options_get(o, key, 0) != NULL;
}

/* Applies [global] and then [machine] of the config file. Bad values are
 * warnings: a config file never stops the app from starting. */
static int apply_config(struct fdx_gui_launch *L, struct warn_ctx *w, struct fdx_options *cli_opts, struct fdx_err *err)
{
    const char *sections[2] = {"global", L->desc->name};
    for (int s = 0; s < 2; s++)
        for (size_t i = 0; i < L->ini.count; i++) {
            const struct fdx_ini_entry *e = &L->ini.entries[i];
            if (strcasecmp(e->section, sections[s])) continue;
            struct fdx_err e2;
            int r = fdx_gui_setting(&L->set, e->key, e->value, &e2);
            if (r < 0) {
                logf_(w, "%s: [%s] %s (ignored)", e->section, e2.msg);
                continue;
            }
            if (r > 0) continue;
            if (s == 1 && has_option(L->desc, e->key, strlen(e->key), NULL)) {
                if (cli_has_option(cli_opts, e->key)) continue;   /* the command line wins */
                const struct fdx_option_desc *od = L->desc->options;
                while (strcmp(od->name, e->key)) od++;
                if (fdx_options_get(&L->opts, od->name, 0)) {
                    /* a later line of the file: replace the earlier value */
                    for (unsigned k = 0; k < L->opts.count; k++)
                        if (!strcmp(L->opts.key[k], od->name)) L->opts.value[k] = e->value;
                    continue;
                }
                if (fdx_options_add(&L->opts, od->name, e->value)) return fdx_err_set(err, "too many options");
                continue;
            }
            logf_(w, "%s: unknown setting '%s' in [%s] (ignored)", e->key, e->section);
        }
    return 0;
}

int fdx_gui_launch_parse(struct fdx_gui_launch *L, int argc, char **argv, const struct fdx_machine_desc *const *extra,
                         fdx_gui_log_fn log, void *ctx, struct fdx_err *err)
{
    memset(L, 0, sizeof *L);
    fdx_ini_init(&L->ini);
    fdx_options_init(&L->opts);
    fdx_gui_settings_defaults(&L->set);

    /* --config first: the file is read before the rest of the command line */
    const char *config = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--")) break;
        if (!strcmp(argv[i], "--config")) {
            if (i + 1 >= argc) return fdx_err_set(err, "--config needs a value");
            config = argv[++i];
        } else if (!strncmp(argv[i], "--config=", 9)) config = argv[i] + 9;
    }
    fdx_gui_config_path(L->config_path, sizeof L->config_path, config);

    /* --model NAME: the model is the machine (fdx disk.dsk --model apple2p),
     * unless a machine has a model option of its own */
    const char *model = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--")) break;
        if (!strcmp(argv[i], "--model") && i + 1 < argc) model = argv[++i];
        else if (!strncmp(argv[i], "--model=", 8)) model = argv[i] + 8;
    }
    const struct fdx_machine_desc *model_desc = model ? fdx_gui_find_machine(model, extra) : NULL;

    /* which machine */
    int first = 1;
    if (argc > 1 && is_positional(argv[1]) && fdx_gui_find_machine(argv[1], extra)) first = 2;
    if (model_desc) {
        L->desc = model_desc;
        L->model_is_machine = true;
    } else if (first == 2) {
        L->desc = fdx_gui_find_machine(argv[1], extra);
    } else {
        const char *media = first_positional(argc, argv, extra);
        if (media) {
            L->desc = fdx_gui_guess_machine(media, extra, err);
            if (!L->desc) return -1;
        } else {
            L->desc = default_machine(extra);
            L->default_machine = true;
            if (!L->desc) return fdx_err_set(err, "no machines are built in");
        }
    }

    if (parse_strict(L, argc, argv, first, err)) return -1;
    if (L->help) return 0;

    /* the configuration file */
    struct warn_ctx w = {log, ctx, L->config_path};
    struct stat sb;
    if (config || stat(L->config_path, &sb) == 0) {
        uint8_t *text;
        size_t size;
        struct fdx_err e2;
        if (fdx_file_read(L->config_path, 1u << 20, &text, &size, &e2)) {
            if (config) return fdx_err_set(err, "config: %s", e2.msg);
            logf_(&w, "%s: cannot read the configuration: %s%s", e2.msg, "");
        } else {
            if (fdx_ini_parse(&L->ini, (const char *)text, size, ini_warn, &w)) {
                free(text);
                return fdx_err_set(err, "out of memory");
            }
            free(text);
            L->config_loaded = true;
        }
    }
    /* Settings: defaults < config < command line. Re-apply the command
     * line over the config by replaying what parse_strict recorded. */
    struct fdx_options cli_opts = L->opts;
    fdx_gui_settings_defaults(&L->set);
    if (apply_config(L, &w, &cli_opts, err)) return -1;
    for (unsigned i = 0; i < L->nsaved; i++)
        if (!L->saved_machine_opt[i] && fdx_gui_setting(&L->set, L->saved_key[i], L->saved_val[i], err) < 0) return -1;
    /* a machine's own demo when nothing else was asked for */
    if (L->default_machine && !L->opts.argc && has_option(L->desc, "demo", 4, NULL) &&
        !fdx_options_get(&L->opts, "demo", 0))
        fdx_options_add(&L->opts, "demo", "on");
    L->opts.rom_path = L->set.rom_path;
    return 0;
}

void fdx_gui_launch_free(struct fdx_gui_launch *L)
{
    fdx_ini_free(&L->ini);
}

/* Creates the directories leading to path (not path itself). */
static void mkdir_parents(const char *path)
{
    char tmp[1024];
    snprintf(tmp, sizeof tmp, "%s", path);
    for (char *p = tmp + 1; *p; p++)
        if (*p == '/') {
            *p = 0;
            mkdir(tmp, 0755);
            *p = '/';
        }
}

/* Settings that describe one session, not a preference. */
static bool transient(const char *key)
{
    static const char *const list[] = {"state", "frames", "headless", "screenshot", NULL};
    for (const char *const *p = list; *p; p++)
        if (!strcasecmp(*p, key)) return true;
    return false;
}

int fdx_gui_save_config(struct fdx_gui_launch *L, struct fdx_err *err)
{
    /* work on a copy: the settings may point into L->ini's strings */
    struct fdx_ini copy;
    fdx_ini_init(&copy);
    for (size_t i = 0; i < L->ini.count; i++) {
        const struct fdx_ini_entry *e = &L->ini.entries[i];
        if (fdx_ini_set(&copy, e->section, e->key, e->value)) {
            fdx_ini_free(&copy);
            return fdx_err_set(err, "out of memory");
        }
    }
    int r = -1;
    char *text = NULL;
    for (unsigned i = 0; i < L->nsaved; i++) {
        if (!L->saved_machine_opt[i] && transient(L->saved_key[i])) continue;
        const char *section = L->saved_machine_opt[i] ? L->desc->name : "global";
        if (fdx_ini_set(&copy, section, L->saved_key[i], L->saved_val[i])) goto out;
    }
    text = fdx_ini_format(&copy);
    if (!text) goto out;
    mkdir_parents(L->config_path);
    r = fdx_file_write_atomic(L->config_path, text, strlen(text), err);
out:
    if (r && !text) fdx_err_set(err, "out of memory");
    free(text);
    fdx_ini_free(&copy);
    return r;
}
