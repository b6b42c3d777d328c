#define _POSIX_C_SOURCE 200809L
/* The debugger's per-cycle view against SingleStepTests: for each test,
 * the state is set with the debugger's own `set` and `poke` commands, then
 * `cycle N` shows the instruction's bus accesses; they must be exactly the
 * test's [address, data, read/write] cycles. This checks the generic bus
 * tap end to end (every access, dummy ones included, in order) on the
 * CPUs whose tests give one bus access per cycle (6502, 65C02).
 *   test_debug_sst DIR MACHINE [TESTS_PER_FILE]
 * DIR: testdata/6502 or testdata/65c02; MACHINE: bare6502 or bare65c02. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>
#include <cjson/cJSON.h>

#include "fdx/debugger.h"
#include "fdx/fdx.h"

struct out {
    char lines[4096][160];
    unsigned n;
};

static void collect(void *ctx, const char *line)
{
    struct out *o = ctx;
    if (o->n < 4096) snprintf(o->lines[o->n++], sizeof o->lines[0], "%s", line);
}

/* The first n tests of a file as a JSON array: reads only as much of the
 * file as they need (test objects hold no braces inside strings). */
static char *read_tests(const char *path, unsigned n)
{
    gzFile f = gzopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, len = 0, scan = 0;
    char *buf = malloc(cap);
    int depth = 0;
    unsigned found = 0;
    while (buf && found < n) {
        if (cap - len < (1 << 15) + 2) {
            char *b = realloc(buf, cap *= 2);
            if (!b) free(buf);
            buf = b;
            if (!buf) break;
        }
        int got = gzread(f, buf + len, 1 << 15);
        if (got <= 0) break;
        len += (size_t)got;
        for (; scan < len && found < n; scan++) {
            if (buf[scan] == '{') depth++;
            else if (buf[scan] == '}' && --depth == 0) found++;
        }
    }
    gzclose(f);
    if (!buf) return NULL;
    /* cut after the last complete test and close the array */
    if (found) {
        buf[scan] = ']';
        buf[scan + 1] = 0;
    } else buf[len] = 0;
    return buf;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int exec(struct fdx_dbg *s, const char *fmt, unsigned v1, unsigned v2)
{
    char line[64];
    snprintf(line, sizeof line, fmt, v1, v2);
    return fdx_dbg_exec(s, line);
}

/* 1 pass, 0 fail (message printed), -1 skipped (the CPU halts: JAM) */
static int run_test(struct fdx_dbg *s, struct out *o, const cJSON *t)
{
    const cJSON *init = cJSON_GetObjectItem(t, "initial"), *cyc = cJSON_GetObjectItem(t, "cycles");
    const char *name = cJSON_GetStringValue(cJSON_GetObjectItem(t, "name"));
    static const char *const regs[][2] = {{"pc", "PC"}, {"s", "S"}, {"a", "A"}, {"x", "X"}, {"y", "Y"}, {"p", "P"}};
    o->n = 0;
    for (unsigned i = 0; i < 6; i++) {
        char fmt[16];
        snprintf(fmt, sizeof fmt, "set %s=%%u", regs[i][1]);
        if (exec(s, fmt, (unsigned)cJSON_GetNumberValue(cJSON_GetObjectItem(init, regs[i][0])), 0)) {
            printf("%s: set failed: %s\n", name, o->n ? o->lines[o->n - 1] : "");
            return 0;
        }
    }
    const cJSON *cell;
    cJSON_ArrayForEach(cell, cJSON_GetObjectItem(init, "ram"))
    {
        unsigned a = (unsigned)cJSON_GetNumberValue(cJSON_GetArrayItem(cell, 0));
        unsigned v = (unsigned)cJSON_GetNumberValue(cJSON_GetArrayItem(cell, 1));
        if (exec(s, "poke %u %u", a, v)) {
            printf("%s: poke failed\n", name);
            return 0;
        }
    }
    unsigned n = (unsigned)cJSON_GetArraySize(cyc);
    o->n = 0;
    exec(s, "cycle %u", n, 0);
    unsigned k = 0;
    for (unsigned i = 0; i < o->n; i++) {
        if (strstr(o->lines[i], "the CPU halted")) return -1;
        unsigned long long at, rel;
        char kind[8];
        unsigned addr, data;
        if (sscanf(o->lines[i], " cycle %llu (+%llu) %7s $%X = $%X", &at, &rel, kind, &addr, &data) != 5) continue;
        if (k >= n) {
            printf("%s: more accesses than the test's %u: %s\n", name, n, o->lines[i]);
            return 0;
        }
        const cJSON *c = cJSON_GetArrayItem(cyc, (int)k);
        unsigned wa = (unsigned)cJSON_GetNumberValue(cJSON_GetArrayItem(c, 0));
        unsigned wd = (unsigned)cJSON_GetNumberValue(cJSON_GetArrayItem(c, 1));
        const char *wk = cJSON_GetStringValue(cJSON_GetArrayItem(c, 2));
        if (addr != wa || data != wd || strcmp(kind, wk) || rel != k) {
            printf("%s: cycle %u: the debugger shows %s $%04X = $%02X at +%llu, the test has %s $%04X = $%02X\n", name,
                   k, kind, addr, data, rel, wk, wa, wd);
            return 0;
        }
        k++;
    }
    if (k != n) {
        printf("%s: the debugger showed %u accesses, the test has %u\n", name, k, n);
        for (unsigned i = 0; i < o->n; i++) printf("  | %s\n", o->lines[i]);
        return 0;
    }
    return 1;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: test_debug_sst DIR MACHINE [TESTS_PER_FILE]\n");
        return 2;
    }
    alarm(240);     /* a wrong CPU for the data may wait forever (WAI) */
    unsigned per_file = argc > 3 ? (unsigned)atoi(argv[3]) : 10;
    const struct fdx_machine_desc *d = fdx_machine_find(argv[2]);
    if (!d) {
        fprintf(stderr, "no machine %s\n", argv[2]);
        return 2;
    }
    struct fdx_options o;
    fdx_options_init(&o);
    /* a one-byte program: the tests set every register and byte they use */
    char prog[] = "/tmp/fdx-debug-sst-XXXXXX";
    int fd = mkstemp(prog);
    if (fd < 0 || write(fd, "\xEA", 1) != 1) return 2;
    close(fd);
    char spec[64];
    snprintf(spec, sizeof spec, "%s@0x0200", prog);
    fdx_options_add(&o, "load", spec);
    fdx_options_add(&o, "start", "0x0200");
    struct fdx_err err;
    struct fdx_machine *m = fdx_machine_create(d, &o, NULL, &err);
    remove(prog);
    if (!m) {
        fprintf(stderr, "%s\n", err.msg);
        return 2;
    }
    static struct out out;
    struct fdx_dbg *s = fdx_dbg_create(m, collect, &out, &err);
    DIR *dir = opendir(argv[1]);
    if (!s || !dir) {
        fprintf(stderr, "cannot open %s\n", argv[1]);
        return 2;
    }
    char *names[512];
    unsigned nn = 0;
    struct dirent *e;
    while ((e = readdir(dir)) && nn < 512)
        if (strstr(e->d_name, ".json.gz")) names[nn++] = strdup(e->d_name);
    closedir(dir);
    qsort(names, nn, sizeof names[0], cmp_names);
    unsigned pass = 0, fail = 0, skipped = 0;
    for (unsigned f = 0; f < nn; f++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", argv[1], names[f]);
        char *text = read_tests(path, per_file);
        cJSON *arr = text ? cJSON_Parse(text) : NULL;
        free(text);
        if (!arr) {
            printf("%s: cannot read\n", path);
            fail++;
            continue;
        }
        unsigned i = 0;
        const cJSON *t;
        cJSON_ArrayForEach(t, arr)
        {
            if (i++ == per_file) break;
            int r = run_test(s, &out, t);
            if (r > 0) pass++;
            else if (r == 0) fail++;
            else skipped++;
        }
        cJSON_Delete(arr);
        free(names[f]);
    }
    printf("%u passed, %u failed (%u skipped: the CPU halts)\n", pass, fail, skipped);
    fdx_dbg_destroy(s);
    fdx_machine_destroy(m);
    return fail || !pass ? 1 : 0;
}
