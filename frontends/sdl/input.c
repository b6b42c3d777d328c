/* Host input to machine input (see input.h). */
#include "input.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

struct action_default {
    const char *action;
    const char *keys;
};

/* Defaults; every one can be changed with map.ACTION = KEY[,KEY...] (SDL key
 * names as SDL_GetScancodeName spells them; "none" unbinds). */
static const struct action_default defaults[] = {
    {"joy0.up", "Up"}, {"joy0.down", "Down"}, {"joy0.left", "Left"}, {"joy0.right", "Right"},
    {"joy0.fire", "Space,Left Ctrl"}, {"joy0.fire2", "Left Alt"},
    {"joy1.up", "W"}, {"joy1.down", "S"}, {"joy1.left", "A"}, {"joy1.right", "D"},
    {"joy1.fire", "Left Shift"}, {"joy1.fire2", "Z"},
    {"hotkey.help", "F1"}, {"hotkey.save", "F2"}, {"hotkey.load", "F3"}, {"hotkey.slot", "F4"},
    {"hotkey.reset", "F5"}, {"hotkey.pause", "F6"}, {"hotkey.rewind", "F7"}, {"hotkey.fast", "F8"},
    {"hotkey.capture", "F9"}, {"hotkey.debug", "F10"}, {"hotkey.fullscreen", "F11"},
    {"hotkey.screenshot", "F12"}, {"hotkey.quit", "none"},
    {NULL, NULL},
};

/* What the frontend knows of a machine's controls. The Atari 2600's
 * console switches are machine input FDX_INPUT_SWITCH 0 reset, 1 select
 * (held), 2 colour, 3/4 left/right difficulty A (levels: toggled here). Its
 * paddle buttons are wired to the joystick port's right/left lines. */
struct profile {
    const char *machine;
    const struct action_default *bindings;
    uint32_t paddle_fire;
};

static const struct action_default atari2600_keys[] = {
    {"switch0", "Return"}, {"switch1", "Backspace"}, {"switch2.toggle", "C"},
    {"switch3.toggle", "1"}, {"switch4.toggle", "2"}, {NULL, NULL},
};

static const struct profile profiles[] = {
    {"atari2600", atari2600_keys, FDX_JOY_RIGHT},
};

static const char *const hotkey_names[HK_COUNT] = {
    NULL, "help", "save", "load", "slot", "reset", "pause", "rewind", "fast",
    "capture", "debug", "fullscreen", "screenshot", "quit",
};

static const struct {
    const char *name;
    uint8_t bit;
} joy_inputs[] = {
    {"up", FDX_JOY_UP}, {"down", FDX_JOY_DOWN}, {"left", FDX_JOY_LEFT}, {"right", FDX_JOY_RIGHT},
    {"fire", FDX_JOY_FIRE}, {"fire2", FDX_JOY_FIRE2}, {"fire3", FDX_JOY_FIRE3},
};

static void warn(fdx_gui_log_fn log, void *ctx, const char *fmt, const char *a, const char *b)
{
    char buf[400];
    snprintf(buf, sizeof buf, fmt, a, b);
    if (log) log(ctx, buf);
}

/* Calls bind(sc) for each key named in the comma-separated list. */
static void each_key(const char *action, const char *list, fdx_gui_log_fn log, void *ctx,
                     void (*bind)(struct input *, SDL_Scancode, const char *), struct input *in)
{
    char name[64];
    const char *p = list;
    while (*p) {
        const char *comma = strchr(p, ',');
        size_t n = comma ? (size_t)(comma - p) : strlen(p);
        while (n && (*p == ' ' || *p == '\t')) p++, n--;
        while (n && (p[n - 1] == ' ' || p[n - 1] == '\t')) n--;
        if (n && n < sizeof name) {
            memcpy(name, p, n);
            name[n] = 0;
            if (strcasecmp(name, "none")) {
                SDL_Scancode sc = SDL_GetScancodeFromName(name);
                if (sc == SDL_SCANCODE_UNKNOWN) warn(log, ctx, "map.%s: no key called '%s' (ignored)", action, name);
                else bind(in, sc, action);
            }
        }
        if (!comma) break;
        p = comma + 1;
    }
}

static void bind_key(struct input *in, SDL_Scancode sc, const char *action)
{
    if (!strncasecmp(action, "hotkey.", 7)) {
        for (int h = 1; h < HK_COUNT; h++)
            if (!strcasecmp(action + 7, hotkey_names[h])) in->hotkey_of[sc] = (uint8_t)h;
        return;
    }
    if (!strncasecmp(action, "switch", 6)) {
        int n = action[6] - '0';
        bool toggle = !strcasecmp(action + 7, ".toggle");
        if (n >= 0 && n < INPUT_SWITCHES && (!action[7] || toggle)) {
            in->switch_of[sc] = (int8_t)n;
            in->switch_toggles[sc] = toggle;
        }
        return;
    }
    if (!strncasecmp(action, "joy", 3) && action[3] >= '0' && action[3] < '0' + INPUT_PORTS && action[4] == '.') {
        for (size_t i = 0; i < sizeof joy_inputs / sizeof joy_inputs[0]; i++)
            if (!strcasecmp(action + 5, joy_inputs[i].name)) {
                in->joy_port[sc] = (uint8_t)(action[3] - '0' + 1);
                in->joy_bits[sc] = joy_inputs[i].bit;
            }
    }
}

/* Removes every key bound to action (before a map.ACTION replaces them). */
static void unbind_action(struct input *in, const char *action)
{
    for (int sc = 0; sc < SDL_NUM_SCANCODES; sc++) {
        struct input probe;
        memset(probe.hotkey_of, 0, sizeof probe.hotkey_of);
        memset(probe.joy_port, 0, sizeof probe.joy_port);
        memset(probe.switch_of, -1, sizeof probe.switch_of);
        bind_key(&probe, (SDL_Scancode)sc, action);
        if (probe.hotkey_of[sc] && in->hotkey_of[sc] == probe.hotkey_of[sc]) in->hotkey_of[sc] = 0;
        if (probe.switch_of[sc] >= 0 && in->switch_of[sc] == probe.switch_of[sc]) in->switch_of[sc] = -1;
        if (probe.joy_port[sc] && in->joy_port[sc] == probe.joy_port[sc] && in->joy_bits[sc] == probe.joy_bits[sc])
            in->joy_port[sc] = 0;
    }
}

static bool known_action(const char *action)
{
    struct input probe;
    memset(probe.hotkey_of, 0, sizeof probe.hotkey_of);
    memset(probe.joy_port, 0, sizeof probe.joy_port);
    memset(probe.switch_of, -1, sizeof probe.switch_of);
    bind_key(&probe, SDL_SCANCODE_A, action);
    return probe.hotkey_of[SDL_SCANCODE_A] || probe.joy_port[SDL_SCANCODE_A] || probe.switch_of[SDL_SCANCODE_A] >= 0;
}

void input_init(struct input *in, const struct fdx_gui_settings *s, struct fdx_machine *m, fdx_gui_log_fn log,
                void *ctx)
{
    memset(in, 0, sizeof *in);
    memset(in->switch_of, -1, sizeof in->switch_of);
    in->kbjoy = s->kbjoy;
    in->capture = s->capture;
    in->paddle_mode = s->paddle;
    in->paddle_fire = FDX_JOY_FIRE;
    for (const struct action_default *d = defaults; d->action; d++) each_key(d->action, d->keys, log, ctx, bind_key, in);
    for (size_t p = 0; p < sizeof profiles / sizeof profiles[0]; p++) {
        if (strcmp(profiles[p].machine, m->desc->name)) continue;
        for (const struct action_default *d = profiles[p].bindings; d->action; d++)
            each_key(d->action, d->keys, log, ctx, bind_key, in);
        in->paddle_fire = profiles[p].paddle_fire;
    }
    /* toggled switches start where the machine's options put them */
    const char *bw = fdx_machine_opt_string(m, "bw", 0), *ld = fdx_machine_opt_string(m, "left-difficulty", 0),
               *rd = fdx_machine_opt_string(m, "right-difficulty", 0);
    in->switch_state[2] = !(bw && (!strcasecmp(bw, "on") || !strcasecmp(bw, "yes") || !strcmp(bw, "1")));
    in->switch_state[3] = ld && !strcasecmp(ld, "a");
    in->switch_state[4] = rd && !strcasecmp(rd, "a");
    for (unsigned i = 0; i < s->nbind; i++) {
        const char *action = s->bind[i].action;
        if (!known_action(action)) {
            warn(log, ctx, "map.%s: no such action (joyN.up/down/left/right/fire/fire2, switchN, switchN.toggle, "
                 "hotkey.NAME)%s", action, "");
            continue;
        }
        unbind_action(in, action);
        each_key(action, s->bind[i].keys, log, ctx, bind_key, in);
    }
}

void input_close(struct input *in)
{
    for (int i = 0; i < INPUT_PADS; i++)
        if (in->pads[i].gc) SDL_GameControllerClose(in->pads[i].gc);
    memset(in->pads, 0, sizeof in->pads);
}

static void send(struct fdx_machine *m, enum fdx_input_kind kind, unsigned port, unsigned code, int32_t value)
{
    struct fdx_input_event ev = {kind, port, code, value};
    fdx_machine_input(m, &ev);
}

static void flush_joy(struct input *in, struct fdx_machine *m)
{
    for (unsigned p = 0; p < INPUT_PORTS; p++) {
        uint32_t v = in->kb[p] | in->pad[p] | (p == 0 ? in->mouse_fire : 0);
        if (v != in->sent[p]) {
            in->sent[p] = v;
            send(m, FDX_INPUT_JOYSTICK, p, 0, (int32_t)v);
        }
    }
}

enum hotkey input_key(struct input *in, struct fdx_machine *m, const SDL_KeyboardEvent *ev)
{
    SDL_Scancode sc = ev->keysym.scancode;
    bool down = ev->type == SDL_KEYDOWN;
    if ((unsigned)sc >= SDL_NUM_SCANCODES) return HK_NONE;
    /* Right Ctrl is the host key: with it, hotkeys work even while the
     * machine has captured the keyboard. */
    bool host = (ev->keysym.mod & KMOD_RCTRL) != 0;
    enum hotkey hk = (enum hotkey)in->hotkey_of[sc];
    if (hk && (!in->capture || host)) return ev->repeat ? HK_NONE : hk;
    if (!in->capture && down && sc == SDL_SCANCODE_Q && (ev->keysym.mod & KMOD_CTRL)) return HK_QUIT;
    if (ev->repeat) return HK_NONE;
    if (down == in->key_down[sc]) return HK_NONE;
    in->key_down[sc] = down;
    /* SDL's scancodes are the USB HID usage codes fdx uses */
    send(m, FDX_INPUT_KEY, 0, (unsigned)sc, down);
    int sw = in->switch_of[sc];
    if (sw >= 0 && in->switch_toggles[sc]) {
        if (down) {
            in->switch_state[sw] = !in->switch_state[sw];
            send(m, FDX_INPUT_SWITCH, 0, (unsigned)sw, in->switch_state[sw]);
        }
    } else if (sw >= 0) send(m, FDX_INPUT_SWITCH, 0, (unsigned)sw, down);
    if (in->kbjoy && in->joy_port[sc]) {
        unsigned p = in->joy_port[sc] - 1u;
        if (down) in->kb[p] |= in->joy_bits[sc];
        else in->kb[p] &= ~(uint32_t)in->joy_bits[sc];
        flush_joy(in, m);
    }
    return HK_NONE;
}

void input_release_all(struct input *in, struct fdx_machine *m)
{
    for (int sc = 0; sc < SDL_NUM_SCANCODES; sc++)
        if (in->key_down[sc]) {
            in->key_down[sc] = false;
            send(m, FDX_INPUT_KEY, 0, (unsigned)sc, 0);
            if (in->switch_of[sc] >= 0 && !in->switch_toggles[sc])
                send(m, FDX_INPUT_SWITCH, 0, (unsigned)in->switch_of[sc], 0);
        }
    memset(in->kb, 0, sizeof in->kb);
    in->mouse_fire = 0;
    flush_joy(in, m);
}

/* Joystick bits of every pad on port p, read from the controllers. */
static uint32_t pad_bits(struct input *in, unsigned p)
{
    uint32_t v = 0;
    const int dead = 12000;
    for (int i = 0; i < INPUT_PADS; i++) {
        SDL_GameController *gc = in->pads[i].gc;
        if (!gc || in->pads[i].port != p) continue;
        int x = SDL_GameControllerGetAxis(gc, SDL_CONTROLLER_AXIS_LEFTX);
        int y = SDL_GameControllerGetAxis(gc, SDL_CONTROLLER_AXIS_LEFTY);
        if (SDL_GameControllerGetButton(gc, SDL_CONTROLLER_BUTTON_DPAD_UP) || y < -dead) v |= FDX_JOY_UP;
        if (SDL_GameControllerGetButton(gc, SDL_CONTROLLER_BUTTON_DPAD_DOWN) || y > dead) v |= FDX_JOY_DOWN;
        if (SDL_GameControllerGetButton(gc, SDL_CONTROLLER_BUTTON_DPAD_LEFT) || x < -dead) v |= FDX_JOY_LEFT;
        if (SDL_GameControllerGetButton(gc, SDL_CONTROLLER_BUTTON_DPAD_RIGHT) || x > dead) v |= FDX_JOY_RIGHT;
        if (SDL_GameControllerGetButton(gc, SDL_CONTROLLER_BUTTON_A) ||
            SDL_GameControllerGetButton(gc, SDL_CONTROLLER_BUTTON_X))
            v |= FDX_JOY_FIRE;
        if (SDL_GameControllerGetButton(gc, SDL_CONTROLLER_BUTTON_B)) v |= FDX_JOY_FIRE2;
        if (SDL_GameControllerGetButton(gc, SDL_CONTROLLER_BUTTON_Y)) v |= FDX_JOY_FIRE3;
    }
    return v;
}

static int pad_index(struct input *in, SDL_JoystickID id)
{
    for (int i = 0; i < INPUT_PADS; i++)
        if (in->pads[i].gc && in->pads[i].id == id) return i;
    return -1;
}

void input_controller(struct input *in, struct fdx_machine *m, const SDL_Event *ev, char *msg, size_t msg_size)
{
    msg[0] = 0;
    if (ev->type == SDL_CONTROLLERDEVICEADDED) {
        int slot = -1;
        for (int i = 0; i < INPUT_PADS; i++)
            if (!in->pads[i].gc) {
                slot = i;
                break;
            }
        if (slot < 0) {
            snprintf(msg, msg_size, "Gamepad ignored: %d are in use already", INPUT_PADS);
            return;
        }
        SDL_GameController *gc = SDL_GameControllerOpen(ev->cdevice.which);
        if (!gc) {
            snprintf(msg, msg_size, "Gamepad could not be opened: %s", SDL_GetError());
            return;
        }
        SDL_JoystickID id = SDL_JoystickInstanceID(SDL_GameControllerGetJoystick(gc));
        if (pad_index(in, id) >= 0) {   /* already open (added twice at start-up) */
            SDL_GameControllerClose(gc);
            return;
        }
        /* the first free port, so two pads are two players */
        unsigned port = 0;
        for (unsigned p = 0; p < INPUT_PORTS; p++) {
            bool used = false;
            for (int i = 0; i < INPUT_PADS; i++) used |= in->pads[i].gc && in->pads[i].port == p;
            if (!used) {
                port = p;
                break;
            }
        }
        in->pads[slot].gc = gc;
        in->pads[slot].id = id;
        in->pads[slot].port = port;
        const char *name = SDL_GameControllerName(gc);
        snprintf(msg, msg_size, "Gamepad %s is joystick %u", name ? name : "(unnamed)", port + 1);
        return;
    }
    if (ev->type == SDL_CONTROLLERDEVICEREMOVED) {
        int i = pad_index(in, ev->cdevice.which);
        if (i < 0) return;
        unsigned port = in->pads[i].port;
        SDL_GameControllerClose(in->pads[i].gc);
        memset(&in->pads[i], 0, sizeof in->pads[i]);
        in->pad[port] = pad_bits(in, port);
        flush_joy(in, m);
        snprintf(msg, msg_size, "Gamepad unplugged from joystick %u", port + 1);
        return;
    }
    SDL_JoystickID id = ev->type == SDL_CONTROLLERAXISMOTION ? ev->caxis.which : ev->cbutton.which;
    int i = pad_index(in, id);
    if (i < 0) return;
    unsigned port = in->pads[i].port;
    if (ev->type == SDL_CONTROLLERAXISMOTION && in->paddle_mode == FDX_GUI_PADDLE_STICK &&
        (ev->caxis.axis == SDL_CONTROLLER_AXIS_LEFTX || ev->caxis.axis == SDL_CONTROLLER_AXIS_RIGHTX)) {
        /* left stick: paddle A of the port's pair, right stick: paddle B */
        unsigned paddle = port * 2 + (ev->caxis.axis == SDL_CONTROLLER_AXIS_RIGHTX);
        send(m, FDX_INPUT_PADDLE, paddle, 0, ev->caxis.value);
    }
    in->pad[port] = pad_bits(in, port);
    flush_joy(in, m);
}

void input_mouse(struct input *in, struct fdx_machine *m, const SDL_Event *ev, int pic_x, int pic_w)
{
    if (in->paddle_mode != FDX_GUI_PADDLE_MOUSE || pic_w <= 0) return;
    if (ev->type == SDL_MOUSEMOTION) {
        long v = ((long)(ev->motion.x - pic_x) * 65535) / pic_w - 32768;
        if (v < -32768) v = -32768;
        if (v > 32767) v = 32767;
        send(m, FDX_INPUT_PADDLE, 0, 0, (int32_t)v);
    } else if ((ev->type == SDL_MOUSEBUTTONDOWN || ev->type == SDL_MOUSEBUTTONUP) && ev->button.button == SDL_BUTTON_LEFT) {
        in->mouse_fire = ev->type == SDL_MOUSEBUTTONDOWN ? in->paddle_fire : 0;
        flush_joy(in, m);
    }
}

const char *input_hotkey_name(const struct input *in, enum hotkey hk)
{
    for (int sc = 0; sc < SDL_NUM_SCANCODES; sc++)
        if (in->hotkey_of[sc] == hk) return SDL_GetScancodeName((SDL_Scancode)sc);
    return hk == HK_QUIT ? "Ctrl+Q" : "-";
}
