/* PNG screenshots and frame hashes (png.c), and the generic register view
 * (cpu.c). The PNG is read back with zlib, not with our own code. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "fdx/fdx.h"
#include "unit.h"

static uint32_t be32(const uint8_t *p) { return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]; }

START_TEST(test_png_reads_back)
{
    /* 300 x 250 with a pitch wider than the picture; > 64 KiB of rows so
     * the zlib stream needs several stored blocks */
    enum { W = 300, H = 250, PITCH = 320 };
    uint32_t *px = calloc((size_t)PITCH * H, 4);
    for (unsigned y = 0; y < H; y++)
        for (unsigned x = 0; x < PITCH; x++) px[y * PITCH + x] = x < W ? (x * 7u) << 16 | (y * 3u) << 8 | ((x ^ y) & 0xFF) : 0xFFFFFFFF;
    struct fdx_frame f = {.pixels = px, .width = W, .height = H, .pitch = PITCH};
    char path[] = "/tmp/fdx-png-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    close(fd);
    struct fdx_err err;
    ck_assert_int_eq(fdx_frame_write_png(&f, path, &err), 0);

    uint8_t *data;
    size_t size;
    ck_assert_int_eq(fdx_file_read(path, 1 << 24, &data, &size, &err), 0);
    unlink(path);
    ck_assert_mem_eq(data, "\x89PNG\r\n\x1a\n", 8);
    /* walk the chunks, checking each CRC, collecting IDAT */
    size_t pos = 8, zlen = 0;
    uint8_t *z = malloc(size);
    unsigned w = 0, h = 0, chunks = 0;
    bool end = false;
    while (pos + 12 <= size && !end) {
        uint32_t len = be32(data + pos);
        ck_assert_uint_le(pos + 12 + len, size);
        const uint8_t *type = data + pos + 4, *body = data + pos + 8;
        ck_assert_uint_eq(be32(body + len), fdx_crc32(0, type, 4 + len));
        if (!memcmp(type, "IHDR", 4)) {
            w = be32(body), h = be32(body + 4);
            ck_assert_int_eq(body[8], 8);
            ck_assert_int_eq(body[9], 2);
        } else if (!memcmp(type, "IDAT", 4)) {
            memcpy(z + zlen, body, len);
            zlen += len;
        } else if (!memcmp(type, "IEND", 4)) {
            end = true;
        }
        pos += 12 + len;
        chunks++;
    }
    ck_assert(end);
    ck_assert_uint_eq(pos, size);
    ck_assert_uint_eq(w, W);
    ck_assert_uint_eq(h, H);
    uLongf rawlen = (uLongf)(1 + W * 3) * H;
    uint8_t *raw = malloc(rawlen);
    ck_assert_int_eq(uncompress(raw, &rawlen, z, zlen), Z_OK);
    ck_assert_uint_eq(rawlen, (uLongf)(1 + W * 3) * H);
    for (unsigned y = 0; y < H; y++) {
        const uint8_t *r = raw + y * (1 + W * 3);
        ck_assert_int_eq(r[0], 0);
        for (unsigned x = 0; x < W; x++) {
            uint32_t want = px[y * PITCH + x];
            ck_assert_int_eq(r[1 + 3 * x], (uint8_t)(want >> 16));
            ck_assert_int_eq(r[2 + 3 * x], (uint8_t)(want >> 8));
            ck_assert_int_eq(r[3 + 3 * x], (uint8_t)want);
        }
    }
    free(raw);
    free(z);
    free(data);

    /* no picture: a clear error, no file */
    struct fdx_frame none = {0};
    ck_assert_int_ne(fdx_frame_write_png(&none, path, &err), 0);
    ck_assert(err.msg[0]);
    ck_assert_int_ne(access(path, F_OK), 0);
    free(px);
}
END_TEST

START_TEST(test_frame_hash)
{
    uint32_t a[4 * 2] = {1, 2, 3, 0xAA, 5, 6, 7, 0xBB};
    struct fdx_frame f = {.pixels = a, .width = 3, .height = 2, .pitch = 4};
    uint32_t h = fdx_frame_hash(&f);
    a[3] = 0x12345; /* outside the picture: no effect */
    a[7] = 0;
    ck_assert_uint_eq(fdx_frame_hash(&f), h);
    a[0] |= 0xFF000000u; /* the unused top byte: no effect */
    ck_assert_uint_eq(fdx_frame_hash(&f), h);
    a[6] ^= 1; /* a visible pixel */
    ck_assert_uint_ne(fdx_frame_hash(&f), h);
    struct fdx_frame none = {0};
    ck_assert_uint_eq(fdx_frame_hash(&none), 0);
}
END_TEST

/* a CPU that is only registers */
struct regs_cpu {
    struct fdx_cpu base;
    uint64_t r[3];
};
static const struct fdx_reg_desc toy_regs[] = {
    {"A", 8, FDX_REG_GENERAL, NULL},
    {"PC", 16, FDX_REG_PC, NULL},
    {"P", 8, FDX_REG_FLAGS, "NV-BDIZC"},
};
static uint64_t toy_get(const struct fdx_cpu *c, unsigned i) { return ((const struct regs_cpu *)c)->r[i]; }
static const struct fdx_cpu_ops toy_ops = {.name = "toy", .regs = toy_regs, .nregs = 3, .get_reg = toy_get};

START_TEST(test_register_view)
{
    struct regs_cpu c = {.base = {.ops = &toy_ops}, .r = {0x5A, 0xC0DE, 0x83}};
    char out[128];
    fdx_cpu_format_regs(&c.base, out, sizeof out);
    ck_assert_str_eq(out, "A=5a PC=c0de P=83 [Nv-bdiZC]");
    ck_assert_int_eq(fdx_cpu_reg_index(&c.base, "pc"), 1);
    ck_assert_int_eq(fdx_cpu_reg_index(&c.base, "Q"), -1);
    /* a short buffer is cut, still terminated */
    char small[10];
    memset(small, 'x', sizeof small);
    fdx_cpu_format_regs(&c.base, small, sizeof small);
    ck_assert_uint_lt(strlen(small), sizeof small);
    ck_assert(!strncmp(small, "A=5a PC=c", strlen(small)));
}
END_TEST

FDX_UNIT_MAIN("av", test_png_reads_back, test_frame_hash, test_register_view)
