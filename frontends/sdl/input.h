/* Host input to machine input: keyboard (every key as a HID usage code,
 * plus joystick fallbacks), gamepads through SDL's GameController API,
 * the mouse as a paddle, and the hotkeys. Remappable with map.ACTION keys
 * in the configuration. */
#ifndef FDX_SDL_INPUT_H
#define FDX_SDL_INPUT_H

#include <SDL.h>
#include <stdbool.h>

#include "fdx/fdx.h"
#include "settings.h"

enum hotkey {
    HK_NONE = 0,
    HK_HELP, HK_SAVE, HK_LOAD, HK_SLOT, HK_RESET, HK_PAUSE, HK_REWIND, HK_FAST,
    HK_CAPTURE, HK_DEBUG, HK_FULLSCREEN, HK_SCREENSHOT, HK_QUIT,
    HK_COUNT
};

#define INPUT_PORTS 2
#define INPUT_SWITCHES 8
#define INPUT_PADS 4

struct input {
    /* scancode -> bits: which joystick inputs a key drives */
    uint8_t joy_port[SDL_NUM_SCANCODES];    /* 0 = none, else port + 1 */
    uint8_t joy_bits[SDL_NUM_SCANCODES];
    int8_t switch_of[SDL_NUM_SCANCODES];    /* -1 = none */
    bool switch_toggles[SDL_NUM_SCANCODES]; /* a press flips the switch (colour, difficulty) */
    bool switch_state[INPUT_SWITCHES];
    uint8_t hotkey_of[SDL_NUM_SCANCODES];
    bool kbjoy, capture;
    int paddle_mode;
    uint32_t kb[INPUT_PORTS], pad[INPUT_PORTS], mouse_fire, sent[INPUT_PORTS];
    uint32_t paddle_fire;       /* joystick bits the mouse button sets on port 1 */
    bool key_down[SDL_NUM_SCANCODES];       /* keys the machine saw go down */
    struct {
        SDL_GameController *gc;
        SDL_JoystickID id;
        unsigned port;
    } pads[INPUT_PADS];
};

/* Builds the maps: the defaults, the machine's own (console switches),
 * then the settings' map.ACTION entries; warnings go to log. */
void input_init(struct input *in, const struct fdx_gui_settings *s, struct fdx_machine *m, fdx_gui_log_fn log,
                void *ctx);
void input_close(struct input *in);

/* What a key event means: a hotkey (returned; the machine does not see the
 * key) or machine input (sent to m). Shift is reported for hotkeys that have
 * a second meaning. */
enum hotkey input_key(struct input *in, struct fdx_machine *m, const SDL_KeyboardEvent *ev);
/* Gamepad plugged/unplugged, buttons and sticks; message for the user. */
void input_controller(struct input *in, struct fdx_machine *m, const SDL_Event *ev, char *msg, size_t msg_size);
/* Mouse as paddle: x within the picture's horizontal span. */
void input_mouse(struct input *in, struct fdx_machine *m, const SDL_Event *ev, int pic_x, int pic_w);
/* Releases everything the machine holds down (focus lost, state loaded). */
void input_release_all(struct input *in, struct fdx_machine *m);
/* The name of a hotkey's current key, for the help overlay. */
const char *input_hotkey_name(const struct input *in, enum hotkey hk);

#endif
