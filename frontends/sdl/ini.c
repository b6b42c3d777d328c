/* INI reader and writer (see ini.h). */
#include "ini.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define INI_MAX_NAME 128
#define INI_MAX_LINE 4096

void fdx_ini_init(struct fdx_ini *ini)
{
    memset(ini, 0, sizeof *ini);
}

static void free_entry(struct fdx_ini_entry *e)
{
    free(e->section);
    free(e->key);
    free(e->value);
}

void fdx_ini_free(struct fdx_ini *ini)
{
    for (size_t i = 0; i < ini->count; i++) free_entry(&ini->entries[i]);
    free(ini->entries);
    fdx_ini_init(ini);
}

static char *dup_n(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (!p) return NULL;
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

static int append(struct fdx_ini *ini, const char *sec, size_t sec_n, const char *key, size_t key_n,
                  const char *val, size_t val_n)
{
    if (ini->count == ini->cap) {
        size_t cap = ini->cap ? ini->cap * 2 : 16;
        struct fdx_ini_entry *e = realloc(ini->entries, cap * sizeof *e);
        if (!e) return -1;
        ini->entries = e;
        ini->cap = cap;
    }
    struct fdx_ini_entry e = {dup_n(sec, sec_n), dup_n(key, key_n), dup_n(val, val_n)};
    if (!e.section || !e.key || !e.value) {
        free_entry(&e);
        return -1;
    }
    ini->entries[ini->count++] = e;
    return 0;
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* Trims [*b, *e) of blanks on both sides. */
static void trim(const char **b, const char **e)
{
    while (*b < *e && is_space(**b)) (*b)++;
    while (*e > *b && is_space((*e)[-1])) (*e)--;
}

/* Names are letters, digits and . _ - + (keys like map.joy0.up). */
static int valid_name(const char *b, const char *e)
{
    if (b == e || e - b > INI_MAX_NAME) return 0;
    for (const char *p = b; p < e; p++) {
        unsigned char c = (unsigned char)*p;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
              c == '_' || c == '-' || c == '+'))
            return 0;
    }
    return 1;
}

static void warn_line(struct fdx_ini *ini, fdx_ini_warn_fn warn, void *ctx, unsigned line, const char *msg)
{
    ini->errors++;
    if (warn) warn(ctx, line, msg);
}

int fdx_ini_parse(struct fdx_ini *ini, const char *text, size_t len, fdx_ini_warn_fn warn, void *ctx)
{
    char section[INI_MAX_NAME + 1] = "global";
    size_t sec_n = 6;
    const char *p = text, *end = text + len;
    unsigned line = 0;
    ini->errors = 0;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *b = p, *e = nl ? nl : end;
        p = nl ? nl + 1 : end;
        line++;
        if (line == 1 && e - b >= 3 && !memcmp(b, "\xEF\xBB\xBF", 3)) b += 3;   /* UTF-8 BOM */
        if (e - b > INI_MAX_LINE) {
            warn_line(ini, warn, ctx, line, "line too long");
            continue;
        }
        if (memchr(b, 0, (size_t)(e - b))) {
            warn_line(ini, warn, ctx, line, "NUL byte in line (is this a text file?)");
            continue;
        }
        trim(&b, &e);
        if (b == e || *b == ';' || *b == '#') continue;
        if (*b == '[') {
            if (e[-1] != ']') {
                warn_line(ini, warn, ctx, line, "section header lacks its closing ']'");
                continue;
            }
            const char *nb = b + 1, *ne = e - 1;
            trim(&nb, &ne);
            if (!valid_name(nb, ne)) {
                warn_line(ini, warn, ctx, line, "bad section name (letters, digits, . _ - + only)");
                continue;
            }
            sec_n = (size_t)(ne - nb);
            memcpy(section, nb, sec_n);
            section[sec_n] = 0;
            continue;
        }
        const char *eq = memchr(b, '=', (size_t)(e - b));
        if (!eq) {
            warn_line(ini, warn, ctx, line, "expected 'key = value'");
            continue;
        }
        const char *kb = b, *ke = eq, *vb = eq + 1, *ve = e;
        trim(&kb, &ke);
        trim(&vb, &ve);
        if (!valid_name(kb, ke)) {
            warn_line(ini, warn, ctx, line, kb == ke ? "missing key before '='" : "bad key name (letters, digits, . _ - + only)");
            continue;
        }
        /* a value may be quoted to keep blanks or ';' */
        if (ve - vb >= 2 && *vb == '"' && ve[-1] == '"') {
            vb++;
            ve--;
        }
        if (append(ini, section, sec_n, kb, (size_t)(ke - kb), vb, (size_t)(ve - vb))) return -1;
    }
    return 0;
}

const char *fdx_ini_get(const struct fdx_ini *ini, const char *section, const char *key)
{
    for (size_t i = ini->count; i-- > 0;) {
        const struct fdx_ini_entry *e = &ini->entries[i];
        if (!strcasecmp(e->section, section) && !strcasecmp(e->key, key)) return e->value;
    }
    return NULL;
}

int fdx_ini_set(struct fdx_ini *ini, const char *section, const char *key, const char *value)
{
    size_t out = 0;
    for (size_t i = 0; i < ini->count; i++) {
        struct fdx_ini_entry *e = &ini->entries[i];
        if (!strcasecmp(e->section, section) && !strcasecmp(e->key, key)) free_entry(e);
        else ini->entries[out++] = *e;
    }
    ini->count = out;
    if (!value) return 0;
    return append(ini, section, strlen(section), key, strlen(key), value, strlen(value));
}

/* Growing text buffer for the writer. */
struct buf {
    char *p;
    size_t n, cap;
    int failed;
};

static void put(struct buf *b, const char *s)
{
    size_t n = strlen(s);
    if (b->failed) return;
    if (b->n + n + 1 > b->cap) {
        size_t cap = (b->cap + n + 1) * 2;
        char *p = realloc(b->p, cap);
        if (!p) {
            b->failed = 1;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n + 1);
    b->n += n;
}

static int needs_quotes(const char *v)
{
    size_t n = strlen(v);
    return n && (is_space(v[0]) || is_space(v[n - 1]) || v[0] == '"' || strchr(v, ';') || strchr(v, '#'));
}

static void put_section(struct buf *b, const struct fdx_ini *ini, const char *section)
{
    put(b, "[");
    put(b, section);
    put(b, "]\n");
    for (size_t i = 0; i < ini->count; i++) {
        const struct fdx_ini_entry *e = &ini->entries[i];
        if (strcasecmp(e->section, section)) continue;
        /* only the last of repeated keys counts: write that one */
        if (fdx_ini_get(ini, section, e->key) != e->value) continue;
        int q = needs_quotes(e->value);
        put(b, e->key);
        put(b, q ? " = \"" : " = ");
        put(b, e->value);
        put(b, q ? "\"\n" : "\n");
    }
}

char *fdx_ini_format(const struct fdx_ini *ini)
{
    struct buf b = {0};
    put(&b, "; fdx configuration: [global] for every machine, [MACHINE] for one.\n"
            "; Command-line options win over this file.\n");
    put_section(&b, ini, "global");
    for (size_t i = 0; i < ini->count; i++) {
        const char *s = ini->entries[i].section;
        if (!strcasecmp(s, "global")) continue;
        size_t j = 0;
        while (j < i && strcasecmp(ini->entries[j].section, s)) j++;
        if (j < i) continue;    /* already written */
        put(&b, "\n");
        put_section(&b, ini, s);
    }
    if (b.failed) {
        free(b.p);
        return NULL;
    }
    return b.p;
}
