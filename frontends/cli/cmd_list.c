/* fdx list: the machines, their options and the firmware each needs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "fdx/fdx.h"

static const char *type_name(enum fdx_option_type t)
{
    switch (t) {
    case FDX_OPT_BOOL: return "on|off";
    case FDX_OPT_INT: return "N";
    case FDX_OPT_ADDRESS: return "ADDR";
    case FDX_OPT_STRING: return "TEXT";
    case FDX_OPT_CHOICE: return NULL;
    }
    return "?";
}

int cmd_list(int argc, char **argv)
{
    const char *rom_path = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--rom-path") && i + 1 < argc) rom_path = argv[++i];
        else {
            cli_error("list: unknown argument '%s'", argv[i]);
            return 2;
        }
    }
    struct fdx_rom_path rp;
    fdx_rom_path_init(&rp, rom_path);
    const struct fdx_machine_desc *const *all = fdx_machines();
    if (!*all) printf("No machines are built in yet.\n");
    for (const struct fdx_machine_desc *const *mp = all; *mp; mp++) {
        const struct fdx_machine_desc *d = *mp;
        printf("%-12s %s\n", d->name, d->title);
        printf("             CPU %s", d->cpu_model);
        if (d->master_hz && d->cpu_divider)
            printf(" at %llu Hz", (unsigned long long)(d->master_hz / d->cpu_divider));
        printf("\n");
        if (d->args_help) printf("             arguments: %s\n", d->args_help);
        for (const struct fdx_media_slot_desc *s = d->slots; s && s->name; s++)
            printf("             media %-8s %s (%s)\n", s->name, s->help ? s->help : "", s->extensions);
        for (const struct fdx_option_desc *o = d->options; o && o->name; o++) {
            const char *t = type_name(o->type);
            printf("             --%s %s%s  %s", o->name, t ? t : o->choices, o->repeatable ? " (repeatable)" : "",
                   o->help ? o->help : "");
            if (o->def) printf(" [default %s]", o->def);
            printf("\n");
        }
        bool any = false;
        for (const struct fdx_rom_desc *r = d->roms; r && r->slot; r++) {
            uint8_t *data = NULL;
            size_t size;
            char found[1100];
            int ok = fdx_rom_find(&rp, r, &data, &size, found, sizeof found) == 0;
            free(data);
            printf("             firmware %-8s %s, %s, %u bytes, CRC32 %08x: %s%s\n", r->slot, r->name,
                   r->filename ? r->filename : "", (unsigned)r->size, (unsigned)r->crc32,
                   ok ? "found at " : (r->required ? "MISSING" : "not found (optional)"), ok ? found : "");
            any = true;
        }
        if (!any) printf("             firmware: none needed\n");
    }
    printf("\nFirmware search path:\n");
    for (unsigned i = 0; i < rp.count; i++) printf("  %s\n", rp.dirs[i]);
    return 0;
}
