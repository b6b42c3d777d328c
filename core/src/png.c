/* Minimal PNG writer (RGB, 8 bits, stored deflate blocks): screenshots need
 * no compression library. */
#include "fdx/av.h"
#include "fdx/common.h"
#include "fdx/media.h"

#include <stdlib.h>
#include <string.h>

static void be32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

/* Appends a chunk (length, type, data, CRC over type and data). */
static uint8_t *chunk(uint8_t *out, const char *type, const uint8_t *data, uint32_t len)
{
    be32(out, len);
    memcpy(out + 4, type, 4);
    if (len) memcpy(out + 8, data, len);
    be32(out + 8 + len, fdx_crc32(0, out + 4, len + 4));
    return out + 12 + len;
}

int fdx_frame_write_png(const struct fdx_frame *f, const char *path, struct fdx_err *err)
{
    if (!f->pixels || !f->width || !f->height) return fdx_err_set(err, "no picture to save");
    size_t row = 1 + (size_t)f->width * 3;
    size_t raw_len = row * f->height;
    size_t blocks = (raw_len + 65534) / 65535;
    size_t z_len = 2 + raw_len + blocks * 5 + 4;
    size_t total = 8 + 25 + 12 + z_len + 12;
    uint8_t *raw = malloc(raw_len), *z = malloc(z_len), *png = malloc(total);
    if (!raw || !z || !png) {
        free(raw);
        free(z);
        free(png);
        return fdx_err_set(err, "out of memory");
    }
    for (unsigned y = 0; y < f->height; y++) {
        uint8_t *r = raw + y * row;
        r[0] = 0; /* filter: none */
        for (unsigned x = 0; x < f->width; x++) {
            uint32_t px = f->pixels[(size_t)y * f->pitch + x];
            r[1 + 3 * x] = (uint8_t)(px >> 16);
            r[2 + 3 * x] = (uint8_t)(px >> 8);
            r[3 + 3 * x] = (uint8_t)px;
        }
    }
    /* zlib stream of stored blocks, then Adler-32 */
    uint8_t *zp = z;
    *zp++ = 0x78;
    *zp++ = 0x01;
    uint32_t a = 1, b = 0;
    for (size_t off = 0; off < raw_len;) {
        size_t n = raw_len - off > 65535 ? 65535 : raw_len - off;
        *zp++ = off + n == raw_len ? 1 : 0;
        *zp++ = (uint8_t)n;
        *zp++ = (uint8_t)(n >> 8);
        *zp++ = (uint8_t)~n;
        *zp++ = (uint8_t)(~n >> 8);
        memcpy(zp, raw + off, n);
        for (size_t i = 0; i < n; i++) {
            a = (a + raw[off + i]) % 65521;
            b = (b + a) % 65521;
        }
        zp += n;
        off += n;
    }
    be32(zp, (b << 16) | a);
    zp += 4;
    uint8_t ihdr[13];
    be32(ihdr, f->width);
    be32(ihdr + 4, f->height);
    ihdr[8] = 8;  /* bit depth */
    ihdr[9] = 2;  /* colour type: RGB */
    ihdr[10] = ihdr[11] = ihdr[12] = 0;
    uint8_t *p = png;
    memcpy(p, "\x89PNG\r\n\x1a\n", 8);
    p = chunk(p + 8, "IHDR", ihdr, 13);
    p = chunk(p, "IDAT", z, (uint32_t)(zp - z));
    p = chunk(p, "IEND", NULL, 0);
    int r = fdx_file_write_atomic(path, png, (size_t)(p - png), err);
    free(raw);
    free(z);
    free(png);
    return r;
}

uint32_t fdx_frame_hash(const struct fdx_frame *f)
{
    uint32_t crc = 0;
    if (!f->pixels) return 0;
    uint8_t buf[4];
    for (unsigned y = 0; y < f->height; y++)
        for (unsigned x = 0; x < f->width; x++) {
            uint32_t px = f->pixels[(size_t)y * f->pitch + x] & 0xFFFFFF;
            buf[0] = (uint8_t)px;
            buf[1] = (uint8_t)(px >> 8);
            buf[2] = (uint8_t)(px >> 16);
            buf[3] = 0;
            crc = fdx_crc32(crc, buf, 4);
        }
    return crc;
}
