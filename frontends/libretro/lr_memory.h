/* The machine RAM the frontend sees (cheats, RetroAchievements, RetroArch's
 * READ_CORE_MEMORY), as libretro memory descriptors. */
#ifndef LR_MEMORY_H
#define LR_MEMORY_H

#include <libretro.h>

#include "fdx/machine.h"

/* Fills out[0..max) and returns how many. The first descriptor is what
 * retro_get_memory_data(RETRO_MEMORY_SYSTEM_RAM) returns. The addresses
 * follow RetroAchievements' numbering of each system (rcheevos' console
 * memory maps): Atari 2600 RIOT RAM at $80-$FF; Apple II main 64 KiB at
 * $00000-$0FFFF and the IIe's auxiliary 64 KiB at $10000-$1FFFF. Other
 * machines: each RAM region of their memory map that is one block on the
 * bus, at its bus address. */
unsigned lr_memory_map(struct fdx_machine *m, struct retro_memory_descriptor *out, unsigned max);

#endif
