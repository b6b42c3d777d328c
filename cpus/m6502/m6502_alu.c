/* Decimal-mode ADC/SBC and ARR. Rare enough to live out of line.
 * The sequences follow the published analysis of the chips' BCD logic
 * (valid and invalid BCD alike): NMOS takes N and V from the intermediate
 * result and Z from the binary sum; the 65C02 has valid N and Z. */
#include "m6502_internal.h"

static void set_v(uint8_t *p, int on)
{
    *p = (uint8_t)((*p & ~FDX_M6502_V) | (on ? FDX_M6502_V : 0));
}

/* Steps 1a-1c: low nibble with its carry adjusted, high nibbles added. */
static unsigned dec_add_low(uint8_t a, uint8_t m, uint8_t cf)
{
    unsigned lo = (a & 0x0Fu) + (m & 0x0Fu) + cf;
    if (lo >= 0x0A) lo = ((lo + 0x06) & 0x0F) + 0x10;
    return lo;
}

static int dec_add_overflow(uint8_t a, uint8_t m, unsigned lo)
{
    int sv = (int8_t)(a & 0xF0) + (int8_t)(m & 0xF0) + (int)lo;
    return sv < -128 || sv > 127;
}

void m6502_adc_dec_nmos(uint8_t *a, uint8_t *cf, uint8_t *p, uint8_t *n, uint8_t *z, uint8_t m)
{
    unsigned lo = dec_add_low(*a, m, *cf);
    unsigned sum = (*a & 0xF0u) + (m & 0xF0u) + lo;
    *z = (uint8_t)(*a + m + *cf);
    *n = (uint8_t)sum;
    set_v(p, dec_add_overflow(*a, m, lo));
    if (sum >= 0xA0) sum += 0x60;
    *cf = sum >= 0x100;
    *a = (uint8_t)sum;
}

void m6502_adc_dec_cmos(uint8_t *a, uint8_t *cf, uint8_t *p, uint8_t m)
{
    unsigned lo = dec_add_low(*a, m, *cf);
    unsigned sum = (*a & 0xF0u) + (m & 0xF0u) + lo;
    set_v(p, dec_add_overflow(*a, m, lo));
    if (sum >= 0xA0) sum += 0x60;
    *cf = sum >= 0x100;
    *a = (uint8_t)sum;
}

void m6502_sbc_dec_nmos(uint8_t *a, uint8_t *cf, uint8_t *p, uint8_t *n, uint8_t *z, uint8_t m)
{
    unsigned bin = (unsigned)*a + (uint8_t)~m + *cf;
    set_v(p, (*a ^ bin) & ((uint8_t)~m ^ bin) & 0x80);
    *n = *z = (uint8_t)bin;
    int lo = (*a & 0x0F) - (m & 0x0F) + *cf - 1;
    if (lo < 0) lo = ((lo - 0x06) & 0x0F) - 0x10;
    int r = (*a & 0xF0) - (m & 0xF0) + lo;
    if (r < 0) r -= 0x60;
    *cf = (uint8_t)(bin >> 8);
    *a = (uint8_t)r;
}

void m6502_sbc_dec_cmos(uint8_t *a, uint8_t *cf, uint8_t *p, uint8_t m)
{
    unsigned bin = (unsigned)*a + (uint8_t)~m + *cf;
    set_v(p, (*a ^ bin) & ((uint8_t)~m ^ bin) & 0x80);
    int lo = (*a & 0x0F) - (m & 0x0F) + *cf - 1;
    int r = (int)*a - (int)m + *cf - 1;
    if (r < 0) r -= 0x60;
    if (lo < 0) r -= 0x06;
    *cf = (uint8_t)(bin >> 8);
    *a = (uint8_t)r;
}

void m6502_arr(uint8_t *a, uint8_t *cf, uint8_t *p, uint8_t *n, uint8_t *z, uint8_t m)
{
    uint8_t t = *a & m;
    uint8_t r = (uint8_t)((t >> 1) | (*cf << 7));
    *n = *z = r;
    if (!(*p & FDX_M6502_D)) {
        *cf = (r >> 6) & 1;
        set_v(p, ((r >> 6) ^ (r >> 5)) & 1);
        *a = r;
        return;
    }
    /* decimal: the adder's BCD fix-up acts on the shifted value */
    set_v(p, (t ^ r) & 0x40);
    if ((t & 0x0F) + (t & 0x01) > 5) r = (uint8_t)((r & 0xF0) | ((r + 6) & 0x0F));
    if ((t & 0xF0) + (t & 0x10) > 0x50) {
        *cf = 1;
        r = (uint8_t)(r + 0x60);
    } else {
        *cf = 0;
    }
    *a = r;
}
