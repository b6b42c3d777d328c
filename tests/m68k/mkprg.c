/* mkprg: makes an Atari GEMDOS program from two raw images of the same
 * code linked at text address 0 and at 0x10000. Every long that differs by
 * exactly 0x10000 is an absolute address: it goes into the relocation table.
 *
 *   mkprg OUT.PRG IMAGE_AT_0 IMAGE_AT_10000 [BSS_BYTES]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned char *slurp(const char *path, long *size)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "mkprg: cannot open %s\n", path);
        exit(1);
    }
    fseek(f, 0, SEEK_END);
    *size = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *p = malloc((size_t)*size + 2);
    if (!p || fread(p, 1, (size_t)*size, f) != (size_t)*size) {
        fprintf(stderr, "mkprg: cannot read %s\n", path);
        exit(1);
    }
    fclose(f);
    p[*size] = p[*size + 1] = 0;
    return p;
}

static unsigned long be32(const unsigned char *p)
{
    return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 | (unsigned long)p[2] << 8 | p[3];
}

static void put32(FILE *f, unsigned long v)
{
    fputc((int)(v >> 24) & 255, f);
    fputc((int)(v >> 16) & 255, f);
    fputc((int)(v >> 8) & 255, f);
    fputc((int)v & 255, f);
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: mkprg OUT.PRG IMAGE_AT_0 IMAGE_AT_10000 [BSS_BYTES]\n");
        return 2;
    }
    long n0, n1;
    unsigned char *a = slurp(argv[2], &n0), *b = slurp(argv[3], &n1);
    if (n0 != n1) {
        fprintf(stderr, "mkprg: the two images differ in size\n");
        free(a);
        free(b);
        return 1;
    }
    long tlen = (n0 + 1) & ~1L;
    unsigned long bss = argc > 4 ? strtoul(argv[4], NULL, 0) : 0;
    FILE *f = fopen(argv[1], "wb");
    if (!f) {
        fprintf(stderr, "mkprg: cannot write %s\n", argv[1]);
        free(a);
        free(b);
        return 1;
    }
    fputc(0x60, f);
    fputc(0x1a, f);
    put32(f, (unsigned long)tlen);
    put32(f, 0);
    put32(f, bss);
    put32(f, 0);
    put32(f, 0);
    put32(f, 0);
    fputc(0, f);
    fputc(0, f);
    fwrite(a, 1, (size_t)tlen, f);
    long last = -1;
    for (long i = 0; i + 4 <= tlen; i += 2) {
        unsigned long x = be32(a + i), y = be32(b + i);
        if (x == y) continue;
        if (((y - x) & 0xffffffffUL) != 0x10000) {
            if (i > 0 && last == i - 2) continue; /* tail of the fixup just made */
            if (i + 6 <= tlen && ((be32(b + i + 2) - be32(a + i + 2)) & 0xffffffffUL) == 0x10000)
                continue; /* head of the next one */
            fprintf(stderr, "mkprg: offset %ld differs by something else than 0x10000\n", i);
            free(a);
            free(b);
            fclose(f);
            return 1;
        }
        if (last < 0) {
            put32(f, (unsigned long)i);
        } else {
            long d = i - last;
            if (d < 4) continue;
            while (d > 254) {
                fputc(1, f);
                d -= 254;
            }
            fputc((int)d, f);
        }
        last = i;
    }
    if (last < 0) put32(f, 0);
    else fputc(0, f);
    free(a);
    free(b);
    return fclose(f) != 0;
}
