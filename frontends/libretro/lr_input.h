/* Input for the libretro core: host keys to USB HID usages, and what each
 * machine's ports take (the machine descriptions do not say yet). */
#ifndef LR_INPUT_H
#define LR_INPUT_H

#include <stdbool.h>

/* HID usage (input.h) for a RETROK_* code, or 0. */
unsigned lr_hid_from_retrok(unsigned retrok);

/* A joypad button that drives a machine switch (FDX_INPUT_SWITCH). */
struct lr_switch_map {
    unsigned retro_id;      /* RETRO_DEVICE_ID_JOYPAD_* */
    unsigned index;         /* the machine's switch index */
    bool toggle;            /* each press flips it (else: held while pressed) */
    const char *label;
    /* toggles start where the machine option put them: on when option
     * has the value on_value */
    const char *option, *on_value;
};

struct lr_profile {
    const char *machine;    /* machine name, NULL: the default profile */
    bool keyboard;          /* keyboard machine: keyboard callback, kbd focus */
    unsigned ports;         /* joystick/paddle ports */
    bool paddles;           /* ports may take paddles */
    const struct lr_switch_map *switches;   /* terminated by a NULL label */
};

const struct lr_profile *lr_profile_for(const char *machine);

#endif
