/* The fdx desktop app: a window, sound, input, hotkeys, save states,
 * rewind, screenshots; headless when there is no display. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <SDL.h>

#include "fdx/debugger.h"

#include "audio_out.h"
#include "fdx_gui.h"
#include "input.h"
#include "osd.h"
#include "pace.h"
#include "ring.h"
#include "settings.h"
#include "view.h"

#define STATE_SLOTS 10
#define REWIND_MAX_BYTES (64u << 20)

struct app {
    struct fdx_gui_launch L;
    const struct fdx_machine_desc *const *extra;
    struct fdx_machine *m;
    struct fdx_dbg *dbg;        /* the debugger session, made at the first F10 */
    char media[96];             /* name of the inserted medium, for file names */

    SDL_Window *win;
    SDL_Renderer *ren;
    SDL_Texture *tex;
    unsigned tex_w, tex_h;
    uint64_t shown_frame;
    unsigned host_hz;
    struct fdx_view_rect view;
    bool fullscreen;
    int windowed_w, windowed_h;   /* the window's size before fullscreen */
    unsigned scale;

    struct fdx_pace pace;
    struct audio_out audio;
    struct input in;
    struct osd osd;
    struct fdx_ring rw;
    unsigned rw_every, rw_count;

    bool paused, fast, rewinding, help, quit;
    unsigned slot;
    uint64_t frames;            /* frames run in this session */
    int status;
};

/* ---- messages ----------------------------------------------------------- */

static uint64_t now_ms(void)
{
    return SDL_GetTicks64();
}

static void say(struct app *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void say(struct app *a, const char *fmt, ...)
{
    char buf[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    fprintf(stderr, "fdx: %s\n", buf);
    if (a && a->win) osd_message(&a->osd, buf, now_ms());
}

static void log_cb(void *ctx, const char *msg)
{
    say(ctx, "%s", msg);
}

static long host_write(void *ctx, int stream, const void *buf, size_t size)
{
    (void)ctx;
    FILE *f = stream == 2 ? stderr : stdout;
    size_t n = fwrite(buf, 1, size, f);
    fflush(f);
    return (long)n;
}

/* ---- files -------------------------------------------------------------- */

static void mkdirs(const char *dir)
{
    char tmp[1024];
    snprintf(tmp, sizeof tmp, "%s", dir);
    for (char *p = tmp + 1; *p; p++)
        if (*p == '/') {
            *p = 0;
            mkdir(tmp, 0755);
            *p = '/';
        }
    mkdir(tmp, 0755);
}

/* $XDG_DATA_HOME/fdx/<leaf> (default ~/.local/share/fdx/<leaf>). */
static void data_dir(char *out, size_t size, const char *given, const char *leaf)
{
    const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
    if (given) snprintf(out, size, "%s", given);
    else if (xdg && *xdg) snprintf(out, size, "%s/fdx/%s", xdg, leaf);
    else snprintf(out, size, "%s/.local/share/fdx/%s", home && *home ? home : ".", leaf);
}

/* File-name friendly base name of path, without its extension. */
static void media_name(char *out, size_t size, const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = 0;
    for (const char *p = base; *p && n + 1 < size; p++) {
        char c = *p;
        if (c == '.' && strchr(p + 1, '.') == NULL && p != base) break;
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
                  c == '.';
        out[n++] = ok ? c : '_';
    }
    out[n] = 0;
    if (!n) snprintf(out, size, "default");
}

static void state_path(struct app *a, unsigned slot, char *out, size_t size)
{
    char dir[900];
    data_dir(dir, sizeof dir, a->L.set.state_dir, "states");
    mkdirs(dir);
    snprintf(out, size, "%s/%s-%s-%u.state", dir, a->m->desc->name, a->media, slot);
}

/* ---- the machine -------------------------------------------------------- */

static int rewind_setup(struct app *a)
{
    fdx_ring_free(&a->rw);
    if (!a->L.set.rewind_seconds) return 0;
    const struct fdx_frame *f = fdx_machine_frame(a->m);
    unsigned fps = f->fps_num && f->fps_den ? f->fps_num / f->fps_den : 60;
    if (!fps) fps = 1;
    a->rw_every = fps / 10 ? fps / 10 : 1;  /* ten snapshots a second */
    unsigned slots = a->L.set.rewind_seconds * (fps / a->rw_every);
    if (fdx_ring_init(&a->rw, fdx_machine_state_size(a->m), slots, REWIND_MAX_BYTES)) {
        say(a, "rewind is off: not enough memory for its states");
        return -1;
    }
    a->rw_count = 0;
    return 0;
}

static struct fdx_machine *create_machine(struct app *a, struct fdx_err *err)
{
    struct fdx_host host = {.write = host_write};
    struct fdx_machine *m = fdx_machine_create(a->L.desc, &a->L.opts, &host, err);
    if (!m) return NULL;
    for (unsigned i = 0; i < a->L.nslot; i++)
        if (fdx_machine_insert(m, a->L.slot[i], a->L.slot_file[i], err)) {
            fdx_machine_destroy(m);
            return NULL;
        }
    if (a->L.set.state && fdx_machine_load_file(m, a->L.set.state, err)) {
        fdx_machine_destroy(m);
        return NULL;
    }
    const char *first = a->L.opts.argc ? a->L.opts.argv[0] : a->L.nslot ? a->L.slot_file[0] : NULL;
    if (first) media_name(a->media, sizeof a->media, first);
    else snprintf(a->media, sizeof a->media, "default");
    return m;
}

static void debugger(struct app *a);

/* Runs one frame; false when the machine stopped the session. */
static bool run_one(struct app *a, bool snapshot)
{
    struct fdx_err err;
    if (snapshot && a->rw.buf && ++a->rw_count >= a->rw_every) {
        a->rw_count = 0;
        uint8_t *p = fdx_ring_push(&a->rw);
        if (fdx_machine_save(a->m, p, a->rw.slot_size, &err)) {
            fdx_ring_pop(&a->rw);
            say(a, "rewind is off: %s", err.msg);
            fdx_ring_free(&a->rw);
        }
    }
    enum fdx_run_result r = fdx_machine_run_frame(a->m);
    a->frames++;
    if (a->win) audio_pump(&a->audio, a->m, a->L.set.mute, a->fast || a->rewinding);
    int code = 0;
    switch (r) {
    case FDX_RUN_OK:
        break;
    case FDX_RUN_EXIT:
        fdx_machine_exited(a->m, &code);
        say(a, "the program exited with code %d", code);
        a->status = code;
        a->quit = true;
        return false;
    case FDX_RUN_HALTED:
    case FDX_RUN_BREAK:
    case FDX_RUN_ERROR:
        if (r == FDX_RUN_BREAK && a->dbg && a->win) {
            /* a breakpoint set in the debugger: back to its console */
            debugger(a);
            return false;
        }
        say(a, "%s: the CPU %s; paused (F5 resets)", a->m->desc->name,
            r == FDX_RUN_HALTED ? "halted" : r == FDX_RUN_BREAK ? "stopped at a breakpoint" : "failed");
        a->paused = true;
        if (a->win) audio_pause(&a->audio, true);
        if (!a->win) {
            a->status = 1;
            a->quit = true;
        }
        return false;
    }
    if (a->L.set.frames && a->frames >= a->L.set.frames) {
        a->quit = true;
        return false;
    }
    return true;
}

/* ---- headless ----------------------------------------------------------- */

static int run_headless(struct app *a, bool fallback)
{
    struct fdx_err err;
    a->m = create_machine(a, &err);
    if (!a->m) {
        say(NULL, "%s", err.msg);
        return 1;
    }
    if (!a->L.set.frames) a->L.set.frames = 600;
    while (!a->quit) run_one(a, false);
    if (fallback)
        fprintf(stderr, "fdx: no display: ran %s headless for %llu frames (--frames N, --screenshot F.png)\n",
                a->m->desc->name, (unsigned long long)a->frames);
    if (a->L.set.screenshot && fdx_frame_write_png(fdx_machine_frame(a->m), a->L.set.screenshot, &err)) {
        say(NULL, "%s: %s", a->L.set.screenshot, err.msg);
        a->status = a->status ? a->status : 1;
    }
    fdx_machine_destroy(a->m);
    a->m = NULL;
    return a->status;
}

/* ---- video -------------------------------------------------------------- */

static void window_title(struct app *a)
{
    char t[300];
    snprintf(t, sizeof t, "fdx - %s%s%s%s", a->m->desc->title ? a->m->desc->title : a->m->desc->name,
             strcmp(a->media, "default") ? " - " : "", strcmp(a->media, "default") ? a->media : "",
             a->in.capture ? " [keyboard captured: Right Ctrl+F9 releases]" : "");
    SDL_SetWindowTitle(a->win, t);
}

static void frame_geometry(const struct fdx_frame *f, unsigned *w, unsigned *h)
{
    *w = f->pixels && f->width ? f->width : 320;
    *h = f->pixels && f->height ? f->height : 200;
}

static void set_window_scale(struct app *a)
{
    const struct fdx_frame *f = fdx_machine_frame(a->m);
    unsigned w, h;
    int ww, wh;
    frame_geometry(f, &w, &h);
    fdx_view_window_size(w, h, f->par_num, f->par_den, a->L.set.aspect, a->scale, &ww, &wh);
    SDL_SetWindowSize(a->win, ww, wh);
    SDL_SetWindowPosition(a->win, SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED);
}

static void toggle_fullscreen(struct app *a)
{
    if (!a->fullscreen) SDL_GetWindowSize(a->win, &a->windowed_w, &a->windowed_h);
    a->fullscreen = !a->fullscreen;
    if (SDL_SetWindowFullscreen(a->win, a->fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0)) {
        say(a, "fullscreen failed: %s", SDL_GetError());
        a->fullscreen = !a->fullscreen;
        return;
    }
    /* Back in a window, ask for the old size again: without a window
     * manager (or with one that ignored the fullscreen request) no resize
     * event comes back and SDL would keep drawing for the screen's size. */
    if (!a->fullscreen && a->windowed_w > 0 && a->windowed_h > 0)
        SDL_SetWindowSize(a->win, a->windowed_w, a->windowed_h);
}

static void draw(struct app *a)
{
    const struct fdx_frame *f = fdx_machine_frame(a->m);
    if (f->pixels && f->width && f->height) {
        if (!a->tex || a->tex_w != f->width || a->tex_h != f->height) {
            if (a->tex) SDL_DestroyTexture(a->tex);
            a->tex = SDL_CreateTexture(a->ren, SDL_PIXELFORMAT_RGB888, SDL_TEXTUREACCESS_STREAMING, (int)f->width,
                                       (int)f->height);
            if (!a->tex) {
                say(a, "cannot make a %ux%u texture: %s", f->width, f->height, SDL_GetError());
                a->quit = true;
                a->status = 1;
                return;
            }
            SDL_SetTextureScaleMode(a->tex, a->L.set.filter == FDX_GUI_LINEAR ? SDL_ScaleModeLinear : SDL_ScaleModeNearest);
            a->tex_w = f->width;
            a->tex_h = f->height;
            a->shown_frame = UINT64_MAX;
        }
        if (a->shown_frame != f->number) {
            SDL_UpdateTexture(a->tex, NULL, f->pixels, (int)(f->pitch * 4));
            a->shown_frame = f->number;
        }
    }
    int ww = 0, wh = 0;
    SDL_GetRendererOutputSize(a->ren, &ww, &wh);
    unsigned w, h;
    frame_geometry(f, &w, &h);
    fdx_view_fit(w, h, f->par_num, f->par_den, a->L.set.aspect, a->L.set.integer_scale, ww, wh, &a->view);
    SDL_SetRenderDrawColor(a->ren, 0, 0, 0, 255);
    SDL_RenderClear(a->ren);
    if (a->tex && a->view.w > 0 && a->view.h > 0)
        SDL_RenderCopy(a->ren, a->tex, NULL, &(SDL_Rect){a->view.x, a->view.y, a->view.w, a->view.h});
    if (a->L.set.osd || a->help) {
        const char *status = a->paused ? "PAUSED" : a->rewinding ? "<< REWIND" : a->fast ? "FAST >>" : NULL;
        static const char *const help_fmt[] = {
            "FDX HOTKEYS", "",
            "%-10s this help", "%-10s save state (slot %u)", "%-10s load state", "%-10s next slot (+Shift: previous)",
            "%-10s reset (+Shift: power off and on)", "%-10s pause", "%-10s rewind (hold)",
            "%-10s fast-forward (hold)", "%-10s keyboard capture %s", "%-10s debugger",
            "%-10s fullscreen (+Shift: window size)", "%-10s screenshot (PNG)", "Ctrl+Q     quit", "",
            "Joystick: arrows + Space/Left Ctrl", "Player 2: W A S D + Left Shift",
            "Gamepads work too; the mouse is paddle 1.",
            "While the keyboard is captured, hold", "Right Ctrl for the hotkeys.",
            "Drop a file on the window to insert it.", "", NULL, NULL};
        char lines[26][80];
        const char *help[27];
        int n = 0;
        if (a->help) {
            for (int i = 0; help_fmt[i] && n < 24; i++) {
                int hk = i >= 2 && i < 14 ? i - 1 : 0;  /* HK_HELP .. HK_SCREENSHOT in table order */
                if (hk) {
                    const char *key = input_hotkey_name(&a->in, (enum hotkey)hk);
                    if (hk == HK_SAVE) snprintf(lines[n], sizeof lines[n], help_fmt[i], key, a->slot);
                    else if (hk == HK_CAPTURE)
                        snprintf(lines[n], sizeof lines[n], help_fmt[i], key, a->in.capture ? "(on)" : "(off)");
                    else snprintf(lines[n], sizeof lines[n], help_fmt[i], key);
                } else snprintf(lines[n], sizeof lines[n], "%s", help_fmt[i]);
                help[n] = lines[n];
                n++;
            }
            if (!strcmp(a->m->desc->name, "atari2600")) {
                help[n++] = "Console: Return reset, Backspace select,";
                help[n++] = "C colour/B&W, 1 and 2 difficulty A/B.";
            }
            help[n] = NULL;
        }
        osd_draw(&a->osd, a->ren, ww, wh, now_ms(), a->L.set.osd ? status : NULL, a->help ? help : NULL);
    }
    SDL_RenderPresent(a->ren);
}

/* ---- hotkeys ------------------------------------------------------------ */

/* F10 (and breakpoints set there): the debugger's console on the terminal
 * while the window waits; `resume` comes back, `quit` ends the app. */
static void debugger(struct app *a)
{
    struct fdx_err err;
    if (!a->dbg) {
        a->dbg = a->m->cpu ? fdx_dbg_create(a->m, fdx_dbg_out_file, stdout, &err) : NULL;
        if (!a->dbg) {
            say(a, "no debugger for %s: %s", a->m->desc->name, a->m->cpu ? err.msg : "it has no CPU");
            return;
        }
    }
    say(a, "debugger on the terminal: resume returns here, quit leaves fdx");
    input_release_all(&a->in, a->m);
    a->fast = a->rewinding = false;
    audio_pause(&a->audio, true);
    draw(a);                    /* the message shows while the terminal has the machine */
    int r = fdx_dbg_console(a->dbg, stdin, stdout, NULL);
    /* keys typed into the window meanwhile are not for the machine */
    SDL_PumpEvents();
    SDL_FlushEvents(SDL_KEYDOWN, SDL_TEXTINPUT);
    a->shown_frame = UINT64_MAX;
    if (r == 1) {
        a->quit = true;
        return;
    }
    a->paused = false;
    audio_pause(&a->audio, false);
    fdx_pace_restart(&a->pace);
    say(a, "back from the debugger");
}

static void screenshot(struct app *a)
{
    char dir[900], path[1100];
    struct fdx_err err;
    data_dir(dir, sizeof dir, a->L.set.screenshot_dir, "screenshots");
    mkdirs(dir);
    for (unsigned i = 1; i < 100000; i++) {
        struct stat st;
        snprintf(path, sizeof path, "%s/%s-%s-%04u.png", dir, a->m->desc->name, a->media, i);
        if (stat(path, &st) != 0) break;
    }
    if (fdx_frame_write_png(fdx_machine_frame(a->m), path, &err)) say(a, "screenshot failed: %s", err.msg);
    else say(a, "screenshot saved: %s", path);
}

static void hotkey(struct app *a, enum hotkey hk, bool down, bool shift)
{
    struct fdx_err err;
    char path[1100];
    if (hk == HK_REWIND) {
        if (!a->rw.buf && down) say(a, "rewind is off (--rewind SECONDS)");
        a->rewinding = down && a->rw.buf;
        return;
    }
    if (hk == HK_FAST) {
        a->fast = down;
        return;
    }
    if (!down) return;
    switch (hk) {
    case HK_NONE:
    case HK_COUNT:
    case HK_REWIND:
    case HK_FAST:
        break;
    case HK_HELP:
        a->help = !a->help;
        break;
    case HK_SAVE:
        state_path(a, a->slot, path, sizeof path);
        if (fdx_machine_save_file(a->m, path, &err)) say(a, "saving the state failed: %s", err.msg);
        else say(a, "state saved to slot %u (%s)", a->slot, path);
        break;
    case HK_LOAD:
        state_path(a, a->slot, path, sizeof path);
        struct stat st;
        if (stat(path, &st) != 0) say(a, "slot %u is empty", a->slot);
        else if (fdx_machine_load_file(a->m, path, &err)) say(a, "loading the state failed: %s", err.msg);
        else {
            say(a, "state loaded from slot %u", a->slot);
            input_release_all(&a->in, a->m);
            a->shown_frame = UINT64_MAX;
        }
        break;
    case HK_SLOT:
        a->slot = (a->slot + (shift ? STATE_SLOTS - 1 : 1)) % STATE_SLOTS;
        say(a, "state slot %u", a->slot);
        break;
    case HK_RESET:
        fdx_machine_reset(a->m, shift);
        if (a->paused) {
            a->paused = false;
            fdx_pace_restart(&a->pace);
        }
        say(a, shift ? "power off and on" : "reset");
        break;
    case HK_PAUSE:
        a->paused = !a->paused;
        audio_pause(&a->audio, a->paused);
        fdx_pace_restart(&a->pace);
        break;
    case HK_CAPTURE:
        a->in.capture = !a->in.capture;
        SDL_SetWindowKeyboardGrab(a->win, a->in.capture ? SDL_TRUE : SDL_FALSE);
        input_release_all(&a->in, a->m);
        say(a, a->in.capture ? "keyboard captured: every key goes to the machine; Right Ctrl+F9 releases"
                             : "keyboard released: function keys are hotkeys again");
        window_title(a);
        break;
    case HK_DEBUG:
        debugger(a);
        break;
    case HK_FULLSCREEN:
        if (shift && !a->fullscreen) {
            a->scale = a->scale % 4 + 1;
            set_window_scale(a);
            say(a, "window scale %ux", a->scale);
        } else toggle_fullscreen(a);
        break;
    case HK_SCREENSHOT:
        screenshot(a);
        break;
    case HK_QUIT:
        a->quit = true;
        break;
    }
}

/* ---- drag and drop ------------------------------------------------------ */

static bool ext_matches(const char *list, const char *path)
{
    const char *dot = strrchr(path, '.');
    return list && dot && !strchr(dot, '/') && fdx_list_contains(list, dot + 1);
}

static void drop_file(struct app *a, const char *path)
{
    struct fdx_err err;
    const struct fdx_media_slot_desc *slots = a->m->desc->slots, *slot = NULL;
    for (const struct fdx_media_slot_desc *s = slots; s && s->name && !slot; s++) {
        /* fdx_list_contains wants '|' lists; slot extensions are "a26,bin" */
        char list[128];
        snprintf(list, sizeof list, "%s", s->extensions ? s->extensions : "");
        for (char *p = list; *p; p++)
            if (*p == ',') *p = '|';
        if (ext_matches(list, path)) slot = s;
    }
    if (!slot && slots && slots->name) slot = slots;
    if (!slot) {
        say(a, "%s takes no media; start fdx with the file instead", a->m->desc->name);
        return;
    }
    if (fdx_machine_insert(a->m, slot->name, path, &err)) {
        say(a, "%s", err.msg);
        return;
    }
    media_name(a->media, sizeof a->media, path);
    if (slot == slots) fdx_machine_reset(a->m, true);  /* a new boot medium starts afresh */
    rewind_setup(a);
    window_title(a);
    say(a, "inserted %s into %s", a->media, slot->name);
}

/* ---- the loop ----------------------------------------------------------- */

static void events(struct app *a)
{
    SDL_Event ev;
    char msg[300];
    while (SDL_PollEvent(&ev)) {
        switch (ev.type) {
        case SDL_QUIT:
            a->quit = true;
            break;
        case SDL_WINDOWEVENT:
            if (ev.window.event == SDL_WINDOWEVENT_FOCUS_LOST) {
                input_release_all(&a->in, a->m);
                a->fast = a->rewinding = false;
            }
            break;
        case SDL_KEYDOWN:
        case SDL_KEYUP: {
            bool down = ev.type == SDL_KEYDOWN;
            if (down && !a->in.capture && ev.key.keysym.scancode == SDL_SCANCODE_RETURN &&
                (ev.key.keysym.mod & KMOD_ALT) && !ev.key.repeat) {
                toggle_fullscreen(a);
                break;
            }
            enum hotkey hk = input_key(&a->in, a->m, &ev.key);
            if (hk) hotkey(a, hk, down, (ev.key.keysym.mod & KMOD_SHIFT) != 0);
            break;
        }
        case SDL_CONTROLLERDEVICEADDED:
        case SDL_CONTROLLERDEVICEREMOVED:
        case SDL_CONTROLLERBUTTONDOWN:
        case SDL_CONTROLLERBUTTONUP:
        case SDL_CONTROLLERAXISMOTION:
            input_controller(&a->in, a->m, &ev, msg, sizeof msg);
            if (msg[0]) say(a, "%s", msg);
            break;
        case SDL_MOUSEMOTION:
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP:
            input_mouse(&a->in, a->m, &ev, a->view.x, a->view.w);
            break;
        case SDL_DROPFILE:
            drop_file(a, ev.drop.file);
            SDL_free(ev.drop.file);
            break;
        default:
            break;
        }
    }
}

static uint64_t now_ns(void)
{
    uint64_t c = SDL_GetPerformanceCounter(), f = SDL_GetPerformanceFrequency();
    return (c / f) * 1000000000ull + (c % f) * 1000000000ull / f;
}

static void pace_setup(struct app *a)
{
    const struct fdx_frame *f = fdx_machine_frame(a->m);
    fdx_pace_init(&a->pace, f->fps_num, f->fps_den, a->L.set.speed, a->host_hz);
}

static void loop(struct app *a)
{
    uint64_t last_present = now_ns();
    while (!a->quit) {
        events(a);
        if (a->quit) break;
        uint64_t t = now_ns();
        if (a->paused) {
            fdx_pace_restart(&a->pace);
        } else if (a->rewinding) {
            unsigned n = fdx_pace_step(&a->pace, t);
            for (unsigned i = 0; i < n && a->rewinding; i++) {
                const uint8_t *p = fdx_ring_pop(&a->rw);
                struct fdx_err err;
                if (!p) {
                    say(a, "rewind: nothing further back");
                    a->rewinding = false;
                    break;
                }
                if (fdx_machine_load(a->m, p, a->rw.slot_size, &err)) {
                    say(a, "rewind failed: %s", err.msg);
                    a->rewinding = false;
                    break;
                }
                run_one(a, false);
            }
        } else if (a->fast) {
            /* as many frames as fit in about a display refresh */
            uint64_t until = t + 15000000ull;
            do run_one(a, true);
            while (!a->quit && a->fast && !a->paused && now_ns() < until);
            fdx_pace_restart(&a->pace);
        } else {
            unsigned n = fdx_pace_step(&a->pace, t);
            for (unsigned i = 0; i < n && !a->quit && !a->paused; i++) run_one(a, true);
        }
        draw(a);
        /* Without a blocking vsync, sleep until the next frame is due. */
        uint64_t after = now_ns(), took = after - last_present;
        last_present = after;
        uint64_t period = a->host_hz ? 1000000000ull / a->host_hz : 0;
        if (!period || took * 2 < period) {
            uint64_t wait = a->paused ? 16000000ull : fdx_pace_wait_ns(&a->pace);
            if (a->fast) wait = 0;
            if (wait > 1000000ull) SDL_Delay((Uint32)(wait / 1000000ull));
            last_present = now_ns();
        }
    }
}

static bool display_present(void)
{
    const char *x = getenv("DISPLAY"), *w = getenv("WAYLAND_DISPLAY");
    return (x && *x) || (w && *w);
}

static int run_window(struct app *a)
{
    struct fdx_err err;
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_GAMECONTROLLER | SDL_INIT_EVENTS)) {
        fprintf(stderr, "fdx: cannot open a window (%s); running headless\n", SDL_GetError());
        return run_headless(a, true);
    }
    a->m = create_machine(a, &err);
    if (!a->m) {
        say(NULL, "%s", err.msg);
        SDL_Quit();
        return 1;
    }
    const struct fdx_frame *f = fdx_machine_frame(a->m);
    if (!f->pixels) {
        /* the geometry comes with the first frame */
        run_one(a, false);
        f = fdx_machine_frame(a->m);
    }
    unsigned w, h;
    int ww, wh;
    frame_geometry(f, &w, &h);
    /* --scale N, made smaller when the window would not fit the screen */
    SDL_Rect usable = {0, 0, 0, 0};
    SDL_GetDisplayUsableBounds(0, &usable);
    a->scale = fdx_view_fit_scale(w, h, f->par_num, f->par_den, a->L.set.aspect, a->L.set.scale, usable.w, usable.h);
    if (a->scale < a->L.set.scale)
        fprintf(stderr, "fdx: window scale %ux: %ux does not fit the %dx%d screen\n", a->scale, a->L.set.scale,
                usable.w, usable.h);
    fdx_view_window_size(w, h, f->par_num, f->par_den, a->L.set.aspect, a->scale, &ww, &wh);
    a->win = SDL_CreateWindow("fdx", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, ww, wh, SDL_WINDOW_RESIZABLE);
    if (!a->win) {
        fprintf(stderr, "fdx: cannot open a window (%s); running headless\n", SDL_GetError());
        fdx_machine_destroy(a->m);
        a->m = NULL;
        SDL_Quit();
        return run_headless(a, true);
    }
    SDL_SetWindowMinimumSize(a->win, 1, 1);
    a->ren = SDL_CreateRenderer(a->win, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    if (!a->ren) a->ren = SDL_CreateRenderer(a->win, -1, 0);
    if (!a->ren) {
        say(NULL, "cannot draw into the window: %s", SDL_GetError());
        SDL_DestroyWindow(a->win);
        fdx_machine_destroy(a->m);
        SDL_Quit();
        return 1;
    }
    SDL_RendererInfo info;
    SDL_DisplayMode mode;
    if (!SDL_GetRendererInfo(a->ren, &info) && (info.flags & SDL_RENDERER_PRESENTVSYNC) &&
        !SDL_GetCurrentDisplayMode(SDL_GetWindowDisplayIndex(a->win), &mode) && mode.refresh_rate > 0)
        a->host_hz = (unsigned)mode.refresh_rate;
    input_init(&a->in, &a->L.set, a->m, log_cb, a);
    window_title(a);
    if (a->L.set.fullscreen) toggle_fullscreen(a);
    if (a->in.capture) SDL_SetWindowKeyboardGrab(a->win, SDL_TRUE);
    char msg[300];
    if (audio_open(&a->audio, a->L.set.audio_rate, a->L.set.latency_ms, msg, sizeof msg)) say(a, "%s", msg);
    else fdx_machine_set_audio_rate(a->m, a->audio.rate);
    rewind_setup(a);
    pace_setup(a);
    say(a, "%s%s%s - F1 shows the hotkeys", a->m->desc->name, strcmp(a->media, "default") ? ": " : "",
        strcmp(a->media, "default") ? a->media : "");

    loop(a);

    if (a->audio.dev && a->audio.updates)
        fprintf(stderr, "fdx: audio: %u Hz, %llu underruns, latency at most %u ms (target %u ms)\n",
                (unsigned)a->audio.rate, (unsigned long long)a->audio.underruns,
                (unsigned)((uint64_t)a->audio.max_queued * 1000 / a->audio.rate),
                (unsigned)((uint64_t)a->audio.rc.target * 1000 / a->audio.rate));
    audio_close(&a->audio);
    input_close(&a->in);
    fdx_ring_free(&a->rw);
    if (a->tex) SDL_DestroyTexture(a->tex);
    SDL_DestroyRenderer(a->ren);
    SDL_DestroyWindow(a->win);
    if (a->dbg) fdx_dbg_destroy(a->dbg);    /* before its machine */
    fdx_machine_destroy(a->m);
    a->m = NULL;
    SDL_Quit();
    return a->status;
}

void fdx_gui_usage(void)
{
    printf("fdx %s - the desktop app\n"
           "\n"
           "usage: fdx [MACHINE] [MEDIA...] [OPTIONS]\n"
           "  fdx                      the built-in default (the Atari 2600 demo)\n"
           "  fdx game.a26             guess the machine from the file\n"
           "  fdx atari2600 game.a26   name the machine\n"
           "\n"
           "options (also settings in the config file, without the --):\n"
           "  --rom-path DIRS          ':'-separated directories with firmware\n"
           "  --cart F, --disk1 F ...  media for a machine's slots (fdx list shows them)\n"
           "  --model NAME             the machine by name (fdx disk.dsk --model apple2p)\n"
           "  --tv, --firmware ...     machine options (fdx list shows each machine's)\n"
           "  -f, --fullscreen         start in fullscreen\n"
           "  --scale N                window size: N times the picture (default 3)\n"
           "  --integer-scale          whole-number scaling only\n"
           "  --filter nearest|linear  pixel look when scaling\n"
           "  --aspect on|off          the machine's real pixel shape (default on)\n"
           "  --mute                   no sound\n"
           "  --audio-rate HZ          sound card rate (default 48000)\n"
           "  --latency MS             sound buffering (default 60)\n"
           "  --speed PCT              emulation speed (default 100)\n"
           "  --rewind SECONDS         how far F7 goes back (default 20, 0 = off)\n"
           "  --state FILE             load a save state at start\n"
           "  --state-dir DIR          where F2/F3 keep states\n"
           "  --screenshot-dir DIR     where F12 puts PNG screenshots\n"
           "  --capture                start with the keyboard captured (all keys to the machine)\n"
           "  --kbjoy on|off           arrows + Space/Ctrl as joystick 1\n"
           "  --paddle off|mouse|stick what drives the paddles\n"
           "  --osd on|off             on-screen messages\n"
           "  --config FILE            configuration file (default $XDG_CONFIG_HOME/fdx/fdx.ini)\n"
           "  --save-config            store the options given into the configuration file\n"
           "  --headless               no window: run --frames N (default 600) and stop\n"
           "  --frames N               stop after N frames; --screenshot F.png saves the last\n"
           "  --map.ACTION KEYS        bind keys, e.g. --map.joy0.fire Return\n"
           "\n"
           "Hotkeys: F1 help, F2 save state, F3 load, F4 slot, F5 reset, F6 pause,\n"
           "F7 rewind, F8 fast-forward, F9 keyboard capture, F10 debugger (on the terminal),\n"
           "F11 fullscreen, F12 screenshot.\n",
           FDX_VERSION_STRING);
}

int fdx_gui_run(int argc, char **argv, const struct fdx_machine_desc *const *extra)
{
    struct app *a = calloc(1, sizeof *a);
    if (!a) {
        fprintf(stderr, "fdx: out of memory\n");
        return 1;
    }
    a->extra = extra;
    struct fdx_err err;
    int status;
    if (fdx_gui_launch_parse(&a->L, argc, argv, extra, log_cb, NULL, &err)) {
        fprintf(stderr, "fdx: %s\n", err.msg);
        status = 2;
    } else if (a->L.help) {
        fdx_gui_usage();
        status = 0;
    } else {
        status = 0;
        if (a->L.save_config) {
            if (fdx_gui_save_config(&a->L, &err)) {
                fprintf(stderr, "fdx: %s\n", err.msg);
                status = 1;
            } else fprintf(stderr, "fdx: settings saved to %s\n", a->L.config_path);
        }
        if (!status) {
            if (a->L.set.headless) status = run_headless(a, false);
            else if (!display_present()) status = run_headless(a, true);
            else status = run_window(a);
        }
    }
    fdx_gui_launch_free(&a->L);
    free(a);
    return status;
}

int fdx_gui_main(int argc, char **argv)
{
    return fdx_gui_run(argc, argv, NULL);
}
