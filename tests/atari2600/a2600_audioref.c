/* Compares fdx's Atari 2600 sound with references recorded from MAME's
 * a2600 driver by mame/audio_regen.sh.
 *
 *   a2600_audioref ROMDIR REFDIR          every line of REFDIR/audio_refs.txt
 *   a2600_audioref --dump CART SECONDS OUT [OPTION=VALUE...]
 *                                         fdx's levels in the references' form
 *
 * audio_refs.txt: lines CART SECONDS [differs=N] [split=A,B] [segment=S]
 * [OPTION=VALUE...]; the reference REFDIR/CART.SECONDS.levels.gz holds
 * "LEVEL COUNT" lines: the TIA's output (the two channels' volumes summed,
 * 0..30) as MAME's TIA sound stream made it, run-length coded.
 *
 * What can be compared: MAME's stream runs at 31399 samples a second (its
 * TIA sound clock, the colour clock / 114 rounded down), the real TIA and
 * fdx at 31399.5 (two samples a line), so MAME's stream is first put on
 * fdx's sample clock. fdx's native samples come from the machine's audio
 * output with the output rate set to the input rate (the resampler then
 * passes them through). Then edges are compared: each change of level,
 * its new value and its time; an edge matches when the other stream has
 * the same change within TOLERANCE samples. The tone dividers and
 * polynomial counters of the two emulators start in different states
 * (the hardware does not define them), so each segment of S samples
 * (default: the whole run) is compared at the phase shift that matches
 * most edges. split=A,B: channel 0 plays at volume A, channel 1 at B, so
 * each channel's on/off stream can be told apart and is compared alone.
 * differs=N: exactly N edges are known not to match (docs/atari2600.md);
 * another count fails. Prints the segments with unmatched edges, one line
 * per failing run and "N passed, N failed".
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "a2600_make.h"
#include "fdx/fdx.h"

#define TOLERANCE 2         /* samples an edge may be off */
#define MAX_SHIFT 800       /* the phase search, in samples: a period of the slowest tones */
#define MARGIN 400          /* samples left out at each end of a segment */

/* MAME's runs, put on fdx's clock: fdx's sample t is MAME's t * 62798 / 62799. */
static int load_ref(const char *path, struct a2600_levels *l)
{
    gzFile f = gzopen(path, "rb");
    if (!f) return -1;
    struct a2600_levels raw = {0};
    char line[64];
    int r = 0;
    while (r == 0 && gzgets(f, line, sizeof line)) {
        int level;
        unsigned long count;
        if (sscanf(line, "%d %lu", &level, &count) != 2 || level < 0 || level > 30 || !count || count > 10000000)
            r = -1;
        else
            r = a2600_levels_add(&raw, (uint8_t)level, count);
    }
    gzclose(f);
    if (!raw.n) r = -1;
    size_t n = raw.n * 62799 / 62798;
    for (size_t t = 0; r == 0 && t < n; t++) {
        size_t src = (size_t)((uint64_t)t * 62798 / 62799);
        r = a2600_levels_add(l, raw.v[src < raw.n ? src : raw.n - 1], 1);
    }
    free(raw.v);
    return r;
}

/* fdx's levels for at least `samples` native samples. */
static int run_fdx(struct fdx_machine *m, size_t samples, struct a2600_levels *l)
{
    a2600_native_audio(m);
    while (l->n < samples)
        if (fdx_machine_run_frame(m) != FDX_RUN_OK || a2600_take_levels(m, l)) return -1;
    return 0;
}

/* What channel ch shows: with split volumes a and b, whether it is on
 * (level a, b or a + b); without (a < 0), the level itself. */
static int channel(uint8_t v, int ch, int a, int b)
{
    if (a < 0) return v;
    return ch == 0 ? (v == a || v == a + b) : (v == b || v == a + b);
}

/* Changes of channel ch in [lo, hi): times and new values. */
static size_t edges(const struct a2600_levels *l, size_t lo, size_t hi, int ch, int a, int b, size_t *t, int *to)
{
    size_t n = 0;
    for (size_t i = lo > 0 ? lo : 1; i < hi; i++) {
        int v = channel(l->v[i], ch, a, b);
        if (v != channel(l->v[i - 1], ch, a, b)) t[n] = i, to[n] = v, n++;
    }
    return n;
}

/* MAME's edges (moved by shift, those that land in [s0, s1)) and fdx's
 * without a partner. */
static unsigned unmatched(const size_t *ta, const int *va, size_t na, long shift, const size_t *tb, const int *vb,
                          size_t nb, size_t s0, size_t s1)
{
    size_t i = 0, j = 0;
    unsigned bad = 0;
    while (i < na && (long)ta[i] + shift < (long)s0) i++;
    while (na > i && (long)ta[na - 1] + shift >= (long)s1) na--;
    while (i < na || j < nb) {
        long a = i < na ? (long)ta[i] + shift : 0, b = j < nb ? (long)tb[j] : 0;
        if (i < na && j < nb && va[i] == vb[j] && labs(a - b) <= TOLERANCE) {
            i++, j++;
            continue;
        }
        if (j >= nb || (i < na && a <= b)) i++; /* the earlier one has no partner */
        else j++;
        bad++;
    }
    return bad;
}

/* Unmatched edges over all segments and channels, each at its best shift. */
static unsigned compare(const char *name, const struct a2600_levels *ref, const struct a2600_levels *got, size_t seg, int a,
                        int b)
{
    size_t n = ref->n < got->n ? ref->n : got->n;
    if (!seg || seg > n) seg = n;
    size_t *ta = malloc(seg * sizeof *ta), *tb = malloc(seg * sizeof *tb);
    int *va = malloc(seg * sizeof *va), *vb = malloc(seg * sizeof *vb);
    unsigned total = 0;
    for (size_t lo = 0; ta && tb && va && vb && lo + seg <= n; lo += seg) {
        /* register changes fall near a segment's ends; a whole run keeps its start */
        size_t s0 = seg == n ? 0 : lo + MARGIN, s1 = lo + seg - MARGIN;
        for (int ch = 0; ch < (a < 0 ? 1 : 2); ch++) {
            /* MAME's edges from the whole segment: a shift brings them in */
            size_t na = edges(ref, lo, lo + seg, ch, a, b, ta, va), nb = edges(got, s0, s1, ch, a, b, tb, vb);
            unsigned best = unmatched(ta, va, na, 0, tb, vb, nb, s0, s1);
            long shift = 0;
            for (long k = -MAX_SHIFT; k <= MAX_SHIFT && best; k++) {
                unsigned u = unmatched(ta, va, na, k, tb, vb, nb, s0, s1);
                if (u < best) best = u, shift = k;
            }
            if (best)
                printf("  %s: samples %zu-%zu%s: %u of %zu (fdx) edges unmatched at the best shift %ld\n", name, s0,
                       s1, a < 0 ? "" : ch ? ", channel 1" : ", channel 0", best, nb, shift);
            total += best;
        }
    }
    free(ta);
    free(tb);
    free(va);
    free(vb);
    return total;
}

/* --dump: fdx's levels, run-length coded like a reference (not gzip'd). */
static int dump(char **argv, int argc)
{
    struct fdx_err err;
    struct a2600_levels got = {0};
    struct fdx_machine *m = a2600_make(argv[0], argv + 3, argc - 3, &err);
    if (!m || run_fdx(m, (size_t)(strtod(argv[1], NULL) * 31399.5), &got)) {
        fprintf(stderr, "a2600_audioref: %s\n", m ? "the run failed" : err.msg);
        fdx_machine_destroy(m);
        free(got.v);
        return 1;
    }
    fdx_machine_destroy(m);
    FILE *f = fopen(argv[2], "w");
    for (size_t i = 0, j; f && i < got.n; i = j) {
        for (j = i; j < got.n && got.v[j] == got.v[i]; j++) {}
        fprintf(f, "%d %zu\n", got.v[i], j - i);
    }
    if (f) fclose(f);
    free(got.v);
    return f ? 0 : 1;
}

int main(int argc, char **argv)
{
    if (argc >= 5 && !strcmp(argv[1], "--dump")) return dump(argv + 2, argc - 2);
    if (argc != 3) {
        fprintf(stderr, "usage: a2600_audioref ROMDIR REFDIR | --dump CART SECONDS OUT [OPTION=VALUE...]\n");
        return 2;
    }
    char path[1024];
    snprintf(path, sizeof path, "%s/audio_refs.txt", argv[2]);
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "a2600_audioref: cannot open %s\n", path);
        return 2;
    }
    unsigned passed = 0, failed = 0;
    char line[512];
    while (fgets(line, sizeof line, f)) {
        char *tok[16];
        int nt = 0;
        if (line[0] == '#' || line[0] == '\n') continue;
        for (char *p = strtok(line, " \t\n"); p && nt < 16; p = strtok(NULL, " \t\n")) tok[nt++] = p;
        if (nt < 2) continue;
        const char *cart = tok[0], *base = strrchr(cart, '/');
        base = base ? base + 1 : cart;
        unsigned long want = 0, seg = 0;
        int a = -1, b = -1, o = 2;
        for (; o < nt; o++) {
            if (!strncmp(tok[o], "differs=", 8)) want = strtoul(tok[o] + 8, NULL, 10);
            else if (!strncmp(tok[o], "segment=", 8)) seg = strtoul(tok[o] + 8, NULL, 10);
            else if (!strncmp(tok[o], "split=", 6) && sscanf(tok[o] + 6, "%d,%d", &a, &b) == 2) {}
            else break;
        }
        struct a2600_levels ref = {0}, got = {0};
        snprintf(path, sizeof path, "%s/%s.%s.levels.gz", argv[2], base, tok[1]);
        if (load_ref(path, &ref)) {
            printf("%s: cannot read the reference %s\n", cart, path);
            failed++;
            free(ref.v);
            continue;
        }
        snprintf(path, sizeof path, "%s/%s", argv[1], cart);
        struct fdx_err err;
        struct fdx_machine *m = a2600_make(path, tok + o, nt - o, &err);
        if (!m || run_fdx(m, ref.n, &got)) {
            printf("%s: %s\n", cart, m ? "the run failed" : err.msg);
            failed++;
        } else {
            unsigned bad = compare(cart, &ref, &got, seg, a, b);
            if (bad != want) {
                printf("%s: %u edges unmatched, expected %lu\n", cart, bad, want);
                failed++;
            } else {
                passed++;
            }
        }
        fdx_machine_destroy(m);
        free(ref.v);
        free(got.v);
    }
    fclose(f);
    printf("%u passed, %u failed\n", passed, failed);
    return failed ? 1 : 0;
}
