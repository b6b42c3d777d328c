/* Disk II controller driven as 6502 code drives it, with the same cycle
 * timing: read loops of 7 cycles, writes every 32 (40 for sync) cycles,
 * stepping with the phase sequence DOS uses. */
#include "unit.h"

#include <stdlib.h>
#include <string.h>

#include "a2_diskii.h"

struct rig {
    struct a2_diskii c;
    uint64_t t;
};

static uint8_t acc(struct rig *r, unsigned reg)
{
    r->t += 4; /* LDA $C0En,X: the read is the 4th cycle */
    return a2_diskii_access(&r->c, reg, false, 0, r->t, 0x55);
}

/* LDA $C0EC,X / BPL: 7 cycles per try; then some work. */
static uint8_t rdnib(struct rig *r)
{
    uint8_t v;
    for (unsigned tries = 0; tries < 100000; tries++) {
        v = acc(r, 0xC);
        if (v & 0x80) {
            r->t += 10;
            return v;
        }
        r->t += 3;
    }
    ck_abort_msg("no nibble");
    return 0;
}

static uint8_t *make_image(uint32_t seed)
{
    uint8_t *img = malloc(A2_SECTOR_IMAGE_SIZE);
    for (size_t i = 0; i < A2_SECTOR_IMAGE_SIZE; i++) {
        seed = seed * 1103515245u + 12345u;
        img[i] = (uint8_t)(seed >> 16);
    }
    return img;
}

static void setup(struct rig *r, const uint8_t *img)
{
    memset(r, 0, sizeof *r);
    a2_diskii_init(&r->c);
    struct fdx_err err;
    ck_assert_int_eq(a2_disk_from_sectors(&r->c.drive[0].disk, img, A2_FMT_DOS, 254, &err), 0);
    r->c.drive[0].loaded = true;
    r->t = 1000;
    acc(r, 0x9);  /* motor on */
    acc(r, 0xA);  /* drive 1 */
    acc(r, 0xE);  /* read mode */
    acc(r, 0xC);
}

/* Reads sector `want` of the current track the way RWTS does. Returns the
 * track number found in the address field. */
static int read_sector(struct rig *r, unsigned want, uint8_t out[256])
{
    for (unsigned tries = 0; tries < 64; tries++) {
        while (rdnib(r) != 0xD5) {}
        if (rdnib(r) != 0xAA || rdnib(r) != 0x96) continue;
        uint8_t f[8];
        for (int i = 0; i < 8; i++) f[i] = rdnib(r);
        unsigned trk = a2_decode44(f + 2), sec = a2_decode44(f + 4);
        if (sec != want) continue;
        while (rdnib(r) != 0xD5) {}
        if (rdnib(r) != 0xAA || rdnib(r) != 0xAD) continue;
        uint8_t enc[343];
        for (int i = 0; i < 343; i++) enc[i] = rdnib(r);
        if (a2_decode62(enc, out)) continue;
        return (int)trk;
    }
    return -1;
}

/* Steps one half track at a time, as DOS does (phase on, wait, previous off). */
static void seek(struct rig *r, unsigned *half, unsigned target_half)
{
    while (*half != target_half) {
        unsigned next = *half < target_half ? *half + 1 : *half - 1;
        acc(r, (next & 3) * 2 + 1);
        r->t += 2000;
        acc(r, (*half & 3) * 2);
        r->t += 2000;
        *half = next;
    }
}

START_TEST(test_read_every_sector)
{
    uint8_t *img = make_image(21);
    struct rig r;
    setup(&r, img);
    unsigned half = 0;
    acc(&r, 1); /* phase 0 on: track 0 */
    uint8_t buf[256];
    for (unsigned t = 0; t < 35; t++) {
        seek(&r, &half, t * 2);
        ck_assert_uint_eq(r.c.drive[0].qtrack, t * 4);
        for (unsigned p = 0; p < 16; p++) {
            ck_assert_int_eq(read_sector(&r, p, buf), (int)t);
            ck_assert_mem_eq(buf, img + t * 4096 + a2_dos_of_phys[p] * 256, 256);
        }
    }
    a2_disk_free(&r.c.drive[0].disk);
    free(img);
}
END_TEST

START_TEST(test_stepper)
{
    uint8_t *img = make_image(22);
    struct rig r;
    setup(&r, img);
    acc(&r, 1);
    ck_assert_uint_eq(r.c.drive[0].qtrack, 0);
    /* phase 1 with phase 0 still on: a quarter track */
    acc(&r, 3);
    ck_assert_uint_eq(r.c.drive[0].qtrack, 1);
    acc(&r, 0);
    ck_assert_uint_eq(r.c.drive[0].qtrack, 2);
    /* the opposite magnet does not pull */
    acc(&r, 2);
    acc(&r, 7);
    ck_assert_uint_eq(r.c.drive[0].qtrack, 2);
    acc(&r, 6);
    /* below track 0 the head stops */
    acc(&r, 1);
    acc(&r, 0);
    acc(&r, 7);
    acc(&r, 6);
    ck_assert_uint_eq(r.c.drive[0].qtrack, 0);
    acc(&r, 7);
    ck_assert_uint_eq(r.c.drive[0].qtrack, 0);
    /* with the motor stopped the head does not move */
    acc(&r, 6);
    acc(&r, 1);
    acc(&r, 8);
    r.t += 2 * A2_MOTOR_OFF_DELAY;
    acc(&r, 3);
    acc(&r, 0);
    ck_assert_uint_eq(r.c.drive[0].qtrack, 0);
    a2_disk_free(&r.c.drive[0].disk);
    free(img);
}
END_TEST

START_TEST(test_motor_delay)
{
    uint8_t *img = make_image(23);
    struct rig r;
    setup(&r, img);
    acc(&r, 8);
    ck_assert(a2_diskii_spinning(&r.c, r.t + A2_MOTOR_OFF_DELAY - 10));
    ck_assert(!a2_diskii_spinning(&r.c, r.t + A2_MOTOR_OFF_DELAY));
    /* still reading during the delay */
    uint8_t buf[256];
    ck_assert_int_eq(read_sector(&r, 3, buf), 0);
    r.t += A2_MOTOR_OFF_DELAY;
    acc(&r, 0xC);
    uint32_t pos = r.c.drive[0].bit_pos;
    r.t += 100000;
    acc(&r, 0xC);
    ck_assert_uint_eq(r.c.drive[0].bit_pos, pos);
    a2_disk_free(&r.c.drive[0].disk);
    free(img);
}
END_TEST

/* Writes bytes with STA $C08D,X / ORA $C08C,X timing: `cells` bit cells each. */
static void wr(struct rig *r, uint8_t v, unsigned cells)
{
    r->t += 5;
    a2_diskii_access(&r->c, 0xD, true, v, r->t, 0);
    r->t += 4;
    a2_diskii_access(&r->c, 0xC, false, 0, r->t, 0);
    r->t += cells * 4 - 9;
}

START_TEST(test_write_sector)
{
    uint8_t *img = make_image(24);
    struct rig r;
    setup(&r, img);
    acc(&r, 1);
    /* find the address field of sector 5, then write its data field */
    uint8_t data[256], enc[343], back[256];
    for (unsigned i = 0; i < 256; i++) data[i] = (uint8_t)(i * 7 + 3);
    a2_encode62(data, enc);
    for (;;) {
        while (rdnib(&r) != 0xD5) {}
        if (rdnib(&r) != 0xAA || rdnib(&r) != 0x96) continue;
        uint8_t f[8];
        for (int i = 0; i < 8; i++) f[i] = rdnib(&r);
        if (a2_decode44(f + 4) == 5) break;
    }
    for (int i = 0; i < 3; i++) rdnib(&r); /* DE AA EB */
    acc(&r, 0xD);
    ck_assert_uint_eq(acc(&r, 0xE), 0); /* not write protected */
    r.t += 5;
    a2_diskii_access(&r.c, 0xF, true, 0xFF, r.t, 0); /* write mode, load FF */
    r.t += 4;
    a2_diskii_access(&r.c, 0xC, false, 0, r.t, 0);
    r.t += 40 - 9;
    for (int i = 0; i < 4; i++) wr(&r, 0xFF, 10);
    wr(&r, 0xD5, 8), wr(&r, 0xAA, 8), wr(&r, 0xAD, 8);
    for (int i = 0; i < 343; i++) wr(&r, enc[i], 8);
    wr(&r, 0xDE, 8), wr(&r, 0xAA, 8), wr(&r, 0xEB, 8), wr(&r, 0xFF, 8);
    acc(&r, 0xE);
    acc(&r, 0xC);
    ck_assert(r.c.drive[0].disk.dirty);
    ck_assert_int_eq(read_sector(&r, 5, back), 0);
    ck_assert_mem_eq(back, data, 256);
    /* the other sectors are intact, and the image saves with the new data */
    ck_assert_int_eq(read_sector(&r, 4, back), 0);
    ck_assert_int_eq(read_sector(&r, 6, back), 0);
    uint8_t *out;
    size_t n;
    struct fdx_err err;
    ck_assert_int_eq(a2_disk_save(&r.c.drive[0].disk, &out, &n, &err), 0);
    ck_assert_mem_eq(out + a2_dos_of_phys[5] * 256, data, 256);
    ck_assert_mem_eq(out + 4096, img + 4096, A2_SECTOR_IMAGE_SIZE - 4096);
    free(out);
    a2_disk_free(&r.c.drive[0].disk);
    free(img);
}
END_TEST

START_TEST(test_write_protect)
{
    uint8_t *img = make_image(25);
    struct rig r;
    setup(&r, img);
    r.c.drive[0].write_protect = true;
    acc(&r, 0xD);
    ck_assert_uint_ge(acc(&r, 0xE), 0x80);
    acc(&r, 0xF);
    for (int i = 0; i < 7000; i++) wr(&r, 0x96, 8);
    acc(&r, 0xE);
    ck_assert(!r.c.drive[0].disk.dirty);
    uint8_t buf[256];
    ck_assert_int_eq(read_sector(&r, 0, buf), 0);
    ck_assert_mem_eq(buf, img, 256);
    a2_disk_free(&r.c.drive[0].disk);
    free(img);
}
END_TEST

START_TEST(test_no_disk_noise)
{
    struct rig r;
    memset(&r, 0, sizeof r);
    a2_diskii_init(&r.c);
    acc(&r, 9);
    /* noise never forms an address field */
    unsigned marks = 0;
    uint8_t prev2 = 0, prev = 0;
    for (int i = 0; i < 20000; i++) {
        uint8_t v = acc(&r, 0xC);
        r.t += 3;
        if (prev2 == 0xD5 && prev == 0xAA && v == 0x96) marks++;
        prev2 = prev, prev = v;
    }
    ck_assert_uint_eq(marks, 0);
    /* odd addresses float */
    ck_assert_uint_eq(acc(&r, 0xD), 0x55);
}
END_TEST

/* Two drives: each keeps its own disk and head position; $C0EA/$C0EB
 * select which one the motor, stepper and data register talk to. */
START_TEST(test_two_drives)
{
    uint8_t *img1 = make_image(31), *img2 = make_image(32);
    struct rig r;
    setup(&r, img1);
    struct fdx_err err;
    ck_assert_int_eq(a2_disk_from_sectors(&r.c.drive[1].disk, img2, A2_FMT_DOS, 254, &err), 0);
    r.c.drive[1].loaded = true;
    uint8_t buf[256];
    unsigned half1 = 0, half2 = 0;
    acc(&r, 1);
    seek(&r, &half1, 2 * 17);                       /* drive 1 to track 17 */
    ck_assert_int_eq(read_sector(&r, 3, buf), 17);
    ck_assert_mem_eq(buf, img1 + 17 * 4096 + a2_dos_of_phys[3] * 256, 256);
    acc(&r, (half1 & 3) * 2);                        /* its phase off */
    acc(&r, 0xB);                                    /* drive 2 */
    ck_assert_uint_eq(r.c.drive[1].qtrack, 0);
    acc(&r, 1);
    seek(&r, &half2, 2 * 5);                         /* drive 2 to track 5 */
    ck_assert_uint_eq(r.c.drive[0].qtrack, 17 * 4); /* drive 1 stayed */
    ck_assert_int_eq(read_sector(&r, 9, buf), 5);
    ck_assert_mem_eq(buf, img2 + 5 * 4096 + a2_dos_of_phys[9] * 256, 256);
    acc(&r, (half2 & 3) * 2);
    /* write protect is sensed per drive */
    r.c.drive[1].write_protect = true;
    acc(&r, 0xD);
    ck_assert_uint_ge(acc(&r, 0xE), 0x80);
    acc(&r, 0xA);                                    /* back to drive 1 */
    ck_assert_uint_lt(acc(&r, 0xE), 0x80);
    acc(&r, 0xC);
    acc(&r, (half1 & 3) * 2 + 1);                    /* its head is where it was */
    ck_assert_int_eq(read_sector(&r, 12, buf), 17);
    ck_assert_mem_eq(buf, img1 + 17 * 4096 + a2_dos_of_phys[12] * 256, 256);
    a2_disk_free(&r.c.drive[0].disk);
    a2_disk_free(&r.c.drive[1].disk);
    free(img1);
    free(img2);
}
END_TEST

FDX_UNIT_MAIN("apple2 diskii", test_read_every_sector, test_stepper, test_motor_delay, test_write_sector,
              test_write_protect, test_no_disk_noise, test_two_drives)
