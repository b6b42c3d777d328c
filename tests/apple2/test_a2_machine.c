/* Apple II+ and IIe machines: the demo disk boots through the Disk II with
 * the free firmware (frame hashes at fixed frames, the program in memory as
 * it is on the disk), typed keys change the picture, save states resume
 * bit-exactly, bad input is refused. */
#define _POSIX_C_SOURCE 200809L
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "a2.h"
#include "a2_firmware.h"
#include "fdx/fdx.h"

static struct fdx_machine *make(const char *name, const char *type)
{
    struct fdx_options o;
    fdx_options_init(&o);
    if (type) fdx_options_add(&o, "type", type);
    struct fdx_err err;
    struct fdx_machine *m = fdx_machine_create(fdx_machine_find(name), &o, NULL, &err);
    ck_assert_msg(m != NULL, "%s", err.msg);
    return m;
}

static uint32_t run_frames(struct fdx_machine *m, unsigned n)
{
    for (unsigned i = 0; i < n; i++) ck_assert_int_eq(fdx_machine_run_frame(m), FDX_RUN_OK);
    return fdx_frame_hash(fdx_machine_frame(m));
}

static void row_text(struct fdx_machine *m, unsigned row, char *out)
{
    struct a2 *a = m->impl;
    unsigned addr = 0x400 + (row & 7) * 128 + (row >> 3) * 40;
    /* screen codes: $00-$7F inverse and flashing, $80-$FF normal */
    for (unsigned c = 0; c < 40; c++) {
        unsigned v = a->main[addr + c];
        unsigned ch = v < 0x80 ? v & 0x3F : v & 0x7F;
        out[c] = (char)(ch < 0x20 ? ch + 0x40 : ch);
    }
    out[40] = 0;
}

START_TEST(test_iiplus_boots_demo)
{
    struct fdx_machine *m = make("apple2p", NULL);
    struct a2 *a = m->impl;
    /* frame 60: the title page; frame 300: hi-res and the prompt */
    uint32_t h60 = run_frames(m, 60);
    char row[41];
    row_text(m, 0, row);
    ck_assert_str_eq(row, "   FDX APPLE II DEMO DISK               ");
    ck_assert_uint_eq(h60, 0xb9784fcb);
    uint32_t h300 = run_frames(m, 240);
    ck_assert_uint_eq(h300, 0xc9803f41);
    ck_assert(a->vmode & A2V_HIRES);
    /* every sector came through the controller intact */
    ck_assert_mem_eq(a->main + 0x6100, a2_fw_demo + 0x100, 0xF00);
    /* and the tune went to the speaker: audio is not silent */
    int16_t buf[2048];
    size_t n = fdx_machine_audio(m, buf, 1024);
    ck_assert_uint_gt(n, 0);
    fdx_machine_destroy(m);
}
END_TEST

START_TEST(test_iie_boots_demo)
{
    struct fdx_machine *m = make("apple2e", NULL);
    uint32_t h = run_frames(m, 300);
    ck_assert_uint_eq(h, 0xc9803f41);
    ck_assert_str_eq(m->cpu->ops->name, "65C02");
    fdx_machine_destroy(m);
}
END_TEST

START_TEST(test_typing)
{
    struct fdx_machine *m = make("apple2p", "hello\\napple");
    uint32_t h = run_frames(m, 320);
    char row[41];
    row_text(m, 20, row);
    ck_assert_str_eq(row, "TYPE SOMETHING: HELLO                   ");
    row_text(m, 21, row);
    ck_assert_str_eq(row, "APPLE                                   ");
    ck_assert_uint_ne(h, 0xc9803f41); /* the picture without typing */
    fdx_machine_destroy(m);

    /* the IIe keeps lower case; key events work like typed text */
    m = make("apple2e", "Hi");
    run_frames(m, 300);
    struct fdx_input_event ev = {FDX_INPUT_KEY, 0, FDX_KEY_A + 25, 1};
    fdx_machine_input(m, &ev);
    ev.value = 0;
    fdx_machine_input(m, &ev);
    run_frames(m, 5);
    row_text(m, 20, row);
    ck_assert_str_eq(row, "TYPE SOMETHING: HiZ                     ");
    fdx_machine_destroy(m);
}
END_TEST

START_TEST(test_state_round_trip)
{
    struct fdx_machine *m = make("apple2p", "abc");
    run_frames(m, 150);
    size_t n = fdx_machine_state_size(m);
    uint8_t *st = malloc(n);
    struct fdx_err err;
    ck_assert_int_eq(fdx_machine_save(m, st, n, &err), 0);
    uint32_t h1 = run_frames(m, 200);
    uint64_t c1 = m->cpu->cycles;
    struct a2 *a = m->impl;

    struct fdx_machine *m2 = make("apple2p", "abc");
    ck_assert_int_eq(fdx_machine_load(m2, st, n, &err), 0);
    uint32_t h2 = run_frames(m2, 200);
    struct a2 *a2 = m2->impl;
    ck_assert_uint_eq(h1, h2);
    ck_assert_uint_eq(c1, m2->cpu->cycles);
    ck_assert_mem_eq(a->main, a2->main, sizeof a->main);
    ck_assert_uint_eq(a->disk.drive[0].bit_pos, a2->disk.drive[0].bit_pos);

    /* a damaged state is refused and the machine runs on untouched */
    st[n / 2] ^= 0x40;
    ck_assert_int_eq(fdx_machine_load(m2, st, n, &err), -1);
    fdx_machine_destroy(m2);

    /* a IIe state does not load into a II+ */
    struct fdx_machine *e = make("apple2e", NULL);
    size_t ne = fdx_machine_state_size(e);
    uint8_t *se = malloc(ne);
    ck_assert_int_eq(fdx_machine_save(e, se, ne, &err), 0);
    ck_assert_int_eq(fdx_machine_load(m, se, ne, &err), -1);
    free(se);
    fdx_machine_destroy(e);
    free(st);
    fdx_machine_destroy(m);
}
END_TEST

START_TEST(test_bad_input)
{
    char dir[] = "/tmp/fdx-a2-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[300];
    snprintf(path, sizeof path, "%s/short.dsk", dir);
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    fwrite("nothing", 1, 7, f);
    fclose(f);
    struct fdx_options o;
    fdx_options_init(&o);
    fdx_options_add_arg(&o, path);
    struct fdx_err err;
    ck_assert_ptr_null(fdx_machine_create(fdx_machine_find("apple2p"), &o, NULL, &err));
    ck_assert_ptr_nonnull(strstr(err.msg, "not an Apple II disk image"));
    remove(path);
    /* --firmware user without the ROMs names the missing file */
    fdx_options_init(&o);
    fdx_options_add(&o, "firmware", "user");
    o.rom_path = dir;
    ck_assert_ptr_null(fdx_machine_create(fdx_machine_find("apple2e"), &o, NULL, &err));
    ck_assert_ptr_nonnull(strstr(err.msg, "342-0304-a.e10"));
    rmdir(dir);
}
END_TEST

START_TEST(test_soft_switch_hammering)
{
    /* a program that touches every I/O address in turn, forever: no crash,
     * and the machine stays consistent */
    struct fdx_machine *m = make("apple2e", NULL);
    struct a2 *a = m->impl;
    static const uint8_t prog[] = {
        0xA2, 0x00,             /* LDX #0 */
        0xBD, 0x00, 0xC0,       /* LDA $C000,X */
        0x9D, 0x00, 0xC0,       /* STA $C000,X */
        0xE8,                   /* INX */
        0x4C, 0x02, 0x03,       /* JMP $0302 */
    };
    memcpy(a->main + 0x300, prog, sizeof prog);
    fdx_m6502_set_pc(&a->cpu, 0x300);
    for (unsigned i = 0; i < 30; i++) fdx_machine_run_frame(m);
    /* once RAMRD flips the CPU runs whatever auxiliary memory holds (BRK
     * into the monitor): the machine goes on, frame after frame */
    ck_assert_uint_eq(m->frame.number, 30);
    fdx_machine_destroy(m);
}
END_TEST

/* The II+ shows $E0-$FF as symbols (its character ROM has no lower case);
 * the IIe as lower case. */
START_TEST(test_iiplus_no_lower_case)
{
    struct fdx_err err;
    struct fdx_machine *p = fdx_machine_create(fdx_machine_find("apple2p"), NULL, NULL, &err);
    struct fdx_machine *e = fdx_machine_create(fdx_machine_find("apple2e"), NULL, NULL, &err);
    ck_assert_ptr_nonnull(p);
    ck_assert_ptr_nonnull(e);
    const struct a2 *ap = p->impl, *ae = e->impl;
    ck_assert_mem_eq(ap->chargen + 0xE1 * 8, ap->chargen + 0xA1 * 8, 8);
    ck_assert(memcmp(ae->chargen + 0xE1 * 8, ae->chargen + 0xA1 * 8, 8) != 0);
    ck_assert(memcmp(ae->chargen + 0xE1 * 8, ae->chargen + 0xC1 * 8, 8) != 0);
    fdx_machine_destroy(p);
    fdx_machine_destroy(e);
}
END_TEST

FDX_UNIT_MAIN("apple2 machine", test_iiplus_boots_demo, test_iie_boots_demo, test_typing, test_state_round_trip,
              test_bad_input, test_soft_switch_hammering, test_iiplus_no_lower_case)
