/* Static tables lr_gen writes from the machine descriptions. */
#ifndef LR_TABLES_H
#define LR_TABLES_H

#include <libretro.h>

/* Every extension any machine takes, plus m3u ('|'-separated). */
extern const char lr_valid_extensions[];
/* Extensions loaded by path (disks and playlists), not from memory. */
extern const char lr_fullpath_extensions[];
extern const struct retro_core_option_v2_category lr_option_categories[];
extern const struct retro_core_option_v2_definition lr_option_definitions[];

#endif
