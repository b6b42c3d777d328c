/* WOZ 1 and 2: a header with a CRC32, then INFO, TMAP and TRKS chunks
 * (and optional ones such as META that we keep verbatim). */
#include <stdlib.h>
#include <string.h>

#include "a2_woz.h"
#include "fdx/media.h"

#define WOZ1_TRACK 6656u
#define WOZ1_BITS_MAX 6646u

static uint32_t le32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}
static uint16_t le16(const uint8_t *p)
{
    return (uint16_t)(p[0] | p[1] << 8);
}
static void put32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++) p[i] = (uint8_t)(v >> (8 * i));
}
static void put16(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

struct woz_parts {
    int version;
    const uint8_t *info, *tmap, *trks;
    uint32_t trks_size;
    unsigned ntrk;              /* tracks in TRKS */
};

/* One track's bits: pointer and bit count, checked against the file. */
static int track_bits(const uint8_t *data, size_t size, const struct woz_parts *w, unsigned i, const uint8_t **bits,
                      uint32_t *nbits, struct fdx_err *err)
{
    if (w->version == 1) {
        const uint8_t *t = w->trks + (size_t)i * WOZ1_TRACK;
        *bits = t;
        *nbits = le16(t + 6648);
        if (*nbits == 0 || *nbits > WOZ1_BITS_MAX * 8)
            return fdx_err_set(err, "WOZ track %u: impossible bit count %u", i, (unsigned)*nbits);
        return 0;
    }
    const uint8_t *e = w->trks + (size_t)i * 8;
    uint32_t block = le16(e), count = le16(e + 2);
    *nbits = le32(e + 4);
    if ((size_t)(block + count) * 512 > size || block < 3)
        return fdx_err_set(err, "WOZ track %u: data (blocks %u+%u) lies outside the file", i, (unsigned)block,
                           (unsigned)count);
    if (*nbits == 0 || *nbits > count * 512u * 8u)
        return fdx_err_set(err, "WOZ track %u: bit count %u does not fit its %u blocks", i, (unsigned)*nbits,
                           (unsigned)count);
    *bits = data + (size_t)block * 512;
    return 0;
}

static int parse(const uint8_t *data, size_t size, struct woz_parts *w, struct fdx_err *err)
{
    memset(w, 0, sizeof *w);
    if (size < 12 || (memcmp(data, "WOZ1", 4) && memcmp(data, "WOZ2", 4)))
        return fdx_err_set(err, "not a WOZ file");
    if (memcmp(data + 4, "\xFF\x0A\x0D\x0A", 4))
        return fdx_err_set(err, "WOZ header damaged (line-end bytes changed by a text transfer?)");
    w->version = data[3] - '0';
    uint32_t crc = le32(data + 8);
    if (crc && crc != fdx_crc32(0, data + 12, size - 12))
        return fdx_err_set(err, "WOZ file damaged (CRC32 mismatch)");
    size_t pos = 12;
    while (pos + 8 <= size) {
        uint32_t len = le32(data + pos + 4);
        const uint8_t *body = data + pos + 8;
        if (len > size - pos - 8) return fdx_err_set(err, "WOZ chunk %.4s runs past the end of the file", data + pos);
        if (!memcmp(data + pos, "INFO", 4)) {
            if (len < 60) return fdx_err_set(err, "WOZ INFO chunk too short");
            w->info = body;
        } else if (!memcmp(data + pos, "TMAP", 4)) {
            if (len < 160) return fdx_err_set(err, "WOZ TMAP chunk too short");
            w->tmap = body;
        } else if (!memcmp(data + pos, "TRKS", 4)) {
            w->trks = body;
            w->trks_size = len;
        }
        pos += 8 + (size_t)len;
    }
    if (!w->info || !w->tmap || !w->trks) return fdx_err_set(err, "WOZ file lacks an INFO, TMAP or TRKS chunk");
    if (w->info[1] != 1) return fdx_err_set(err, "WOZ disk is not a 5.25\" disk (disk type %u)", w->info[1]);
    if (w->version == 1) {
        if (w->trks_size % WOZ1_TRACK) return fdx_err_set(err, "WOZ TRKS chunk is not whole tracks");
        w->ntrk = w->trks_size / WOZ1_TRACK;
    } else {
        if (w->trks_size < 1280) return fdx_err_set(err, "WOZ TRKS chunk too short");
        w->ntrk = 160;
    }
    for (unsigned q = 0; q < A2_QTRACKS; q++) {
        uint8_t t = w->tmap[q];
        if (t == 0xFF) continue;
        if (t >= w->ntrk || t >= A2_QTRACKS) return fdx_err_set(err, "WOZ track map names missing track %u", t);
        const uint8_t *bits;
        uint32_t nbits;
        if (track_bits(data, size, w, t, &bits, &nbits, err)) return -1;
    }
    return 0;
}

int a2_woz_check(const uint8_t *data, size_t size, struct fdx_err *err)
{
    struct woz_parts w;
    return parse(data, size, &w, err);
}

int a2_woz_load(struct a2_disk *d, const uint8_t *data, size_t size, struct fdx_err *err)
{
    struct woz_parts w;
    if (parse(data, size, &w, err)) return -1;
    memset(d, 0, sizeof *d);
    d->format = w.version == 1 ? A2_FMT_WOZ1 : A2_FMT_WOZ2;
    d->volume = 254;
    memcpy(d->woz_info, w.info, 60);
    d->write_protected = w.info[2] != 0;
    memset(d->qmap, 0xFF, sizeof d->qmap);
    /* tracks renumbered densely in the order the map first uses them */
    uint8_t renum[256];
    memset(renum, 0xFF, sizeof renum);
    for (unsigned q = 0; q < A2_QTRACKS; q++) {
        uint8_t t = w.tmap[q];
        if (t == 0xFF) continue;
        if (renum[t] == 0xFF) {
            const uint8_t *bits;
            uint32_t nbits;
            track_bits(data, size, &w, t, &bits, &nbits, err);
            struct a2_track *tr = &d->track[d->ntracks];
            tr->bits = calloc((nbits + 7) / 8 + 1, 1);
            if (!tr->bits) {
                a2_disk_free(d);
                return fdx_err_set(err, "out of memory");
            }
            tr->nbits = nbits;
            memcpy(tr->bits, bits, (nbits + 7) / 8);
            renum[t] = (uint8_t)d->ntracks++;
        }
        d->qmap[q] = renum[t];
    }
    /* keep chunks we do not interpret (META, WRIT, FLUX...) for saving */
    size_t pos = 12, extra = 0;
    while (pos + 8 <= size) {
        uint32_t len = le32(data + pos + 4);
        if (memcmp(data + pos, "INFO", 4) && memcmp(data + pos, "TMAP", 4) && memcmp(data + pos, "TRKS", 4) &&
            memcmp(data + pos, "FLUX", 4))
            extra += 8 + len;
        pos += 8 + (size_t)len;
    }
    if (extra) {
        d->woz_extra = malloc(extra);
        if (!d->woz_extra) {
            a2_disk_free(d);
            return fdx_err_set(err, "out of memory");
        }
        pos = 12;
        while (pos + 8 <= size) {
            uint32_t len = le32(data + pos + 4);
            if (memcmp(data + pos, "INFO", 4) && memcmp(data + pos, "TMAP", 4) && memcmp(data + pos, "TRKS", 4) &&
                memcmp(data + pos, "FLUX", 4)) {
                memcpy(d->woz_extra + d->woz_extra_size, data + pos, 8 + (size_t)len);
                d->woz_extra_size += 8 + (size_t)len;
            }
            pos += 8 + (size_t)len;
        }
    }
    return 0;
}

int a2_woz_save(const struct a2_disk *d, uint8_t **out, size_t *size, struct fdx_err *err)
{
    size_t blocks = 0;
    uint16_t largest = 0;
    for (unsigned i = 0; i < d->ntracks; i++) {
        uint16_t b = (uint16_t)((d->track[i].nbits + 4095) / 4096);
        blocks += b;
        if (b > largest) largest = b;
    }
    size_t n = 1536 + blocks * 512 + d->woz_extra_size;
    uint8_t *f = calloc(n, 1);
    if (!f) return fdx_err_set(err, "out of memory");
    memcpy(f, "WOZ2\xFF\x0A\x0D\x0A", 8);
    memcpy(f + 12, "INFO", 4);
    put32(f + 16, 60);
    uint8_t *info = f + 20;
    memcpy(info, d->woz_info, 60);
    if (info[0] < 2) {
        /* fields WOZ 2 added to INFO */
        memset(info + 37, 0, 23);
        info[37] = 1;           /* sides */
        info[39] = 32;          /* optimal bit timing: 4 us */
    }
    info[0] = 2;
    info[1] = 1;
    info[2] = d->write_protected;
    put16(info + 44, largest);
    memcpy(f + 80, "TMAP", 4);
    put32(f + 84, 160);
    memcpy(f + 88, d->qmap, 160);
    memcpy(f + 248, "TRKS", 4);
    put32(f + 252, (uint32_t)(1280 + blocks * 512));
    size_t block = 3;
    for (unsigned i = 0; i < d->ntracks; i++) {
        uint8_t *e = f + 256 + i * 8;
        uint16_t b = (uint16_t)((d->track[i].nbits + 4095) / 4096);
        put16(e, (uint16_t)block);
        put16(e + 2, b);
        put32(e + 4, d->track[i].nbits);
        memcpy(f + block * 512, d->track[i].bits, (d->track[i].nbits + 7) / 8);
        block += b;
    }
    if (d->woz_extra_size) memcpy(f + 1536 + blocks * 512, d->woz_extra, d->woz_extra_size);
    put32(f + 8, fdx_crc32(0, f + 12, n - 12));
    *out = f;
    *size = n;
    return 0;
}
