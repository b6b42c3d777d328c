#define _POSIX_C_SOURCE 200809L
/* Debugger core: expressions, symbol files, the bus tap and exact rewind. */
#include "../unit/unit.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fdx/debugger.h"
#include "fdx/expr.h"
#include "fdx/rewind.h"
#include "fdx/symbols.h"
#include "toy.h"

static struct fdx_machine *make_toy(const char *prog_text)
{
    char path[] = "/tmp/fdx-debug-test-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    FILE *f = fdopen(fd, "w");
    fputs(prog_text, f);
    fclose(f);
    struct fdx_options o;
    fdx_options_init(&o);
    fdx_options_add_arg(&o, path);
    struct fdx_err err;
    struct fdx_machine *m = fdx_machine_create(&fdx_test_toy_machine, &o, NULL, &err);
    remove(path);
    ck_assert_msg(m != NULL, "%s", err.msg);
    return m;
}

static int64_t ev(struct fdx_machine *m, const struct fdx_symbols *syms, const char *text)
{
    struct fdx_expr_env env = {.cpu = m->cpu, .syms = syms};
    struct fdx_err err;
    int64_t v = -12345;
    ck_assert_msg(fdx_expr_eval(&env, text, &v, &err) == 0, "%s: %s", text, err.msg);
    return v;
}

static void bad(struct fdx_machine *m, const char *text, const char *msg_part)
{
    struct fdx_expr_env env = {.cpu = m->cpu, .syms = NULL};
    struct fdx_err err = {{0}};
    int64_t v;
    ck_assert_msg(fdx_expr_eval(&env, text, &v, &err) == -1, "'%s' should fail", text);
    ck_assert_msg(strstr(err.msg, msg_part) != NULL, "'%s': message '%s' lacks '%s'", text, err.msg, msg_part);
    ck_assert_msg(strchr(err.msg, '\n') == NULL, "one line");
}

START_TEST(test_expressions)
{
    struct fdx_machine *m = make_toy("FFFA: 00 02\n0200: 01 42\n");
    struct fdx_symbols syms;
    fdx_symbols_init(&syms);
    fdx_symbols_add(&syms, "start", 0x200);
    ck_assert_int_eq(ev(m, NULL, "$C000"), 0xC000);
    ck_assert_int_eq(ev(m, NULL, "0x10"), 16);
    ck_assert_int_eq(ev(m, NULL, "%101"), 5);
    ck_assert_int_eq(ev(m, NULL, "12h"), 0x12);
    ck_assert_int_eq(ev(m, NULL, "0FFh"), 0xFF);
    ck_assert_int_eq(ev(m, NULL, "49152"), 49152);
    ck_assert_int_eq(ev(m, NULL, "'A'"), 65);
    ck_assert_int_eq(ev(m, NULL, "2+3*4"), 14);
    ck_assert_int_eq(ev(m, NULL, "(2+3)*4"), 20);
    ck_assert_int_eq(ev(m, NULL, "1<<4|1"), 17);
    ck_assert_int_eq(ev(m, NULL, "7 % 3"), 1);
    ck_assert_int_eq(ev(m, NULL, "7 %11"), 7);          /* after an operand, % is modulo */
    ck_assert_int_eq(ev(m, NULL, "7 % %11"), 1);        /* ... and before one, binary */
    ck_assert_int_eq(ev(m, NULL, "-1"), -1);
    ck_assert_int_eq(ev(m, NULL, "!0 + !5"), 1);
    ck_assert_int_eq(ev(m, NULL, "~0 & $FF"), 255);
    ck_assert_int_eq(ev(m, NULL, "3 = 3 && 2 != 3 && 1 < 2 && 2 <= 2 && 3 > 2 && 3 >= 4 == 0"), 1);
    ck_assert_int_eq(ev(m, NULL, "0 || 0"), 0);
    ck_assert_int_eq(ev(m, NULL, "6 ^ 3"), 5);
    ck_assert_int_eq(ev(m, NULL, "$100 >> 4"), 0x10);
    /* registers, flags (layout "I-----ZC", P = $80 after reset), memory, symbols */
    ck_assert_int_eq(ev(m, NULL, "pc"), 0x200);
    ck_assert_int_eq(ev(m, NULL, "S"), 0xFF);
    ck_assert_int_eq(ev(m, NULL, "I"), 1);
    ck_assert_int_eq(ev(m, NULL, "z"), 0);
    ck_assert_int_eq(ev(m, NULL, "[$0201]"), 0x42);
    ck_assert_int_eq(ev(m, NULL, "w[$FFFA]"), 0x200);
    ck_assert_int_eq(ev(m, NULL, "l[$FFFA]"), 0x200);
    ck_assert_int_eq(ev(m, NULL, "[pc+1] == $42"), 1);
    ck_assert_int_eq(ev(m, &syms, "start + 1"), 0x201);
    ck_assert_int_eq(ev(m, &syms, "START"), 0x200);   /* case-insensitive fallback */
    bad(m, "1 +", "ends too early");
    bad(m, "foo", "unknown register or symbol 'foo'");
    bad(m, "(1", "missing ')'");
    bad(m, "[1", "missing ']'");
    bad(m, "[$10000]", "outside the address space");
    bad(m, "1/0", "division by zero");
    bad(m, "$", "missing digits");
    bad(m, "12x", "bad number");
    bad(m, "1 2", "unexpected '2'");
    bad(m, "", "missing");
    bad(m, "%102", "bad number");
    struct fdx_expr_env env = {.cpu = m->cpu};
    struct fdx_err err;
    uint32_t a;
    ck_assert_int_eq(fdx_expr_address(&env, "$FFFF", &a, &err), 0);
    ck_assert_int_eq(fdx_expr_address(&env, "$10000", &a, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.msg, "outside the address space"));
    ck_assert_int_eq(fdx_expr_address(&env, "-1", &a, &err), -1);
    fdx_symbols_free(&syms);
    fdx_machine_destroy(m);
}
END_TEST

START_TEST(test_symbol_files)
{
    struct fdx_symbols s;
    fdx_symbols_init(&s);
    struct fdx_err err;
    const char *ld65 = "al 00C000 .start\nal 00C005 .loop\n";
    ck_assert_int_eq(fdx_symbols_parse(&s, ld65, strlen(ld65), "a.lbl", &err), 2);
    const char *nasm = "\n- NASM Map file ---\n\nSource file:  t.asm\n\n-- Program origin ---\n\n00000100\n\n"
                       "-- Sections (summary) ---\n\nVstart            Start             Stop              Length\n"
                       "             100               100               106  00000006  progbits  .text\n\n"
                       "-- Symbols ---\n\n---- Section .text ---\n\nReal              Virtual           Name\n"
                       "             100               100  begin\n             103               103  again\n";
    ck_assert_int_eq(fdx_symbols_parse(&s, nasm, strlen(nasm), "t.map", &err), 2);
    const char *plain = "# comment\nSCREEN = $0400\nCOUNT := 10 ; decimal\nPORT EQU 0E9h\nVEC=0xFFFC\n\n";
    ck_assert_int_eq(fdx_symbols_parse(&s, plain, strlen(plain), "x.sym", &err), 4);
    uint32_t a;
    ck_assert_int_eq(fdx_symbols_find(&s, "loop", &a), 0);
    ck_assert_uint_eq(a, 0xC005);
    ck_assert_int_eq(fdx_symbols_find(&s, "again", &a), 0);
    ck_assert_uint_eq(a, 0x103);
    ck_assert_int_eq(fdx_symbols_find(&s, "COUNT", &a), 0);
    ck_assert_uint_eq(a, 10);
    ck_assert_int_eq(fdx_symbols_find(&s, "PORT", &a), 0);
    ck_assert_uint_eq(a, 0xE9);
    ck_assert_int_eq(fdx_symbols_find(&s, "VEC", &a), 0);
    ck_assert_uint_eq(a, 0xFFFC);
    ck_assert_str_eq(fdx_symbols_at(&s, 0xC000), "start");
    uint32_t off;
    ck_assert_str_eq(fdx_symbols_near(&s, 0xC003, 16, &off), "start");
    ck_assert_uint_eq(off, 3);
    ck_assert_ptr_null(fdx_symbols_near(&s, 0xC100, 16, &off));
    /* garbage: refused as a whole, with the line number, nothing added */
    size_t before = s.n;
    const char *junk = "GOOD = $10\nthis is not a symbol\n";
    ck_assert_int_eq(fdx_symbols_parse(&s, junk, strlen(junk), "junk.txt", &err), -1);
    ck_assert_ptr_nonnull(strstr(err.msg, "junk.txt:2"));
    ck_assert_uint_eq(s.n, before);
    const char bin[] = "al 00\0\x01\x02";
    ck_assert_int_eq(fdx_symbols_parse(&s, bin, sizeof bin, "bin", &err), -1);
    ck_assert_int_eq(fdx_symbols_load(&s, "/nonexistent/file.lbl", &err), -1);
    fdx_symbols_free(&s);
}
END_TEST

struct seen {
    int n;
    uint32_t addr[8], value[8];
    bool write[8];
};

static void record(void *ctx, uint32_t addr, uint32_t value, unsigned size, bool write)
{
    struct seen *s = ctx;
    (void)size;
    if (s->n < 8) {
        s->addr[s->n] = addr;
        s->value[s->n] = value;
        s->write[s->n] = write;
    }
    s->n++;
}

START_TEST(test_bus_tap)
{
    struct fdx_machine *m = make_toy("0200: 01 42\n");
    struct fdx_bus *bus = m->cpu->bus;
    struct fdx_page *real = bus->pages;
    ck_assert_ptr_eq(bus->pages, bus->map);
    struct seen seen = {0};
    ck_assert_int_eq(fdx_bus_tap_begin(bus, record, &seen), 0);
    fdx_bus_tap_range(bus, 0x0210, 0x0210);
    ck_assert(fdx_bus_tap_active(bus));
    /* untapped pages keep the fast path; the tapped one reports and forwards */
    ck_assert_ptr_nonnull(bus->pages[0x01].read);
    ck_assert_ptr_null(bus->pages[0x02].read);
    ck_assert_uint_eq(fdx_bus_read8(bus, 0x0100), 0);
    ck_assert_int_eq(seen.n, 0);
    ck_assert_uint_eq(fdx_bus_read8(bus, 0x0201), 0x42);
    fdx_bus_write8(bus, 0x0210, 0x99);
    ck_assert_int_eq(seen.n, 2);
    ck_assert_uint_eq(seen.addr[0], 0x201);
    ck_assert_uint_eq(seen.value[0], 0x42);
    ck_assert(!seen.write[0]);
    ck_assert(seen.write[1]);
    ck_assert_uint_eq(fdx_bus_peek8(bus, 0x0210), 0x99);    /* reached RAM */
    /* an I/O page forwards to its handler: bank switching remaps $E000 */
    fdx_bus_tap_range(bus, 0xD000, 0xD0FF);
    ck_assert_uint_eq(fdx_bus_read8(bus, 0xE000), 0xA0);
    fdx_bus_write8(bus, 0xD001, 1);
    ck_assert_uint_eq(fdx_bus_read8(bus, 0xE000), 0xB1);    /* shadow table followed the map */
    ck_assert_int_eq(seen.n, 3);
    fdx_bus_tap_end(bus);
    ck_assert_ptr_eq(bus->pages, real);
    fdx_bus_write8(bus, 0x0210, 0x11);
    ck_assert_int_eq(seen.n, 3);
    /* 16-bit accesses are reported once, as made */
    fdx_bus_tap_begin(bus, record, &seen);
    fdx_bus_tap_range(bus, 0x0200, 0x0201);
    ck_assert_uint_eq(fdx_bus_read16(bus, 0x0200), 0x4201);
    ck_assert_int_eq(seen.n, 4);
    fdx_bus_tap_end(bus);
    fdx_machine_destroy(m);
}
END_TEST

static uint32_t state_hash(struct fdx_machine *m)
{
    size_t n = fdx_machine_state_size(m);
    uint8_t *buf = malloc(n);
    struct fdx_err err;
    ck_assert_int_eq(fdx_machine_save(m, buf, n, &err), 0);
    uint32_t h = fdx_crc32(0, buf, n);
    free(buf);
    return h;
}

/* A loop with a timer interrupt and bank switching: every state matters. */
static const char *busy =
    "FFFA: 00 02\nFFFC: 00 03\n"
    "0200: 01 05 03 00 D0 0D 04 03 10 00 03 01 D0 02 00 E0 03 11 00 02 FF 00 03 12 00 05 06 02\n"
    "0300: 02 00 D0 04 03 20 00 09\n";

START_TEST(test_rewind_is_exact)
{
    struct fdx_machine *m = make_toy(busy);
    struct fdx_err err;
    struct fdx_rewind rw;
    /* a short interval: several snapshots and re-execution across them */
    ck_assert_int_eq(fdx_rewind_init(&rw, m, 150, 0, &err), 0);
    enum { N = 500 };
    static uint32_t hash[N + 8];
    static bool known[N + 8];
    memset(known, 0, sizeof known);
    hash[0] = state_hash(m);
    known[0] = true;
    bool input_done = false;
    /* forward: single steps (hook stops) mixed with short time budgets
     * (slices cut by time), the way the debugger runs */
    for (int k = 0; m->cpu->instructions < N; k++) {
        fdx_rewind_begin_run(&rw);
        if (k % 3 == 2) {
            fdx_debug_prepare(&m->debug, m->cpu);
            ck_assert_int_eq(fdx_machine_run(m, 13), FDX_RUN_OK);
        } else {
            fdx_debug_set_step(&m->debug, m->cpu, 1);
            fdx_debug_prepare(&m->debug, m->cpu);
            ck_assert_int_eq(fdx_machine_run(m, 1000), FDX_RUN_BREAK);
        }
        ck_assert_int_eq(fdx_rewind_end_run(&rw, m->debug.hook_stopped, &err), 0);
        if (!input_done && m->cpu->instructions >= 300) {    /* an input event in the middle */
            struct fdx_input_event e = {.kind = FDX_INPUT_SWITCH, .value = 0x5A};
            uint32_t before = state_hash(m);
            ck_assert_int_eq(fdx_rewind_input(&rw, &e, &err), 0);
            ck_assert_uint_ne(before, state_hash(m));
            input_done = true;
        }
        uint64_t i = m->cpu->instructions;
        if (i <= N) {
            hash[i] = state_hash(m);
            known[i] = true;
        }
    }
    ck_assert_uint_gt(rw.nsnaps, 4);
    ck_assert_uint_gt(rw.ncuts, 100);
    uint64_t end = m->cpu->instructions;
    /* every state the forward run stopped at, from the newest back */
    int checked = 0;
    for (int t = N; t >= 0; t--) {
        if (!known[t]) continue;
        ck_assert_int_eq(fdx_rewind_goto(&rw, (uint64_t)t, &err), 0);
        ck_assert_uint_eq(m->cpu->instructions, (uint64_t)t);
        ck_assert_msg(state_hash(m) == hash[t], "state at %d differs", t);
        checked++;
    }
    ck_assert_int_gt(checked, 200);
    ck_assert_int_eq(fdx_rewind_goto(&rw, end, &err), 0);
    /* the last hit search finds breakpoints before now only */
    fdx_debug_add_breakpoint(&m->debug, m->cpu, 0x0300);     /* the interrupt handler */
    uint64_t at = 0;
    ck_assert_int_eq(fdx_rewind_find_hit(&rw, &at, &err), 1);
    ck_assert_uint_lt(at, end);
    ck_assert_uint_eq(m->cpu->instructions, end);           /* back where it was */
    ck_assert_int_eq(fdx_rewind_goto(&rw, at, &err), 0);
    ck_assert_uint_eq(m->cpu->ops->pc(m->cpu), 0x0300);
    fdx_rewind_free(&rw);
    fdx_machine_destroy(m);
}
END_TEST

START_TEST(test_idle_debugger_costs_nothing)
{
    struct fdx_machine *m = make_toy(busy);
    struct fdx_err err;
    struct fdx_dbg *s = fdx_dbg_create(m, NULL, NULL, &err);
    ck_assert_ptr_nonnull(s);
    ck_assert_uint_eq(m->cpu->attention, 0);
    ck_assert_ptr_eq(m->cpu->bus->pages, m->cpu->bus->map);
    fdx_dbg_destroy(s);
    fdx_machine_destroy(m);
}
END_TEST

static char *slurp_file(FILE *f)
{
    fflush(f);
    long n = ftell(f);
    char *t = calloc(1, (size_t)n + 1);
    rewind(f);
    ck_assert_uint_eq(fread(t, 1, (size_t)n, f), (size_t)n);
    return t;
}

/* The console an app (the SDL hotkey) opens: commands until resume, the app
 * runs on with the points armed, a hit opens it again. */
START_TEST(test_console_for_apps)
{
    struct fdx_machine *m = make_toy(busy);
    struct fdx_err err;
    FILE *out = tmpfile();
    ck_assert_ptr_nonnull(out);
    struct fdx_dbg *s = fdx_dbg_create(m, fdx_dbg_out_file, out, &err);
    ck_assert_ptr_nonnull(s);
    static char cmds1[] = "step 3\nbreak $0300\nresume\nstep\n";
    FILE *in = fmemopen(cmds1, strlen(cmds1), "r");
    ck_assert_int_eq(fdx_dbg_console(s, in, out, "hotkey"), 0);
    fclose(in);
    ck_assert_uint_eq(m->cpu->instructions, 3);         /* the step after resume did not run */
    ck_assert_uint_ne(m->cpu->attention, 0);            /* the breakpoint is armed */
    /* the app runs the machine itself */
    enum fdx_run_result r = FDX_RUN_OK;
    for (int i = 0; i < 100 && r == FDX_RUN_OK; i++) r = fdx_machine_run(m, 1000);
    ck_assert_int_eq(r, FDX_RUN_BREAK);
    ck_assert_uint_eq(m->cpu->ops->pc(m->cpu), 0x0300);
    static char cmds2[] = "rstep\nstep\nrstep\nquit\n";
    in = fmemopen(cmds2, strlen(cmds2), "r");
    uint64_t at = m->cpu->instructions;
    ck_assert_int_eq(fdx_dbg_console(s, in, out, NULL), 1);
    fclose(in);
    ck_assert_uint_eq(m->cpu->instructions, at);         /* stepped and back */
    char *text = slurp_file(out);
    ck_assert_msg(strstr(text, "hotkey\n") != NULL, "%s", text);
    ck_assert_msg(strstr(text, "breakpoint #1 at $0300, hit 1") != NULL, "%s", text);
    /* history starts where the console was entered again */
    ck_assert_msg(strstr(text, "error: can only step back 0 instructions") != NULL, "%s", text);
    free(text);
    fdx_dbg_destroy(s);
    ck_assert_uint_eq(m->cpu->attention, 0);
    ck_assert_ptr_eq(m->cpu->bus->pages, m->cpu->bus->map);
    fclose(out);
    fdx_machine_destroy(m);
}
END_TEST

FDX_UNIT_MAIN("debug_core", test_expressions, test_symbol_files, test_bus_tap, test_rewind_is_exact,
              test_idle_debugger_costs_nothing, test_console_for_apps)
