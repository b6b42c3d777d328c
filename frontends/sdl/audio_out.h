/* Sound through SDL's audio queue, kept near the target latency by the
 * rate controller (ratectl.h). */
#ifndef FDX_SDL_AUDIO_OUT_H
#define FDX_SDL_AUDIO_OUT_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#include "fdx/fdx.h"
#include "ratectl.h"

struct audio_out {
    SDL_AudioDeviceID dev;
    uint32_t rate;              /* what the device really runs at */
    struct fdx_ratectl rc;
    bool playing;               /* unpaused once the queue reached the target */
    uint64_t underruns;         /* times the queue ran dry while playing */
    uint32_t max_queued;        /* frames, after the first second */
    uint64_t updates;
    int16_t buf[8192 * 2];
};

/* Opens the default device; returns 0, or -1 with a message (the app then
 * runs silent). */
int audio_open(struct audio_out *a, unsigned rate, unsigned latency_ms, char *msg, size_t msg_size);
void audio_close(struct audio_out *a);
/* After each emulated frame: moves the machine's samples to the device
 * (dropped when fast-forwarding or overfull, silenced when muted) and
 * retunes the rate. */
void audio_pump(struct audio_out *a, struct fdx_machine *m, bool mute, bool discard);
/* Pausing: stop the device and forget the queue; playing resumes primed. */
void audio_pause(struct audio_out *a, bool pause);
/* The queue in frames. */
uint32_t audio_queued(const struct audio_out *a);

#endif
