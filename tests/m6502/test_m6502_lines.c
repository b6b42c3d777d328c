/* The 6502's interrupt and RDY timing, which the SingleStepTests data does
 * not cover: when IRQ/NMI are seen (polled at the end of an instruction's
 * second-to-last cycle), the taken-branch quirk, CLI/SEI latency, the B
 * flag, NMI taking over a BRK, NMI being an edge, and RDY stalling reads
 * but not writes. Each case runs a few instructions from $0200 with the
 * handlers at $0300 (IRQ/BRK) and $0310 (NMI) looping on themselves, then
 * checks what the interrupt sequence pushed. */
#include <stdio.h>
#include <string.h>

#include "cpus/m6502/m6502.h"
#include "fdx/bus.h"

struct rig {
    struct fdx_bus bus;
    struct fdx_m6502 cpu;
    uint8_t ram[0x10000];
    uint64_t wsync_stall; /* a write to $D000 stalls reads this long */
    struct fdx_io io;
};

static int fails;

#define CHECK(cond_, ...)                                                                                  \
    do {                                                                                                   \
        if (!(cond_)) {                                                                                    \
            printf("FAIL %s:%d: ", __func__, __LINE__);                                                    \
            printf(__VA_ARGS__);                                                                           \
            printf("\n");                                                                                  \
            fails++;                                                                                       \
        }                                                                                                  \
    } while (0)

static uint32_t io_read(void *ctx, uint32_t addr, unsigned size)
{
    (void)ctx;
    (void)addr;
    (void)size;
    return 0;
}

/* like the 2600's WSYNC: the write itself goes on, the next read waits */
static void io_write(void *ctx, uint32_t addr, uint32_t value, unsigned size)
{
    struct rig *r = ctx;
    (void)addr;
    (void)value;
    (void)size;
    fdx_m6502_rdy_until(&r->cpu, r->cpu.base.cycles + 1 + r->wsync_stall);
}

static void setup(struct rig *r, const uint8_t *prog, size_t n, uint8_t p)
{
    memset(r, 0, sizeof *r);
    r->io = (struct fdx_io){.read = io_read, .write = io_write, .ctx = r};
    memcpy(r->ram + 0x0200, prog, n);
    static const uint8_t irq[] = {0x4C, 0x00, 0x03}, nmi[] = {0x4C, 0x10, 0x03};
    memcpy(r->ram + 0x0300, irq, sizeof irq);
    memcpy(r->ram + 0x0310, nmi, sizeof nmi);
    r->ram[0xFFFA] = 0x10;
    r->ram[0xFFFB] = 0x03;
    r->ram[0xFFFE] = 0x00;
    r->ram[0xFFFF] = 0x03;
    struct fdx_map_entry e[2] = {
        {.base = 0, .size = 0x10000, .kind = FDX_MAP_RAM, .mem = r->ram, .mem_size = 0x10000},
        {.base = 0xD000, .size = 0x100, .kind = FDX_MAP_IO, .io = &r->io},
    };
    if (fdx_bus_init(&r->bus, 16, 8, FDX_LITTLE_ENDIAN) || fdx_bus_map(&r->bus, e, 2)) {
        printf("FAIL: bus set-up\n");
        fails++;
    }
    fdx_m6502_init(&r->cpu, &fdx_m6502_ops_6502, &r->bus);
    fdx_m6502_set_pc(&r->cpu, 0x0200);
    r->cpu.p = p;
}

static void run(struct rig *r, uint64_t cycles)
{
    r->cpu.base.ops->run(&r->cpu.base, cycles);
}

static void done(struct rig *r)
{
    fdx_bus_free(&r->bus);
}

/* the return address and P an interrupt pushed (S was $FD) */
static unsigned pushed_pc(const struct rig *r)
{
    return r->ram[0x01FC] | r->ram[0x01FD] << 8;
}

static unsigned pushed_p(const struct rig *r)
{
    return r->ram[0x01FB];
}

/* NOPs from cycle 0: IRQ asserted at cycle t is taken at the first
 * boundary b with b - 2 >= t (NOP k runs in cycles 2k and 2k+1). */
static void irq_after_nops(void)
{
    static const uint8_t prog[16] = {0xEA, 0xEA, 0xEA, 0xEA, 0xEA, 0xEA, 0xEA, 0xEA, 0xEA, 0xEA};
    for (unsigned t = 2; t <= 7; t++) {
        struct rig r;
        setup(&r, prog, sizeof prog, 0x20);
        fdx_m6502_set_irq_at(&r.cpu, true, t);
        run(&r, 40);
        unsigned b = (t + 2 + 1) & ~1u;
        CHECK(r.cpu.pc == 0x0300, "t=%u: PC $%04X, expected the IRQ handler", t, r.cpu.pc);
        CHECK(r.cpu.s == 0xFA, "t=%u: S $%02X", t, r.cpu.s);
        CHECK(pushed_pc(&r) == 0x0200 + b / 2, "t=%u: pushed $%04X, expected $%04X", t, pushed_pc(&r),
              0x0200 + b / 2);
        CHECK((pushed_p(&r) & 0x30) == 0x20, "t=%u: pushed P $%02X: B must be 0", t, pushed_p(&r));
        CHECK(r.cpu.p & FDX_M6502_I, "t=%u: I not set in the handler", t);
        done(&r);
    }
}

/* BRK pushes B=1 and the address after its padding byte */
static void brk_pushes_b(void)
{
    static const uint8_t prog[] = {0x00, 0xEA};
    struct rig r;
    setup(&r, prog, sizeof prog, 0x20);
    run(&r, 20);
    CHECK(r.cpu.pc == 0x0300, "PC $%04X", r.cpu.pc);
    CHECK(pushed_pc(&r) == 0x0202, "pushed $%04X", pushed_pc(&r));
    CHECK((pushed_p(&r) & 0x30) == 0x30, "pushed P $%02X: B must be 1", pushed_p(&r));
    done(&r);
}

/* LDX #1 (cycles 0-1), BNE +0 (2-4, taken, same page), NOPs from $0204.
 * IRQ at cycle 3: an ordinary 3-cycle instruction would see it (poll at
 * the end of cycle 3); the taken branch polls a cycle early, so the NOP at
 * $0204 runs first. */
static void branch_quirk(void)
{
    static const uint8_t prog[] = {0xA2, 0x01, 0xD0, 0x00, 0xEA, 0xEA, 0xEA, 0xEA};
    struct rig r;
    setup(&r, prog, sizeof prog, 0x20);
    fdx_m6502_set_irq_at(&r.cpu, true, 3);
    run(&r, 40);
    CHECK(pushed_pc(&r) == 0x0205, "taken branch: pushed $%04X, expected $0205", pushed_pc(&r));
    done(&r);
    /* the same with LDA $00 (3 cycles) in place of the branch: seen at once */
    static const uint8_t prog2[] = {0xA2, 0x01, 0xA5, 0x00, 0xEA, 0xEA, 0xEA, 0xEA};
    setup(&r, prog2, sizeof prog2, 0x20);
    fdx_m6502_set_irq_at(&r.cpu, true, 3);
    run(&r, 40);
    CHECK(pushed_pc(&r) == 0x0204, "LDA zp: pushed $%04X, expected $0204", pushed_pc(&r));
    done(&r);
}

/* I=1, IRQ held: CLI; NOP; NOP -> the IRQ comes after the first NOP */
static void cli_latency(void)
{
    static const uint8_t prog[] = {0x58, 0xEA, 0xEA, 0xEA};
    struct rig r;
    setup(&r, prog, sizeof prog, 0x24);
    fdx_m6502_set_irq_at(&r.cpu, true, 0);
    run(&r, 40);
    CHECK(pushed_pc(&r) == 0x0202, "pushed $%04X, expected $0202", pushed_pc(&r));
    done(&r);
}

/* I=0: NOP; SEI; NOP with IRQ from cycle 2 -> taken right after SEI (the
 * poll saw I=0), and the pushed P has I=1 */
static void sei_latency(void)
{
    static const uint8_t prog[] = {0xEA, 0x78, 0xEA, 0xEA};
    struct rig r;
    setup(&r, prog, sizeof prog, 0x20);
    fdx_m6502_set_irq_at(&r.cpu, true, 2);
    run(&r, 40);
    CHECK(r.cpu.pc == 0x0300, "PC $%04X", r.cpu.pc);
    CHECK(pushed_pc(&r) == 0x0202, "pushed $%04X, expected $0202", pushed_pc(&r));
    CHECK(pushed_p(&r) & FDX_M6502_I, "pushed P $%02X: I must be 1", pushed_p(&r));
    done(&r);
}

/* NMI is an edge: taken once although held, and also with I=1 */
static void nmi_edge(void)
{
    static const uint8_t prog[] = {0xEA, 0xEA, 0xEA, 0xEA};
    struct rig r;
    setup(&r, prog, sizeof prog, 0x24);
    fdx_m6502_set_nmi_at(&r.cpu, true, 2);
    run(&r, 100);
    CHECK(r.cpu.pc == 0x0310, "PC $%04X, expected the NMI handler", r.cpu.pc);
    CHECK(r.cpu.s == 0xFA, "S $%02X: taken more than once?", r.cpu.s);
    CHECK(pushed_pc(&r) == 0x0202, "pushed $%04X, expected $0202", pushed_pc(&r));
    done(&r);
}

/* NMI during BRK (before its P push) takes over the vector; B stays 1 */
static void nmi_hijacks_brk(void)
{
    static const uint8_t prog[] = {0x00, 0xEA};
    struct rig r;
    setup(&r, prog, sizeof prog, 0x20);
    fdx_m6502_set_nmi_at(&r.cpu, true, 2);
    run(&r, 20);
    CHECK(r.cpu.pc == 0x0310, "PC $%04X, expected the NMI handler", r.cpu.pc);
    CHECK(pushed_pc(&r) == 0x0202, "pushed $%04X", pushed_pc(&r));
    CHECK((pushed_p(&r) & 0x10) == 0x10, "pushed P $%02X: B must be 1", pushed_p(&r));
    done(&r);
}

/* STA $D000 (cycles 0-3; the write at cycle 3 is not stalled) pulls RDY
 * low until cycle 4 + stall; the NOP's opcode read waits for it. */
static void rdy_stalls_reads(void)
{
    static const uint8_t prog[] = {0x8D, 0x00, 0xD0, 0xEA, 0x4C, 0x05, 0x02};
    struct rig r;
    setup(&r, prog, sizeof prog, 0x20);
    r.wsync_stall = 20;
    fdx_m6502_set_pc(&r.cpu, 0x0200);
    run(&r, 1); /* STA */
    CHECK(r.cpu.base.cycles == 4, "STA took %llu cycles, expected 4 (writes are not stalled)",
          (unsigned long long)r.cpu.base.cycles);
    run(&r, 1); /* NOP: its opcode read happens on cycle 24, its second cycle is 25 */
    CHECK(r.cpu.base.cycles == 26, "after the NOP: cycle %llu, expected 26", (unsigned long long)r.cpu.base.cycles);
    CHECK(r.cpu.base.instructions == 2, "%llu instructions", (unsigned long long)r.cpu.base.instructions);
    CHECK(r.cpu.pc == 0x0204, "PC $%04X", r.cpu.pc);
    done(&r);
}

int main(void)
{
    irq_after_nops();
    brk_pushes_b();
    branch_quirk();
    cli_latency();
    sei_latency();
    nmi_edge();
    nmi_hijacks_brk();
    rdy_stalls_reads();
    if (fails) {
        printf("%d check(s) failed\n", fails);
        return 1;
    }
    printf("all 6502 line and RDY checks passed\n");
    return 0;
}
