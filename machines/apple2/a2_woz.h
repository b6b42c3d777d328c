/* WOZ 1 and 2 disk images (applesaucefdc.com/woz/reference2/). */
#ifndef A2_WOZ_H
#define A2_WOZ_H

#include "a2_disk.h"

/* Checks structure, CRC, chunk sizes and the track map without loading. */
int a2_woz_check(const uint8_t *data, size_t size, struct fdx_err *err);
int a2_woz_load(struct a2_disk *d, const uint8_t *data, size_t size, struct fdx_err *err);
/* Always writes WOZ 2 (the INFO fields and META chunks are kept). */
int a2_woz_save(const struct a2_disk *d, uint8_t **out, size_t *size, struct fdx_err *err);

#endif
