/* Save-state walker: one visit function per module serves measuring,
 * saving, verifying and loading. */
#include "fdx/state.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void fdx_state_open(struct fdx_state *st, enum fdx_state_mode mode, void *buf, size_t size)
{
    memset(st, 0, sizeof *st);
    st->mode = mode;
    st->buf = buf;
    st->size = buf ? size : 0;
}

void fdx_state_fail(struct fdx_state *st, const char *fmt, ...)
{
    if (st->failed) return;
    st->failed = 1;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(st->error, sizeof st->error, fmt, ap);
    va_end(ap);
}

bool fdx_state_check(struct fdx_state *st, bool cond, const char *what)
{
    if (!cond && st->mode == FDX_STATE_LOAD)
        fdx_state_fail(st, "state has an invalid value: %s", what);
    return cond;
}

static const char *current_tag(const struct fdx_state *st)
{
    return st->depth ? st->chunk_tag[st->depth - 1] : "(none)";
}

static void put_le(uint8_t *p, uint64_t v, unsigned n)
{
    for (unsigned i = 0; i < n; i++) p[i] = (uint8_t)(v >> (8 * i));
}

static uint64_t get_le(const uint8_t *p, unsigned n)
{
    uint64_t v = 0;
    for (unsigned i = 0; i < n; i++) v |= (uint64_t)p[i] << (8 * i);
    return v;
}

/* Reserves n bytes: returns a pointer into buf (SAVE/LOAD/VERIFY), or NULL
 * when measuring or after a failure. */
static uint8_t *take(struct fdx_state *st, size_t n)
{
    if (st->failed) return NULL;
    if (st->mode == FDX_STATE_MEASURE) {
        st->pos += n;
        return NULL;
    }
    if (n > st->size - st->pos) {
        fdx_state_fail(st, "state is truncated in chunk '%s'", current_tag(st));
        return NULL;
    }
    uint8_t *p = st->buf + st->pos;
    st->pos += n;
    return p;
}

void fdx_state_begin(struct fdx_state *st, const char *tag, uint32_t version)
{
    char t[5] = {0};
    strncpy(t, tag, 4);
    if (st->depth >= FDX_STATE_MAX_DEPTH) {
        fdx_state_fail(st, "state chunks nested too deeply at '%s'", t);
        return;
    }
    size_t start = st->pos;
    uint8_t *p = take(st, 12);
    memcpy(st->chunk_tag[st->depth], t, 5);
    st->chunk_start[st->depth++] = start;
    if (!p) return;
    if (st->mode == FDX_STATE_SAVE) {
        memcpy(p, t, 4);
        put_le(p + 4, version, 4);
        put_le(p + 8, 0, 4);    /* length, patched by fdx_state_end */
        return;
    }
    if (memcmp(p, t, 4) != 0) {
        char got[5] = {0};
        for (int i = 0; i < 4; i++) got[i] = (p[i] >= 32 && p[i] < 127) ? (char)p[i] : '?';
        fdx_state_fail(st, "state has chunk '%s' where '%s' was expected", got, t);
        return;
    }
    uint32_t v = (uint32_t)get_le(p + 4, 4);
    if (v != version)
        fdx_state_fail(st, "state chunk '%s' is version %u, this build reads version %u", t,
                       (unsigned)v, (unsigned)version);
    uint32_t len = (uint32_t)get_le(p + 8, 4);
    if (!st->failed && len > st->size - st->pos)
        fdx_state_fail(st, "state is truncated: chunk '%s' runs past its end", t);
}

void fdx_state_end(struct fdx_state *st)
{
    if (st->depth == 0) {
        fdx_state_fail(st, "state chunk ended twice");
        return;
    }
    size_t start = st->chunk_start[--st->depth];
    if (st->failed || st->mode == FDX_STATE_MEASURE) return;
    size_t len = st->pos - start - 12;
    if (st->mode == FDX_STATE_SAVE) {
        put_le(st->buf + start + 8, len, 4);
    } else if (get_le(st->buf + start + 8, 4) != len) {
        fdx_state_fail(st, "state chunk '%s' has a different size than this build expects",
                       st->chunk_tag[st->depth]);
    }
}

/* Writes or checks a field header; returns the data pointer or NULL. */
static uint8_t *field(struct fdx_state *st, const char *name, size_t size)
{
    size_t nlen = strlen(name);
    if (nlen > 255) nlen = 255;
    uint8_t *h = take(st, 1 + nlen + 4);
    uint8_t *d = take(st, size);
    if (!h) return NULL;
    if (st->mode == FDX_STATE_SAVE) {
        h[0] = (uint8_t)nlen;
        memcpy(h + 1, name, nlen);
        put_le(h + 1 + nlen, size, 4);
        return d;
    }
    if (h[0] != nlen || memcmp(h + 1, name, nlen) != 0) {
        fdx_state_fail(st, "state chunk '%s' lacks field '%s' where this build expects it",
                       current_tag(st), name);
        return NULL;
    }
    if (get_le(h + 1 + nlen, 4) != size) {
        fdx_state_fail(st, "state field '%s' in chunk '%s' has the wrong size", name, current_tag(st));
        return NULL;
    }
    return d;
}

static void scalar(struct fdx_state *st, const char *name, void *v, unsigned n)
{
    uint8_t *d = field(st, name, n);
    if (!d) return;
    if (st->mode == FDX_STATE_SAVE) {
        uint64_t x = 0;
        switch (n) {
        case 1: x = *(uint8_t *)v; break;
        case 2: x = *(uint16_t *)v; break;
        case 4: x = *(uint32_t *)v; break;
        default: x = *(uint64_t *)v; break;
        }
        put_le(d, x, n);
    } else if (st->mode == FDX_STATE_LOAD) {
        uint64_t x = get_le(d, n);
        switch (n) {
        case 1: *(uint8_t *)v = (uint8_t)x; break;
        case 2: *(uint16_t *)v = (uint16_t)x; break;
        case 4: *(uint32_t *)v = (uint32_t)x; break;
        default: *(uint64_t *)v = x; break;
        }
    }
}

void fdx_state_u8(struct fdx_state *st, const char *name, uint8_t *v) { scalar(st, name, v, 1); }
void fdx_state_u16(struct fdx_state *st, const char *name, uint16_t *v) { scalar(st, name, v, 2); }
void fdx_state_u32(struct fdx_state *st, const char *name, uint32_t *v) { scalar(st, name, v, 4); }
void fdx_state_u64(struct fdx_state *st, const char *name, uint64_t *v) { scalar(st, name, v, 8); }
void fdx_state_i32(struct fdx_state *st, const char *name, int32_t *v) { scalar(st, name, v, 4); }
void fdx_state_i64(struct fdx_state *st, const char *name, int64_t *v) { scalar(st, name, v, 8); }

void fdx_state_bool(struct fdx_state *st, const char *name, bool *v)
{
    uint8_t b = st->mode == FDX_STATE_SAVE && *v ? 1 : 0;
    scalar(st, name, &b, 1);
    if (st->mode == FDX_STATE_LOAD && !st->failed) *v = b != 0;
}

void fdx_state_bytes(struct fdx_state *st, const char *name, void *data, size_t size)
{
    uint8_t *d = field(st, name, size);
    if (!d) return;
    if (st->mode == FDX_STATE_SAVE) memcpy(d, data, size);
    else if (st->mode == FDX_STATE_LOAD) memcpy(data, d, size);
}

void fdx_state_u16_array(struct fdx_state *st, const char *name, uint16_t *v, size_t n)
{
    uint8_t *d = field(st, name, n * 2);
    if (!d) return;
    for (size_t i = 0; i < n; i++) {
        if (st->mode == FDX_STATE_SAVE) put_le(d + 2 * i, v[i], 2);
        else if (st->mode == FDX_STATE_LOAD) v[i] = (uint16_t)get_le(d + 2 * i, 2);
    }
}

void fdx_state_u32_array(struct fdx_state *st, const char *name, uint32_t *v, size_t n)
{
    uint8_t *d = field(st, name, n * 4);
    if (!d) return;
    for (size_t i = 0; i < n; i++) {
        if (st->mode == FDX_STATE_SAVE) put_le(d + 4 * i, v[i], 4);
        else if (st->mode == FDX_STATE_LOAD) v[i] = (uint32_t)get_le(d + 4 * i, 4);
    }
}
