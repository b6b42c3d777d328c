/* Unit tests for the 6532 RIOT: RAM, ports, timer and edge detection. */
#include "machines/chips/riot6532.h"
#include "tests/unit/unit.h"

#include <string.h>

#include "fdx/state.h"

/* register addresses as the 2600 decodes them (A0..A4) */
enum { DRA = 0, DDRA = 1, DRB = 2, DDRB = 3, INTIM = 4, INSTAT = 5,
       TIM1T = 0x14, TIM8T = 0x15, TIM64T = 0x16, T1024T = 0x17 };

START_TEST(test_ram)
{
    struct riot6532 r;
    memset(&r, 0, sizeof r);
    riot6532_reset(&r, 0);
    for (unsigned i = 0; i < 128; i++) riot6532_write(&r, 0x80 + i, true, (uint8_t)(i * 3), 0);
    for (unsigned i = 0; i < 128; i++) ck_assert_uint_eq(riot6532_read(&r, i, true, 0), (uint8_t)(i * 3));
}
END_TEST

START_TEST(test_ports)
{
    struct riot6532 r;
    memset(&r, 0, sizeof r);
    riot6532_reset(&r, 0);
    riot6532_set_pa(&r, 0xF0, 0);
    ck_assert_uint_eq(riot6532_read(&r, DRA, false, 0), 0xF0);
    /* low nibble as output shows the data register, high nibble the pins */
    riot6532_write(&r, DDRA, false, 0x0F, 0);
    riot6532_write(&r, DRA, false, 0x5A, 0);
    ck_assert_uint_eq(riot6532_read(&r, DRA, false, 0), 0xFA);
    ck_assert_uint_eq(riot6532_read(&r, DDRA, false, 0), 0x0F);
    riot6532_set_pb(&r, 0x0B);
    ck_assert_uint_eq(riot6532_read(&r, DRB, false, 0), 0x0B);
    riot6532_write(&r, DDRB, false, 0x30, 0);
    riot6532_write(&r, DRB, false, 0xFF, 0);
    ck_assert_uint_eq(riot6532_read(&r, DRB, false, 0), 0x3B);
}
END_TEST

START_TEST(test_timer_intervals)
{
    static const unsigned regs[4] = {TIM1T, TIM8T, TIM64T, T1024T};
    static const unsigned iv[4] = {1, 8, 64, 1024};
    for (int k = 0; k < 4; k++) {
        struct riot6532 r;
        memset(&r, 0, sizeof r);
        riot6532_reset(&r, 0);
        uint64_t w = 1000, I = iv[k];
        riot6532_write(&r, regs[k], false, 10, w);
        /* the write cycle already takes the first count */
        ck_assert_uint_eq(riot6532_timer(&r, w), 9);
        ck_assert_uint_eq(riot6532_timer(&r, w + I - 1), 9);
        ck_assert_uint_eq(riot6532_timer(&r, w + I), 8);
        ck_assert_uint_eq(riot6532_timer(&r, w + 9 * I), 0);
        ck_assert_uint_eq(riot6532_timer(&r, w + 10 * I - 1), 0);
        ck_assert(!riot6532_timer_flag(&r, w + 10 * I - 1));
        /* underflow: 0xFF, flag set, then one count per cycle */
        ck_assert_uint_eq(riot6532_timer(&r, w + 10 * I), 0xFF);
        ck_assert(riot6532_timer_flag(&r, w + 10 * I));
        ck_assert_uint_eq(riot6532_timer(&r, w + 10 * I + 10), 0xF5);
    }
}
END_TEST

START_TEST(test_timer_flag)
{
    struct riot6532 r;
    memset(&r, 0, sizeof r);
    riot6532_reset(&r, 0);
    riot6532_write(&r, TIM8T, false, 2, 100);
    uint64_t u = 100 + 2 * 8;
    ck_assert_uint_eq(riot6532_read(&r, INSTAT, false, u - 1) & 0x80, 0);
    ck_assert_uint_eq(riot6532_read(&r, INSTAT, false, u) & 0x80, 0x80);
    /* reading the flags does not clear the timer flag */
    ck_assert_uint_eq(riot6532_read(&r, INSTAT, false, u + 1) & 0x80, 0x80);
    /* reading the timer on the wrap cycle does not clear it either */
    ck_assert_uint_eq(riot6532_read(&r, INTIM, false, u), 0xFF);
    ck_assert_uint_eq(riot6532_read(&r, INSTAT, false, u + 2) & 0x80, 0x80);
    /* a later read does, and the count keeps going at one per cycle */
    ck_assert_uint_eq(riot6532_read(&r, INTIM, false, u + 5), 0xFA);
    ck_assert_uint_eq(riot6532_read(&r, INSTAT, false, u + 6) & 0x80, 0);
    /* it wraps again 256 cycles later and sets the flag again */
    ck_assert_uint_eq(riot6532_read(&r, INSTAT, false, u + 255) & 0x80, 0);
    ck_assert_uint_eq(riot6532_read(&r, INSTAT, false, u + 256) & 0x80, 0x80);
    /* a write clears the flag and restores the prescaler */
    riot6532_write(&r, T1024T, false, 1, u + 300);
    ck_assert_uint_eq(riot6532_read(&r, INSTAT, false, u + 301) & 0x80, 0);
    ck_assert_uint_eq(riot6532_timer(&r, u + 300 + 1023), 0);
    ck_assert_uint_eq(riot6532_timer(&r, u + 300 + 1024), 0xFF);
    /* the interrupt output follows the enable bit (A3) of the last access */
    ck_assert(riot6532_timer_flag(&r, u + 300 + 1024));
    ck_assert(!riot6532_irq(&r, u + 300 + 1024));
    riot6532_write(&r, TIM1T | 8, false, 0, 5000);
    ck_assert(riot6532_irq(&r, 5001));
}
END_TEST

START_TEST(test_edge)
{
    struct riot6532 r;
    memset(&r, 0, sizeof r);
    riot6532_set_pa(&r, 0x00, 0);
    riot6532_reset(&r, 0);
    /* default: falling edge; a rising edge does nothing */
    riot6532_set_pa(&r, 0x80, 1);
    ck_assert_uint_eq(riot6532_read(&r, INSTAT, false, 2) & 0x40, 0);
    riot6532_set_pa(&r, 0x00, 3);
    ck_assert_uint_eq(riot6532_read(&r, INSTAT, false, 4) & 0x40, 0x40);
    /* reading the flags cleared it */
    ck_assert_uint_eq(riot6532_read(&r, INSTAT, false, 5) & 0x40, 0);
    /* rising edge with the interrupt enabled (write A2=1, A4=0: A1 enable, A0 rising) */
    riot6532_write(&r, 0x07, false, 0, 6);
    riot6532_set_pa(&r, 0x80, 7);
    ck_assert(riot6532_irq(&r, 8));
    ck_assert_uint_eq(riot6532_read(&r, INSTAT, false, 8) & 0x40, 0x40);
    ck_assert(!riot6532_irq(&r, 9));
}
END_TEST

START_TEST(test_state_roundtrip)
{
    struct riot6532 a, b;
    memset(&a, 0, sizeof a);
    memset(&b, 0, sizeof b);
    riot6532_reset(&a, 0);
    riot6532_write(&a, 0x85, true, 0x42, 0);
    riot6532_write(&a, TIM64T, false, 77, 123);
    uint8_t buf[1024];
    struct fdx_state st;
    fdx_state_open(&st, FDX_STATE_SAVE, buf, sizeof buf);
    riot6532_state(&a, &st);
    ck_assert(!st.failed);
    size_t n = st.pos;
    fdx_state_open(&st, FDX_STATE_LOAD, buf, n);
    riot6532_state(&b, &st);
    ck_assert(!st.failed);
    ck_assert_uint_eq(riot6532_timer(&b, 5000), riot6532_timer(&a, 5000));
    ck_assert_uint_eq(b.ram[5], 0x42);
    /* a bad prescaler is refused */
    b.timer_shift = 5;
    fdx_state_open(&st, FDX_STATE_SAVE, buf, sizeof buf);
    riot6532_state(&b, &st);
    fdx_state_open(&st, FDX_STATE_LOAD, buf, st.pos);
    riot6532_state(&a, &st);
    ck_assert(st.failed);
}
END_TEST

FDX_UNIT_MAIN("riot6532", test_ram, test_ports, test_timer_intervals, test_timer_flag, test_edge,
              test_state_roundtrip)
