/* A C program for the DOS runner, built with Debian's dev86: bcc -Md.
 * K&R style (bcc's parser). Output and CDATA.TXT are compared with DOSBox. */
#include <stdio.h>
#include <string.h>
int main(argc, argv)
int argc;
char **argv;
{
    FILE *f;
    char line[80];
    int i;
    long sum = 0;
    for (i = 0; i < argc; i++) printf("arg %d: %s\n", i, argv[i]);
    for (i = 1; i <= 100; i++) sum += (long)i * i;
    printf("sum %ld\n", sum);
    f = fopen("CDATA.TXT", "w");
    if (!f) { printf("fopen failed\n"); return 2; }
    for (i = 0; i < 5; i++) fprintf(f, "line %d %d\n", i, i * 37 % 11);
    fclose(f);
    f = fopen("CDATA.TXT", "r");
    if (!f) { printf("reopen failed\n"); return 3; }
    i = 0;
    while (fgets(line, sizeof line, f)) i += strlen(line);
    fclose(f);
    printf("read back %d bytes\n", i);
    for (i = 0; i < 8; i++) printf("%d/%d=%d r%d ", 1000 - i * 77, i + 3, (1000 - i * 77) / (i + 3), (1000 - i * 77) % (i + 3));
    printf("\n%lx %ld\n", 0x12345678L * 3, -123456789L / 1000);
    return 7;
}
