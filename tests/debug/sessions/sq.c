/* sq.c: a C program for the sim6502 machine (cl65 -t sim6502) */
#include <stdio.h>

int total;

int square(int x)
{
    return x * x;
}

int main(void)
{
    int i;
    for (i = 1; i <= 3; i++) {
        total += square(i);
        printf("%d\n", total);
    }
    return total;
}
