/* Machine options: a small list of key/value strings checked against the
 * machine description, with typed getters that fall back on defaults. */
#include "fdx/machine.h"

#include <string.h>
#include <strings.h>

void fdx_options_init(struct fdx_options *o)
{
    memset(o, 0, sizeof *o);
}

int fdx_options_add(struct fdx_options *o, const char *key, const char *value)
{
    if (o->count >= FDX_MAX_OPTIONS) return -1;
    o->key[o->count] = key;
    o->value[o->count] = value;
    o->count++;
    return 0;
}

int fdx_options_add_arg(struct fdx_options *o, const char *arg)
{
    if (o->argc >= FDX_MAX_ARGS) return -1;
    o->argv[o->argc++] = arg;
    return 0;
}

const char *fdx_options_get(const struct fdx_options *o, const char *key, unsigned n)
{
    for (unsigned i = 0; i < o->count; i++)
        if (strcmp(o->key[i], key) == 0 && n-- == 0) return o->value[i];
    return NULL;
}

static const struct fdx_option_desc *find_desc(const struct fdx_machine_desc *d, const char *key)
{
    for (const struct fdx_option_desc *od = d->options; od && od->name; od++)
        if (strcmp(od->name, key) == 0) return od;
    return NULL;
}

static int parse_bool(const char *v, bool *out)
{
    if (!strcasecmp(v, "on") || !strcasecmp(v, "yes") || !strcasecmp(v, "true") || !strcmp(v, "1")) {
        *out = true;
        return 0;
    }
    if (!strcasecmp(v, "off") || !strcasecmp(v, "no") || !strcasecmp(v, "false") || !strcmp(v, "0")) {
        *out = false;
        return 0;
    }
    return -1;
}

/* Checks every given option against the description. */
int fdx_options_validate(const struct fdx_machine_desc *d, const struct fdx_options *o, struct fdx_err *err)
{
    for (unsigned i = 0; i < o->count; i++) {
        const struct fdx_option_desc *od = find_desc(d, o->key[i]);
        if (!od) return fdx_err_set(err, "%s has no option --%s (see fdx list)", d->name, o->key[i]);
        const char *v = o->value[i] ? o->value[i] : "";
        bool b;
        uint64_t u;
        uint32_t a;
        if (!od->repeatable && fdx_options_get(o, od->name, 1))
            return fdx_err_set(err, "option --%s given more than once", od->name);
        switch (od->type) {
        case FDX_OPT_BOOL:
            if (parse_bool(v, &b)) return fdx_err_set(err, "--%s wants on or off, not '%s'", od->name, v);
            break;
        case FDX_OPT_INT:
            if (fdx_parse_u64(v, &u)) return fdx_err_set(err, "--%s wants a number, not '%s'", od->name, v);
            break;
        case FDX_OPT_ADDRESS:
            if (fdx_parse_address(v, true, &a))
                return fdx_err_set(err, "--%s wants an address, not '%s'", od->name, v);
            break;
        case FDX_OPT_CHOICE:
            if (!fdx_list_contains(od->choices, v))
                return fdx_err_set(err, "--%s wants one of %s, not '%s'", od->name, od->choices, v);
            break;
        case FDX_OPT_STRING:
            break;
        }
    }
    return 0;
}

static const char *value_or_default(struct fdx_machine *m, const char *key)
{
    const char *v = fdx_options_get(&m->opts, key, 0);
    if (v) return v;
    const struct fdx_option_desc *od = find_desc(m->desc, key);
    return od ? od->def : NULL;
}

int fdx_machine_opt_bool(struct fdx_machine *m, const char *key, bool *out, struct fdx_err *err)
{
    const char *v = value_or_default(m, key);
    *out = false;
    if (!v) return 0;
    if (parse_bool(v, out)) return fdx_err_set(err, "--%s wants on or off, not '%s'", key, v);
    return 0;
}

int fdx_machine_opt_u64(struct fdx_machine *m, const char *key, uint64_t *out, struct fdx_err *err)
{
    const char *v = value_or_default(m, key);
    *out = 0;
    if (!v) return 0;
    if (fdx_parse_u64(v, out)) return fdx_err_set(err, "--%s wants a number, not '%s'", key, v);
    return 0;
}

int fdx_machine_opt_size(struct fdx_machine *m, const char *key, uint64_t min, uint64_t max, uint64_t unit,
                         uint32_t *out, struct fdx_err *err)
{
    uint64_t v;
    if (fdx_machine_opt_u64(m, key, &v, err)) return -1;
    bool fits = unit ? v % unit == 0 : (v & (v - 1)) == 0;
    if (v < min || v > max || v > UINT32_MAX || !fits) {
        if (unit)
            return fdx_err_set(err, "--%s must be a multiple of %llu from %llu to %llu bytes, not %llu", key,
                               (unsigned long long)unit, (unsigned long long)min, (unsigned long long)max,
                               (unsigned long long)v);
        return fdx_err_set(err, "--%s must be a power of two from %llu to %llu bytes, not %llu", key,
                           (unsigned long long)min, (unsigned long long)max, (unsigned long long)v);
    }
    *out = (uint32_t)v;
    return 0;
}

int fdx_machine_opt_address(struct fdx_machine *m, const char *key, bool *given, uint32_t *out,
                            struct fdx_err *err)
{
    const char *v = value_or_default(m, key);
    *given = v != NULL;
    *out = 0;
    if (!v) return 0;
    if (fdx_parse_address(v, true, out)) return fdx_err_set(err, "--%s wants an address, not '%s'", key, v);
    return 0;
}

const char *fdx_machine_opt_string(struct fdx_machine *m, const char *key, unsigned n)
{
    const char *v = fdx_options_get(&m->opts, key, n);
    if (v || n) return v;
    const struct fdx_option_desc *od = find_desc(m->desc, key);
    return od ? od->def : NULL;
}
