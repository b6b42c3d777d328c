/* Standard input: counts lines and bytes, echoes them upper case. */
#include <stdio.h>
#include <ctype.h>

int main(void)
{
    int c;
    unsigned lines = 0, bytes = 0;
    while ((c = getchar()) != EOF) {
        bytes++;
        if (c == '\n') lines++;
        putchar(toupper(c));
    }
    printf("%u lines, %u bytes\n", lines, bytes);
    return 0;
}
