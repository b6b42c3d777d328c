/* Save-state round trips and refusals on every machine.
 *
 * For each configuration: a reference run follows a seeded schedule of
 * slices of random length (so saves land mid-frame, mid-line, during
 * disk access) with random inputs, saving a state before several random
 * slices. Then:
 *  - a second run without saves ends in the same state (determinism, and
 *    saving changes nothing);
 *  - each saved state, loaded into a fresh machine and continued with the
 *    rest of the schedule, ends in the reference's final state;
 *  - truncated, bit-flipped, empty and foreign states are refused and
 *    leave the running machine exactly as it was.
 * Usage: test_roundtrip [LABEL...] (default: every configuration). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "schedule.h"

#define STEPS 48
#define SAVES 6

static int failures;

static void check(bool ok, const struct rel_config *c, const char *what)
{
    if (!ok) {
        printf("FAIL %s: %s\n", c->label, what);
        failures++;
    }
}

static uint8_t *save(struct fdx_machine *m, size_t *size)
{
    *size = fdx_machine_state_size(m);
    uint8_t *buf = malloc(*size);
    struct fdx_err err;
    if (!buf || fdx_machine_save(m, buf, *size, &err)) {
        printf("FAIL %s: save: %s\n", m->desc->name, buf ? err.msg : "out of memory");
        exit(1);
    }
    return buf;
}

/* Loading `bad` must fail and change nothing. */
static void refused(struct fdx_machine *m, const struct rel_config *c, const void *bad, size_t size,
                    const char *what)
{
    char before[41], after[41];
    rel_state_hash(m, before);
    struct fdx_err err;
    err.msg[0] = 0;
    int r = fdx_machine_load(m, bad, size, &err);
    rel_state_hash(m, after);
    char msg[300];
    snprintf(msg, sizeof msg, "%s was accepted", what);
    check(r != 0, c, msg);
    snprintf(msg, sizeof msg, "%s was refused without a message", what);
    check(r == 0 || err.msg[0], c, msg);
    snprintf(msg, sizeof msg, "refusing %s changed the machine", what);
    check(!strcmp(before, after), c, msg);
}

static void round_trip(const struct rel_config *c, const struct rel_config *foreign, const char *dir)
{
    struct rel_schedule s;
    rel_schedule_make(&s, c, STEPS, 0);
    uint64_t seed = rel_seed_of(c->label, 1);
    unsigned at[SAVES];
    at[0] = 0;
    for (unsigned k = 1; k < SAVES; k++) at[k] = 1 + rel_below(&seed, STEPS - 1);

    /* the reference, saving before the chosen slices */
    uint8_t *saved[SAVES];
    size_t saved_size[SAVES];
    struct fdx_machine *ref = rel_create(c, dir);
    for (unsigned i = 0; i <= STEPS; i++) {
        for (unsigned k = 0; k < SAVES; k++)
            if (at[k] == i) saved[k] = save(ref, &saved_size[k]);
        if (i < STEPS) rel_schedule_run(ref, &s, i, i + 1);
    }
    char want[41], got[41];
    rel_state_hash(ref, want);

    struct fdx_machine *m = rel_create(c, dir);
    rel_schedule_run(m, &s, 0, STEPS);
    rel_state_hash(m, got);
    check(!strcmp(want, got), c, "a second run of the same schedule ended in a different state");
    fdx_machine_destroy(m);

    for (unsigned k = 0; k < SAVES; k++) {
        m = rel_create(c, dir);
        fdx_machine_run(m, c->step_ticks / 3 + 1); /* so loading has something to replace */
        struct fdx_err err;
        if (fdx_machine_load(m, saved[k], saved_size[k], &err)) {
            char msg[400];
            snprintf(msg, sizeof msg, "loading the state saved before slice %u: %s", at[k], err.msg);
            check(false, c, msg);
        } else {
            rel_schedule_run(m, &s, at[k], STEPS);
            rel_state_hash(m, got);
            char msg[200];
            snprintf(msg, sizeof msg, "resumed from before slice %u, it ended in a different state", at[k]);
            check(!strcmp(want, got), c, msg);
        }
        fdx_machine_destroy(m);
    }

    /* damaged and foreign states, offered to the reference at its end */
    size_t n = saved_size[SAVES - 1];
    uint8_t *bad = malloc(n);
    const size_t cuts[] = {1, 8, 55, 56, 57, n / 2, n - 4, n - 1};
    char what[100];
    refused(ref, c, saved[SAVES - 1], 0, "an empty state");
    for (size_t i = 0; i < sizeof cuts / sizeof cuts[0]; i++) {
        if (cuts[i] >= n) continue;
        snprintf(what, sizeof what, "a state truncated to %zu bytes", cuts[i]);
        refused(ref, c, saved[SAVES - 1], cuts[i], what);
    }
    for (unsigned i = 0; i < 16; i++) {
        memcpy(bad, saved[SAVES - 1], n);
        size_t byte = i < 4 ? i * 7 : rel_below(&seed, (uint32_t)n); /* the header too */
        bad[byte] ^= (uint8_t)(1u << rel_below(&seed, 8));
        snprintf(what, sizeof what, "a state with a bit flipped in byte %zu", byte);
        refused(ref, c, bad, n, what);
    }
    struct fdx_machine *other = rel_create(foreign, dir);
    size_t on;
    uint8_t *ostate = save(other, &on);
    snprintf(what, sizeof what, "a state of %s", foreign->label);
    refused(ref, c, ostate, on, what);
    free(ostate);
    fdx_machine_destroy(other);

    free(bad);
    for (unsigned k = 0; k < SAVES; k++) free(saved[k]);
    fdx_machine_destroy(ref);
}

int main(int argc, char **argv)
{
    const char *missing = rel_uncovered_machine();
    if (missing) {
        printf("FAIL machine %s has no configuration in tests/reliability/rel.c\n", missing);
        return 1;
    }
    char dir[4096];
    if (rel_workdir(dir, sizeof dir)) {
        printf("FAIL cannot make a work directory\n");
        return 1;
    }
    unsigned ran = 0;
    for (size_t i = 0; i < rel_nconfigs; i++) {
        const struct rel_config *c = &rel_configs[i];
        bool wanted = argc < 2;
        for (int a = 1; a < argc; a++)
            if (!strcmp(argv[a], c->label)) wanted = true;
        if (!wanted) continue;
        const struct rel_config *foreign = &rel_configs[(i + 1) % rel_nconfigs];
        for (size_t j = 1; !strcmp(foreign->machine, c->machine) && j < rel_nconfigs; j++)
            foreign = &rel_configs[(i + j) % rel_nconfigs];
        int before = failures;
        round_trip(c, foreign, dir);
        printf("%s %s\n", failures == before ? "ok  " : "FAIL", c->label);
        ran++;
    }
    rel_workdir_remove(dir);
    if (!ran) {
        printf("FAIL no configuration matched\n");
        return 1;
    }
    printf("%u configurations, %d failures\n", ran, failures);
    return failures ? 1 : 0;
}
