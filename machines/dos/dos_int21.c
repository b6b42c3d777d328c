/* INT 20h/21h services of the DOS runner (and the few BIOS calls simple
 * programs make). Called by the CPU for INT n while the vector still points
 * at our stub, so no interrupt frame is pushed: results go straight into
 * the registers and CF. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "dos.h"

#define AX c->r[X86_AX]
#define BX c->r[X86_BX]
#define CX c->r[X86_CX]
#define DX c->r[X86_DX]
#define SI c->r[X86_SI]
#define DI c->r[X86_DI]
#define AH (AX >> 8)
#define AL (AX & 0xFF)
#define SET_AL(v) (AX = (uint16_t)((AX & 0xFF00) | ((v) & 0xFF)))
#define SET_AH(v) (AX = (uint16_t)((AX & 0x00FF) | ((v) & 0xFF) << 8))
#define DS c->seg[X86_DS].sel
#define ES c->seg[X86_ES].sel

static void ok(struct fdx_x86 *c) { c->flags &= (uint16_t)~X86_CF; }
static void fail(struct dos *d, struct fdx_x86 *c, unsigned code)
{
    c->flags |= X86_CF;
    AX = (uint16_t)code;
    d->last_error = (uint8_t)code;
}

static void out(struct dos *d, const void *buf, size_t n) { fdx_machine_host_write(d->m, 1, buf, n); }

/* One byte of console input: '\n' from the host becomes CR (the Enter key);
 * returns -1 at the end of input. */
static int con_getc(struct dos *d)
{
    uint8_t ch;
    if (fdx_machine_host_read(d->m, 0, &ch, 1) != 1) return -1;
    return ch == '\n' ? '\r' : ch;
}

/* ASCIIZ string from guest memory; false if longer than size-1. */
static bool guest_str(struct dos *d, uint16_t seg, uint16_t off, char *s, size_t size)
{
    for (size_t i = 0; i < size; i++) {
        s[i] = (char)dos_rd8(d, dos_lin(seg, (uint16_t)(off + i)));
        if (!s[i]) return true;
    }
    return false;
}

static int new_handle(struct dos *d)
{
    for (int i = 5; i < DOS_MAX_HANDLES; i++)
        if (d->h[i].fd < 0 && !d->h[i].device) return i;
    return -1;
}

static struct dos_file *handle(struct dos *d, unsigned h)
{
    if (h >= DOS_MAX_HANDLES || (d->h[h].fd < 0 && !d->h[h].device)) return NULL;
    return &d->h[h];
}

/* ---- memory control blocks ---------------------------------------------- */

static uint32_t mcb(uint16_t seg) { return (uint32_t)seg << 4; }

/* Merges free blocks that follow seg. */
static void mcb_merge(struct dos *d, uint16_t seg)
{
    for (;;) {
        uint32_t a = mcb(seg);
        if (dos_rd8(d, a) != 'M') return;
        uint16_t size = dos_rd16(d, a + 3);
        uint16_t next = (uint16_t)(seg + size + 1);
        uint32_t b = mcb(next);
        if (dos_rd16(d, a + 1) != 0 || dos_rd16(d, b + 1) != 0) return;
        dos_wr8(d, a, dos_rd8(d, b));
        dos_wr16(d, a + 3, (uint16_t)(size + dos_rd16(d, b + 3) + 1));
    }
}

/* Walks the chain; returns false if it is damaged (error 7). */
static bool mcb_valid(struct dos *d)
{
    uint16_t seg = DOS_MCB_FIRST;
    for (int n = 0; n < 4096; n++) {
        uint8_t t = dos_rd8(d, mcb(seg));
        if (t != 'M' && t != 'Z') return false;
        if (t == 'Z') return true;
        seg = (uint16_t)(seg + dos_rd16(d, mcb(seg) + 3) + 1);
        if (seg >= d->ram_size >> 4) return false;
    }
    return false;
}

static void mcb_split(struct dos *d, uint16_t seg, uint16_t paras)
{
    uint32_t a = mcb(seg);
    uint16_t size = dos_rd16(d, a + 3);
    if (size <= paras) return;
    uint16_t rest = (uint16_t)(seg + paras + 1);
    dos_wr8(d, mcb(rest), dos_rd8(d, a));
    dos_wr16(d, mcb(rest) + 1, 0);
    dos_wr16(d, mcb(rest) + 3, (uint16_t)(size - paras - 1));
    dos_wr8(d, a, 'M');
    dos_wr16(d, a + 3, paras);
}

static void mem_alloc(struct dos *d, struct fdx_x86 *c)
{
    if (!mcb_valid(d)) return fail(d, c, 7);
    uint16_t want = BX, best = 0, seg = DOS_MCB_FIRST;
    for (;;) {
        uint32_t a = mcb(seg);
        mcb_merge(d, seg);
        uint16_t size = dos_rd16(d, a + 3);
        if (dos_rd16(d, a + 1) == 0) {
            if (size >= want) {
                mcb_split(d, seg, want);
                dos_wr16(d, a + 1, d->psp);
                AX = (uint16_t)(seg + 1);
                return ok(c);
            }
            if (size > best) best = size;
        }
        if (dos_rd8(d, a) == 'Z') break;
        seg = (uint16_t)(seg + size + 1);
    }
    BX = best;
    fail(d, c, 8);
}

static void mem_free(struct dos *d, struct fdx_x86 *c, uint16_t block)
{
    uint16_t seg = (uint16_t)(block - 1);
    if (!mcb_valid(d) || block <= DOS_MCB_FIRST) return fail(d, c, 9);
    uint8_t t = dos_rd8(d, mcb(seg));
    if (t != 'M' && t != 'Z') return fail(d, c, 9);
    dos_wr16(d, mcb(seg) + 1, 0);
    ok(c);
}

static void mem_resize(struct dos *d, struct fdx_x86 *c, uint16_t block)
{
    uint16_t seg = (uint16_t)(block - 1);
    if (!mcb_valid(d) || block <= DOS_MCB_FIRST) return fail(d, c, 9);
    uint32_t a = mcb(seg);
    uint8_t t = dos_rd8(d, a);
    if (t != 'M' && t != 'Z') return fail(d, c, 9);
    /* absorb free blocks after it, then cut back to the size wanted */
    uint16_t owner = dos_rd16(d, a + 1);
    dos_wr16(d, a + 1, 0);
    mcb_merge(d, seg);
    dos_wr16(d, a + 1, owner);
    uint16_t size = dos_rd16(d, a + 3);
    if (BX > size) {
        BX = size;
        return fail(d, c, 8);
    }
    mcb_split(d, seg, BX);
    ok(c);
}

/* ---- files -------------------------------------------------------------- */

/* DOS device names (any directory, any extension): 1 console, 2 null, 0 none. */
static int device_name(const char *name)
{
    static const char *const nul[] = {"NUL", "PRN", "AUX", "COM1", "COM2", "COM3", "COM4", "LPT1", "LPT2", "LPT3", NULL};
    const char *b = name;
    for (const char *q = name; *q; q++)
        if (*q == '\\' || *q == '/' || *q == ':') b = q + 1;
    char base[9];
    size_t n = 0;
    while (b[n] && b[n] != '.' && n < 8) {
        base[n] = (char)(b[n] >= 'a' && b[n] <= 'z' ? b[n] - 32 : b[n]);
        n++;
    }
    base[n] = 0;
    if (!strcmp(base, "CON")) return 1;
    for (int i = 0; nul[i]; i++)
        if (!strcmp(base, nul[i])) return 2;
    return 0;
}

static void file_open(struct dos *d, struct fdx_x86 *c, bool create)
{
    char name[128];
    if (!guest_str(d, DS, DX, name, sizeof name)) return fail(d, c, 3);
    int h = new_handle(d);
    if (h < 0) return fail(d, c, 4);
    int dev = device_name(name);
    if (dev) { /* CON is the console; the others swallow output and read as empty */
        d->h[h].device = true;
        d->h[h].fd = dev == 1 ? -1 : -2;
        AX = (uint16_t)h;
        return ok(c);
    }
    int flags;
    if (create) {
        flags = O_RDWR | O_CREAT | O_TRUNC;
    } else {
        unsigned mode = AL & 7;
        flags = mode == 0 ? O_RDONLY : mode == 1 ? O_WRONLY : mode == 2 ? O_RDWR : -1;
        if (flags < 0) return fail(d, c, 12);
    }
    int fd = dos_fs_open(d, name, flags);
    if (fd < 0) return fail(d, c, (unsigned)-fd);
    d->h[h].fd = fd;
    d->h[h].device = false;
    AX = (uint16_t)h;
    ok(c);
}

static void file_read(struct dos *d, struct fdx_x86 *c)
{
    struct dos_file *f = handle(d, BX);
    if (!f) return fail(d, c, 6);
    uint16_t n = CX, got = 0;
    uint8_t buf[512];
    if (f->device && f->fd == -2) {
        AX = 0;
        return ok(c);
    }
    if (f->device) {
        /* console: cooked, one line at most, '\n' becomes CR LF */
        while (got < n) {
            int ch;
            if (d->pending_cr) {
                d->pending_cr = 0;
                ch = '\n';
            } else {
                ch = con_getc(d);
                if (ch < 0) break;
                if (ch == '\r') d->pending_cr = 1;
            }
            dos_wr8(d, dos_lin(DS, (uint16_t)(DX + got)), (uint8_t)ch);
            got++;
            if (ch == '\n') break;
        }
        AX = got;
        return ok(c);
    }
    while (got < n) {
        size_t chunk = (size_t)(n - got) < sizeof buf ? (size_t)(n - got) : sizeof buf;
        ssize_t r = read(f->fd, buf, chunk);
        if (r < 0) return fail(d, c, 5);
        if (r == 0) break;
        for (ssize_t i = 0; i < r; i++) dos_wr8(d, dos_lin(DS, (uint16_t)(DX + got + i)), buf[i]);
        got = (uint16_t)(got + r);
    }
    AX = got;
    ok(c);
}

static void file_write(struct dos *d, struct fdx_x86 *c)
{
    struct dos_file *f = handle(d, BX);
    if (!f) return fail(d, c, 6);
    uint16_t n = CX, done = 0;
    uint8_t buf[512];
    if (!f->device && n == 0) { /* CX = 0 truncates at the file position */
        off_t pos = lseek(f->fd, 0, SEEK_CUR);
        if (pos < 0 || ftruncate(f->fd, pos)) return fail(d, c, 5);
        AX = 0;
        return ok(c);
    }
    while (done < n) {
        size_t chunk = (size_t)(n - done) < sizeof buf ? (size_t)(n - done) : sizeof buf;
        for (size_t i = 0; i < chunk; i++) buf[i] = dos_rd8(d, dos_lin(DS, (uint16_t)(DX + done + i)));
        if (f->device) {
            /* console handles: 2 is stderr, the others the screen; null devices swallow */
            if (f->fd != -2) fdx_machine_host_write(d->m, BX == 2 ? 2 : 1, buf, chunk);
        } else {
            ssize_t w = write(f->fd, buf, chunk);
            if (w < 0) return fail(d, c, 5);
            if ((size_t)w < chunk) {
                done = (uint16_t)(done + w);
                break;
            }
        }
        done = (uint16_t)(done + chunk);
    }
    AX = done;
    ok(c);
}

static void file_seek(struct dos *d, struct fdx_x86 *c)
{
    struct dos_file *f = handle(d, BX);
    if (!f) return fail(d, c, 6);
    if (AL > 2) return fail(d, c, 1);
    if (f->device) {
        AX = DX = 0;
        return ok(c);
    }
    int32_t off = (int32_t)((uint32_t)CX << 16 | DX);
    off_t r = lseek(f->fd, (off_t)off, AL == 0 ? SEEK_SET : AL == 1 ? SEEK_CUR : SEEK_END);
    if (r < 0) return fail(d, c, 25); /* seek error */
    AX = (uint16_t)r;
    DX = (uint16_t)((uint32_t)r >> 16);
    ok(c);
}

/* ---- find first / next -------------------------------------------------- */

static void find(struct dos *d, struct fdx_x86 *c, bool first)
{
    uint8_t rec[43];
    char pat[18];
    uint16_t index = 0;
    uint8_t attr;
    if (first) {
        if (!guest_str(d, DS, DX, pat, sizeof pat)) return fail(d, c, 3);
        attr = (uint8_t)CX;
    } else {
        attr = dos_rd8(d, d->dta);
        index = dos_rd16(d, d->dta + 1);
        for (int i = 0; i < 18; i++) pat[i] = (char)dos_rd8(d, d->dta + 3 + (uint32_t)i);
        pat[17] = 0;
    }
    int r = dos_fs_find(d, pat, attr, &index, rec);
    if (r < 0) return fail(d, c, first && r == -18 ? 2 : (unsigned)-r);
    rec[0] = attr;
    rec[1] = (uint8_t)index;
    rec[2] = (uint8_t)(index >> 8);
    memcpy(rec + 3, pat, 18);
    for (int i = 0; i < 43; i++) dos_wr8(d, d->dta + (uint32_t)i, rec[i]);
    AX = 0;
    ok(c);
}

/* ---- date and time ------------------------------------------------------ */

/* Seconds since 2000-01-01 00:00:00 (a Saturday) by the emulated clock, or
 * the host's local time with --host-time. */
static void now(struct dos *d, struct tm *out, unsigned *hundredths)
{
    if (d->host_time) {
        time_t t = time(NULL);
        localtime_r(&t, out);
        *hundredths = 0;
        return;
    }
    uint64_t cs = d->cpu.base.cycles * 100 / 4772727; /* centiseconds at 4.77 MHz */
    time_t t = (time_t)946684800 + (time_t)(cs / 100);
    gmtime_r(&t, out);
    *hundredths = (unsigned)(cs % 100);
}

/* ---- the dispatcher ------------------------------------------------------ */

static void terminate(struct dos *d, int code)
{
    for (int i = 5; i < DOS_MAX_HANDLES; i++)
        if (d->h[i].fd >= 0) {
            close(d->h[i].fd);
            d->h[i].fd = -1;
        }
    fdx_machine_request_exit(d->m, code);
}

static void int21(struct dos *d, struct fdx_x86 *c)
{
    switch (AH) {
    case 0x00:
        return terminate(d, 0);
    case 0x01: case 0x07: case 0x08: {
        int ch = con_getc(d);
        if (ch < 0) ch = 0x1A; /* end of input reads as Ctrl-Z */
        if (AH == 0x01) {
            uint8_t b = (uint8_t)ch;
            out(d, &b, 1);
        }
        SET_AL(ch);
        return;
    }
    case 0x02: {
        uint8_t b = (uint8_t)DX;
        out(d, &b, 1);
        SET_AL(b);
        return;
    }
    case 0x06:
        if ((DX & 0xFF) == 0xFF) {
            int ch = con_getc(d);
            if (ch < 0) {
                c->flags |= X86_ZF;
                SET_AL(0);
            } else {
                c->flags &= (uint16_t)~X86_ZF;
                SET_AL(ch);
            }
        } else {
            uint8_t b = (uint8_t)DX;
            out(d, &b, 1);
            SET_AL(b);
        }
        return;
    case 0x09: {
        char buf[256];
        size_t n = 0;
        for (uint32_t i = 0; i < 0x10000; i++) {
            uint8_t ch = dos_rd8(d, dos_lin(DS, (uint16_t)(DX + i)));
            if (ch == '$') break;
            buf[n++] = (char)ch;
            if (n == sizeof buf) {
                out(d, buf, n);
                n = 0;
            }
        }
        out(d, buf, n);
        SET_AL('$');
        return;
    }
    case 0x0A: { /* buffered input: DS:DX = max, count, chars, CR */
        uint32_t b = dos_lin(DS, DX);
        unsigned max = dos_rd8(d, b), n = 0;
        if (max == 0) return;
        for (;;) {
            int ch = con_getc(d);
            if (ch < 0 || ch == '\r') break;
            if (n + 1 < max) dos_wr8(d, b + 2 + n++, (uint8_t)ch);
        }
        dos_wr8(d, b + 2 + n, '\r');
        dos_wr8(d, b + 1, (uint8_t)n);
        return;
    }
    case 0x0B:
        SET_AL(0xFF); /* input may be available; reads block or see end of input */
        return;
    case 0x0D:
        return;
    case 0x0E:
        SET_AL(3); /* drives A: to C: */
        return;
    case 0x19:
        SET_AL(2); /* C: */
        return;
    case 0x1A:
        d->dta_seg = DS;
        d->dta_off = DX;
        d->dta = dos_lin(DS, DX);
        return;
    case 0x25:
        dos_wr16(d, (uint32_t)AL * 4, DX);
        dos_wr16(d, (uint32_t)AL * 4 + 2, DS);
        return;
    case 0x2A: {
        struct tm t;
        unsigned hs;
        now(d, &t, &hs);
        CX = (uint16_t)(t.tm_year + 1900);
        DX = (uint16_t)((t.tm_mon + 1) << 8 | t.tm_mday);
        SET_AL(t.tm_wday);
        return;
    }
    case 0x2C: {
        struct tm t;
        unsigned hs;
        now(d, &t, &hs);
        CX = (uint16_t)(t.tm_hour << 8 | t.tm_min);
        DX = (uint16_t)(t.tm_sec << 8 | hs);
        return;
    }
    case 0x2B: case 0x2D:
        SET_AL(0); /* setting the clock is accepted and ignored */
        return;
    case 0x2F:
        BX = (uint16_t)d->dta_off;
        fdx_x86_set_seg(c, X86_ES, (uint16_t)d->dta_seg);
        return;
    case 0x30:
        AX = 0x0005; /* DOS 5.0 */
        BX = 0xFF00;
        CX = 0;
        return;
    case 0x33:
        if (AL == 0) DX = (uint16_t)(DX & 0xFF00);
        return;
    case 0x35:
        BX = dos_rd16(d, (uint32_t)AL * 4);
        fdx_x86_set_seg(c, X86_ES, dos_rd16(d, (uint32_t)AL * 4 + 2));
        return;
    case 0x3B: { /* change directory: only the root exists for the program */
        char name[128];
        if (!guest_str(d, DS, DX, name, sizeof name)) return fail(d, c, 3);
        if (!strcmp(name, "\\") || !strcmp(name, "C:\\") || !strcmp(name, "c:\\") || !strcmp(name, "."))
            return ok(c);
        return fail(d, c, 3);
    }
    case 0x3C:
        return file_open(d, c, true);
    case 0x3D:
        return file_open(d, c, false);
    case 0x3E: {
        struct dos_file *f = handle(d, BX);
        if (!f) return fail(d, c, 6);
        if (!f->device && f->fd >= 0) close(f->fd);
        f->fd = -1;
        f->device = false;
        return ok(c);
    }
    case 0x3F:
        return file_read(d, c);
    case 0x40:
        return file_write(d, c);
    case 0x41: {
        char name[128];
        if (!guest_str(d, DS, DX, name, sizeof name)) return fail(d, c, 3);
        int r = dos_fs_unlink(d, name);
        if (r < 0) return fail(d, c, (unsigned)-r);
        return ok(c);
    }
    case 0x42:
        return file_seek(d, c);
    case 0x43: {
        char name[128];
        if (!guest_str(d, DS, DX, name, sizeof name)) return fail(d, c, 3);
        uint8_t attr;
        uint32_t size;
        uint16_t date, tm;
        int r = dos_fs_stat(d, name, &attr, &size, &date, &tm);
        if (r < 0) return fail(d, c, (unsigned)-r);
        if (AL == 0) {
            CX = attr;
            return ok(c);
        }
        if (AL == 1) return ok(c); /* attributes are not kept on the host */
        return fail(d, c, 1);
    }
    case 0x44: { /* IOCTL: device information only */
        struct dos_file *f = handle(d, BX);
        if (AL == 0x00) {
            if (!f) return fail(d, c, 6);
            DX = f->device ? (uint16_t)(0x80 | 0x40 | (BX == 0 ? 1 : 0) | (BX == 1 ? 2 : 0) | 0x10) : 0x0002;
            AX = DX;
            return ok(c);
        }
        if (AL == 0x01) return ok(c);
        return fail(d, c, 1);
    }
    case 0x45: case 0x46: { /* DUP, FORCEDUP */
        struct dos_file *f = handle(d, BX);
        if (!f) return fail(d, c, 6);
        int h = AH == 0x45 ? new_handle(d) : (int)CX;
        if (h < 0 || h >= DOS_MAX_HANDLES) return fail(d, c, 4);
        int fd = -1;
        if (f->device) fd = f->fd;
        else if ((fd = dup(f->fd)) < 0) return fail(d, c, 4);
        struct dos_file *t = &d->h[h];
        if (t->fd >= 0 && !t->device) close(t->fd);
        t->fd = fd;
        t->device = f->device;
        if (AH == 0x45) AX = (uint16_t)h;
        return ok(c);
    }
    case 0x47: /* current directory: the root */
        dos_wr8(d, dos_lin(DS, SI), 0);
        return ok(c);
    case 0x48:
        return mem_alloc(d, c);
    case 0x49:
        return mem_free(d, c, ES);
    case 0x4A:
        return mem_resize(d, c, ES);
    case 0x4C:
        return terminate(d, AL);
    case 0x4D:
        AX = 0;
        return;
    case 0x4E:
        return find(d, c, true);
    case 0x4F:
        return find(d, c, false);
    case 0x51: case 0x62:
        BX = d->psp;
        return;
    case 0x59:
        AX = d->last_error;
        BX = 0x0101;
        return;
    default:
        if (!d->warned_unknown) {
            char msg[120];
            int n = snprintf(msg, sizeof msg, "dos: unsupported INT 21h function %02Xh at %04X:%04X (returned error 1)\n",
                             AH, c->seg[X86_CS].sel, c->ip);
            fdx_machine_host_write(d->m, 2, msg, (size_t)n);
            d->warned_unknown = true;
        }
        return fail(d, c, 1);
    }
}

/* INT 10h teletype output and a few queries. */
static void int10(struct dos *d, struct fdx_x86 *c)
{
    switch (AH) {
    case 0x0E: {
        uint8_t b = (uint8_t)AL;
        out(d, &b, 1);
        return;
    }
    case 0x0F:
        AX = 0x5003; /* 80 columns, mode 3 */
        c->r[X86_BX] &= 0x00FF;
        return;
    default:
        return;
    }
}

bool dos_swint(void *ctx, struct fdx_x86 *c, uint8_t vec)
{
    struct dos *d = ctx;
    if (vec == DOS_SVC_21) {
        int21(d, c);
        return true;
    }
    if (vec == DOS_SVC_20) {
        terminate(d, 0);
        return true;
    }
    if (vec == DOS_SVC_DIV) {
        static const char msg[] = "Divide overflow\r\n";
        out(d, msg, sizeof msg - 1);
        terminate(d, 1);
        return true;
    }
    /* Other vectors: serviced here only while they still point at our stub. */
    uint16_t off = dos_rd16(d, (uint32_t)vec * 4), seg = dos_rd16(d, (uint32_t)vec * 4 + 2);
    if (seg != DOS_STUB_SEG || off != (uint16_t)vec * 8) return false;
    switch (vec) {
    case 0x20: terminate(d, 0); return true;
    case 0x21: int21(d, c); return true;
    case 0x10: int10(d, c); return true;
    case 0x16: /* keyboard: read a key */
        if (AH == 0x00 || AH == 0x10) {
            int ch = con_getc(d);
            AX = (uint16_t)(ch < 0 ? 0 : ch);
        } else if (AH == 0x01 || AH == 0x11) {
            c->flags &= (uint16_t)~X86_ZF;
        }
        return true;
    case 0x1A: { /* ticks since midnight at 18.2 Hz */
        struct tm t;
        unsigned hs;
        now(d, &t, &hs);
        uint32_t ticks = (uint32_t)(((uint64_t)(t.tm_hour * 3600 + t.tm_min * 60 + t.tm_sec) * 100 + hs) * 1193182 / 6553600);
        if (AH == 0) {
            CX = (uint16_t)(ticks >> 16);
            DX = (uint16_t)ticks;
            SET_AL(0);
        }
        return true;
    }
    default: {
        char msg[80];
        int n = snprintf(msg, sizeof msg, "dos: unhandled INT %02Xh (AX=%04X) at %04X:%04X, ignored\n", vec, AX,
                         c->seg[X86_CS].sel, c->ip);
        fdx_machine_host_write(d->m, 2, msg, (size_t)n);
        return true;
    }
    }
}
