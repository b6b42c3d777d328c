/* What the 2600 test tools share: a machine made from a cartridge and
 * OPTION=VALUE words, and the TIA's output levels as it makes them. */
#ifndef A2600_MAKE_H
#define A2600_MAKE_H

#include <stddef.h>
#include <stdint.h>

#include "fdx/fdx.h"

/* An atari2600 machine running CART with options such as "dpc-hz=18400"
 * (a word without '=' means "on"); NULL with err set on failure. */
struct fdx_machine *a2600_make(const char *cart, char **opts, int nopts, struct fdx_err *err);

/* Levels the TIA put out, one per native sample (31399.5 a second): the
 * two channels' volumes summed, 0..30. */
struct a2600_levels {
    uint8_t *v;
    size_t n, cap;
};

int a2600_levels_add(struct a2600_levels *l, uint8_t v, size_t count);

/* Sets the machine's output rate to its native rate, so that the samples
 * of fdx_machine_audio are the TIA's own. */
void a2600_native_audio(struct fdx_machine *m);

/* Appends the levels of the native samples waiting in the machine. */
int a2600_take_levels(struct fdx_machine *m, struct a2600_levels *l);

#endif
