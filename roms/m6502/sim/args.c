/* Arguments and the exit code: prints argv, exits with argc + 40. */
#include <stdio.h>

int main(int argc, char *argv[])
{
    int i;
    for (i = 0; i < argc; i++) printf("argv[%d] = \"%s\"\n", i, argv[i]);
    return argc + 40;
}
