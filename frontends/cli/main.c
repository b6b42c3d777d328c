/* fdx: the headless command line. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "debug_cli.h"
#include "fdx/fdx.h"
#ifdef FDX_HAVE_SDL
#include "fdx_gui.h"  /* the desktop app, frontends/sdl */
#endif

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("fdx: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

static void usage(FILE *f)
{
    fprintf(f,
            "fdx %s - fetch, decode, execute: an emulator for 6502, 68000 and x86 machines\n"
            "\n"
            "usage:\n"
            "  fdx list                       machines, their options and the firmware they need\n"
            "  fdx info FILE...               what a file is: size, checksums, catalogue match, machine\n"
            "  fdx run MACHINE [OPTIONS] [MEDIA|PROGRAM ARGS...]\n"
            "                                 run a machine headless\n"
            "  fdx debug [MACHINE] [OPTIONS] [MEDIA...] [--script FILE] [-e CMD]...\n"
            "                                 the teaching debugger (fdx debug --help)\n"
            "  fdx sst --cpu CPU PATH...      run SingleStepTests conformance files\n"
            "  fdx --help | --version\n"
#ifdef FDX_HAVE_SDL
            "  fdx [MACHINE] [MEDIA...] [OPTIONS]\n"
            "                                 the desktop app: a window when there is a display\n"
            "                                 (fdx --help-app lists its options and hotkeys)\n"
#endif
            "\n"
            "run options (every machine):\n"
            "  --frames N          run N video frames (default: until the program exits,\n"
            "                      or 600 frames for machines with a screen)\n"
            "  --max-cycles N      stop after N CPU cycles\n"
            "  --screenshot F.png  save the last frame\n"
            "  --state-in FILE     load a save state before running\n"
            "  --state-out FILE    write a save state after running\n"
            "  --stats             print registers, instructions and cycles at the end\n"
            "  --rom-path DIRS     ':'-separated directories to search for firmware\n"
            "  --headless          no window (the only mode of this command)\n"
            "\n"
            "Addresses may be written 0x1234, $1234, 1234h or decimal, and SEG:OFF (hex) on x86.\n"
            "Firmware is searched in --rom-path, $FDX_ROM_PATH, $XDG_DATA_HOME/fdx/roms\n"
            "(~/.local/share/fdx/roms) and $XDG_DATA_DIRS/fdx/roms.\n",
            FDX_VERSION_STRING);
}

/* `fdx` alone (or with only --headless) runs the built-in default: the
 * first machine of this list that is built in, with its own demo. */
static int run_default(void)
{
    static const char *const preferred[] = {"atari2600", "bare6502", NULL};
    for (const char *const *p = preferred; *p; p++) {
        if (!fdx_machine_find(*p)) continue;
        char *args[] = {"run", (char *)*p, "--demo", "--stats", NULL};
        printf("fdx: running the built-in default, %s with its demo program\n", *p);
        fflush(stdout);
        return cmd_run(4, args);
    }
    usage(stdout);
    return 0;
}

static int display_present(void)
{
    const char *x = getenv("DISPLAY"), *w = getenv("WAYLAND_DISPLAY");
    return (x && *x) || (w && *w);
}

int main(int argc, char **argv)
{
#ifdef FDX_HAVE_SDL
    if (argc < 2 && display_present()) return fdx_gui_main(argc, argv);
#endif
    if (argc < 2 || (argc == 2 && !strcmp(argv[1], "--headless"))) return run_default();
    const char *cmd = argv[1];
    if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help") || !strcmp(cmd, "help")) {
        usage(stdout);
        return 0;
    }
    if (!strcmp(cmd, "--version") || !strcmp(cmd, "version")) {
        printf("fdx %s\n", FDX_VERSION_STRING);
        return 0;
    }
    if (!strcmp(cmd, "list")) return cmd_list(argc - 1, argv + 1);
    if (!strcmp(cmd, "info")) return cmd_info(argc - 1, argv + 1);
    if (!strcmp(cmd, "run")) return cmd_run(argc - 1, argv + 1);
    if (!strcmp(cmd, "debug")) return cmd_debug(argc - 1, argv + 1);
    if (!strcmp(cmd, "sst")) return fdx_sst_main(argc - 1, argv + 1);
    const struct fdx_machine_desc *named = fdx_machine_find(cmd);
#ifdef FDX_HAVE_SDL
    /* fdx [MACHINE] MEDIA... [OPTIONS]: the app (it runs headless itself
     * without a display or with --headless); program runners stay on the
     * terminal */
    if (!strcmp(cmd, "--help-app")) argv[1] = "--help";
    if (!named || !named->program_args) return fdx_gui_main(argc, argv);
#endif
    if (named) {
        /* fdx MACHINE ...: the same as fdx run MACHINE ... */
        argv[0] = "run";
        return cmd_run(argc, argv);
    }
    cli_error("unknown command '%s' (try fdx --help)", cmd);
    return 2;
}
