/* fdx scheduler: one 64-bit master-clock count per machine and a small set
 * of timed events.
 *
 * Every CPU and chip runs at an integer divider of the master clock. A CPU
 * runs until the next deadline (the earliest armed event, or the end of the
 * slice); then the scheduler fires what is due, earliest first, ties in the
 * order the events were added, so runs are deterministic.
 */
#ifndef FDX_SCHED_H
#define FDX_SCHED_H

#include <stdint.h>
#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

#define FDX_SCHED_MAX_EVENTS 32
#define FDX_NEVER UINT64_MAX

struct fdx_state;

/* Called with the tick the event was due at (<= sched->now). The callback
 * may re-arm its own or other events. */
typedef void (*fdx_event_fn)(void *ctx, uint64_t due);

struct fdx_event {
    const char *name;
    fdx_event_fn fn;
    void *ctx;
    uint64_t when;      /* FDX_NEVER when not armed */
};

struct fdx_sched {
    uint64_t now;       /* master-clock ticks since power-on */
    unsigned count;
    struct fdx_event events[FDX_SCHED_MAX_EVENTS];
};

void fdx_sched_init(struct fdx_sched *s);
/* Returns the event id (>= 0) or -1 when the table is full. */
int fdx_sched_add(struct fdx_sched *s, const char *name, fdx_event_fn fn, void *ctx);
void fdx_sched_arm(struct fdx_sched *s, int id, uint64_t when);
void fdx_sched_arm_in(struct fdx_sched *s, int id, uint64_t delay);
void fdx_sched_disarm(struct fdx_sched *s, int id);
bool fdx_sched_armed(const struct fdx_sched *s, int id);
/* Earliest armed event time, or FDX_NEVER. */
uint64_t fdx_sched_deadline(const struct fdx_sched *s);
/* Fires every event due at or before now, earliest first. Returns how many fired. */
unsigned fdx_sched_fire_due(struct fdx_sched *s);
/* Sets now = target, firing events in time order as the clock passes them
 * (for machines without a CPU in the way, and for tests). */
void fdx_sched_advance_to(struct fdx_sched *s, uint64_t target);
/* Save state: now and each event's due time, by name. */
void fdx_sched_state(struct fdx_sched *s, struct fdx_state *st);

/* A clock derived from the master clock by an integer divider. */
struct fdx_clock {
    uint32_t divider;
};
static inline uint64_t fdx_clock_ticks(const struct fdx_clock *c, uint64_t cycles)
{
    return cycles * c->divider;
}
/* Whole cycles that fit before the master-clock tick `ticks` (rounded up so
 * that a run reaches the deadline). */
static inline uint64_t fdx_clock_cycles_until(const struct fdx_clock *c, uint64_t ticks)
{
    return (ticks + c->divider - 1) / c->divider;
}

#ifdef __cplusplus
}
#endif
#endif
