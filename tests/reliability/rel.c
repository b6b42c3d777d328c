/* The machine configurations and helpers shared by the reliability tests. */
#define _POSIX_C_SOURCE 200809L
#include "rel.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Small endless workloads, hand-assembled so the tests need no tools. */

/* 6502 at $0400: sums into a table with ADC, calls a subroutine, then a
 * round in decimal mode, forever. */
static const uint8_t prog_6502_0400[] = {
    0xD8,                   /* 0400 CLD */
    0xA2, 0x00,             /* 0401 LDX #0 */
    0x8A,                   /* 0403 TXA */
    0x7D, 0x00, 0x10,       /* 0404 ADC $1000,X */
    0x9D, 0x00, 0x10,       /* 0407 STA $1000,X */
    0x20, 0x20, 0x04,       /* 040A JSR $0420 */
    0xE8,                   /* 040D INX */
    0xD0, 0xF3,             /* 040E BNE $0403 */
    0xF8,                   /* 0410 SED */
    0xEE, 0x00, 0x11,       /* 0411 INC $1100 */
    0xAD, 0x00, 0x11,       /* 0414 LDA $1100 */
    0x69, 0x07,             /* 0417 ADC #7 */
    0xD8,                   /* 0419 CLD */
    0x4C, 0x03, 0x04,       /* 041A JMP $0403 */
    0xEA, 0xEA, 0xEA,       /* 041D */
    0x48,                   /* 0420 PHA */
    0x2A,                   /* 0421 ROL A */
    0x68,                   /* 0422 PLA */
    0x60,                   /* 0423 RTS */
};

/* The same loop as a sim65 program loaded at $0400 (12-byte header). */
static const uint8_t prog_sim65[] = {
    's', 'i', 'm', '6', '5', 2, 0, 0x00, 0x00, 0x04, 0x00, 0x04,
    0xD8, 0xA2, 0x00, 0x8A, 0x7D, 0x00, 0x10, 0x9D, 0x00, 0x10, 0x20, 0x20, 0x04, 0xE8, 0xD0, 0xF3,
    0xF8, 0xEE, 0x00, 0x11, 0xAD, 0x00, 0x11, 0x69, 0x07, 0xD8, 0x4C, 0x03, 0x04, 0xEA, 0xEA, 0xEA,
    0x48, 0x2A, 0x68, 0x60,
};
static const uint8_t prog_sim65c02[] = {
    's', 'i', 'm', '6', '5', 2, 1, 0x00, 0x00, 0x04, 0x00, 0x04,
    0xD8, 0xA2, 0x00, 0x8A, 0x7D, 0x00, 0x10, 0x9D, 0x00, 0x10, 0x20, 0x20, 0x04, 0xE8, 0xD0, 0xF3,
    0xF8, 0xEE, 0x00, 0x11, 0xAD, 0x00, 0x11, 0x69, 0x07, 0xD8, 0x4C, 0x03, 0x04, 0xEA, 0xEA, 0xEA,
    0x48, 0x2A, 0x68, 0x60,
};

/* 68000 image at 0: SSP $10000, PC $400; fills $2000-$2FFF with a count,
 * multiplying and dividing on the way, forever. */
static const uint8_t prog_68k[] = {
    0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x04, 0x00, /* vectors 0 and 1 */
};
static const uint8_t prog_68k_code[] = {
    0x70, 0x00,                         /* 0400 moveq #0,d0 */
    0x41, 0xF9, 0x00, 0x00, 0x20, 0x00, /* 0402 lea $2000,a0 */
    0x52, 0x80,                         /* 0408 addq.l #1,d0 */
    0x20, 0xC0,                         /* 040A move.l d0,(a0)+ */
    0x32, 0x00,                         /* 040C move.w d0,d1 */
    0xC3, 0xFC, 0x00, 0x07,             /* 040E muls #7,d1 */
    0x82, 0xFC, 0x00, 0x03,             /* 0412 divu #3,d1 */
    0xB1, 0xFC, 0x00, 0x00, 0x30, 0x00, /* 0416 cmpa.l #$3000,a0 */
    0x6D, 0xEA,                         /* 041C blt.s $0408 */
    0x41, 0xF9, 0x00, 0x00, 0x20, 0x00, /* 041E lea $2000,a0 */
    0x60, 0xE2,                         /* 0424 bra.s $0408 */
};

/* 8086 at 0000:0100: fills $200-$FFF with a count, forever. */
static const uint8_t prog_86[] = {
    0x31, 0xC0,             /* 0100 xor ax,ax */
    0xBB, 0x00, 0x02,       /* 0102 mov bx,0x200 */
    0x40,                   /* 0105 inc ax */
    0x89, 0x07,             /* 0106 mov [bx],ax */
    0xF7, 0xE0,             /* 0108 mul ax */
    0x43,                   /* 010A inc bx */
    0x43,                   /* 010B inc bx */
    0x81, 0xFB, 0x00, 0x10, /* 010C cmp bx,0x1000 */
    0x72, 0xF3,             /* 0110 jb 0105 */
    0xBB, 0x00, 0x02,       /* 0112 mov bx,0x200 */
    0xEB, 0xEE,             /* 0115 jmp 0105 */
};

/* DOS .COM: prints 'A' through INT 21h, counts down, forever. */
static const uint8_t prog_com[] = {
    0xBA, 0x41, 0x00,       /* 0100 mov dx,'A' */
    0xB4, 0x02,             /* 0103 mov ah,2 */
    0xCD, 0x21,             /* 0105 int 21h */
    0xB9, 0x00, 0x04,       /* 0107 mov cx,0x400 */
    0x49,                   /* 010A dec cx */
    0x75, 0xFD,             /* 010B jnz 010A */
    0xEB, 0xF4,             /* 010D jmp 0103 */
};

/* the 68000 image: vectors, then the code at $400 */
static uint8_t prog_68k_image[0x400 + sizeof prog_68k_code];

#define MEDIA(a, name) a, sizeof a, name
const struct rel_config rel_configs[] = {
    {"atari2600-demo", "atari2600", {"demo"}, NULL, 0, NULL, NULL, 76 * 3 * 37},
    {"atari2600-pal", "atari2600", {"demo", "tv=pal", "bw"}, NULL, 0, NULL, NULL, 76 * 3 * 53},
    {"apple2p-demo", "apple2p", {NULL}, NULL, 0, NULL, NULL, 14318181 / 60 / 3},
    {"apple2e-demo", "apple2e", {NULL}, NULL, 0, NULL, NULL, 14318181 / 60 / 3},
    {"bare6502", "bare6502", {"start=0x0400"}, MEDIA(prog_6502_0400, "prog.bin"), "load=%s@0x0400", 9973},
    {"bare65c02", "bare65c02", {"start=0x0400"}, MEDIA(prog_6502_0400, "prog.bin"), "load=%s@0x0400", 9973},
    {"sim6502", "sim6502", {NULL}, MEDIA(prog_sim65, "prog.sim"), NULL, 9973},
    {"sim65c02", "sim65c02", {NULL}, MEDIA(prog_sim65c02, "prog.sim"), NULL, 9973},
    {"bare68k", "bare68k", {"ram=0x100000"}, MEDIA(prog_68k_image, "prog.bin"), "load=%s@0", 40009},
    {"bare86-8088", "bare86", {"start=0000:0100"}, MEDIA(prog_86, "prog.bin"), "load=%s@0000:0100", 30011},
    {"bare86-8086", "bare86", {"start=0000:0100", "cpu=8086"}, MEDIA(prog_86, "prog.bin"),
     "load=%s@0000:0100", 30011},
    {"bare86-80186", "bare86", {"start=0000:0100", "cpu=80186"}, MEDIA(prog_86, "prog.bin"),
     "load=%s@0000:0100", 30011},
    {"bare86-80188", "bare86", {"start=0000:0100", "cpu=80188"}, MEDIA(prog_86, "prog.bin"),
     "load=%s@0000:0100", 30011},
    {"dos", "dos", {NULL}, MEDIA(prog_com, "PROG.COM"), NULL, 30011},
};
const size_t rel_nconfigs = sizeof rel_configs / sizeof rel_configs[0];

static void fail(const char *fmt, const char *a, const char *b)
{
    fprintf(stderr, "FAIL ");
    fprintf(stderr, fmt, a, b);
    fprintf(stderr, "\n");
    exit(1);
}

int rel_workdir(char *out, size_t size)
{
    const char *t = getenv("TMPDIR");
    snprintf(out, size, "%s/fdx-rel.XXXXXX", t && *t ? t : "/tmp");
    return mkdtemp(out) ? 0 : -1;
}

void rel_workdir_remove(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) return;
    struct dirent *e;
    char path[4096];
    while ((e = readdir(d)) != NULL) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        unlink(path);
    }
    closedir(d);
    rmdir(dir);
}

static const uint8_t *media_bytes(const struct rel_config *c)
{
    if (c->media == prog_68k_image) {
        memcpy(prog_68k_image, prog_68k, sizeof prog_68k);
        memcpy(prog_68k_image + 0x400, prog_68k_code, sizeof prog_68k_code);
    }
    return c->media;
}

struct fdx_machine *rel_create(const struct rel_config *c, const char *dir)
{
    const struct fdx_machine_desc *d = fdx_machine_find(c->machine);
    if (!d) fail("%s: machine %s is not built in", c->label, c->machine);
    struct fdx_options o;
    fdx_options_init(&o);
    static char store[16][4200];        /* option strings outlive create (copied by it) */
    unsigned used = 0;
    for (unsigned i = 0; i < 6 && c->opts[i]; i++) {
        char *kv = store[used++];
        snprintf(kv, sizeof store[0], "%s", c->opts[i]);
        char *eq = strchr(kv, '=');
        if (eq) *eq++ = 0;
        fdx_options_add(&o, kv, eq ? eq : "on");
    }
    char path[4096];
    if (c->media) {
        snprintf(path, sizeof path, "%s/%s", dir, c->media_name);
        FILE *f = fopen(path, "wb");
        if (!f || fwrite(media_bytes(c), 1, c->media_size, f) != c->media_size || fclose(f))
            fail("%s: cannot write %s", c->label, path);
        if (c->load_option) {
            char *kv = store[used++];
            snprintf(kv, sizeof store[0], c->load_option, path);
            char *eq = strchr(kv, '=');
            *eq++ = 0;
            fdx_options_add(&o, kv, eq);
        } else {
            fdx_options_add_arg(&o, path);
        }
    }
    if (!strcmp(c->machine, "dos")) fdx_options_add(&o, "dir", dir);
    struct fdx_err err;
    struct fdx_machine *m = fdx_machine_create(d, &o, NULL, &err);
    if (!m) fail("%s: %s", c->label, err.msg);
    return m;
}

void rel_random_input(uint64_t *seed, struct fdx_input_event *ev)
{
    static const unsigned keys[] = {FDX_KEY_A, FDX_KEY_A + 7, FDX_KEY_Z, FDX_KEY_1, FDX_KEY_RETURN,
                                    FDX_KEY_SPACE, FDX_KEY_LEFT, FDX_KEY_ESCAPE};
    memset(ev, 0, sizeof *ev);
    switch (rel_below(seed, 4)) {
    case 0:
        ev->kind = FDX_INPUT_JOYSTICK;
        ev->port = rel_below(seed, 2);
        ev->value = (int32_t)rel_below(seed, 32);
        break;
    case 1:
        ev->kind = FDX_INPUT_PADDLE;
        ev->port = rel_below(seed, 4);
        ev->value = (int32_t)rel_below(seed, 65536) - 32768;
        break;
    case 2:
        ev->kind = FDX_INPUT_KEY;
        ev->code = keys[rel_below(seed, sizeof keys / sizeof keys[0])];
        ev->value = (int32_t)rel_below(seed, 2);
        break;
    default:
        ev->kind = FDX_INPUT_SWITCH;
        ev->code = rel_below(seed, 6);
        ev->value = (int32_t)rel_below(seed, 2);
        break;
    }
}

void rel_state_hash(struct fdx_machine *m, char out[41])
{
    size_t n = fdx_machine_state_size(m);
    uint8_t *buf = malloc(n);
    struct fdx_err err;
    if (!buf || fdx_machine_save(m, buf, n, &err)) fail("%s: cannot save a state: %s", m->desc->name, buf ? err.msg : "out of memory");
    fdx_sha1_hex(buf, n, out);
    free(buf);
}

const char *rel_uncovered_machine(void)
{
    for (const struct fdx_machine_desc *const *d = fdx_machines(); *d; d++) {
        bool found = false;
        for (size_t i = 0; i < rel_nconfigs; i++)
            if (!strcmp(rel_configs[i].machine, (*d)->name)) found = true;
        if (!found) return (*d)->name;
    }
    return NULL;
}
