/* Timed events on the master clock. A linear scan is enough: machines have
 * a handful of events, and the scan runs once per slice, not per cycle. */
#include "fdx/sched.h"
#include "fdx/state.h"

#include <string.h>

void fdx_sched_init(struct fdx_sched *s)
{
    memset(s, 0, sizeof *s);
}

int fdx_sched_add(struct fdx_sched *s, const char *name, fdx_event_fn fn, void *ctx)
{
    if (s->count >= FDX_SCHED_MAX_EVENTS || !fn) return -1;
    struct fdx_event *e = &s->events[s->count];
    e->name = name;
    e->fn = fn;
    e->ctx = ctx;
    e->when = FDX_NEVER;
    return (int)s->count++;
}

void fdx_sched_arm(struct fdx_sched *s, int id, uint64_t when)
{
    if (id >= 0 && (unsigned)id < s->count) s->events[id].when = when;
}

void fdx_sched_arm_in(struct fdx_sched *s, int id, uint64_t delay)
{
    fdx_sched_arm(s, id, s->now + delay);
}

void fdx_sched_disarm(struct fdx_sched *s, int id)
{
    fdx_sched_arm(s, id, FDX_NEVER);
}

bool fdx_sched_armed(const struct fdx_sched *s, int id)
{
    return id >= 0 && (unsigned)id < s->count && s->events[id].when != FDX_NEVER;
}

uint64_t fdx_sched_deadline(const struct fdx_sched *s)
{
    uint64_t t = FDX_NEVER;
    for (unsigned i = 0; i < s->count; i++)
        if (s->events[i].when < t) t = s->events[i].when;
    return t;
}

/* Index of the earliest event due at or before limit (lowest id on ties), or -1. */
static int earliest_due(const struct fdx_sched *s, uint64_t limit)
{
    int best = -1;
    for (unsigned i = 0; i < s->count; i++) {
        uint64_t w = s->events[i].when;
        if (w <= limit && (best < 0 || w < s->events[best].when)) best = (int)i;
    }
    return best;
}

unsigned fdx_sched_fire_due(struct fdx_sched *s)
{
    unsigned fired = 0;
    int i;
    /* bounded: an event that keeps re-arming itself in the past cannot hang us */
    while (fired < 100000 && (i = earliest_due(s, s->now)) >= 0) {
        struct fdx_event *e = &s->events[i];
        uint64_t due = e->when;
        e->when = FDX_NEVER;
        e->fn(e->ctx, due);
        fired++;
    }
    return fired;
}

void fdx_sched_advance_to(struct fdx_sched *s, uint64_t target)
{
    int i;
    while ((i = earliest_due(s, target)) >= 0) {
        struct fdx_event *e = &s->events[i];
        if (e->when > s->now) s->now = e->when;
        uint64_t due = e->when;
        e->when = FDX_NEVER;
        e->fn(e->ctx, due);
    }
    if (target > s->now) s->now = target;
}

void fdx_sched_state(struct fdx_sched *s, struct fdx_state *st)
{
    fdx_state_begin(st, "SCHD", 1);
    fdx_state_u64(st, "now", &s->now);
    for (unsigned i = 0; i < s->count; i++)
        fdx_state_u64(st, s->events[i].name ? s->events[i].name : "event", &s->events[i].when);
    fdx_state_end(st);
}
