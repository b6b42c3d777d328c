/* fdx run: create a machine, run it headless, report. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "fdx/fdx.h"

static long host_write(void *ctx, int stream, const void *buf, size_t size)
{
    (void)ctx;
    FILE *f = stream == 2 ? stderr : stdout;
    size_t n = fwrite(buf, 1, size, f);
    fflush(f);
    return (long)n;
}

static long host_read(void *ctx, int stream, void *buf, size_t size)
{
    (void)ctx;
    if (stream != 0) return -1;
    ssize_t n = read(0, buf, size);
    return n < 0 ? -1 : (long)n;
}

struct run_args {
    uint64_t frames;
    bool frames_given;
    uint64_t max_cycles;
    bool stats;
    const char *screenshot, *state_in, *state_out;
};

static const struct fdx_option_desc *find_opt(const struct fdx_machine_desc *d, const char *name, size_t len)
{
    for (const struct fdx_option_desc *o = d->options; o && o->name; o++)
        if (strlen(o->name) == len && !strncmp(o->name, name, len)) return o;
    return NULL;
}

/* Splits argv into our options, machine options and positional arguments. */
static int parse(const struct fdx_machine_desc *d, int argc, char **argv, struct run_args *ra,
                 struct fdx_options *o)
{
    bool only_args = false;
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        if (only_args || a[0] != '-' || !a[1]) {
            if (fdx_options_add_arg(o, a)) {
                cli_error("too many arguments");
                return -1;
            }
            if (d->program_args) only_args = true;
            continue;
        }
        if (!strcmp(a, "--")) {
            only_args = true;
            continue;
        }
        if (a[1] != '-') {
            cli_error("unknown option '%s' (options are written --name)", a);
            return -1;
        }
        const char *name = a + 2;
        const char *eq = strchr(name, '=');
        size_t len = eq ? (size_t)(eq - name) : strlen(name);
        const char *value = eq ? eq + 1 : NULL;
#define IS(s) (len == strlen(s) && !strncmp(name, s, len))
#define NEED_VALUE()                                                                                       \
    do {                                                                                                   \
        if (!value) {                                                                                      \
            if (i + 1 >= argc) {                                                                           \
                cli_error("--%.*s needs a value", (int)len, name);                                         \
                return -1;                                                                                 \
            }                                                                                              \
            value = argv[++i];                                                                             \
        }                                                                                                  \
    } while (0)
        if (IS("headless")) continue;
        if (IS("stats")) {
            ra->stats = true;
            continue;
        }
        if (IS("frames") || IS("max-cycles")) {
            NEED_VALUE();
            uint64_t v;
            if (fdx_parse_u64(value, &v)) {
                cli_error("--%.*s wants a number, not '%s'", (int)len, name, value);
                return -1;
            }
            if (IS("frames")) {
                ra->frames = v;
                ra->frames_given = true;
            } else ra->max_cycles = v;
            continue;
        }
        if (IS("screenshot") || IS("state-in") || IS("state-out") || IS("rom-path")) {
            NEED_VALUE();
            if (IS("screenshot")) ra->screenshot = value;
            else if (IS("state-in")) ra->state_in = value;
            else if (IS("state-out")) ra->state_out = value;
            else o->rom_path = value;
            continue;
        }
        const struct fdx_option_desc *od = find_opt(d, name, len);
        if (!od) {
            cli_error("%s has no option --%.*s (see fdx list)", d->name, (int)len, name);
            return -1;
        }
        if (od->type == FDX_OPT_BOOL && !value) value = "on";
        NEED_VALUE();
        if (fdx_options_add(o, od->name, value)) {
            cli_error("too many options");
            return -1;
        }
#undef IS
#undef NEED_VALUE
    }
    return 0;
}

static void print_stats(struct fdx_machine *m)
{
    struct fdx_cpu *c = m->cpu;
    if (!c) return;
    char regs[512];
    fdx_cpu_format_regs(c, regs, sizeof regs);
    fprintf(stderr, "%s\n", regs);
    fprintf(stderr, "instructions %llu\ncycles %llu\n", (unsigned long long)c->instructions,
            (unsigned long long)c->cycles);
}

int cmd_run(int argc, char **argv)
{
    if (argc < 2) {
        cli_error("run: which machine? (fdx list shows them)");
        return 2;
    }
    const struct fdx_machine_desc *d = fdx_machine_find(argv[1]);
    if (!d) {
        cli_error("unknown machine '%s' (fdx list shows them)", argv[1]);
        return 2;
    }
    struct run_args ra = {0};
    struct fdx_options o;
    fdx_options_init(&o);
    if (parse(d, argc, argv, &ra, &o)) return 2;

    struct fdx_host host = {.write = host_write, .read = host_read};
    struct fdx_err err;
    struct fdx_machine *m = fdx_machine_create(d, &o, &host, &err);
    if (!m) {
        cli_error("%s", err.msg);
        return 1;
    }
    int status = 0;
    if (ra.state_in && fdx_machine_load_file(m, ra.state_in, &err)) {
        cli_error("%s", err.msg);
        fdx_machine_destroy(m);
        return 1;
    }

    uint32_t div = d->cpu_divider ? d->cpu_divider : 1;
    enum fdx_run_result r = FDX_RUN_OK;
    if (!ra.frames_given && !ra.max_cycles && d->run_frame) {
        ra.frames = 600;
        ra.frames_given = true;
    }
    if (ra.frames_given) {
        for (uint64_t f = 0; f < ra.frames && r == FDX_RUN_OK; f++) {
            if (ra.max_cycles && m->cpu && m->cpu->cycles >= ra.max_cycles) break;
            r = fdx_machine_run_frame(m);
        }
    } else {
        /* run until the guest exits or halts, or the cycle limit */
        while (r == FDX_RUN_OK) {
            uint64_t ticks = d->master_hz ? d->master_hz : 1000000;
            if (ra.max_cycles && m->cpu) {
                if (m->cpu->cycles >= ra.max_cycles) break;
                uint64_t left = (ra.max_cycles - m->cpu->cycles) * div;
                if (left < ticks) ticks = left;
            }
            r = fdx_machine_run(m, ticks);
        }
    }
    int code = 0;
    if (r == FDX_RUN_ERROR) status = 1;
    else if (fdx_machine_exited(m, &code)) status = code;
    if (ra.stats) print_stats(m);
    if (ra.screenshot && fdx_frame_write_png(fdx_machine_frame(m), ra.screenshot, &err)) {
        cli_error("%s: %s", ra.screenshot, err.msg);
        status = status ? status : 1;
    }
    if (ra.state_out && fdx_machine_save_file(m, ra.state_out, &err)) {
        cli_error("%s", err.msg);
        status = status ? status : 1;
    }
    fdx_machine_destroy(m);
    return status;
}
