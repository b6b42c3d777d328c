/* A small INI reader and writer for the desktop app's configuration.
 *
 *   ; comment            # comment
 *   [global]
 *   scale = 3
 *   [atari2600]
 *   tv = pal
 *
 * Keys before the first section header belong to [global]. Section and key
 * names compare case-insensitively. Parsing never stops at a bad line: each
 * one is reported (with its line number) through the warn callback and
 * skipped. Pure C, no SDL, so it is unit-tested on its own.
 */
#ifndef FDX_SDL_INI_H
#define FDX_SDL_INI_H

#include <stddef.h>

struct fdx_ini_entry {
    char *section, *key, *value;
};

struct fdx_ini {
    struct fdx_ini_entry *entries;
    size_t count, cap;
    unsigned errors;            /* bad lines seen by the last parse */
};

typedef void (*fdx_ini_warn_fn)(void *ctx, unsigned line, const char *msg);

void fdx_ini_init(struct fdx_ini *ini);
void fdx_ini_free(struct fdx_ini *ini);
/* Adds the entries of text (len bytes, need not be NUL-terminated). Returns
 * 0, or -1 only when out of memory. Bad lines count in ini->errors. */
int fdx_ini_parse(struct fdx_ini *ini, const char *text, size_t len, fdx_ini_warn_fn warn, void *ctx);
/* The last value of section.key, or NULL. */
const char *fdx_ini_get(const struct fdx_ini *ini, const char *section, const char *key);
/* Sets (replacing every earlier value) or, with value NULL, removes. */
int fdx_ini_set(struct fdx_ini *ini, const char *section, const char *key, const char *value);
/* The whole file as text, sections in first-seen order ("global" first);
 * malloc'ed, NUL-terminated; NULL when out of memory. */
char *fdx_ini_format(const struct fdx_ini *ini);

#endif
