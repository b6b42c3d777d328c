/* Dynamic audio rate control (see ratectl.h). */
#include "ratectl.h"

void fdx_ratectl_init(struct fdx_ratectl *rc, uint32_t nominal_hz, uint32_t latency_ms)
{
    rc->nominal = nominal_hz;
    rc->target = (uint32_t)((uint64_t)nominal_hz * latency_ms / 1000);
    if (rc->target < 256) rc->target = 256;
    rc->max_ppm = 5000;         /* 0.5 %: a pitch change nobody hears */
    rc->avg16 = (int64_t)rc->target * 16;
    rc->integral = 0;
    rc->primed = false;
    rc->rate = nominal_hz;
}

uint32_t fdx_ratectl_update(struct fdx_ratectl *rc, uint32_t queued)
{
    if (!rc->primed) {
        rc->avg16 = (int64_t)queued * 16;
        rc->primed = true;
    }
    /* The fill jumps by a frame's worth of samples and by the device's
     * period: smooth it (time constant of about 16 frames). */
    rc->avg16 += (int64_t)queued - rc->avg16 / 16;
    int64_t avg = rc->avg16 / 16;
    int64_t max = rc->max_ppm;
    /* error: +1024 with the queue empty, -1024 at twice the target */
    int64_t err = ((int64_t)rc->target - avg) * 1024 / (int64_t)rc->target;
    if (err > 1024) err = 1024;
    if (err < -1024) err = -1024;
    /* integral: a full-scale error moves it by max/256 per frame */
    rc->integral += max * err / 256;
    if (rc->integral > max * 1024) rc->integral = max * 1024;
    if (rc->integral < -max * 1024) rc->integral = -max * 1024;
    /* proportional: half the authority at full-scale error */
    int64_t ppm = max * err / 2048 + rc->integral / 1024;
    if (ppm > max) ppm = max;
    if (ppm < -max) ppm = -max;
    rc->rate = (uint32_t)((int64_t)rc->nominal + (int64_t)rc->nominal * ppm / 1000000);
    return rc->rate;
}

bool fdx_ratectl_overfull(const struct fdx_ratectl *rc, uint32_t queued)
{
    return queued > rc->target * 3;
}
