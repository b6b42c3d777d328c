/* Resampler: exact long-run ratio (no drift), averaging, interpolation. */
#include "unit.h"

#include "fdx/av.h"

START_TEST(test_no_drift_downsampling)
{
    struct fdx_audio a;
    /* the Atari 2600's audio rate against 48 kHz */
    fdx_audio_init(&a, 31440, 48000);
    fdx_audio_set_out_rate(&a, 44100);
    int16_t out[4096 * 2];
    uint64_t produced = 0;
    for (unsigned sec = 0; sec < 10; sec++)
        for (unsigned i = 0; i < 31440; i++) {
            fdx_audio_push(&a, 1000, -1000);
            if (fdx_audio_available(&a) >= 4096) produced += fdx_audio_pop(&a, out, 4096);
        }
    produced += fdx_audio_pop(&a, out, 4096);
    /* ten seconds in, exactly ten seconds out */
    ck_assert_uint_eq(produced, 441000);
    ck_assert_int_eq(out[0], 1000);
    ck_assert_int_eq(out[1], -1000);
    ck_assert_uint_eq(a.dropped, 0);
}
END_TEST

START_TEST(test_averaging)
{
    struct fdx_audio a;
    fdx_audio_init(&a, 4, 1);
    fdx_audio_push(&a, 0, 0);
    fdx_audio_push(&a, 100, 0);
    fdx_audio_push(&a, 200, 0);
    ck_assert_uint_eq(fdx_audio_available(&a), 0);
    fdx_audio_push(&a, 300, 4);
    int16_t o[2];
    ck_assert_uint_eq(fdx_audio_pop(&a, o, 1), 1);
    ck_assert_int_eq(o[0], 150);
    ck_assert_int_eq(o[1], 1);
}
END_TEST

START_TEST(test_upsampling)
{
    struct fdx_audio a;
    fdx_audio_init(&a, 1, 4);
    fdx_audio_push(&a, 0, 0);
    int16_t o[16];
    size_t n = fdx_audio_pop(&a, o, 8);
    ck_assert_uint_eq(n, 4);
    fdx_audio_push(&a, 400, -400);
    n = fdx_audio_pop(&a, o, 8);
    ck_assert_uint_eq(n, 4);
    ck_assert_int_eq(o[0], 0);
    ck_assert_int_eq(o[2], 100);
    ck_assert_int_eq(o[4], 200);
    ck_assert_int_eq(o[6], 300);
    ck_assert_int_eq(o[7], -300);
}
END_TEST

START_TEST(test_overflow_drops_oldest)
{
    struct fdx_audio a;
    fdx_audio_init(&a, 48000, 48000);
    for (int i = 0; i < FDX_AUDIO_RING + 10; i++) fdx_audio_push(&a, (int16_t)(i & 0x7FFF), 0);
    ck_assert_uint_eq(fdx_audio_available(&a), FDX_AUDIO_RING - 1);
    ck_assert_uint_eq(a.dropped, 11);
    int16_t o[2];
    fdx_audio_pop(&a, o, 1);
    ck_assert_int_eq(o[0], 11);
}
END_TEST

FDX_UNIT_MAIN("audio", test_no_drift_downsampling, test_averaging, test_upsampling, test_overflow_drops_oldest)
