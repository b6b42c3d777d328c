/* The disk list behind libretro's disk control: images from an m3u
 * playlist or the content itself, the current index and the tray. */
#ifndef LR_DISK_H
#define LR_DISK_H

#include <stdbool.h>
#include <stddef.h>
#include "fdx/common.h"

#define LR_MAX_DISKS 32
#define LR_PATH_MAX 1024

struct lr_disks {
    unsigned count;
    unsigned index;         /* image in the chosen drive (== count: none) */
    bool ejected;
    char path[LR_MAX_DISKS][LR_PATH_MAX];
};

void lr_disks_init(struct lr_disks *d);
/* Appends an image; returns its index or -1 when full. path "" is an empty slot. */
int lr_disks_add(struct lr_disks *d, const char *path);
/* Reads an m3u playlist: one image per line, '#' comments, paths relative
 * to the playlist's folder. Returns 0, or -1 with a message. */
int lr_disks_load_m3u(struct lr_disks *d, const char *m3u_path, struct fdx_err *err);
/* The file name without folders, for labels. */
const char *lr_basename(const char *path);
/* The working copy of a disk image in the frontend's save directory:
 * SAVE_DIR/fdx/STEM-CRC32.EXT, made from the original the first time. The
 * machine writes there, never into the content file; the CRC of the original
 * keeps copies of different images with one name apart. Returns 0 with the
 * path in out, or -1 with a message. */
int lr_disk_work_copy(const char *orig, const char *save_dir, char *out, size_t out_size, struct fdx_err *err);

#endif
