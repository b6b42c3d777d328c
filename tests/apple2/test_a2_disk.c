/* Apple II disk images: GCR round trips, order detection, every format
 * loaded, saved and read back sector by sector, damaged input refused. */
#include "unit.h"

#include <stdlib.h>
#include <string.h>

#include "a2_disk.h"
#include "a2_woz.h"
#include "fdx/media.h"

static uint32_t lcg(uint32_t *s)
{
    *s = *s * 1103515245u + 12345u;
    return *s >> 16;
}

static uint8_t *make_image(uint32_t seed)
{
    uint8_t *img = malloc(A2_SECTOR_IMAGE_SIZE);
    for (size_t i = 0; i < A2_SECTOR_IMAGE_SIZE; i++) img[i] = (uint8_t)lcg(&seed);
    return img;
}

/* A DOS 3.3 VTOC and catalogue chain, written in DOS order. */
static void add_dos_fs(uint8_t *img)
{
    uint8_t *v = img + 17 * 4096;
    memset(v, 0, 256);
    v[1] = 17, v[2] = 15, v[3] = 3, v[6] = 254, v[0x27] = 0x7A, v[0x34] = 35, v[0x35] = 16, v[0x37] = 1;
    for (unsigned s = 15; s >= 1; s--) {
        uint8_t *c = img + 17 * 4096 + s * 256;
        memset(c, 0, 256);
        c[1] = s > 1 ? 17 : 0;
        c[2] = (uint8_t)(s - 1);
    }
}

/* A ProDOS volume directory (blocks 2..5), written in ProDOS order. */
static void add_prodos_fs(uint8_t *img)
{
    for (unsigned b = 2; b <= 5; b++) {
        uint8_t *k = img + b * 512;
        memset(k, 0, 512);
        k[0] = (uint8_t)(b == 2 ? 0 : b - 1);
        k[2] = (uint8_t)(b == 5 ? 0 : b + 1);
        if (b == 2) k[4] = 0xF5, memcpy(k + 5, "HELLO", 5), k[0x23] = 0x27, k[0x24] = 0x0D;
    }
}

/* Reorders a sector image from one order to the other. */
static uint8_t *reorder(const uint8_t *img, const uint8_t *from, const uint8_t *to)
{
    uint8_t *o = malloc(A2_SECTOR_IMAGE_SIZE);
    for (unsigned t = 0; t < 35; t++)
        for (unsigned p = 0; p < 16; p++) memcpy(o + t * 4096 + to[p] * 256, img + t * 4096 + from[p] * 256, 256);
    return o;
}

START_TEST(test_gcr_table)
{
    /* the valid disk bytes: bit 7 set, at most one pair of adjacent zero
     * bits, at least one pair of adjacent ones in bits 0..6, not the marks
     * D5 and AA */
    unsigned n = 0;
    for (unsigned b = 0x80; b < 0x100; b++) {
        unsigned zero_pairs = 0;
        bool two_one = false;
        for (unsigned i = 0; i < 7; i++) {
            unsigned pair = (b >> i) & 3u;
            if (pair == 0) zero_pairs++;
            if (pair == 3 && i < 6) two_one = true;
        }
        if (zero_pairs > 1 || !two_one || b == 0xD5 || b == 0xAA) continue;
        ck_assert_uint_eq(a2_gcr62_write[n], b);
        n++;
    }
    ck_assert_uint_eq(n, 64);
}
END_TEST

START_TEST(test_62_round_trip)
{
    uint32_t seed = 7;
    for (unsigned k = 0; k < 200; k++) {
        uint8_t d[256], e[343], back[256];
        for (unsigned i = 0; i < 256; i++) d[i] = (uint8_t)(k < 2 ? k * 0xFF : lcg(&seed));
        a2_encode62(d, e);
        for (unsigned i = 0; i < 343; i++) ck_assert_uint_ge(e[i], 0x96);
        ck_assert_int_eq(a2_decode62(e, back), 0);
        ck_assert_mem_eq(d, back, 256);
        /* one changed disk byte breaks the checksum or the code */
        e[k % 343] = e[k % 343] == 0xFF ? 0x96 : 0xFF;
        ck_assert_int_eq(a2_decode62(e, back), -1);
    }
}
END_TEST

START_TEST(test_62_known_layout)
{
    /* the 86 low-bit bytes come first: data[0] = 1 puts bit 0 into bit 1
     * of the first six-bit value (pairs are reversed) */
    uint8_t d[256] = {1}, e[343];
    a2_encode62(d, e);
    ck_assert_uint_eq(e[0], a2_gcr62_write[2]);
    ck_assert_uint_eq(e[1], a2_gcr62_write[2]); /* 0 ^ 2 */
    ck_assert_uint_eq(e[2], a2_gcr62_write[0]);
}
END_TEST

START_TEST(test_44)
{
    for (unsigned v = 0; v < 256; v++) {
        uint8_t e[2];
        a2_encode44((uint8_t)v, e);
        ck_assert_uint_eq(a2_decode44(e), v);
        ck_assert(e[0] & 0x80 && e[1] & 0x80);
    }
}
END_TEST

static void check_sector_round_trip(enum a2_format order, bool fs)
{
    uint8_t *img = make_image(order);
    if (fs && order == A2_FMT_DOS) add_dos_fs(img);
    if (fs && order == A2_FMT_PRODOS) add_prodos_fs(img);
    struct a2_disk d;
    struct fdx_err err;
    ck_assert_int_eq(a2_disk_load(&d, img, A2_SECTOR_IMAGE_SIZE, order == A2_FMT_PRODOS ? "x.po" : "x.dsk",
                                  A2_FMT_NONE, &err),
                     0);
    ck_assert_int_eq(d.format, order);
    ck_assert_uint_eq(d.ntracks, 35);
    /* every track decodes to its 16 sectors */
    uint8_t phys[4096];
    for (unsigned t = 0; t < 35; t++) {
        ck_assert_uint_eq(a2_track_decode(&d.track[d.qmap[t * 4]], phys), 0xFFFF);
        ck_assert_uint_eq(d.qmap[t * 4 + 1], t);
    }
    uint8_t *out;
    size_t n;
    ck_assert_int_eq(a2_disk_save(&d, &out, &n, &err), 0);
    ck_assert_uint_eq(n, A2_SECTOR_IMAGE_SIZE);
    ck_assert_mem_eq(out, img, n);
    free(out);
    a2_disk_free(&d);
    free(img);
}

START_TEST(test_dsk_round_trip)
{
    check_sector_round_trip(A2_FMT_DOS, true);
    check_sector_round_trip(A2_FMT_DOS, false);
}
END_TEST

START_TEST(test_po_round_trip)
{
    check_sector_round_trip(A2_FMT_PRODOS, true);
    check_sector_round_trip(A2_FMT_PRODOS, false);
}
END_TEST

START_TEST(test_order_detection)
{
    uint8_t *img = make_image(1);
    add_dos_fs(img);
    enum a2_format f;
    char what[200];
    /* a DOS disk is found whatever it is called */
    ck_assert_int_ge(a2_disk_probe(img, A2_SECTOR_IMAGE_SIZE, "a.dsk", &f, what, sizeof what), 85);
    ck_assert_int_eq(f, A2_FMT_DOS);
    ck_assert_ptr_nonnull(strstr(what, "DOS 3.3 90%"));
    a2_disk_probe(img, A2_SECTOR_IMAGE_SIZE, "a.po", &f, what, sizeof what);
    ck_assert_int_eq(f, A2_FMT_DOS);
    /* the same disk stored in ProDOS order is recognised as such */
    uint8_t *po = reorder(img, a2_dos_of_phys, a2_prodos_of_phys);
    a2_disk_probe(po, A2_SECTOR_IMAGE_SIZE, "a.dsk", &f, what, sizeof what);
    ck_assert_int_eq(f, A2_FMT_PRODOS);
    free(po);
    free(img);

    img = make_image(2);
    add_prodos_fs(img);
    a2_disk_probe(img, A2_SECTOR_IMAGE_SIZE, "b.dsk", &f, what, sizeof what);
    ck_assert_int_eq(f, A2_FMT_PRODOS);
    ck_assert_ptr_nonnull(strstr(what, "ProDOS file system"));
    uint8_t *dos = reorder(img, a2_prodos_of_phys, a2_dos_of_phys);
    a2_disk_probe(dos, A2_SECTOR_IMAGE_SIZE, "b.po", &f, what, sizeof what);
    ck_assert_int_eq(f, A2_FMT_DOS);
    free(dos);
    free(img);

    /* nothing to go by: the file name decides, with lower confidence */
    img = make_image(3);
    a2_disk_probe(img, A2_SECTOR_IMAGE_SIZE, "c.po", &f, what, sizeof what);
    ck_assert_int_eq(f, A2_FMT_PRODOS);
    ck_assert_ptr_nonnull(strstr(what, "by file name"));
    a2_disk_probe(img, A2_SECTOR_IMAGE_SIZE, "c.do", &f, what, sizeof what);
    ck_assert_int_eq(f, A2_FMT_DOS);
    free(img);
}
END_TEST

/* The controller's latch, a bit at a time: a2_track_nibbles must read the
 * same bytes (it takes eight bits at a time). */
static size_t latch_nibbles(const struct a2_track *t, uint32_t total, uint8_t *out, size_t max)
{
    unsigned sr = 0;
    size_t n = 0;
    uint32_t pos = 0;
    for (uint32_t i = 0; i < total && n < max && t->nbits; i++) {
        sr = (sr << 1 | a2_track_bit(t, pos)) & 0xFFu;
        if (++pos == t->nbits) pos = 0;
        if (sr & 0x80) {
            out[n++] = (uint8_t)sr;
            sr = 0;
        }
    }
    return n;
}

START_TEST(test_nibbles_match_latch)
{
    uint32_t seed = 77;
    static uint8_t bits[800], want[1000], got[1000];
    for (unsigned k = 0; k < 400; k++) {
        struct a2_track t = {bits, 1 + lcg(&seed) % (8 * sizeof bits)};
        /* sparse and dense bits: long zero runs cross byte boundaries */
        unsigned density = 1 + k % 8;
        for (size_t i = 0; i < sizeof bits; i++) {
            bits[i] = (uint8_t)lcg(&seed);
            for (unsigned d = 1; d < density; d++) bits[i] &= (uint8_t)lcg(&seed);
        }
        uint32_t total = lcg(&seed) % (3 * t.nbits + 20);
        size_t max = k % 5 ? sizeof want : lcg(&seed) % 40;
        size_t nw = latch_nibbles(&t, total, want, max);
        size_t ng = a2_track_nibbles(&t, total, got, max);
        ck_assert_uint_eq(ng, nw);
        ck_assert_mem_eq(got, want, nw);
    }
}
END_TEST

START_TEST(test_nib_round_trip)
{
    uint8_t *img = make_image(5);
    struct a2_disk d;
    struct fdx_err err;
    ck_assert_int_eq(a2_disk_from_sectors(&d, img, A2_FMT_DOS, 254, &err), 0);
    /* build a .nib from the nibbles of each track */
    uint8_t *nib = malloc(A2_NIB_IMAGE_SIZE);
    memset(nib, 0xFF, A2_NIB_IMAGE_SIZE);
    for (unsigned t = 0; t < 35; t++) {
        size_t n = a2_track_nibbles(&d.track[t], d.track[t].nbits, nib + t * A2_NIB_TRACK, A2_NIB_TRACK);
        ck_assert_uint_gt(n, 6000);
    }
    a2_disk_free(&d);
    ck_assert_int_eq(a2_disk_load(&d, nib, A2_NIB_IMAGE_SIZE, "x.nib", A2_FMT_NONE, &err), 0);
    ck_assert_int_eq(d.format, A2_FMT_NIB);
    uint8_t phys[4096];
    for (unsigned t = 0; t < 35; t++) {
        ck_assert_uint_eq(a2_track_decode(&d.track[t], phys), 0xFFFF);
        for (unsigned p = 0; p < 16; p++) ck_assert_mem_eq(phys + p * 256, img + t * 4096 + a2_dos_of_phys[p] * 256, 256);
    }
    uint8_t *out;
    size_t n;
    ck_assert_int_eq(a2_disk_save(&d, &out, &n, &err), 0);
    ck_assert_uint_eq(n, A2_NIB_IMAGE_SIZE);
    ck_assert_mem_eq(out, nib, n);
    free(out);
    a2_disk_free(&d);
    free(nib);
    free(img);
}
END_TEST

/* A WOZ made from a sector image by our writer, reloaded. */
static uint8_t *make_woz(const uint8_t *img, size_t *size)
{
    struct a2_disk d;
    struct fdx_err err;
    ck_assert_int_eq(a2_disk_from_sectors(&d, img, A2_FMT_DOS, 254, &err), 0);
    d.format = A2_FMT_WOZ2;
    memcpy(d.woz_info + 5, "fdx test", 8);
    uint8_t *out;
    ck_assert_int_eq(a2_disk_save(&d, &out, size, &err), 0);
    a2_disk_free(&d);
    return out;
}

START_TEST(test_woz2_round_trip)
{
    uint8_t *img = make_image(9);
    size_t n;
    uint8_t *woz = make_woz(img, &n);
    struct a2_disk d;
    struct fdx_err err;
    enum a2_format f;
    ck_assert_int_eq(a2_disk_probe(woz, n, "x.woz", &f, NULL, 0), 95);
    ck_assert_int_eq(f, A2_FMT_WOZ2);
    ck_assert_int_eq(a2_disk_load(&d, woz, n, "x.woz", A2_FMT_NONE, &err), 0);
    ck_assert_uint_eq(d.ntracks, 35);
    ck_assert_uint_eq(d.qmap[0], 0);
    ck_assert_uint_eq(d.qmap[137], 34);
    ck_assert_uint_eq(d.qmap[138], 0xFF);
    uint8_t phys[4096];
    for (unsigned t = 0; t < 35; t++) {
        ck_assert_uint_eq(a2_track_decode(&d.track[d.qmap[4 * t]], phys), 0xFFFF);
        for (unsigned p = 0; p < 16; p++) ck_assert_mem_eq(phys + p * 256, img + t * 4096 + a2_dos_of_phys[p] * 256, 256);
    }
    /* saving again gives the same bytes */
    uint8_t *again;
    size_t n2;
    ck_assert_int_eq(a2_disk_save(&d, &again, &n2, &err), 0);
    ck_assert_uint_eq(n2, n);
    ck_assert_mem_eq(again, woz, n);
    free(again);
    a2_disk_free(&d);
    free(woz);
    free(img);
}
END_TEST

START_TEST(test_woz1)
{
    uint8_t *img = make_image(11);
    struct a2_disk src;
    struct fdx_err err;
    ck_assert_int_eq(a2_disk_from_sectors(&src, img, A2_FMT_DOS, 254, &err), 0);
    /* hand-built WOZ1: INFO, TMAP, TRKS of 6656-byte track records */
    size_t n = 12 + 68 + 168 + 8 + 35 * 6656;
    uint8_t *w = calloc(n, 1);
    memcpy(w, "WOZ1\xFF\x0A\x0D\x0A", 8);
    memcpy(w + 12, "INFO", 4), w[16] = 60, w[20] = 1, w[21] = 1;
    memcpy(w + 80, "TMAP", 4), w[84] = 160;
    memcpy(w + 88, src.qmap, 160);
    memcpy(w + 248, "TRKS", 4);
    uint32_t len = 35 * 6656;
    for (int i = 0; i < 4; i++) w[252 + i] = (uint8_t)(len >> (8 * i));
    for (unsigned t = 0; t < 35; t++) {
        uint8_t *r = w + 256 + t * 6656;
        memcpy(r, src.track[t].bits, (src.track[t].nbits + 7) / 8);
        r[6648] = (uint8_t)src.track[t].nbits, r[6649] = (uint8_t)(src.track[t].nbits >> 8);
    }
    uint32_t crc = fdx_crc32(0, w + 12, n - 12);
    for (int i = 0; i < 4; i++) w[8 + i] = (uint8_t)(crc >> (8 * i));
    struct a2_disk d;
    ck_assert_int_eq(a2_disk_load(&d, w, n, "x.woz", A2_FMT_NONE, &err), 0);
    ck_assert_int_eq(d.format, A2_FMT_WOZ1);
    uint8_t phys[4096];
    for (unsigned t = 0; t < 35; t++) ck_assert_uint_eq(a2_track_decode(&d.track[d.qmap[4 * t]], phys), 0xFFFF);
    /* written back as WOZ 2 (INFO upgraded), the same bits */
    uint8_t *out;
    size_t on;
    ck_assert_int_eq(a2_disk_save(&d, &out, &on, &err), 0);
    ck_assert_mem_eq(out, "WOZ2", 4);
    struct a2_disk d2;
    ck_assert_int_eq(a2_disk_load(&d2, out, on, "x.woz", A2_FMT_NONE, &err), 0);
    ck_assert_int_eq(d2.format, A2_FMT_WOZ2);
    ck_assert_uint_eq(d2.ntracks, d.ntracks);
    ck_assert_mem_eq(d2.qmap, d.qmap, sizeof d.qmap);
    for (unsigned t = 0; t < d.ntracks; t++) {
        ck_assert_uint_eq(d2.track[t].nbits, d.track[t].nbits);
        ck_assert_mem_eq(d2.track[t].bits, d.track[t].bits, (d.track[t].nbits + 7) / 8);
    }
    a2_disk_free(&d2);
    free(out);
    a2_disk_free(&d);
    /* an impossible bit count is refused */
    w[256 + 6649] = 0xFF;
    crc = fdx_crc32(0, w + 12, n - 12);
    for (int i = 0; i < 4; i++) w[8 + i] = (uint8_t)(crc >> (8 * i));
    ck_assert_int_eq(a2_disk_load(&d, w, n, "x.woz", A2_FMT_NONE, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.msg, "bit count"));
    free(w);
    a2_disk_free(&src);
    free(img);
}
END_TEST

START_TEST(test_woz_damage)
{
    uint8_t *img = make_image(13);
    size_t n;
    uint8_t *woz = make_woz(img, &n);
    struct a2_disk d;
    struct fdx_err err;
    /* a flipped bit anywhere: CRC mismatch */
    woz[5000] ^= 1;
    ck_assert_int_eq(a2_disk_load(&d, woz, n, "x.woz", A2_FMT_NONE, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.msg, "CRC32"));
    woz[5000] ^= 1;
    /* a track map naming a track that is not there (CRC zeroed: not checked) */
    memset(woz + 8, 0, 4);
    woz[88 + 10] = 200;
    ck_assert_int_eq(a2_disk_load(&d, woz, n, "x.woz", A2_FMT_NONE, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.msg, "track map"));
    woz[88 + 10] = 2;
    /* track data pointing past the end */
    woz[256 + 8 * 3 + 1] = 0x7F;
    ck_assert_int_eq(a2_disk_load(&d, woz, n, "x.woz", A2_FMT_NONE, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.msg, "outside"));
    /* truncated files */
    for (size_t cut = 0; cut < 1600; cut += 37) ck_assert_int_eq(a2_disk_load(&d, woz, cut, "x.woz", A2_FMT_NONE, &err), -1);
    /* a text-mode transfer */
    woz[5] = 0x0D;
    ck_assert_int_eq(a2_disk_load(&d, woz, n, "x.woz", A2_FMT_NONE, &err), -1);
    free(woz);
    free(img);
}
END_TEST

/* Random damage to the chunk headers, INFO, TMAP and the TRKS table (CRC
 * zeroed so the parser sees it): each load is refused with a message or
 * gives a disk that can be saved and freed; never a crash (ASan/UBSan in CI). */
START_TEST(test_woz_fuzz)
{
    uint8_t *img = make_image(19);
    size_t n;
    uint8_t *woz = make_woz(img, &n);
    uint8_t *w = malloc(n);
    uint32_t seed = 77;
    unsigned loaded = 0, refused = 0;
    for (unsigned round = 0; round < 600; round++) {
        memcpy(w, woz, n);
        memset(w + 8, 0, 4);
        if (round & 1) w[3] = '1'; /* as WOZ1: the TRKS layout read another way */
        unsigned hits = 1 + lcg(&seed) % 6;
        for (unsigned h = 0; h < hits; h++) {
            size_t at = (lcg(&seed) & 3) ? 12 + lcg(&seed) % 1600 : lcg(&seed) % n;
            w[at] = (uint8_t)lcg(&seed);
        }
        size_t len = (round % 7 == 3) ? lcg(&seed) % n : n;
        struct a2_disk d;
        struct fdx_err err;
        err.msg[0] = 0;
        a2_disk_probe(w, len, "f.woz", NULL, NULL, 0);
        if (a2_disk_load(&d, w, len, "f.woz", A2_FMT_NONE, &err) == 0) {
            uint8_t *out;
            size_t on;
            if (a2_disk_save(&d, &out, &on, &err) == 0) free(out);
            a2_disk_free(&d);
            loaded++;
        } else {
            ck_assert_msg(err.msg[0] && !strchr(err.msg, '\n'), "no one-line message");
            refused++;
        }
    }
    ck_assert_uint_gt(loaded, 0);
    ck_assert_uint_gt(refused, 0);
    free(w);
    free(woz);
    free(img);
}
END_TEST

START_TEST(test_bad_sizes)
{
    uint8_t buf[300000] = {0};
    struct a2_disk d;
    struct fdx_err err;
    size_t sizes[] = {0, 1, 143359, 143361, 140000, 232959, 300000};
    for (unsigned i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        ck_assert_int_eq(a2_disk_load(&d, buf, sizes[i], "bad.dsk", A2_FMT_NONE, &err), -1);
        ck_assert_ptr_nonnull(strstr(err.msg, "bad.dsk"));
    }
    ck_assert_int_eq(a2_disk_probe(buf, 1000, "x.dsk", NULL, NULL, 0), 0);
}
END_TEST

START_TEST(test_unsavable_track)
{
    uint8_t *img = make_image(17);
    struct a2_disk d;
    struct fdx_err err;
    ck_assert_int_eq(a2_disk_from_sectors(&d, img, A2_FMT_DOS, 254, &err), 0);
    /* wipe track 3 as a guest writing its own format might */
    memset(d.track[3].bits, 0xFF, d.track[3].nbits / 8);
    uint8_t *out;
    size_t n;
    ck_assert_int_eq(a2_disk_save(&d, &out, &n, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.msg, "track 3"));
    a2_disk_free(&d);
    free(img);
}
END_TEST

FDX_UNIT_MAIN("apple2 disk", test_gcr_table, test_62_round_trip, test_62_known_layout, test_44, test_dsk_round_trip,
              test_po_round_trip, test_order_detection, test_nibbles_match_latch, test_nib_round_trip, test_woz2_round_trip, test_woz1,
              test_woz_damage, test_woz_fuzz, test_bad_sizes, test_unsavable_track)
