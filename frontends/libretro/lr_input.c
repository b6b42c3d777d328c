/* Key codes and per-machine controller profiles. */
#include "lr_input.h"

#include <string.h>
#include <libretro.h>

#include "fdx/input.h"

struct keymap {
    unsigned short retrok, hid;
};

static const struct keymap keys[] = {
    {RETROK_RETURN, 0x28}, {RETROK_ESCAPE, 0x29}, {RETROK_BACKSPACE, 0x2A}, {RETROK_TAB, 0x2B},
    {RETROK_SPACE, 0x2C}, {RETROK_MINUS, 0x2D}, {RETROK_EQUALS, 0x2E}, {RETROK_LEFTBRACKET, 0x2F},
    {RETROK_RIGHTBRACKET, 0x30}, {RETROK_BACKSLASH, 0x31}, {RETROK_SEMICOLON, 0x33},
    {RETROK_QUOTE, 0x34}, {RETROK_BACKQUOTE, 0x35}, {RETROK_COMMA, 0x36}, {RETROK_PERIOD, 0x37},
    {RETROK_SLASH, 0x38}, {RETROK_CAPSLOCK, 0x39}, {RETROK_PRINT, 0x46}, {RETROK_SCROLLOCK, 0x47},
    {RETROK_PAUSE, 0x48}, {RETROK_INSERT, 0x49}, {RETROK_HOME, 0x4A}, {RETROK_PAGEUP, 0x4B},
    {RETROK_DELETE, 0x4C}, {RETROK_END, 0x4D}, {RETROK_PAGEDOWN, 0x4E}, {RETROK_RIGHT, 0x4F},
    {RETROK_LEFT, 0x50}, {RETROK_DOWN, 0x51}, {RETROK_UP, 0x52}, {RETROK_NUMLOCK, 0x53},
    {RETROK_KP_DIVIDE, 0x54}, {RETROK_KP_MULTIPLY, 0x55}, {RETROK_KP_MINUS, 0x56},
    {RETROK_KP_PLUS, 0x57}, {RETROK_KP_ENTER, 0x58}, {RETROK_KP0, 0x62}, {RETROK_KP_PERIOD, 0x63},
    {RETROK_LCTRL, 0xE0}, {RETROK_LSHIFT, 0xE1}, {RETROK_LALT, 0xE2}, {RETROK_LSUPER, 0xE3},
    {RETROK_RCTRL, 0xE4}, {RETROK_RSHIFT, 0xE5}, {RETROK_RALT, 0xE6}, {RETROK_RSUPER, 0xE7},
};

unsigned lr_hid_from_retrok(unsigned k)
{
    if (k >= RETROK_a && k <= RETROK_z) return FDX_KEY_A + (k - RETROK_a);
    if (k >= RETROK_1 && k <= RETROK_9) return FDX_KEY_1 + (k - RETROK_1);
    if (k == RETROK_0) return FDX_KEY_0;
    if (k >= RETROK_F1 && k <= RETROK_F12) return FDX_KEY_F1 + (k - RETROK_F1);
    if (k >= RETROK_KP1 && k <= RETROK_KP9) return 0x59 + (k - RETROK_KP1);
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (keys[i].retrok == k) return keys[i].hid;
    return 0;
}

/* Atari 2600 console switches, as the machine numbers them: 0 reset and
 * 1 select (1 = pressed), 2 colour (1 = colour), 3/4 difficulty (1 = A). */
static const struct lr_switch_map a2600_switches[] = {
    {RETRO_DEVICE_ID_JOYPAD_START, 0, false, "Reset", NULL, NULL},
    {RETRO_DEVICE_ID_JOYPAD_SELECT, 1, false, "Select", NULL, NULL},
    {RETRO_DEVICE_ID_JOYPAD_L, 3, true, "Left difficulty A/B", "left-difficulty", "a"},
    {RETRO_DEVICE_ID_JOYPAD_R, 4, true, "Right difficulty A/B", "right-difficulty", "a"},
    {RETRO_DEVICE_ID_JOYPAD_L2, 2, true, "Colour / B&W", "bw", "off"},
    {0, 0, false, NULL, NULL, NULL},
};

static const struct lr_switch_map no_switches[] = {{0, 0, false, NULL, NULL, NULL}};

static const struct lr_profile profiles[] = {
    {"atari2600", false, 2, true, a2600_switches},
    {"apple2p", true, 1, true, no_switches},
    {"apple2e", true, 1, true, no_switches},
    {NULL, true, 2, false, no_switches},    /* anything else: keyboard and two joysticks */
};

const struct lr_profile *lr_profile_for(const char *machine)
{
    size_t n = sizeof profiles / sizeof profiles[0];
    for (size_t i = 0; i + 1 < n; i++)
        if (machine && !strcmp(profiles[i].machine, machine)) return &profiles[i];
    return &profiles[n - 1];
}
