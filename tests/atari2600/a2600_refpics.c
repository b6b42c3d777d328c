/* Compares fdx's Atari 2600 pictures with pictures recorded from other
 * emulators: MAME's a2600 driver (tests/atari2600/mame/) and Stella
 * (tests/atari2600/stella/), each made by the regen.sh beside them.
 *
 *   a2600_refpics ROMDIR REFDIR           compare every line of REFDIR/refs.txt
 *   a2600_refpics --dump CART FRAMES OUT.pgm [OPTION=VALUE...]
 *
 * refs.txt: "top N" says that the references' first line is fdx's line N
 * (the emulators start their pictures at different lines after VSYNC);
 * then lines CART FRAMES SLOT [differs=N] [OPTION=VALUE...], reference
 * REFDIR/CART.FRAMES.pgm.gz. SLOT is for regen.sh. differs=N: exactly N
 * pixels are known to differ (the reasons are in refs.txt and
 * docs/atari2600.md); any other count fails, so a change shows either way.
 *
 * Pictures are compared as TIA colour register values (palette index * 2),
 * not as RGB: the emulators' NTSC palettes differ, and what the TIA
 * emulation decides is which colour register each pixel shows. A
 * reference is a PGM of 160 columns: 8-bit (one colour a pixel) or 16-bit
 * (two, A * 256 + B: MAME blends two frames in a row where they differ,
 * so fdx's last two frames must be that pair, in either order).
 * Prints the first differing lines of a picture, one summary line per
 * failing picture, and "N passed, N failed".
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "a2600_make.h"
#include "fdx/fdx.h"
#include "machines/atari2600/palette.h"

struct picture {
    unsigned w, h;
    unsigned bytes;         /* per pixel: 1, or 2 for a pair */
    uint8_t *px;
};

/* Reference pixel x,y as the pair of colours it allows. */
static void ref_pair(const struct picture *r, unsigned x, unsigned y, unsigned *a, unsigned *b)
{
    const uint8_t *p = r->px + ((size_t)y * r->w + x) * r->bytes;
    *a = p[0];
    *b = p[r->bytes - 1];
}

/* Reads a header number of a PGM. */
static int pgm_number(gzFile f, unsigned *v)
{
    int c;
    while ((c = gzgetc(f)) == ' ' || c == '\n' || c == '\t' || c == '\r') {}
    if (c < '0' || c > '9') return -1;
    *v = 0;
    for (; c >= '0' && c <= '9'; c = gzgetc(f)) {
        if (*v > 100000) return -1;
        *v = *v * 10 + (unsigned)(c - '0');
    }
    return c == ' ' || c == '\n' ? 0 : -1; /* one white space ends the header */
}

/* An 8-bit or 16-bit PGM (see the top of the file). */
static int load_pgm_gz(const char *path, struct picture *p)
{
    gzFile f = gzopen(path, "rb");
    if (!f) return -1;
    unsigned w, h, max;
    int r = -1;
    if (gzgetc(f) == 'P' && gzgetc(f) == '5' && !pgm_number(f, &w) && !pgm_number(f, &h) && !pgm_number(f, &max) &&
        (max == 255 || max == 65535) && w <= 1024 && h <= 1024) {
        p->w = w;
        p->h = h;
        p->bytes = max == 255 ? 1 : 2;
        p->px = malloc((size_t)w * h * p->bytes);
        int n = (int)(w * h * p->bytes);
        if (p->px && gzread(f, p->px, (unsigned)n) == n) r = 0;
    }
    gzclose(f);
    return r;
}

/* The machine's frame as colour register values. */
static int grab(const struct fdx_frame *f, struct picture *p)
{
    p->w = f->width;
    p->h = f->height;
    p->px = malloc((size_t)p->w * p->h);
    if (!p->px) return -1;
    for (unsigned y = 0; y < p->h; y++)
        for (unsigned x = 0; x < p->w; x++) {
            uint32_t c = f->pixels[(size_t)y * f->pitch + x] & 0xFFFFFF;
            unsigned i = 0;
            while (i < 128 && a2600_palette_ntsc[i] != c) i++;
            if (i == 128) return -1;
            p->px[(size_t)y * p->w + x] = (uint8_t)(2 * i);
        }
    return 0;
}

/* Runs `frames` frames; returns the last two pictures. */
static int fdx_pictures(const char *cart, unsigned frames, char **opts, int nopts, struct picture *prev,
                        struct picture *cur)
{
    struct fdx_err err;
    struct fdx_machine *m = a2600_make(cart, opts, nopts, &err);
    if (!m) {
        printf("%s: %s\n", cart, err.msg);
        return -1;
    }
    int rc = 0;
    for (unsigned i = 0; i < frames && !rc; i++) {
        if (fdx_machine_run_frame(m) != FDX_RUN_OK) {
            printf("%s: the run failed\n", cart);
            rc = -1;
        }
        int16_t buf[2 * 4096];
        while (fdx_machine_audio(m, buf, 4096) > 0) {}
        if (!rc && i + 2 == frames && grab(fdx_machine_frame(m), prev)) rc = -2;
        if (!rc && i + 1 == frames && grab(fdx_machine_frame(m), cur)) rc = -2;
    }
    fdx_machine_destroy(m);
    if (rc == -2) printf("%s: a colour outside the NTSC palette\n", cart);
    return rc;
}

/* One character per pixel: the colour's hue as a hex digit, '.' for 00. */
static char hue(unsigned v)
{
    return v ? "0123456789abcdef"[(v >> 4) & 15] : '.';
}

/* Counts the pixels where fdx's last two frames are not what the reference
 * allows; prints the first few differing lines (a pair of colours shows as
 * [a|b], the hues of both). */
static unsigned compare(const char *name, unsigned top, bool quiet, const struct picture *ref,
                        const struct picture *prev, const struct picture *cur)
{
    unsigned diff = 0, lines = 0, shown = 0;
    for (unsigned ry = 0; ry < ref->h; ry++) {
        unsigned y = ry + top;
        if (y >= cur->h) break;
        unsigned d = 0, first = 0;
        for (unsigned x = 0; x < ref->w && x < cur->w; x++) {
            unsigned a, b;
            ref_pair(ref, x, ry, &a, &b);
            unsigned c = cur->px[(size_t)y * cur->w + x], p = prev->px[(size_t)y * cur->w + x];
            if ((a == c && b == p) || (a == p && b == c)) continue;
            if (!d) first = x;
            d++;
        }
        if (!d) continue;
        diff += d;
        lines++;
        if (!quiet && shown++ < 3) {
            unsigned x0 = first >= 8 ? first - 8 : 0, x1 = x0 + 64 < cur->w ? x0 + 64 : cur->w;
            printf("  %s: fdx line %u: %u pixels differ from x=%u (columns %u..%u):\n", name, y, d, first, x0, x1 - 1);
            printf("    ref   ");
            for (unsigned x = x0; x < x1; x++) {
                unsigned a, b;
                ref_pair(ref, x, ry, &a, &b);
                if (a == b) putchar(hue(a));
                else printf("[%c|%c]", hue(a), hue(b));
            }
            printf("\n    fdx   ");
            for (unsigned x = x0; x < x1; x++) {
                unsigned c = cur->px[(size_t)y * cur->w + x], p = prev->px[(size_t)y * cur->w + x];
                if (c == p) putchar(hue(c));
                else printf("[%c|%c]", hue(c), hue(p));
            }
            putchar('\n');
        }
    }
    if (diff && !quiet) printf("%s: %u pixels on %u lines differ\n", name, diff, lines);
    return diff;
}

static int write_pgm(const char *path, const struct picture *p)
{
    FILE *f = fopen(path, "wb");
    if (!f) return -1;
    fprintf(f, "P5\n%u %u\n255\n", p->w, p->h);
    fwrite(p->px, 1, (size_t)p->w * p->h, f);
    return fclose(f);
}

int main(int argc, char **argv)
{
    if (argc >= 5 && !strcmp(argv[1], "--dump")) {
        struct picture prev = {0}, cur = {0};
        unsigned frames = (unsigned)strtoul(argv[3], NULL, 10);
        if (frames < 2 || fdx_pictures(argv[2], frames, argv + 5, argc - 5, &prev, &cur)) return 1;
        return write_pgm(argv[4], &cur) ? 1 : 0;
    }
    if (argc != 3) {
        fprintf(stderr, "usage: a2600_refpics ROMDIR REFDIR | --dump CART FRAMES OUT.pgm [OPT=VAL...]\n");
        return 2;
    }
    char list[1024];
    snprintf(list, sizeof list, "%s/refs.txt", argv[2]);
    FILE *f = fopen(list, "r");
    if (!f) {
        fprintf(stderr, "a2600_refpics: cannot open %s\n", list);
        return 2;
    }
    char line[512];
    unsigned passed = 0, failed = 0, top = 0;
    while (fgets(line, sizeof line, f)) {
        char *tok[16];
        int nt = 0;
        if (line[0] == '#') continue;
        for (char *p = strtok(line, " \t\n"); p && nt < 16; p = strtok(NULL, " \t\n")) tok[nt++] = p;
        if (nt == 2 && !strcmp(tok[0], "top")) {
            top = (unsigned)strtoul(tok[1], NULL, 10);
            continue;
        }
        if (nt < 3) continue;
        unsigned frames = (unsigned)strtoul(tok[1], NULL, 10);
        int first_opt = 3;
        long known = 0;
        if (nt > 3 && !strncmp(tok[3], "differs=", 8)) {
            known = strtol(tok[3] + 8, NULL, 10);
            first_opt = 4;
        }
        const char *base = strrchr(tok[0], '/') ? strrchr(tok[0], '/') + 1 : tok[0];
        char cart[1024], ref_path[1024];
        snprintf(cart, sizeof cart, "%s/%s", argv[1], tok[0]);
        snprintf(ref_path, sizeof ref_path, "%s/%s.%u.pgm.gz", argv[2], base, frames);
        struct picture ref = {0}, prev = {0}, cur = {0};
        if (load_pgm_gz(ref_path, &ref)) {
            printf("%s: cannot read the reference %s\n", tok[0], ref_path);
            failed++;
        } else if (frames < 2 || fdx_pictures(cart, frames, tok + first_opt, nt - first_opt, &prev, &cur)) {
            failed++;
        } else {
            unsigned d = compare(tok[0], top, known != 0, &ref, &prev, &cur);
            if (d == (unsigned long)known) {
                passed++;
            } else {
                if (known) {
                    compare(tok[0], top, false, &ref, &prev, &cur);
                    printf("%s: %u pixels differ, %ld known to differ\n", tok[0], d, known);
                }
                failed++;
            }
        }
        free(ref.px);
        free(prev.px);
        free(cur.px);
    }
    fclose(f);
    printf("%u passed, %u failed\n", passed, failed);
    return failed ? 1 : 0;
}
