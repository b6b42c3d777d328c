/* exit() from deep inside, with a code. */
#include <stdio.h>
#include <stdlib.h>

static void deep(int n)
{
    if (n == 0) {
        puts("leaving with 42");
        exit(42);
    }
    deep(n - 1);
}

int main(void)
{
    deep(10);
    return 0;
}
