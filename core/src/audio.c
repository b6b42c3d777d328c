/* Exact-ratio resampler from the machine's native rate to the host's. */
#include "fdx/av.h"

#include <string.h>

void fdx_audio_init(struct fdx_audio *a, uint32_t in_rate, uint32_t out_rate)
{
    memset(a, 0, sizeof *a);
    a->in_rate = in_rate ? in_rate : 1;
    a->out_rate = out_rate ? out_rate : 48000;
}

void fdx_audio_set_out_rate(struct fdx_audio *a, uint32_t out_rate)
{
    if (!out_rate || out_rate == a->out_rate) return;
    a->out_rate = out_rate;
    a->phase = 0;
    a->sum_l = a->sum_r = 0;
    a->sum_n = 0;
}

static void emit(struct fdx_audio *a, int16_t l, int16_t r)
{
    uint32_t next = (a->head + 1) % FDX_AUDIO_RING;
    if (next == a->tail) {      /* full: drop the oldest frame */
        a->tail = (a->tail + 1) % FDX_AUDIO_RING;
        a->dropped++;
    }
    a->ring[2 * a->head] = l;
    a->ring[2 * a->head + 1] = r;
    a->head = next;
}

/* phase counts in units of 1/(in_rate*out_rate) seconds: each input sample
 * advances it by out_rate, each output sample consumes in_rate. */
void fdx_audio_push(struct fdx_audio *a, int16_t l, int16_t r)
{
    if (a->out_rate <= a->in_rate) {
        a->sum_l += l;
        a->sum_r += r;
        a->sum_n++;
        a->phase += a->out_rate;
        if (a->phase >= a->in_rate) {
            a->phase -= a->in_rate;
            emit(a, (int16_t)(a->sum_l / (int64_t)a->sum_n), (int16_t)(a->sum_r / (int64_t)a->sum_n));
            a->sum_l = a->sum_r = 0;
            a->sum_n = 0;
        }
    } else if (l == a->prev_l && r == a->prev_r) {
        /* A steady input (a silent or idle sound chip, most of the time):
         * every output in between is that value, as the interpolation
         * below gives it, without the arithmetic. */
        while (a->phase < a->out_rate) {
            emit(a, l, r);
            a->phase += a->in_rate;
        }
        a->phase -= a->out_rate;
    } else {
        /* Output samples that fall between the previous input and this one,
         * interpolated at their position. */
        while (a->phase < a->out_rate) {
            int64_t t = (int64_t)a->phase, span = (int64_t)a->out_rate;
            int16_t ol = (int16_t)(a->prev_l + ((int64_t)(l - a->prev_l) * t) / span);
            int16_t orr = (int16_t)(a->prev_r + ((int64_t)(r - a->prev_r) * t) / span);
            emit(a, ol, orr);
            a->phase += a->in_rate;
        }
        a->phase -= a->out_rate;
    }
    a->prev_l = l;
    a->prev_r = r;
}

size_t fdx_audio_available(const struct fdx_audio *a)
{
    return (a->head + FDX_AUDIO_RING - a->tail) % FDX_AUDIO_RING;
}

/* Copies whole stretches of the ring (at most two: before and after it
 * wraps). */
size_t fdx_audio_pop(struct fdx_audio *a, int16_t *out, size_t frames)
{
    size_t n = 0;
    while (n < frames && a->tail != a->head) {
        uint32_t end = a->head > a->tail ? a->head : FDX_AUDIO_RING;
        size_t k = end - a->tail;
        if (k > frames - n) k = frames - n;
        memcpy(out + 2 * n, a->ring + 2 * a->tail, k * 2 * sizeof *out);
        a->tail = (uint32_t)((a->tail + k) % FDX_AUDIO_RING);
        n += k;
    }
    return n;
}
