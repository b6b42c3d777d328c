/* fdx machines: descriptions, the registry and the public machine API.
 *
 * A machine is created from a `static const struct fdx_machine_desc`. The
 * description holds the structure as data (clocks, CPU model, memory map,
 * ROM set, options, media slots); its ops are the glue code, one small C
 * file per machine. Every machine lives in its own struct: any number can
 * run in one process.
 */
#ifndef FDX_MACHINE_H
#define FDX_MACHINE_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include "common.h"
#include "bus.h"
#include "sched.h"
#include "cpu.h"
#include "debug.h"
#include "state.h"
#include "media.h"
#include "av.h"
#include "input.h"

#ifdef __cplusplus
extern "C" {
#endif

struct fdx_machine;

/* ---- options --------------------------------------------------------- */

enum fdx_option_type {
    FDX_OPT_BOOL,       /* "on"/"off", "1"/"0", "yes"/"no"; a bare --flag means on */
    FDX_OPT_INT,        /* decimal or 0x hex */
    FDX_OPT_ADDRESS,    /* fdx_parse_address syntax */
    FDX_OPT_STRING,
    FDX_OPT_CHOICE,     /* one of `choices`, '|'-separated */
};

struct fdx_option_desc {
    const char *name;           /* command line: --name */
    enum fdx_option_type type;
    const char *def;            /* default value text, or NULL */
    const char *choices;        /* FDX_OPT_CHOICE: "ntsc|pal|secam" */
    bool repeatable;            /* may be given more than once (--load) */
    const char *help;
};

#define FDX_MAX_OPTIONS 64
#define FDX_MAX_ARGS 64

/* Options and positional arguments for fdx_machine_create. */
struct fdx_options {
    unsigned count;
    const char *key[FDX_MAX_OPTIONS];
    const char *value[FDX_MAX_OPTIONS];
    unsigned argc;              /* positional: media files, or program and its args */
    const char *argv[FDX_MAX_ARGS];
    const char *rom_path;       /* --rom-path, may be NULL */
};

void fdx_options_init(struct fdx_options *o);
int fdx_options_add(struct fdx_options *o, const char *key, const char *value);
int fdx_options_add_arg(struct fdx_options *o, const char *arg);
/* The n-th value given for key, or NULL. */
const char *fdx_options_get(const struct fdx_options *o, const char *key, unsigned n);

/* Typed getters that fall back on the description's default. They return
 * -1 (with a message) if the text does not parse. */
int fdx_machine_opt_bool(struct fdx_machine *m, const char *key, bool *out, struct fdx_err *err);
int fdx_machine_opt_u64(struct fdx_machine *m, const char *key, uint64_t *out, struct fdx_err *err);
int fdx_machine_opt_address(struct fdx_machine *m, const char *key, bool *given, uint32_t *out,
                            struct fdx_err *err);
const char *fdx_machine_opt_string(struct fdx_machine *m, const char *key, unsigned n);
/* A memory size in bytes from min to max: a power of two when unit is 0,
 * else a multiple of unit. -1 with a message naming the rule otherwise. */
int fdx_machine_opt_size(struct fdx_machine *m, const char *key, uint64_t min, uint64_t max, uint64_t unit,
                         uint32_t *out, struct fdx_err *err);

/* ---- host services --------------------------------------------------- */

/* What a machine may ask of its host (console of a simulator machine).
 * Frontends fill this in; all fields may be NULL. */
struct fdx_host {
    void *ctx;
    /* stream 1 = stdout, 2 = stderr. Returns bytes written or -1. */
    long (*write)(void *ctx, int stream, const void *buf, size_t size);
    /* stream 0 = stdin. Returns bytes read, 0 at end, -1 on error. */
    long (*read)(void *ctx, int stream, void *buf, size_t size);
};

/* ---- description ----------------------------------------------------- */

struct fdx_media_slot_desc {
    const char *name;           /* "cart", "disk1", "program" */
    const char *extensions;     /* "a26,bin" */
    const char *help;
};

struct fdx_region_desc {        /* the memory map as documentation and for `fdx list` */
    const char *name;
    uint32_t base, size;
    enum fdx_map_kind kind;
};

enum fdx_run_result {
    FDX_RUN_OK = 0,             /* ran the whole budget */
    FDX_RUN_BREAK,              /* debugger stop */
    FDX_RUN_HALTED,             /* CPU halted */
    FDX_RUN_EXIT,               /* guest program exited (see exit code) */
    FDX_RUN_ERROR = -1,
};

struct fdx_machine_desc {
    const char *name;           /* "bare6502" */
    const char *title;          /* "6502 with 64 KiB RAM" */
    const char *cpu_model;      /* "6502" */
    uint64_t master_hz;         /* master-clock frequency */
    uint32_t cpu_divider;       /* CPU clock = master_hz / cpu_divider */
    const struct fdx_region_desc *map;   /* terminated by a NULL name */
    const struct fdx_rom_desc *roms;     /* terminated by a NULL slot */
    const struct fdx_option_desc *options; /* terminated by a NULL name */
    const struct fdx_media_slot_desc *slots; /* terminated by a NULL name */
    const char *args_help;      /* what positional arguments mean */
    bool program_args;          /* positional arguments are a program and its own
                                   arguments: the command line stops parsing
                                   options at the first one */
    size_t impl_size;           /* bytes of machine-specific state (m->impl) */

    /* Glue. create returns 0 or -1 with err set; destroy frees what create
     * allocated (it is also called after a failed create). */
    int (*create)(struct fdx_machine *m, struct fdx_err *err);
    void (*destroy)(struct fdx_machine *m);
    void (*reset)(struct fdx_machine *m, bool hard);
    /* Runs until the master clock reaches `until` or something stops it. */
    enum fdx_run_result (*run)(struct fdx_machine *m, uint64_t until);
    /* Runs one video frame (machines without video: a fixed slice). */
    enum fdx_run_result (*run_frame)(struct fdx_machine *m);
    void (*state)(struct fdx_machine *m, struct fdx_state *st);
    void (*input)(struct fdx_machine *m, const struct fdx_input_event *ev);
    int (*insert)(struct fdx_machine *m, const char *slot, const uint8_t *data, size_t size,
                  const char *filename, struct fdx_err *err);
    /* How sure (0..100) that data is media for this machine; what it is. */
    int (*probe)(const uint8_t *data, size_t size, const char *filename, char *what, size_t what_size);
    /* A configuration id: options that change the state layout. */
    uint32_t (*config_id)(struct fdx_machine *m);
};

/* ---- the machine ----------------------------------------------------- */

struct fdx_machine {
    const struct fdx_machine_desc *desc;
    struct fdx_options opts;    /* copies of the strings live in opt_store */
    char *opt_store;
    struct fdx_host host;
    struct fdx_sched sched;
    struct fdx_cpu *cpu;        /* main CPU (set by create) */
    struct fdx_debug debug;
    struct fdx_rom_path rom_path;
    struct fdx_frame frame;
    struct fdx_audio audio;
    bool exited;
    int exit_code;
    uint64_t slice_cycles;      /* cpu->cycles when sched.now was last set */
    void *impl;                 /* desc->impl_size bytes, zeroed */
    /* fdx_machine_load keeps the current state here while it loads: kept
     * between loads (stepping backwards loads one state after another) */
    uint8_t *load_backup;
    size_t load_backup_size;
};

/* Registry of built-in machines. */
const struct fdx_machine_desc *const *fdx_machines(void);
const struct fdx_machine_desc *fdx_machine_find(const char *name);

/* Creates a machine; host may be NULL. Returns NULL with err set. */
struct fdx_machine *fdx_machine_create(const struct fdx_machine_desc *desc,
                                       const struct fdx_options *opts,
                                       const struct fdx_host *host, struct fdx_err *err);
void fdx_machine_destroy(struct fdx_machine *m);
void fdx_machine_reset(struct fdx_machine *m, bool hard);
enum fdx_run_result fdx_machine_run(struct fdx_machine *m, uint64_t ticks);
enum fdx_run_result fdx_machine_run_frame(struct fdx_machine *m);
const struct fdx_frame *fdx_machine_frame(const struct fdx_machine *m);
void fdx_machine_set_audio_rate(struct fdx_machine *m, uint32_t hz);
size_t fdx_machine_audio(struct fdx_machine *m, int16_t *out, size_t frames);
void fdx_machine_input(struct fdx_machine *m, const struct fdx_input_event *ev);
int fdx_machine_insert(struct fdx_machine *m, const char *slot, const char *path, struct fdx_err *err);
int fdx_machine_insert_data(struct fdx_machine *m, const char *slot, const uint8_t *data, size_t size,
                            const char *name, struct fdx_err *err);
/* Guest asked to exit (simulator machines). */
bool fdx_machine_exited(const struct fdx_machine *m, int *code);
void fdx_machine_request_exit(struct fdx_machine *m, int code);
/* Host console helpers for machine glue. */
long fdx_machine_host_write(struct fdx_machine *m, int stream, const void *buf, size_t size);
long fdx_machine_host_read(struct fdx_machine *m, int stream, void *buf, size_t size);

/* Save states: the size is fixed for a given machine configuration. */
size_t fdx_machine_state_size(struct fdx_machine *m);
int fdx_machine_save(struct fdx_machine *m, void *buf, size_t size, struct fdx_err *err);
/* Refuses a damaged or foreign state and leaves the machine as it was. */
int fdx_machine_load(struct fdx_machine *m, const void *buf, size_t size, struct fdx_err *err);
int fdx_machine_save_file(struct fdx_machine *m, const char *path, struct fdx_err *err);
int fdx_machine_load_file(struct fdx_machine *m, const char *path, struct fdx_err *err);

/* The generic run loop for machines with one CPU: runs cpu (at
 * m->desc->cpu_divider) until the master clock reaches `until`, firing
 * scheduler events on time. Returns why it stopped. */
enum fdx_run_result fdx_machine_run_cpu(struct fdx_machine *m, struct fdx_cpu *cpu, uint64_t until);
/* The master-clock time of a CPU in the middle of a slice, for lazy device
 * catch-up: the slice start plus the CPU's cycles run since then. */
uint64_t fdx_machine_now(const struct fdx_machine *m);

/* Loads a ROM of the machine's ROM set from the search path; returns 0 with
 * malloc'ed data or -1 with a message naming the file it wanted and where it looked. */
int fdx_machine_load_rom(struct fdx_machine *m, const char *slot, uint8_t **data, size_t *size,
                         struct fdx_err *err);

#ifdef __cplusplus
}
#endif
#endif
