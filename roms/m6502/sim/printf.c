/* printf's formats, to stdout and stderr. */
#include <stdio.h>

int main(void)
{
    printf("[%d] [%5d] [%-5d] [%05d] [%+d]\n", 123, 123, 123, 123, 123);
    printf("[%u] [%x] [%X] [%o] [%#x]\n", 65535U, 0xabcd, 0xabcd, 8, 255);
    printf("[%ld] [%lu] [%lx]\n", -2147483647L, 4294967295UL, 0xdeadbeefUL);
    printf("[%s] [%10s] [%-10s] [%.2s]\n", "fdx", "fdx", "fdx", "fdx");
    printf("[%c%c%c] [%%]\n", '6', '5', '2');
    fprintf(stderr, "to stderr: %d\n", -1);
    return 0;
}
