/* A mix of integer work whose results are printed: arithmetic, 16x16
 * multiply and divide (MULU/MULS/DIVU/DIVS), shifts and rotates, BCD,
 * bit fields and a sort. Compared with Hatari running the same program. */
#include "rt.h"

static u32 seed = 12345;
static u32 rnd(void)
{
    seed = seed * 1103515245u + 12345u;
    return seed >> 8 ^ seed << 7;
}

static void line(const char *what, u32 v)
{
    put_str(what);
    put_str(" ");
    put_hex(v, 8);
    put_str("\n");
}

static u32 muldiv(void)
{
    u32 h = 0;
    for (int i = 0; i < 200; i++) {
        u32 a = rnd(), b = rnd() | 1;
        u32 r;
        __asm__("mulu.w %1,%0" : "=d"(r) : "d"(b), "0"(a));
        h = h * 31 + r;
        __asm__("muls.w %1,%0" : "=d"(r) : "d"(b), "0"(a));
        h = h * 31 + r;
        u32 q = a;
        u16 sr;
        __asm__("divu.w %2,%0\n\tmove.w %%sr,%1" : "+d"(q), "=d"(sr) : "d"(b));
        h = h * 31 + q + (sr & 0x0f);
        q = a >> (i & 15);
        __asm__("divs.w %2,%0\n\tmove.w %%sr,%1" : "+d"(q), "=d"(sr) : "d"(b));
        h = h * 31 + q + (sr & 0x0f);
    }
    return h;
}

static u32 shifts(void)
{
    u32 h = 0;
    for (int i = 0; i < 200; i++) {
        u32 a = rnd(), r;
        u16 sr;
        int n = i & 63;
        r = a;
        __asm__("asl.l %2,%0\n\tmove.w %%sr,%1" : "+d"(r), "=d"(sr) : "d"(n));
        h = h * 33 + r + (sr & 0x1f);
        r = a;
        __asm__("asr.w %2,%0\n\tmove.w %%sr,%1" : "+d"(r), "=d"(sr) : "d"(n));
        h = h * 33 + r + (sr & 0x1f);
        r = a;
        __asm__("lsr.b %2,%0\n\tmove.w %%sr,%1" : "+d"(r), "=d"(sr) : "d"(n));
        h = h * 33 + r + (sr & 0x1f);
        r = a;
        __asm__("roxl.l %2,%0\n\tmove.w %%sr,%1" : "+d"(r), "=d"(sr) : "d"(n));
        h = h * 33 + r + (sr & 0x1f);
        r = a;
        __asm__("ror.w %2,%0\n\tmove.w %%sr,%1" : "+d"(r), "=d"(sr) : "d"(n));
        h = h * 33 + r + (sr & 0x1f);
        r = a;
        __asm__("roxr.b #3,%0\n\tmove.w %%sr,%1" : "+d"(r), "=d"(sr));
        h = h * 33 + r + (sr & 0x1f);
    }
    return h;
}

static u32 bcd(void)
{
    u32 h = 0;
    for (int i = 0; i < 300; i++) {
        u32 a = rnd(), b = rnd(), r;
        u16 sr;
        r = a;
        __asm__("move.w #0,%%ccr\n\tabcd %2,%0\n\tmove.w %%sr,%1" : "+d"(r), "=d"(sr) : "d"(b));
        h = h * 37 + (r & 0xff) + (sr & 0x15);
        r = a;
        __asm__("move.w #0x14,%%ccr\n\tsbcd %2,%0\n\tmove.w %%sr,%1" : "+d"(r), "=d"(sr) : "d"(b));
        h = h * 37 + (r & 0xff) + (sr & 0x15);
        r = a;
        __asm__("move.w #0x04,%%ccr\n\tnbcd %0\n\tmove.w %%sr,%1" : "+d"(r), "=d"(sr));
        h = h * 37 + (r & 0xff) + (sr & 0x15);
    }
    return h;
}

static u32 arith(void)
{
    u32 h = 0;
    for (int i = 0; i < 300; i++) {
        u32 a = rnd(), b = rnd(), r;
        u16 sr;
        r = a;
        __asm__("add.l %2,%0\n\tmove.w %%sr,%1" : "+d"(r), "=d"(sr) : "d"(b));
        h = h * 41 + r + (sr & 0x1f);
        r = a;
        __asm__("sub.w %2,%0\n\tmove.w %%sr,%1" : "+d"(r), "=d"(sr) : "d"(b));
        h = h * 41 + r + (sr & 0x1f);
        r = a;
        __asm__("addx.b %2,%0\n\tmove.w %%sr,%1" : "+d"(r), "=d"(sr) : "d"(b));
        h = h * 41 + r + (sr & 0x1f);
        r = a;
        __asm__("negx.l %0\n\tmove.w %%sr,%1" : "+d"(r), "=d"(sr));
        h = h * 41 + r + (sr & 0x1f);
        r = a;
        __asm__("cmp.w %2,%0\n\tmove.w %%sr,%1" : "+d"(r), "=d"(sr) : "d"(b));
        h = h * 41 + (sr & 0x1f);
        r = a;
        __asm__("bchg %2,%0\n\tmove.w %%sr,%1" : "+d"(r), "=d"(sr) : "d"(b));
        h = h * 41 + r + (sr & 0x1f);
        r = a;
        __asm__("ext.w %0\n\tswap %0\n\text.l %0\n\tmove.w %%sr,%1" : "+d"(r), "=d"(sr));
        h = h * 41 + r + (sr & 0x1f);
    }
    return h;
}

static u32 sort(void)
{
    static u16 v[300];
    for (int i = 0; i < 300; i++) v[i] = (u16)rnd();
    for (int i = 1; i < 300; i++) {
        u16 x = v[i];
        int j = i - 1;
        while (j >= 0 && v[j] > x) {
            v[j + 1] = v[j];
            j--;
        }
        v[j + 1] = x;
    }
    u32 h = 0;
    for (int i = 0; i < 300; i++) h = h * 3 + v[i];
    return h;
}

static u32 fib(u32 n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

int main(void)
{
    line("muldiv", muldiv());
    line("shifts", shifts());
    line("bcd", bcd());
    line("arith", arith());
    line("sort", sort());
    line("fib20", fib(20));
    line("div32", (u32)(-1234567 / 89) ^ (u32)(98765432u % 1234u));
    return 0;
}
