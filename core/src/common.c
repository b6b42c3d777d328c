/* Error text and number parsing shared by the library and its frontends. */
#include "fdx/common.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

int fdx_err_set(struct fdx_err *err, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
    }
    return -1;
}

static int digit_value(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    c = tolower(c);
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

/* Parses digits in base over [s, end); rejects empty input and overflow. */
static int parse_digits(const char *s, const char *end, unsigned base, uint64_t limit, uint64_t *out)
{
    if (s >= end) return -1;
    uint64_t v = 0;
    for (; s < end; s++) {
        if (*s == '_') continue;
        int d = digit_value((unsigned char)*s);
        if (d < 0 || (unsigned)d >= base) return -1;
        if (v > (limit - (uint64_t)d) / base) return -1;
        v = v * base + (uint64_t)d;
    }
    *out = v;
    return 0;
}

static int parse_number(const char *s, const char *end, uint64_t limit, uint64_t *out)
{
    size_t n = (size_t)(end - s);
    if (n >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
        return parse_digits(s + 2, end, 16, limit, out);
    if (n >= 1 && s[0] == '$')
        return parse_digits(s + 1, end, 16, limit, out);
    if (n >= 2 && (end[-1] == 'h' || end[-1] == 'H'))
        return parse_digits(s, end - 1, 16, limit, out);
    return parse_digits(s, end, 10, limit, out);
}

int fdx_parse_u64(const char *text, uint64_t *out)
{
    if (!text) return -1;
    return parse_number(text, text + strlen(text), UINT64_MAX, out);
}

int fdx_parse_address(const char *text, bool seg_ok, uint32_t *out)
{
    if (!text || !*text) return -1;
    const char *end = text + strlen(text);
    const char *colon = strchr(text, ':');
    uint64_t v;
    if (colon) {
        uint64_t seg, off;
        if (!seg_ok) return -1;
        /* SEG:OFF is hex, with or without 0x / h decorations */
        const char *s = text, *e = colon;
        if (e - s > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) s += 2;
        else if (e - s > 1 && s[0] == '$') s++;
        if (e - s > 1 && (e[-1] == 'h' || e[-1] == 'H')) e--;
        if (parse_digits(s, e, 16, 0xFFFF, &seg)) return -1;
        s = colon + 1;
        e = end;
        if (e - s > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) s += 2;
        else if (e - s > 1 && s[0] == '$') s++;
        if (e - s > 1 && (e[-1] == 'h' || e[-1] == 'H')) e--;
        if (parse_digits(s, e, 16, 0xFFFF, &off)) return -1;
        *out = (uint32_t)(seg * 16 + off);
        return 0;
    }
    if (parse_number(text, end, UINT32_MAX, &v)) return -1;
    *out = (uint32_t)v;
    return 0;
}

bool fdx_list_contains(const char *list, const char *name)
{
    size_t len = strlen(name);
    while (list && *list) {
        const char *bar = strchr(list, '|');
        size_t n = bar ? (size_t)(bar - list) : strlen(list);
        if (n == len && strncasecmp(list, name, n) == 0) return true;
        list = bar ? bar + 1 : NULL;
    }
    return false;
}
