/* fdx common definitions: error reporting and version. */
#ifndef FDX_COMMON_H
#define FDX_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

#define FDX_VERSION_MAJOR 0
#define FDX_VERSION_MINOR 1
#define FDX_VERSION_STRING "0.1.0"

/* Errors are returned as negative ints; the text for a person goes into an
 * fdx_err the caller owns (any pointer to one may be NULL). */
struct fdx_err {
    char msg[256];
};

#if defined(__GNUC__)
#define FDX_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define FDX_PRINTF(a, b)
#endif

/* Sets the message (if err is not NULL) and returns -1. */
int fdx_err_set(struct fdx_err *err, const char *fmt, ...) FDX_PRINTF(2, 3);

/* Parses an address: 0x1234, $1234, 1234h, decimal; with seg_ok also SEG:OFF
 * (hex), giving SEG*16+OFF. Returns 0 or -1 on bad syntax or overflow. */
int fdx_parse_address(const char *text, bool seg_ok, uint32_t *out);
/* true if name (case-insensitive) is one of the '|'-separated words of list. */
bool fdx_list_contains(const char *list, const char *name);
/* Parses an unsigned decimal or 0x-hex count. Returns 0 or -1. */
int fdx_parse_u64(const char *text, uint64_t *out);

#ifdef __cplusplus
}
#endif
#endif
