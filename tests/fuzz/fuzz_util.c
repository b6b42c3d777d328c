/* Work files of the fuzz targets. */
#define _XOPEN_SOURCE 700 /* nftw */
#include "fuzz.h"
#include "rel.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <ftw.h>
#include <sys/stat.h>
#include <unistd.h>

/* One directory per process; a fuzzer process runs many inputs. CI's runs
 * name it (FDX_FUZZ_WORKDIR): file names reach the code under test, and a
 * random one would make two runs from the same seed try different inputs. */
static char workdir[4096];      /* fuzz harness only: the library has no globals */

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st, (void)flag, (void)ftw;
    remove(path);
    return 0;
}

/* A made directory goes at exit with what the targets (and DOS guests)
 * wrote in it: long runs start thousands of fuzzer processes. */
static void remove_workdir(void)
{
    nftw(workdir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

const char *fuzz_workdir(void)
{
    const char *fixed = getenv("FDX_FUZZ_WORKDIR");
    if (!workdir[0] && fixed && *fixed) {
        snprintf(workdir, sizeof workdir, "%s", fixed);
        if (mkdir(workdir, 0700) && errno != EEXIST) {
            perror(workdir);
            abort();
        }
    }
    if (!workdir[0]) {
        const char *t = getenv("TMPDIR");
        snprintf(workdir, sizeof workdir, "%s/fdx-fuzz.XXXXXX", t && *t ? t : "/tmp");
        if (!mkdtemp(workdir)) {
            perror("fuzz: mkdtemp");
            abort();
        }
        atexit(remove_workdir);
    }
    return workdir;
}

const char *fuzz_write_file(const char *name, const uint8_t *data, size_t size)
{
    static char path[4200];
    snprintf(path, sizeof path, "%s/%s", fuzz_workdir(), name);
    FILE *f = fopen(path, "wb");
    if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f)) {
        perror(path);
        abort();
    }
    return path;
}

/* Copies of the configurations, so that they can be changed for fuzzing:
 * bare68k and bare86 run with 64 KiB of RAM instead of 1 MiB, dos with 128
 * KiB instead of 640 KiB, as every state input reloads and checks whole
 * states (1 MiB: 70 inputs/s). */
static struct rel_config fuzz_configs[32];

const struct rel_config *fuzz_config(const char *label)
{
    size_t i = 0;
    while (i < rel_nconfigs && strcmp(rel_configs[i].label, label)) i++;
    if (i == rel_nconfigs || i >= sizeof fuzz_configs / sizeof fuzz_configs[0]) {
        fprintf(stderr, "fuzz: no configuration %s\n", label);
        abort();
    }
    struct rel_config *c = &fuzz_configs[i];
    if (!c->label) {
        *c = rel_configs[i];
        const char *ram = !strcmp(c->machine, "bare68k") || !strcmp(c->machine, "bare86") ? "ram=0x10000"
                          : !strcmp(c->machine, "dos")                                      ? "ram=0x20000"
                                                                                            : NULL;
        if (ram) {
            size_t k = 0, nopts = sizeof c->opts / sizeof c->opts[0];
            while (k < nopts && c->opts[k] && strncmp(c->opts[k], "ram=", 4)) k++;
            if (k == nopts) abort();
            c->opts[k] = ram;
        }
    }
    return c;
}
