/* Integer arithmetic through cc65's runtime: 8/16/32-bit add, multiply,
 * divide, modulo, shifts and compares, signed and unsigned. */
#include <stdio.h>

static unsigned long fact(unsigned n)
{
    return n < 2 ? 1UL : n * fact(n - 1);
}

static unsigned gcd(unsigned a, unsigned b)
{
    while (b) {
        unsigned t = a % b;
        a = b;
        b = t;
    }
    return a;
}

int main(void)
{
    int i;
    long l = -123456L;
    unsigned long fib[3] = {0, 1, 0};
    signed char sc = -7;
    unsigned char uc = 250;
    for (i = 1; i <= 12; i++) printf("%d! = %lu\n", i, fact(i));
    for (i = 0; i < 40; i++) {
        fib[2] = fib[0] + fib[1];
        fib[0] = fib[1];
        fib[1] = fib[2];
    }
    printf("fib40 = %lu\n", fib[0]);
    printf("gcd = %u %u\n", gcd(1071, 462), gcd(65535U, 4095));
    printf("div = %d %d %d %d\n", -17 / 5, -17 % 5, 17 / -5, 17 % -5);
    printf("long = %ld %ld %ld\n", l * 3, l / 7, l % 1000);
    printf("shift = %d %u %ld\n", -100 >> 2, 40000U >> 3, 1L << 30);
    printf("char = %d %u %d\n", sc * 3, (unsigned)(uc + 10), (int)(uc > sc));
    printf("cmp = %d %d %d\n", -1 < 1, 65535U > 1U, -32768 < 32767);
    return 0;
}
