/* dos: runs DOS .COM and MZ .EXE programs without a DOS installation.
 * The machine (dos.c) loads the program and builds the PSP and
 * environment; dos_int21.c implements the INT 20h/21h services; dos_fs.c
 * confines file access to one host directory. Internal header. */
#ifndef FDX_DOS_H
#define FDX_DOS_H

#include <stdint.h>
#include <stdbool.h>
#include <stdio.h>
#include "fdx/machine.h"
#include "cpus/x86/x86.h"

#define DOS_RAM_MAX 0xA0000u        /* 640 KiB conventional memory */
#define DOS_RAM_MIN 0x20000u        /* the PSP and a .COM program's 64 KiB fit */
#define DOS_STUB_SEG 0xF000u        /* interrupt stubs (ROM page) */
#define DOS_MCB_FIRST 0x0080u       /* first memory control block */
#define DOS_MAX_HANDLES 20
#define DOS_SVC_20 0xE0             /* private vectors the stubs use */
#define DOS_SVC_21 0xE1
#define DOS_SVC_DIV 0xE3

struct dos_file {
    int fd;                 /* host descriptor, -1 when the handle is free */
    bool device;            /* 0-2: the console */
};

struct dos {
    struct fdx_x86 cpu;
    struct fdx_bus mem, io;
    uint8_t *ram;
    uint32_t ram_size;              /* --ram: bytes of conventional memory */
    uint8_t stub[4096];
    struct fdx_machine *m;
    int dirfd;                      /* the sandbox directory */
    struct dos_file h[DOS_MAX_HANDLES];
    uint16_t psp, env;
    uint32_t dta;                   /* linear address of the DTA */
    uint32_t dta_seg, dta_off;
    bool host_time;
    bool warned_unknown;
    int pending_cr;                 /* input: '\n' became CR, LF still to give */
    uint8_t last_error;
};

/* dos_int21.c: the services; returns true when the vector was serviced. */
bool dos_swint(void *ctx, struct fdx_x86 *c, uint8_t vec);

/* dos_fs.c */
int dos_fs_open_dir(struct dos *d, const char *path, struct fdx_err *err);
/* Opens a guest path inside the sandbox. flags as for open(2). Returns a
 * host fd, or -DOS error code (2 file not found, 3 path not found,
 * 4 too many files, 5 access denied). */
int dos_fs_open(struct dos *d, const char *guest, int flags);
int dos_fs_unlink(struct dos *d, const char *guest);
/* Attributes of a guest path: 0 or -DOS error; *attr gets DOS bits. */
int dos_fs_stat(struct dos *d, const char *guest, uint8_t *attr, uint32_t *size, uint16_t *date, uint16_t *time);
/* Find first/next: fills the DTA record. index is the entry to start at.
 * Returns 0, or -18 (no more files) / -3. */
int dos_fs_find(struct dos *d, const char *pattern, uint8_t attr, uint16_t *index, uint8_t out[43]);

/* Guest memory helpers */
static inline uint8_t dos_rd8(struct dos *d, uint32_t lin) { return fdx_bus_read8(&d->mem, lin & 0xFFFFF); }
static inline void dos_wr8(struct dos *d, uint32_t lin, uint8_t v) { fdx_bus_write8(&d->mem, lin & 0xFFFFF, v); }
static inline uint16_t dos_rd16(struct dos *d, uint32_t lin)
{
    return (uint16_t)(dos_rd8(d, lin) | dos_rd8(d, lin + 1) << 8);
}
static inline void dos_wr16(struct dos *d, uint32_t lin, uint16_t v)
{
    dos_wr8(d, lin, (uint8_t)v);
    dos_wr8(d, lin + 1, (uint8_t)(v >> 8));
}
static inline uint32_t dos_lin(uint16_t seg, uint16_t off) { return ((uint32_t)seg << 4) + off; }

#endif
