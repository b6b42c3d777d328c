/* Runtime for the 68000 test programs: buffered output through NF_STDERR
 * and the 32-bit multiply/divide helpers gcc calls on a 68000 (written here
 * so that nothing from libgcc, which may use 68020 code, is linked). */
#include "rt.h"

static char buf[256];
static int used;

void flush(void)
{
    if (!used) return;
    buf[used] = 0;
    nf_puts(buf);
    used = 0;
}

static void put_ch(char c)
{
    if (used == (int)sizeof buf - 1) flush();
    buf[used++] = c;
    if (c == '\n') flush();
}

void put_str(const char *s)
{
    while (*s) put_ch(*s++);
}

void put_hex(u32 v, int digits)
{
    for (int i = digits - 1; i >= 0; i--) put_ch("0123456789abcdef"[(v >> (4 * i)) & 15]);
}

void put_dec(s32 v)
{
    char t[12];
    int n = 0;
    u32 u = v < 0 ? 0u - (u32)v : (u32)v;
    do {
        t[n++] = (char)('0' + (u % 10));
        u /= 10;
    } while (u);
    if (v < 0) put_ch('-');
    while (n) put_ch(t[--n]);
}

void nf_puts(const char *s)
{
    static long id;
    if (!id) id = nf_id("NF_STDERR");
    nf_call(id, s);
}

void nf_exit(long code)
{
    flush();
    nf_call(nf_id("NF_EXIT"), code);
}

/* ---- libgcc replacements (68000 only) ---- */
static u32 mulu16(u32 a, u32 b)
{
    __asm__("mulu.w %1,%0" : "+d"(a) : "d"(b));
    return a;
}

u32 __mulsi3(u32 a, u32 b)
{
    u32 lo = mulu16(a & 0xffff, b & 0xffff);
    u32 mid = mulu16(a >> 16, b & 0xffff) + mulu16(a & 0xffff, b >> 16);
    return lo + (mid << 16);
}

u32 __udivsi3(u32 n, u32 d)
{
    u32 q = 0, r = 0;
    for (int i = 31; i >= 0; i--) {
        r = (r << 1) | ((n >> i) & 1);
        if (r >= d) {
            r -= d;
            q |= 1ul << i;
        }
    }
    return q;
}

u32 __umodsi3(u32 n, u32 d) { return n - __mulsi3(__udivsi3(n, d), d); }

s32 __divsi3(s32 n, s32 d)
{
    int neg = (n < 0) != (d < 0);
    u32 q = __udivsi3(n < 0 ? 0u - (u32)n : (u32)n, d < 0 ? 0u - (u32)d : (u32)d);
    return neg ? -(s32)q : (s32)q;
}

s32 __modsi3(s32 n, s32 d) { return n - (s32)__mulsi3((u32)__divsi3(n, d), (u32)d); }
