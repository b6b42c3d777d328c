/* Scheduler: ordering, ties, re-arming, deadlines, state. */
#include "unit.h"
#include <string.h>

#include "fdx/sched.h"
#include "fdx/state.h"

struct rec {
    char log[64];
    unsigned n;
    struct fdx_sched *s;
    int self;
    uint64_t period;
    unsigned repeats;
};

static void ev_a(void *ctx, uint64_t due)
{
    struct rec *r = ctx;
    (void)due;
    r->log[r->n++] = 'a';
}
static void ev_b(void *ctx, uint64_t due)
{
    struct rec *r = ctx;
    (void)due;
    r->log[r->n++] = 'b';
}
static void ev_periodic(void *ctx, uint64_t due)
{
    struct rec *r = ctx;
    r->log[r->n++] = 'p';
    if (--r->repeats) fdx_sched_arm(r->s, r->self, due + r->period);
}

START_TEST(test_order_and_ties)
{
    struct fdx_sched s;
    struct rec r = {0};
    fdx_sched_init(&s);
    int a = fdx_sched_add(&s, "a", ev_a, &r);
    int b = fdx_sched_add(&s, "b", ev_b, &r);
    ck_assert_int_ge(a, 0);
    ck_assert_int_ge(b, 0);
    ck_assert_uint_eq(fdx_sched_deadline(&s), FDX_NEVER);
    fdx_sched_arm(&s, b, 100);
    fdx_sched_arm(&s, a, 200);
    ck_assert_uint_eq(fdx_sched_deadline(&s), 100);
    s.now = 99;
    ck_assert_uint_eq(fdx_sched_fire_due(&s), 0);
    s.now = 250;
    ck_assert_uint_eq(fdx_sched_fire_due(&s), 2);
    ck_assert_str_eq(r.log, "ba");
    /* ties fire in the order the events were added */
    r.n = 0;
    memset(r.log, 0, sizeof r.log);
    fdx_sched_arm(&s, b, 300);
    fdx_sched_arm(&s, a, 300);
    s.now = 300;
    fdx_sched_fire_due(&s);
    ck_assert_str_eq(r.log, "ab");
    ck_assert(!fdx_sched_armed(&s, a));
}
END_TEST

START_TEST(test_periodic_and_advance)
{
    struct fdx_sched s;
    struct rec r = {0};
    fdx_sched_init(&s);
    r.s = &s;
    r.self = fdx_sched_add(&s, "p", ev_periodic, &r);
    int a = fdx_sched_add(&s, "a", ev_a, &r);
    r.period = 10;
    r.repeats = 4;
    fdx_sched_arm(&s, r.self, 10);
    fdx_sched_arm(&s, a, 25);
    fdx_sched_advance_to(&s, 100);
    ck_assert_str_eq(r.log, "ppapp");
    ck_assert_uint_eq(s.now, 100);
    fdx_sched_disarm(&s, a);
    ck_assert_uint_eq(fdx_sched_deadline(&s), FDX_NEVER);
}
END_TEST

START_TEST(test_table_full)
{
    struct fdx_sched s;
    struct rec r = {0};
    fdx_sched_init(&s);
    for (int i = 0; i < FDX_SCHED_MAX_EVENTS; i++) ck_assert_int_eq(fdx_sched_add(&s, "x", ev_a, &r), i);
    ck_assert_int_eq(fdx_sched_add(&s, "x", ev_a, &r), -1);
    ck_assert_int_eq(fdx_sched_add(&s, "y", NULL, &r), -1);
}
END_TEST

START_TEST(test_state_round_trip)
{
    struct fdx_sched s, t;
    struct rec r = {0};
    fdx_sched_init(&s);
    fdx_sched_init(&t);
    int a = fdx_sched_add(&s, "a", ev_a, &r);
    fdx_sched_add(&s, "b", ev_b, &r);
    fdx_sched_add(&t, "a", ev_a, &r);
    fdx_sched_add(&t, "b", ev_b, &r);
    s.now = 1234;
    fdx_sched_arm(&s, a, 5000);
    uint8_t buf[256];
    struct fdx_state st;
    fdx_state_open(&st, FDX_STATE_SAVE, buf, sizeof buf);
    fdx_sched_state(&s, &st);
    ck_assert(fdx_state_ok(&st));
    size_t n = st.pos;
    fdx_state_open(&st, FDX_STATE_LOAD, buf, n);
    fdx_sched_state(&t, &st);
    ck_assert(fdx_state_ok(&st));
    ck_assert_uint_eq(t.now, 1234);
    ck_assert_uint_eq(fdx_sched_deadline(&t), 5000);
    ck_assert(!fdx_sched_armed(&t, 1));
}
END_TEST

START_TEST(test_clock_divider)
{
    struct fdx_clock c = {.divider = 12};
    ck_assert_uint_eq(fdx_clock_ticks(&c, 3), 36);
    ck_assert_uint_eq(fdx_clock_cycles_until(&c, 36), 3);
    ck_assert_uint_eq(fdx_clock_cycles_until(&c, 37), 4);
}
END_TEST

FDX_UNIT_MAIN("sched", test_order_and_ties, test_periodic_and_advance, test_table_full, test_state_round_trip, test_clock_divider)
