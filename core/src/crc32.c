/* CRC-32 (IEEE 802.3, reflected, as zip and PNG use it) and SHA-1 (FIPS 180-4). */
#include "fdx/media.h"

#include <stdio.h>
#include <string.h>

#include "crc32_table.h"

/* one 4-byte load on little-endian hosts (one sanitizer check, not four) */
static inline uint32_t le32(const uint8_t *p)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
#else
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
#endif
}

/* Slicing by 8: states of several MiB are checked on every load, and
 * rewind and run-ahead save many per second. */
uint32_t fdx_crc32(uint32_t crc, const void *data, size_t size)
{
    const uint8_t *p = data;
    const uint32_t(*t)[256] = crc32_tables;
    crc = ~crc;
    for (; size >= 8; size -= 8, p += 8) {
        uint32_t lo = crc ^ le32(p), hi = le32(p + 4);
        crc = t[7][lo & 0xFF] ^ t[6][(lo >> 8) & 0xFF] ^ t[5][(lo >> 16) & 0xFF] ^ t[4][lo >> 24] ^
              t[3][hi & 0xFF] ^ t[2][(hi >> 8) & 0xFF] ^ t[1][(hi >> 16) & 0xFF] ^ t[0][hi >> 24];
    }
    while (size--) crc = (crc >> 8) ^ t[0][(crc ^ *p++) & 0xFF];
    return ~crc;
}

static uint32_t rol(uint32_t x, unsigned n) { return (x << n) | (x >> (32 - n)); }

static void sha1_block(struct fdx_sha1 *s, const uint8_t *b)
{
    uint32_t w[80];
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)b[4 * i] << 24 | (uint32_t)b[4 * i + 1] << 16 | (uint32_t)b[4 * i + 2] << 8 | b[4 * i + 3];
    for (int i = 16; i < 80; i++) w[i] = rol(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    uint32_t a = s->h[0], bb = s->h[1], c = s->h[2], d = s->h[3], e = s->h[4];
    for (int i = 0; i < 80; i++) {
        uint32_t f, k;
        if (i < 20) { f = (bb & c) | (~bb & d); k = 0x5A827999; }
        else if (i < 40) { f = bb ^ c ^ d; k = 0x6ED9EBA1; }
        else if (i < 60) { f = (bb & c) | (bb & d) | (c & d); k = 0x8F1BBCDC; }
        else { f = bb ^ c ^ d; k = 0xCA62C1D6; }
        uint32_t t = rol(a, 5) + f + e + k + w[i];
        e = d; d = c; c = rol(bb, 30); bb = a; a = t;
    }
    s->h[0] += a; s->h[1] += bb; s->h[2] += c; s->h[3] += d; s->h[4] += e;
}

void fdx_sha1_init(struct fdx_sha1 *s)
{
    static const uint32_t h0[5] = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
    memcpy(s->h, h0, sizeof h0);
    s->length = 0;
    s->used = 0;
}

void fdx_sha1_update(struct fdx_sha1 *s, const void *data, size_t size)
{
    const uint8_t *p = data;
    s->length += size;
    while (size) {
        size_t n = 64 - s->used;
        if (n > size) n = size;
        memcpy(s->block + s->used, p, n);
        s->used += (unsigned)n;
        p += n;
        size -= n;
        if (s->used == 64) {
            sha1_block(s, s->block);
            s->used = 0;
        }
    }
}

void fdx_sha1_final(struct fdx_sha1 *s, uint8_t digest[20])
{
    uint64_t bits = s->length * 8;
    uint8_t pad = 0x80;
    fdx_sha1_update(s, &pad, 1);
    pad = 0;
    while (s->used != 56) fdx_sha1_update(s, &pad, 1);
    uint8_t len[8];
    for (int i = 0; i < 8; i++) len[i] = (uint8_t)(bits >> (56 - 8 * i));
    fdx_sha1_update(s, len, 8);
    for (int i = 0; i < 5; i++)
        for (int j = 0; j < 4; j++) digest[4 * i + j] = (uint8_t)(s->h[i] >> (24 - 8 * j));
}

void fdx_sha1_hex(const void *data, size_t size, char out[41])
{
    struct fdx_sha1 s;
    uint8_t d[20];
    fdx_sha1_init(&s);
    fdx_sha1_update(&s, data, size);
    fdx_sha1_final(&s, d);
    for (int i = 0; i < 20; i++) snprintf(out + 2 * i, 3, "%02x", d[i]);
}
