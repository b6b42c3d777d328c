/* Save-state walker: sizes, round trips, little-endian layout, refusals. */
#include "unit.h"
#include <string.h>

#include "fdx/state.h"

struct thing {
    uint8_t a;
    uint16_t b;
    uint32_t c;
    uint64_t d;
    bool e;
    int32_t f;
    uint8_t mem[16];
    uint16_t w[3];
};

static void visit(struct thing *t, struct fdx_state *st, uint32_t version)
{
    fdx_state_begin(st, "THNG", version);
    fdx_state_u8(st, "a", &t->a);
    fdx_state_u16(st, "b", &t->b);
    fdx_state_u32(st, "c", &t->c);
    fdx_state_u64(st, "d", &t->d);
    fdx_state_bool(st, "e", &t->e);
    fdx_state_i32(st, "f", &t->f);
    fdx_state_bytes(st, "mem", t->mem, sizeof t->mem);
    fdx_state_u16_array(st, "w", t->w, 3);
    fdx_state_check(st, t->a < 200, "a below 200");
    fdx_state_end(st);
}

static size_t save(struct thing *t, uint8_t *buf, size_t cap)
{
    struct fdx_state st;
    fdx_state_open(&st, FDX_STATE_SAVE, buf, cap);
    visit(t, &st, 1);
    ck_assert_msg(fdx_state_ok(&st), "%s", st.error);
    return st.pos;
}

static struct thing sample(void)
{
    struct thing t = {.a = 0x12, .b = 0x3456, .c = 0x789ABCDE, .d = 0x0102030405060708ull, .e = true, .f = -5};
    for (int i = 0; i < 16; i++) t.mem[i] = (uint8_t)(i * 3);
    t.w[0] = 1;
    t.w[1] = 0xFFFF;
    t.w[2] = 0x8000;
    return t;
}

START_TEST(test_measure_matches_save)
{
    struct thing t = sample();
    struct fdx_state st;
    fdx_state_open(&st, FDX_STATE_MEASURE, NULL, 0);
    visit(&t, &st, 1);
    uint8_t buf[512];
    ck_assert_uint_eq(st.pos, save(&t, buf, sizeof buf));
}
END_TEST

START_TEST(test_round_trip_and_layout)
{
    struct thing t = sample(), u;
    memset(&u, 0, sizeof u);
    uint8_t buf[512];
    size_t n = save(&t, buf, sizeof buf);
    ck_assert(memcmp(buf, "THNG", 4) == 0);
    /* field "b" follows "a": 12-byte chunk header, then 1+1+4+1 for a */
    size_t b_at = 12 + (1 + 1 + 4 + 1) + (1 + 1 + 4);
    ck_assert_uint_eq(buf[b_at], 0x56);      /* little-endian whatever the host */
    ck_assert_uint_eq(buf[b_at + 1], 0x34);
    struct fdx_state st;
    fdx_state_open(&st, FDX_STATE_VERIFY, buf, n);
    visit(&u, &st, 1);
    ck_assert_msg(fdx_state_ok(&st), "%s", st.error);
    ck_assert_uint_eq(u.a, 0);               /* verify touches nothing */
    fdx_state_open(&st, FDX_STATE_LOAD, buf, n);
    visit(&u, &st, 1);
    ck_assert_msg(fdx_state_ok(&st), "%s", st.error);
    ck_assert(memcmp(&t.mem, &u.mem, sizeof t.mem) == 0);
    ck_assert_uint_eq(u.a, t.a);
    ck_assert_uint_eq(u.b, t.b);
    ck_assert_uint_eq(u.c, t.c);
    ck_assert_uint_eq(u.d, t.d);
    ck_assert(u.e);
    ck_assert_int_eq(u.f, -5);
    ck_assert_uint_eq(u.w[1], 0xFFFF);
}
END_TEST

START_TEST(test_refusals)
{
    struct thing t = sample(), u = {0};
    uint8_t buf[512], bad[512];
    size_t n = save(&t, buf, sizeof buf);
    struct fdx_state st;

    /* truncated */
    fdx_state_open(&st, FDX_STATE_VERIFY, buf, n - 3);
    visit(&u, &st, 1);
    ck_assert(!fdx_state_ok(&st));
    ck_assert_ptr_nonnull(strstr(st.error, "truncated"));

    /* other version */
    fdx_state_open(&st, FDX_STATE_VERIFY, buf, n);
    visit(&u, &st, 2);
    ck_assert(!fdx_state_ok(&st));
    ck_assert_ptr_nonnull(strstr(st.error, "version"));

    /* foreign chunk tag */
    memcpy(bad, buf, n);
    bad[0] = 'X';
    fdx_state_open(&st, FDX_STATE_VERIFY, bad, n);
    visit(&u, &st, 1);
    ck_assert(!fdx_state_ok(&st));

    /* renamed field */
    memcpy(bad, buf, n);
    bad[12 + 1] = 'z';
    fdx_state_open(&st, FDX_STATE_VERIFY, bad, n);
    visit(&u, &st, 1);
    ck_assert(!fdx_state_ok(&st));
    ck_assert_ptr_nonnull(strstr(st.error, "'a'"));

    /* wrong field size */
    memcpy(bad, buf, n);
    bad[12 + 2] = 2;
    fdx_state_open(&st, FDX_STATE_VERIFY, bad, n);
    visit(&u, &st, 1);
    ck_assert(!fdx_state_ok(&st));

    /* a value the module rejects while loading */
    struct thing w = sample();
    w.a = 250;
    n = save(&w, buf, sizeof buf);
    fdx_state_open(&st, FDX_STATE_LOAD, buf, n);
    visit(&u, &st, 1);
    ck_assert(!fdx_state_ok(&st));
    ck_assert_ptr_nonnull(strstr(st.error, "a below 200"));

    /* saving into too small a buffer fails cleanly */
    fdx_state_open(&st, FDX_STATE_SAVE, buf, 10);
    visit(&t, &st, 1);
    ck_assert(!fdx_state_ok(&st));
}
END_TEST

START_TEST(test_nesting)
{
    uint8_t buf[256];
    uint32_t x = 7, y = 9;
    struct fdx_state st;
    fdx_state_open(&st, FDX_STATE_SAVE, buf, sizeof buf);
    fdx_state_begin(&st, "OUTR", 1);
    fdx_state_u32(&st, "x", &x);
    fdx_state_begin(&st, "INNR", 3);
    fdx_state_u32(&st, "y", &y);
    fdx_state_end(&st);
    fdx_state_end(&st);
    ck_assert(fdx_state_ok(&st));
    size_t n = st.pos;
    x = y = 0;
    fdx_state_open(&st, FDX_STATE_LOAD, buf, n);
    fdx_state_begin(&st, "OUTR", 1);
    fdx_state_u32(&st, "x", &x);
    fdx_state_begin(&st, "INNR", 3);
    fdx_state_u32(&st, "y", &y);
    fdx_state_end(&st);
    fdx_state_end(&st);
    ck_assert(fdx_state_ok(&st));
    ck_assert_uint_eq(x, 7);
    ck_assert_uint_eq(y, 9);
    /* ending a chunk that was never begun is an error, not a crash */
    fdx_state_open(&st, FDX_STATE_SAVE, buf, sizeof buf);
    fdx_state_end(&st);
    ck_assert(!fdx_state_ok(&st));
}
END_TEST

FDX_UNIT_MAIN("state", test_measure_matches_save, test_round_trip_and_layout, test_refusals, test_nesting)
