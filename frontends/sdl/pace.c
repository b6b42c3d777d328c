/* Frame pacing (see pace.h). */
#include "pace.h"

void fdx_pace_init(struct fdx_pace *p, uint32_t fps_num, uint32_t fps_den, unsigned speed, unsigned host_hz)
{
    if (!fps_num || !fps_den) {
        fps_num = 60;
        fps_den = 1;
    }
    if (!speed) speed = 100;
    p->gain = (uint64_t)fps_num * speed;
    p->cost = 1000000000ull * fps_den * 100;
    p->acc = 0;
    p->started = false;
    p->last_ns = 0;
    p->max_frames = 4;
    p->host_period_ns = host_hz ? 1000000000ull / host_hz : 0;
    /* machine rate (fps * speed / 100) against the display's, within 1 % */
    uint64_t machine_mhz = (uint64_t)fps_num * speed * 10 / fps_den;   /* millihertz */
    uint64_t host_mhz = (uint64_t)host_hz * 1000;
    uint64_t diff = machine_mhz > host_mhz ? machine_mhz - host_mhz : host_mhz - machine_mhz;
    p->lock = host_hz && diff * 100 <= host_mhz;
}

void fdx_pace_restart(struct fdx_pace *p)
{
    p->started = false;
}

unsigned fdx_pace_step(struct fdx_pace *p, uint64_t now_ns)
{
    if (!p->started) {
        p->started = true;
        p->last_ns = now_ns;
        p->acc = p->cost;       /* show a first frame at once */
    }
    uint64_t elapsed = now_ns > p->last_ns ? now_ns - p->last_ns : 0;
    p->last_ns = now_ns;
    if (elapsed > 200000000ull) elapsed = 200000000ull;   /* a stall: do not race to catch up */
    bool snapped = false;
    if (p->host_period_ns) {
        uint64_t per = p->host_period_ns, d = elapsed > per ? elapsed - per : per - elapsed;
        if (d * 8 <= per) {
            elapsed = per;
            snapped = true;
        }
    }
    if (p->lock && snapped) return 1;
    p->acc += elapsed * p->gain;
    uint64_t n = p->acc / p->cost;
    if (n > p->max_frames) {
        n = p->max_frames;
        p->acc = 0;             /* behind by more than we can catch up: drop the backlog */
    } else p->acc -= n * p->cost;
    return (unsigned)n;
}

uint64_t fdx_pace_wait_ns(const struct fdx_pace *p)
{
    if (p->acc >= p->cost) return 0;
    return (p->cost - p->acc + p->gain - 1) / p->gain;
}
