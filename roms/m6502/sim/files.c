/* Files in the current directory: write, then read back. Then tries to
 * open each argument and says whether it could: fdx confines the guest to
 * the current directory and below (sim65 does not, so the comparison with
 * sim65 runs without arguments). */
#include <stdio.h>
#include <string.h>

int main(int argc, char *argv[])
{
    FILE *f;
    char line[64];
    int i;
    f = fopen("sim_files.tmp", "w");
    if (!f) {
        puts("cannot create");
        return 1;
    }
    fprintf(f, "line one\nline %d\n", 2);
    fclose(f);
    f = fopen("sim_files.tmp", "r");
    if (!f) {
        puts("cannot reopen");
        return 2;
    }
    while (fgets(line, sizeof line, f)) printf("read: %s", line);
    fclose(f);
    for (i = 1; i < argc; i++) {
        f = fopen(argv[i], "r");
        printf("%s: %s\n", argv[i], f ? "opened" : "refused");
        if (f) fclose(f);
    }
    return 0;
}
