/* The sound pattern of every AUDC mode, compared with Stella's and MAME's.
 *
 *   a2600_audiomodes CART REFS     compare (test a2600_audio_modes)
 *   a2600_audiomodes CART          print fdx's patterns in the REFS form
 *
 * CART is roms/tests/t_audmodes.bin: channel 0 alone at AUDF0 3 (one step
 * of the tone is 4 samples) and AUDV0 15, AUDC0 = 0, 1, ... 15 for 64
 * frames each. Of each mode, frames 16..47 are cut into runs between
 * level changes (the first and last run, cut short, are dropped) measured
 * in steps; the pattern is the shortest sequence of runs that repeats,
 * rotated to its smallest form (L before H, then shorter runs first) and
 * written like "L13 H18"; a mode without changes is "L" or "H".
 *
 * REFS (stella/audio_modes.txt, recorded by stella/audio_modes_regen.sh):
 * lines "EMULATOR AUDC PATTERN" and "differs EMULATOR AUDC..." for modes
 * known to differ (the test fails when one of those matches, too). Where
 * the second stage is the flip-flop or the divide-by-6 counter (AUDC 4-7
 * and 12-15) the pattern's polarity is not defined: that counter's state
 * at power-on is undefined and carries over from the mode before, so
 * there the inverted pattern is as good.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "a2600_make.h"
#include "fdx/fdx.h"

#define FRAMES_PER_MODE 64
#define STEP 4                  /* samples a step at AUDF 3 */
#define MAX_RUNS 8192
#define PATTERN_LEN 4096

struct run {
    int level;                  /* 0: silent, 1: AUDV */
    unsigned steps;
};

static int run_cmp(const struct run *a, const struct run *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (a[i].level != b[i].level) return a[i].level - b[i].level;
        if (a[i].steps != b[i].steps) return a[i].steps < b[i].steps ? -1 : 1;
    }
    return 0;
}

/* The pattern of runs r[0..n) as text (empty when nothing repeats). */
static void pattern(const struct run *r, size_t n, bool invert, char *out, size_t size)
{
    out[0] = 0;
    size_t p = 1;
    for (; 2 * p <= n; p++) {
        size_t i = 0;
        while (i + p < n && r[i].level == r[i + p].level && r[i].steps == r[i + p].steps) i++;
        if (i + p == n) break;
    }
    if (2 * p > n) return;
    struct run best[MAX_RUNS], cand[MAX_RUNS];
    for (size_t k = 0; k < p; k++) {
        for (size_t i = 0; i < p; i++) {
            cand[i] = r[(k + i) % p];
            if (invert) cand[i].level ^= 1;
        }
        if (k == 0 || run_cmp(cand, best, p) < 0) memcpy(best, cand, p * sizeof *cand);
    }
    size_t len = 0;
    for (size_t i = 0; i < p && len + 16 < size; i++)
        len += (size_t)snprintf(out + len, size - len, "%s%c%u", i ? " " : "", best[i].level ? 'H' : 'L',
                                best[i].steps);
}

static void drain(struct fdx_machine *m)
{
    int16_t buf[2 * 4096];
    while (fdx_machine_audio(m, buf, 4096) > 0) {}
}

/* fdx's pattern of each mode; 0 when all could be measured. */
static int measure(const char *cart, char patterns[16][PATTERN_LEN], char inverted[16][PATTERN_LEN])
{
    struct fdx_err err;
    struct fdx_machine *m = a2600_make(cart, NULL, 0, &err);
    if (!m) {
        fprintf(stderr, "a2600_audiomodes: %s\n", err.msg);
        return -1;
    }
    a2600_native_audio(m);
    struct run *runs = malloc(MAX_RUNS * sizeof *runs);
    struct a2600_levels l = {0};
    int r = runs ? 0 : -1;
    for (unsigned mode = 0; r == 0 && mode < 16; mode++) {
        l.n = 0;
        for (unsigned f = 0; r == 0 && f < FRAMES_PER_MODE; f++) {
            if (fdx_machine_run_frame(m) != FDX_RUN_OK) r = -1;
            else if (f >= 16 && f < 48) r = a2600_take_levels(m, &l);
            else drain(m);
        }
        size_t n = 0, i = 0;
        while (i < l.n && l.v[i] == l.v[0]) i++;  /* the first run is cut short */
        while (i < l.n && n < MAX_RUNS) {
            size_t j = i;
            while (j < l.n && l.v[j] == l.v[i]) j++;
            if (j == l.n) break;                    /* so is the last */
            runs[n].level = l.v[i] != 0;
            runs[n++].steps = (unsigned)((j - i + STEP / 2) / STEP);
            i = j;
        }
        if (n == 0) {
            snprintf(patterns[mode], PATTERN_LEN, "%c", l.n && l.v[0] ? 'H' : 'L');
            snprintf(inverted[mode], PATTERN_LEN, "%c", l.n && l.v[0] ? 'L' : 'H');
        } else {
            pattern(runs, n, false, patterns[mode], PATTERN_LEN);
            pattern(runs, n, true, inverted[mode], PATTERN_LEN);
        }
    }
    free(l.v);
    free(runs);
    fdx_machine_destroy(m);
    if (r) fprintf(stderr, "a2600_audiomodes: the run failed\n");
    return r;
}

static bool polarity_free(unsigned mode)
{
    return (mode & 4) != 0; /* AUDC 4-7 and 12-15 */
}

int main(int argc, char **argv)
{
    if (argc != 2 && argc != 3) {
        fprintf(stderr, "usage: a2600_audiomodes CART [REFS]\n");
        return 2;
    }
    static char got[16][PATTERN_LEN], inv[16][PATTERN_LEN];
    if (measure(argv[1], got, inv)) return 1;
    if (argc == 2) {
        for (unsigned m = 0; m < 16; m++) printf("fdx %u %s\n", m, got[m]);
        return 0;
    }
    FILE *f = fopen(argv[2], "r");
    if (!f) {
        fprintf(stderr, "a2600_audiomodes: cannot open %s\n", argv[2]);
        return 2;
    }
    /* want[e][m]: emulator e's pattern of mode m; differs[e][m]: known to differ */
    char names[4][16] = {{0}};
    char *want[4][16] = {{NULL}};
    bool differs[4][16] = {{false}};
    static char line[PATTERN_LEN + 64];
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = 0;
        if (line[0] == '#' || !line[0]) continue;
        bool is_differs = !strncmp(line, "differs ", 8);
        char *name = line + (is_differs ? 8 : 0), *rest = strchr(name, ' ');
        if (!rest) continue;
        *rest++ = 0;
        int e = 0;
        while (e < 4 && names[e][0] && strcmp(names[e], name)) e++;
        if (e == 4) continue;
        snprintf(names[e], sizeof names[e], "%.15s", name);
        if (is_differs) {
            for (char *t = strtok(rest, " "); t; t = strtok(NULL, " ")) differs[e][atoi(t) & 15] = true;
        } else {
            unsigned mode = (unsigned)atoi(rest) & 15;
            const char *pat = strchr(rest, ' ');
            free(want[e][mode]);
            pat = pat ? pat + 1 : "";
            want[e][mode] = malloc(strlen(pat) + 1);
            if (want[e][mode]) memcpy(want[e][mode], pat, strlen(pat) + 1);
        }
    }
    fclose(f);
    unsigned passed = 0, failed = 0;
    for (int e = 0; e < 4 && names[e][0]; e++)
        for (unsigned m = 0; m < 16; m++) {
            const char *w = want[e][m];
            bool same = w && (!strcmp(got[m], w) || (polarity_free(m) && !strcmp(inv[m], w)));
            if (w && same != differs[e][m]) {
                passed++;
            } else {
                failed++;
                printf("AUDC %u: %s\n  fdx    %.200s\n  %-6s %.200s\n", m,
                       !w ? "no reference" : same ? "known to differ, but matches" : "differs", got[m], names[e],
                       w ? w : "-");
            }
            free(want[e][m]);
        }
    printf("%u passed, %u failed\n", passed, failed);
    return failed ? 1 : 0;
}
