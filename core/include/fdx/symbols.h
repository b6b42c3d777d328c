/* fdx symbol tables for the debugger: names for addresses.
 *
 * Loads ca65/ld65 label files (`ld65 -Ln`: "al 00C000 .label"), NASM map
 * files (the "-- Symbols" part of "[map all file.map]") and plain
 * lists ("NAME = ADDR", "NAME EQU ADDR", "NAME := ADDR"; # or ; comments).
 */
#ifndef FDX_SYMBOLS_H
#define FDX_SYMBOLS_H

#include <stddef.h>
#include <stdint.h>
#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

struct fdx_symbol {
    char *name;
    uint32_t addr;
};

struct fdx_symbols {
    struct fdx_symbol *v;   /* sorted by address, then name */
    size_t n, cap;
};

void fdx_symbols_init(struct fdx_symbols *s);
void fdx_symbols_free(struct fdx_symbols *s);
/* Adds (or moves) one symbol. Returns 0 or -1 when out of memory. */
int fdx_symbols_add(struct fdx_symbols *s, const char *name, uint32_t addr);
/* Loads a file in any of the formats above. A file with a line that is none
 * of them is refused as a whole (nothing added), naming the line.
 * Returns the number of symbols read, or -1 with err set. */
int fdx_symbols_load(struct fdx_symbols *s, const char *path, struct fdx_err *err);
/* Parses text (the file contents) the same way; name is used in messages. */
int fdx_symbols_parse(struct fdx_symbols *s, const char *text, size_t size, const char *name,
                      struct fdx_err *err);
/* Name to address (case-sensitive, then case-insensitive). Returns 0 or -1. */
int fdx_symbols_find(const struct fdx_symbols *s, const char *name, uint32_t *addr);
/* The symbol exactly at addr, or NULL. */
const char *fdx_symbols_at(const struct fdx_symbols *s, uint32_t addr);
/* The nearest symbol at or below addr within max_offset, or NULL. */
const char *fdx_symbols_near(const struct fdx_symbols *s, uint32_t addr, uint32_t max_offset,
                             uint32_t *offset);

#ifdef __cplusplus
}
#endif
#endif
