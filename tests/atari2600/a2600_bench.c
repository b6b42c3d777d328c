/* Atari 2600 benchmark: runs a cartridge unthrottled (no window, audio
 * produced and drained as a frontend would) for a number of frames and
 * prints frames per second and the multiple of real time.
 *
 *   a2600_bench CART|demo FRAMES [OPTION=VALUE...]
 *
 * Compare with MAME on the same cart: mame a2600 -cart CART -bench 60
 * (tests/atari2600/bench.sh runs both).
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fdx/fdx.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: a2600_bench CART|demo FRAMES [OPTION=VALUE...]\n");
        return 2;
    }
    struct fdx_options o;
    fdx_options_init(&o);
    if (strcmp(argv[1], "demo")) fdx_options_add_arg(&o, argv[1]);
    char keys[16][64]; /* the options keep pointers to these */
    if (argc > 3 + 16) argc = 3 + 16;
    for (int i = 3; i < argc; i++) {
        char *key = keys[i - 3];
        const char *eq = strchr(argv[i], '=');
        size_t n = eq ? (size_t)(eq - argv[i]) : strlen(argv[i]);
        if (n >= sizeof keys[0]) n = sizeof keys[0] - 1;
        memcpy(key, argv[i], n);
        key[n] = 0;
        fdx_options_add(&o, key, eq ? eq + 1 : "on");
    }
    struct fdx_err err;
    struct fdx_machine *m = fdx_machine_create(fdx_machine_find("atari2600"), &o, NULL, &err);
    if (!m) {
        fprintf(stderr, "a2600_bench: %s\n", err.msg);
        return 1;
    }
    unsigned frames = (unsigned)strtoul(argv[2], NULL, 10);
    int16_t buf[2 * 4096];
    double t0 = now();
    for (unsigned f = 0; f < frames; f++) {
        if (fdx_machine_run_frame(m) != FDX_RUN_OK) {
            fprintf(stderr, "a2600_bench: the run stopped at frame %u\n", f);
            fdx_machine_destroy(m);
            return 1;
        }
        while (fdx_machine_audio(m, buf, 4096) > 0) {}
    }
    double secs = now() - t0;
    const struct fdx_frame *fr = fdx_machine_frame(m);
    double real_fps = (double)fr->fps_num / fr->fps_den;
    double fps = frames / (secs > 0 ? secs : 1e-9);
    printf("%u frames in %.3f s: %.1f frames/s, %.1f x real time (%.2f Hz)\n", frames, secs, fps, fps / real_fps,
           real_fps);
    fdx_machine_destroy(m);
    return 0;
}
