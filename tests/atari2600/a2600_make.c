/* Shared by the 2600 test tools: see a2600_make.h. */
#include "a2600_make.h"

#include <stdlib.h>
#include <string.h>

struct fdx_machine *a2600_make(const char *cart, char **opts, int nopts, struct fdx_err *err)
{
    struct fdx_options o;
    fdx_options_init(&o);
    fdx_options_add_arg(&o, cart);
    char keys[16][64]; /* the options keep pointers to these until the machine is made */
    if (nopts > 16) nopts = 16;
    for (int i = 0; i < nopts; i++) {
        const char *eq = strchr(opts[i], '=');
        size_t n = eq ? (size_t)(eq - opts[i]) : strlen(opts[i]);
        if (n >= sizeof keys[0]) n = sizeof keys[0] - 1;
        memcpy(keys[i], opts[i], n);
        keys[i][n] = 0;
        fdx_options_add(&o, keys[i], eq ? eq + 1 : "on");
    }
    return fdx_machine_create(fdx_machine_find("atari2600"), &o, NULL, err);
}

int a2600_levels_add(struct a2600_levels *l, uint8_t v, size_t count)
{
    if (l->n + count > l->cap) {
        size_t cap = l->cap ? l->cap : 1 << 16;
        while (cap < l->n + count) cap *= 2;
        uint8_t *p = realloc(l->v, cap);
        if (!p) return -1;
        l->v = p;
        l->cap = cap;
    }
    memset(l->v + l->n, v, count);
    l->n += count;
    return 0;
}

void a2600_native_audio(struct fdx_machine *m)
{
    fdx_audio_set_out_rate(&m->audio, m->audio.in_rate);
}

int a2600_take_levels(struct fdx_machine *m, struct a2600_levels *l)
{
    int16_t buf[2 * 4096];
    size_t got;
    while ((got = fdx_machine_audio(m, buf, 4096)) > 0)
        for (size_t i = 0; i < got; i++) /* the TIA's mix, as tia.c makes it */
            if (a2600_levels_add(l, (uint8_t)((buf[2 * i] + 16380) / 1092), 1)) return -1;
    return 0;
}
