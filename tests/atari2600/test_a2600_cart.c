/* Unit tests for the 2600 bank-switching schemes and the scheme detector. */
#include "machines/atari2600/cart.h"
#include "tests/unit/unit.h"

#include <stdlib.h>
#include <string.h>

/* An image whose every byte tells its bank (of bank_size) and offset. */
static uint8_t *image(size_t size, size_t bank_size)
{
    uint8_t *d = malloc(size);
    for (size_t i = 0; i < size; i++) d[i] = (uint8_t)((i / bank_size) << 4 | (i & 0x0F));
    return d;
}

static struct a2600_cart load(enum a2600_cart_type t, const uint8_t *d, size_t size)
{
    struct a2600_cart c;
    char err[200];
    int r = a2600_cart_load(&c, t, d, size, err, sizeof err);
    ck_assert_msg(r == 0, "%s", err);
    return c;
}

/* What the CPU reads at addr: through the page map, or the handler. */
static uint8_t cpu_read(struct a2600_cart *c, uint16_t addr)
{
    struct a2600_cart_page pg[A2600_CART_PAGES];
    a2600_cart_map(c, pg);
    unsigned p = (addr & 0xFFF) >> 7;
    if (pg[p].read) return pg[p].read[addr & 0x7F];
    bool remap = false;
    return a2600_cart_read(c, addr, &remap);
}

static void cpu_write(struct a2600_cart *c, uint16_t addr, uint8_t v)
{
    struct a2600_cart_page pg[A2600_CART_PAGES];
    a2600_cart_map(c, pg);
    unsigned p = (addr & 0xFFF) >> 7;
    if (pg[p].write) {
        pg[p].write[addr & 0x7F] = v;
        return;
    }
    bool remap = false;
    a2600_cart_write(c, addr, v, &remap);
}

START_TEST(test_2k_4k)
{
    uint8_t *d = image(2048, 2048);
    struct a2600_cart c = load(CART_2K, d, 2048);
    ck_assert_uint_eq(cpu_read(&c, 0x1005), d[5]);
    ck_assert_uint_eq(cpu_read(&c, 0x1805), d[5]); /* mirrored */
    a2600_cart_free(&c);
    free(d);
    d = image(4096, 256);
    c = load(CART_4K, d, 4096);
    ck_assert_uint_eq(cpu_read(&c, 0x1F03), d[0xF03]);
    cpu_write(&c, 0x1F03, 0); /* ROM stays */
    ck_assert_uint_eq(cpu_read(&c, 0x1F03), d[0xF03]);
    a2600_cart_free(&c);
    free(d);
}
END_TEST

START_TEST(test_f8_f6_f4)
{
    static const struct { enum a2600_cart_type t; size_t size; uint16_t first; } s[3] = {
        {CART_F8, 8192, 0x1FF8}, {CART_F6, 16384, 0x1FF6}, {CART_F4, 32768, 0x1FF4}};
    for (int k = 0; k < 3; k++) {
        uint8_t *d = image(s[k].size, 4096);
        struct a2600_cart c = load(s[k].t, d, s[k].size);
        unsigned banks = (unsigned)(s[k].size / 4096);
        /* starts in the last bank */
        ck_assert_uint_eq(cpu_read(&c, 0x1000) >> 4, banks - 1);
        for (unsigned b = 0; b < banks; b++) {
            cpu_read(&c, (uint16_t)(s[k].first + b));
            ck_assert_uint_eq(cpu_read(&c, 0x1123) >> 4, b);
        }
        /* writes switch too (the hotspot sees any access) */
        cpu_write(&c, s[k].first, 0);
        ck_assert_uint_eq(cpu_read(&c, 0x1123) >> 4, 0);
        /* mirrors: $3FF8 on the 16-bit bus is $1FF8 on the 6507 */
        cpu_read(&c, (uint16_t)((s[k].first + 1) | 0xE000));
        ck_assert_uint_eq(cpu_read(&c, 0x1123) >> 4, 1);
        a2600_cart_free(&c);
        free(d);
    }
}
END_TEST

START_TEST(test_superchip)
{
    uint8_t *d = image(8192, 4096);
    struct a2600_cart c = load(CART_F8SC, d, 8192);
    cpu_write(&c, 0x1010, 0xAB);
    ck_assert_uint_eq(cpu_read(&c, 0x1090), 0xAB);
    cpu_read(&c, 0x1FF8);
    ck_assert_uint_eq(cpu_read(&c, 0x1090), 0xAB); /* RAM is in every bank */
    ck_assert_uint_eq(cpu_read(&c, 0x1200) >> 4, 0);
    a2600_cart_free(&c);
    free(d);
}
END_TEST

START_TEST(test_e0)
{
    uint8_t *d = image(8192, 1024);
    struct a2600_cart c = load(CART_E0, d, 8192);
    ck_assert_uint_eq(cpu_read(&c, 0x1000) >> 4, 4);
    ck_assert_uint_eq(cpu_read(&c, 0x1400) >> 4, 5);
    ck_assert_uint_eq(cpu_read(&c, 0x1800) >> 4, 6);
    ck_assert_uint_eq(cpu_read(&c, 0x1C00) >> 4, 7);
    cpu_read(&c, 0x1FE2);
    cpu_read(&c, 0x1FEB);
    cpu_write(&c, 0x1FF1, 0);
    ck_assert_uint_eq(cpu_read(&c, 0x1000) >> 4, 2);
    ck_assert_uint_eq(cpu_read(&c, 0x1400) >> 4, 3);
    ck_assert_uint_eq(cpu_read(&c, 0x1800) >> 4, 1);
    ck_assert_uint_eq(cpu_read(&c, 0x1FFC) >> 4, 7);
    a2600_cart_free(&c);
    free(d);
}
END_TEST

START_TEST(test_3f)
{
    uint8_t *d = image(16384, 2048);
    struct a2600_cart c = load(CART_3F, d, 16384);
    ck_assert_uint_eq(cpu_read(&c, 0x1000) >> 4, 0);
    ck_assert_uint_eq(cpu_read(&c, 0x1800) >> 4, 7);
    bool remap = false;
    a2600_cart_snoop(&c, 0x003F, 5, true, &remap);
    ck_assert(remap);
    ck_assert_uint_eq(cpu_read(&c, 0x1000) >> 4, 5);
    remap = false;
    a2600_cart_snoop(&c, 0x0040, 3, true, &remap);   /* not a hotspot */
    a2600_cart_snoop(&c, 0x0003, 3, false, &remap);  /* reads do not switch */
    ck_assert(!remap);
    ck_assert_uint_eq(cpu_read(&c, 0x1000) >> 4, 5);
    a2600_cart_free(&c);
    free(d);
}
END_TEST

START_TEST(test_e7)
{
    uint8_t *d = image(16384, 2048);
    struct a2600_cart c = load(CART_E7, d, 16384);
    ck_assert_uint_eq(cpu_read(&c, 0x1000) >> 4, 0);
    ck_assert_uint_eq(cpu_read(&c, 0x1A00) >> 4, 7);
    cpu_read(&c, 0x1FE3);
    ck_assert_uint_eq(cpu_read(&c, 0x1000) >> 4, 3);
    /* 1K RAM: write $1000-$13FF, read $1400-$17FF */
    cpu_read(&c, 0x1FE7);
    cpu_write(&c, 0x1123, 0x5A);
    ck_assert_uint_eq(cpu_read(&c, 0x1523), 0x5A);
    /* 256-byte RAM banks: write $1800-$18FF, read $1900-$19FF */
    cpu_write(&c, 0x1810, 1);
    cpu_read(&c, 0x1FE9);
    cpu_write(&c, 0x1810, 2);
    ck_assert_uint_eq(cpu_read(&c, 0x1910), 2);
    cpu_read(&c, 0x1FE8);
    ck_assert_uint_eq(cpu_read(&c, 0x1910), 1);
    a2600_cart_free(&c);
    free(d);
}
END_TEST

START_TEST(test_fa)
{
    uint8_t *d = image(12288, 4096);
    struct a2600_cart c = load(CART_FA, d, 12288);
    ck_assert_uint_eq(cpu_read(&c, 0x1300) >> 4, 2);
    cpu_read(&c, 0x1FF9);
    ck_assert_uint_eq(cpu_read(&c, 0x1300) >> 4, 1);
    cpu_write(&c, 0x10FF, 0x77);
    ck_assert_uint_eq(cpu_read(&c, 0x11FF), 0x77);
    a2600_cart_free(&c);
    free(d);
}
END_TEST

START_TEST(test_ua_0840)
{
    uint8_t *d = image(8192, 4096);
    struct a2600_cart c = load(CART_UA, d, 8192);
    bool remap = false;
    ck_assert_uint_eq(cpu_read(&c, 0x1000) >> 4, 0);
    a2600_cart_snoop(&c, 0x0240, 0, false, &remap);
    ck_assert(remap);
    ck_assert_uint_eq(cpu_read(&c, 0x1000) >> 4, 1);
    a2600_cart_snoop(&c, 0x0220, 0, true, &remap);
    ck_assert_uint_eq(cpu_read(&c, 0x1000) >> 4, 0);
    a2600_cart_free(&c);
    c = load(CART_0840, d, 8192);
    a2600_cart_snoop(&c, 0x0840, 0, false, &remap);
    ck_assert_uint_eq(cpu_read(&c, 0x1000) >> 4, 1);
    a2600_cart_snoop(&c, 0x0C00, 0, false, &remap); /* mirror of $0800 */
    ck_assert_uint_eq(cpu_read(&c, 0x1000) >> 4, 0);
    a2600_cart_snoop(&c, 0x0080, 0, false, &remap); /* RAM: no switch */
    ck_assert_uint_eq(cpu_read(&c, 0x1000) >> 4, 0);
    a2600_cart_free(&c);
    free(d);
}
END_TEST

START_TEST(test_fe)
{
    uint8_t *d = image(8192, 4096);
    struct a2600_cart c = load(CART_FE, d, 8192);
    bool remap = false;
    ck_assert_uint_eq(cpu_read(&c, 0x1000) >> 4, 0);
    /* JSR $D000: push PCH to $01FF, PCL to $01FE, then fetch the high byte $D0 */
    a2600_cart_snoop(&c, 0x01FF, 0xF0, true, &remap);
    a2600_cart_snoop(&c, 0x01FE, 0x12, true, &remap);
    ck_assert(c.fe_armed);
    struct a2600_cart_page pg[A2600_CART_PAGES];
    a2600_cart_map(&c, pg);
    ck_assert_ptr_null(pg[5].read); /* every page is watched now */
    c.rom[0x345] = 0xD0;            /* the operand byte in bank 0 */
    ck_assert_uint_eq(cpu_read(&c, 0x1345), 0xD0);
    ck_assert(!c.fe_armed);
    ck_assert_uint_eq(cpu_read(&c, 0x1000) >> 4, 1);
    /* RTS back: $01FE then $01FF holding $F0 */
    a2600_cart_snoop(&c, 0x01FE, 0x44, false, &remap);
    a2600_cart_snoop(&c, 0x01FF, 0xF0, false, &remap);
    ck_assert_uint_eq(cpu_read(&c, 0x1000) >> 4, 0);
    a2600_cart_free(&c);
    free(d);
}
END_TEST

START_TEST(test_bad_sizes)
{
    uint8_t d[100] = {0};
    struct a2600_cart c;
    char err[200];
    ck_assert_int_eq(a2600_cart_load(&c, CART_F8, d, sizeof d, err, sizeof err), -1);
    ck_assert(strstr(err, "8192") != NULL);
    ck_assert_int_eq(a2600_cart_load(&c, CART_3F, d, sizeof d, err, sizeof err), -1);
    ck_assert_int_eq(a2600_cart_load(&c, CART_DPC, d, sizeof d, err, sizeof err), -1);
    ck_assert_int_eq(a2600_cart_type_from_name("F8SC"), CART_F8SC);
    ck_assert_int_eq(a2600_cart_type_from_name("0840"), CART_0840);
    ck_assert_int_eq(a2600_cart_type_from_name("f9"), -1);
}
END_TEST

/* ---- detector ---- */

static enum a2600_cart_type best(const uint8_t *d, size_t size, int *conf)
{
    struct a2600_cart_guess g[8];
    unsigned n = a2600_cart_detect(d, size, g, 8);
    ck_assert_uint_gt(n, 0);
    for (unsigned i = 1; i < n; i++) ck_assert_int_ge(g[i - 1].confidence, g[i].confidence);
    if (conf) *conf = g[0].confidence;
    return g[0].type;
}

static void put(uint8_t *d, size_t at, const uint8_t *sig, size_t n)
{
    memcpy(d + at, sig, n);
}

START_TEST(test_detect)
{
    uint8_t *d = calloc(1, 32768);
    for (size_t i = 0; i < 32768; i++) d[i] = (uint8_t)(i * 7 + 3);
    int conf;
    ck_assert_int_eq(best(d, 2048, &conf), CART_2K);
    ck_assert_int_eq(best(d, 4096, NULL), CART_4K);
    ck_assert_int_eq(best(d, 8192, &conf), CART_F8);
    ck_assert_int_eq(conf, 80);
    ck_assert_int_eq(best(d, 12288, NULL), CART_FA);
    ck_assert_int_eq(best(d, 16384, NULL), CART_F6);
    ck_assert_int_eq(best(d, 32768, NULL), CART_F4);
    ck_assert_int_eq(best(d, 10240, NULL), CART_DPC);
    /* SuperChip: a constant RAM window in every bank */
    uint8_t *sc = calloc(1, 32768);
    memcpy(sc, d, 32768);
    for (size_t b = 0; b < 32768; b += 4096) memset(sc + b, 0xFF, 256);
    ck_assert_int_eq(best(sc, 8192, NULL), CART_F8SC);
    ck_assert_int_eq(best(sc, 16384, NULL), CART_F6SC);
    ck_assert_int_eq(best(sc, 32768, NULL), CART_F4SC);
    free(sc);
    /* signatures */
    uint8_t *x = malloc(32768);
    static const uint8_t e0[] = {0x8D, 0xE0, 0x1F}, fe[] = {0x20, 0x00, 0xD0, 0xC6, 0xC5},
                         e7[] = {0xAD, 0xE5, 0xFF}, ua[] = {0x8D, 0x40, 0x02}, b0840[] = {0xAD, 0x40, 0x08},
                         tf[] = {0x85, 0x3F};
    memcpy(x, d, 32768);
    put(x, 100, e0, 3);
    ck_assert_int_eq(best(x, 8192, &conf), CART_E0);
    ck_assert_int_eq(conf, 90);
    memcpy(x, d, 32768);
    put(x, 200, fe, 5);
    ck_assert_int_eq(best(x, 8192, NULL), CART_FE);
    memcpy(x, d, 32768);
    put(x, 300, e7, 3);
    ck_assert_int_eq(best(x, 16384, NULL), CART_E7);
    memcpy(x, d, 32768);
    put(x, 400, ua, 3);
    ck_assert_int_eq(best(x, 8192, NULL), CART_UA);
    memcpy(x, d, 32768);
    put(x, 500, b0840, 3);
    ck_assert_int_eq(best(x, 8192, NULL), CART_0840);
    memcpy(x, d, 32768);
    put(x, 600, tf, 2);
    put(x, 700, tf, 2);
    ck_assert_int_eq(best(x, 8192, NULL), CART_3F);
    ck_assert_int_eq(best(x, 32768, NULL), CART_3F);
    /* not a cartridge */
    struct a2600_cart_guess g[4];
    ck_assert_uint_eq(a2600_cart_detect(d, 5000, g, 4), 0);
    ck_assert_uint_eq(a2600_cart_detect(d, 0, g, 4), 0);
    free(x);
    free(d);
}
END_TEST

/* ---- DPC ---- */

/* A 10240-byte DPC image: banks 0 and 1 as image(), then a display ROM
 * whose byte k is k & 0xFF ^ k >> 8. */
static uint8_t *dpc_image(void)
{
    uint8_t *d = image(10240, 4096);
    for (size_t k = 0; k < 2048; k++) d[8192 + k] = (uint8_t)(k ^ (k >> 8));
    return d;
}

static uint8_t disp(unsigned counter)
{
    unsigned k = 2047 - counter;
    return (uint8_t)(k ^ (k >> 8));
}

/* fetcher n: top, bottom, counter (11 bits), high bits 4-5 */
static void dpc_set(struct a2600_cart *c, unsigned n, uint8_t top, uint8_t bottom, unsigned counter, uint8_t mode)
{
    cpu_write(c, (uint16_t)(0x1040 + n), top);
    cpu_write(c, (uint16_t)(0x1048 + n), bottom);
    cpu_write(c, (uint16_t)(0x1058 + n), (uint8_t)(counter >> 8 | mode));
    cpu_write(c, (uint16_t)(0x1050 + n), (uint8_t)counter);
}

START_TEST(test_dpc_banks)
{
    uint8_t *d = dpc_image();
    struct a2600_cart c = load(CART_DPC, d, 10240);
    ck_assert_uint_eq(cpu_read(&c, 0x1123) >> 4, 1); /* starts in bank 1 */
    cpu_read(&c, 0x1FF8);
    ck_assert_uint_eq(cpu_read(&c, 0x1123) >> 4, 0);
    cpu_write(&c, 0x1FF9, 0);
    ck_assert_uint_eq(cpu_read(&c, 0x1123) >> 4, 1);
    ck_assert_uint_eq(cpu_read(&c, 0x1045), d[4096 + 0x45]); /* write ports read as ROM */
    a2600_cart_free(&c);
    /* the 255-byte trailer is accepted and ignored */
    uint8_t *big = calloc(1, 10495);
    memcpy(big, d, 10240);
    c = load(CART_DPC, big, 10495);
    ck_assert_uint_eq(c.size, 10240);
    ck_assert_int_eq(best(big, 10495, NULL), CART_DPC);
    a2600_cart_free(&c);
    free(big);
    free(d);
}
END_TEST

START_TEST(test_dpc_fetchers)
{
    uint8_t *d = dpc_image();
    struct a2600_cart c = load(CART_DPC, d, 10240);
    /* data reads count down through the display ROM, backwards */
    dpc_set(&c, 0, 0, 0, 0x201, 0);
    ck_assert_uint_eq(cpu_read(&c, 0x1008), disp(0x201));
    ck_assert_uint_eq(cpu_read(&c, 0x1008), disp(0x200));
    ck_assert_uint_eq(cpu_read(&c, 0x1008), disp(0x1FF)); /* the low byte borrows from the high */
    ck_assert_uint_eq(a2600_cart_peek(&c, 0x1008), disp(0x1FE)); /* a peek does not count */
    ck_assert_uint_eq(cpu_read(&c, 0x1008), disp(0x1FE));
    /* counter 0 wraps to 2047 */
    dpc_set(&c, 1, 0, 0, 0, 0);
    cpu_read(&c, 0x1009);
    ck_assert_uint_eq(cpu_read(&c, 0x1009), disp(0x7FF));
    /* flag: set at top, cleared at bottom; masked reads and the flag port */
    dpc_set(&c, 2, 0x10, 0x0D, 0x312, 0);
    ck_assert_uint_eq(cpu_read(&c, 0x103A), 0x00);          /* $12 */
    ck_assert_uint_eq(cpu_read(&c, 0x1012), 0x00);          /* $11 */
    ck_assert_uint_eq(cpu_read(&c, 0x103A), 0xFF);          /* $10 = top */
    ck_assert_uint_eq(cpu_read(&c, 0x1012), disp(0x30F));   /* $0F */
    ck_assert_uint_eq(cpu_read(&c, 0x1012), disp(0x30E));   /* $0E */
    ck_assert_uint_eq(cpu_read(&c, 0x1012), 0x00);          /* $0D = bottom */
    ck_assert_uint_eq(cpu_read(&c, 0x100A), disp(0x30C));   /* plain reads ignore the flag */
    /* writing top clears the flag unless the counter is at the new top */
    dpc_set(&c, 3, 0x40, 0x00, 0x140, 0);
    ck_assert_uint_eq(a2600_cart_peek(&c, 0x103B), 0xFF);
    cpu_write(&c, 0x1043, 0x30);
    ck_assert_uint_eq(a2600_cart_peek(&c, 0x103B), 0x00);
    /* the other functions of the patent: swapped, reversed, shifted */
    dpc_set(&c, 4, 0x80, 0x00, 0x080, 0);
    uint8_t v = disp(0x080);
    ck_assert_uint_eq(cpu_read(&c, 0x101C), (uint8_t)(v >> 4 | v << 4));
    v = disp(0x07F);
    uint8_t r = 0;
    for (int b = 0; b < 8; b++) r |= (uint8_t)(((v >> b) & 1) << (7 - b));
    ck_assert_uint_eq(cpu_read(&c, 0x1024), r);
    ck_assert_uint_eq(cpu_read(&c, 0x102C), disp(0x07E) >> 1);
    ck_assert_uint_eq(cpu_read(&c, 0x1034), (uint8_t)(disp(0x07D) << 1));
    /* random number reads do not clock fetcher 0 */
    dpc_set(&c, 0, 0, 0, 0x100, 0);
    cpu_read(&c, 0x1000);
    ck_assert_uint_eq(cpu_read(&c, 0x1008), disp(0x100));
    a2600_cart_free(&c);
    free(d);
}
END_TEST

START_TEST(test_dpc_rng)
{
    /* the shift register: 255 states, all ones is the locked one */
    uint8_t r = 0;
    unsigned n = 0;
    do {
        r = a2600_dpc_rng_next(r);
        ck_assert_uint_ne(r, 0xFF);
        n++;
    } while (r != 0 && n < 300);
    ck_assert_uint_eq(n, 255);
    ck_assert_uint_eq(a2600_dpc_rng_next(0xFF), 0xFF);
    /* reads step it first; $1070-$1077 writes reset it to 0 */
    uint8_t *d = dpc_image();
    struct a2600_cart c = load(CART_DPC, d, 10240);
    static const uint8_t first[] = {0x01, 0x03, 0x07, 0x0F, 0x1E, 0x3D, 0x7A, 0xF4, 0xE8, 0xD0, 0xA1, 0x43};
    for (unsigned i = 0; i < sizeof first; i++) {
        ck_assert_uint_eq(a2600_cart_peek(&c, 0x1002), first[i]);
        ck_assert_uint_eq(cpu_read(&c, (uint16_t)(0x1000 + (i & 3))), first[i]);
    }
    cpu_write(&c, 0x1077, 0x55);
    ck_assert_uint_eq(cpu_read(&c, 0x1003), 0x01);
    cpu_read(&c, 0x1008);                       /* other reads leave it */
    ck_assert_uint_eq(cpu_read(&c, 0x1001), 0x03);
    a2600_cart_free(&c);
    free(d);
}
END_TEST

START_TEST(test_dpc_music)
{
    uint8_t *d = dpc_image();
    struct a2600_cart c = load(CART_DPC, d, 10240);
    c.now = 0;
    a2600_cart_reset(&c);
    /* 1 oscillator clock every 10 CPU cycles: 100 Hz against 1000 x 3 */
    a2600_cart_set_clocks(&c, 100, 3000);
    ck_assert_uint_eq(cpu_read(&c, 0x1005), 0x0);
    /* voice 5: top 3, bottom 1: flag on for low 3..2, off for 1..0 */
    dpc_set(&c, 5, 3, 1, 0x000, DPC_MUSIC | DPC_OSC);
    ck_assert_uint_eq(c.dpc.counter[5] & 0xFF, 3); /* loaded from top */
    static const uint8_t wave[] = {0x4, 0x4, 0x0, 0x0, 0x4, 0x4, 0x0, 0x0, 0x4};
    for (unsigned t = 0; t < sizeof wave; t++) {
        c.now = 10 * t + 9;
        ck_assert_uint_eq(cpu_read(&c, 0x1006), wave[t]);
        ck_assert_uint_eq(cpu_read(&c, 0x1015), wave[t] ? disp(c.dpc.counter[5]) : 0); /* not clocked by reads */
    }
    /* voices 6 and 7 always on (bottom never reached): the mix of all three */
    dpc_set(&c, 6, 0, 9, 0x000, DPC_MUSIC | DPC_OSC);
    dpc_set(&c, 7, 0, 9, 0x000, DPC_MUSIC | DPC_OSC);
    c.now = 10 * 9 + 9;
    ck_assert_uint_eq(cpu_read(&c, 0x1007), 0xF);
    c.now = 10 * 11 + 9;
    ck_assert_uint_eq(cpu_read(&c, 0x1004), 0xB);
    /* music mode without the oscillator: clocked by its reads, reloading from top */
    dpc_set(&c, 6, 2, 0, 0x000, DPC_MUSIC);
    ck_assert_uint_eq(c.dpc.counter[6] & 0xFF, 2);
    cpu_read(&c, 0x100E);
    cpu_read(&c, 0x100E);
    cpu_read(&c, 0x100E);
    ck_assert_uint_eq(c.dpc.counter[6] & 0xFF, 2);
    /* a long gap costs no more than a few thousand steps, and lands where
     * stepping one clock at a time would */
    struct a2600_cart c2 = c;
    for (uint64_t t = c.now; t <= 1000000; t += 10) {
        c2.now = t;
        a2600_cart_sync(&c2);
    }
    c2.now = 1000000;
    a2600_cart_sync(&c2);
    c.now = 1000000;
    a2600_cart_sync(&c);
    ck_assert_mem_eq(&c.dpc, &c2.dpc, sizeof c.dpc);
    a2600_cart_free(&c);
    free(d);
}
END_TEST

FDX_UNIT_MAIN("a2600_cart", test_2k_4k, test_f8_f6_f4, test_superchip, test_e0, test_3f, test_e7, test_fa,
              test_ua_0840, test_fe, test_bad_sizes, test_detect, test_dpc_banks, test_dpc_fetchers, test_dpc_rng,
              test_dpc_music)
