/* A machine's loader with arbitrary files: the input is written as
 * FUZZ_FILE and given to FUZZ_MACHINE (positionally, or through the
 * printf format FUZZ_LOADOPT, e.g. "load=%s@0x0400"). When the machine
 * accepts it, it runs a little, saves a state and loads it back.
 * Compiled once per machine and file type (see CMakeLists.txt). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fdx/fdx.h"
#include "fuzz.h"

#ifndef FUZZ_LOADOPT
#define FUZZ_LOADOPT NULL
#endif

static void add_kv(struct fdx_options *o, char *kv)
{
    char *eq = strchr(kv, '=');
    if (eq) *eq++ = 0;
    fdx_options_add(o, kv, eq ? eq : "on");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const struct fdx_machine_desc *d = fdx_machine_find(FUZZ_MACHINE);
    if (!d) abort();
    const char *path = fuzz_write_file(FUZZ_FILE, data, size);
    struct fdx_options o;
    fdx_options_init(&o);
    char opt[4200], extra[64];
    const char *fmt = FUZZ_LOADOPT;
    if (fmt) {
        snprintf(opt, sizeof opt, fmt, path);
        add_kv(&o, opt);
    } else {
        fdx_options_add_arg(&o, path);
    }
#ifdef FUZZ_EXTRA
    snprintf(extra, sizeof extra, "%s", FUZZ_EXTRA);
    add_kv(&o, extra);
#else
    (void)extra;
#endif
    if (!strcmp(FUZZ_MACHINE, "dos")) fdx_options_add(&o, "dir", fuzz_workdir());
    struct fdx_err err;
    struct fdx_machine *m = fdx_machine_create(d, &o, NULL, &err);
    if (!m) {
        if (!err.msg[0]) abort(); /* a refusal must say why */
        return 0;
    }
    uint32_t div = d->cpu_divider ? d->cpu_divider : 1;
    fdx_machine_run(m, (uint64_t)div * 20000);
    /* one buffer for all inputs: a fresh one for each made page faults
     * (under ASan every large block is a new mapping) half the run time */
    static uint8_t *st;
    static size_t cap;
    size_t n = fdx_machine_state_size(m);
    if (n > cap) {
        free(st);
        st = malloc(n);
        cap = st ? n : 0;
    }
    if (!st || fdx_machine_save(m, st, n, &err) || fdx_machine_load(m, st, n, &err)) abort();
    fdx_machine_destroy(m);
    return 0;
}
