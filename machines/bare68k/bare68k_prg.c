/* bare68k: loading an Atari GEMDOS program (.PRG/.TOS/.TTP) without TOS.
 *
 * Header (28 bytes, big-endian): $601A, text, data, bss and symbol sizes,
 * a reserved long, the program flags and the "absolute" word. Text and
 * data follow, then the symbol table, then the relocation table: a long
 * offset of the first fixup (0: none), then bytes: 1 = skip 254, an even
 * n = next fixup n bytes further, 0 = end. Each fixup adds the text base
 * to the long at that offset.
 *
 * The program gets a basepage (command tail from the extra arguments), its
 * BSS cleared, a user stack at the top of RAM with the basepage pointer at
 * 4(SP), and starts in user mode with the interrupt mask at 7, as Hatari's
 * TOS-less test mode does. Vectors point at stubs that stop with a clear
 * message, except TRAP #1 (GEMDOS: Cconws, Pterm0, Pterm). */
#include <stdio.h>
#include <string.h>
#include "machines/bare68k/bare68k.h"

static uint32_t be32(const uint8_t *p) { return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]; }

static void put16(struct bare68k *b, uint32_t a, uint16_t v)
{
    b->ram[a] = (uint8_t)(v >> 8);
    b->ram[a + 1] = (uint8_t)v;
}
static void put32(struct bare68k *b, uint32_t a, uint32_t v)
{
    put16(b, a, (uint16_t)(v >> 16));
    put16(b, a + 2, (uint16_t)v);
}

int bare68k_load_prg(struct bare68k *b, const uint8_t *data, size_t size, const char *name,
                     unsigned argc, const char *const *argv, struct fdx_err *err)
{
    if (size < 28 || data[0] != 0x60 || data[1] != 0x1a)
        return fdx_err_set(err, "%s: not a GEMDOS program (no $601A header)", name);
    uint32_t tlen = be32(data + 2), dlen = be32(data + 6), blen = be32(data + 10), slen = be32(data + 14);
    bool absolute = data[26] || data[27];
    uint64_t body = (uint64_t)tlen + dlen;
    if (body + slen > size - 28)
        return fdx_err_set(err, "%s: header says %llu bytes of text, data and symbols but the file has %zu",
                           name, (unsigned long long)(body + slen), size - 28);
    uint32_t base = BARE68K_BASEPAGE, tbase = base + 0x100;
    uint64_t end = (uint64_t)tbase + body + blen;
    if (end + 0x1000 > b->ram_size)
        return fdx_err_set(err, "%s: %llu bytes of program do not fit in %u KiB of RAM", name,
                           (unsigned long long)(body + blen), b->ram_size / 1024);
    if (tlen & 1 || dlen & 1)
        return fdx_err_set(err, "%s: odd text or data size in the header", name);
    memcpy(b->ram + tbase, data + 28, (size_t)body);
    memset(b->ram + tbase + body, 0, blen);

    /* relocation */
    size_t r = 28 + (size_t)body + slen;
    if (!absolute && r + 4 <= size) {
        uint32_t off = be32(data + r);
        r += 4;
        if (off) {
            for (;;) {
                if (off + 4 > body || (off & 1))
                    return fdx_err_set(err, "%s: relocation at offset $%X is outside the program", name, off);
                put32(b, tbase + off, be32(b->ram + tbase + off) + tbase);
                uint32_t step = 0;
                for (;;) {
                    if (r >= size) return fdx_err_set(err, "%s: relocation table runs past the end of the file", name);
                    uint8_t c = data[r++];
                    if (c == 1) {
                        step += 254;
                        continue;
                    }
                    step += c;
                    break;
                }
                if (step == 0) break;
                off += step;
            }
        }
    } else if (!absolute && r + 4 > size && r != size) {
        return fdx_err_set(err, "%s: truncated relocation table", name);
    }

    /* basepage */
    uint32_t top = b->ram_size;
    memset(b->ram + base, 0, 0x100);
    put32(b, base + 0x00, base);
    put32(b, base + 0x04, top);
    put32(b, base + 0x08, tbase);
    put32(b, base + 0x0c, tlen);
    put32(b, base + 0x10, tbase + tlen);
    put32(b, base + 0x14, dlen);
    put32(b, base + 0x18, tbase + tlen + dlen);
    put32(b, base + 0x1c, blen);
    put32(b, base + 0x20, base + 0x80);
    /* command tail: length byte, the arguments separated by spaces, NUL */
    char tail[126];
    size_t n = 0;
    for (unsigned i = 0; i < argc; i++) {
        size_t l = strlen(argv[i]);
        if (n + l + (i ? 1 : 0) > 124) return fdx_err_set(err, "%s: the command line is longer than 124 characters", name);
        if (i) tail[n++] = ' ';
        memcpy(tail + n, argv[i], l);
        n += l;
    }
    b->ram[base + 0x80] = (uint8_t)n;
    memcpy(b->ram + base + 0x81, tail, n);
    b->ram[base + 0x81 + n] = 0;

    /* vectors and stubs */
    for (unsigned v = 2; v < 256; v++) {
        put32(b, v * 4, BARE68K_STUBS + 2 * v);
        put16(b, BARE68K_STUBS + 2 * v, BARE68K_OP_EXCEPTION);
    }
    put32(b, 33 * 4, BARE68K_GEMDOS);
    put16(b, BARE68K_GEMDOS, BARE68K_OP_GEMDOS);
    put16(b, BARE68K_GEMDOS + 2, 0x4e73); /* RTE */
    put16(b, BARE68K_PTERM0, BARE68K_OP_PTERM0);
    put32(b, 0, BARE68K_SSP);
    put32(b, 4, tbase);

    /* registers: user mode, IPL 7; 4(SP) = basepage, (SP) = Pterm0 stub */
    struct m68k *c = &b->cpu;
    uint32_t usp = (top - 8) & ~1u;
    put32(b, usp, BARE68K_PTERM0);
    put32(b, usp + 4, base);
    memset(c->d, 0, sizeof c->d);
    memset(c->a, 0, sizeof c->a);
    m68k_put_sr(c, 0x0700);
    c->ssp = BARE68K_SSP;
    c->a[7] = usp;
    c->usp = usp;
    c->a[0] = base;
    m68k_set_pc_prefetch(c, tbase);
    b->prg = true;
    return 0;
}
