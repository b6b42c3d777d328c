/* Decimal mode through assembler helpers (bcd.s): sums and differences of
 * valid BCD bytes with the carry. */
#include <stdio.h>

unsigned __fastcall__ bcd_add(unsigned char a, unsigned char b);
unsigned __fastcall__ bcd_sub(unsigned char a, unsigned char b);

int main(void)
{
    static const unsigned char v[] = {0x00, 0x01, 0x09, 0x10, 0x19, 0x45, 0x50, 0x55, 0x99};
    unsigned i, j, sum = 0;
    for (i = 0; i < sizeof v; i++) {
        for (j = 0; j < sizeof v; j++) {
            unsigned s = bcd_add(v[i], v[j]), d = bcd_sub(v[i], v[j]);
            printf("%02x+%02x=%x:%02x %02x-%02x=%x:%02x\n", v[i], v[j], s >> 8, s & 0xFF, v[i], v[j], d >> 8,
                   d & 0xFF);
            sum += s + d;
        }
    }
    printf("sum %u\n", sum);
    return 0;
}
