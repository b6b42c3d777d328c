/* CRC-32 (IEEE 802.3, reflected, as zip and PNG use it) and SHA-1 (FIPS 180-4). */
#include "fdx/media.h"

#include <stdio.h>
#include <string.h>

#include "crc32_impl.h"
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

/* Slicing by 8, on the inverted CRC register: the portable path, and the
 * tail of the carry-less multiply path. */
uint32_t fdx_crc32_portable(uint32_t reg, const uint8_t *p, size_t size)
{
    const uint32_t(*t)[256] = crc32_tables;
    for (; size >= 8; size -= 8, p += 8) {
        uint32_t lo = reg ^ le32(p), hi = le32(p + 4);
        reg = t[7][lo & 0xFF] ^ t[6][(lo >> 8) & 0xFF] ^ t[5][(lo >> 16) & 0xFF] ^ t[4][lo >> 24] ^
              t[3][hi & 0xFF] ^ t[2][(hi >> 8) & 0xFF] ^ t[1][(hi >> 16) & 0xFF] ^ t[0][hi >> 24];
    }
    while (size--) reg = (reg >> 8) ^ t[0][(reg ^ *p++) & 0xFF];
    return reg;
}

#if FDX_CRC32_CLMUL
#include <immintrin.h>

/* Folding with carry-less multiplication (PCLMULQDQ), after Intel's paper
 * "Fast CRC Computation for Generic Polynomials Using PCLMULQDQ
 * Instruction" (Gopal et al., 2009), in its bit-reflected form. Four
 * 128-bit accumulators advance 64 bytes at a time; each step multiplies an
 * accumulator's halves by x^(d+32) and x^(d-32) mod P, which moves them d
 * bits forward, where the next data is xored in. The constants are those
 * powers for d = 512 and d = 128, bit-reflected and shifted left by one
 * (a wrong one shows at once in tests/unit/test_media.c, which compares
 * with zlib at every length up to 300 and every alignment). The 128-bit
 * remainder is then folded to 64 and 32 bits and reduced with Barrett's
 * method (mu = x^64 div P). Processes a multiple of 16 bytes, at least 64. */
__attribute__((target("pclmul,sse2"))) static uint32_t crc32_clmul(uint32_t reg, const uint8_t *p, size_t size)
{
    const __m128i fold512 = _mm_set_epi64x(0x1c6e41596, 0x154442bd4); /* x^480, x^544 */
    const __m128i fold128 = _mm_set_epi64x(0x0ccaa009e, 0x1751997d0); /* x^96, x^160 */
    const __m128i fold64 = _mm_set_epi64x(0, 0x163cd6124);            /* x^64 */
    const __m128i barrett = _mm_set_epi64x(0x1f7011641, 0x1db710641); /* mu, P */
    const __m128i low32 = _mm_setr_epi32(-1, 0, -1, 0);
#define LOAD(i) _mm_loadu_si128((const __m128i *)(const void *)(p + 16 * (i)))
#define FOLD(acc, k, next) \
    _mm_xor_si128(_mm_xor_si128(_mm_clmulepi64_si128(acc, k, 0x00), _mm_clmulepi64_si128(acc, k, 0x11)), next)
    __m128i a0 = _mm_xor_si128(LOAD(0), _mm_cvtsi32_si128((int)reg));
    __m128i a1 = LOAD(1), a2 = LOAD(2), a3 = LOAD(3);
    for (p += 64, size -= 64; size >= 64; p += 64, size -= 64) {
        a0 = FOLD(a0, fold512, LOAD(0));
        a1 = FOLD(a1, fold512, LOAD(1));
        a2 = FOLD(a2, fold512, LOAD(2));
        a3 = FOLD(a3, fold512, LOAD(3));
    }
    a0 = FOLD(a0, fold128, a1);
    a0 = FOLD(a0, fold128, a2);
    a0 = FOLD(a0, fold128, a3);
    for (; size >= 16; p += 16, size -= 16) a0 = FOLD(a0, fold128, LOAD(0));
#undef FOLD
#undef LOAD
    /* 128 -> 64 bits: the low half times x^96, added to the high half */
    __m128i r = _mm_xor_si128(_mm_srli_si128(a0, 8), _mm_clmulepi64_si128(a0, fold128, 0x10));
    /* 64 -> 32 bits: the low word times x^64, added to the rest */
    r = _mm_xor_si128(_mm_srli_si128(r, 4), _mm_clmulepi64_si128(_mm_and_si128(r, low32), fold64, 0x00));
    /* Barrett: q = (r mod x^32) * mu, keep q's low 32 bits, r ^= q * P */
    __m128i q = _mm_and_si128(_mm_clmulepi64_si128(_mm_and_si128(r, low32), barrett, 0x10), low32);
    r = _mm_xor_si128(r, _mm_clmulepi64_si128(q, barrett, 0x00));
    return (uint32_t)_mm_cvtsi128_si32(_mm_srli_si128(r, 4));
}
#endif

/* Save states of several MiB are checked on every load, and rewind and
 * run-ahead save many per second. */
uint32_t fdx_crc32(uint32_t crc, const void *data, size_t size)
{
    const uint8_t *p = data;
    uint32_t reg = ~crc;
#if FDX_CRC32_CLMUL
    if (size >= 64 && __builtin_cpu_supports("pclmul")) {
        size_t n = size & ~(size_t)15;
        reg = crc32_clmul(reg, p, n);
        p += n;
        size -= n;
    }
#endif
    return ~fdx_crc32_portable(reg, p, size);
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
