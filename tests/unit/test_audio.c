/* Resampler: exact long-run ratio (no drift), averaging, interpolation. */
#include "unit.h"

#include <string.h>

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

/* The resampler as first written (one output at a time, interpolating
 * every one): the faster paths must give exactly its output. */
struct ref_audio {
    uint32_t in_rate, out_rate;
    uint64_t phase;
    int64_t sum_l, sum_r;
    uint32_t sum_n;
    int16_t prev_l, prev_r;
    int16_t out[2 * 70000];
    size_t n;
};

static void ref_push(struct ref_audio *a, int16_t l, int16_t r)
{
    if (a->out_rate <= a->in_rate) {
        a->sum_l += l;
        a->sum_r += r;
        a->sum_n++;
        a->phase += a->out_rate;
        if (a->phase >= a->in_rate) {
            a->phase -= a->in_rate;
            a->out[2 * a->n] = (int16_t)(a->sum_l / (int64_t)a->sum_n);
            a->out[2 * a->n + 1] = (int16_t)(a->sum_r / (int64_t)a->sum_n);
            a->n++;
            a->sum_l = a->sum_r = 0;
            a->sum_n = 0;
        }
    } else {
        while (a->phase < a->out_rate) {
            int64_t t = (int64_t)a->phase, span = (int64_t)a->out_rate;
            a->out[2 * a->n] = (int16_t)(a->prev_l + ((int64_t)(l - a->prev_l) * t) / span);
            a->out[2 * a->n + 1] = (int16_t)(a->prev_r + ((int64_t)(r - a->prev_r) * t) / span);
            a->n++;
            a->phase += a->in_rate;
        }
        a->phase -= a->out_rate;
    }
    a->prev_l = l;
    a->prev_r = r;
}

START_TEST(test_same_as_reference)
{
    /* rates of the machines here (Apple II speaker, 2600 TIA) both ways,
     * input with long steady stretches and changes, popped in odd sizes */
    static const uint32_t rates[][2] = {{22233, 48000}, {22233, 44100}, {31440, 48000}, {48000, 22233}, {7, 48000}};
    static struct ref_audio ref;
    static struct fdx_audio a;
    static int16_t got[2 * 70000];
    for (unsigned k = 0; k < sizeof rates / sizeof rates[0]; k++) {
        memset(&ref, 0, sizeof ref);
        ref.in_rate = rates[k][0];
        ref.out_rate = rates[k][1];
        fdx_audio_init(&a, rates[k][0], rates[k][1]);
        size_t n = 0;
        uint32_t seed = 12345 + k;
        int16_t l = 0, r = 0;
        for (unsigned i = 0; i < 30000 && ref.n < 60000; i++) {
            seed = seed * 1103515245u + 12345u;
            if ((seed >> 16) % 100 < 7) { /* a change now and then */
                l = (int16_t)(seed >> 8);
                r = (int16_t)((seed >> 3) & 0x7FFF);
            }
            ref_push(&ref, l, r);
            fdx_audio_push(&a, l, r);
            if (i % 97 == 0) n += fdx_audio_pop(&a, got + 2 * n, (i * 7919u) % 3000);
            while (fdx_audio_available(&a) > 8192) n += fdx_audio_pop(&a, got + 2 * n, 1 + (i * 7919u) % 3000);
        }
        n += fdx_audio_pop(&a, got + 2 * n, 70000 - n);
        ck_assert_uint_eq(n, ref.n);
        ck_assert_uint_eq(a.dropped, 0);
        ck_assert_int_eq(memcmp(got, ref.out, n * 2 * sizeof got[0]), 0);
    }
}
END_TEST

FDX_UNIT_MAIN("audio", test_no_drift_downsampling, test_averaging, test_upsampling, test_overflow_drops_oldest,
              test_same_as_reference)
