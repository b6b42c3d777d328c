/* Apple II memory management and I/O seen from the CPU's bus: language
 * card banks and write enabling, the IIe's auxiliary memory switches and
 * their status bits, the keyboard strobe, paddles through the monitor's
 * PREAD, and the speaker's audio. */
#include "unit.h"

#include <stdlib.h>
#include <string.h>

#include "a2.h"
#include "fdx/fdx.h"

static struct fdx_machine *make(const char *name)
{
    struct fdx_err err;
    struct fdx_machine *m = fdx_machine_create(fdx_machine_find(name), NULL, NULL, &err);
    ck_assert_msg(m != NULL, "%s", err.msg);
    return m;
}

static uint8_t rd(struct fdx_machine *m, uint16_t addr)
{
    struct a2 *a = m->impl;
    return fdx_bus_read8(&a->bus, addr);
}

static void wr(struct fdx_machine *m, uint16_t addr, uint8_t v)
{
    struct a2 *a = m->impl;
    fdx_bus_write8(&a->bus, addr, v);
}

START_TEST(test_language_card)
{
    struct fdx_machine *m = make("apple2p");
    struct a2 *a = m->impl;
    uint8_t rom_d000 = a->rom[0x1000], rom_f800 = a->rom[0x3800];
    /* at power-on: ROM reads, RAM bank 2 writes */
    ck_assert_uint_eq(rd(m, 0xD000), rom_d000);
    wr(m, 0xD000, 0x11);
    ck_assert_uint_eq(rd(m, 0xD000), rom_d000);
    /* $C080: read RAM bank 2, write protected: the byte written above is there */
    rd(m, 0xC080);
    ck_assert_uint_eq(rd(m, 0xD000), 0x11);
    wr(m, 0xD000, 0x22);
    ck_assert_uint_eq(rd(m, 0xD000), 0x11);
    /* $C083 twice: read and write RAM bank 2 */
    rd(m, 0xC083);
    wr(m, 0xD000, 0x33);
    ck_assert_uint_eq(rd(m, 0xD000), 0x11); /* one read does not enable writing */
    rd(m, 0xC083);
    rd(m, 0xC083);
    wr(m, 0xD000, 0x44);
    ck_assert_uint_eq(rd(m, 0xD000), 0x44);
    wr(m, 0xF800, 0x55);
    ck_assert_uint_eq(rd(m, 0xF800), 0x55);
    /* $C08B twice: bank 1 has its own $D000, shares $E000-$FFFF */
    rd(m, 0xC08B);
    rd(m, 0xC08B);
    wr(m, 0xD000, 0x66);
    ck_assert_uint_eq(rd(m, 0xD000), 0x66);
    ck_assert_uint_eq(rd(m, 0xF800), 0x55);
    rd(m, 0xC080);
    ck_assert_uint_eq(rd(m, 0xD000), 0x44);
    /* $C082: ROM again */
    rd(m, 0xC082);
    ck_assert_uint_eq(rd(m, 0xF800), rom_f800);
    /* $C081 twice: ROM reads, RAM writes (bank 2) */
    rd(m, 0xC081);
    rd(m, 0xC081);
    wr(m, 0xE000, 0x77);
    ck_assert_uint_eq(rd(m, 0xE000), a->rom[0x2000]);
    rd(m, 0xC080);
    ck_assert_uint_eq(rd(m, 0xE000), 0x77);
    fdx_machine_destroy(m);
}
END_TEST

START_TEST(test_iie_aux_memory)
{
    struct fdx_machine *m = make("apple2e");
    wr(m, 0x1000, 0xAA);
    /* RAMWRT: writes go to aux, reads still main */
    wr(m, 0xC005, 0);
    ck_assert_uint_ge(rd(m, 0xC014), 0x80);
    wr(m, 0x1000, 0xBB);
    ck_assert_uint_eq(rd(m, 0x1000), 0xAA);
    /* RAMRD: reads from aux */
    wr(m, 0xC003, 0);
    ck_assert_uint_ge(rd(m, 0xC013), 0x80);
    ck_assert_uint_eq(rd(m, 0x1000), 0xBB);
    wr(m, 0xC002, 0);
    wr(m, 0xC004, 0);
    ck_assert_uint_lt(rd(m, 0xC013), 0x80);
    ck_assert_uint_eq(rd(m, 0x1000), 0xAA);
    /* ALTZP: zero page, stack and the language card move to aux */
    wr(m, 0x0080, 0x01);
    wr(m, 0xC009, 0);
    ck_assert_uint_ge(rd(m, 0xC016), 0x80);
    wr(m, 0x0080, 0x02);
    wr(m, 0xC008, 0);
    ck_assert_uint_eq(rd(m, 0x0080), 0x01);
    wr(m, 0xC009, 0);
    ck_assert_uint_eq(rd(m, 0x0080), 0x02);
    wr(m, 0xC008, 0);
    /* 80STORE: PAGE2 picks aux for $400-$7FF, and with HIRES $2000-$3FFF */
    wr(m, 0x0400, 0x10);
    wr(m, 0x2000, 0x20);
    wr(m, 0xC001, 0);
    rd(m, 0xC055);
    wr(m, 0x0400, 0x11);
    wr(m, 0x2000, 0x21);
    ck_assert_uint_ge(rd(m, 0xC018), 0x80);
    ck_assert_uint_ge(rd(m, 0xC01C), 0x80);
    rd(m, 0xC054);
    ck_assert_uint_eq(rd(m, 0x0400), 0x10);
    ck_assert_uint_eq(rd(m, 0x2000), 0x21); /* HIRES off: $2000 follows RAMWRT (main) */
    rd(m, 0xC057);
    rd(m, 0xC055);
    wr(m, 0x2000, 0x22);
    ck_assert_uint_eq(rd(m, 0x0400), 0x11);
    rd(m, 0xC054);
    ck_assert_uint_eq(rd(m, 0x2000), 0x21);
    rd(m, 0xC055);
    ck_assert_uint_eq(rd(m, 0x2000), 0x22);
    /* INTCXROM: the internal ROM replaces the slots at $C100-$CFFF */
    struct a2 *a = m->impl;
    ck_assert_uint_eq(rd(m, 0xC600), a->slot6[0]);
    wr(m, 0xC007, 0);
    ck_assert_uint_eq(rd(m, 0xC600), a->rom[0x600]);
    ck_assert_uint_ge(rd(m, 0xC015), 0x80);
    wr(m, 0xC006, 0);
    ck_assert_uint_eq(rd(m, 0xC600), a->slot6[0]);
    /* a reset clears the MMU switches */
    wr(m, 0xC003, 0);
    fdx_machine_reset(m, false);
    ck_assert_uint_lt(rd(m, 0xC013), 0x80);
    ck_assert_uint_lt(rd(m, 0xC018), 0x80);
    fdx_machine_destroy(m);
}
END_TEST

START_TEST(test_keyboard_strobe)
{
    struct fdx_machine *m = make("apple2e");
    struct fdx_input_event ev = {FDX_INPUT_KEY, 0, FDX_KEY_RETURN, 1};
    fdx_machine_input(m, &ev);
    ck_assert_uint_eq(rd(m, 0xC000), 0x8D);
    ck_assert_uint_eq(rd(m, 0xC010), 0x8D); /* IIe: a key is down */
    ck_assert_uint_eq(rd(m, 0xC000), 0x0D);
    ev.value = 0;
    fdx_machine_input(m, &ev);
    ck_assert_uint_eq(rd(m, 0xC010), 0x0D);
    /* control and shift */
    struct fdx_input_event ctrl = {FDX_INPUT_KEY, 0, FDX_KEY_LCTRL, 1};
    fdx_machine_input(m, &ctrl);
    ev = (struct fdx_input_event){FDX_INPUT_KEY, 0, FDX_KEY_A + 2, 1};
    fdx_machine_input(m, &ev);
    ck_assert_uint_eq(rd(m, 0xC000), 0x83);
    /* the open Apple key is button 0 */
    struct fdx_input_event oa = {FDX_INPUT_KEY, 0, FDX_KEY_LGUI, 1};
    fdx_machine_input(m, &oa);
    ck_assert_uint_ge(rd(m, 0xC061), 0x80);
    oa.value = 0;
    fdx_machine_input(m, &oa);
    ck_assert_uint_lt(rd(m, 0xC061), 0x80);
    fdx_machine_destroy(m);
    /* the II+ has no lower case keys and no { */
    ck_assert_uint_eq(a2_key_code(0x2F, true, false, false), 0);
    ck_assert_uint_eq(a2_key_code(0x2F, true, false, true), '{' | 0x80);
    ck_assert_uint_eq(a2_key_code(FDX_KEY_1, true, false, false), '!' | 0x80);
}
END_TEST

/* The IIe repeats a held key: first after about half a second, then 15 a
 * second, until it is let go; the II+ does not. */
START_TEST(test_auto_repeat)
{
    static const uint8_t idle[] = {0x4C, 0x00, 0x03}; /* JMP $0300: nothing reads the keyboard */
    for (unsigned iie = 0; iie < 2; iie++) {
        struct fdx_machine *m = make(iie ? "apple2e" : "apple2p");
        struct a2 *a = m->impl;
        memcpy(a->main + 0x300, idle, sizeof idle);
        fdx_m6502_set_pc(&a->cpu, 0x300);
        struct fdx_input_event ev = {FDX_INPUT_KEY, 0, FDX_KEY_A + 1, 1};
        fdx_machine_input(m, &ev);
        ck_assert_uint_eq(rd(m, 0xC000), 0xC2);
        rd(m, 0xC010);
        unsigned strobes = 0, first = 0;
        for (unsigned f = 1; f <= 60; f++) {
            fdx_machine_run_frame(m);
            if (rd(m, 0xC000) & 0x80) {
                ck_assert_uint_eq(rd(m, 0xC000), 0xC2);
                if (!strobes++) first = f;
                rd(m, 0xC010);
            }
        }
        if (iie) {
            ck_assert(first >= 25 && first <= 40);
            ck_assert_uint_eq(strobes, 1 + (60 - first) / 4); /* every 4 frames after */
        } else {
            ck_assert_uint_eq(strobes, 0);
        }
        ev.value = 0;
        fdx_machine_input(m, &ev);
        for (unsigned f = 0; f < 60; f++) fdx_machine_run_frame(m);
        ck_assert_uint_eq(rd(m, 0xC000) & 0x80, 0);
        fdx_machine_destroy(m);
    }
}
END_TEST

/* Runs the monitor's PREAD for paddle 0 and returns its count. */
static unsigned pread(struct fdx_machine *m)
{
    struct a2 *a = m->impl;
    static const uint8_t prog[] = {0xA2, 0x00, 0x20, 0x1E, 0xFB, 0x8C, 0x10, 0x03, 0x4C, 0x08, 0x03};
    memcpy(a->main + 0x300, prog, sizeof prog);
    a->main[0x310] = 0xEE;
    fdx_m6502_set_pc(&a->cpu, 0x300);
    fdx_machine_run_frame(m);
    return a->main[0x310];
}

START_TEST(test_paddles)
{
    struct fdx_machine *m = make("apple2p");
    fdx_machine_run_frame(m);
    struct fdx_input_event ev = {FDX_INPUT_PADDLE, 0, 0, -32768};
    fdx_machine_input(m, &ev);
    ck_assert_uint_lt(pread(m), 3);
    ev.value = 0;
    fdx_machine_input(m, &ev);
    unsigned mid = pread(m);
    ck_assert(mid > 110 && mid < 145);
    ev.value = 32767;
    fdx_machine_input(m, &ev);
    ck_assert_uint_gt(pread(m), 240);
    fdx_machine_destroy(m);
}
END_TEST

START_TEST(test_speaker)
{
    struct fdx_machine *m = make("apple2p");
    struct a2 *a = m->impl;
    fdx_machine_set_audio_rate(m, A2_AUDIO_RATE);
    /* a square wave of 1017 Hz: the speaker toggled every 503 cycles */
    static const uint8_t prog[] = {
        0xA0, 0x63,             /* L: LDY #99 */
        0x88, 0xD0, 0xFD,       /* W: DEY / BNE W (5 cycles a turn) */
        0xAD, 0x30, 0xC0,       /* LDA $C030 */
        0x4C, 0x00, 0x03,       /* JMP L */
    };
    memcpy(a->main + 0x300, prog, sizeof prog);
    fdx_m6502_set_pc(&a->cpu, 0x300);
    int16_t buf[2 * 4096];
    for (unsigned f = 0; f < 30; f++) {
        fdx_machine_run_frame(m);
        fdx_machine_audio(m, buf, 4096);
    }
    size_t n = 0;
    for (unsigned f = 0; f < 10; f++) {
        fdx_machine_run_frame(m);
        n += fdx_machine_audio(m, buf + 2 * n, 4096 - n);
    }
    ck_assert_uint_gt(n, 3000);
    /* a loud tone around zero: peaks of both signs, average near zero */
    int32_t lo = 0, hi = 0;
    int64_t sum = 0;
    unsigned crossings = 0;
    for (size_t i = 0; i < n; i++) {
        int16_t s = buf[2 * i];
        if (s < lo) lo = s;
        if (s > hi) hi = s;
        sum += s;
        if (i && (buf[2 * i - 2] < 0) != (s < 0)) crossings++;
    }
    ck_assert_int_gt(hi, 5000);
    ck_assert_int_lt(lo, -5000);
    ck_assert_int_lt(llabs(sum / (int64_t)n), 500);
    /* two zero crossings a period */
    unsigned expect = (unsigned)(n * 2 * 1017 / A2_AUDIO_RATE); /* 1022727 / (2 * 503) Hz */
    ck_assert_uint_ge(crossings, expect - expect / 10);
    ck_assert_uint_le(crossings, expect + expect / 10);
    /* stopped with the cone out: the level decays to silence, no click */
    a->main[0x300] = 0x4C, a->main[0x301] = 0x00, a->main[0x302] = 0x03; /* JMP $0300 */
    for (unsigned f = 0; f < 60; f++) {
        fdx_machine_run_frame(m);
        n = fdx_machine_audio(m, buf, 4096);
    }
    ck_assert_uint_gt(n, 0);
    ck_assert_int_lt(abs(buf[2 * (n - 1)]), 200);
    fdx_machine_destroy(m);
}
END_TEST

/* Reads of undriven addresses give the byte the video scanner fetches at
 * that cycle; a program can sync to the beam with it ("vapor lock"). */
START_TEST(test_floating_bus)
{
    struct fdx_machine *m = make("apple2p");
    struct a2 *a = m->impl;
    fdx_machine_run_frame(m);
    for (unsigned i = 0; i < 0x400; i++) a->main[0x400 + i] = (uint8_t)(i * 7 + 1);
    for (unsigned i = 0; i < 0x2000; i++) a->main[0x2000 + i] = (uint8_t)(i * 13 + 5);
    uint64_t f0 = a->frame_start;
    /* text, page 1: line 8 * r + y, cycle 25 + c fetches row r's byte c */
    for (unsigned r = 0; r < 24; r += 5)
        for (unsigned c = 0; c < 40; c += 3) {
            a->cpu.base.cycles = f0 + (8 * r + 3) * 65 + 25 + c;
            unsigned addr = 0x400 + (r & 7) * 128 + (r >> 3) * 40 + c;
            ck_assert_uint_eq(rd(m, 0xC0C0), a->main[addr]); /* empty slot 4 */
            ck_assert_uint_eq(rd(m, 0xC020), a->main[addr]); /* cassette out */
        }
    /* hi-res (the switch reads the bus too): line y fetches its own row */
    a->cpu.base.cycles = f0 + 10;
    rd(m, 0xC057);
    rd(m, 0xC050);
    for (unsigned y = 0; y < 192; y += 7) {
        a->cpu.base.cycles = f0 + y * 65 + 25 + 11;
        unsigned addr = 0x2000 + (y & 7) * 1024 + ((y >> 3) & 7) * 128 + (y >> 6) * 40 + 11;
        ck_assert_uint_eq(rd(m, 0xC0C0), a->main[addr]);
        /* buttons: bit 7 the button, bits 0-6 the bus */
        ck_assert_uint_eq(rd(m, 0xC061), a->main[addr] & 0x7F);
    }
    /* a program that waits for a byte only one line shows sees it */
    memset(a->main + 0x2000, 0, 0x2000);
    a->main[0x2000 + 3 * 1024 + 2 * 128 + 20] = 0x5A; /* line 19, byte 20 */
    static const uint8_t prog[] = {
        0xAD, 0xC0, 0xC0, /* L: LDA $C0C0 */
        0xC9, 0x5A,       /* CMP #$5A */
        0xD0, 0xF9,       /* BNE L */
        0xEE, 0x10, 0x03, /* INC $0310 */
        0x4C, 0x0A, 0x03, /* JMP * */
    };
    memcpy(a->main + 0x300, prog, sizeof prog);
    a->main[0x310] = 0;
    fdx_m6502_set_pc(&a->cpu, 0x300);
    /* the 9-cycle loop meets the one cycle that fetches it within 9 frames */
    for (unsigned f = 0; f < 10; f++) fdx_machine_run_frame(m);
    ck_assert_uint_eq(a->main[0x310], 1);
    fdx_machine_destroy(m);

    /* IIe: RDVBLBAR ($C019) bit 7 is high while the picture is drawn */
    m = make("apple2e");
    a = m->impl;
    fdx_machine_run_frame(m);
    a->cpu.base.cycles = a->frame_start + 100 * 65;
    ck_assert_uint_eq(rd(m, 0xC019) & 0x80, 0x80);
    a->cpu.base.cycles = a->frame_start + 200 * 65;
    ck_assert_uint_eq(rd(m, 0xC019) & 0x80, 0);
    fdx_machine_destroy(m);
}
END_TEST

FDX_UNIT_MAIN("apple2 io", test_language_card, test_iie_aux_memory, test_keyboard_strobe, test_paddles, test_speaker,
              test_floating_bus, test_auto_repeat)
