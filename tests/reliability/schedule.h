/* A seeded schedule of run slices of random length with random inputs
 * between them: the same schedule drives every run that is compared. */
#ifndef FDX_REL_SCHEDULE_H
#define FDX_REL_SCHEDULE_H

#include "rel.h"

#define REL_MAX_STEPS 256

struct rel_step {
    bool has_input;
    struct fdx_input_event input;
    uint64_t ticks;
};

struct rel_schedule {
    unsigned n;
    struct rel_step step[REL_MAX_STEPS];
};

static inline uint64_t rel_seed_of(const char *label, uint64_t salt)
{
    uint64_t h = 1469598103934665603ull ^ salt;     /* FNV-1a */
    for (const char *p = label; *p; p++) h = (h ^ (uint8_t)*p) * 1099511628211ull;
    return h ? h : 1;
}

/* Slices between a quarter and twice the configuration's step. */
static inline void rel_schedule_make(struct rel_schedule *s, const struct rel_config *c, unsigned n,
                                     uint64_t salt)
{
    uint64_t seed = rel_seed_of(c->label, salt);
    s->n = n > REL_MAX_STEPS ? REL_MAX_STEPS : n;
    for (unsigned i = 0; i < s->n; i++) {
        struct rel_step *st = &s->step[i];
        st->has_input = rel_below(&seed, 2) == 0;
        if (st->has_input) rel_random_input(&seed, &st->input);
        st->ticks = c->step_ticks / 4 + rel_below(&seed, (uint32_t)(c->step_ticks * 7 / 4)) + 1;
    }
}

/* Runs steps [from, to) of the schedule. */
static inline void rel_schedule_run(struct fdx_machine *m, const struct rel_schedule *s, unsigned from,
                                    unsigned to)
{
    for (unsigned i = from; i < to && i < s->n; i++) {
        if (s->step[i].has_input) fdx_machine_input(m, &s->step[i].input);
        fdx_machine_run(m, s->step[i].ticks);
    }
}

#endif
