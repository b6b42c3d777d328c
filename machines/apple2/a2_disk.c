/* Apple II disk images: format detection, loading and saving of sector
 * images (.dsk/.do/.po) and .nib; WOZ lives in a2_woz.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "a2_disk.h"
#include "a2_woz.h"

const char *a2_format_name(enum a2_format f)
{
    switch (f) {
    case A2_FMT_DOS: return "DOS 3.3 order";
    case A2_FMT_PRODOS: return "ProDOS order";
    case A2_FMT_NIB: return "nibbles (.nib)";
    case A2_FMT_WOZ1: return "WOZ 1";
    case A2_FMT_WOZ2: return "WOZ 2";
    default: return "none";
    }
}

static const char *extension(const char *filename)
{
    const char *dot = filename ? strrchr(filename, '.') : NULL;
    return dot ? dot + 1 : "";
}

/* Position in the file of a sector given by physical number. */
static size_t file_pos(enum a2_format order, unsigned track, unsigned phys)
{
    unsigned s = order == A2_FMT_PRODOS ? a2_prodos_of_phys[phys] : a2_dos_of_phys[phys];
    return (size_t)track * 4096 + s * 256u;
}

static unsigned phys_of(const uint8_t *table, unsigned s)
{
    for (unsigned p = 0; p < 16; p++)
        if (table[p] == s) return p;
    return 0;
}

/* DOS logical sector L of track t in a file of the given order. */
static const uint8_t *dos_sector(const uint8_t *img, enum a2_format order, unsigned t, unsigned l)
{
    return img + file_pos(order, t, phys_of(a2_dos_of_phys, l));
}

/* Half of a ProDOS block (half 0 or 1) in a file of the given order. */
static const uint8_t *prodos_half(const uint8_t *img, enum a2_format order, unsigned block, unsigned half)
{
    unsigned s = (block % 8) * 2 + half;
    return img + file_pos(order, block / 8, phys_of(a2_prodos_of_phys, s));
}

/* How well a file read in `order` looks like DOS 3.3: the VTOC and a
 * catalogue chain that runs down sector by sector. */
static int dos_score(const uint8_t *img, unsigned ntracks, enum a2_format order)
{
    const uint8_t *v = dos_sector(img, order, 17, 0);
    if (v[0x27] != 0x7A || v[0x35] != 16 || v[0x36] != 0 || v[0x37] != 1 || v[0x34] < 35 || v[0x34] > 40)
        return 0;
    unsigned t = v[1], s = v[2], good = 0;
    for (unsigned i = 0; i < 16 && t && t < ntracks && s < 16; i++) {
        const uint8_t *c = dos_sector(img, order, t, s);
        if (c[1] == 0) break;
        if (c[1] == t && c[2] + 1u == s) good++;
        else return 1 + (int)good;
        t = c[1], s = c[2];
    }
    return 2 + (int)good;
}

/* The same for ProDOS: volume directory key block and its chain. */
static int prodos_score(const uint8_t *img, unsigned ntracks, enum a2_format order)
{
    const uint8_t *b = prodos_half(img, order, 2, 0);
    if (b[0] || b[1] || (b[4] & 0xF0) != 0xF0 || b[0x23] != 0x27 || b[0x24] != 0x0D) return 0;
    unsigned prev = 2, next = b[2] | b[3] << 8, good = 0;
    for (unsigned i = 0; i < 8 && next && next < ntracks * 8u; i++) {
        const uint8_t *c = prodos_half(img, order, next, 0);
        if ((unsigned)(c[0] | c[1] << 8) != prev) return 1 + (int)good;
        good++;
        prev = next;
        next = c[2] | c[3] << 8;
    }
    return 2 + (int)good;
}

int a2_disk_probe(const uint8_t *data, size_t size, const char *filename, enum a2_format *fmt, char *what,
                  size_t what_size)
{
    enum a2_format f = A2_FMT_NONE;
    int score = 0;
    char buf[400] = "";
    const char *ext = extension(filename);
    if (size >= 12 && (!memcmp(data, "WOZ1", 4) || !memcmp(data, "WOZ2", 4))) {
        f = data[3] == '1' ? A2_FMT_WOZ1 : A2_FMT_WOZ2;
        struct fdx_err err;
        if (a2_woz_check(data, size, &err) == 0) {
            score = 95;
            snprintf(buf, sizeof buf, "5.25\" disk, %s", a2_format_name(f));
        } else {
            score = 30;
            snprintf(buf, sizeof buf, "damaged %s: %s", a2_format_name(f), err.msg);
        }
    } else if (size == A2_NIB_IMAGE_SIZE) {
        f = A2_FMT_NIB;
        score = !strcasecmp(ext, "nib") ? 90 : 50;
        snprintf(buf, sizeof buf, "5.25\" disk, 35 tracks of nibbles");
    } else if (size % 4096 == 0 && size >= 35 * 4096 && size <= 40 * 4096) {
        unsigned nt = (unsigned)(size / 4096);
        int d = dos_score(data, nt, A2_FMT_DOS), dp = dos_score(data, nt, A2_FMT_PRODOS);
        int p = prodos_score(data, nt, A2_FMT_PRODOS), pd = prodos_score(data, nt, A2_FMT_DOS);
        /* evidence for each order: a file system that reads right one way round */
        int ev_dos = d + pd, ev_pro = p + dp;
        bool ext_po = !strcasecmp(ext, "po");
        bool ext_sector = ext_po || !strcasecmp(ext, "dsk") || !strcasecmp(ext, "do");
        int conf_dos, why;
        const char *fs;
        if (ev_dos > ev_pro) {
            conf_dos = 90, why = 1;
        } else if (ev_pro > ev_dos) {
            conf_dos = 10, why = 1;
        } else {
            conf_dos = ext_po ? 40 : 60, why = 0;
        }
        fs = d || dp ? "DOS 3.3 file system" : (p || pd ? "ProDOS file system" : "no file system recognised");
        f = conf_dos >= 50 ? A2_FMT_DOS : A2_FMT_PRODOS;
        score = ext_sector ? 85 : 45;
        if (why && ext_sector) score = 90;
        snprintf(buf, sizeof buf, "5.25\" disk, %u tracks, %s; order: DOS 3.3 %d%%, ProDOS %d%%%s",
                 nt, fs, conf_dos >= 50 ? conf_dos : conf_dos, 100 - conf_dos,
                 why ? "" : " (by file name)");
        if (conf_dos < 50)
            snprintf(buf, sizeof buf, "5.25\" disk, %u tracks, %s; order: ProDOS %d%%, DOS 3.3 %d%%%s", nt, fs,
                     100 - conf_dos, conf_dos, why ? "" : " (by file name)");
    }
    if (fmt) *fmt = f;
    if (what && what_size) snprintf(what, what_size, "%s", buf);
    return score;
}

void a2_disk_free(struct a2_disk *d)
{
    for (unsigned i = 0; i < A2_QTRACKS; i++) free(d->track[i].bits);
    free(d->woz_extra);
    memset(d, 0, sizeof *d);
}

static int alloc_track(struct a2_track *t, uint32_t nbits, struct fdx_err *err)
{
    t->bits = calloc((nbits + 7) / 8 + 1, 1);
    if (!t->bits) return fdx_err_set(err, "out of memory");
    t->nbits = nbits;
    return 0;
}

/* Whole tracks t sit at quarter tracks 4t-1..4t+1, as the head reads them. */
static void map_whole_tracks(struct a2_disk *d, unsigned ntracks)
{
    memset(d->qmap, 0xFF, sizeof d->qmap);
    for (unsigned t = 0; t < ntracks; t++)
        for (int q = (int)t * 4 - 1; q <= (int)t * 4 + 1; q++)
            if (q >= 0 && q < A2_QTRACKS) d->qmap[q] = (uint8_t)t;
    d->ntracks = ntracks;
}

int a2_disk_from_sectors(struct a2_disk *d, const uint8_t *img, enum a2_format order, uint8_t volume,
                         struct fdx_err *err)
{
    return a2_disk_from_sectors_n(d, img, 35, order, volume, err);
}

int a2_disk_from_sectors_n(struct a2_disk *d, const uint8_t *img, unsigned ntracks, enum a2_format order,
                           uint8_t volume, struct fdx_err *err)
{
    memset(d, 0, sizeof *d);
    d->format = order;
    d->volume = volume;
    map_whole_tracks(d, ntracks);
    uint8_t phys[16 * 256];
    for (unsigned t = 0; t < ntracks; t++) {
        if (alloc_track(&d->track[t], A2_DSK_TRACK_BITS, err)) {
            a2_disk_free(d);
            return -1;
        }
        for (unsigned p = 0; p < 16; p++) memcpy(phys + p * 256, img + file_pos(order, t, p), 256);
        a2_track_write_std(&d->track[t], t, volume, phys);
    }
    return 0;
}

static int load_nib(struct a2_disk *d, const uint8_t *data, struct fdx_err *err)
{
    memset(d, 0, sizeof *d);
    d->format = A2_FMT_NIB;
    map_whole_tracks(d, 35);
    for (unsigned t = 0; t < 35; t++) {
        if (alloc_track(&d->track[t], A2_NIB_TRACK * 8, err)) {
            a2_disk_free(d);
            return -1;
        }
        memcpy(d->track[t].bits, data + t * A2_NIB_TRACK, A2_NIB_TRACK);
    }
    return 0;
}

int a2_disk_load(struct a2_disk *d, const uint8_t *data, size_t size, const char *filename, enum a2_format force,
                 struct fdx_err *err)
{
    enum a2_format f = A2_FMT_NONE;
    int score = a2_disk_probe(data, size, filename, &f, NULL, 0);
    if (force != A2_FMT_NONE) {
        if ((force == A2_FMT_DOS || force == A2_FMT_PRODOS) && f != A2_FMT_DOS && f != A2_FMT_PRODOS)
            return fdx_err_set(err, "%s: not a sector image (size %zu, want 143360)", filename, size);
        if ((force == A2_FMT_DOS || force == A2_FMT_PRODOS)) f = force;
    }
    switch (f) {
    case A2_FMT_DOS:
    case A2_FMT_PRODOS:
        return a2_disk_from_sectors_n(d, data, (unsigned)(size / 4096), f, 254, err);
    case A2_FMT_NIB: return load_nib(d, data, err);
    case A2_FMT_WOZ1:
    case A2_FMT_WOZ2: return a2_woz_load(d, data, size, err);
    default:
        (void)score;
        return fdx_err_set(err, "%s: not an Apple II disk image (%zu bytes; .dsk/.do/.po are 143360, .nib 232960, "
                                ".woz starts with WOZ1/WOZ2)",
                           filename ? filename : "disk", size);
    }
}

static int save_sectors(const struct a2_disk *d, uint8_t **out, size_t *size, struct fdx_err *err)
{
    size_t n = (size_t)d->ntracks * 4096;
    uint8_t *img = calloc(n, 1);
    if (!img) return fdx_err_set(err, "out of memory");
    uint8_t phys[16 * 256];
    for (unsigned t = 0; t < d->ntracks; t++) {
        uint8_t idx = d->qmap[t * 4];
        unsigned found = idx == 0xFF ? 0 : a2_track_decode(&d->track[idx], phys);
        if (found != 0xFFFF) {
            unsigned s = 0;
            while (found & (1u << s)) s++;
            free(img);
            return fdx_err_set(err, "track %u sector %u can no longer be read (the guest wrote a non-standard "
                                    "format); cannot save as %s",
                               t, s, a2_format_name(d->format));
        }
        for (unsigned p = 0; p < 16; p++) memcpy(img + file_pos(d->format, t, p), phys + p * 256, 256);
    }
    *out = img;
    *size = n;
    return 0;
}

static int save_nib(const struct a2_disk *d, uint8_t **out, size_t *size, struct fdx_err *err)
{
    uint8_t *img = malloc(A2_NIB_IMAGE_SIZE);
    if (!img) return fdx_err_set(err, "out of memory");
    memset(img, 0xFF, A2_NIB_IMAGE_SIZE);
    for (unsigned t = 0; t < 35; t++) {
        uint8_t idx = d->qmap[t * 4];
        if (idx == 0xFF) continue;
        const struct a2_track *tr = &d->track[idx];
        if (tr->nbits == A2_NIB_TRACK * 8 && !d->dirty) {
            memcpy(img + t * A2_NIB_TRACK, tr->bits, A2_NIB_TRACK);
            continue;
        }
        /* written tracks: the nibbles the latch sees, one loop round */
        uint8_t tmp[A2_NIB_TRACK + A2_NIB_TRACK / 8 + 16];
        size_t n = a2_track_nibbles(tr, tr->nbits, tmp, sizeof tmp);
        if (n > A2_NIB_TRACK) n = A2_NIB_TRACK;
        memcpy(img + t * A2_NIB_TRACK, tmp, n);
    }
    *out = img;
    *size = A2_NIB_IMAGE_SIZE;
    return 0;
}

int a2_disk_save(const struct a2_disk *d, uint8_t **out, size_t *size, struct fdx_err *err)
{
    switch (d->format) {
    case A2_FMT_DOS:
    case A2_FMT_PRODOS: return save_sectors(d, out, size, err);
    case A2_FMT_NIB: return save_nib(d, out, size, err);
    case A2_FMT_WOZ1:
    case A2_FMT_WOZ2: return a2_woz_save(d, out, size, err);
    default: return fdx_err_set(err, "no disk");
    }
}
