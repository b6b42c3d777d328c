/* Text parsers: debugger symbol files and expressions, the desktop app's
 * INI configuration, and m3u playlists. FUZZ_KIND picks one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fdx/fdx.h"
#include "fdx/expr.h"
#include "fdx/symbols.h"
#include "fuzz.h"

#if defined(FUZZ_INI)
#include "ini.h"
static void warn(void *ctx, unsigned line, const char *msg)
{
    (void)ctx;
    if (!line || !msg || !msg[0]) abort(); /* every complaint names its line */
}
#elif defined(FUZZ_M3U)
#include "lr_disk.h"
#endif

#if defined(FUZZ_EXPR)
static char *zstring(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s) abort();
    memcpy(s, data, size);
    s[size] = 0;
    return s;
}
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
#if !defined(FUZZ_INI)
    struct fdx_err err;
#endif
#if defined(FUZZ_SYMBOLS)
    struct fdx_symbols s;
    fdx_symbols_init(&s);
    err.msg[0] = 0;
    int n = fdx_symbols_parse(&s, (const char *)data, size, "fuzz.sym", &err);
    if (n >= 0) {
        /* what was read can be found again */
        if ((size_t)n > s.n) abort();
        uint32_t a, off;
        fdx_symbols_find(&s, "main", &a);
        (void)fdx_symbols_at(&s, 0x1234);
        (void)fdx_symbols_near(&s, 0x1234, 0x100, &off);
    } else if (!err.msg[0] || s.n) {
        abort(); /* refused: with a message, and nothing added */
    }
    fdx_symbols_free(&s);
#elif defined(FUZZ_EXPR)
    /* registers and memory of a real CPU, symbols too */
    static struct fdx_machine *m;
    if (!m) {
        struct fdx_options o;
        fdx_options_init(&o);
        fdx_options_add(&o, "demo", "on");
        m = fdx_machine_create(fdx_machine_find("bare6502"), &o, NULL, &err);
        if (!m) abort();
    }
    struct fdx_symbols syms;
    fdx_symbols_init(&syms);
    fdx_symbols_add(&syms, "start", 0x0400);
    fdx_symbols_add(&syms, "table", 0x1000);
    struct fdx_expr_env env = {m->cpu, &syms};
    char *text = zstring(data, size);
    int64_t v;
    uint32_t a;
    err.msg[0] = 0;
    if (fdx_expr_eval(&env, text, &v, &err) && !err.msg[0]) abort();
    err.msg[0] = 0;
    if (fdx_expr_address(&env, text, &a, &err) && !err.msg[0]) abort();
    free(text);
    fdx_symbols_free(&syms);
#elif defined(FUZZ_INI)
    struct fdx_ini ini;
    fdx_ini_init(&ini);
    fdx_ini_parse(&ini, (const char *)data, size, warn, NULL);
    char *out = fdx_ini_format(&ini);
    if (out) {
        /* what we write, we read back without complaint, to the same
         * settings (the last of repeated keys counts, in both) */
        struct fdx_ini again;
        fdx_ini_init(&again);
        fdx_ini_parse(&again, out, strlen(out), warn, NULL);
        if (again.errors) abort();
        for (size_t i = 0; i < ini.count; i++) {
            const struct fdx_ini_entry *e = &ini.entries[i];
            const char *a = fdx_ini_get(&ini, e->section, e->key), *b = fdx_ini_get(&again, e->section, e->key);
            if (!a || !b || strcmp(a, b)) abort();
        }
        fdx_ini_free(&again);
        free(out);
    }
    fdx_ini_free(&ini);
#elif defined(FUZZ_M3U)
    const char *path = fuzz_write_file("list.m3u", data, size);
    static struct lr_disks d;
    lr_disks_init(&d);
    if (lr_disks_load_m3u(&d, path, &err) && !err.msg[0]) abort();
    if (d.count > LR_MAX_DISKS) abort();
#else
#error "FUZZ_SYMBOLS, FUZZ_EXPR, FUZZ_INI or FUZZ_M3U"
#endif
    return 0;
}
