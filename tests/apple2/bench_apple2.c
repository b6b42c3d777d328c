/* Apple II benchmark: boots the built-in demo disk and runs it unthrottled
 * with video rendering on; prints the multiple of real time.
 * Usage: bench_apple2 [apple2p|apple2e] [FRAMES] */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "fdx/fdx.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    const char *name = argc > 1 ? argv[1] : "apple2p";
    unsigned long frames = argc > 2 ? strtoul(argv[2], NULL, 10) : 3600;
    const struct fdx_machine_desc *d = fdx_machine_find(name);
    if (!d || !frames) {
        fprintf(stderr, "usage: bench_apple2 [apple2p|apple2e] [FRAMES]\n");
        return 2;
    }
    struct fdx_err err;
    struct fdx_machine *m = fdx_machine_create(d, NULL, NULL, &err);
    if (!m) {
        fprintf(stderr, "bench_apple2: %s\n", err.msg);
        return 1;
    }
    int16_t audio[2 * 4096];
    double t0 = now();
    for (unsigned long f = 0; f < frames; f++) {
        if (fdx_machine_run_frame(m) != FDX_RUN_OK) break;
        fdx_machine_audio(m, audio, 4096); /* drain as a frontend would */
    }
    double wall = now() - t0;
    const struct fdx_frame *fr = fdx_machine_frame(m);
    double emulated = (double)fr->number * fr->fps_den / fr->fps_num;
    printf("%s: %llu frames, %.2f s emulated in %.3f s: %.0fx real time; %llu instructions (%.1f M/s), frame %08x\n",
           name, (unsigned long long)fr->number, emulated, wall, emulated / wall,
           (unsigned long long)m->cpu->instructions, m->cpu->instructions / wall / 1e6,
           (unsigned)fdx_frame_hash(fr));
    fdx_machine_destroy(m);
    return 0;
}
