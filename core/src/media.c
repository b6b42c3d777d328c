/* Safe file reading and writing, the ROM search path and ROM look-up. */
#define _XOPEN_SOURCE 700
#include "fdx/media.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

int fdx_file_read(const char *path, size_t max_size, uint8_t **data, size_t *size, struct fdx_err *err)
{
    *data = NULL;
    *size = 0;
    int fd = open(path, O_RDONLY);
    if (fd < 0) return fdx_err_set(err, "%s: %s", path, strerror(errno));
    struct stat sb;
    if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
        close(fd);
        return fdx_err_set(err, "%s: not a regular file", path);
    }
    if ((uint64_t)sb.st_size > max_size) {
        close(fd);
        return fdx_err_set(err, "%s: too large (%lld bytes, at most %zu)", path, (long long)sb.st_size,
                           max_size);
    }
    size_t n = (size_t)sb.st_size;
    uint8_t *buf = malloc(n ? n : 1);
    if (!buf) {
        close(fd);
        return fdx_err_set(err, "%s: out of memory", path);
    }
    size_t got = 0;
    while (got < n) {
        ssize_t r = read(fd, buf + got, n - got);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) {
            free(buf);
            close(fd);
            return fdx_err_set(err, "%s: read error", path);
        }
        got += (size_t)r;
    }
    close(fd);
    *data = buf;
    *size = n;
    return 0;
}

int fdx_file_write_atomic(const char *user_path, const void *data, size_t size, struct fdx_err *err)
{
    /* A symbolic link stays a link: the file it points to is replaced. */
    const char *path = user_path;
    char *resolved = NULL;
    struct stat st;
    if (lstat(user_path, &st) == 0 && S_ISLNK(st.st_mode)) {
        resolved = realpath(user_path, NULL);
        if (!resolved) return fdx_err_set(err, "%s: cannot follow the link: %s", user_path, strerror(errno));
        path = resolved;
    }
    bool exists = stat(path, &st) == 0;
    size_t len = strlen(path);
    char *tmp = malloc(len + 16);
    if (!tmp) {
        free(resolved);
        return fdx_err_set(err, "%s: out of memory", user_path);
    }
    snprintf(tmp, len + 16, "%s.tmp-XXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        fdx_err_set(err, "%s: cannot create: %s", user_path, strerror(errno));
        free(tmp);
        free(resolved);
        return -1;
    }
    /* the new file keeps the old one's permissions (mkstemp makes it 0600) */
    (void)fchmod(fd, exists ? (st.st_mode & 07777) : 0644);
    const uint8_t *p = data;
    size_t done = 0;
    while (done < size) {
        ssize_t w = write(fd, p + done, size - done);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) break;
        done += (size_t)w;
    }
    int ok = done == size && fsync(fd) == 0;
    ok = (close(fd) == 0) && ok;
    if (!ok || rename(tmp, path) != 0) {
        fdx_err_set(err, "%s: write failed: %s", user_path, strerror(errno));
        unlink(tmp);
        free(tmp);
        free(resolved);
        return -1;
    }
    free(tmp);
    free(resolved);
    return 0;
}

static void add_dir(struct fdx_rom_path *p, const char *dir, size_t len, const char *suffix)
{
    if (len == 0 || p->count >= FDX_ROM_PATH_MAX) return;
    if (len + strlen(suffix) >= sizeof p->dirs[0]) return;
    memcpy(p->dirs[p->count], dir, len);
    strcpy(p->dirs[p->count] + len, suffix);
    p->count++;
}

static void add_list(struct fdx_rom_path *p, const char *list, const char *suffix)
{
    while (list && *list) {
        const char *colon = strchr(list, ':');
        size_t len = colon ? (size_t)(colon - list) : strlen(list);
        add_dir(p, list, len, suffix);
        list = colon ? colon + 1 : NULL;
    }
}

void fdx_rom_path_init(struct fdx_rom_path *p, const char *cli_paths)
{
    memset(p, 0, sizeof *p);
    add_list(p, cli_paths, "");
    add_list(p, getenv("FDX_ROM_PATH"), "");
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    if (xdg && *xdg) add_dir(p, xdg, strlen(xdg), "/fdx/roms");
    else if (home && *home) add_dir(p, home, strlen(home), "/.local/share/fdx/roms");
    const char *dirs = getenv("XDG_DATA_DIRS");
    add_list(p, dirs && *dirs ? dirs : "/usr/local/share:/usr/share", "/fdx/roms");
}

bool fdx_rom_matches(const struct fdx_rom_desc *rom, const uint8_t *data, size_t size)
{
    if (size != rom->size || fdx_crc32(0, data, size) != rom->crc32) return false;
    if (rom->sha1) {
        char hex[41];
        fdx_sha1_hex(data, size, hex);
        if (strcasecmp(hex, rom->sha1) != 0) return false;
    }
    return true;
}

/* Reads path if it is a file of the ROM's size and it matches. */
static int try_file(const char *path, const struct fdx_rom_desc *rom, uint8_t **data, size_t *size)
{
    struct stat sb;
    if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode) || (uint64_t)sb.st_size != rom->size) return -1;
    if (fdx_file_read(path, rom->size, data, size, NULL) != 0) return -1;
    if (fdx_rom_matches(rom, *data, *size)) return 0;
    free(*data);
    *data = NULL;
    return -1;
}

int fdx_rom_find(const struct fdx_rom_path *p, const struct fdx_rom_desc *rom, uint8_t **data, size_t *size,
                 char *found, size_t found_size)
{
    char path[1100];
    for (unsigned i = 0; i < p->count; i++) {
        if (rom->filename) {
            snprintf(path, sizeof path, "%s/%s", p->dirs[i], rom->filename);
            if (try_file(path, rom, data, size) == 0) goto ok;
        }
    }
    for (unsigned i = 0; i < p->count; i++) {
        DIR *d = opendir(p->dirs[i]);
        if (!d) continue;
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (e->d_name[0] == '.') continue;
            snprintf(path, sizeof path, "%s/%s", p->dirs[i], e->d_name);
            if (try_file(path, rom, data, size) == 0) {
                closedir(d);
                goto ok;
            }
        }
        closedir(d);
    }
    return -1;
ok:
    if (found && found_size) snprintf(found, found_size, "%s", path);
    return 0;
}
