/* fdx media: reading files safely, checksums, the ROM catalogue and the ROM
 * search path. */
#ifndef FDX_MEDIA_H
#define FDX_MEDIA_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Largest file any loader accepts unless it says less. */
#define FDX_MEDIA_MAX_SIZE (64u << 20)

/* Reads a whole regular file of at most max_size bytes. On success *data is
 * malloc'ed (caller frees) and 0 is returned; otherwise -1 and a one-line
 * message: missing, not a regular file, too big, read error. */
int fdx_file_read(const char *path, size_t max_size, uint8_t **data, size_t *size,
                  struct fdx_err *err);
/* Writes a file by writing PATH.tmp-XXXXXX beside it and renaming it over
 * PATH, so the old file stays whole if anything fails. */
int fdx_file_write_atomic(const char *path, const void *data, size_t size, struct fdx_err *err);

uint32_t fdx_crc32(uint32_t crc, const void *data, size_t size);

struct fdx_sha1 {
    uint32_t h[5];
    uint64_t length;
    uint8_t block[64];
    unsigned used;
};
void fdx_sha1_init(struct fdx_sha1 *s);
void fdx_sha1_update(struct fdx_sha1 *s, const void *data, size_t size);
void fdx_sha1_final(struct fdx_sha1 *s, uint8_t digest[20]);
/* Hex digest of data (41 bytes with the NUL). */
void fdx_sha1_hex(const void *data, size_t size, char out[41]);

/* A ROM the machine needs (or can use), identified by checksum. */
struct fdx_rom_desc {
    const char *slot;           /* where it goes, e.g. "system" */
    const char *name;           /* human name */
    const char *filename;       /* usual file name */
    uint32_t size;
    uint32_t crc32;
    const char *sha1;           /* 40 hex digits, or NULL */
    bool required;
};

/* The ROM search path: --rom-path (':'-separated), $FDX_ROM_PATH, then
 * $XDG_DATA_HOME/fdx/roms (or ~/.local/share/fdx/roms) and each
 * $XDG_DATA_DIRS entry + /fdx/roms (default /usr/local/share:/usr/share). */
#define FDX_ROM_PATH_MAX 16
struct fdx_rom_path {
    unsigned count;
    char dirs[FDX_ROM_PATH_MAX][512];
};
void fdx_rom_path_init(struct fdx_rom_path *p, const char *cli_paths);

/* Looks for a file matching rom (size and CRC32, and SHA-1 if given) in the
 * search path: first by its usual file name, then by scanning each
 * directory. On success returns 0 with the file's bytes in *data. */
int fdx_rom_find(const struct fdx_rom_path *p, const struct fdx_rom_desc *rom,
                 uint8_t **data, size_t *size, char *found_path, size_t found_size);
/* true when data matches rom's size and checksums. */
bool fdx_rom_matches(const struct fdx_rom_desc *rom, const uint8_t *data, size_t size);

#ifdef __cplusplus
}
#endif
#endif
