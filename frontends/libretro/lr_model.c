/* Machine selection and option naming from machine descriptions. */
#include "lr_model.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* Test benches without media slots (bare CPUs fed by options) stay out. */
bool lr_machine_usable(const struct fdx_machine_desc *d)
{
    return d && !d->program_args && d->slots && d->slots[0].name;
}

const struct fdx_machine_desc *lr_machine_by_name(const char *name)
{
    for (const struct fdx_machine_desc *const *p = lr_machine_list(); *p; p++)
        if (lr_machine_usable(*p) && !strcmp((*p)->name, name)) return *p;
    return NULL;
}

void lr_extension(const char *path, char *out, size_t size)
{
    out[0] = 0;
    if (!path || !size) return;
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    const char *dot = strrchr(base, '.');
    if (!dot || dot == base) return;
    size_t i = 0;
    for (dot++; *dot && i + 1 < size; dot++) out[i++] = (char)tolower((unsigned char)*dot);
    out[i] = 0;
}

bool lr_ext_in_list(const char *list, const char *ext)
{
    if (!list || !ext || !*ext) return false;
    size_t n = strlen(ext);
    const char *p = list;
    while (*p) {
        const char *end = p;
        while (*end && *end != ',' && *end != '|') end++;
        if ((size_t)(end - p) == n) {
            size_t i = 0;
            while (i < n && tolower((unsigned char)p[i]) == (unsigned char)ext[i]) i++;
            if (i == n) return true;
        }
        p = *end ? end + 1 : end;
    }
    return false;
}

const struct fdx_media_slot_desc *lr_slot_for_ext(const struct fdx_machine_desc *d, const char *ext)
{
    for (const struct fdx_media_slot_desc *s = d->slots; s && s->name; s++)
        if (lr_ext_in_list(s->extensions, ext)) return s;
    return NULL;
}

bool lr_slot_is_disk(const struct fdx_media_slot_desc *s)
{
    return s && (!strncmp(s->name, "disk", 4) || !strncmp(s->name, "drive", 5) || !strncmp(s->name, "floppy", 6));
}

const struct fdx_media_slot_desc *lr_disk_slot(const struct fdx_machine_desc *d, const char *ext, unsigned n)
{
    for (const struct fdx_media_slot_desc *s = d->slots; s && s->name; s++)
        if (lr_slot_is_disk(s) && (!ext || lr_ext_in_list(s->extensions, ext)) && n-- == 0) return s;
    return NULL;
}

const struct fdx_machine_desc *lr_guess_machine(const char *path, const uint8_t *data, size_t size)
{
    char ext[16];
    lr_extension(path, ext, sizeof ext);
    const struct fdx_machine_desc *best = NULL;
    int best_score = -1;
    for (const struct fdx_machine_desc *const *p = lr_machine_list(); *p; p++) {
        if (!lr_machine_usable(*p) || !lr_slot_for_ext(*p, ext)) continue;
        int score = 0;
        if (data && (*p)->probe) {
            char what[128];
            score = (*p)->probe(data, size, path, what, sizeof what);
        }
        if (score > best_score) {
            best = *p;
            best_score = score;
        }
    }
    return best;
}

bool lr_option_exposed(const struct fdx_option_desc *o)
{
    return !o->repeatable && (o->type == FDX_OPT_BOOL || (o->type == FDX_OPT_CHOICE && o->choices));
}

void lr_option_key(const struct fdx_machine_desc *d, const struct fdx_option_desc *o, char *out, size_t size)
{
    size_t n = 0;
    const char *parts[3] = {"fdx_", d->name, o->name};
    for (int i = 0; i < 3; i++) {
        for (const char *c = parts[i]; *c && n + 1 < size; c++) {
            char ch = (char)tolower((unsigned char)*c);
            out[n++] = isalnum((unsigned char)ch) ? ch : '_';
        }
        if (i == 1 && n + 1 < size) out[n++] = '_';
    }
    out[n] = 0;
}
