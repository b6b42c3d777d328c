/* fdx debug: the debugger's command-line entry (debug_main.c). */
#ifndef FDX_DEBUG_CLI_H
#define FDX_DEBUG_CLI_H

int cmd_debug(int argc, char **argv);

#endif
