/* sdl_xwdcmp WINDOW.xwd JOYBITS ASPECT INTEGER [OUT.png]
 * sdl_xwdcmp WINDOW.xwd -m MACHINE MEDIA FRAMES ASPECT INTEGER [OUT.png]
 *
 * Reads an X window dump of the app showing the test machine (or a real
 * machine with MEDIA, run FRAMES frames: for a cartridge whose picture
 * stands still), renders the same picture headless (the test machine with
 * that joystick state), scales it the way the app does (view.h, nearest
 * pixel) and compares every pixel.
 * Prints "N passed, N failed" over pixels and exits non-zero on any
 * difference; OUT.png gets the window dump for a person to look at. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fake_machine.h"
#include "view.h"

static uint32_t be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

struct image {
    unsigned w, h;
    uint32_t *px;               /* 0x00RRGGBB */
};

/* ZPixmap, 24/32 bits per pixel, TrueColor: what Xvfb -screen WxHx24 gives. */
static int read_xwd(const char *path, struct image *img)
{
    uint8_t *d;
    size_t n;
    struct fdx_err err;
    if (fdx_file_read(path, 256u << 20, &d, &n, &err)) {
        fprintf(stderr, "xwdcmp: %s\n", err.msg);
        return -1;
    }
    if (n < 100) goto bad;
    uint32_t hsize = be32(d), version = be32(d + 4), format = be32(d + 8);
    uint32_t w = be32(d + 16), h = be32(d + 20), byte_order = be32(d + 28);
    uint32_t bpp = be32(d + 44), bpl = be32(d + 48);
    uint32_t rmask = be32(d + 56), gmask = be32(d + 60), bmask = be32(d + 64), ncolors = be32(d + 76);
    if (version != 7 || format != 2 || (bpp != 32 && bpp != 24) || !w || !h || w > 16384 || h > 16384) goto bad;
    if (rmask != 0xff0000 || gmask != 0xff00 || bmask != 0xff) goto bad;
    size_t off = (size_t)hsize + (size_t)ncolors * 12;
    if (off > n || (n - off) / bpl < h) goto bad;
    img->w = w;
    img->h = h;
    img->px = malloc((size_t)w * h * 4);
    if (!img->px) goto bad;
    for (uint32_t y = 0; y < h; y++)
        for (uint32_t x = 0; x < w; x++) {
            const uint8_t *p = d + off + (size_t)y * bpl + (size_t)x * (bpp / 8);
            uint32_t v = byte_order == 0 ? (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16
                                         : (bpp == 32 ? (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]
                                                      : (uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2]);
            img->px[(size_t)y * w + x] = v & 0xffffff;
        }
    free(d);
    return 0;
bad:
    fprintf(stderr, "xwdcmp: %s is not a 24-bit TrueColor ZPixmap window dump\n", path);
    free(d);
    return -1;
}

int main(int argc, char **argv)
{
    bool real = argc > 2 && !strcmp(argv[2], "-m");
    int first = real ? 6 : 3;   /* index of ASPECT */
    if (argc < first + 2) {
        fprintf(stderr, "usage: sdl_xwdcmp WINDOW.xwd JOYBITS ASPECT(0|1) INTEGER(0|1) [OUT.png]\n"
                        "       sdl_xwdcmp WINDOW.xwd -m MACHINE MEDIA FRAMES ASPECT(0|1) INTEGER(0|1) [OUT.png]\n");
        return 2;
    }
    struct image win;
    if (read_xwd(argv[1], &win)) return 2;
    if (argc > first + 2) {
        struct fdx_frame f = {.pixels = win.px, .width = win.w, .height = win.h, .pitch = win.w};
        struct fdx_err err;
        if (fdx_frame_write_png(&f, argv[first + 2], &err)) fprintf(stderr, "xwdcmp: %s\n", err.msg);
    }
    struct fdx_err err;
    struct fdx_machine *m;
    unsigned frames = 1, skip_rows = 8;
    if (real) {
        const struct fdx_machine_desc *d = fdx_machine_find(argv[3]);
        struct fdx_options o;
        fdx_options_init(&o);
        fdx_options_add_arg(&o, argv[4]);
        frames = (unsigned)atoi(argv[5]);
        skip_rows = 0;
        m = d ? fdx_machine_create(d, &o, NULL, &err) : NULL;
        if (!d) snprintf(err.msg, sizeof err.msg, "no machine %s", argv[3]);
    } else m = fdx_machine_create(&fdx_sdltest_machine, NULL, NULL, &err);
    if (!m) {
        fprintf(stderr, "xwdcmp: %s\n", err.msg);
        return 2;
    }
    if (!real) {
        struct fdx_input_event ev = {FDX_INPUT_JOYSTICK, 0, 0, atoi(argv[2])};
        fdx_machine_input(m, &ev);
    }
    for (unsigned i = 0; i < frames || i < 1; i++) fdx_machine_run_frame(m);
    const struct fdx_frame *f = fdx_machine_frame(m);
    struct fdx_view_rect v;
    fdx_view_fit(f->width, f->height, f->par_num, f->par_den, atoi(argv[first]) != 0, atoi(argv[first + 1]) != 0,
                 (int)win.w, (int)win.h, &v);
    unsigned long pass = 0, fail = 0, shown = 0;
    /* The test machine's top rows show the last key and the paddle, which
     * the test does not control: compare from row 8 of its picture down. */
    for (unsigned y = 0; y < win.h; y++)
        for (unsigned x = 0; x < win.w; x++) {
            uint32_t want = 0;
            bool inside = (int)x >= v.x && (int)x < v.x + v.w && (int)y >= v.y && (int)y < v.y + v.h;
            if (inside) {
                /* nearest: the source pixel under the destination pixel's
                 * centre, in the 16.16 fixed point of SDL's software
                 * renderer (the test forces it), so that boundaries of a
                 * non-integer scale round the same way */
                uint32_t ix = (uint32_t)(((uint64_t)f->width << 16) / (unsigned)v.w);
                uint32_t iy = (uint32_t)(((uint64_t)f->height << 16) / (unsigned)v.h);
                unsigned sx = (unsigned)((ix / 2 + (uint64_t)(x - (unsigned)v.x) * ix) >> 16);
                unsigned sy = (unsigned)((iy / 2 + (uint64_t)(y - (unsigned)v.y) * iy) >> 16);
                if (sy < skip_rows) continue;
                want = f->pixels[sy * f->pitch + sx];
            }
            uint32_t got = win.px[(size_t)y * win.w + x];
            if (got == want) pass++;
            else {
                if (shown++ < 5)
                    fprintf(stderr, "xwdcmp: pixel (%u,%u): window %06x, headless %06x\n", x, y, (unsigned)got,
                            (unsigned)want);
                fail++;
            }
        }
    printf("window %ux%u, picture at %d,%d size %dx%d\n", win.w, win.h, v.x, v.y, v.w, v.h);
    printf("%lu passed, %lu failed\n", pass, fail);
    fdx_machine_destroy(m);
    free(win.px);
    return fail || !pass ? 1 : 0;
}
