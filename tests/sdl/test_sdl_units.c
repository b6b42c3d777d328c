/* Unit tests of the desktop app's parts that need no SDL: the INI parser,
 * settings and command line, audio rate control over long simulated runs,
 * frame pacing, the rewind ring and picture placement. */
#define _POSIX_C_SOURCE 200809L
#include "../unit/unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fake_machine.h"
#include "font.h"
#include "ini.h"
#include "pace.h"
#include "ratectl.h"
#include "ring.h"
#include "settings.h"
#include "view.h"

/* ---- INI ---------------------------------------------------------------- */

struct warnings {
    unsigned n, last_line;
    char last[200];
};

static void collect(void *ctx, unsigned line, const char *msg)
{
    struct warnings *w = ctx;
    w->n++;
    w->last_line = line;
    snprintf(w->last, sizeof w->last, "%s", msg);
}

START_TEST(test_ini_basic)
{
    const char *text = "; comment\nscale = 2\n# another\n[atari2600]\n  tv=pal  \nkey = \"a ; b\"\n[Atari2600]\ntv = ntsc\n";
    struct fdx_ini ini;
    struct warnings w = {0};
    fdx_ini_init(&ini);
    ck_assert_int_eq(fdx_ini_parse(&ini, text, strlen(text), collect, &w), 0);
    ck_assert_uint_eq(w.n, 0);
    ck_assert_str_eq(fdx_ini_get(&ini, "global", "scale"), "2");
    ck_assert_str_eq(fdx_ini_get(&ini, "ATARI2600", "TV"), "ntsc");   /* last wins, any case */
    ck_assert_str_eq(fdx_ini_get(&ini, "atari2600", "key"), "a ; b");
    ck_assert_ptr_null(fdx_ini_get(&ini, "atari2600", "scale"));
    fdx_ini_free(&ini);
}
END_TEST

START_TEST(test_ini_bad_lines)
{
    /* every kind of bad line is reported with its number and skipped */
    const char *text = "scale = 2\n[broken\n= 3\nno equals here\n[ok]\nbad key = 1\nfine = yes\n[b@d]\n";
    struct fdx_ini ini;
    struct warnings w = {0};
    fdx_ini_init(&ini);
    ck_assert_int_eq(fdx_ini_parse(&ini, text, strlen(text), collect, &w), 0);
    ck_assert_uint_eq(w.n, 5);
    ck_assert_uint_eq(ini.errors, 5);
    ck_assert_uint_eq(w.last_line, 8);
    ck_assert_str_eq(fdx_ini_get(&ini, "ok", "fine"), "yes");
    ck_assert_str_eq(fdx_ini_get(&ini, "global", "scale"), "2");
    ck_assert_uint_eq(ini.count, 2);
    fdx_ini_free(&ini);
}
END_TEST

START_TEST(test_ini_binary_garbage)
{
    /* random bytes: never a crash, never an entry from a NUL-bearing line */
    unsigned seed = 12345;
    char buf[4096];
    for (int round = 0; round < 200; round++) {
        for (size_t i = 0; i < sizeof buf; i++) {
            seed = seed * 1103515245u + 12345u;
            buf[i] = (char)(seed >> 16);
        }
        struct fdx_ini ini;
        fdx_ini_init(&ini);
        ck_assert_int_eq(fdx_ini_parse(&ini, buf, sizeof buf, NULL, NULL), 0);
        for (size_t i = 0; i < ini.count; i++) ck_assert(strlen(ini.entries[i].key) > 0);
        fdx_ini_free(&ini);
    }
    /* a very long line is one error */
    size_t n = 10000;
    char *big = malloc(n);
    memset(big, 'a', n);
    struct fdx_ini ini;
    struct warnings w = {0};
    fdx_ini_init(&ini);
    fdx_ini_parse(&ini, big, n, collect, &w);
    ck_assert_uint_eq(w.n, 1);
    ck_assert_str_eq(w.last, "line too long");
    fdx_ini_free(&ini);
    free(big);
}
END_TEST

START_TEST(test_ini_roundtrip)
{
    struct fdx_ini ini;
    fdx_ini_init(&ini);
    fdx_ini_set(&ini, "sdltest", "tv", "pal");
    fdx_ini_set(&ini, "global", "scale", "4");
    fdx_ini_set(&ini, "global", "map.joy0.fire", " Space;x");
    fdx_ini_set(&ini, "global", "scale", "5");
    char *text = fdx_ini_format(&ini);
    ck_assert_ptr_nonnull(text);
    /* [global] comes first */
    ck_assert_ptr_nonnull(strstr(text, "[global]\n"));
    ck_assert(strstr(text, "[global]") < strstr(text, "[sdltest]"));
    struct fdx_ini back;
    struct warnings w = {0};
    fdx_ini_init(&back);
    fdx_ini_parse(&back, text, strlen(text), collect, &w);
    ck_assert_uint_eq(w.n, 0);
    ck_assert_str_eq(fdx_ini_get(&back, "global", "scale"), "5");
    ck_assert_str_eq(fdx_ini_get(&back, "global", "map.joy0.fire"), " Space;x");
    ck_assert_str_eq(fdx_ini_get(&back, "sdltest", "tv"), "pal");
    ck_assert_uint_eq(back.count, 3);
    free(text);
    fdx_ini_free(&ini);
    fdx_ini_free(&back);
}
END_TEST

/* ---- settings and the command line -------------------------------------- */

static const struct fdx_machine_desc *const extra[] = {&fdx_sdltest_machine, NULL};

struct logged {
    unsigned n;
    char last[400];
};

static void log_msg(void *ctx, const char *msg)
{
    struct logged *l = ctx;
    l->n++;
    snprintf(l->last, sizeof l->last, "%s", msg);
}

static char tmpdir[64];

static void make_tmp(void)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/fdx-sdl-unit-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(tmpdir));
}

static void write_file(const char *name, const char *text, char *path, size_t size)
{
    snprintf(path, size, "%s/%s", tmpdir, name);
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
}

START_TEST(test_settings_values)
{
    struct fdx_gui_settings s;
    struct fdx_err err;
    fdx_gui_settings_defaults(&s);
    ck_assert_uint_eq(s.scale, 3);
    ck_assert_int_eq(fdx_gui_setting(&s, "scale", "5", &err), 1);
    ck_assert_uint_eq(s.scale, 5);
    ck_assert_int_eq(fdx_gui_setting(&s, "scale", "0", &err), -1);
    ck_assert_str_eq(err.msg, "--scale wants a number from 1 to 16, not '0'");
    ck_assert_int_eq(fdx_gui_setting(&s, "scale", "big", &err), -1);
    ck_assert_int_eq(fdx_gui_setting(&s, "filter", "linear", &err), 1);
    ck_assert_int_eq(s.filter, FDX_GUI_LINEAR);
    ck_assert_int_eq(fdx_gui_setting(&s, "filter", "blurry", &err), -1);
    ck_assert_str_eq(err.msg, "--filter wants one of nearest|linear, not 'blurry'");
    ck_assert_int_eq(fdx_gui_setting(&s, "aspect", "off", &err), 1);
    ck_assert(!s.aspect);
    ck_assert_int_eq(fdx_gui_setting(&s, "mute", "maybe", &err), -1);
    ck_assert_int_eq(fdx_gui_setting(&s, "nosuch", "1", &err), 0);
    ck_assert_int_eq(fdx_gui_setting(&s, "map.joy0.fire", "Return", &err), 1);
    ck_assert_str_eq(fdx_gui_binding(&s, "joy0.fire"), "Return");
    ck_assert(fdx_gui_setting_is_flag("fullscreen"));
    ck_assert(!fdx_gui_setting_is_flag("scale"));
}
END_TEST

START_TEST(test_launch_named_and_options)
{
    struct fdx_gui_launch L;
    struct fdx_err err;
    char cfg[128];
    make_tmp();
    snprintf(cfg, sizeof cfg, "%s/none.ini", tmpdir);
    setenv("XDG_CONFIG_HOME", tmpdir, 1);
    char *argv[] = {"fdx", "sdltest", "-f", "--scale", "2", "--tv", "pal", "--beep=off", "--mute", "--osd", "off",
                    "--aspect", NULL};
    ck_assert_int_eq(fdx_gui_launch_parse(&L, 12, argv, extra, NULL, NULL, &err), 0);
    ck_assert(!L.set.osd);
    ck_assert(L.set.aspect);
    ck_assert_ptr_eq(L.desc, &fdx_sdltest_machine);
    ck_assert(L.set.fullscreen);
    ck_assert(L.set.mute);
    ck_assert_uint_eq(L.set.scale, 2);
    ck_assert_str_eq(fdx_options_get(&L.opts, "tv", 0), "pal");
    ck_assert_str_eq(fdx_options_get(&L.opts, "beep", 0), "off");
    ck_assert_uint_eq(L.opts.argc, 0);
    fdx_gui_launch_free(&L);

    char *bad[] = {"fdx", "sdltest", "--frobnicate", NULL};
    ck_assert_int_eq(fdx_gui_launch_parse(&L, 3, bad, extra, NULL, NULL, &err), -1);
    ck_assert_str_eq(err.msg, "sdltest has no option or media slot --frobnicate (see fdx --help and fdx list)");
    fdx_gui_launch_free(&L);
    char *novalue[] = {"fdx", "sdltest", "--scale", NULL};
    ck_assert_int_eq(fdx_gui_launch_parse(&L, 3, novalue, extra, NULL, NULL, &err), -1);
    ck_assert_str_eq(err.msg, "--scale needs a value");
    fdx_gui_launch_free(&L);

    /* --model names the machine: no guessing from the (missing) file */
    char *model[] = {"fdx", "--model", "sdltest", "missing.file", "--scale", "2", NULL};
    ck_assert_int_eq(fdx_gui_launch_parse(&L, 6, model, extra, NULL, NULL, &err), 0);
    ck_assert_ptr_eq(L.desc, &fdx_sdltest_machine);
    ck_assert_uint_eq(L.opts.argc, 1);
    ck_assert_str_eq(L.opts.argv[0], "missing.file");
    ck_assert_uint_eq(L.set.scale, 2);
    fdx_gui_launch_free(&L);
    char *model2[] = {"fdx", "sdltest", "--model=sdltest", NULL};
    ck_assert_int_eq(fdx_gui_launch_parse(&L, 3, model2, extra, NULL, NULL, &err), 0);
    ck_assert_uint_eq(L.opts.argc, 0);
    fdx_gui_launch_free(&L);
    char *nomodel[] = {"fdx", "sdltest", "--model", "c64", NULL};
    ck_assert_int_eq(fdx_gui_launch_parse(&L, 4, nomodel, extra, NULL, NULL, &err), -1);
    ck_assert_str_eq(err.msg, "--model: no machine called 'c64' (fdx list shows them)");
    fdx_gui_launch_free(&L);
}
END_TEST

START_TEST(test_launch_guess_and_default)
{
    struct fdx_gui_launch L;
    struct fdx_err err;
    char cart[128], junk[128];
    make_tmp();
    setenv("XDG_CONFIG_HOME", tmpdir, 1);
    write_file("game.sdltest", "SDLTEST\003", cart, sizeof cart);
    write_file("junk.bin", "hello world, not media", junk, sizeof junk);
    /* the machine is guessed from the file, even after an option with a value */
    char *argv[] = {"fdx", "--scale", "2", cart, NULL};
    ck_assert_int_eq(fdx_gui_launch_parse(&L, 4, argv, extra, NULL, NULL, &err), 0);
    ck_assert_ptr_eq(L.desc, &fdx_sdltest_machine);
    ck_assert_uint_eq(L.opts.argc, 1);
    ck_assert_str_eq(L.opts.argv[0], cart);
    ck_assert(!L.default_machine);
    fdx_gui_launch_free(&L);

    char *cartopt[] = {"fdx", "sdltest", "--cart", cart, NULL};
    ck_assert_int_eq(fdx_gui_launch_parse(&L, 4, cartopt, extra, NULL, NULL, &err), 0);
    ck_assert_uint_eq(L.nslot, 1);
    ck_assert_str_eq(L.slot[0], "cart");
    ck_assert_str_eq(L.slot_file[0], cart);
    fdx_gui_launch_free(&L);

    char *unknown[] = {"fdx", junk, NULL};
    ck_assert_int_eq(fdx_gui_launch_parse(&L, 2, unknown, extra, NULL, NULL, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.msg, "cannot tell which machine"));
    fdx_gui_launch_free(&L);

    char missing[160];
    snprintf(missing, sizeof missing, "%s/missing.a26", tmpdir);
    char *miss[] = {"fdx", missing, NULL};
    ck_assert_int_eq(fdx_gui_launch_parse(&L, 2, miss, extra, NULL, NULL, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.msg, "missing.a26"));
    fdx_gui_launch_free(&L);

    /* nothing named: the built-in default, with its demo */
    char *none[] = {"fdx", "--mute", NULL};
    ck_assert_int_eq(fdx_gui_launch_parse(&L, 2, none, extra, NULL, NULL, &err), 0);
    ck_assert(L.default_machine);
    if (L.desc == &fdx_sdltest_machine) ck_assert_str_eq(fdx_options_get(&L.opts, "demo", 0), "on");
    fdx_gui_launch_free(&L);
}
END_TEST

START_TEST(test_launch_config_layers)
{
    struct fdx_gui_launch L;
    struct fdx_err err;
    struct logged log = {0};
    char cfg[128];
    make_tmp();
    write_file("fdx.ini",
               "scale = 4\nfilter = linear\nlatency = 5\nwhatever = 1\n[sdltest]\ntv = pal\nbeep = off\nscale = 5\n"
               "this line is bad\n[othermachine]\nscale = 9\n",
               cfg, sizeof cfg);
    char *argv[] = {"fdx", "sdltest", "--config", cfg, "--beep", "on", NULL};
    ck_assert_int_eq(fdx_gui_launch_parse(&L, 6, argv, extra, log_msg, &log, &err), 0);
    ck_assert(L.config_loaded);
    /* machine section over global; command line over both */
    ck_assert_uint_eq(L.set.scale, 5);
    ck_assert_int_eq(L.set.filter, FDX_GUI_LINEAR);
    ck_assert_uint_eq(L.set.latency_ms, 60);     /* 5 is out of range: warned, default kept */
    ck_assert_str_eq(fdx_options_get(&L.opts, "tv", 0), "pal");
    ck_assert_str_eq(fdx_options_get(&L.opts, "beep", 0), "on");
    ck_assert_ptr_null(fdx_options_get(&L.opts, "beep", 1));
    /* three warnings: latency, whatever, the bad line */
    ck_assert_uint_eq(log.n, 3);
    fdx_gui_launch_free(&L);

    /* an explicit --config that is missing is an error */
    char missing[160];
    snprintf(missing, sizeof missing, "%s/nope.ini", tmpdir);
    char *argv2[] = {"fdx", "sdltest", "--config", missing, NULL};
    ck_assert_int_eq(fdx_gui_launch_parse(&L, 4, argv2, extra, NULL, NULL, &err), -1);
    fdx_gui_launch_free(&L);
}
END_TEST

START_TEST(test_save_config)
{
    struct fdx_gui_launch L;
    struct fdx_err err;
    char cfg[128];
    make_tmp();
    write_file("fdx.ini", "; mine\nosd = off\n[sdltest]\nbeep = off\n", cfg, sizeof cfg);
    char *argv[] = {"fdx", "sdltest", "--config", cfg, "--scale", "2", "--tv", "pal", "--frames", "3", NULL};
    ck_assert_int_eq(fdx_gui_launch_parse(&L, 10, argv, extra, NULL, NULL, &err), 0);
    ck_assert_int_eq(fdx_gui_save_config(&L, &err), 0);
    fdx_gui_launch_free(&L);
    struct fdx_ini ini;
    uint8_t *text;
    size_t size;
    ck_assert_int_eq(fdx_file_read(cfg, 1 << 20, &text, &size, &err), 0);
    fdx_ini_init(&ini);
    fdx_ini_parse(&ini, (const char *)text, size, NULL, NULL);
    ck_assert_str_eq(fdx_ini_get(&ini, "global", "scale"), "2");
    ck_assert_str_eq(fdx_ini_get(&ini, "global", "osd"), "off");
    ck_assert_str_eq(fdx_ini_get(&ini, "sdltest", "tv"), "pal");
    ck_assert_str_eq(fdx_ini_get(&ini, "sdltest", "beep"), "off");
    ck_assert_ptr_null(fdx_ini_get(&ini, "global", "frames"));   /* a session's, not a preference */
    fdx_ini_free(&ini);
    free(text);
}
END_TEST

/* ---- audio rate control -------------------------------------------------- */

/* A simulated session: the host paces frames by its clock (fdx_pace at the
 * display's refresh, with timer jitter), the machine produces samples for
 * the rate asked for, and the sound card drains the queue in periods at its
 * own clock, off by dev_ppm. Returns underruns after the start; reports the
 * largest and the final queue. */
struct sim_result {
    uint64_t underruns;
    uint32_t max_queue, min_queue, final_queue;
    uint32_t min_rate, max_rate;
};

static struct sim_result simulate(unsigned fps, unsigned host_hz, int dev_ppm, unsigned seconds, unsigned latency_ms,
                                  uint32_t max_ppm)
{
    struct sim_result res = {0, 0, UINT32_MAX, 0, UINT32_MAX, 0};
    const uint32_t rate = 48000, period = 512;
    struct fdx_ratectl rc;
    struct fdx_pace pace;
    fdx_ratectl_init(&rc, rate, latency_ms);
    rc.max_ppm = max_ppm;
    fdx_pace_init(&pace, fps, 1, 100, host_hz);
    uint64_t queue = 0;
    uint64_t produced_phase = 0;     /* samples owed, in 1/fps units */
    uint32_t out_rate = rate;
    bool playing = false;
    /* the device: a period every period/rate seconds of ITS clock */
    uint64_t dev_next_ns = 0;
    const uint64_t host_period = 1000000000ull / host_hz;
    unsigned seed = 1;
    uint64_t t = 0;
    for (uint64_t tick = 0; t < (uint64_t)seconds * 1000000000ull; tick++) {
        seed = seed * 1103515245u + 12345u;
        uint64_t jitter = (seed >> 16) % 1000000;     /* up to 1 ms late */
        uint64_t now = tick * host_period + jitter;
        /* the device drains until now */
        while (playing && dev_next_ns <= now) {
            if (queue < period) {
                res.underruns++;
                queue = 0;
            } else queue -= period;
            dev_next_ns += (uint64_t)period * 1000000000ull * 1000000 / ((uint64_t)rate * (uint64_t)(1000000 + dev_ppm));
        }
        unsigned n = fdx_pace_step(&pace, now);
        for (unsigned i = 0; i < n; i++) {
            /* one frame of samples at the asked-for rate, exactly on average */
            produced_phase += out_rate;
            uint64_t s = produced_phase / fps;
            produced_phase -= s * fps;
            if (!fdx_ratectl_overfull(&rc, (uint32_t)queue)) queue += s;
            if (!playing && queue >= rc.target) {
                playing = true;
                dev_next_ns = now;
            }
            out_rate = fdx_ratectl_update(&rc, (uint32_t)queue);
            if (out_rate > res.max_rate) res.max_rate = out_rate;
            if (out_rate < res.min_rate) res.min_rate = out_rate;
        }
        t = now;
        if (t > 5000000000ull) {    /* after settling */
            if (queue > res.max_queue) res.max_queue = (uint32_t)queue;
            if (queue < res.min_queue) res.min_queue = (uint32_t)queue;
        }
    }
    res.final_queue = (uint32_t)queue;
    return res;
}

static void check_sim(unsigned fps, unsigned host_hz, int dev_ppm)
{
    /* an hour of play */
    struct sim_result r = simulate(fps, host_hz, dev_ppm, 3600, 60, 5000);
    const uint32_t target = 48000 * 60 / 1000;
    ck_assert_msg(r.underruns == 0, "%u fps on %u Hz, device %+d ppm: %llu underruns", fps, host_hz, dev_ppm,
                  (unsigned long long)r.underruns);
    /* latency bounded: never above twice the target, never near empty */
    ck_assert_msg(r.max_queue <= target * 2, "max queue %u (target %u)", r.max_queue, target);
    ck_assert_msg(r.min_queue >= 512, "min queue %u", r.min_queue);
    /* the pitch never moved by more than 0.5 % */
    ck_assert_uint_le(r.max_rate, 48000 + 240);
    ck_assert_uint_ge(r.min_rate, 48000 - 240);
    /* and no drift: still near the target at the end of the hour */
    ck_assert_msg(r.final_queue > target / 2 && r.final_queue < target * 3 / 2, "final queue %u", r.final_queue);
}

START_TEST(test_ratectl_long_runs)
{
    check_sim(60, 60, 0);
    check_sim(60, 60, 3000);    /* sound card 0.3 % fast */
    check_sim(60, 60, -3000);   /* 0.3 % slow */
    check_sim(50, 60, 2000);    /* PAL machine on a 60 Hz display */
    check_sim(60, 75, -2000);
    check_sim(50, 50, 4000);
}
END_TEST

START_TEST(test_ratectl_without_control_drifts)
{
    /* The checks above can fail: without correction a 0.3 % fast card
     * empties the queue (crackles), a slow one fills it (latency grows). */
    struct sim_result fast = simulate(60, 60, 3000, 600, 60, 0);
    ck_assert_uint_gt(fast.underruns, 0);
    struct sim_result slow = simulate(60, 60, -3000, 600, 60, 0);
    ck_assert_uint_gt(slow.max_queue, 48000 * 60 / 1000 * 2);
    /* the correction is bounded by 0.5 % either way */
    struct fdx_ratectl rc;
    fdx_ratectl_init(&rc, 48000, 60);
    uint32_t r = 0;
    for (int i = 0; i < 2000; i++) r = fdx_ratectl_update(&rc, 0);
    ck_assert_uint_eq(r, 48240);
    for (int i = 0; i < 2000; i++) r = fdx_ratectl_update(&rc, 1000000);
    ck_assert_uint_eq(r, 47760);
    ck_assert(fdx_ratectl_overfull(&rc, rc.target * 3 + 1));
    ck_assert(!fdx_ratectl_overfull(&rc, rc.target));
}
END_TEST

/* ---- pacing -------------------------------------------------------------- */

START_TEST(test_pace_50_on_60)
{
    struct fdx_pace p;
    fdx_pace_init(&p, 50, 1, 100, 60);
    ck_assert(!p.lock);
    unsigned total = 0, twos = 0, zeros = 0;
    unsigned seed = 7;
    for (unsigned tick = 0; tick < 6000; tick++) {     /* 100 seconds of refreshes */
        seed = seed * 1103515245u + 12345u;
        uint64_t now = (uint64_t)tick * 16666667ull + (seed >> 16) % 1500000;
        unsigned n = fdx_pace_step(&p, now);
        total += n;
        twos += n >= 2;
        zeros += n == 0;
    }
    /* 5000 frames (the first refresh shows a frame at once), spread evenly */
    ck_assert_uint_ge(total, 4999);
    ck_assert_uint_le(total, 5001);
    ck_assert_uint_eq(twos, 0);
    ck_assert_uint_ge(zeros, 999);
    ck_assert_uint_le(zeros, 1001);
}
END_TEST

START_TEST(test_pace_lock_and_stalls)
{
    struct fdx_pace p;
    /* 59.94 Hz machine on a 60 Hz display: one frame per refresh, despite jitter */
    fdx_pace_init(&p, 60000, 1001, 100, 60);
    ck_assert(p.lock);
    unsigned seed = 3;
    for (unsigned tick = 0; tick < 3000; tick++) {
        seed = seed * 1103515245u + 12345u;
        uint64_t now = (uint64_t)tick * 16666667ull + (seed >> 16) % 1500000;
        ck_assert_uint_eq(fdx_pace_step(&p, now), 1);
    }
    /* a 5 s stall does not make it race: at most max_frames */
    ck_assert_uint_le(fdx_pace_step(&p, 3000ull * 16666667ull + 5000000000ull), p.max_frames);
    /* no display rate (no vsync): frames by elapsed time, at double speed */
    fdx_pace_init(&p, 60, 1, 200, 0);
    unsigned total = 0;
    for (unsigned ms = 0; ms <= 10000; ms++) total += fdx_pace_step(&p, (uint64_t)ms * 1000000ull);
    ck_assert_uint_ge(total, 1200);
    ck_assert_uint_le(total, 1201);
    ck_assert_uint_le(fdx_pace_wait_ns(&p), 1000000000ull / 120 + 1);
}
END_TEST

/* ---- rewind, view, font -------------------------------------------------- */

START_TEST(test_rewind_ring)
{
    struct fdx_ring r;
    ck_assert_int_eq(fdx_ring_init(&r, 100, 1000, 100 * 5), 0);
    ck_assert_uint_eq(r.slots, 5);
    for (int i = 0; i < 8; i++) *fdx_ring_push(&r) = (uint8_t)i;
    /* the five newest, newest first */
    for (int i = 7; i >= 3; i--) {
        const uint8_t *p = fdx_ring_pop(&r);
        ck_assert_ptr_nonnull(p);
        ck_assert_uint_eq(*p, (unsigned)i);
    }
    ck_assert_ptr_null(fdx_ring_pop(&r));
    fdx_ring_free(&r);
    ck_assert_int_eq(fdx_ring_init(&r, 100, 1000, 150), -1);   /* not even two */
    fdx_ring_free(&r);
}
END_TEST

START_TEST(test_view_fit)
{
    struct fdx_view_rect v;
    int w, h;
    /* 160x100 with 2:1 pixels, scale 3: 960x300 */
    fdx_view_window_size(160, 100, 2, 1, true, 3, &w, &h);
    ck_assert_int_eq(w, 960);
    ck_assert_int_eq(h, 300);
    fdx_view_fit(160, 100, 2, 1, true, false, 960, 300, &v);
    ck_assert_int_eq(v.x, 0);
    ck_assert_int_eq(v.y, 0);
    ck_assert_int_eq(v.w, 960);
    ck_assert_int_eq(v.h, 300);
    /* aspect off: square pixels, pillarboxed */
    fdx_view_fit(160, 100, 2, 1, false, false, 960, 300, &v);
    ck_assert_int_eq(v.w, 480);
    ck_assert_int_eq(v.h, 300);
    ck_assert_int_eq(v.x, 240);
    /* integer scaling into an odd window */
    fdx_view_fit(160, 100, 2, 1, true, true, 333, 517, &v);
    ck_assert_int_eq(v.w, 320);
    ck_assert_int_eq(v.h, 100);
    ck_assert_int_eq(v.x, 6);
    ck_assert_int_eq(v.y, 208);
    /* a 1x1 window and a 0x0 one: no crash, sensible results */
    fdx_view_fit(160, 100, 2, 1, true, true, 1, 1, &v);
    ck_assert_int_le(v.w, 1);
    ck_assert_int_le(v.h, 1);
    fdx_view_fit(160, 100, 2, 1, true, false, 0, 0, &v);
    ck_assert_int_eq(v.w, 0);
    fdx_view_fit(0, 0, 0, 0, true, false, 640, 480, &v);
    ck_assert_int_eq(v.w, 0);
    /* the starting window fits the screen: 560x384 square pixels at 3x
     * would be 1680x1152; on 1280x1024 (less a panel) 2x is the largest */
    ck_assert_uint_eq(fdx_view_fit_scale(560, 384, 1, 1, true, 3, 1280, 1000), 2);
    ck_assert_uint_eq(fdx_view_fit_scale(160, 100, 2, 1, true, 3, 1280, 1000), 3);
    ck_assert_uint_eq(fdx_view_fit_scale(560, 384, 1, 1, true, 3, 100, 100), 1);
    ck_assert_uint_eq(fdx_view_fit_scale(560, 384, 1, 1, true, 4, 0, 0), 4);
    ck_assert_uint_eq(fdx_view_fit_scale(560, 384, 1, 1, true, 0, 0, 0), 1);
}
END_TEST

START_TEST(test_font)
{
    /* every printable character has a glyph; lower case looks like upper */
    for (int c = 32; c < 127; c++) ck_assert_ptr_nonnull(fdx_font_glyph((char)c));
    ck_assert_ptr_eq(fdx_font_glyph('a'), fdx_font_glyph('A'));
    ck_assert_ptr_eq(fdx_font_glyph('\x01'), fdx_font_glyph('?'));
    const unsigned char *sp = fdx_font_glyph(' '), *h = fdx_font_glyph('H');
    unsigned lit = 0;
    for (int r = 0; r < FDX_FONT_H; r++) {
        ck_assert_uint_eq(sp[r], 0);
        lit += h[r] != 0;
        ck_assert_uint_lt(h[r], 32);
    }
    ck_assert_uint_eq(lit, 7);
}
END_TEST

FDX_UNIT_MAIN("sdl", test_ini_basic, test_ini_bad_lines, test_ini_binary_garbage, test_ini_roundtrip,
              test_settings_values, test_launch_named_and_options, test_launch_guess_and_default,
              test_launch_config_layers, test_save_config, test_ratectl_long_runs, test_ratectl_without_control_drifts,
              test_pace_50_on_60, test_pace_lock_and_stalls, test_rewind_ring, test_view_fit, test_font)
