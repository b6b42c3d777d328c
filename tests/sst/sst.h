/* Common driver for SingleStepTests conformance runners (`fdx sst`).
 *
 * The driver finds the files (a file, or every *.json / *.json.gz in a
 * directory, sorted), parses each JSON array, hands every test to the CPU
 * runner, prints one line per failing test (its first difference) and ends
 * with "N passed, N failed". A CPU runner only knows how to run one test.
 */
#ifndef FDX_SST_H
#define FDX_SST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cjson/cJSON.h>

struct fdx_sst_options {
    const char *cpu;        /* as given to --cpu, lower case */
    bool cycles;            /* also compare per-cycle bus activity (where optional) */
    bool no_cycles;         /* skip the bus comparison (where it is the default) */
    bool verbose;           /* print passing tests too */
    unsigned limit;         /* run at most this many tests per file (0: all) */
};

struct fdx_sst_runner {
    const char *cpus;       /* '|'-separated names accepted by --cpu, e.g. "6502|nmos6502" */
    const char *help;
    /* Returns a context or NULL with a message in err. */
    void *(*create)(const struct fdx_sst_options *o, char *err, size_t err_size);
    void (*destroy)(void *ctx);
    /* Called before each file; path is the file being run. Returns 0, or -1
     * with err set to skip the file as a failure. May be NULL. */
    int (*begin_file)(void *ctx, const char *path, char *err, size_t err_size);
    /* Runs one test. Returns 1 if it passed; 0 with the first difference
     * in diff if it failed. */
    int (*run)(void *ctx, const cJSON *test, char *diff, size_t diff_size);
};

/* `fdx sst` entry point. */
int fdx_sst_main(int argc, char **argv);

/* Helpers for runners. */
/* Reads a whole file, gzip or plain, and parses it; NULL with err set. */
cJSON *fdx_sst_load_json(const char *path, char *err, size_t err_size);
/* An integer member (as double, exact up to 2^53); returns false if missing. */
/* A JSON number as an unsigned 32-bit value; 0 for anything that is not
 * one (no undefined conversions from malformed files). */
static inline uint32_t fdx_sst_u32(const cJSON *v)
{
    double d = cJSON_IsNumber(v) ? v->valuedouble : 0;
    return d >= 0 && d <= 4294967295.0 ? (uint32_t)d : 0;
}
bool fdx_sst_get_num(const cJSON *obj, const char *key, double *out);
/* Zeroed memory for a runner's address space, of which a test touches a
 * few bytes: mapped on demand where the system can (a fuzz run creates a
 * runner for every input, and clearing 16 MiB each time was most of its
 * time), calloc elsewhere. NULL when out of memory. */
uint8_t *fdx_sst_ram_alloc(size_t size);
void fdx_sst_ram_free(uint8_t *ram, size_t size);
/* Reads [[addr, byte], ...] pairs; calls fn for each. Returns false if malformed. */
bool fdx_sst_each_ram(const cJSON *ram, void (*fn)(void *ctx, unsigned long addr, unsigned value), void *ctx);

#endif
