/* The dos machine: loads a .COM or MZ .EXE program into 640 KiB of memory
 * (--ram: less)
 * with a PSP, command tail and environment, and runs it on an 8088 whose
 * INT 20h/21h go to dos_int21.c. `fdx run dos PROG.COM [ARGS]`. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "dos.h"

#define PSP_SEG 0x0100u     /* program's PSP; the environment sits below it */
#define ENV_SEG 0x0091u

static void put_mcb(struct dos *d, uint16_t seg, char type, uint16_t owner, uint16_t size)
{
    uint32_t a = (uint32_t)seg << 4;
    dos_wr8(d, a, (uint8_t)type);
    dos_wr16(d, a + 1, owner);
    dos_wr16(d, a + 3, size);
}

/* Stubs at F000:n*8: IRET, except 0 (divide error: DOS prints "Divide
 * overflow" and ends the program), 20h and 21h (INT to our private vector,
 * then RETF 2 so a program that chains to the old vector gets the flags). */
static void build_stubs(struct dos *d)
{
    memset(d->stub, 0xCF, sizeof d->stub);
    for (unsigned n = 0; n < 256; n++) {
        uint8_t *s = d->stub + n * 8;
        if (n == 0) {
            s[0] = 0xCD, s[1] = DOS_SVC_DIV, s[2] = 0xCF;
        } else if (n == 0x20 || n == 0x21) {
            s[0] = 0xCD, s[1] = n == 0x20 ? DOS_SVC_20 : DOS_SVC_21;
            s[2] = 0xCA, s[3] = 0x02, s[4] = 0x00;
        }
        dos_wr16(d, n * 4, (uint16_t)(n * 8));
        dos_wr16(d, n * 4 + 2, DOS_STUB_SEG);
    }
}

static int load_program(struct dos *d, const char *path, struct fdx_err *err)
{
    struct fdx_machine *m = d->m;
    uint8_t *img;
    size_t size;
    if (fdx_file_read(path, d->ram_size, &img, &size, err)) return -1;
    struct fdx_x86 *c = &d->cpu;
    uint16_t psp = PSP_SEG;
    uint16_t avail = (uint16_t)((d->ram_size >> 4) - psp); /* paragraphs from the PSP up */
    bool exe = size >= 2 && ((img[0] == 'M' && img[1] == 'Z') || (img[0] == 'Z' && img[1] == 'M'));
    uint16_t cs, ip, ss, sp, alloc;
    if (exe) {
        if (size < 28) goto bad_exe;
#define HW(o) ((uint16_t)(img[o] | img[(o) + 1] << 8))
        uint16_t cblp = HW(2), cp = HW(4), crlc = HW(6), cparhdr = HW(8), minalloc = HW(10), maxalloc = HW(12);
        uint32_t hdr = (uint32_t)cparhdr * 16, lfarlc = HW(24);
        uint32_t total = (uint32_t)cp * 512 - (cblp ? 512 - (cblp & 511) : 0);
        if (total > size) total = (uint32_t)size; /* DOS loads what is there */
        /* checked after the clamp: a header longer than the file is refused */
        if (cp == 0 || cblp > 512 || hdr < 28 || hdr > total) goto bad_exe;
        uint32_t load = total - hdr;
        if (lfarlc + (uint32_t)crlc * 4 > size) goto bad_exe;
        uint32_t need = (load + 15) / 16 + 0x10 + minalloc;
        if (need > avail) {
            free(img);
            return fdx_err_set(err, "%s: needs %u KiB, only %u KiB free", path, (unsigned)(need / 64),
                               (unsigned)(avail / 64));
        }
        uint16_t lseg = (uint16_t)(psp + 0x10);
        memcpy(d->ram + ((uint32_t)lseg << 4), img + hdr, load);
        for (uint32_t i = 0; i < crlc; i++) {
            uint16_t ro = HW(lfarlc + i * 4), rs = HW(lfarlc + i * 4 + 2);
            uint32_t at = (uint32_t)rs * 16 + ro;
            if (at + 2 > load) goto bad_exe;
            uint32_t a = ((uint32_t)lseg << 4) + at;
            dos_wr16(d, a, (uint16_t)(dos_rd16(d, a) + lseg));
        }
        cs = (uint16_t)(lseg + HW(22));
        ip = HW(20);
        ss = (uint16_t)(lseg + HW(14));
        sp = HW(16);
        uint32_t want = (load + 15) / 16 + 0x10 + (maxalloc ? maxalloc : 0);
        if (maxalloc == 0xFFFF || want > avail) want = avail;
        if (want < need) want = need;
        alloc = (uint16_t)want;
        if (((uint32_t)ss << 4) + sp > d->ram_size + 0x10000u) goto bad_exe;
#undef HW
    } else {
        if (size > 0xFF00 - 2) {
            free(img);
            return fdx_err_set(err, "%s: a .COM program must be smaller than 65280 bytes", path);
        }
        memcpy(d->ram + ((uint32_t)psp << 4) + 0x100, img, size);
        cs = ss = psp;
        ip = 0x100;
        sp = 0xFFFE;
        alloc = avail;
    }
    free(img);

    /* memory: environment block, program block, rest free */
    uint16_t env_paras = (uint16_t)(psp - 1 - ENV_SEG);
    put_mcb(d, DOS_MCB_FIRST, 'M', 8, (uint16_t)(ENV_SEG - 1 - DOS_MCB_FIRST - 1)); /* DOS's own */
    put_mcb(d, (uint16_t)(ENV_SEG - 1), 'M', psp, env_paras);
    if (alloc >= avail) {
        put_mcb(d, (uint16_t)(psp - 1), 'Z', psp, avail);
    } else {
        put_mcb(d, (uint16_t)(psp - 1), 'M', psp, alloc);
        put_mcb(d, (uint16_t)(psp + alloc), 'Z', 0, (uint16_t)(avail - alloc - 1));
    }

    /* environment: variables, then the program's own path */
    uint32_t e = (uint32_t)ENV_SEG << 4;
    static const char vars[] = "COMSPEC=C:\\COMMAND.COM\0PATH=C:\\\0\0";
    memcpy(d->ram + e, vars, sizeof vars - 1);
    e += sizeof vars - 1;
    dos_wr16(d, e, 1);
    e += 2;
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    char prog[80] = "C:\\";
    size_t pl = 3;
    for (size_t i = 0; base[i] && pl < sizeof prog - 1; i++) prog[pl++] = (char)toupper((unsigned char)base[i]);
    prog[pl] = 0;
    memcpy(d->ram + e, prog, pl + 1);

    /* PSP */
    uint32_t p = (uint32_t)psp << 4;
    d->ram[p] = 0xCD, d->ram[p + 1] = 0x20;
    dos_wr16(d, p + 2, (uint16_t)(psp + alloc));
    dos_wr16(d, p + 0x0A, dos_rd16(d, 0x22 * 4));
    dos_wr16(d, p + 0x0C, dos_rd16(d, 0x22 * 4 + 2));
    dos_wr16(d, p + 0x16, psp); /* parent: itself */
    memset(d->ram + p + 0x18, 0xFF, 20);
    for (int i = 0; i < 5; i++) d->ram[p + 0x18 + i] = (uint8_t)(i < 3 ? 1 : i); /* JFT */
    dos_wr16(d, p + 0x2C, ENV_SEG);
    dos_wr16(d, p + 0x32, 20);
    dos_wr16(d, p + 0x34, 0x18);
    dos_wr16(d, p + 0x36, psp);
    d->ram[p + 0x50] = 0xCD, d->ram[p + 0x51] = 0x21, d->ram[p + 0x52] = 0xCB;
    memset(d->ram + p + 0x5C, 0, 0x24);
    memset(d->ram + p + 0x5D, ' ', 11);
    memset(d->ram + p + 0x6D, ' ', 11);
    /* command tail: " ARG1 ARG2" then CR, at most 126 characters */
    char tail[128];
    size_t tl = 0;
    for (unsigned i = 1; i < m->opts.argc; i++) {
        const char *a = m->opts.argv[i];
        size_t al = strlen(a);
        if (tl + 1 + al > 126) return fdx_err_set(err, "dos: the command tail is longer than 126 characters");
        tail[tl++] = ' ';
        memcpy(tail + tl, a, al);
        tl += al;
    }
    d->ram[p + 0x80] = (uint8_t)tl;
    memcpy(d->ram + p + 0x81, tail, tl);
    d->ram[p + 0x81 + tl] = 0x0D;
    d->psp = psp;
    d->env = ENV_SEG;
    d->dta_seg = psp;
    d->dta_off = 0x80;
    d->dta = p + 0x80;

    /* registers as DOS leaves them */
    fdx_x86_set_seg(c, X86_CS, cs);
    fdx_x86_set_seg(c, X86_SS, ss);
    fdx_x86_set_seg(c, X86_DS, psp);
    fdx_x86_set_seg(c, X86_ES, psp);
    c->ip = ip;
    c->r[X86_SP] = sp;
    c->r[X86_AX] = 0;
    c->r[X86_BX] = 0;
    c->r[X86_CX] = 0x00FF;
    c->r[X86_DX] = psp;
    c->r[X86_SI] = ip;
    c->r[X86_DI] = sp;
    c->r[X86_BP] = 0x091C;
    c->flags = fdx_x86_fix_flags(c, X86_IF);
    if (!exe) { /* a RET from a .COM program lands on INT 20h at PSP:0000 */
        dos_wr16(d, ((uint32_t)ss << 4) + sp, 0);
    }
    fdx_x86_flush(c);
    c->qlin = (c->seg[X86_CS].base + ip) & 0xFFFFF;
    return 0;
bad_exe:
    free(img);
    return fdx_err_set(err, "%s: damaged or unsupported MZ .EXE header", path);
}

static int dos_create(struct fdx_machine *m, struct fdx_err *err)
{
    struct dos *d = m->impl;
    d->m = m;
    d->dirfd = -1;
    for (int i = 0; i < DOS_MAX_HANDLES; i++) d->h[i].fd = -1;
    for (int i = 0; i < 5; i++) d->h[i].device = true;
    if (m->opts.argc < 1) return fdx_err_set(err, "dos: which program? (fdx run dos PROG.COM [ARGS])");
    if (fdx_machine_opt_size(m, "ram", DOS_RAM_MIN, DOS_RAM_MAX, 0x10000, &d->ram_size, err)) return -1;
    d->ram = calloc(1, d->ram_size);
    if (!d->ram) return fdx_err_set(err, "dos: out of memory");
    if (fdx_bus_init(&d->mem, 20, 12, FDX_LITTLE_ENDIAN) || fdx_bus_init(&d->io, 16, 8, FDX_LITTLE_ENDIAN))
        return fdx_err_set(err, "dos: out of memory");
    /* 64 KiB blocks up to the RAM size; nothing above it (open bus) */
    for (uint32_t at = 0; at < d->ram_size; at += 0x10000) {
        struct fdx_map_entry e = {at, 0x10000, FDX_MAP_RAM, d->ram + at, 0x10000, NULL};
        if (fdx_bus_map(&d->mem, &e, 1)) return fdx_err_set(err, "dos: memory map");
    }
    struct fdx_map_entry s = {(uint32_t)DOS_STUB_SEG << 4, sizeof d->stub, FDX_MAP_ROM, d->stub, sizeof d->stub, NULL};
    if (fdx_bus_map(&d->mem, &s, 1)) return fdx_err_set(err, "dos: memory map");
    fdx_x86_init(&d->cpu, FDX_X86_8088, &d->mem, &d->io);
    d->cpu.swint = dos_swint;
    d->cpu.swint_ctx = d;
    m->cpu = &d->cpu.base;
    if (fdx_machine_opt_bool(m, "host-time", &d->host_time, err)) return -1;
    const char *dir = fdx_machine_opt_string(m, "dir", 0);
    if (dos_fs_open_dir(d, dir ? dir : ".", err)) return -1;
    build_stubs(d);
    return load_program(d, m->opts.argv[0], err);
}

static void dos_destroy(struct fdx_machine *m)
{
    struct dos *d = m->impl;
    for (int i = 0; i < DOS_MAX_HANDLES; i++)
        if (d->h[i].fd >= 0) close(d->h[i].fd);
    if (d->dirfd >= 0) close(d->dirfd);
    fdx_bus_free(&d->mem);
    fdx_bus_free(&d->io);
    free(d->ram);
}

/* Runs in short slices and stops the program when it leaves its memory
 * (executing in the interrupt table, DOS's area or above its RAM). */
static enum fdx_run_result dos_run(struct fdx_machine *m, uint64_t until)
{
    struct dos *d = m->impl;
    struct fdx_x86 *c = &d->cpu;
    enum fdx_run_result r = FDX_RUN_OK;
    while (m->sched.now < until && r == FDX_RUN_OK) {
        uint64_t slice = m->sched.now + 3 * 20000;
        r = fdx_machine_run_cpu(m, &c->base, slice < until ? slice : until);
        uint32_t pc = (c->seg[X86_CS].base + c->ip) & 0xFFFFF;
        bool in_stub = (pc >> 12) == (DOS_STUB_SEG >> 8);
        if (!m->exited && !in_stub && (pc < ((uint32_t)d->psp << 4) || pc >= d->ram_size)) {
            char msg[120];
            int n = snprintf(msg, sizeof msg, "dos: program ran outside its memory (CS:IP %04X:%04X), stopped\n",
                             c->seg[X86_CS].sel, c->ip);
            fdx_machine_host_write(m, 2, msg, (size_t)n);
            fdx_machine_request_exit(m, 255);
            return FDX_RUN_EXIT;
        }
        if ((r == FDX_RUN_HALTED || c->halted) && !m->exited) {
            /* nothing here raises interrupts, so HLT would wait forever */
            static const char msg[] = "dos: the program halted the CPU (HLT), stopped\n";
            fdx_machine_host_write(m, 2, msg, sizeof msg - 1);
            fdx_machine_request_exit(m, 255);
            return FDX_RUN_EXIT;
        }
    }
    return r;
}

static void dos_state(struct fdx_machine *m, struct fdx_state *st)
{
    struct dos *d = m->impl;
    d->cpu.base.ops->state(&d->cpu.base, st);
    fdx_state_begin(st, "DOS ", 1);
    fdx_state_bytes(st, "ram", d->ram, d->ram_size);
    fdx_state_u32(st, "dta", &d->dta);
    fdx_state_u32(st, "dta_seg", &d->dta_seg);
    fdx_state_u32(st, "dta_off", &d->dta_off);
    fdx_state_end(st);
}

/* 640 KiB adds nothing, so states saved before --ram existed still load */
static uint32_t dos_config(struct fdx_machine *m)
{
    struct dos *d = m->impl;
    return d->ram_size == DOS_RAM_MAX ? 0 : d->ram_size;
}

static const struct fdx_option_desc dos_options[] = {
    {"dir", FDX_OPT_STRING, ".", NULL, false, "the only host directory the program may use (its C:\\)"},
    {"ram", FDX_OPT_INT, "655360", NULL, false, "conventional memory in bytes, a multiple of 64 KiB from 128 KiB to 640 KiB"},
    {"host-time", FDX_OPT_BOOL, "off", NULL, false, "date and time from the host (default: a fixed clock, 2000-01-01, advancing with emulated time)"},
    {NULL, 0, NULL, NULL, false, NULL},
};

static const struct fdx_region_desc dos_map[] = {
    {"conventional RAM (up to 640 KiB)", 0, DOS_RAM_MAX, FDX_MAP_RAM},
    {"interrupt stubs", (uint32_t)DOS_STUB_SEG << 4, 0x1000, FDX_MAP_ROM},
    {NULL, 0, 0, 0},
};

const struct fdx_machine_desc fdx_machine_dos = {
    .name = "dos",
    .title = "DOS .COM/.EXE runner (8088, INT 21h services, no DOS needed)",
    .cpu_model = "8088",
    .master_hz = 14318180,
    .cpu_divider = 3,
    .map = dos_map,
    .options = dos_options,
    .args_help = "PROGRAM.COM|PROGRAM.EXE [ARGS...]",
    .program_args = true,
    .impl_size = sizeof(struct dos),
    .create = dos_create,
    .destroy = dos_destroy,
    .run = dos_run,
    .state = dos_state,
    .config_id = dos_config,
};
