#define _POSIX_C_SOURCE 200809L
/* Runs a debugger script on the toy machine and compares the transcript
 * with an expected file:
 *   toy_session [--events] PROGRAM SCRIPT EXPECTED
 * With FDX_UPDATE=1 in the environment it writes EXPECTED instead (review
 * the result by hand before committing it). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fdx/debugger.h"
#include "toy.h"

struct buf {
    char *text;
    size_t len, cap;
};

static void put(struct buf *b, const char *s)
{
    size_t n = strlen(s);
    if (b->len + n + 2 > b->cap) {
        b->cap = (b->len + n + 2) * 2;
        b->text = realloc(b->text, b->cap);
        if (!b->text) abort();
    }
    memcpy(b->text + b->len, s, n);
    b->len += n;
    b->text[b->len++] = '\n';
    b->text[b->len] = 0;
}

static void out(void *ctx, const char *line)
{
    put(ctx, line);
}

static char *slurp(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *t = malloc(1 << 20);
    size_t n = t ? fread(t, 1, (1 << 20) - 1, f) : 0;
    fclose(f);
    if (!t) return NULL;
    t[n] = 0;
    *size = n;
    return t;
}

int main(int argc, char **argv)
{
    alarm(60);  /* a script that never stops fails instead of hanging the test run */
    int i = 1;
    bool events = false;
    if (i < argc && !strcmp(argv[i], "--events")) events = true, i++;
    if (argc - i != 3) {
        fprintf(stderr, "usage: toy_session [--events] PROGRAM SCRIPT EXPECTED\n");
        return 2;
    }
    const char *program = argv[i], *script = argv[i + 1], *expected = argv[i + 2];
    struct fdx_options o;
    fdx_options_init(&o);
    fdx_options_add_arg(&o, program);
    if (events) fdx_options_add(&o, "events", "on");
    struct fdx_err err;
    struct fdx_machine *m = fdx_machine_create(&fdx_test_toy_machine, &o, NULL, &err);
    if (!m) {
        fprintf(stderr, "toy: %s\n", err.msg);
        return 1;
    }
    struct buf b = {0};
    struct fdx_dbg *s = fdx_dbg_create(m, out, &b, &err);
    if (!s) {
        fprintf(stderr, "toy: %s\n", err.msg);
        return 1;
    }
    size_t size;
    char *text = slurp(script, &size);
    if (!text) {
        fprintf(stderr, "toy: cannot read %s\n", script);
        return 1;
    }
    for (char *line = text; *line;) {
        char *nl = strchr(line, '\n');
        if (nl) *nl = 0;
        if (*line) {
            char echo[1100];
            snprintf(echo, sizeof echo, "(fdx) %s", line);
            put(&b, echo);
            if (fdx_dbg_exec(s, line) == 1) break;
        }
        line = nl ? nl + 1 : line + strlen(line);
    }
    free(text);
    fdx_dbg_destroy(s);
    fdx_machine_destroy(m);
    const char *update = getenv("FDX_UPDATE");
    if (update && !strcmp(update, "1")) {
        FILE *f = fopen(expected, "wb");
        if (!f || fwrite(b.text, 1, b.len, f) != b.len) return 1;
        fclose(f);
        printf("wrote %s\n", expected);
        free(b.text);
        return 0;
    }
    char *want = slurp(expected, &size);
    if (!want) {
        fprintf(stderr, "toy: cannot read %s\n%s", expected, b.text);
        return 1;
    }
    int rc = 0;
    if (!strcmp(want, b.text)) {
        printf("transcript matches %s\n", expected);
    } else {
        /* show the first difference */
        const char *p = want, *q = b.text;
        int line = 1;
        while (*p && *p == *q) {
            if (*p == '\n') line++;
            p++, q++;
        }
        printf("FAIL: transcript differs from %s at line %d\n--- got:\n%s", expected, line, b.text);
        rc = 1;
    }
    free(want);
    free(b.text);
    return rc;
}
