/* fdx debugger core: breakpoints, watchpoints, catchpoints, stepping modes,
 * the instruction trace and the per-access bus log.
 *
 * Cost model: the CPU only sees an attention mask (cpu.h). When nothing is
 * active the mask is zero and no hook runs. Watchpoints and the bus log use
 * the bus tap (bus.h): only the pages they need leave the fast path, and
 * only while they are set. fdx_debug_prepare() installs the tap; call it
 * between runs (CPUs may cache the page table during a run).
 *
 * Everything here is generic: registers, flow kinds and disassembly come
 * from the CPU's descriptors (cpu.h).
 *
 * CPU modules may report interrupts and exceptions with fdx_cpu_event()
 * (when attention != 0), right after the entry sequence, before the
 * handler's first instruction. CPUs that do not get a generic fallback:
 * a PC that is no successor of the previous instruction counts as an
 * interrupt, and a TRAP-flow instruction as a software interrupt.
 */
#ifndef FDX_DEBUG_H
#define FDX_DEBUG_H

#include <stdint.h>
#include <stdbool.h>
#include <stdio.h>
#include "cpu.h"

#ifdef __cplusplus
extern "C" {
#endif

struct fdx_symbols;

#define FDX_DEBUG_MAX_BREAKPOINTS 64
#define FDX_DEBUG_MAX_WATCHPOINTS 32
#define FDX_DEBUG_MAX_CATCHPOINTS 16
#define FDX_DEBUG_COND_SIZE 128
#define FDX_DEBUG_BUSLOG_SIZE 1024
#define FDX_DEBUG_TRACE_SIZE 4096

enum {
    FDX_ATTN_BREAK = 1u << 0,
    FDX_ATTN_TRACE = 1u << 1,
    FDX_ATTN_STEP = 1u << 2,
    FDX_ATTN_BUSLOG = 1u << 3,
    FDX_ATTN_CATCH = 1u << 4,
    FDX_ATTN_RECORD = 1u << 5,
    FDX_ATTN_WATCH = 1u << 6,       /* conditional watchpoints: checked at the next instruction */
};

struct fdx_breakpoint {
    uint32_t addr;
    bool enabled;
    uint32_t hits;              /* times reached with the condition true */
    uint32_t count;             /* stop from this hit on (0 or 1: every hit) */
    char cond[FDX_DEBUG_COND_SIZE]; /* "" : none */
    int id;
};

enum { FDX_WATCH_READ = 1, FDX_WATCH_WRITE = 2, FDX_WATCH_RW = 3 };

struct fdx_watchpoint {
    uint32_t first, last;       /* inclusive */
    unsigned access;            /* FDX_WATCH_* */
    bool enabled;
    uint32_t hits;
    char cond[FDX_DEBUG_COND_SIZE];
    int id;
};

enum fdx_cpu_event_kind {
    FDX_EVENT_IRQ = 0,          /* maskable hardware interrupt */
    FDX_EVENT_NMI,
    FDX_EVENT_EXCEPTION,        /* CPU exception: bus/address error, divide error, illegal opcode ... */
    FDX_EVENT_INT,              /* software interrupt: BRK, TRAP #n, INT n (number = n) */
    FDX_EVENT_COUNT
};

struct fdx_catchpoint {
    enum fdx_cpu_event_kind kind;
    bool any_number;
    uint32_t number;
    bool enabled;
    uint32_t hits;
    int id;
};

/* One bus access seen through the tap. */
struct fdx_bus_access {
    uint64_t cycle;             /* cpu->cycles at the access */
    uint32_t addr;
    uint32_t value;
    uint8_t size;               /* bytes */
    bool write;
    bool io;                    /* I/O port space (x86) */
};

enum fdx_debug_mode {
    FDX_DMODE_RUN = 0,          /* until a breakpoint (cont) */
    FDX_DMODE_OVER,             /* next: step over calls and interrupts */
    FDX_DMODE_FINISH,           /* until the current routine returns */
    FDX_DMODE_UNTIL,            /* until pc == target */
};

enum fdx_debug_stop_kind {
    FDX_DSTOP_NONE = 0,
    FDX_DSTOP_STEP,             /* step count / next / finish / until reached */
    FDX_DSTOP_BREAK,
    FDX_DSTOP_WATCH,
    FDX_DSTOP_CATCH,
    FDX_DSTOP_COND_ERROR,       /* a condition could not be evaluated */
};

struct fdx_debug_stop {
    enum fdx_debug_stop_kind kind;
    int index;                  /* breakpoint / watchpoint / catchpoint index */
    struct fdx_bus_access access;   /* WATCH: the access */
    enum fdx_cpu_event_kind event;  /* CATCH */
    uint32_t event_number;
    bool event_guessed;         /* CATCH found by the generic fallback */
    bool event_number_known;
    char error[256];
};

struct fdx_trace_entry {
    uint64_t cycles;
    uint32_t pc;
};

struct fdx_debug {
    struct fdx_cpu *cpu;        /* set by fdx_debug_attach */
    const struct fdx_symbols *syms; /* names in conditions; may be NULL */

    struct fdx_breakpoint bp[FDX_DEBUG_MAX_BREAKPOINTS];
    unsigned nbp;
    struct fdx_watchpoint wp[FDX_DEBUG_MAX_WATCHPOINTS];
    unsigned nwp;
    struct fdx_catchpoint cp[FDX_DEBUG_MAX_CATCHPOINTS];
    unsigned ncp;
    int next_id;

    /* run control */
    enum fdx_debug_mode mode;
    uint64_t step_target;       /* stop when cpu->instructions reaches this (0: off) */
    uint64_t start_instr;       /* instructions when the mode began */
    uint64_t start_sp;
    uint32_t until_pc;
    uint32_t succ[2];           /* next: successors of the start instruction */
    unsigned nsucc;             /* 0: any address counts */
    bool entered;               /* next: a call or interrupt was entered */
    bool over_trap;             /* next: over a trap: stop when its handler returns */
    uint64_t wait_sp;
    int last_bp;                /* index of the breakpoint that stopped us, or -1 */
    bool skip_valid;            /* breakpoints do not fire at skip_instr: resuming */
    uint64_t skip_instr;
    struct fdx_debug_stop why;
    bool hook_stopped;          /* the last run ended in fdx_cpu_hook (not at a budget or mid-instruction stop) */

    /* re-execution (rewind.c): replay ignores every point; record notes
     * breakpoint and watchpoint hits instead of stopping */
    bool replay, record;
    bool rec_found;
    uint64_t rec_last;          /* instructions at the last hit noted */
    bool rec_watch_pending;

    /* conditional watchpoints hit during an instruction: the condition is
     * evaluated at the next instruction boundary, where every CPU has its
     * registers in its struct (not in the middle of an instruction) */
    uint32_t watch_pending;     /* bit i: wp[i] */
    struct fdx_bus_access watch_access[FDX_DEBUG_MAX_WATCHPOINTS];

    /* previous instruction, for flow checks (catch fallback, finish) */
    bool prev_valid;
    uint64_t prev_instr;
    uint32_t prev_pc;
    struct fdx_disasm prev_dis;

    /* events reported by the CPU */
    bool cpu_reports_events;
    bool event_pending;
    enum fdx_cpu_event_kind event_kind;
    uint32_t event_number;

    /* trace: ring of (cycles, pc) and an optional text file */
    bool trace_on;
    FILE *trace_file;           /* owned by the caller */
    bool trace_line_open;
    uint64_t trace_line_cycles;
    char trace_line[640];
    struct fdx_trace_entry trace[FDX_DEBUG_TRACE_SIZE];
    unsigned trace_head;
    uint64_t trace_count;

    /* bus log: the accesses of the current (or last) instruction */
    bool buslog_on;
    struct fdx_bus_access buslog[FDX_DEBUG_BUSLOG_SIZE];
    unsigned nbuslog;
    uint64_t buslog_dropped;
    uint64_t buslog_start;      /* cpu->cycles when the instruction began */
    uint32_t buslog_pc;
    uint64_t buslog_instr;      /* cpu->instructions when it began */

    /* Machines with video may set this (master ticks per scan line) so that
     * the debugger can step by scan line. */
    uint64_t line_ticks;
};

void fdx_debug_init(struct fdx_debug *d);
/* Attach d to the CPU (d may be NULL to detach) and recompute attention. */
void fdx_debug_attach(struct fdx_debug *d, struct fdx_cpu *cpu);
/* Recomputes cpu->attention from what is active (safe during a run). */
void fdx_debug_update(struct fdx_debug *d, struct fdx_cpu *cpu);
/* Before a run: attention, plus the bus tap for watchpoints and the bus
 * log; clears the stop report. Returns -1 if the tap cannot be set up. */
int fdx_debug_prepare(struct fdx_debug *d, struct fdx_cpu *cpu);
/* Resuming from the current instruction: a breakpoint here does not fire
 * until the instruction has run once. */
void fdx_debug_resume(struct fdx_debug *d, struct fdx_cpu *cpu);
/* After a run: completes the pending trace line. */
void fdx_debug_finish_run(struct fdx_debug *d, struct fdx_cpu *cpu);

int fdx_debug_add_breakpoint(struct fdx_debug *d, struct fdx_cpu *cpu, uint32_t addr);
int fdx_debug_remove_breakpoint(struct fdx_debug *d, struct fdx_cpu *cpu, uint32_t addr);
/* Returns the index, or -1 when the table is full. */
int fdx_debug_add_watchpoint(struct fdx_debug *d, struct fdx_cpu *cpu, uint32_t first, uint32_t last,
                             unsigned access, const char *cond);
int fdx_debug_add_catchpoint(struct fdx_debug *d, struct fdx_cpu *cpu, enum fdx_cpu_event_kind kind,
                             bool any_number, uint32_t number);
/* Finds a point by id: *type 'b', 'w' or 'c' and its index. Returns 0 or -1. */
int fdx_debug_find_id(const struct fdx_debug *d, int id, char *type, unsigned *index);
int fdx_debug_delete_id(struct fdx_debug *d, struct fdx_cpu *cpu, int id);
int fdx_debug_enable_id(struct fdx_debug *d, struct fdx_cpu *cpu, int id, bool on);
void fdx_debug_delete_all(struct fdx_debug *d, struct fdx_cpu *cpu);

void fdx_debug_set_trace(struct fdx_debug *d, struct fdx_cpu *cpu, bool on);
/* Stop after n more instructions (0 cancels). */
void fdx_debug_set_step(struct fdx_debug *d, struct fdx_cpu *cpu, uint64_t n);
void fdx_debug_set_mode(struct fdx_debug *d, struct fdx_cpu *cpu, enum fdx_debug_mode mode, uint32_t until_pc);

/* The CPU's stack pointer (first FDX_REG_SP register), or 0 if it has none. */
uint64_t fdx_debug_sp(const struct fdx_cpu *cpu);
/* Called by CPUs on interrupt/exception entry when attention != 0. */
void fdx_cpu_event(struct fdx_cpu *cpu, enum fdx_cpu_event_kind kind, uint32_t number);
const char *fdx_debug_event_name(enum fdx_cpu_event_kind kind);

#ifdef __cplusplus
}
#endif
#endif
