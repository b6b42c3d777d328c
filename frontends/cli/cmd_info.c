/* fdx info: what a file is. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "fdx/fdx.h"

static void info_one(const char *path, int *status)
{
    uint8_t *data;
    size_t size;
    struct fdx_err err;
    if (fdx_file_read(path, FDX_MEDIA_MAX_SIZE, &data, &size, &err)) {
        cli_error("%s", err.msg);
        *status = 1;
        return;
    }
    char sha[41];
    fdx_sha1_hex(data, size, sha);
    printf("%s\n  size   %zu bytes\n  crc32  %08x\n  sha1   %s\n", path, size, (unsigned)fdx_crc32(0, data, size), sha);
    bool matched = false;
    for (const struct fdx_machine_desc *const *mp = fdx_machines(); *mp; mp++)
        for (const struct fdx_rom_desc *r = (*mp)->roms; r && r->slot; r++)
            if (fdx_rom_matches(r, data, size)) {
                printf("  rom    %s: %s (slot %s)\n", (*mp)->name, r->name, r->slot);
                matched = true;
            }
    if (!matched) printf("  rom    not in the firmware catalogue\n");

    /* every machine that recognises the file, most confident first */
    struct guess {
        int score;
        const char *machine;
        char what[200];
    } g[64];
    unsigned n = 0;
    for (const struct fdx_machine_desc *const *mp = fdx_machines(); *mp && n < 64; mp++) {
        if (!(*mp)->probe) continue;
        g[n].what[0] = 0;
        g[n].score = (*mp)->probe(data, size, path, g[n].what, sizeof g[n].what);
        g[n].machine = (*mp)->name;
        if (g[n].score > 0) n++;
    }
    for (unsigned i = 1; i < n; i++)
        for (unsigned j = i; j > 0 && g[j].score > g[j - 1].score; j--) {
            struct guess t = g[j];
            g[j] = g[j - 1];
            g[j - 1] = t;
        }
    if (!n) printf("  machine  unknown\n");
    for (unsigned i = 0; i < n; i++)
        printf("  machine  %-10s %3d%%  %s\n", g[i].machine, g[i].score, g[i].what);
    free(data);
}

int cmd_info(int argc, char **argv)
{
    if (argc < 2) {
        cli_error("info: which file? (fdx info FILE...)");
        return 2;
    }
    int status = 0;
    for (int i = 1; i < argc; i++) info_one(argv[i], &status);
    return status;
}
