/* m3u playlists and the disk list. */
#include "lr_disk.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fdx/media.h"

void lr_disks_init(struct lr_disks *d)
{
    memset(d, 0, sizeof *d);
}

int lr_disks_add(struct lr_disks *d, const char *path)
{
    if (d->count >= LR_MAX_DISKS || strlen(path) >= LR_PATH_MAX) return -1;
    snprintf(d->path[d->count], LR_PATH_MAX, "%s", path);
    return (int)d->count++;
}

const char *lr_basename(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

int lr_disks_load_m3u(struct lr_disks *d, const char *m3u_path, struct fdx_err *err)
{
    uint8_t *data;
    size_t size;
    if (fdx_file_read(m3u_path, 1u << 20, &data, &size, err)) return -1;
    size_t dir_len = (size_t)(lr_basename(m3u_path) - m3u_path);
    const char *p = (const char *)data, *end = p + size;
    unsigned line = 0;
    int r = 0;
    while (p < end && r == 0) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *eol = nl ? nl : end;
        line++;
        const char *a = p, *b = eol;
        if (line == 1 && b - a >= 3 && !memcmp(a, "\xEF\xBB\xBF", 3)) a += 3;   /* UTF-8 BOM */
        while (a < b && (*a == ' ' || *a == '\t' || *a == '\r')) a++;
        while (b > a && (b[-1] == ' ' || b[-1] == '\t' || b[-1] == '\r')) b--;
        p = nl ? nl + 1 : end;
        if (a == b || *a == '#') continue;
        char path[LR_PATH_MAX];
        size_t len = (size_t)(b - a);
        size_t prefix = *a == '/' ? 0 : dir_len;   /* relative to the playlist */
        if (prefix + len >= sizeof path || memchr(a, 0, len)) {
            r = fdx_err_set(err, "%s:%u: path too long or not text", m3u_path, line);
            break;
        }
        memcpy(path, m3u_path, prefix);
        memcpy(path + prefix, a, len);
        path[prefix + len] = 0;
        if (lr_disks_add(d, path) < 0) r = fdx_err_set(err, "%s:%u: more than %d images", m3u_path, line, LR_MAX_DISKS);
    }
    free(data);
    if (r == 0 && d->count == 0) r = fdx_err_set(err, "%s: the playlist names no images", m3u_path);
    return r;
}

int lr_disk_work_copy(const char *orig, const char *save_dir, char *out, size_t out_size, struct fdx_err *err)
{
    uint8_t *data;
    size_t size;
    if (fdx_file_read(orig, FDX_MEDIA_MAX_SIZE, &data, &size, err)) return -1;
    uint32_t crc = fdx_crc32(0, data, size);
    const char *base = lr_basename(orig);
    const char *dot = strrchr(base, '.');
    int stem = dot && dot != base ? (int)(dot - base) : (int)strlen(base);
    char dir[LR_PATH_MAX];
    int n = snprintf(dir, sizeof dir, "%s/fdx", save_dir);
    int m = n > 0 && (size_t)n < sizeof dir
                ? snprintf(out, out_size, "%s/%.*s-%08x%s", dir, stem, base, (unsigned)crc, dot && dot != base ? dot : "")
                : -1;
    int r = 0;
    struct stat st;
    if (m < 0 || (size_t)m >= out_size) r = fdx_err_set(err, "%s: save path too long", orig);
    else if (mkdir(dir, 0777) != 0 && errno != EEXIST) r = fdx_err_set(err, "%s: %s", dir, strerror(errno));
    else if (stat(out, &st) != 0) r = fdx_file_write_atomic(out, data, size, err);   /* first use */
    free(data);
    return r;
}
