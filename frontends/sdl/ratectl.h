/* Dynamic audio rate control.
 *
 * The machine's resampler produces samples for the rate we ask for
 * (fdx_machine_set_audio_rate); the sound card eats them at its own clock,
 * which never quite matches the host clock that paces the frames. Once per
 * frame we look at how much audio is queued and ask the machine for a rate
 * a little above or below the nominal one (at most max_ppm) so the queue
 * stays near the target latency: no underruns (crackles), no drift
 * (growing latency). A proportional term reacts to jumps; a slow integral
 * term removes the steady offset a constant clock mismatch would leave.
 * Only the host side changes; emulation stays deterministic.
 * Pure integer code, simulated over long runs in the unit tests.
 */
#ifndef FDX_SDL_RATECTL_H
#define FDX_SDL_RATECTL_H

#include <stdbool.h>
#include <stdint.h>

struct fdx_ratectl {
    uint32_t nominal;           /* device rate, Hz */
    uint32_t target;            /* queued frames we aim for */
    uint32_t max_ppm;           /* largest correction, parts per million */
    int64_t avg16;              /* smoothed queue fill, 1/16 frames */
    int64_t integral;           /* slow correction, ppm * 1024 */
    bool primed;
    uint32_t rate;              /* last rate asked for */
};

void fdx_ratectl_init(struct fdx_ratectl *rc, uint32_t nominal_hz, uint32_t latency_ms);
/* Called once per emulated frame with the queued frames; returns the rate
 * to ask the machine for. */
uint32_t fdx_ratectl_update(struct fdx_ratectl *rc, uint32_t queued);
/* true when queued is so far over the target (after a stall or while
 * fast-forwarding) that this frame's audio should be dropped. */
bool fdx_ratectl_overfull(const struct fdx_ratectl *rc, uint32_t queued);

#endif
