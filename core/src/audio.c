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

size_t fdx_audio_pop(struct fdx_audio *a, int16_t *out, size_t frames)
{
    size_t n = 0;
    while (n < frames && a->tail != a->head) {
        out[2 * n] = a->ring[2 * a->tail];
        out[2 * n + 1] = a->ring[2 * a->tail + 1];
        a->tail = (a->tail + 1) % FDX_AUDIO_RING;
        n++;
    }
    return n;
}
