#define _POSIX_C_SOURCE 200809L
/* fdx debug: the teaching debugger on the terminal. The command language
 * itself lives in the library (fdx/debugger.h); this file parses the
 * command line, creates the machine and reads commands from -e, --script
 * or the terminal (with libedit's line editing and history when built in). */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "debug_cli.h"
#include "fdx/debugger.h"
#include "fdx/fdx.h"

#ifdef FDX_HAVE_LIBEDIT
#include <editline/readline.h>
#endif

static volatile sig_atomic_t interrupted;

static void on_sigint(int sig)
{
    (void)sig;
    interrupted = 1;
}

static void out_line(void *ctx, const char *line)
{
    (void)ctx;
    fputs(line, stdout);
    fputc('\n', stdout);
    fflush(stdout);
}

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

static void usage(FILE *f)
{
    fprintf(f,
            "usage: fdx debug [MACHINE] [MACHINE OPTIONS] [MEDIA|PROGRAM ARGS...]\n"
            "                 [--script FILE] [-e COMMAND]... [--state-in FILE] [--rom-path DIRS]\n"
            "\n"
            "The teaching debugger: one command language for every CPU and machine.\n"
            "Without --script or -e it reads commands from the terminal; with them it runs\n"
            "them in order (echoing each after '(fdx) ') and exits. MACHINE defaults to\n"
            "bare6502. Machine options are those of `fdx run` (see fdx list).\n"
            "\n"
            "A first session:\n"
            "  fdx debug bare6502 --load prog.bin@0x0800 --start 0x0800\n"
            "  (fdx) disasm            list the next instructions\n"
            "  (fdx) step              run one instruction; show registers\n"
            "  (fdx) break $0810       stop before the instruction at $0810\n"
            "  (fdx) cont              run until then\n"
            "  (fdx) watch w $0200     stop after an instruction writes $0200\n"
            "  (fdx) rstep 3           go back three instructions, exactly\n"
            "  (fdx) help              all commands\n");
}

static const struct fdx_option_desc *find_opt(const struct fdx_machine_desc *d, const char *name, size_t len)
{
    for (const struct fdx_option_desc *o = d->options; o && o->name; o++)
        if (strlen(o->name) == len && !strncmp(o->name, name, len)) return o;
    return NULL;
}

struct debug_args {
    const char *scripts[64];
    bool is_file[64];
    unsigned n;
    const char *state_in;
};

static int parse(const struct fdx_machine_desc *d, int argc, char **argv, int i, struct debug_args *da,
                 struct fdx_options *o)
{
    bool only_args = false;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (!only_args && (!strcmp(a, "-e") || !strcmp(a, "--script"))) {
            if (i + 1 >= argc) {
                cli_error("%s needs a value", a);
                return -1;
            }
            if (da->n == 64) {
                cli_error("too many -e and --script");
                return -1;
            }
            da->is_file[da->n] = a[1] == '-';
            da->scripts[da->n++] = argv[++i];
            continue;
        }
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
            cli_error("unknown option '%s' (options are written --name; see fdx debug --help)", a);
            return -1;
        }
        const char *name = a + 2;
        const char *eq = strchr(name, '=');
        size_t len = eq ? (size_t)(eq - name) : strlen(name);
        const char *value = eq ? eq + 1 : NULL;
        bool ours = (len == 8 && !strncmp(name, "state-in", 8)) || (len == 8 && !strncmp(name, "rom-path", 8));
        const struct fdx_option_desc *od = ours ? NULL : find_opt(d, name, len);
        if (!ours && !od) {
            cli_error("%s has no option --%.*s (see fdx list)", d->name, (int)len, name);
            return -1;
        }
        if (od && od->type == FDX_OPT_BOOL && !value) {
            /* --flag, or --flag on|off as fdx list writes it */
            value = "on";
            if (i + 1 < argc && (!strcmp(argv[i + 1], "on") || !strcmp(argv[i + 1], "off"))) value = argv[++i];
        }
        if (!value) {
            if (i + 1 >= argc) {
                cli_error("--%.*s needs a value", (int)len, name);
                return -1;
            }
            value = argv[++i];
        }
        if (ours && name[0] == 's') da->state_in = value;
        else if (ours) o->rom_path = value;
        else if (fdx_options_add(o, od->name, value)) {
            cli_error("too many options");
            return -1;
        }
    }
    return 0;
}

/* Runs the lines of a script; returns 1 on quit, else the number of errors. */
static int run_lines(struct fdx_dbg *s, const char *text, int *errors)
{
    const char *p = text;
    while (*p) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        char line[1024];
        if (n >= sizeof line) n = sizeof line - 1;
        memcpy(line, p, n);
        line[n] = 0;
        if (n && line[n - 1] == '\r') line[n - 1] = 0;
        p = e ? e + 1 : p + strlen(p);
        const char *q = line;
        while (*q == ' ' || *q == '\t') q++;
        if (!*q) continue;
        printf("(fdx) %s\n", q);
        fflush(stdout);
        int r = fdx_dbg_exec(s, q);
        if (r == 1) return 1;
        if (r < 0) (*errors)++;
    }
    return 0;
}

static char *read_line(const char *prompt)
{
#ifdef FDX_HAVE_LIBEDIT
    if (isatty(0)) {
        char *l = readline(prompt);
        if (l && *l) add_history(l);
        return l;
    }
#endif
    fputs(prompt, stdout);
    fflush(stdout);
    size_t cap = 0;
    char *l = NULL;
    ssize_t n = getline(&l, &cap, stdin);
    if (n < 0) {
        free(l);
        return NULL;
    }
    if (n && l[n - 1] == '\n') l[n - 1] = 0;
    return l;
}

static void repl(struct fdx_dbg *s)
{
    char last[1024] = "";
    for (;;) {
        interrupted = 0;
        char *l = read_line("(fdx) ");
        if (!l) {
            fputc('\n', stdout);
            break;
        }
        const char *cmd = l;
        while (*cmd == ' ' || *cmd == '\t') cmd++;
        if (!*cmd) cmd = last;          /* empty line: again (step, next ...) */
        else snprintf(last, sizeof last, "%s", cmd);
        int r = *cmd ? fdx_dbg_exec(s, cmd) : 0;
        free(l);
        if (r == 1) break;
    }
}

int cmd_debug(int argc, char **argv)
{
    int i = 1;
    if (argc > 1 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
        usage(stdout);
        return 0;
    }
    const struct fdx_machine_desc *d = NULL;
    if (argc > 1 && argv[1][0] != '-') {
        d = fdx_machine_find(argv[1]);
        if (!d && !strchr(argv[1], '.') && !strchr(argv[1], '/')) {
            cli_error("unknown machine '%s' (fdx list shows them)", argv[1]);
            return 2;
        }
        if (d) i = 2;
    }
    if (!d) d = fdx_machine_find("bare6502");
    if (!d) {
        cli_error("debug: which machine? (fdx list shows them)");
        return 2;
    }
    struct debug_args da = {0};
    struct fdx_options o;
    fdx_options_init(&o);
    if (parse(d, argc, argv, i, &da, &o)) return 2;

    struct fdx_host host = {.write = host_write, .read = host_read};
    struct fdx_err err;
    struct fdx_machine *m = fdx_machine_create(d, &o, &host, &err);
    if (!m) {
        cli_error("%s", err.msg);
        return 1;
    }
    if (da.state_in && fdx_machine_load_file(m, da.state_in, &err)) {
        cli_error("%s", err.msg);
        fdx_machine_destroy(m);
        return 1;
    }
    struct fdx_dbg *s = fdx_dbg_create(m, out_line, NULL, &err);
    if (!s) {
        cli_error("%s", err.msg);
        fdx_machine_destroy(m);
        return 1;
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigaction(SIGINT, &sa, NULL);
    fdx_dbg_set_interrupt(s, &interrupted);

    int status = 0;
    if (da.n) {
        int errors = 0;
        for (unsigned k = 0; k < da.n; k++) {
            int r;
            if (da.is_file[k]) {
                uint8_t *text;
                size_t size;
                if (fdx_file_read(da.scripts[k], 1u << 20, &text, &size, &err)) {
                    cli_error("%s", err.msg);
                    status = 1;
                    break;
                }
                char *z = realloc(text, size + 1);
                if (!z) {
                    free(text);
                    cli_error("out of memory");
                    status = 1;
                    break;
                }
                z[size] = 0;
                r = run_lines(s, z, &errors);
                free(z);
            } else r = run_lines(s, da.scripts[k], &errors);
            if (r == 1) break;
        }
        if (errors && !status) status = 1;
    } else {
        printf("fdx debug: %s (%s CPU). Type help for the commands, quit to leave.\n", d->name, m->cpu->ops->name);
        fdx_dbg_where(s);
        repl(s);
    }
    fdx_dbg_destroy(s);
    fdx_machine_destroy(m);
    return status;
}
