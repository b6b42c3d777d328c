/* Writes the seed corpora of the fuzz targets from our own test files:
 *   make_seeds OUTDIR REPO_DIR TESTDATA_DIR
 * OUTDIR/<target>/ gets a few inputs each: the reliability workloads,
 * the demo cartridge and disk in every disk format, the 2600 test carts,
 * hand-made PRG/EXE headers, symbol files, expressions, INI text, m3u
 * playlists, and single tests from the SingleStepTests files. */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cjson/cJSON.h>

#include "fdx/fdx.h"
#include "machines/apple2/a2_disk.h"
#include "machines/apple2/a2_woz.h"
#include "fuzz.h"
#include "rel.h"
#include "sst.h"

extern const uint8_t a2_fw_demo[4096];
extern const uint8_t a2600_demo_rom[4096];

static const char *outdir;
static unsigned written;

static void put(const char *target, const char *name, const void *data, size_t size)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", outdir, target);
    if (mkdir(path, 0755) && errno != EEXIST) {
        perror(path);
        exit(1);
    }
    snprintf(path, sizeof path, "%s/%s/%s", outdir, target, name);
    FILE *f = fopen(path, "wb");
    if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f)) {
        perror(path);
        exit(1);
    }
    written++;
}

static void put_str(const char *target, const char *name, const char *s) { put(target, name, s, strlen(s)); }

/* a file of the repository, copied */
static void put_file(const char *target, const char *name, const char *path)
{
    uint8_t *data;
    size_t size;
    struct fdx_err err;
    if (fdx_file_read(path, 1 << 24, &data, &size, &err)) {
        fprintf(stderr, "make_seeds: %s\n", err.msg);
        exit(1);
    }
    put(target, name, data, size);
    free(data);
}

static void put_dir(const char *target, const char *dir, const char *suffix)
{
    DIR *d = opendir(dir);
    if (!d) {
        perror(dir);
        exit(1);
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name), s = strlen(suffix);
        if (n <= s || strcmp(e->d_name + n - s, suffix)) continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        put_file(target, e->d_name, path);
    }
    closedir(d);
}

/* the configurations as the fuzz targets use them */
static const struct rel_config *config(const char *label)
{
    return fuzz_config(label);
}

static void be32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++) p[i] = (uint8_t)(v >> (24 - 8 * i));
}

static void apple2_disks(void)
{
    static uint8_t img[A2_SECTOR_IMAGE_SIZE];
    memcpy(img, a2_fw_demo, sizeof a2_fw_demo);
    put("fuzz_disk_dsk", "demo.dsk", img, sizeof img);
    put("fuzz_disk_po", "demo.po", img, sizeof img);
    struct a2_disk d;
    memset(&d, 0, sizeof d);
    struct fdx_err err;
    if (a2_disk_from_sectors(&d, img, A2_FMT_DOS, 254, &err)) {
        fprintf(stderr, "make_seeds: %s\n", err.msg);
        exit(1);
    }
    static const struct { enum a2_format f; const char *target, *name; char sel; } out[] = {
        {A2_FMT_NIB, "fuzz_disk_nib", "demo.nib", 3},
        {A2_FMT_WOZ1, "fuzz_disk_woz", "demo1.woz", 4},
        {A2_FMT_WOZ2, "fuzz_disk_woz", "demo2.woz", 4},
    };
    static uint8_t sel[1 + A2_SECTOR_IMAGE_SIZE];
    sel[0] = 0;
    memcpy(sel + 1, img, sizeof img);
    put("fuzz_a2disk", "demo.dsk", sel, sizeof sel);
    for (size_t i = 0; i < sizeof out / sizeof out[0]; i++) {
        d.format = out[i].f;
        uint8_t *data;
        size_t size;
        if (a2_disk_save(&d, &data, &size, &err)) {
            fprintf(stderr, "make_seeds: %s: %s\n", out[i].name, err.msg);
            exit(1);
        }
        put(out[i].target, out[i].name, data, size);
        uint8_t *s = malloc(size + 1);
        s[0] = (uint8_t)out[i].sel;
        memcpy(s + 1, data, size);
        put("fuzz_a2disk", out[i].name, s, size + 1);
        free(s);
        free(data);
    }
    a2_disk_free(&d);
}

static void programs(void)
{
    const struct rel_config *c;
    c = config("bare6502");
    put("fuzz_prog_raw6502", "loop.bin", c->media, c->media_size);
    c = config("sim6502");
    put("fuzz_prog_sim65", "loop.sim", c->media, c->media_size);
    c = config("bare86-8088");
    put("fuzz_prog_raw86", "loop.bin", c->media, c->media_size);
    c = config("dos");
    put("fuzz_prog_com", "loop.com", c->media, c->media_size);
    c = config("bare68k");
    /* the configuration fills its image when a machine is made from it */
    char dir[4096];
    if (rel_workdir(dir, sizeof dir)) exit(1);
    fdx_machine_destroy(rel_create(c, dir));
    rel_workdir_remove(dir);
    put("fuzz_prog_raw68k", "loop.bin", c->media, c->media_size);

    /* a GEMDOS program: moveq #3,d0; lea data(pc)... kept simple: one
     * relocated long in the text, then Pterm0 */
    uint8_t prg[28 + 12 + 4 + 2];
    memset(prg, 0, sizeof prg);
    prg[0] = 0x60, prg[1] = 0x1A;
    be32(prg + 2, 12);                          /* text */
    static const uint8_t text[12] = {0x20, 0x3C, 0, 0, 0, 8, /* move.l #8,d0 (relocated) */
                                     0x42, 0x67,             /* clr.w -(sp) */
                                     0x4E, 0x41,             /* trap #1: Pterm0 */
                                     0x4E, 0x71};
    memcpy(prg + 28, text, sizeof text);
    be32(prg + 40, 2);                          /* first fixup at text+2 */
    prg[44] = 0;                                /* end */
    put("fuzz_prog_prg", "pterm0.prg", prg, sizeof prg - 1);

    /* an MZ .EXE: 32-byte header, code prints 'A' and exits with 3 */
    uint8_t exe[32 + 12];
    memset(exe, 0, sizeof exe);
    exe[0] = 'M', exe[1] = 'Z';
    exe[2] = sizeof exe % 512, exe[4] = 1;      /* bytes in last page, pages */
    exe[8] = 2;                                 /* header paragraphs */
    exe[10] = 0x10;                             /* min extra paragraphs */
    exe[12] = 0xFF, exe[13] = 0xFF;             /* max */
    exe[16] = 0x00, exe[17] = 0x01;             /* SP */
    exe[24] = 0x1C;                             /* relocation table offset */
    static const uint8_t code[12] = {0xB2, 'A', 0xB4, 0x02, 0xCD, 0x21, 0xB8, 0x03, 0x4C, 0xCD, 0x21, 0x90};
    memcpy(exe + 32, code, sizeof code);
    put("fuzz_prog_exe", "exit3.exe", exe, sizeof exe);
}

static void states(void)
{
    static const char *const targets[][2] = {
        {"fuzz_state_atari2600", "atari2600-demo"}, {"fuzz_state_apple2e", "apple2e-demo"},
        {"fuzz_state_bare6502", "bare6502"},        {"fuzz_state_sim6502", "sim6502"},
        {"fuzz_state_bare68k", "bare68k"},          {"fuzz_state_bare86", "bare86-8088"},
        {"fuzz_state_dos", "dos"},
    };
    char dir[4096];
    if (rel_workdir(dir, sizeof dir)) exit(1);
    for (size_t i = 0; i < sizeof targets / sizeof targets[0]; i++) {
        const struct rel_config *c = config(targets[i][1]);
        struct fdx_machine *m = rel_create(c, dir);
        fdx_machine_run(m, c->step_ticks);
        size_t n = fdx_machine_state_size(m);
        uint8_t *buf = malloc(n);
        struct fdx_err err;
        if (!buf || fdx_machine_save(m, buf, n, &err)) exit(1);
        buf[55] = 1;                            /* mode byte: the whole body */
        put(targets[i][0], "body", buf + 55, n - 55);
        static const uint8_t edits[] = {0, 0, 0, 0, 0xFF, 8, 0, 0, 0x80, 40, 0, 0, 0x7F};
        put(targets[i][0], "edits", edits, sizeof edits);
        free(buf);
        fdx_machine_destroy(m);
    }
    rel_workdir_remove(dir);
}

static void texts(const char *repo)
{
    put_str("fuzz_symbols", "ld65.lbl", "al 000400 .start\nal 001000 .table\nal 00FFFC .reset\n");
    put_str("fuzz_symbols", "plain.sym", "start = $0400\ntable = 0x1000\n; comment\nloop=1026\n");
    put_str("fuzz_symbols", "nasm.map",
            "- NASM Map file ---\n\n-- Symbols --\n\n---- Section .text ----\n\nReal              Virtual           Name\n"
            "             100               100  start\n             10A               10A  loop\n");
    char path[4096];
    snprintf(path, sizeof path, "%s/tests/debug/toy", repo);
    put_dir("fuzz_symbols", path, ".sym");

    static const char *const exprs[] = {"$10 + 0x20 * 3", "[table] == 5 && A != X", "w[start+2] >> 1",
                                        "%1010 | 'a'", "-(~PC) % 7", "C && !Z || N", "table + X < $2000",
                                        "1000:0010", "((((1))))", "start / (X - X)"};
    for (size_t i = 0; i < sizeof exprs / sizeof exprs[0]; i++) {
        char name[32];
        snprintf(name, sizeof name, "e%zu", i);
        put_str("fuzz_expr", name, exprs[i]);
    }
    put_str("fuzz_ini", "fdx.ini",
            "; fdx configuration\nscale = 3\nfilter=nearest\n\n[atari2600]\ntv = pal\nkey.fire = space\n"
            "[apple2e]\nmono=on\n");
    put_str("fuzz_ini", "bad.ini", "[unterminated\nno equals sign\n=novalue\n[ok]\nx=1\n");
    snprintf(path, sizeof path, "%s/tests/libretro/media", repo);
    put_dir("fuzz_m3u", path, ".m3u");
    put_str("fuzz_m3u", "list.m3u", "#EXTM3U\n# comment\ndisk1.dsk\n../disk2.nib|Label\n\n/abs/disk3.woz\n");

    snprintf(path, sizeof path, "%s/roms/tests", repo);
    put_dir("fuzz_cart_bin", path, ".bin");
    put("fuzz_cart_a26", "demo.a26", a2600_demo_rom, 4096);
    put("fuzz_cart_a26", "demo2k.a26", a2600_demo_rom + 2048, 2048);
}

/* single tests from SingleStepTests files: a few files per CPU */
static void sst(const char *testdata)
{
    static const char *const sets[][3] = {
        {"fuzz_sst_6502", "6502", "00.json.gz 6d.json.gz fe.json.gz 9c.json.gz"},
        {"fuzz_sst_65c02", "65c02", "00.json.gz 6d.json.gz 0f.json.gz 72.json.gz"},
        {"fuzz_sst_68000", "68000", "ADD.b.json.gz DIVU.json.gz MOVE.l.json.gz"},
        {"fuzz_sst_8086", "8086", "00.json.gz F6.7.json.gz A6.json.gz"},
    };
    for (size_t i = 0; i < sizeof sets / sizeof sets[0]; i++) {
        char files[256];
        snprintf(files, sizeof files, "%s", sets[i][2]);
        for (char *f = strtok(files, " "); f; f = strtok(NULL, " ")) {
            char path[4096], err[256];
            snprintf(path, sizeof path, "%s/%s/%s", testdata, sets[i][1], f);
            cJSON *all = fdx_sst_load_json(path, err, sizeof err);
            if (!all) {
                fprintf(stderr, "make_seeds: %s (skipped)\n", err);
                continue;
            }
            for (int k = 0; k < 2 && k < cJSON_GetArraySize(all); k++) {
                cJSON *one = cJSON_CreateArray();
                cJSON_AddItemReferenceToArray(one, cJSON_GetArrayItem(all, k));
                char *text = cJSON_PrintUnformatted(one);
                char name[128];
                snprintf(name, sizeof name, "%s.%d.json", f, k);
                put_str(sets[i][0], name, text);
                free(text);
                cJSON_Delete(one);
            }
            cJSON_Delete(all);
        }
    }
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: make_seeds OUTDIR REPO_DIR TESTDATA_DIR\n");
        return 2;
    }
    outdir = argv[1];
    if (mkdir(outdir, 0755) && errno != EEXIST) {
        perror(outdir);
        return 1;
    }
    apple2_disks();
    programs();
    states();
    texts(argv[2]);
    sst(argv[3]);
    printf("make_seeds: %u files in %s\n", written, outdir);
    return 0;
}
