/* Apple II+ and enhanced IIe: the machine's state and the glue between
 * its parts (memory map, I/O page, video, Disk II, keyboard, speaker). */
#ifndef A2_H
#define A2_H

#include <stdbool.h>
#include <stdint.h>

#include "a2_diskii.h"
#include "a2_video.h"
#include "cpus/m6502/m6502.h"
#include "fdx/machine.h"

#define A2_MASTER_HZ 14318180u
#define A2_DIVIDER 14u
#define A2_LINE_CYCLES 65u
#define A2_FRAME_LINES 262u
#define A2_FRAME_CYCLES (A2_LINE_CYCLES * A2_FRAME_LINES) /* 17030 */
#define A2_AUDIO_DIV 46u        /* CPU cycles per speaker sample */
#define A2_AUDIO_RATE 22233u    /* 1022727 / 46 */
#define A2_TYPE_MAX 1024
#define A2_REPEAT_DELAY 32u     /* IIe auto-repeat: first repeat after ~0.53 s */
#define A2_REPEAT_EVERY 4u      /* ...then 15 a second */

enum a2_disk_mode { A2_WP_OFF = 0, A2_WP_ON, A2_WP_OVERLAY };

struct a2 {
    struct fdx_m6502 cpu;
    struct fdx_bus bus;
    struct fdx_machine *m;
    bool iie;

    /* memory: main and auxiliary 64 KiB; $C000-$CFFF of each holds language
     * card bank 1's $D000-$DFFF (bank 2 sits at $D000) */
    uint8_t main[0x10000];
    uint8_t aux[0x10000];
    uint8_t rom[0x4000];        /* $C000-$FFFF as the CPU sees the ROM */
    uint8_t slot6[256];         /* Disk II boot PROM */
    uint8_t chargen[4096];
    struct fdx_io io_c0, io_slots, io_wr;

    /* language card and IIe switches */
    bool lc_read, lc_write, lc_prewrite, lc_bank1;
    bool store80, ramrd, ramwrt, intcxrom, altzp, slotc3rom, intc8rom;
    uint8_t vmode;              /* A2V_* bits */
    uint8_t an;                 /* annunciators 0-3 */

    /* video: the mode of each line as the beam passed it */
    uint8_t line_mode[A2_LINES];
    uint32_t line_done;         /* lines of this frame given a mode so far */
    uint64_t frame_start;       /* CPU cycle the frame began */
    /* what each line of `pixels` was drawn from: mode, flash phase if it has
     * flashing characters, its bytes (main, then auxiliary) */
    struct {
        uint8_t mode, flash, valid;
        uint8_t bytes[80];
    } shown[A2_LINES];
    bool mono;
    uint32_t pixels[A2_VIDEO_W * A2_VIDEO_H];
    int frame_event;

    /* keyboard, buttons, paddles */
    uint8_t kbd;                /* bit 7: strobe; set through a2_set_kbd */
    uint8_t kbd_page[16];       /* $C000-$C00F read as memory: kbd 16 times */
    uint8_t keys_down;
    uint8_t rep_code;           /* IIe auto-repeat: the key held, 0 none */
    uint16_t rep_frames;        /* frames it has been held */
    bool shift, ctrl;
    bool button[3];
    uint8_t paddle[4];
    uint64_t paddle_trigger;
    char type_text[A2_TYPE_MAX];
    uint32_t type_len, type_pos;

    /* speaker */
    bool spk;
    uint64_t spk_last;          /* cycle up to which samples were made */
    uint32_t spk_high;          /* cycles high in the sample under way */
    uint32_t spk_fill;          /* cycles of it so far */
    int32_t hp_x, hp_y;         /* DC-blocking filter state */

    /* disks */
    struct a2_diskii disk;
    enum a2_disk_mode wp_mode;
    char *disk_path[2];         /* where writes go back, NULL for none */
};

/* a2_mem.c */
/* The bus has 16-byte pages so that $C000-$C00F (the keyboard, polled
 * all the time) reads as memory; everything else maps whole 256-byte pages. */
#define A2_PAGE_SHIFT 4
void a2_mem_remap(struct a2 *a);
void a2_mem_remap_pages(struct a2 *a, unsigned lo, unsigned hi); /* 256-byte pages [lo, hi) */
void a2_mem_reset(struct a2 *a);
void a2_lc_access(struct a2 *a, unsigned addr, bool write);
bool a2_iie_switch_write(struct a2 *a, unsigned addr);
uint8_t a2_status_read(struct a2 *a, unsigned addr);

/* a2_io.c */
uint8_t a2_floating(struct a2 *a);
uint32_t a2_io_read(void *ctx, uint32_t addr, unsigned size);
void a2_io_write(void *ctx, uint32_t addr, uint32_t value, unsigned size);
uint32_t a2_io_peek(void *ctx, uint32_t addr, unsigned size);
uint32_t a2_slots_read(void *ctx, uint32_t addr, unsigned size);
void a2_slots_write(void *ctx, uint32_t addr, uint32_t value, unsigned size);
uint32_t a2_slots_peek(void *ctx, uint32_t addr, unsigned size);
void a2_wr_write(void *ctx, uint32_t addr, uint32_t value, unsigned size);
void a2_video_catch_up(struct a2 *a);
void a2_speaker_catch_up(struct a2 *a, uint64_t now);

/* a2_kbd.c: HID usage -> Apple key code (0: none) */
uint8_t a2_key_code(unsigned hid, bool shift, bool ctrl, bool iie);
void a2_input(struct fdx_machine *m, const struct fdx_input_event *ev);
void a2_key_repeat(struct a2 *a);

static inline void a2_set_kbd(struct a2 *a, uint8_t v)
{
    a->kbd = v;
    for (unsigned i = 0; i < 16; i++) a->kbd_page[i] = v;
}

static inline uint64_t a2_now(const struct a2 *a)
{
    return a->cpu.base.cycles;
}

#endif
