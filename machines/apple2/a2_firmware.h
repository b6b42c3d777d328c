/* Our free Apple II firmware, assembled from roms/apple2/ (see README
 * there): the arrays come from the build (when ca65 is installed) or from
 * the committed copies in roms/apple2/gen/. */
#ifndef A2_FIRMWARE_H
#define A2_FIRMWARE_H

#include <stdint.h>

extern const uint8_t a2_fw_monitor_iiplus[12288]; /* $D000-$FFFF */
extern const uint8_t a2_fw_monitor_iie[16384];    /* $C000-$FFFF */
extern const uint8_t a2_fw_bootprom[256];         /* Disk II slot PROM */
extern const uint8_t a2_fw_chargen[4096];         /* 2 sets x 256 x 8 rows */
extern const uint8_t a2_fw_demo[4096];            /* track 0 of the demo disk (DOS order) */

#endif
