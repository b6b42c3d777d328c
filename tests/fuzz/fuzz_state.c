/* Save-state loading. The input is applied to a valid state of the
 * reliability configuration FUZZ_CONFIG (see tests/reliability/rel.c):
 * the first byte chooses the mode, the rest is either a list of
 * (offset, byte) edits of the state body, or the whole body. The header
 * is then made consistent (length and checksum), so the chunk and field
 * checks behind it are what gets fuzzed. A state that loads must run,
 * save and load again. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "fdx/fdx.h"
#include "fuzz.h"
#include "rel.h"

#define HEADER 56

static void put32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++) p[i] = (uint8_t)(v >> (8 * i));
}

static const struct rel_config *config(void)
{
    return fuzz_config(FUZZ_CONFIG);
}

/* One machine per process and its state after the first run slice: each
 * input starts from that state (every input sees the same machine, as if
 * freshly made) instead of creating and running a new one. */
struct pristine {
    struct fdx_machine *m;
    uint8_t *state;
    size_t size;
    uint8_t *after;     /* the machine's state after an input */
    bool dirty;         /* the machine may differ from state */
};

static struct pristine *pristine(void)
{
    static struct pristine p;
    if (!p.m) {
        const struct rel_config *c = config();
        struct fdx_err err;
        p.m = rel_create(c, fuzz_workdir());
        fdx_machine_run(p.m, c->step_ticks);
        p.size = fdx_machine_state_size(p.m);
        p.state = malloc(p.size);
        p.after = malloc(p.size);
        if (!p.state || !p.after || fdx_machine_save(p.m, p.state, p.size, &err)) abort();
    }
    return &p;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1) return 0;
    const struct rel_config *c = config();
    struct pristine *p = pristine();
    struct fdx_machine *m = p->m;
    struct fdx_err err;
    size_t n = p->size;
    /* after a refused input the machine was found unchanged: no reload */
    if (p->dirty && fdx_machine_load(m, p->state, n, &err)) abort();
    p->dirty = true;

    size_t bn = data[0] & 1 ? HEADER + size - 1 : n;
    /* The state to load ends where a buffer kept between inputs ends, so a
     * read past its end still meets ASan's redzone: a fresh block for each
     * input (over 128 KiB a new mapping under ASan, page-faulted in anew)
     * took a third of fuzz_state_dos's time. */
    static uint8_t *buf;
    static size_t cap;
    if (bn > cap) {
        free(buf);
        buf = malloc(bn);
        if (!buf) abort();
        cap = bn;
    }
    uint8_t *bad = buf + cap - bn;
    if (data[0] & 1) {              /* the whole body */
        memcpy(bad, p->state, HEADER);
        memcpy(bad + HEADER, data + 1, size - 1);
    } else {                        /* edits: 3-byte offset, value */
        memcpy(bad, p->state, n);
        for (size_t i = 1; i + 4 <= size; i += 4) {
            size_t off = (data[i] | data[i + 1] << 8 | (size_t)data[i + 2] << 16) % (n - HEADER);
            bad[HEADER + off] = data[i + 3];
        }
    }
    put32(bad + 48, (uint32_t)(bn - HEADER));
    put32(bad + 52, fdx_crc32(0, bad + HEADER, bn - HEADER));

    uint8_t *after = p->after;
    if (fdx_machine_load(m, bad, bn, &err) == 0) {
        /* accepted: the machine must keep working with it */
        fdx_machine_run(m, c->step_ticks);
        if (fdx_machine_save(m, after, n, &err) || fdx_machine_load(m, after, n, &err)) abort();
    } else {
        /* refused: nothing changed */
        if (!err.msg[0] || fdx_machine_save(m, after, n, &err) || memcmp(after, p->state, n)) abort();
        p->dirty = false;
    }
    return 0;
}
