/* fdx CPU module interface.
 *
 * Each CPU model is a `const struct fdx_cpu_ops` plus a state struct whose
 * first member is `struct fdx_cpu`. Generic tools (register views, the
 * debugger, the CLI) use only this interface.
 *
 * Debugger hook: when `attention` is non-zero the CPU calls
 * fdx_cpu_hook() before each instruction (and may skip any other checks
 * when it is zero, so the hot path pays one test per instruction).
 */
#ifndef FDX_CPU_H
#define FDX_CPU_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include "bus.h"

#ifdef __cplusplus
extern "C" {
#endif

struct fdx_state;
struct fdx_debug;

enum fdx_reg_kind {
    FDX_REG_GENERAL = 0,
    FDX_REG_PC,
    FDX_REG_SP,
    FDX_REG_FLAGS,
    FDX_REG_SEGMENT,
    FDX_REG_OTHER,
};

/* Describes one register for generic views. For FDX_REG_FLAGS, `flags` has
 * one character per bit, most significant first, '-' for bits without a
 * name (e.g. "NV-BDIZC" for the 6502's P). */
struct fdx_reg_desc {
    const char *name;
    uint8_t bits;
    uint8_t kind;
    const char *flags;
};

enum fdx_line {
    FDX_LINE_RESET = 0,
    FDX_LINE_NMI,
    FDX_LINE_IRQ,       /* level: 0 released, non-zero asserted (68000: the IPL value 0..7) */
    FDX_LINE_RDY,       /* 6502: 0 pulls RDY low (halts on read cycles) */
    FDX_LINE_HALT,
    FDX_LINE_SO,        /* 6502 set-overflow */
    FDX_LINE_COUNT
};

enum fdx_flow {
    FDX_FLOW_NONE = 0,  /* falls through to the next instruction */
    FDX_FLOW_BRANCH,    /* conditional jump */
    FDX_FLOW_JUMP,      /* unconditional jump */
    FDX_FLOW_CALL,      /* subroutine call (step-over steps over it) */
    FDX_FLOW_RETURN,    /* return from subroutine or interrupt */
    FDX_FLOW_TRAP,      /* software interrupt / trap / BRK: a call into a handler */
    FDX_FLOW_HALT,      /* stops the CPU (JAM, STP, HLT) */
};

struct fdx_disasm {
    char text[80];      /* e.g. "LDA ($28),Y" */
    unsigned length;    /* bytes */
    enum fdx_flow flow;
    bool has_target;    /* target is a known address */
    uint32_t target;
};

enum fdx_step_kind {
    FDX_STEP_CYCLE = 0,
    FDX_STEP_INSTRUCTION,
};

/* Why a CPU's run ended early (fdx_cpu.stop). */
enum fdx_stop_reason {
    FDX_STOP_NONE = 0,
    FDX_STOP_BREAK,     /* debugger breakpoint or watchpoint */
    FDX_STOP_HALTED,    /* CPU halted itself (JAM, STP, double fault, HLT with interrupts off) */
    FDX_STOP_EXIT,      /* machine asked to stop (guest program exited) */
    FDX_STOP_REQUEST,   /* host asked to stop */
};

struct fdx_cpu;

struct fdx_cpu_ops {
    const char *name;           /* model: "6502", "65C02", "68000", "8088" ... */
    const char *family;         /* "m6502", "m68k", "x86" */
    size_t state_size;          /* sizeof the model's struct */
    const struct fdx_reg_desc *regs;
    unsigned nregs;
    unsigned addr_digits;       /* hex digits to show an address */

    void (*reset)(struct fdx_cpu *cpu);
    /* Runs at least `cycles` cycles (finishing the instruction under way)
     * unless stopped early; returns cycles run. */
    uint64_t (*run)(struct fdx_cpu *cpu, uint64_t cycles);
    /* One cycle or one instruction; returns cycles run. */
    uint64_t (*step)(struct fdx_cpu *cpu, enum fdx_step_kind kind);
    void (*set_line)(struct fdx_cpu *cpu, enum fdx_line line, uint32_t level);
    uint64_t (*get_reg)(const struct fdx_cpu *cpu, unsigned index);
    void (*set_reg)(struct fdx_cpu *cpu, unsigned index, uint64_t value);
    /* Address of the next instruction, as breakpoints see it (x86: linear). */
    uint32_t (*pc)(const struct fdx_cpu *cpu);
    /* Disassembles the instruction at addr using peek only. Returns length. */
    unsigned (*disasm)(const struct fdx_cpu *cpu, uint32_t addr, struct fdx_disasm *out);
    /* Visits the CPU's state (see state.h). */
    void (*state)(struct fdx_cpu *cpu, struct fdx_state *st);
};

struct fdx_cpu {
    const struct fdx_cpu_ops *ops;
    struct fdx_bus *bus;
    struct fdx_bus *io;         /* x86 port space, else NULL */
    uint64_t cycles;            /* CPU cycles since power-on */
    uint64_t instructions;      /* instructions completed since power-on */
    uint32_t attention;         /* non-zero: call fdx_cpu_hook before each instruction */
    int stop;                   /* enum fdx_stop_reason; run returns when set */
    struct fdx_debug *debug;    /* may be NULL */
};

/* Called by the CPU at an instruction boundary when attention != 0.
 * Returns non-zero (and sets cpu->stop) if the CPU must stop before
 * executing the instruction at pc. */
int fdx_cpu_hook(struct fdx_cpu *cpu, uint32_t pc);

/* Finds a register by name (case-insensitive); -1 if none. */
int fdx_cpu_reg_index(const struct fdx_cpu *cpu, const char *name);
/* Formats all registers on one line ("A=00 X=00 ... P=nv-bdIzc"). */
void fdx_cpu_format_regs(const struct fdx_cpu *cpu, char *out, size_t size);

#ifdef __cplusplus
}
#endif
#endif
