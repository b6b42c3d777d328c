/* fdx audio and video as frontends see them. */
#ifndef FDX_AV_H
#define FDX_AV_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A video frame in XRGB8888 (0x00RRGGBB in a host-order uint32_t). */
struct fdx_frame {
    const uint32_t *pixels;     /* NULL when the machine has no video */
    unsigned width, height;     /* visible picture */
    unsigned pitch;             /* in pixels */
    unsigned par_num, par_den;  /* pixel aspect ratio (width / height of one pixel) */
    uint32_t fps_num, fps_den;  /* nominal frame rate */
    uint64_t number;            /* frames completed since power-on */
};

struct fdx_err;
/* Writes the frame as a PNG file (atomically). */
int fdx_frame_write_png(const struct fdx_frame *f, const char *path, struct fdx_err *err);
/* CRC32 over the visible pixels, row by row, as 0x00RRGGBB little-endian
 * bytes: the same picture gives the same hash on every host. */
uint32_t fdx_frame_hash(const struct fdx_frame *f);

/* Resampler: turns the machine's native sample rate into the rate the
 * frontend asked for. The ratio is tracked with integers, exactly, so output
 * never drifts against emulated time; downsampling averages (box filter),
 * upsampling interpolates linearly. Output is int16 stereo, kept in a ring. */
#define FDX_AUDIO_RING 16384  /* stereo frames */

struct fdx_audio {
    uint32_t in_rate, out_rate;
    uint64_t phase;             /* in units of 1/in_rate/out_rate */
    int64_t sum_l, sum_r;
    uint32_t sum_n;
    int16_t prev_l, prev_r;
    int16_t ring[FDX_AUDIO_RING * 2];
    uint32_t head, tail;        /* frames; head == tail: empty */
    uint64_t dropped;           /* frames lost because nobody read them */
};

void fdx_audio_init(struct fdx_audio *a, uint32_t in_rate, uint32_t out_rate);
void fdx_audio_set_out_rate(struct fdx_audio *a, uint32_t out_rate);
/* Push one stereo sample at the native rate. */
void fdx_audio_push(struct fdx_audio *a, int16_t l, int16_t r);
size_t fdx_audio_available(const struct fdx_audio *a);
/* Pops up to frames stereo frames; returns how many. */
size_t fdx_audio_pop(struct fdx_audio *a, int16_t *out, size_t frames);

#ifdef __cplusplus
}
#endif
#endif
