/* Shared by the reliability tests: one configuration per machine (with a
 * workload that exercises it), a seeded random generator, random inputs
 * and state hashes. To cover a new machine, add a line to rel_configs in
 * rel.c: the tests fail while a registered machine has none. */
#ifndef FDX_REL_H
#define FDX_REL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fdx/fdx.h"

struct rel_config {
    const char *label;          /* "atari2600-demo" */
    const char *machine;
    const char *opts[6];        /* "key=value" (a bare "key" means on) */
    const uint8_t *media;       /* written to a file in the work directory, or NULL */
    size_t media_size;
    const char *media_name;     /* file name, its extension matters */
    const char *load_option;    /* NULL: the file is a positional argument; else
                                   an option whose value is printf(fmt, path) */
    uint64_t step_ticks;        /* master-clock ticks in one run slice */
};

extern const struct rel_config rel_configs[];
extern const size_t rel_nconfigs;

/* xorshift64*: deterministic on every host */
static inline uint64_t rel_rand(uint64_t *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * 2685821657736338717ull;
}
static inline uint32_t rel_below(uint64_t *s, uint32_t n) { return (uint32_t)((rel_rand(s) >> 32) % n); }

/* A fresh directory under $TMPDIR (removed with rel_workdir_remove). */
int rel_workdir(char *out, size_t size);
void rel_workdir_remove(const char *dir);

/* Creates the machine of a configuration; media files go into dir. The
 * guest's console output is discarded. Fails the test (abort with a
 * message) when the machine cannot be created. */
struct fdx_machine *rel_create(const struct rel_config *c, const char *dir);

/* A random input event for the machine (joystick, paddle, key, switch). */
void rel_random_input(uint64_t *seed, struct fdx_input_event *ev);

/* SHA-1 of the machine's whole save state, as 40 hex digits. */
void rel_state_hash(struct fdx_machine *m, char out[41]);

/* Every registered machine has a configuration. Returns the first machine
 * without one, or NULL. */
const char *rel_uncovered_machine(void);

#endif
