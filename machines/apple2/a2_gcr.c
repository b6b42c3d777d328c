/* 6-and-2 GCR: sector encoding, track nibblizing and decoding. */
#include <stdlib.h>
#include <string.h>

#include "a2_disk.h"

const uint8_t a2_gcr62_write[64] = {
    0x96, 0x97, 0x9A, 0x9B, 0x9D, 0x9E, 0x9F, 0xA6, 0xA7, 0xAB, 0xAC, 0xAD, 0xAE, 0xAF, 0xB2, 0xB3,
    0xB4, 0xB5, 0xB6, 0xB7, 0xB9, 0xBA, 0xBB, 0xBC, 0xBD, 0xBE, 0xBF, 0xCB, 0xCD, 0xCE, 0xCF, 0xD3,
    0xD6, 0xD7, 0xD9, 0xDA, 0xDB, 0xDC, 0xDD, 0xDE, 0xDF, 0xE5, 0xE6, 0xE7, 0xE9, 0xEA, 0xEB, 0xEC,
    0xED, 0xEE, 0xEF, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7, 0xF9, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE, 0xFF,
};

/* DOS 3.3 and ProDOS skew: which sector of the file a physical sector holds. */
const uint8_t a2_dos_of_phys[16] = {0, 7, 14, 6, 13, 5, 12, 4, 11, 3, 10, 2, 9, 1, 8, 15};
const uint8_t a2_prodos_of_phys[16] = {0, 8, 1, 9, 2, 10, 3, 11, 4, 12, 5, 13, 6, 14, 7, 15};

/* Inverse of a2_gcr62_write, -1 for bytes that are not valid; built per
 * sector (64 stores) rather than kept as a mutable global. */
static void gcr62_read_table(int8_t inv[256])
{
    memset(inv, -1, 256);
    for (int i = 0; i < 64; i++) inv[a2_gcr62_write[i]] = (int8_t)i;
}

static unsigned rev2(unsigned v)
{
    return ((v & 1u) << 1) | ((v & 2u) >> 1);
}

void a2_encode62(const uint8_t data[256], uint8_t out[343])
{
    uint8_t six[342];
    /* 86 bytes of low bit pairs (each pair reversed), then 256 high six bits */
    for (unsigned i = 0; i < 86; i++) {
        unsigned v = rev2(data[i] & 3u) | rev2(data[i + 86] & 3u) << 2;
        if (i + 172 < 256) v |= rev2(data[i + 172] & 3u) << 4;
        six[i] = (uint8_t)v;
    }
    for (unsigned i = 0; i < 256; i++) six[86 + i] = (uint8_t)(data[i] >> 2);
    /* each byte is written exclusive-ored with the one before */
    uint8_t prev = 0;
    for (unsigned i = 0; i < 342; i++) {
        out[i] = a2_gcr62_write[six[i] ^ prev];
        prev = six[i];
    }
    out[342] = a2_gcr62_write[prev];
}

int a2_decode62(const uint8_t in[343], uint8_t data[256])
{
    uint8_t six[342];
    uint8_t prev = 0;
    int8_t inv[256];
    gcr62_read_table(inv);
    for (unsigned i = 0; i < 343; i++) {
        int v = inv[in[i]];
        if (v < 0) return -1;
        if (i == 342) {
            if ((uint8_t)v != prev) return -1;
            break;
        }
        six[i] = (uint8_t)(v ^ prev);
        prev = six[i];
    }
    for (unsigned i = 0; i < 256; i++) {
        unsigned aux = six[i % 86] >> (2 * (i / 86));
        data[i] = (uint8_t)(six[86 + i] << 2 | rev2(aux & 3u));
    }
    return 0;
}

/* ---- writing a standard track ------------------------------------------ */

/* Writes whole bytes from an accumulator: the track is written from bit 0
 * on, so every store lands on a byte boundary. */
struct bitw {
    struct a2_track *t;
    uint32_t pos;               /* bits written */
    uint32_t acc;               /* bits not yet stored (the low `n`) */
    unsigned n;
};

static void bitw_store(struct bitw *w)
{
    while (w->n >= 8) {
        if (w->pos + 8 <= w->t->nbits) w->t->bits[w->pos >> 3] = (uint8_t)(w->acc >> (w->n - 8));
        w->pos += 8;
        w->n -= 8;
    }
}

/* Writes v MSB first, then zero bits up to `cells` bit cells (8 or 10). */
static void bitw_put(struct bitw *w, uint8_t v, unsigned cells)
{
    w->acc = (w->acc << cells) | ((uint32_t)v << (cells - 8));
    w->n += cells;
    bitw_store(w);
}

/* bitw_put(w, v[i], 8) for each byte: eight cells in, eight out, so the
 * count of pending bits stays and each byte is one store (the data
 * fields, most of a track). */
static void bitw_bytes(struct bitw *w, const uint8_t *v, size_t count)
{
    uint32_t acc = w->acc, pos = w->pos, nbits = w->t->nbits;
    uint8_t *bits = w->t->bits;
    for (size_t i = 0; i < count; i++, pos += 8) {
        acc = acc << 8 | v[i];
        if (pos + 8 <= nbits) bits[pos >> 3] = (uint8_t)(acc >> w->n);
    }
    w->acc = acc;
    w->pos = pos;
}

static void bitw_put_sync(struct bitw *w, unsigned n)
{
    while (n--) bitw_put(w, 0xFF, 10);
}

/* Lays out 16 sectors (data[phys*256]) as DOS 3.3 formats them. */
void a2_track_write_std(struct a2_track *t, unsigned track, uint8_t volume, const uint8_t *data)
{
    struct bitw w = {t, 0, 0, 0};
    memset(t->bits, 0xFF, (t->nbits + 7) / 8);
    bitw_put_sync(&w, 64);
    for (unsigned s = 0; s < 16; s++) {
        uint8_t f[2];
        bitw_put(&w, 0xD5, 8), bitw_put(&w, 0xAA, 8), bitw_put(&w, 0x96, 8);
        a2_encode44(volume, f), bitw_put(&w, f[0], 8), bitw_put(&w, f[1], 8);
        a2_encode44((uint8_t)track, f), bitw_put(&w, f[0], 8), bitw_put(&w, f[1], 8);
        a2_encode44((uint8_t)s, f), bitw_put(&w, f[0], 8), bitw_put(&w, f[1], 8);
        a2_encode44((uint8_t)(volume ^ track ^ s), f), bitw_put(&w, f[0], 8), bitw_put(&w, f[1], 8);
        bitw_put(&w, 0xDE, 8), bitw_put(&w, 0xAA, 8), bitw_put(&w, 0xEB, 8);
        bitw_put_sync(&w, 6);
        uint8_t enc[343];
        a2_encode62(data + s * 256, enc);
        bitw_put(&w, 0xD5, 8), bitw_put(&w, 0xAA, 8), bitw_put(&w, 0xAD, 8);
        bitw_bytes(&w, enc, sizeof enc);
        bitw_put(&w, 0xDE, 8), bitw_put(&w, 0xAA, 8), bitw_put(&w, 0xEB, 8);
        bitw_put_sync(&w, 16);
    }
    /* the last bits, then the rest of the loop stays sync (all ones) */
    if (w.n && w.pos + 8 <= t->nbits) {
        uint8_t keep = (uint8_t)(0xFFu >> w.n);
        t->bits[w.pos >> 3] = (uint8_t)((w.acc << (8 - w.n)) | keep);
    }
}

/* ---- reading a track back ----------------------------------------------- */

/* Eight bits from pos on, MSB first, wrapping round the loop. */
static unsigned bits8_at(const struct a2_track *t, uint32_t pos)
{
    if (pos + 8 <= t->nbits) {
        const uint8_t *b = t->bits + (pos >> 3);
        unsigned shift = pos & 7;
        return shift ? ((unsigned)b[0] << 8 | b[1]) >> (8 - shift) & 0xFFu : b[0];
    }
    unsigned v = 0;
    for (unsigned k = 0; k < 8; k++) {
        v = v << 1 | a2_track_bit(t, pos);
        if (++pos == t->nbits) pos = 0;
    }
    return v;
}

size_t a2_track_nibbles(const struct a2_track *t, uint32_t total, uint8_t *out, size_t max)
{
    if (!t->nbits) return 0;
    /* The latch model: bits shift in, and a byte is complete when bit 7 is
     * set; as the latch clears after each byte, a byte is a one bit and the
     * seven after it, and zero bits before it are lost. Taken eight bits
     * at a time rather than bit by bit (disk images are decoded whole). */
    size_t n = 0;
    uint32_t pos = 0, left = total;
    while (n < max && left >= 8) {
        unsigned w = bits8_at(t, pos), step = 0;
        while (step < 8 && !(w & (0x80u >> step))) step++;
        if (!step) {
            out[n++] = (uint8_t)w;
            step = 8;
        }
        left -= step;
        pos += step;
        while (pos >= t->nbits) pos -= t->nbits;
    }
    return n;
}

unsigned a2_track_decode(const struct a2_track *t, uint8_t data[16 * 256])
{
    size_t max = t->nbits / 8 + t->nbits / 64 + 16;
    uint8_t *nib = malloc(max);
    if (!nib) return 0;
    size_t n = a2_track_nibbles(t, t->nbits + t->nbits / 8, nib, max);
    unsigned found = 0;
    for (size_t i = 0; i + 14 < n; i++) {
        if (nib[i] != 0xD5 || nib[i + 1] != 0xAA || nib[i + 2] != 0x96) continue;
        uint8_t vol = a2_decode44(nib + i + 3), trk = a2_decode44(nib + i + 5);
        uint8_t sec = a2_decode44(nib + i + 7), chk = a2_decode44(nib + i + 9);
        if ((uint8_t)(vol ^ trk ^ sec) != chk || sec > 15) continue;
        /* the data field follows within a few dozen nibbles */
        size_t j = i + 14, end = i + 14 + 48;
        for (; j + 3 + 343 <= n && j < end; j++)
            if (nib[j] == 0xD5 && nib[j + 1] == 0xAA && nib[j + 2] == 0xAD) break;
        if (j + 3 + 343 > n || j >= end) continue;
        uint8_t sector[256];
        if (a2_decode62(nib + j + 3, sector) == 0 && !(found & (1u << sec))) {
            memcpy(data + sec * 256u, sector, 256);
            found |= 1u << sec;
        }
        i = j + 3 + 342;
    }
    free(nib);
    return found;
}
