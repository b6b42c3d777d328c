/* fdx save states: tagged, versioned chunks of named little-endian fields.
 *
 * Every module describes its state once, in one function that visits its
 * fields:
 *
 *     void cpu_state(struct my_cpu *c, struct fdx_state *st) {
 *         fdx_state_begin(st, "6502", 1);
 *         fdx_state_u8(st, "a", &c->a);
 *         fdx_state_u16(st, "pc", &c->pc);
 *         fdx_state_end(st);
 *     }
 *
 * The same walk measures the size, saves, checks a buffer without touching
 * anything, and loads. Values are stored little-endian whatever the host.
 * A chunk is: tag (4 bytes), version (u32), body length (u32), then fields;
 * a field is: name length (u8), name, data length (u32), data. Loading
 * refuses a chunk whose tag, version, field names or sizes differ.
 *
 * After loading, a module checks its values (for example a bank number
 * against the cartridge size) with fdx_state_check and reports a bad one
 * with fdx_state_fail; the machine layer then restores what was there
 * before, so a refused state leaves the running machine untouched.
 */
#ifndef FDX_STATE_H
#define FDX_STATE_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

enum fdx_state_mode {
    FDX_STATE_MEASURE,  /* count bytes only */
    FDX_STATE_SAVE,     /* write fields into buf */
    FDX_STATE_VERIFY,   /* read buf and check structure, touch nothing */
    FDX_STATE_LOAD,     /* read buf into fields */
};

#define FDX_STATE_MAX_DEPTH 8

struct fdx_state {
    enum fdx_state_mode mode;
    uint8_t *buf;       /* NULL in MEASURE mode */
    size_t size;        /* bytes available in buf */
    size_t pos;
    int failed;
    char error[200];
    unsigned depth;
    size_t chunk_start[FDX_STATE_MAX_DEPTH];
    char chunk_tag[FDX_STATE_MAX_DEPTH][5];
};

void fdx_state_open(struct fdx_state *st, enum fdx_state_mode mode, void *buf, size_t size);
void fdx_state_begin(struct fdx_state *st, const char *tag, uint32_t version);
void fdx_state_end(struct fdx_state *st);

void fdx_state_u8(struct fdx_state *st, const char *name, uint8_t *v);
void fdx_state_u16(struct fdx_state *st, const char *name, uint16_t *v);
void fdx_state_u32(struct fdx_state *st, const char *name, uint32_t *v);
void fdx_state_u64(struct fdx_state *st, const char *name, uint64_t *v);
void fdx_state_i32(struct fdx_state *st, const char *name, int32_t *v);
void fdx_state_i64(struct fdx_state *st, const char *name, int64_t *v);
void fdx_state_bool(struct fdx_state *st, const char *name, bool *v);
/* Raw bytes (memories). */
void fdx_state_bytes(struct fdx_state *st, const char *name, void *data, size_t size);
/* Arrays of little-endian integers. */
void fdx_state_u16_array(struct fdx_state *st, const char *name, uint16_t *v, size_t n);
void fdx_state_u32_array(struct fdx_state *st, const char *name, uint32_t *v, size_t n);

/* true while loading (VERIFY or LOAD) */
static inline bool fdx_state_loading(const struct fdx_state *st)
{
    return st->mode == FDX_STATE_LOAD || st->mode == FDX_STATE_VERIFY;
}
/* In LOAD mode: fail with a message unless cond holds. Returns cond. */
bool fdx_state_check(struct fdx_state *st, bool cond, const char *what);
void fdx_state_fail(struct fdx_state *st, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
static inline bool fdx_state_ok(const struct fdx_state *st) { return !st->failed; }

/* Whole-state container (used by the machine layer; exposed for tests):
 * 8-byte magic "FDXSTATE", format version, machine name (32 bytes),
 * configuration id, body length and CRC32 of the body, then the body. */
#define FDX_STATE_HEADER_SIZE 56
#define FDX_STATE_FORMAT 1

#ifdef __cplusplus
}
#endif
#endif
