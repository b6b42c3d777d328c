/* Apple II+ and enhanced IIe machines: creation, firmware, disks, frames,
 * save states. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "a2.h"
#include "a2_chargen.h"
#include "a2_firmware.h"

/* ---- firmware ----------------------------------------------------------- */

/* The user's ROMs (checksums from the MAME catalogue). When all pieces of a
 * machine's system ROM are in the ROM path they are used; otherwise our
 * free firmware (--firmware user makes a missing one an error). */
static const struct fdx_rom_desc roms_iiplus[] = {
    {"d000", "Apple II+ ROM $D000 (Applesoft)", "341-0011.d0", 2048, 0x6f05f949, NULL, false},
    {"d800", "Apple II+ ROM $D800 (Applesoft)", "341-0012.d8", 2048, 0x1f08087c, NULL, false},
    {"e000", "Apple II+ ROM $E000 (Applesoft)", "341-0013.e0", 2048, 0x2b8d9a89, NULL, false},
    {"e800", "Apple II+ ROM $E800 (Applesoft)", "341-0014.e8", 2048, 0x5719871a, NULL, false},
    {"f000", "Apple II+ ROM $F000 (Applesoft)", "341-0015.f0", 2048, 0x9a04eecf, NULL, false},
    {"f800", "Apple II+ ROM $F800 (Autostart monitor)", "341-0020-00.f8", 2048, 0x079589c4, NULL, false},
    {"disk2", "Disk II boot PROM (16 sector)", "341-0027-a.p5", 256, 0xce7144f6, NULL, false},
    {"chr", "Apple II+ character generator", "341-0036.chr", A2_CHARGEN_IIPLUS_SIZE, 0x64f415c6, NULL, false},
    {NULL, NULL, NULL, 0, 0, NULL, false},
};

static const struct fdx_rom_desc roms_iie[] = {
    {"cd", "Apple IIe enhanced ROM $C000-$DFFF", "342-0304-a.e10", 8192, 0x443aa7c4, NULL, false},
    {"ef", "Apple IIe enhanced ROM $E000-$FFFF", "342-0303-a.e8", 8192, 0x95e10034, NULL, false},
    {"disk2", "Disk II boot PROM (16 sector)", "341-0027-a.p5", 256, 0xce7144f6, NULL, false},
    {"chr", "Apple IIe enhanced video ROM (characters)", "342-0265-a.chr", A2_CHARGEN_IIE_SIZE, 0x2651014d, NULL,
     false},
    {NULL, NULL, NULL, 0, 0, NULL, false},
};

/* Loads the user's pieces into dst; 1 if all found, 0 if none were wanted
 * or some are missing (err names the first missing one). */
static int user_rom(struct fdx_machine *m, const char *const *slots, unsigned n, uint8_t *dst, struct fdx_err *err)
{
    for (unsigned i = 0; i < n; i++) {
        uint8_t *data;
        size_t size;
        if (fdx_machine_load_rom(m, slots[i], &data, &size, err)) return 0;
        memcpy(dst + i * size, data, size);
        free(data);
    }
    return 1;
}

static int load_firmware(struct fdx_machine *m, struct a2 *a, struct fdx_err *err)
{
    const char *fw = fdx_machine_opt_string(m, "firmware", 0);
    bool want_user = fw && !strcmp(fw, "user"), want_free = fw && !strcmp(fw, "free");
    struct fdx_err e;
    memcpy(a->chargen, a2_fw_chargen, sizeof a->chargen);
    /* the II+'s character ROM has 64 glyphs: $E0-$FF show $A0-$BF's symbols
     * and digits, not lower case (the II+ has none) */
    if (!a->iie) memcpy(a->chargen + 0xE0 * 8, a->chargen + 0xA0 * 8, 0x20 * 8);
    bool got = false;
    if (!want_free) {
        static const char *const plus[] = {"d000", "d800", "e000", "e800", "f000", "f800"};
        static const char *const e2[] = {"cd", "ef"};
        got = a->iie ? user_rom(m, e2, 2, a->rom, &e) : user_rom(m, plus, 6, a->rom + 0x1000, &e);
        if (!got && want_user) return fdx_err_set(err, "%s", e.msg);
    }
    if (!got) {
        if (a->iie) memcpy(a->rom, a2_fw_monitor_iie, sizeof a2_fw_monitor_iie);
        else memcpy(a->rom + 0x1000, a2_fw_monitor_iiplus, sizeof a2_fw_monitor_iiplus);
    }
    bool prom = false;
    if (!want_free) {
        static const char *const p[] = {"disk2"};
        prom = user_rom(m, p, 1, a->slot6, &e);
        if (!prom && want_user) return fdx_err_set(err, "%s", e.msg);
    }
    if (!prom) memcpy(a->slot6, a2_fw_bootprom, sizeof a->slot6);
    if (!want_free) {
        uint8_t *data;
        size_t size;
        if (fdx_machine_load_rom(m, "chr", &data, &size, &e) == 0) {
            if (a->iie) a2_chargen_from_iie(data, a->chargen);
            else a2_chargen_from_iiplus(data, a->chargen);
            free(data);
        } else if (want_user) {
            return fdx_err_set(err, "%s", e.msg);
        }
    }
    return 0;
}

/* ---- disks -------------------------------------------------------------- */

static int insert_disk(struct a2 *a, unsigned drive, const uint8_t *data, size_t size, const char *name,
                       bool keep_path, struct fdx_err *err)
{
    struct a2_drive *d = &a->disk.drive[drive];
    struct a2_disk disk;
    if (a2_disk_load(&disk, data, size, name, A2_FMT_NONE, err)) return -1;
    a2_diskii_sync(&a->disk, a2_now(a));
    if (d->loaded) a2_disk_free(&d->disk);
    d->disk = disk;
    d->loaded = true;
    d->write_protect = disk.write_protected || a->wp_mode == A2_WP_ON;
    free(a->disk_path[drive]);
    a->disk_path[drive] = NULL;
    if (keep_path && name) {
        a->disk_path[drive] = malloc(strlen(name) + 1);
        if (!a->disk_path[drive]) return fdx_err_set(err, "out of memory");
        strcpy(a->disk_path[drive], name);
    }
    return 0;
}

/* Writes a changed disk back: a new file renamed over the old one. */
static int flush_disk(struct a2 *a, unsigned drive, struct fdx_err *err)
{
    struct a2_drive *d = &a->disk.drive[drive];
    if (!d->loaded || !d->disk.dirty || !a->disk_path[drive] || a->wp_mode != A2_WP_OFF) return 0;
    uint8_t *img;
    size_t size;
    if (a2_disk_save(&d->disk, &img, &size, err)) return -1;
    int r = fdx_file_write_atomic(a->disk_path[drive], img, size, err);
    free(img);
    if (r == 0) d->disk.dirty = false;
    return r;
}

static int demo_disk(struct a2 *a, struct fdx_err *err)
{
    uint8_t *img = calloc(A2_SECTOR_IMAGE_SIZE, 1);
    if (!img) return fdx_err_set(err, "out of memory");
    memcpy(img, a2_fw_demo, sizeof a2_fw_demo);
    int r = insert_disk(a, 0, img, A2_SECTOR_IMAGE_SIZE, "demo.dsk", false, err);
    free(img);
    a->disk.drive[0].write_protect = true;
    return r;
}

/* ---- frames ------------------------------------------------------------- */

/* Draws the lines whose mode, memory or flashing changed since they were
 * last drawn: most frames redraw few lines or none. Unchanged lines cost a
 * compare of their bytes; only drawn lines are scanned for flashing codes. */
static void draw_frame(struct a2 *a, bool flash)
{
    struct a2_video_src vs = {a->main, a->iie ? a->aux : NULL, a->chargen, flash, a->mono};
    uint8_t phase = flash ? 2 : 1;
    for (unsigned l = 0; l < A2_LINES; l++) {
        uint8_t md = a->line_mode[l];
        bool aux, text;
        unsigned addr = a2_video_line_source(md, l, a->iie, &aux, &text);
        const uint8_t *mm = a->main + addr, *xm = a->aux + addr;
        unsigned n = aux ? 80 : 40;
        if (a->shown[l].valid && a->shown[l].mode == md && (!a->shown[l].flash || a->shown[l].flash == phase) &&
            !memcmp(a->shown[l].bytes, mm, 40) && (!aux || !memcmp(a->shown[l].bytes + 40, xm, 40)))
            continue;
        a2_video_render(&vs, a->line_mode, l, l + 1, a->pixels);
        a->shown[l].valid = 1;
        a->shown[l].mode = md;
        memcpy(a->shown[l].bytes, mm, 40);
        if (aux) memcpy(a->shown[l].bytes + 40, xm, 40);
        /* flash: 0 no flashing codes on the line, else the phase it shows */
        uint8_t fl = 0;
        if (text && !(md & A2V_ALTCHAR))
            for (unsigned i = 0; i < n; i++)
                if ((a->shown[l].bytes[i] & 0xC0) == 0x40) {
                    fl = phase;
                    break;
                }
        a->shown[l].flash = fl;
    }
}

static void end_frame(struct a2 *a)
{
    struct fdx_machine *m = a->m;
    a->frame_start += A2_FRAME_CYCLES;
    /* lines not yet given a mode get the current one */
    while (a->line_done < A2_LINES) a->line_mode[a->line_done++] = a->vmode;
    a->line_done = 0;
    draw_frame(a, ((m->frame.number >> 4) & 1) != 0);
    a2_speaker_catch_up(a, a->frame_start);
    m->frame.number++;
    a2_key_repeat(a);
    /* --type: one character each frame the program has taken the last */
    if (a->type_pos < a->type_len && !(a->kbd & 0x80)) a2_set_kbd(a, (uint8_t)(a->type_text[a->type_pos++] | 0x80));
}

static void frame_event(void *ctx, uint64_t due)
{
    struct a2 *a = ctx;
    (void)due;
    end_frame(a);
    fdx_sched_arm(&a->m->sched, a->frame_event, (a->frame_start + A2_FRAME_CYCLES) * A2_DIVIDER);
}

static enum fdx_run_result a2_run(struct fdx_machine *m, uint64_t until)
{
    struct a2 *a = m->impl;
    return fdx_machine_run_cpu(m, &a->cpu.base, until);
}

static enum fdx_run_result a2_run_frame(struct fdx_machine *m)
{
    struct a2 *a = m->impl;
    uint64_t n = m->frame.number;
    enum fdx_run_result r = FDX_RUN_OK;
    while (r == FDX_RUN_OK && m->frame.number == n)
        r = fdx_machine_run_cpu(m, &a->cpu.base, (a->frame_start + A2_FRAME_CYCLES) * A2_DIVIDER);
    return r;
}

/* ---- life cycle ----------------------------------------------------------- */

static void a2_reset(struct fdx_machine *m, bool hard)
{
    struct a2 *a = m->impl;
    if (hard) {
        memset(a->main, 0, sizeof a->main);
        memset(a->aux, 0, sizeof a->aux);
    }
    a2_video_catch_up(a);
    a->vmode = A2V_TEXT;
    a->an = 0;
    a2_mem_reset(a);
    /* the Disk II's latch is cleared by RESET: motor off, drive 1, read */
    a2_diskii_sync(&a->disk, a2_now(a));
    if (a->disk.motor) a->disk.motor_off_at = a2_now(a);
    a->disk.motor = false;
    a->disk.sel = 0;
    a->disk.phases = 0;
    a->disk.q6 = a->disk.q7 = false;
    a->cpu.base.ops->set_line(&a->cpu.base, FDX_LINE_RESET, 1);
    a->cpu.base.ops->set_line(&a->cpu.base, FDX_LINE_RESET, 0);
}

static int parse_type(struct a2 *a, const char *t, struct fdx_err *err)
{
    a->type_len = a->type_pos = 0;
    if (!t) return 0;
    for (const char *p = t; *p; p++) {
        char c = *p;
        if (c == '\\' && p[1] == 'n') c = '\r', p++;
        else if (c == '\n') c = '\r';
        if ((unsigned char)c >= 0x80) return fdx_err_set(err, "--type: only ASCII text can be typed");
        if (!a->iie && c >= 'a' && c <= 'z') c = (char)(c - 32);
        if (a->type_len >= A2_TYPE_MAX) return fdx_err_set(err, "--type: text too long (at most %d characters)", A2_TYPE_MAX);
        a->type_text[a->type_len++] = c;
    }
    return 0;
}

static int a2_create(struct fdx_machine *m, bool iie, struct fdx_err *err)
{
    struct a2 *a = m->impl;
    a->m = m;
    a->iie = iie;
    if (fdx_bus_init(&a->bus, 16, A2_PAGE_SHIFT, FDX_LITTLE_ENDIAN)) return fdx_err_set(err, "bus set-up failed");
    a->io_c0 = (struct fdx_io){a2_io_read, a2_io_write, a2_io_peek, NULL, a, false};
    a->io_slots = (struct fdx_io){a2_slots_read, a2_slots_write, a2_slots_peek, NULL, a, false};
    a->io_wr = (struct fdx_io){NULL, a2_wr_write, NULL, NULL, a, false};
    if (load_firmware(m, a, err)) return -1;

    const char *wp = fdx_machine_opt_string(m, "write-protect", 0);
    a->wp_mode = !wp || !strcmp(wp, "off") ? A2_WP_OFF : !strcmp(wp, "on") ? A2_WP_ON : A2_WP_OVERLAY;
    if (fdx_machine_opt_bool(m, "mono", &a->mono, err)) return -1;
    if (parse_type(a, fdx_machine_opt_string(m, "type", 0), err)) return -1;

    a2_diskii_init(&a->disk);
    if (m->opts.argc > 2) return fdx_err_set(err, "%s takes at most two disks (drive 1 and drive 2)", m->desc->name);
    for (unsigned i = 0; i < m->opts.argc; i++) {
        uint8_t *data;
        size_t size;
        if (fdx_file_read(m->opts.argv[i], FDX_MEDIA_MAX_SIZE, &data, &size, err)) return -1;
        int r = insert_disk(a, i, data, size, m->opts.argv[i], true, err);
        free(data);
        if (r) return -1;
    }
    if (!m->opts.argc && demo_disk(a, err)) return -1;

    fdx_m6502_init(&a->cpu, iie ? &fdx_m6502_ops_65c02 : &fdx_m6502_ops_6502, &a->bus);
    m->cpu = &a->cpu.base;
    /* 256-byte host pointers in the CPU; every remap goes through
     * a2_mem_remap_pages, which tells it */
    fdx_m6502_direct_map(&a->cpu, true);
    m->debug.line_ticks = 65 * A2_DIVIDER; /* 65 CPU cycles per line: the debugger's `scanline` */
    a->vmode = A2V_TEXT;
    a2_mem_reset(a);
    for (unsigned i = 0; i < 4; i++) a->paddle[i] = 127;

    m->frame.pixels = a->pixels;
    m->frame.width = A2_VIDEO_W;
    m->frame.height = A2_VIDEO_H;
    m->frame.pitch = A2_VIDEO_W;
    m->frame.par_num = 32; /* 560x384 shown as 4:3 */
    m->frame.par_den = 35;
    m->frame.fps_num = A2_MASTER_HZ;
    m->frame.fps_den = A2_FRAME_CYCLES * A2_DIVIDER;
    fdx_audio_init(&m->audio, A2_AUDIO_RATE, 48000);
    a->frame_event = fdx_sched_add(&m->sched, "frame", frame_event, a);
    fdx_sched_arm(&m->sched, a->frame_event, (uint64_t)A2_FRAME_CYCLES * A2_DIVIDER);
    return 0;
}

static int create_iiplus(struct fdx_machine *m, struct fdx_err *err)
{
    return a2_create(m, false, err);
}

static int create_iie(struct fdx_machine *m, struct fdx_err *err)
{
    return a2_create(m, true, err);
}

static void a2_destroy(struct fdx_machine *m)
{
    struct a2 *a = m->impl;
    if (!a) return;
    for (unsigned i = 0; i < 2; i++) {
        struct fdx_err err;
        if (flush_disk(a, i, &err)) {
            char msg[400];
            int n = snprintf(msg, sizeof msg, "fdx: disk %u not saved: %s\n", i + 1, err.msg);
            if (n > 0) fdx_machine_host_write(m, 2, msg, (size_t)n < sizeof msg ? (size_t)n : sizeof msg - 1);
        }
        if (a->disk.drive[i].loaded) a2_disk_free(&a->disk.drive[i].disk);
        free(a->disk_path[i]);
    }
    fdx_bus_free(&a->bus);
}

static int a2_insert(struct fdx_machine *m, const char *slot, const uint8_t *data, size_t size, const char *filename,
                     struct fdx_err *err)
{
    struct a2 *a = m->impl;
    unsigned drive;
    if (!strcmp(slot, "disk1")) drive = 0;
    else if (!strcmp(slot, "disk2")) drive = 1;
    else return fdx_err_set(err, "%s has no media slot '%s' (disk1, disk2)", m->desc->name, slot);
    /* a disk that cannot be loaded changes nothing; the one in the drive
     * is saved before it goes (if that fails it stays in) */
    struct a2_disk trial;
    if (a2_disk_load(&trial, data, size, filename, A2_FMT_NONE, err)) return -1;
    a2_disk_free(&trial);
    if (flush_disk(a, drive, err)) return -1;
    return insert_disk(a, drive, data, size, filename, filename != NULL, err);
}

static int a2_probe(const uint8_t *data, size_t size, const char *filename, char *what, size_t what_size)
{
    return a2_disk_probe(data, size, filename, NULL, what, what_size);
}

static int a2_probe_iie(const uint8_t *data, size_t size, const char *filename, char *what, size_t what_size)
{
    /* the same disks; the II+ is named first when both are as sure */
    int s = a2_disk_probe(data, size, filename, NULL, what, what_size);
    return s > 1 ? s - 1 : s;
}

static void a2_state(struct fdx_machine *m, struct fdx_state *st)
{
    struct a2 *a = m->impl;
    a->cpu.base.ops->state(&a->cpu.base, st);
    fdx_state_begin(st, "AP2M", 2);
    fdx_state_bytes(st, "main", a->main, sizeof a->main);
    if (a->iie) fdx_state_bytes(st, "aux", a->aux, sizeof a->aux);
    fdx_state_bool(st, "lc_read", &a->lc_read);
    fdx_state_bool(st, "lc_write", &a->lc_write);
    fdx_state_bool(st, "lc_prewrite", &a->lc_prewrite);
    fdx_state_bool(st, "lc_bank1", &a->lc_bank1);
    fdx_state_bool(st, "store80", &a->store80);
    fdx_state_bool(st, "ramrd", &a->ramrd);
    fdx_state_bool(st, "ramwrt", &a->ramwrt);
    fdx_state_bool(st, "intcxrom", &a->intcxrom);
    fdx_state_bool(st, "altzp", &a->altzp);
    fdx_state_bool(st, "slotc3rom", &a->slotc3rom);
    fdx_state_bool(st, "intc8rom", &a->intc8rom);
    fdx_state_u8(st, "vmode", &a->vmode);
    fdx_state_u8(st, "an", &a->an);
    fdx_state_bytes(st, "line_mode", a->line_mode, sizeof a->line_mode);
    fdx_state_u32(st, "line_done", &a->line_done);
    fdx_state_check(st, a->line_done <= A2_LINES, "line count");
    fdx_state_u64(st, "frame_start", &a->frame_start);
    fdx_state_u8(st, "kbd", &a->kbd);
    fdx_state_u8(st, "keys_down", &a->keys_down);
    fdx_state_u8(st, "rep_code", &a->rep_code);
    fdx_state_u16(st, "rep_frames", &a->rep_frames);
    fdx_state_bool(st, "shift", &a->shift);
    fdx_state_bool(st, "ctrl", &a->ctrl);
    for (unsigned i = 0; i < 3; i++) fdx_state_bool(st, "button", &a->button[i]);
    fdx_state_bytes(st, "paddle", a->paddle, sizeof a->paddle);
    fdx_state_u64(st, "paddle_trigger", &a->paddle_trigger);
    fdx_state_u32(st, "type_pos", &a->type_pos);
    fdx_state_check(st, a->type_pos <= a->type_len, "typed text position");
    fdx_state_bool(st, "spk", &a->spk);
    fdx_state_u64(st, "spk_last", &a->spk_last);
    fdx_state_u32(st, "spk_high", &a->spk_high);
    fdx_state_u32(st, "spk_fill", &a->spk_fill);
    fdx_state_check(st, a->spk_fill < A2_AUDIO_DIV && a->spk_high <= a->spk_fill, "speaker sample");
    fdx_state_i32(st, "hp_x", &a->hp_x);
    fdx_state_i32(st, "hp_y", &a->hp_y);
    fdx_state_end(st);
    a2_diskii_state(&a->disk, st);
    if (st->mode == FDX_STATE_LOAD) {
        a2_set_kbd(a, a->kbd);
        a2_mem_remap(a);
        memset(a->shown, 0, sizeof a->shown); /* draw the next frame afresh */
    }
}

/* ---- descriptions --------------------------------------------------------- */

static const struct fdx_region_desc map_iiplus[] = {
    {"RAM (48 KiB)", 0x0000, 0xC000, FDX_MAP_RAM},
    {"I/O: keyboard, speaker, video switches, slots", 0xC000, 0x100, FDX_MAP_IO},
    {"slot ROMs (slot 6: Disk II)", 0xC100, 0x0F00, FDX_MAP_ROM},
    {"ROM / language card RAM (16 KiB)", 0xD000, 0x3000, FDX_MAP_ROM},
    {NULL, 0, 0, 0},
};

static const struct fdx_region_desc map_iie[] = {
    {"RAM (64 KiB main + 64 KiB auxiliary)", 0x0000, 0xC000, FDX_MAP_RAM},
    {"I/O: keyboard, MMU and video switches, slots", 0xC000, 0x100, FDX_MAP_IO},
    {"internal or slot ROMs (slot 6: Disk II)", 0xC100, 0x0F00, FDX_MAP_ROM},
    {"ROM / language card RAM", 0xD000, 0x3000, FDX_MAP_ROM},
    {NULL, 0, 0, 0},
};

static const struct fdx_option_desc options[] = {
    {"firmware", FDX_OPT_CHOICE, "auto", "auto|free|user", false,
     "auto: your ROMs when they are all in the ROM path, else our free firmware; free; user (error if missing)"},
    {"type", FDX_OPT_STRING, NULL, NULL, false,
     "text typed on the keyboard, one key a frame once the program reads keys (\\n: Return)"},
    {"write-protect", FDX_OPT_CHOICE, "off", "on|off|overlay", false,
     "off: writes are saved back (new file renamed over the old) on exit; on: disks read-only; "
     "overlay: writes kept in memory only"},
    {"mono", FDX_OPT_BOOL, "off", NULL, false, "monochrome monitor (no colour)"},
    {NULL, FDX_OPT_BOOL, NULL, NULL, false, NULL},
};

static const struct fdx_media_slot_desc slots[] = {
    {"disk1", "dsk,do,po,nib,woz", "Disk II drive 1 (slot 6)"},
    {"disk2", "dsk,do,po,nib,woz", "Disk II drive 2 (slot 6)"},
    {NULL, NULL, NULL},
};

const struct fdx_machine_desc fdx_machine_apple2p = {
    .name = "apple2p",
    .title = "Apple II+ (48 KiB + language card, Disk II; free firmware and demo disk built in)",
    .cpu_model = "6502",
    .master_hz = A2_MASTER_HZ,
    .cpu_divider = A2_DIVIDER,
    .map = map_iiplus,
    .roms = roms_iiplus,
    .options = options,
    .slots = slots,
    .args_help = "[DISK1 [DISK2]] (.dsk .do .po .nib .woz; none: the built-in demo disk)",
    .impl_size = sizeof(struct a2),
    .create = create_iiplus,
    .destroy = a2_destroy,
    .reset = a2_reset,
    .run = a2_run,
    .run_frame = a2_run_frame,
    .state = a2_state,
    .input = a2_input,
    .insert = a2_insert,
    .probe = a2_probe,
};

const struct fdx_machine_desc fdx_machine_apple2e = {
    .name = "apple2e",
    .title = "Apple IIe enhanced (65C02, 128 KiB, Disk II; free firmware and demo disk built in)",
    .cpu_model = "65C02",
    .master_hz = A2_MASTER_HZ,
    .cpu_divider = A2_DIVIDER,
    .map = map_iie,
    .roms = roms_iie,
    .options = options,
    .slots = slots,
    .args_help = "[DISK1 [DISK2]] (.dsk .do .po .nib .woz; none: the built-in demo disk)",
    .impl_size = sizeof(struct a2),
    .create = create_iie,
    .destroy = a2_destroy,
    .reset = a2_reset,
    .run = a2_run,
    .run_frame = a2_run_frame,
    .state = a2_state,
    .input = a2_input,
    .insert = a2_insert,
    .probe = a2_probe_iie,
};
