/* Media: checksums against published vectors, file limits, atomic writes,
 * ROM search. */
#define _POSIX_C_SOURCE 200809L
#include "unit.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fdx/media.h"
#include "../../core/src/crc32_impl.h"
#include <zlib.h>

static char dir[256];

static void make_dir(void)
{
    snprintf(dir, sizeof dir, "/tmp/fdx-test-media-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void write_file(const char *path, const void *data, size_t n)
{
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(data, 1, n, f), n);
    fclose(f);
}

START_TEST(test_crc32_vectors)
{
    ck_assert_uint_eq(fdx_crc32(0, "123456789", 9), 0xCBF43926u);
    ck_assert_uint_eq(fdx_crc32(0, "", 0), 0);
    ck_assert_uint_eq(fdx_crc32(0, "The quick brown fox jumps over the lazy dog", 43), 0x414FA339u);
    /* incremental equals one-shot */
    uint32_t c = fdx_crc32(0, "12345", 5);
    ck_assert_uint_eq(fdx_crc32(c, "6789", 4), 0xCBF43926u);
    /* zlib's CRC-32 (written independently) at every offset and length up
     * to 40 bytes, and on a large buffer */
    uint8_t buf[70000];
    uint32_t x = 12345;
    for (size_t i = 0; i < sizeof buf; i++) {
        x = x * 1103515245u + 12345u;
        buf[i] = (uint8_t)(x >> 24);
    }
    for (size_t off = 0; off < 16; off++)
        for (size_t len = 0; len <= 300; len++) {
            uint32_t want = crc32(0, buf + off, (uInt)len);
            ck_assert_uint_eq(fdx_crc32(0, buf + off, len), want);
            /* the table path too, where the processor takes the other one */
            ck_assert_uint_eq(~fdx_crc32_portable(~0u, buf + off, len), want);
        }
    ck_assert_uint_eq(fdx_crc32(0, buf, sizeof buf), crc32(0, buf, sizeof buf));
    ck_assert_uint_eq(fdx_crc32(0xDEADBEEF, buf + 3, 65536), crc32(0xDEADBEEF, buf + 3, 65536));
    ck_assert_uint_eq(fdx_crc32(fdx_crc32(0, buf, 33333), buf + 33333, sizeof buf - 33333), crc32(0, buf, sizeof buf));
}
END_TEST

START_TEST(test_sha1_vectors)
{
    char hex[41];
    fdx_sha1_hex("abc", 3, hex);
    ck_assert_str_eq(hex, "a9993e364706816aba3e25717850c26c9cd0d89d");
    fdx_sha1_hex("", 0, hex);
    ck_assert_str_eq(hex, "da39a3ee5e6b4b0d3255bfef95601890afd80709");
    const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    fdx_sha1_hex(two, strlen(two), hex);
    ck_assert_str_eq(hex, "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
    /* one million 'a' in uneven pieces */
    struct fdx_sha1 s;
    uint8_t d[20];
    char chunk[997];
    memset(chunk, 'a', sizeof chunk);
    fdx_sha1_init(&s);
    size_t left = 1000000;
    while (left) {
        size_t n = left < sizeof chunk ? left : sizeof chunk;
        fdx_sha1_update(&s, chunk, n);
        left -= n;
    }
    fdx_sha1_final(&s, d);
    char out[41];
    for (int i = 0; i < 20; i++) snprintf(out + 2 * i, 3, "%02x", d[i]);
    ck_assert_str_eq(out, "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
}
END_TEST

START_TEST(test_file_read_limits)
{
    make_dir();
    char path[300];
    snprintf(path, sizeof path, "%s/f.bin", dir);
    uint8_t data[100];
    memset(data, 0xAA, sizeof data);
    write_file(path, data, sizeof data);
    uint8_t *got;
    size_t n;
    struct fdx_err err;
    ck_assert_int_eq(fdx_file_read(path, 100, &got, &n, &err), 0);
    ck_assert_uint_eq(n, 100);
    ck_assert_uint_eq(got[99], 0xAA);
    free(got);
    ck_assert_int_eq(fdx_file_read(path, 99, &got, &n, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.msg, "too large"));
    ck_assert_ptr_null(got);
    snprintf(path, sizeof path, "%s/missing", dir);
    ck_assert_int_eq(fdx_file_read(path, 100, &got, &n, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.msg, "missing"));
    ck_assert_int_eq(fdx_file_read(dir, 100, &got, &n, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.msg, "not a regular file"));
}
END_TEST

START_TEST(test_atomic_write)
{
    make_dir();
    char path[300];
    snprintf(path, sizeof path, "%s/out.bin", dir);
    write_file(path, "old", 3);
    struct fdx_err err;
    ck_assert_int_eq(fdx_file_write_atomic(path, "new contents", 12, &err), 0);
    uint8_t *got;
    size_t n;
    ck_assert_int_eq(fdx_file_read(path, 100, &got, &n, &err), 0);
    ck_assert_uint_eq(n, 12);
    ck_assert(memcmp(got, "new contents", 12) == 0);
    free(got);
    /* the permissions stay the file's own (not mkstemp's 0600) */
    ck_assert_int_eq(chmod(path, 0664), 0);
    ck_assert_int_eq(fdx_file_write_atomic(path, "again", 5, &err), 0);
    struct stat st;
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_int_eq(st.st_mode & 0777, 0664);
    /* a symbolic link stays a link; its target gets the contents */
    char link_path[300];
    snprintf(link_path, sizeof link_path, "%s/link.bin", dir);
    ck_assert_int_eq(symlink(path, link_path), 0);
    ck_assert_int_eq(fdx_file_write_atomic(link_path, "via link", 8, &err), 0);
    ck_assert_int_eq(lstat(link_path, &st), 0);
    ck_assert(S_ISLNK(st.st_mode));
    ck_assert_int_eq(fdx_file_read(path, 100, &got, &n, &err), 0);
    ck_assert_uint_eq(n, 8);
    ck_assert(memcmp(got, "via link", 8) == 0);
    free(got);
    unlink(link_path);
    /* a directory that does not exist: error, nothing created */
    snprintf(path, sizeof path, "%s/nope/out.bin", dir);
    ck_assert_int_eq(fdx_file_write_atomic(path, "x", 1, &err), -1);
}
END_TEST

START_TEST(test_rom_search)
{
    make_dir();
    uint8_t rom[64];
    for (int i = 0; i < 64; i++) rom[i] = (uint8_t)(i * 7);
    char sha[41];
    fdx_sha1_hex(rom, sizeof rom, sha);
    struct fdx_rom_desc desc = {.slot = "system", .name = "Test ROM", .filename = "test.rom", .size = 64,
                                .crc32 = fdx_crc32(0, rom, 64), .sha1 = sha, .required = true};
    char path[300];
    /* found by scanning under another name */
    snprintf(path, sizeof path, "%s/renamed.bin", dir);
    write_file(path, rom, sizeof rom);
    /* a decoy of the right size but other contents */
    uint8_t decoy[64] = {0};
    snprintf(path, sizeof path, "%s/test.rom", dir);
    write_file(path, decoy, sizeof decoy);
    char cli[300];
    snprintf(cli, sizeof cli, "/nonexistent:%s", dir);
    struct fdx_rom_path rp;
    setenv("XDG_DATA_HOME", "/nonexistent-xdg", 1);
    fdx_rom_path_init(&rp, cli);
    ck_assert_str_eq(rp.dirs[0], "/nonexistent");
    ck_assert_str_eq(rp.dirs[1], dir);
    ck_assert_str_eq(rp.dirs[2], "/nonexistent-xdg/fdx/roms");
    uint8_t *got = NULL;
    size_t n;
    char found[1100];
    ck_assert_int_eq(fdx_rom_find(&rp, &desc, &got, &n, found, sizeof found), 0);
    ck_assert_ptr_nonnull(strstr(found, "renamed.bin"));
    ck_assert(memcmp(got, rom, 64) == 0);
    free(got);
    ck_assert(fdx_rom_matches(&desc, rom, 64));
    ck_assert(!fdx_rom_matches(&desc, decoy, 64));
    ck_assert(!fdx_rom_matches(&desc, rom, 63));
    desc.crc32 ^= 1;
    ck_assert_int_eq(fdx_rom_find(&rp, &desc, &got, &n, found, sizeof found), -1);
}
END_TEST

int main(void)
{
    const TTest *const tests[] = {test_crc32_vectors, test_sha1_vectors, test_file_read_limits, test_atomic_write, test_rom_search};
    return fdx_unit_run("media", tests, sizeof tests / sizeof tests[0], 0);
}
