/* The desktop app's test machine (see fake_machine.c). */
#ifndef FDX_SDL_FAKE_MACHINE_H
#define FDX_SDL_FAKE_MACHINE_H

#include "fdx/fdx.h"

extern const struct fdx_machine_desc fdx_sdltest_machine;

#endif
