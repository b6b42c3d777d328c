/* Sound output (see audio_out.h). */
#include "audio_out.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int audio_open(struct audio_out *a, unsigned rate, unsigned latency_ms, char *msg, size_t msg_size)
{
    memset(a, 0, sizeof *a);
    if (SDL_InitSubSystem(SDL_INIT_AUDIO)) {
        snprintf(msg, msg_size, "no sound: %s", SDL_GetError());
        return -1;
    }
    SDL_AudioSpec want, have;
    SDL_zero(want);
    want.freq = (int)rate;
    want.format = AUDIO_S16SYS;
    want.channels = 2;
    /* A device period well under the latency, so the queue is what sets
     * it, and a whole number of milliseconds (drivers that time periods
     * with a millisecond sleep, like SDL's dummy driver, then keep time). */
    unsigned ms = latency_ms >= 40 ? 10 : 5;
    want.samples = (Uint16)(rate * ms / 1000 > 4096 ? 4096 : rate * ms / 1000);
    a->dev = SDL_OpenAudioDevice(NULL, 0, &want, &have, SDL_AUDIO_ALLOW_FREQUENCY_CHANGE);
    if (!a->dev) {
        snprintf(msg, msg_size, "no sound: %s", SDL_GetError());
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
        return -1;
    }
    a->rate = (uint32_t)have.freq;
    fdx_ratectl_init(&a->rc, a->rate, latency_ms);
    return 0;
}

void audio_close(struct audio_out *a)
{
    if (!a->dev) return;
    SDL_CloseAudioDevice(a->dev);
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
    a->dev = 0;
}

uint32_t audio_queued(const struct audio_out *a)
{
    return a->dev ? SDL_GetQueuedAudioSize(a->dev) / 4 : 0;
}

void audio_pause(struct audio_out *a, bool pause)
{
    if (!a->dev || !pause) return;
    SDL_PauseAudioDevice(a->dev, 1);
    SDL_ClearQueuedAudio(a->dev);
    a->playing = false;
}

void audio_pump(struct audio_out *a, struct fdx_machine *m, bool mute, bool discard)
{
    if (!a->dev) {
        /* nobody listens: keep the machine's ring from filling up */
        while (fdx_machine_audio(m, a->buf, 8192) == 8192) {
        }
        return;
    }
    uint32_t queued = audio_queued(a);
    if (a->playing && queued == 0) {
        a->underruns++;
        if (getenv("FDX_AUDIO_TRACE")) fprintf(stderr, "fdx: audio: underrun at frame %llu\n", (unsigned long long)a->updates);
    }
    discard = discard || fdx_ratectl_overfull(&a->rc, queued);
    size_t n;
    while ((n = fdx_machine_audio(m, a->buf, 8192)) > 0) {
        if (discard) continue;
        if (mute) memset(a->buf, 0, n * 4);   /* silence keeps the timing */
        SDL_QueueAudio(a->dev, a->buf, (Uint32)(n * 4));
    }
    queued = audio_queued(a);
    if (!a->playing && queued >= a->rc.target) {
        SDL_PauseAudioDevice(a->dev, 0);
        a->playing = true;
    }
    a->updates++;
    if (a->playing && a->updates > 120 && queued > a->max_queued) a->max_queued = queued;
    uint32_t rate = fdx_ratectl_update(&a->rc, queued);
    /* FDX_AUDIO_TRACE=1: the queue and the rate, every 60 frames */
    if (a->updates % 60 == 0 && getenv("FDX_AUDIO_TRACE"))
        fprintf(stderr, "fdx: audio: frame %llu, queued %u frames, rate %u Hz\n", (unsigned long long)a->updates, queued, rate);
    fdx_machine_set_audio_rate(m, rate);
}
