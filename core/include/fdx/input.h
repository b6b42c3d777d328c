/* fdx input: joysticks, paddles and keyboards. */
#ifndef FDX_INPUT_H
#define FDX_INPUT_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Digital joystick bits. */
enum {
    FDX_JOY_UP = 1u << 0,
    FDX_JOY_DOWN = 1u << 1,
    FDX_JOY_LEFT = 1u << 2,
    FDX_JOY_RIGHT = 1u << 3,
    FDX_JOY_FIRE = 1u << 4,
    FDX_JOY_FIRE2 = 1u << 5,
    FDX_JOY_FIRE3 = 1u << 6,
};

/* Keys use USB HID usage codes (page 7), the layout-free numbering every
 * host keyboard API can be mapped to: 0x04 'A' ... 0x1D 'Z', 0x1E '1' ...,
 * 0x28 Return, 0x29 Escape, 0x2A Backspace, 0x2B Tab, 0x2C Space,
 * 0x4F-0x52 arrows, 0xE0-0xE7 modifiers. */
enum {
    FDX_KEY_A = 0x04, FDX_KEY_Z = 0x1D, FDX_KEY_1 = 0x1E, FDX_KEY_0 = 0x27,
    FDX_KEY_RETURN = 0x28, FDX_KEY_ESCAPE = 0x29, FDX_KEY_BACKSPACE = 0x2A,
    FDX_KEY_TAB = 0x2B, FDX_KEY_SPACE = 0x2C,
    FDX_KEY_F1 = 0x3A, FDX_KEY_F12 = 0x45,
    FDX_KEY_RIGHT = 0x4F, FDX_KEY_LEFT = 0x50, FDX_KEY_DOWN = 0x51, FDX_KEY_UP = 0x52,
    FDX_KEY_LCTRL = 0xE0, FDX_KEY_LSHIFT = 0xE1, FDX_KEY_LALT = 0xE2, FDX_KEY_LGUI = 0xE3,
    FDX_KEY_RCTRL = 0xE4, FDX_KEY_RSHIFT = 0xE5, FDX_KEY_RALT = 0xE6, FDX_KEY_RGUI = 0xE7,
};

enum fdx_input_kind {
    FDX_INPUT_JOYSTICK,     /* port, value = FDX_JOY_* bits */
    FDX_INPUT_PADDLE,       /* port, value = position -32768..32767 */
    FDX_INPUT_KEY,          /* code = HID usage, value = 1 down / 0 up */
    FDX_INPUT_SWITCH,       /* machine switch by index (console switches), value */
};

struct fdx_input_event {
    enum fdx_input_kind kind;
    unsigned port;
    unsigned code;
    int32_t value;
};

#ifdef __cplusplus
}
#endif
#endif
