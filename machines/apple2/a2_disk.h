/* Apple II 5.25" disk images as bit streams.
 *
 * Every format is turned into the same model on load: up to 160 quarter
 * tracks mapped onto at most 160 tracks, each a loop of bits (MSB first in
 * bytes) as the drive head sees them, one bit per 4 CPU cycles. Sector
 * images (.dsk/.do/.po) are nibblized with 6-and-2 GCR; .nib tracks are
 * 6656 8-bit nibbles; .woz (1 and 2) tracks are taken bit for bit.
 *
 * Saving goes the other way (sector images are decoded sector by sector,
 * so a track that no longer holds 16 good sectors cannot be saved as .dsk:
 * the caller gets an error and the file on disk stays untouched).
 */
#ifndef A2_DISK_H
#define A2_DISK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fdx/common.h"

#define A2_QTRACKS 160          /* quarter-track positions (40 tracks) */
#define A2_SECTOR_IMAGE_SIZE (35u * 16u * 256u) /* 143360 */
#define A2_NIB_TRACK 6656u      /* bytes per .nib track */
#define A2_NIB_IMAGE_SIZE (35u * A2_NIB_TRACK)
#define A2_DSK_TRACK_BITS 51200u /* bits of a track we nibblize (about 200 ms) */

enum a2_format {
    A2_FMT_NONE = 0,
    A2_FMT_DOS,                 /* .dsk/.do: DOS 3.3 logical sector order */
    A2_FMT_PRODOS,              /* .po: ProDOS block order */
    A2_FMT_NIB,
    A2_FMT_WOZ1,
    A2_FMT_WOZ2,
};

struct a2_track {
    uint8_t *bits;              /* (nbits + 7) / 8 bytes */
    uint32_t nbits;
};

struct a2_disk {
    enum a2_format format;
    uint8_t qmap[A2_QTRACKS];   /* quarter track -> index in track[], 0xFF: no track (random bits) */
    unsigned ntracks;
    struct a2_track track[A2_QTRACKS];
    bool write_protected;       /* as the image says (WOZ INFO) */
    bool dirty;
    uint8_t volume;             /* volume number written in address fields */
    /* WOZ: the original INFO chunk and other chunks kept verbatim on save */
    uint8_t woz_info[60];
    uint8_t *woz_extra;         /* chunks other than INFO/TMAP/TRKS, as in the file */
    size_t woz_extra_size;
};

/* ---- 6-and-2 GCR -------------------------------------------------------- */

/* The 64 disk bytes 6-bit values are written as. */
extern const uint8_t a2_gcr62_write[64];
/* Physical sector -> sector number in a DOS-order / ProDOS-order file. */
extern const uint8_t a2_dos_of_phys[16];
extern const uint8_t a2_prodos_of_phys[16];

/* 256 data bytes -> 343 disk bytes (342 + checksum), as the data field. */
void a2_encode62(const uint8_t data[256], uint8_t out[343]);
/* 343 disk bytes -> 256 bytes; -1 if a byte is not a valid disk byte or
 * the checksum does not match. */
int a2_decode62(const uint8_t in[343], uint8_t data[256]);
/* Odd-even 4-and-4 encoding used in address fields. */
static inline void a2_encode44(uint8_t v, uint8_t out[2])
{
    out[0] = (uint8_t)((v >> 1) | 0xAA);
    out[1] = (uint8_t)(v | 0xAA);
}
static inline uint8_t a2_decode44(const uint8_t in[2])
{
    return (uint8_t)(((in[0] << 1) | 1) & in[1]);
}

/* ---- images ------------------------------------------------------------- */

/* Guesses the format from size, magic and name; fills a ranked description
 * ("DOS 3.3 order (VTOC found) 90%, ProDOS order 10%") when what is given.
 * Returns the confidence 0..100 that this is an Apple II 5.25" disk. */
int a2_disk_probe(const uint8_t *data, size_t size, const char *filename, enum a2_format *fmt,
                  char *what, size_t what_size);

/* Loads an image. force is A2_FMT_NONE to guess, or the format to use.
 * Returns 0, or -1 with a one-line message. */
int a2_disk_load(struct a2_disk *d, const uint8_t *data, size_t size, const char *filename,
                 enum a2_format force, struct fdx_err *err);
/* Nibblizes a 143360-byte sector image in the given order. */
int a2_disk_from_sectors(struct a2_disk *d, const uint8_t *img, enum a2_format order, uint8_t volume,
                         struct fdx_err *err);
int a2_disk_from_sectors_n(struct a2_disk *d, const uint8_t *img, unsigned ntracks, enum a2_format order,
                           uint8_t volume, struct fdx_err *err);
void a2_disk_free(struct a2_disk *d);

/* Serializes the disk in its own format. *out is malloc'ed. */
int a2_disk_save(const struct a2_disk *d, uint8_t **out, size_t *size, struct fdx_err *err);

/* Lays out 16 sectors (data[phys*256]) as DOS 3.3 formats a track. */
void a2_track_write_std(struct a2_track *t, unsigned track, uint8_t volume, const uint8_t *data);

/* Finds the 16 sectors of a track in a bit stream; data[phys*256]. Returns
 * a bit mask of the physical sectors found with good checksums. */
unsigned a2_track_decode(const struct a2_track *t, uint8_t data[16 * 256]);

/* Reads the track as nibbles, the way the controller's latch sees them,
 * starting at bit 0 for total_bits bits (wrapping round the loop); returns
 * the count written to out (at most max). */
size_t a2_track_nibbles(const struct a2_track *t, uint32_t total_bits, uint8_t *out, size_t max);

/* Bit access. */
static inline unsigned a2_track_bit(const struct a2_track *t, uint32_t pos)
{
    return (t->bits[pos >> 3] >> (7 - (pos & 7))) & 1u;
}
static inline void a2_track_set_bit(struct a2_track *t, uint32_t pos, unsigned b)
{
    uint8_t m = (uint8_t)(0x80u >> (pos & 7));
    if (b) t->bits[pos >> 3] |= m;
    else t->bits[pos >> 3] &= (uint8_t)~m;
}

const char *a2_format_name(enum a2_format f);

#endif
