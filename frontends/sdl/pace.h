/* Frame pacing: how many emulated frames to run each time the host shows
 * one. Emulated time follows the host clock through an exact rational
 * accumulator, so a 50 Hz machine on a 60 Hz display runs 5 frames in every
 * 6 refreshes, evenly spread, and never two in one refresh. When the
 * machine's rate is within 1 % of the display's and presentation really
 * waits for vsync, it locks to one frame per refresh (audio rate control
 * absorbs the difference), which is the smoothest picture there is.
 * Timer jitter near a refresh period is snapped to the period.
 * Pure integer code, no SDL.
 */
#ifndef FDX_SDL_PACE_H
#define FDX_SDL_PACE_H

#include <stdbool.h>
#include <stdint.h>

struct fdx_pace {
    uint64_t cost;              /* one frame, in units of 1 ns / (fps_num * speed) */
    uint64_t gain;              /* per elapsed ns: fps_num * speed */
    uint64_t acc;
    uint64_t last_ns;
    bool started;
    uint64_t host_period_ns;    /* display refresh, 0 when unknown */
    bool lock;                  /* machine rate within 1 % of the display's */
    unsigned max_frames;        /* catch-up limit per call */
};

/* fps = fps_num / fps_den; speed in percent; host_hz 0 when unknown. */
void fdx_pace_init(struct fdx_pace *p, uint32_t fps_num, uint32_t fps_den, unsigned speed, unsigned host_hz);
/* Frames to run now (0..max_frames, or 1 << 20 when fast-forwarding). */
unsigned fdx_pace_step(struct fdx_pace *p, uint64_t now_ns);
/* Nanoseconds until the next frame is due (for sleeping without vsync). */
uint64_t fdx_pace_wait_ns(const struct fdx_pace *p);
/* Forget elapsed time (after a pause or a long load). */
void fdx_pace_restart(struct fdx_pace *p);

#endif
