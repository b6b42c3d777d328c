/* Hostile guests: every machine runs random instruction streams and takes
 * random writes to its I/O registers, for millions of cycles, and must
 * neither crash, hang, nor grow its memory.
 *
 * Each round fills part of the machine's RAM with random bytes, points the
 * PC into it (a random place in RAM or ROM otherwise), writes random
 * values to random I/O addresses (memory-mapped I/O regions of the
 * machine's map, and the x86 port space) through the bus as the CPU would,
 * feeds random inputs, and runs a slice. A hang shows as a ctest timeout;
 * a crash or a sanitizer report fails the test; the heap is measured
 * after a warm-up and at the end.
 * Usage: test_hostile [--cycles N] [LABEL...] */
#define _GNU_SOURCE
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "schedule.h"

static int reg_index(const struct fdx_cpu *cpu, const char *name)
{
    for (unsigned i = 0; i < cpu->ops->nregs; i++)
        if (!strcmp(cpu->ops->regs[i].name, name)) return (int)i;
    return -1;
}

static void set_reg(struct fdx_cpu *cpu, const char *name, uint64_t v)
{
    int i = reg_index(cpu, name);
    if (i >= 0) cpu->ops->set_reg(cpu, (unsigned)i, v);
}

static size_t heap_in_use(void)
{
    struct mallinfo2 mi = mallinfo2();
    return mi.uordblks + mi.hblkhd;
}

/* One round of mischief. */
static void round_of(struct fdx_machine *m, uint64_t *seed)
{
    const struct fdx_machine_desc *d = m->desc;
    struct fdx_cpu *cpu = m->cpu;
    struct fdx_bus *bus = cpu->bus;

    /* pick a region of the map to aim at */
    unsigned nregions = 0;
    while (d->map && d->map[nregions].name) nregions++;
    const struct fdx_region_desc *ram = NULL, *io = NULL;
    for (unsigned tries = 0; tries < 8 && nregions; tries++) {
        const struct fdx_region_desc *r = &d->map[rel_below(seed, nregions)];
        if (r->kind == FDX_MAP_RAM && !ram) ram = r;
        if (r->kind == FDX_MAP_IO && !io) io = r;
    }

    /* random code in RAM, and the PC on it */
    uint32_t pc = (uint32_t)rel_rand(seed);
    if (ram && ram->size) {
        uint32_t len = ram->size < 512 ? ram->size : 512;
        uint32_t at = ram->base + rel_below(seed, ram->size - len + 1);
        for (uint32_t i = 0; i < len; i++) {
            uint8_t *p = fdx_bus_host_ptr(bus, at + i);
            if (p) *p = (uint8_t)rel_rand(seed);
        }
        pc = at + rel_below(seed, len);
    }
    if (rel_below(seed, 4)) {
        if (reg_index(cpu, "CS") >= 0) {
            set_reg(cpu, "CS", (pc >> 4) & 0xF000);
            set_reg(cpu, "IP", pc & 0xFFFF);
        } else {
            set_reg(cpu, "PC", pc);
        }
    }
    if (rel_below(seed, 8) == 0) {
        const char *any[] = {"A", "X", "Y", "S", "P", "SR", "D0", "A7", "SP", "FLAGS", "AX", "DS", "SS"};
        set_reg(cpu, any[rel_below(seed, sizeof any / sizeof any[0])], rel_rand(seed));
    }

    /* random I/O writes and reads, as the CPU would make them */
    for (unsigned i = 0; i < 64; i++) {
        if (io && io->size) {
            uint32_t a = io->base + rel_below(seed, io->size);
            if (rel_below(seed, 2)) fdx_bus_write8(bus, a, (uint8_t)rel_rand(seed));
            else (void)fdx_bus_read8(bus, a);
        }
        if (cpu->io) {
            uint32_t port = rel_below(seed, 0x10000);
            if (rel_below(seed, 2)) fdx_bus_write8(cpu->io, port, (uint8_t)rel_rand(seed));
            else (void)fdx_bus_read8(cpu->io, port);
        }
    }
    if (rel_below(seed, 2)) {
        struct fdx_input_event ev;
        rel_random_input(seed, &ev);
        fdx_machine_input(m, &ev);
    }
    if (rel_below(seed, 64) == 0) fdx_machine_reset(m, rel_below(seed, 2));
    if (rel_below(seed, 4) == 0) cpu->ops->set_line(cpu, FDX_LINE_IRQ, rel_below(seed, 8));
    if (rel_below(seed, 16) == 0) cpu->ops->set_line(cpu, FDX_LINE_NMI, rel_below(seed, 2));
}

int main(int argc, char **argv)
{
    uint64_t total_cycles = 3000000;
    int first = 1;
    if (argc > 2 && !strcmp(argv[1], "--cycles")) {
        total_cycles = strtoull(argv[2], NULL, 0);
        first = 3;
    }
    const char *missing = rel_uncovered_machine();
    if (missing) {
        printf("FAIL machine %s has no configuration in tests/reliability/rel.c\n", missing);
        return 1;
    }
    char dir[4096];
    if (rel_workdir(dir, sizeof dir) || chdir(dir)) { /* guests that open files stay in here */
        printf("FAIL cannot make a work directory\n");
        return 1;
    }
    int failures = 0;
    unsigned ran = 0;
    for (size_t i = 0; i < rel_nconfigs; i++) {
        const struct rel_config *c = &rel_configs[i];
        bool wanted = argc <= first;
        for (int a = first; a < argc; a++)
            if (!strcmp(argv[a], c->label)) wanted = true;
        if (!wanted) continue;
        ran++;
        uint64_t seed = rel_seed_of(c->label, 7);
        struct fdx_machine *m = rel_create(c, dir);
        uint32_t div = m->desc->cpu_divider ? m->desc->cpu_divider : 1;
        uint64_t start = m->cpu->cycles, rounds = 0, done = 0, restarts = 0;
        size_t warm = 0;
        while (done + m->cpu->cycles - start < total_cycles) {
            round_of(m, &seed);
            uint64_t before = m->cpu->cycles;
            fdx_machine_run(m, (uint64_t)div * (1000 + rel_below(&seed, 20000)));
            if (m->cpu->cycles == before) {
                /* halted (JAM, STP, double fault) or exited: a hard reset,
                 * and if that does not wake it, a new machine */
                fdx_machine_reset(m, true);
                fdx_machine_run(m, (uint64_t)div * 1000);
                if (m->cpu->cycles == before) {
                    done += m->cpu->cycles - start;
                    fdx_machine_destroy(m);
                    m = rel_create(c, dir);
                    start = m->cpu->cycles;
                    restarts++;
                }
            }
            if (++rounds == 50) warm = heap_in_use();
            if (rounds > total_cycles / 50) {
                printf("FAIL %s: %llu rounds made only %llu cycles\n", c->label, (unsigned long long)rounds,
                       (unsigned long long)(done + m->cpu->cycles - start));
                failures++;
                break;
            }
        }
        size_t end = heap_in_use();
        char hash[41];
        rel_state_hash(m, hash); /* the state still saves */
        fdx_machine_destroy(m);
        bool grew = warm && end > warm + (1u << 20);
        printf("%s %s: %llu rounds, %llu cycles, %llu new machines, heap %zu -> %zu bytes\n",
               grew ? "FAIL" : "ok  ", c->label, (unsigned long long)rounds, (unsigned long long)total_cycles,
               (unsigned long long)restarts, warm, end);
        if (grew) failures++;
    }
    rel_workdir_remove(dir);
    if (!ran) {
        printf("FAIL no configuration matched\n");
        return 1;
    }
    printf("%u machines, %d failures\n", ran, failures);
    return failures ? 1 : 0;
}
