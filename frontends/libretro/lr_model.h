/* What the libretro core knows about fdx machines, derived from their
 * descriptions only: which machines it offers, which one takes a file, which
 * slot a file goes into, and the core options made from machine options.
 * Shared by the core and by lr_gen (which writes the .info file and the
 * static option tables at build time). */
#ifndef LR_MODEL_H
#define LR_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include "fdx/machine.h"

/* The machines this core may run, NULL-terminated. Defined in lr_list.c for
 * the real core; the test build links its own list with a fake machine. */
const struct fdx_machine_desc *const *lr_machine_list(void);
/* Machines a player runs: with media slots, not program-plus-arguments simulators. */
bool lr_machine_usable(const struct fdx_machine_desc *d);
const struct fdx_machine_desc *lr_machine_by_name(const char *name);

/* Lower-case extension of path without the dot ("" if none). */
void lr_extension(const char *path, char *out, size_t size);
/* true if ext is in a comma- or '|'-separated list (case-insensitive). */
bool lr_ext_in_list(const char *list, const char *ext);
/* The first media slot of d that takes ext, or NULL. */
const struct fdx_media_slot_desc *lr_slot_for_ext(const struct fdx_machine_desc *d, const char *ext);
/* Slots whose media are disks (swapped through disk control, loaded by path). */
bool lr_slot_is_disk(const struct fdx_media_slot_desc *s);
/* The n-th (0-based) disk slot of d that takes ext, or NULL. */
const struct fdx_media_slot_desc *lr_disk_slot(const struct fdx_machine_desc *d, const char *ext, unsigned n);

/* Picks the machine for a file: among usable machines with a slot for its
 * extension, the one whose probe is most confident (data may be NULL).
 * Returns NULL if no machine takes the extension. */
const struct fdx_machine_desc *lr_guess_machine(const char *path, const uint8_t *data, size_t size);

/* Core options made from machine options: booleans and choices. */
bool lr_option_exposed(const struct fdx_option_desc *o);
/* "fdx_<machine>_<option>", '-' turned into '_'. */
void lr_option_key(const struct fdx_machine_desc *d, const struct fdx_option_desc *o, char *out, size_t size);

/* Core options of the core itself. */
#define LR_OPT_MACHINE "fdx_machine"          /* auto or a machine name */
#define LR_OPT_DRIVE "fdx_disk_drive"         /* 1, 2: the drive disk control swaps */
#define LR_OPT_RENDER "fdx_render_hidden"     /* render frames the frontend hides */

#endif
