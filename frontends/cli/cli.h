/* The fdx command's subcommands. */
#ifndef FDX_CLI_H
#define FDX_CLI_H

int cmd_list(int argc, char **argv);
int cmd_info(int argc, char **argv);
int cmd_run(int argc, char **argv);
int fdx_sst_main(int argc, char **argv);

/* Prints "fdx: message" on stderr. */
void cli_error(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

#endif
