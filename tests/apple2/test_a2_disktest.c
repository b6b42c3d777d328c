/* The Disk II end to end: a disk we build is read sector by sector, then
 * written and read back, by our own 6502 routines (roms/apple2/disktest.s)
 * through the emulated controller; the image file is saved only as a whole
 * new file renamed over the old one, and not at all when protected. */
#define _POSIX_C_SOURCE 200809L
#include "unit.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "a2.h"
#include "fdx/fdx.h"

extern const uint8_t a2_fw_disktest[4096];

static char dir[64], path[128];

static uint8_t *build_image(void)
{
    uint8_t *img = malloc(A2_SECTOR_IMAGE_SIZE);
    memset(img, 0, A2_SECTOR_IMAGE_SIZE);
    memcpy(img, a2_fw_disktest, 4096);
    for (unsigned t = 1; t < 35; t++)
        for (unsigned s = 0; s < 16; s++)
            for (unsigned i = 0; i < 256; i++)
                img[t * 4096 + a2_dos_of_phys[s] * 256 + i] = (uint8_t)(t * 16 + s + i);
    return img;
}

static void write_file(const uint8_t *img)
{
    snprintf(dir, sizeof dir, "/tmp/fdx-a2dt-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/test.dsk", dir);
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(img, 1, A2_SECTOR_IMAGE_SIZE, f), A2_SECTOR_IMAGE_SIZE);
    fclose(f);
}

static uint8_t *read_file(void)
{
    uint8_t *data;
    size_t size;
    struct fdx_err err;
    ck_assert_int_eq(fdx_file_read(path, A2_SECTOR_IMAGE_SIZE, &data, &size, &err), 0);
    ck_assert_uint_eq(size, A2_SECTOR_IMAGE_SIZE);
    return data;
}

static unsigned files_in_dir(void)
{
    DIR *d = opendir(dir);
    unsigned n = 0;
    for (struct dirent *e; (e = readdir(d));)
        if (e->d_name[0] != '.') n++;
    closedir(d);
    return n;
}

/* Runs the test disk; returns the results at $0300 (read errors, write errors). */
static void run_test(const char *machine, const char *wp, uint8_t result[3])
{
    struct fdx_options o;
    fdx_options_init(&o);
    fdx_options_add_arg(&o, path);
    if (wp) fdx_options_add(&o, "write-protect", wp);
    struct fdx_err err;
    struct fdx_machine *m = fdx_machine_create(fdx_machine_find(machine), &o, NULL, &err);
    ck_assert_msg(m != NULL, "%s", err.msg);
    struct a2 *a = m->impl;
    for (unsigned f = 0; f < 6000 && a->main[0x302] != 0xAA; f++) fdx_machine_run_frame(m);
    memcpy(result, a->main + 0x300, 3);
    fdx_machine_destroy(m);
}

static void cleanup(void)
{
    remove(path);
    rmdir(dir);
}

START_TEST(test_read_write_save)
{
    uint8_t *img = build_image();
    write_file(img);
    uint8_t r[3];
    run_test("apple2p", NULL, r);
    ck_assert_uint_eq(r[2], 0xAA);
    ck_assert_uint_eq(r[0], 0); /* every byte of tracks 1-34 read right */
    ck_assert_uint_eq(r[1], 0); /* the written sector read back, its neighbours intact */
    /* saved on exit: the new sector, everything else as it was */
    uint8_t *saved = read_file();
    size_t at = 17 * 4096 + a2_dos_of_phys[5] * 256;
    for (unsigned i = 0; i < 256; i++) ck_assert_uint_eq(saved[at + i], i ^ 0xA5);
    memcpy(img + at, saved + at, 256);
    ck_assert_mem_eq(saved, img, A2_SECTOR_IMAGE_SIZE);
    ck_assert_uint_eq(files_in_dir(), 1); /* no temporary file left beside it */
    free(saved);
    free(img);
    cleanup();
}
END_TEST

START_TEST(test_iie)
{
    uint8_t *img = build_image();
    write_file(img);
    uint8_t r[3];
    run_test("apple2e", NULL, r);
    ck_assert_uint_eq(r[2], 0xAA);
    ck_assert_uint_eq(r[0], 0);
    ck_assert_uint_eq(r[1], 0);
    free(img);
    cleanup();
}
END_TEST

START_TEST(test_write_protected)
{
    uint8_t *img = build_image();
    write_file(img);
    uint8_t r[3];
    run_test("apple2p", "on", r);
    ck_assert_uint_eq(r[2], 0xAA);
    ck_assert_uint_eq(r[0], 0);
    ck_assert_uint_ne(r[1], 0); /* the write was refused: sector 5 reads the old bytes */
    uint8_t *saved = read_file();
    ck_assert_mem_eq(saved, img, A2_SECTOR_IMAGE_SIZE);
    free(saved);
    free(img);
    cleanup();
}
END_TEST

START_TEST(test_overlay)
{
    uint8_t *img = build_image();
    write_file(img);
    uint8_t r[3];
    run_test("apple2p", "overlay", r);
    ck_assert_uint_eq(r[2], 0xAA);
    ck_assert_uint_eq(r[1], 0); /* the guest sees its write */
    uint8_t *saved = read_file();
    ck_assert_mem_eq(saved, img, A2_SECTOR_IMAGE_SIZE); /* the file does not */
    free(saved);
    free(img);
    cleanup();
}
END_TEST

START_TEST(test_killed)
{
    /* killed after the guest wrote (before any exit): the file is as it was */
    uint8_t *img = build_image();
    write_file(img);
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        struct fdx_options o;
        fdx_options_init(&o);
        fdx_options_add_arg(&o, path);
        struct fdx_err err;
        struct fdx_machine *m = fdx_machine_create(fdx_machine_find("apple2p"), &o, NULL, &err);
        if (!m) _exit(3);
        struct a2 *a = m->impl;
        for (unsigned f = 0; f < 6000 && a->main[0x302] != 0xAA; f++) fdx_machine_run_frame(m);
        if (!a->disk.drive[0].disk.dirty) _exit(4);
        raise(SIGKILL);
        _exit(5);
    }
    int status;
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
    uint8_t *saved = read_file();
    ck_assert_mem_eq(saved, img, A2_SECTOR_IMAGE_SIZE);
    ck_assert_uint_eq(files_in_dir(), 1);
    free(saved);
    free(img);
    cleanup();
}
END_TEST

START_TEST(test_swap)
{
    /* the guest writes disk A; swapping in disk B saves A at once (new
     * file renamed over it); after a reset the guest runs from B and its
     * write lands in B on exit */
    uint8_t *img = build_image();
    write_file(img);
    char path_b[160];
    snprintf(path_b, sizeof path_b, "%s/b.dsk", dir);
    FILE *f = fopen(path_b, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(img, 1, A2_SECTOR_IMAGE_SIZE, f), A2_SECTOR_IMAGE_SIZE);
    fclose(f);

    struct fdx_options o;
    fdx_options_init(&o);
    fdx_options_add_arg(&o, path);
    struct fdx_err err;
    struct fdx_machine *m = fdx_machine_create(fdx_machine_find("apple2p"), &o, NULL, &err);
    ck_assert_msg(m != NULL, "%s", err.msg);
    struct a2 *a = m->impl;
    for (unsigned fr = 0; fr < 6000 && a->main[0x302] != 0xAA; fr++) fdx_machine_run_frame(m);
    ck_assert_uint_eq(a->main[0x302], 0xAA);
    ck_assert_uint_eq(a->main[0x301], 0);

    size_t at = 17 * 4096 + a2_dos_of_phys[5] * 256;
    uint8_t *before = read_file();
    ck_assert_mem_eq(before, img, A2_SECTOR_IMAGE_SIZE); /* nothing saved while running */
    free(before);
    ck_assert_int_eq(fdx_machine_insert(m, "disk1", path_b, &err), 0);
    uint8_t *saved = read_file(); /* A saved at the swap */
    for (unsigned i = 0; i < 256; i++) ck_assert_uint_eq(saved[at + i], i ^ 0xA5);
    free(saved);
    ck_assert_uint_eq(files_in_dir(), 2);

    /* B is in the drive: the same program boots from it and writes it */
    memset(a->main + 0x300, 0, 3);
    fdx_machine_reset(m, true);
    for (unsigned fr = 0; fr < 6000 && a->main[0x302] != 0xAA; fr++) fdx_machine_run_frame(m);
    ck_assert_uint_eq(a->main[0x302], 0xAA);
    ck_assert_uint_eq(a->main[0x300], 0);
    ck_assert_uint_eq(a->main[0x301], 0);
    /* a disk of the wrong size is refused and B stays in the drive */
    ck_assert_int_ne(fdx_machine_insert_data(m, "disk1", img, 1000, "short.dsk", &err), 0);
    ck_assert(a->disk.drive[0].loaded && a->disk.drive[0].disk.dirty);
    fdx_machine_destroy(m);

    uint8_t *b = NULL;
    size_t size;
    ck_assert_int_eq(fdx_file_read(path_b, A2_SECTOR_IMAGE_SIZE, &b, &size, &err), 0);
    for (unsigned i = 0; i < 256; i++) ck_assert_uint_eq(b[at + i], i ^ 0xA5);
    memcpy(img + at, b + at, 256);
    ck_assert_mem_eq(b, img, A2_SECTOR_IMAGE_SIZE);
    free(b);
    free(img);
    remove(path_b);
    cleanup();
}
END_TEST

/* A save state taken after the guest wrote the disk carries the written
 * track: a second machine resumed from it ends in the very same state. */
START_TEST(test_state_with_written_disk)
{
    uint8_t *img = build_image();
    write_file(img);
    struct fdx_options o;
    fdx_options_init(&o);
    fdx_options_add_arg(&o, path);
    fdx_options_add(&o, "write-protect", "overlay");
    struct fdx_err err;
    struct fdx_machine *m = fdx_machine_create(fdx_machine_find("apple2p"), &o, NULL, &err);
    ck_assert_msg(m != NULL, "%s", err.msg);
    struct a2 *a = m->impl;
    unsigned f = 0;
    while (f < 6000 && !a->disk.drive[0].disk.dirty) fdx_machine_run_frame(m), f++;
    ck_assert(a->disk.drive[0].disk.dirty);
    size_t n = fdx_machine_state_size(m);
    uint8_t *s1 = malloc(n), *s2 = malloc(n), *s3 = malloc(n);
    ck_assert_int_eq(fdx_machine_save(m, s1, n, &err), 0);
    /* the track under the head as the guest has written it so far */
    const struct a2_drive *d = &a->disk.drive[0];
    unsigned ti = d->disk.qmap[d->qtrack];
    uint32_t nbits = d->disk.track[ti].nbits;
    size_t tb = (nbits + 7) / 8;
    uint8_t *written = malloc(tb);
    memcpy(written, d->disk.track[ti].bits, tb);
    for (unsigned i = 0; i < 200; i++) fdx_machine_run_frame(m);
    ck_assert_uint_eq(a->main[0x302], 0xAA);
    ck_assert_uint_eq(a->main[0x301], 0); /* the written sector read back */
    ck_assert_int_eq(fdx_machine_save(m, s2, n, &err), 0);
    uint32_t hash = fdx_frame_hash(fdx_machine_frame(m));
    fdx_machine_destroy(m);

    /* the file is as it was (overlay): the written bits come from the state */
    struct fdx_machine *m2 = fdx_machine_create(fdx_machine_find("apple2p"), &o, NULL, &err);
    ck_assert_msg(m2 != NULL, "%s", err.msg);
    ck_assert_uint_eq(fdx_machine_state_size(m2), n);
    const struct a2_drive *d2 = &((struct a2 *)m2->impl)->disk.drive[0];
    ck_assert_uint_eq(d2->disk.track[ti].nbits, nbits);
    ck_assert(memcmp(d2->disk.track[ti].bits, written, tb) != 0); /* the file has the old sector */
    ck_assert_int_eq(fdx_machine_load(m2, s1, n, &err), 0);
    ck_assert_mem_eq(d2->disk.track[ti].bits, written, tb);
    for (unsigned i = 0; i < 200; i++) fdx_machine_run_frame(m2);
    ck_assert_int_eq(fdx_machine_save(m2, s3, n, &err), 0);
    ck_assert_mem_eq(s2, s3, n);
    ck_assert_uint_eq(fdx_frame_hash(fdx_machine_frame(m2)), hash);
    ck_assert_uint_eq(((struct a2 *)m2->impl)->main[0x301], 0);
    fdx_machine_destroy(m2);
    free(s1);
    free(s2);
    free(s3);
    free(written);
    free(img);
    cleanup();
}
END_TEST

FDX_UNIT_MAIN("apple2 disktest", test_read_write_save, test_iie, test_write_protected, test_overlay, test_killed,
              test_swap, test_state_with_written_disk)
