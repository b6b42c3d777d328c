/* Apple II keyboard: USB HID usages to the codes the keyboard latch holds,
 * the IIe's Apple keys as buttons, paddles and joystick. */
#include "a2.h"

/* US layout: unshifted and shifted characters for HID 0x1E..0x38. */
static const char k_plain[] = "1234567890\r\x1b\x08\t -=[]\\#;'`,./";
static const char k_shift[] = "!@#$%^&*()\r\x1b\x08\t _+{}|~:\"~<>?";

uint8_t a2_key_code(unsigned hid, bool shift, bool ctrl, bool iie)
{
    uint8_t c = 0;
    if (hid >= FDX_KEY_A && hid <= FDX_KEY_Z) {
        c = (uint8_t)('A' + (hid - FDX_KEY_A));
        if (ctrl) c &= 0x1F;
        /* caps lock on: letters are capitals (the II+ has no others) */
    } else if (hid >= FDX_KEY_1 && hid < FDX_KEY_1 + sizeof k_plain - 1) {
        c = (uint8_t)(shift ? k_shift : k_plain)[hid - FDX_KEY_1];
        if (ctrl && c == '@') c = 0;
    } else {
        switch (hid) {
        case FDX_KEY_RIGHT: c = 0x15; break;
        case FDX_KEY_LEFT: c = 0x08; break;
        case FDX_KEY_DOWN: c = iie ? 0x0A : 0; break;
        case FDX_KEY_UP: c = iie ? 0x0B : 0; break;
        case 0x4C: c = iie ? 0x7F : 0; break;  /* Delete */
        default: return 0;
        }
    }
    if (!iie && c >= 0x60 && c < 0x80) c = 0; /* no lower case, { | } ~ or DEL on the II+ */
    if (!iie && (c == '[' || c == '\\' || c == '_' || c == '`')) c = 0;
    return c ? (uint8_t)(c | 0x80) : 0;
}

void a2_input(struct fdx_machine *m, const struct fdx_input_event *ev)
{
    struct a2 *a = m->impl;
    switch (ev->kind) {
    case FDX_INPUT_KEY: {
        bool down = ev->value != 0;
        switch (ev->code) {
        case FDX_KEY_LSHIFT: case FDX_KEY_RSHIFT: a->shift = down; return;
        case FDX_KEY_LCTRL: case FDX_KEY_RCTRL: a->ctrl = down; return;
        case FDX_KEY_LGUI: case FDX_KEY_LALT: a->button[0] = down; return; /* open Apple */
        case FDX_KEY_RGUI: case FDX_KEY_RALT: a->button[1] = down; return; /* closed Apple */
        default: break;
        }
        uint8_t c = a2_key_code(ev->code, a->shift, a->ctrl, a->iie);
        if (!c) return;
        if (down) {
            a2_set_kbd(a, c);
            if (a->keys_down < 255) a->keys_down++;
            a->rep_code = c;
            a->rep_frames = 0;
        } else if (a->keys_down) {
            if (!--a->keys_down) a->rep_code = 0;
        }
        return;
    }
    case FDX_INPUT_PADDLE: {
        if (ev->port > 3) return;
        int32_t v = (ev->value + 32768) >> 8;
        a->paddle[ev->port] = (uint8_t)(v < 0 ? 0 : v > 255 ? 255 : v);
        return;
    }
    case FDX_INPUT_JOYSTICK: {
        /* a digital stick on paddles 0/1 and buttons 0/1 */
        unsigned j = (unsigned)ev->value;
        a->paddle[0] = j & FDX_JOY_LEFT ? 0 : j & FDX_JOY_RIGHT ? 255 : 127;
        a->paddle[1] = j & FDX_JOY_UP ? 0 : j & FDX_JOY_DOWN ? 255 : 127;
        a->button[0] = (j & FDX_JOY_FIRE) != 0;
        a->button[1] = (j & FDX_JOY_FIRE2) != 0;
        return;
    }
    default: return;
    }
}

/* Once a frame: the IIe keyboard repeats a key held down (the II+ has a
 * REPT key instead, not emulated). */
void a2_key_repeat(struct a2 *a)
{
    if (!a->iie || !a->rep_code || !a->keys_down) return;
    if (a->rep_frames < 0xFFFF) a->rep_frames++;
    if (a->rep_frames >= A2_REPEAT_DELAY && (a->rep_frames - A2_REPEAT_DELAY) % A2_REPEAT_EVERY == 0)
        a2_set_kbd(a, a->rep_code);
}
