/* Symbol tables: loading label files and looking names up both ways. */
#include "fdx/symbols.h"
#include "fdx/media.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void fdx_symbols_init(struct fdx_symbols *s)
{
    memset(s, 0, sizeof *s);
}

void fdx_symbols_free(struct fdx_symbols *s)
{
    for (size_t i = 0; i < s->n; i++) free(s->v[i].name);
    free(s->v);
    fdx_symbols_init(s);
}

static int cmp_sym(const struct fdx_symbol *a, uint32_t addr, const char *name)
{
    if (a->addr != addr) return a->addr < addr ? -1 : 1;
    /* the program's own names before the tools' (__STACKSIZE__ ...), which
     * may have any value */
    bool ta = a->name[0] == '_' && a->name[1] == '_', tb = name[0] == '_' && name[1] == '_';
    if (ta != tb) return ta ? 1 : -1;
    return strcmp(a->name, name);
}

int fdx_symbols_add(struct fdx_symbols *s, const char *name, uint32_t addr)
{
    for (size_t i = 0; i < s->n; i++)   /* a name is unique: redefining moves it */
        if (!strcmp(s->v[i].name, name)) {
            free(s->v[i].name);
            memmove(&s->v[i], &s->v[i + 1], (s->n - i - 1) * sizeof s->v[0]);
            s->n--;
            break;
        }
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 64;
        struct fdx_symbol *v = realloc(s->v, cap * sizeof *v);
        if (!v) return -1;
        s->v = v;
        s->cap = cap;
    }
    char *copy = malloc(strlen(name) + 1);
    if (!copy) return -1;
    strcpy(copy, name);
    size_t pos = s->n;
    while (pos > 0 && cmp_sym(&s->v[pos - 1], addr, name) > 0) pos--;
    memmove(&s->v[pos + 1], &s->v[pos], (s->n - pos) * sizeof s->v[0]);
    s->v[pos] = (struct fdx_symbol){.name = copy, .addr = addr};
    s->n++;
    return 0;
}

int fdx_symbols_find(const struct fdx_symbols *s, const char *name, uint32_t *addr)
{
    for (size_t i = 0; i < s->n; i++)
        if (!strcmp(s->v[i].name, name)) {
            *addr = s->v[i].addr;
            return 0;
        }
    for (size_t i = 0; i < s->n; i++)
        if (!strcasecmp(s->v[i].name, name)) {
            *addr = s->v[i].addr;
            return 0;
        }
    return -1;
}

/* Index of the last symbol with address <= addr, or -1. */
static long last_at_or_below(const struct fdx_symbols *s, uint32_t addr)
{
    size_t lo = 0, hi = s->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (s->v[mid].addr <= addr) lo = mid + 1;
        else hi = mid;
    }
    return (long)lo - 1;
}

const char *fdx_symbols_at(const struct fdx_symbols *s, uint32_t addr)
{
    long i = last_at_or_below(s, addr);
    if (i < 0 || s->v[i].addr != addr) return NULL;
    /* several names for one address: the first in sort order */
    while (i > 0 && s->v[i - 1].addr == addr) i--;
    return s->v[i].name;
}

const char *fdx_symbols_near(const struct fdx_symbols *s, uint32_t addr, uint32_t max_offset, uint32_t *offset)
{
    long i = last_at_or_below(s, addr);
    if (i < 0 || addr - s->v[i].addr > max_offset) return NULL;
    while (i > 0 && s->v[i - 1].addr == s->v[i].addr) i--;
    if (offset) *offset = addr - s->v[i].addr;
    return s->v[i].name;
}

/* ---- parsing ---------------------------------------------------------- */

static bool ident_char(int c, bool first)
{
    return isalpha(c) || c == '_' || c == '.' || c == '@' || (!first && (isdigit(c) || c == '$' || c == '?'));
}

/* Parses an address: $hex, 0xhex, hex with trailing h, %binary, decimal;
 * bare hex (ld65, NASM maps) when bare_hex. */
static bool parse_value(const char *p, const char *end, bool bare_hex, uint32_t *out)
{
    unsigned base = 10;
    if (p < end && *p == '$') base = 16, p++;
    else if (end - p > 2 && p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) base = 16, p += 2;
    else if (p < end && *p == '%') base = 2, p++;
    else if (end - p > 1 && (end[-1] == 'h' || end[-1] == 'H')) base = 16, end--;
    else if (bare_hex) base = 16;
    if (p >= end) return false;
    uint64_t v = 0;
    for (; p < end; p++) {
        int c = tolower((unsigned char)*p), d;
        if (c >= '0' && c <= '9') d = c - '0';
        else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
        else return false;
        if ((unsigned)d >= base) return false;
        v = v * base + (unsigned)d;
        if (v > 0xFFFFFFFFu) return false;
    }
    *out = (uint32_t)v;
    return true;
}

/* Splits a line into at most 4 whitespace-separated words. */
static int words(const char *line, const char *end, const char *w[4], const char *we[4])
{
    int n = 0;
    const char *p = line;
    while (p < end) {
        while (p < end && isspace((unsigned char)*p)) p++;
        if (p >= end) break;
        if (n == 4) return 5;
        w[n] = p;
        while (p < end && !isspace((unsigned char)*p)) p++;
        we[n++] = p;
    }
    return n;
}

static bool valid_name(const char *p, const char *end)
{
    if (p >= end || !ident_char((unsigned char)*p, true)) return false;
    for (p++; p < end; p++)
        if (!ident_char((unsigned char)*p, false)) return false;
    return true;
}

int fdx_symbols_parse(struct fdx_symbols *s, const char *text, size_t size, const char *name, struct fdx_err *err)
{
    struct fdx_symbols tmp;     /* all or nothing */
    fdx_symbols_init(&tmp);
    const char *end = text + size;
    if (memchr(text, 0, size)) {
        fdx_symbols_free(&tmp);
        return fdx_err_set(err, "%s: binary data, not a symbol file", name);
    }
    /* the text is not NUL-terminated: a bounded search */
    static const char tag[] = "- NASM Map file";
    bool nasm = false;
    for (size_t i = 0; !nasm && i + sizeof tag - 1 <= size; i++) nasm = !memcmp(text + i, tag, sizeof tag - 1);
    bool in_symbols = false;
    unsigned lineno = 0;
    for (const char *line = text; line < end;) {
        const char *eol = memchr(line, '\n', (size_t)(end - line));
        if (!eol) eol = end;
        const char *next = eol < end ? eol + 1 : end;
        lineno++;
        const char *le = eol;
        if (le > line && le[-1] == '\r') le--;
        const char *w[4], *we[4];
        char nm[128];
        uint32_t addr;
        if (nasm) {
            /* only the "-- Symbols" part: "Real Virtual Name" rows */
            if (le - line >= 2 && line[0] == '-' && line[1] == '-')
                in_symbols = (le - line >= 10 && !strncmp(line, "-- Symbols", 10)) ||
                             (in_symbols && le - line >= 4 && !strncmp(line, "----", 4));
            else if (in_symbols && words(line, le, w, we) == 3 && parse_value(w[0], we[0], true, &addr) &&
                     parse_value(w[1], we[1], true, &addr) && (size_t)(we[2] - w[2]) < sizeof nm) {
                memcpy(nm, w[2], (size_t)(we[2] - w[2]));
                nm[we[2] - w[2]] = 0;
                if (fdx_symbols_add(&tmp, nm, addr)) goto oom;
            }
            line = next;
            continue;
        }
        /* strip comments */
        const char *c = line;
        while (c < le && *c != '#' && *c != ';') c++;
        le = c;
        int n = words(line, le, w, we);
        bool ok = false;
        if (n == 0) ok = true;
        else if (n == 3 && we[0] - w[0] == 2 && !strncmp(w[0], "al", 2)) {
            /* ld65 / VICE: al 00C000 .label */
            const char *np = w[2], *ne = we[2];
            if (np < ne && *np == '.') np++;
            if (parse_value(w[1], we[1], true, &addr) && valid_name(np, ne) && (size_t)(ne - np) < sizeof nm) {
                memcpy(nm, np, (size_t)(ne - np));
                nm[ne - np] = 0;
                ok = true;
            }
        } else {
            /* NAME = ADDR, NAME := ADDR, NAME EQU ADDR, also without spaces: NAME=ADDR */
            const char *eq = line;
            while (eq < le && *eq != '=') eq++;
            const char *ns = line, *ne, *vs, *ve = le;
            while (ns < le && isspace((unsigned char)*ns)) ns++;
            if (eq < le) {
                ne = eq;
                if (ne > ns && ne[-1] == ':') ne--;
                vs = eq + 1;
            } else if (n == 3 && we[1] - w[1] == 3 && !strncasecmp(w[1], "equ", 3)) {
                ne = we[0];
                vs = w[2];
            } else {
                ne = vs = ns;
            }
            while (ne > ns && isspace((unsigned char)ne[-1])) ne--;
            while (vs < ve && isspace((unsigned char)*vs)) vs++;
            while (ve > vs && isspace((unsigned char)ve[-1])) ve--;
            if (ne > ns && valid_name(ns, ne) && (size_t)(ne - ns) < sizeof nm && parse_value(vs, ve, false, &addr)) {
                memcpy(nm, ns, (size_t)(ne - ns));
                nm[ne - ns] = 0;
                ok = true;
                n = -1;     /* name filled in */
            }
        }
        if (!ok) {
            int len = (int)(le - line);
            fdx_symbols_free(&tmp);
            return fdx_err_set(err, "%s:%u: not a symbol line: '%.*s' (want NAME = ADDR, ld65 'al ADDR .NAME' or a NASM map)",
                               name, lineno, len > 40 ? 40 : len, line);
        }
        if (n != 0 && fdx_symbols_add(&tmp, nm, addr)) goto oom;
        line = next;
    }
    int count = (int)tmp.n;
    for (size_t i = 0; i < tmp.n; i++)
        if (fdx_symbols_add(s, tmp.v[i].name, tmp.v[i].addr)) goto oom;
    fdx_symbols_free(&tmp);
    return count;
oom:
    fdx_symbols_free(&tmp);
    return fdx_err_set(err, "out of memory");
}

int fdx_symbols_load(struct fdx_symbols *s, const char *path, struct fdx_err *err)
{
    uint8_t *data;
    size_t size;
    if (fdx_file_read(path, 64u << 20, &data, &size, err)) return -1;
    int r = fdx_symbols_parse(s, (const char *)data, size, path, err);
    free(data);
    return r;
}
