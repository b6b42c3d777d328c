/* fdx debugger sessions: the command language of `fdx debug`.
 *
 * A session drives one machine through the debugger core (debug.h), the
 * expression evaluator (expr.h), symbol tables (symbols.h) and reverse
 * execution (rewind.h). It has no terminal code: every line of output goes
 * through the `out` callback, so the CLI, the SDL app's console and tests
 * share it. `help` inside lists the commands.
 */
#ifndef FDX_DEBUGGER_H
#define FDX_DEBUGGER_H

#include <signal.h>
#include <stdio.h>
#include "machine.h"
#include "rewind.h"

#ifdef __cplusplus
extern "C" {
#endif

struct fdx_dbg;

/* Receives one line of output at a time, without the newline. */
typedef void (*fdx_dbg_out_fn)(void *ctx, const char *line);

/* Creates a session on m (m stays the caller's). Returns NULL with err set. */
struct fdx_dbg *fdx_dbg_create(struct fdx_machine *m, fdx_dbg_out_fn out, void *ctx, struct fdx_err *err);
void fdx_dbg_destroy(struct fdx_dbg *s);
/* Runs one command line. Returns 0, -1 after an error (one line was printed
 * and the session goes on), 1 when the user asked to quit, or 2 for
 * `resume` inside fdx_dbg_console. */
int fdx_dbg_exec(struct fdx_dbg *s, const char *line);
/* A flag (set from a SIGINT handler, say) that stops a running command. */
void fdx_dbg_set_interrupt(struct fdx_dbg *s, volatile sig_atomic_t *flag);
/* Prints where the machine stands (instruction and registers). */
void fdx_dbg_where(struct fdx_dbg *s);
/* The session's rewind history, e.g. to record input events. */
struct fdx_rewind *fdx_dbg_rewind(struct fdx_dbg *s);
/* The help text (commands and a one-line summary each). */
void fdx_dbg_help(struct fdx_dbg *s, const char *topic);

/* An `out` callback writing lines to a FILE * (ctx; NULL: stdout). */
void fdx_dbg_out_file(void *ctx, const char *line);

/* The debugger inside an app that runs the machine itself (the SDL app's
 * hotkey). Create the session once per machine with
 *     fdx_dbg_create(m, fdx_dbg_out_file, stdout, &err)
 * and keep it. When the user presses the hotkey, stop running the machine
 * and call fdx_dbg_console(s, stdin, stdout, NULL): it prints where the
 * machine stands (the PC, disassembled) and reads commands on the terminal
 * (every fdx debug command, stepping included) until the user types
 * `resume` (or end of input): it then returns 0 and the app runs on.
 * It returns 1 when the user typed `quit` (the app should exit).
 * Breakpoints, watchpoints and catchpoints stay armed while the app runs:
 * fdx_machine_run / run_frame then return FDX_RUN_BREAK; call
 * fdx_dbg_console again (it says which point fired). Reverse stepping
 * reaches back to where the console was last entered. Destroy the session
 * (fdx_dbg_destroy) before the machine. */
int fdx_dbg_console(struct fdx_dbg *s, FILE *in, FILE *out, const char *title);

#ifdef __cplusplus
}
#endif
#endif
