/* fdx reverse execution: periodic snapshots plus deterministic re-execution.
 *
 * Machines are deterministic and their save states exact, so "N
 * instructions back" is: load the nearest snapshot at or before the target
 * and run forward to it, counting instructions with the debugger hook.
 * Input events given through fdx_rewind_input are stamped with the
 * instruction count and replayed at the same point. The ring keeps the
 * newest snapshots within a memory budget.
 *
 * Where a run stops can matter to what follows (a device that arms an
 * event in the middle of a CPU slice is noticed when the slice ends; a CPU
 * may take an interrupt before the debugger hook). So every place the
 * forward runs stopped ("cuts": at a time budget, or in the hook) is kept,
 * and re-execution stops at the same places the same way: a step back
 * lands on exactly the state the forward run had. Running forward from a
 * point in the past starts a new future: later history is dropped.
 */
#ifndef FDX_REWIND_H
#define FDX_REWIND_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include "common.h"
#include "input.h"
#include "machine.h"

#ifdef __cplusplus
extern "C" {
#endif

struct fdx_machine;

struct fdx_rewind_snap {
    uint64_t instr;
    uint64_t cycles;
    uint8_t *data;
    size_t size;
};

struct fdx_rewind_input {
    uint64_t instr;
    struct fdx_input_event ev;
};

struct fdx_rewind_cut {
    uint64_t instr;
    uint64_t now;                   /* master clock at the cut */
    bool hook;                      /* stopped by the hook (else by time) */
    bool frame;                     /* a whole fdx_machine_run_frame ended here */
};

/* Bytes the program read from the host console (stdin), kept so that
 * re-execution reads them again instead of waiting for new input. */
struct fdx_rewind_read {
    uint64_t instr;                 /* instructions when read */
    size_t off, size;               /* in the byte pool; size 0: end of input */
    long result;                    /* what host.read returned */
};

struct fdx_rewind {
    struct fdx_machine *m;
    struct fdx_rewind_snap *snaps;  /* sorted by instr */
    size_t nsnaps, cap;
    size_t bytes, max_bytes;
    uint64_t interval;              /* CPU cycles between periodic snapshots */
    uint64_t last_cycles;           /* cycles at the newest periodic snapshot */
    struct fdx_rewind_input *inputs;
    size_t ninputs, icap;
    struct fdx_rewind_cut *cuts;    /* sorted, one per instruction count */
    size_t ncuts, ccap;
    bool pos_hook;                  /* how the current state was reached */
    /* the machine's console goes through us: while re-executing, output is
     * not shown again and input comes from the record */
    struct fdx_host host;           /* the real one */
    bool replaying;
    struct fdx_rewind_read *reads;
    size_t nreads, rcap, rnext;     /* rnext: the next record to replay */
    uint8_t *pool;
    size_t pool_len, pool_cap;
};

/* interval: CPU cycles between snapshots (0: 200000); max_bytes: memory
 * budget (0: 256 MiB). Takes the first snapshot. */
int fdx_rewind_init(struct fdx_rewind *rw, struct fdx_machine *m, uint64_t interval, size_t max_bytes,
                    struct fdx_err *err);
void fdx_rewind_free(struct fdx_rewind *rw);
/* Marks a re-execution done outside fdx_rewind_goto (e.g. showing the bus
 * of the last instruction): console output is held back and input comes
 * from the record. Returns the previous setting. */
bool fdx_rewind_replaying(struct fdx_rewind *rw, bool on);
/* Call before each forward fdx_machine_run: running on from a point in the
 * past drops the later history. */
void fdx_rewind_begin_run(struct fdx_rewind *rw);
/* Call after each forward fdx_machine_run (hook: the machine's debug
 * hook_stopped): records the cut and takes a snapshot when the interval
 * has passed. */
int fdx_rewind_end_run(struct fdx_rewind *rw, bool hook, struct fdx_err *err);
/* The same after a fdx_machine_run_frame (re-execution runs the frame the
 * same way: a frame does more than its cycles, e.g. counts itself). */
int fdx_rewind_end_frame(struct fdx_rewind *rw, bool hook, struct fdx_err *err);
/* Takes a snapshot now if the interval has passed since the last one. */
int fdx_rewind_tick(struct fdx_rewind *rw, struct fdx_err *err);
/* The state was changed by hand (registers, memory): history from here on
 * is replaced by a snapshot of the new state. */
int fdx_rewind_changed(struct fdx_rewind *rw, struct fdx_err *err);
/* A different state was loaded: forget all history. */
int fdx_rewind_reset(struct fdx_rewind *rw, struct fdx_err *err);
/* Applies an input event now and records it for re-execution. */
int fdx_rewind_input(struct fdx_rewind *rw, const struct fdx_input_event *ev, struct fdx_err *err);
/* Oldest instruction count the history reaches. */
uint64_t fdx_rewind_oldest(const struct fdx_rewind *rw);
/* Moves the machine to the state it had when cpu->instructions == target
 * (target <= now, >= oldest). Returns 0 or -1 (machine unchanged on error). */
int fdx_rewind_goto(struct fdx_rewind *rw, uint64_t target, struct fdx_err *err);
/* Finds the last breakpoint or watchpoint hit before now (conditions apply,
 * counts do not). Returns 1 with *at set, 0 if there is none in the
 * history, -1 on error. The machine is back where it was afterwards. */
int fdx_rewind_find_hit(struct fdx_rewind *rw, uint64_t *at, struct fdx_err *err);

#ifdef __cplusplus
}
#endif
#endif
