/* File names for the DOS runner, confined to one host directory.
 *
 * A guest name may carry the drive C: (the only drive); absolute paths,
 * other drives and ".." are refused. Each component is matched against the
 * host directory without regard to case; new files get the upper-case
 * 8.3 name DOS would give them. Every step uses openat() with O_NOFOLLOW
 * from the sandbox's descriptor, so neither names nor symbolic links can
 * reach a host file outside the directory. */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "dos.h"

int dos_fs_open_dir(struct dos *d, const char *path, struct fdx_err *err)
{
    d->dirfd = open(path, O_RDONLY | O_DIRECTORY);
    if (d->dirfd < 0) return fdx_err_set(err, "--dir %s: %s", path, strerror(errno));
    return 0;
}

/* Upper-cases and checks one component, cutting it to 8.3 as DOS does.
 * Returns false for a name DOS would not accept. */
static bool dos_component(const char *in, size_t len, char out[13])
{
    static const char bad[] = "\"*+,/:;<=>?[\\]|";
    char base[9] = "", ext[4] = "";
    size_t bl = 0, el = 0;
    bool in_ext = false;
    if (len == 0) return false;
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)in[i];
        if (ch < 0x20 || ch == 0x7F || strchr(bad, ch)) return false;
        if (ch == '.') {
            if (in_ext) return false;
            in_ext = true;
            continue;
        }
        ch = (unsigned char)toupper(ch);
        if (!in_ext && bl < 8) base[bl++] = (char)ch;
        else if (in_ext && el < 3) ext[el++] = (char)ch;
    }
    base[bl] = 0;
    ext[el] = 0;
    if (bl == 0) return false;
    strcpy(out, base);
    if (el) {
        strcat(out, ".");
        strcat(out, ext);
    }
    return true;
}

static bool same_ci(const char *a, const char *b)
{
    for (; *a && *b; a++, b++)
        if (toupper((unsigned char)*a) != toupper((unsigned char)*b)) return false;
    return *a == *b;
}

/* Host name in directory fd that matches the DOS name, or the DOS name. */
static void host_name(int dirfd, const char *dosname, char *out, size_t size)
{
    snprintf(out, size, "%s", dosname);
    int fd = dup(dirfd);
    if (fd < 0) return;
    DIR *dir = fdopendir(fd);
    if (!dir) {
        close(fd);
        return;
    }
    rewinddir(dir);
    struct dirent *e;
    while ((e = readdir(dir))) {
        char up[13];
        size_t l = strlen(e->d_name);
        if (l > 12 || !dos_component(e->d_name, l, up)) continue;
        if (strcmp(up, dosname) == 0 && same_ci(e->d_name, dosname)) {
            snprintf(out, size, "%s", e->d_name);
            break;
        }
    }
    closedir(dir);
}

/* Resolves a guest path: returns a descriptor of the directory holding the
 * last component (caller closes it unless it is d->dirfd) and that
 * component's host name in leaf; or -DOS error. */
static int resolve(struct dos *d, const char *guest, char *leaf, size_t leaf_size)
{
    const char *p = guest;
    if (p[0] && p[1] == ':') {
        if (toupper((unsigned char)p[0]) != 'C') return -15; /* invalid drive */
        p += 2;
    }
    if (*p == '\\' || *p == '/') return -3; /* absolute paths are refused */
    int cur = d->dirfd;
    for (;;) {
        const char *sep = p;
        while (*sep && *sep != '\\' && *sep != '/') sep++;
        size_t len = (size_t)(sep - p);
        if (len == 1 && p[0] == '.' && *sep) { /* "." component */
            p = sep + 1;
            continue;
        }
        if (len >= 2 && p[0] == '.' && p[1] == '.') goto bad_path;
        char comp[13];
        if (!dos_component(p, len, comp)) goto bad_name;
        char host[256];
        host_name(cur, comp, host, sizeof host);
        if (!*sep) {
            snprintf(leaf, leaf_size, "%s", host);
            return cur;
        }
        int next = openat(cur, host, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
        if (cur != d->dirfd) close(cur);
        if (next < 0) return -3;
        cur = next;
        p = sep + 1;
    }
bad_name:
    if (cur != d->dirfd) close(cur);
    return -2;
bad_path:
    if (cur != d->dirfd) close(cur);
    return -3;
}

int dos_fs_open(struct dos *d, const char *guest, int flags)
{
    char leaf[256];
    int dir = resolve(d, guest, leaf, sizeof leaf);
    if (dir < 0) return dir;
    int fd = openat(dir, leaf, flags | O_NOFOLLOW, 0644);
    int e = errno;
    if (dir != d->dirfd) close(dir);
    if (fd >= 0) {
        struct stat sb;
        if (fstat(fd, &sb) || !S_ISREG(sb.st_mode)) { /* devices, FIFOs, directories: no */
            close(fd);
            return -5;
        }
        return fd;
    }
    if (e == ENOENT) return -2;
    if (e == EMFILE || e == ENFILE) return -4;
    return -5;
}

int dos_fs_unlink(struct dos *d, const char *guest)
{
    char leaf[256];
    int dir = resolve(d, guest, leaf, sizeof leaf);
    if (dir < 0) return dir;
    struct stat sb;
    int r = 0;
    if (fstatat(dir, leaf, &sb, AT_SYMLINK_NOFOLLOW)) r = -2;
    else if (!S_ISREG(sb.st_mode)) r = -5;
    else if (unlinkat(dir, leaf, 0)) r = -5;
    if (dir != d->dirfd) close(dir);
    return r;
}

static void dos_datetime(time_t t, uint16_t *date, uint16_t *tm)
{
    struct tm b;
    gmtime_r(&t, &b);
    int y = b.tm_year + 1900 - 1980;
    if (y < 0) y = 0;
    *date = (uint16_t)((y << 9) | ((b.tm_mon + 1) << 5) | b.tm_mday);
    *tm = (uint16_t)((b.tm_hour << 11) | (b.tm_min << 5) | (b.tm_sec / 2));
}

static void fill_stat(const struct stat *sb, uint8_t *attr, uint32_t *size, uint16_t *date, uint16_t *tm)
{
    *attr = S_ISDIR(sb->st_mode) ? 0x10 : ((sb->st_mode & S_IWUSR) ? 0x20 : 0x21);
    *size = sb->st_size > 0x7FFFFFFF ? 0x7FFFFFFF : (uint32_t)sb->st_size;
    dos_datetime(sb->st_mtime, date, tm);
}

int dos_fs_stat(struct dos *d, const char *guest, uint8_t *attr, uint32_t *size, uint16_t *date, uint16_t *tm)
{
    char leaf[256];
    int dir = resolve(d, guest, leaf, sizeof leaf);
    if (dir < 0) return dir;
    struct stat sb;
    int r = fstatat(dir, leaf, &sb, AT_SYMLINK_NOFOLLOW) ? -2 : 0;
    if (!r && !S_ISREG(sb.st_mode) && !S_ISDIR(sb.st_mode)) r = -2;
    if (!r) fill_stat(&sb, attr, size, date, tm);
    if (dir != d->dirfd) close(dir);
    return r;
}

/* DOS wildcard match of an 8.3 name against a pattern (both upper case). */
static bool part_match(const char *pat, size_t pl, const char *name, size_t nl, size_t width)
{
    char p[9], n[9];
    memset(p, ' ', width);
    memset(n, ' ', width);
    for (size_t i = 0, j = 0; i < pl && j < width; i++) {
        if (pat[i] == '*') {
            while (j < width) p[j++] = '?';
        } else {
            p[j++] = pat[i];
        }
    }
    memcpy(n, name, nl < width ? nl : width);
    for (size_t i = 0; i < width; i++)
        if (p[i] != '?' && p[i] != n[i]) return false;
    return true;
}

static bool wild_match(const char *pat, const char *name)
{
    const char *pd = strchr(pat, '.'), *nd = strchr(name, '.');
    size_t pbl = pd ? (size_t)(pd - pat) : strlen(pat), nbl = nd ? (size_t)(nd - name) : strlen(name);
    const char *pe = pd ? pd + 1 : "", *ne = nd ? nd + 1 : "";
    return part_match(pat, pbl, name, nbl, 8) && part_match(pe, strlen(pe), ne, strlen(ne), 3);
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp((const char *)a, (const char *)b);
}

int dos_fs_find(struct dos *d, const char *pattern, uint8_t attr, uint16_t *index, uint8_t out[43])
{
    /* the directory part must be a plain path; the last part may hold wildcards */
    char dirpart[128] = "", pat[64];
    const char *last = pattern;
    for (const char *q = pattern; *q; q++)
        if (*q == '\\' || *q == '/' || (*q == ':' && q == pattern + 1)) last = q + 1;
    size_t dl = (size_t)(last - pattern);
    if (dl >= sizeof dirpart || strlen(last) >= sizeof pat) return -3;
    memcpy(dirpart, pattern, dl);
    dirpart[dl] = 0;
    for (size_t i = 0; last[i]; i++) pat[i] = (char)toupper((unsigned char)last[i]), pat[i + 1] = 0;
    if (!*last) return -18;
    int dir = d->dirfd;
    if (dl) {
        char probe[160];
        snprintf(probe, sizeof probe, "%sX", dirpart);
        char leaf[256];
        dir = resolve(d, probe, leaf, sizeof leaf);
        if (dir < 0) return -3;
    }
    int fd = dup(dir);
    DIR *dd = fd >= 0 ? fdopendir(fd) : NULL;
    if (!dd) {
        if (fd >= 0) close(fd);
        if (dir != d->dirfd) close(dir);
        return -3;
    }
    rewinddir(dd);
    size_t n = 0, cap = 64;
    char (*names)[13] = malloc(cap * 13);
    struct dirent *e;
    while (names && (e = readdir(dd))) {
        char up[13];
        size_t l = strlen(e->d_name);
        if (e->d_name[0] == '.' || l > 12 || !dos_component(e->d_name, l, up) || !same_ci(up, e->d_name)) continue;
        if (!wild_match(pat, up)) continue;
        if (n == cap) {
            char (*nn)[13] = realloc(names, (cap *= 2) * 13);
            if (!nn) break;
            names = nn;
        }
        memcpy(names[n++], up, 13);
    }
    closedir(dd);
    int r = -18;
    if (names) {
        qsort(names, n, 13, cmp_names);
        for (size_t i = *index; i < n; i++) {
            char host[256];
            host_name(dir, names[i], host, sizeof host);
            struct stat sb;
            if (fstatat(dir, host, &sb, AT_SYMLINK_NOFOLLOW)) continue;
            if (!S_ISREG(sb.st_mode) && !S_ISDIR(sb.st_mode)) continue;
            if (S_ISDIR(sb.st_mode) && !(attr & 0x10)) continue;
            uint8_t a;
            uint32_t size;
            uint16_t date, tm;
            fill_stat(&sb, &a, &size, &date, &tm);
            memset(out, 0, 43);
            out[0x15] = a;
            out[0x16] = (uint8_t)tm;
            out[0x17] = (uint8_t)(tm >> 8);
            out[0x18] = (uint8_t)date;
            out[0x19] = (uint8_t)(date >> 8);
            for (int k = 0; k < 4; k++) out[0x1A + k] = (uint8_t)(size >> (8 * k));
            memcpy(out + 0x1E, names[i], strlen(names[i]) + 1);
            *index = (uint16_t)(i + 1);
            r = 0;
            break;
        }
    }
    free(names);
    if (dir != d->dirfd) close(dir);
    return r;
}
