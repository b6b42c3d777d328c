/* Debugger expressions: a recursive-descent evaluator over the CPU's
 * register descriptors, peeked memory and the symbol table. */
#include "fdx/expr.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

struct parser {
    const struct fdx_expr_env *env;
    const char *s;      /* whole text, for messages */
    const char *p;
    struct fdx_err *err;
    int failed;
    int depth;
};

static int64_t expr(struct parser *ps);

static int64_t fail(struct parser *ps, const char *fmt, const char *arg, int len)
{
    if (!ps->failed) {
        char what[64];
        snprintf(what, sizeof what, "%.*s", len, arg);
        char msg[160];
        snprintf(msg, sizeof msg, fmt, what);
        fdx_err_set(ps->err, "%s (in '%s')", msg, ps->s);
    }
    ps->failed = 1;
    return 0;
}

static void skip(struct parser *ps)
{
    while (isspace((unsigned char)*ps->p)) ps->p++;
}

static bool accept(struct parser *ps, const char *op)
{
    skip(ps);
    size_t n = strlen(op);
    if (strncmp(ps->p, op, n) != 0) return false;
    /* do not take "<" out of "<<" or "<=", "&" out of "&&", "=" out of "==" ... */
    if (n == 1 && (op[0] == '<' || op[0] == '>') && (ps->p[1] == op[0] || ps->p[1] == '=')) return false;
    if (n == 1 && (op[0] == '&' || op[0] == '|') && ps->p[1] == op[0]) return false;
    if (n == 1 && (op[0] == '=' || op[0] == '!') && ps->p[1] == '=') return false;
    ps->p += n;
    return true;
}

static int digit(int c)
{
    c = tolower(c);
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return 99;
}

static int64_t number(struct parser *ps, unsigned base)
{
    const char *start = ps->p;
    uint64_t v = 0;
    int n = 0;
    while (isalnum((unsigned char)*ps->p)) {
        int d = digit((unsigned char)*ps->p);
        if (d >= (int)base) {
            const char *e = ps->p;
            while (isalnum((unsigned char)*e)) e++;
            return fail(ps, "bad number '%s'", start, (int)(e - start));
        }
        v = v * base + (unsigned)d;
        if (v > 0xFFFFFFFFFFFFull) return fail(ps, "number too large '%s'", start, 20);
        ps->p++;
        n++;
    }
    if (!n) return fail(ps, "a number is missing digits at '%s'", start, 10);
    return (int64_t)v;
}

/* Hex digits from ps->p up to end (the "1234h" form). */
static int64_t number_until(struct parser *ps, const char *end)
{
    uint64_t v = 0;
    for (const char *q = ps->p; q < end; q++) {
        v = v * 16 + (unsigned)digit((unsigned char)*q);
        if (v > 0xFFFFFFFFFFFFull) return fail(ps, "number too large '%s'", ps->p, (int)(end - ps->p));
    }
    return (int64_t)v;
}

static bool name_char(int c, bool first)
{
    return isalpha(c) || c == '_' || c == '.' || c == '@' || (!first && (isdigit(c) || c == '\''));
}

static int64_t memory(struct parser *ps, unsigned size)
{
    int64_t a = expr(ps);
    skip(ps);
    if (*ps->p != ']') return fail(ps, "missing ']'%s", "", 0);
    ps->p++;
    const struct fdx_cpu *cpu = ps->env->cpu;
    if (!cpu || !cpu->bus) return fail(ps, "no memory to read%s", "", 0);
    if (a < 0 || (uint64_t)a > fdx_expr_space(cpu)) {
        char t[32];
        snprintf(t, sizeof t, "$%llx", (unsigned long long)a);
        return fail(ps, "address %s is outside the address space", t, (int)strlen(t));
    }
    return fdx_bus_peek(cpu->bus, (uint32_t)a, size);
}

/* A register, a flag or a symbol. */
static int64_t name(struct parser *ps)
{
    const char *start = ps->p;
    while (name_char((unsigned char)*ps->p, ps->p == start)) ps->p++;
    int len = (int)(ps->p - start);
    char nm[64];
    if (len >= (int)sizeof nm) return fail(ps, "name too long '%s'", start, 20);
    memcpy(nm, start, (size_t)len);
    nm[len] = 0;
    const struct fdx_cpu *cpu = ps->env->cpu;
    if (cpu) {
        int r = fdx_cpu_reg_index(cpu, nm);
        if (r >= 0) return (int64_t)cpu->ops->get_reg(cpu, (unsigned)r);
        /* flags: a letter of a flags register's layout; repeated letters form a field */
        if (len == 1 && nm[0] != '-') {
            for (unsigned i = 0; i < cpu->ops->nregs; i++) {
                const struct fdx_reg_desc *d = &cpu->ops->regs[i];
                if (d->kind != FDX_REG_FLAGS || !d->flags) continue;
                size_t nb = strlen(d->flags);
                int64_t v = (int64_t)cpu->ops->get_reg(cpu, i), field = 0;
                bool found = false;
                for (size_t b = 0; b < nb; b++)
                    if (toupper((unsigned char)d->flags[b]) == toupper((unsigned char)nm[0])) {
                        field = (field << 1) | ((v >> (nb - 1 - b)) & 1);
                        found = true;
                    }
                if (found) return field;
            }
        }
    }
    uint32_t addr;
    if (ps->env->syms && fdx_symbols_find(ps->env->syms, nm, &addr) == 0) return addr;
    return fail(ps, "unknown register or symbol '%s'", start, len);
}

static int64_t primary(struct parser *ps)
{
    skip(ps);
    const char *p = ps->p;
    if (*p == '(') {
        ps->p++;
        int64_t v = expr(ps);
        skip(ps);
        if (*ps->p != ')') return fail(ps, "missing ')'%s", "", 0);
        ps->p++;
        return v;
    }
    if (*p == '[') {
        ps->p++;
        return memory(ps, 1);
    }
    if ((*p == 'w' || *p == 'W' || *p == 'l' || *p == 'L' || *p == 'b' || *p == 'B') && p[1] == '[') {
        ps->p += 2;
        return memory(ps, (*p == 'w' || *p == 'W') ? 2 : (*p == 'l' || *p == 'L') ? 4 : 1);
    }
    if (*p == '$') {
        ps->p++;
        return number(ps, 16);
    }
    if (*p == '%') {
        ps->p++;
        return number(ps, 2);
    }
    if (*p == '\'' && p[1] && p[2] == '\'') {
        ps->p += 3;
        return (unsigned char)p[1];
    }
    if (isdigit((unsigned char)*p)) {
        if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
            ps->p += 2;
            return number(ps, 16);
        }
        if (p[0] == '0' && (p[1] == 'b' || p[1] == 'B') && (p[2] == '0' || p[2] == '1')) {
            ps->p += 2;
            return number(ps, 2);
        }
        /* 1234h: hex with a trailing h */
        const char *e = p;
        while (isxdigit((unsigned char)*e)) e++;
        if ((*e == 'h' || *e == 'H') && !name_char((unsigned char)e[1], false)) {
            int64_t v = number_until(ps, e);
            ps->p = e + 1;
            return v;
        }
        return number(ps, 10);
    }
    if (name_char((unsigned char)*p, true)) return name(ps);
    if (!*p) return fail(ps, "expression ends too early%s", "", 0);
    return fail(ps, "unexpected '%s'", p, 1);
}

static int64_t unary(struct parser *ps)
{
    if (++ps->depth > 100) return fail(ps, "expression nested too deeply%s", "", 0);
    int64_t v;
    if (accept(ps, "-")) v = -unary(ps);
    else if (accept(ps, "+")) v = unary(ps);
    else if (accept(ps, "~")) v = ~unary(ps);
    else if (accept(ps, "!")) v = !unary(ps);
    else v = primary(ps);
    ps->depth--;
    return v;
}

static int64_t mul(struct parser *ps)
{
    int64_t v = unary(ps);
    for (;;) {
        if (accept(ps, "*")) v = (int64_t)((uint64_t)v * (uint64_t)unary(ps));
        else if (accept(ps, "/") || accept(ps, "%")) {
            bool div = ps->p[-1] == '/';
            int64_t r = unary(ps);
            if (ps->failed) return 0;
            if (r == 0) return fail(ps, "division by zero%s", "", 0);
            if (r == -1) v = div ? (int64_t)(0 - (uint64_t)v) : 0;  /* no INT64_MIN / -1 trap */
            else v = div ? v / r : v % r;
        } else return v;
    }
}

static int64_t add(struct parser *ps)
{
    int64_t v = mul(ps);
    for (;;) {
        if (accept(ps, "+")) v = (int64_t)((uint64_t)v + (uint64_t)mul(ps));
        else if (accept(ps, "-")) v = (int64_t)((uint64_t)v - (uint64_t)mul(ps));
        else return v;
    }
}

static int64_t shift(struct parser *ps)
{
    int64_t v = add(ps);
    for (;;) {
        if (accept(ps, "<<")) {
            int64_t n = add(ps);
            v = n < 0 || n > 63 ? 0 : (int64_t)((uint64_t)v << n);
        } else if (accept(ps, ">>")) {
            int64_t n = add(ps);
            v = n < 0 || n > 63 ? 0 : (int64_t)((uint64_t)v >> n);
        } else return v;
    }
}

static int64_t rel(struct parser *ps)
{
    int64_t v = shift(ps);
    for (;;) {
        if (accept(ps, "<=")) v = v <= shift(ps);
        else if (accept(ps, ">=")) v = v >= shift(ps);
        else if (accept(ps, "<")) v = v < shift(ps);
        else if (accept(ps, ">")) v = v > shift(ps);
        else return v;
    }
}

static int64_t eq(struct parser *ps)
{
    int64_t v = rel(ps);
    for (;;) {
        if (accept(ps, "==") || accept(ps, "=")) v = v == rel(ps);
        else if (accept(ps, "!=")) v = v != rel(ps);
        else return v;
    }
}

static int64_t band(struct parser *ps)
{
    int64_t v = eq(ps);
    while (accept(ps, "&")) v &= eq(ps);
    return v;
}

static int64_t bxor(struct parser *ps)
{
    int64_t v = band(ps);
    while (accept(ps, "^")) v ^= band(ps);
    return v;
}

static int64_t bor(struct parser *ps)
{
    int64_t v = bxor(ps);
    while (accept(ps, "|")) v |= bxor(ps);
    return v;
}

static int64_t land(struct parser *ps)
{
    int64_t v = bor(ps);
    while (accept(ps, "&&")) {
        int64_t r = bor(ps);    /* no short-circuit: evaluation has no side effects */
        v = v && r;
    }
    return v;
}

static int64_t lor(struct parser *ps)
{
    int64_t v = land(ps);
    while (accept(ps, "||")) {
        int64_t r = land(ps);
        v = v || r;
    }
    return v;
}

static bool has_segments(const struct fdx_cpu *cpu)
{
    if (!cpu) return false;
    for (unsigned i = 0; i < cpu->ops->nregs; i++)
        if (cpu->ops->regs[i].kind == FDX_REG_SEGMENT) return true;
    return false;
}

static int64_t expr(struct parser *ps)
{
    int64_t v = lor(ps);
    skip(ps);
    if (*ps->p == ':' && has_segments(ps->env->cpu)) {
        ps->p++;
        int64_t off = lor(ps);
        v = (int64_t)(((uint64_t)v << 4) + (uint64_t)off);
    }
    return v;
}

int fdx_expr_eval(const struct fdx_expr_env *env, const char *text, int64_t *out, struct fdx_err *err)
{
    struct parser ps = {.env = env, .s = text, .p = text, .err = err};
    skip(&ps);
    if (!*ps.p) return fdx_err_set(err, "an expression is missing");
    int64_t v = expr(&ps);
    skip(&ps);
    if (!ps.failed && *ps.p) fail(&ps, "unexpected '%s'", ps.p, 1);
    if (ps.failed) return -1;
    *out = v;
    return 0;
}

uint32_t fdx_expr_space(const struct fdx_cpu *cpu)
{
    if (!cpu) return 0xFFFFFFFFu;
    /* what the CPU can address: a 6507 has 16-bit addresses on a 13-bit bus */
    uint32_t mask = cpu->bus ? cpu->bus->addr_mask : 0xFFFFFFFFu;
    unsigned d = cpu->ops ? cpu->ops->addr_digits : 0;
    uint32_t cpu_mask = d >= 8 ? 0xFFFFFFFFu : d ? (1u << (4 * d)) - 1 : 0;
    return cpu_mask > mask ? cpu_mask : mask;
}

int fdx_expr_address(const struct fdx_expr_env *env, const char *text, uint32_t *out, struct fdx_err *err)
{
    int64_t v;
    if (fdx_expr_eval(env, text, &v, err)) return -1;
    uint32_t mask = fdx_expr_space(env->cpu);
    if (v < 0 || (uint64_t)v > mask)
        return fdx_err_set(err, "address $%llx is outside the address space ($0-$%x)", (unsigned long long)v, mask);
    *out = (uint32_t)v;
    return 0;
}
