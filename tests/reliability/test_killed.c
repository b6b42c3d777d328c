/* Disk safety: a process killed (SIGKILL) at random moments while it
 * saves files never leaves a file truncated or half-written.
 *
 * A child saves a 1 MiB "disk image" over and over, alternating two
 * contents, through fdx_file_write_atomic (what every disk image, state
 * and screenshot write goes through; tests/apple2 kills a machine whose
 * guest has written its disk). The parent kills the child after a random
 * delay, many times, and checks that the file is always entirely one of
 * the two contents and keeps its permissions. Leftover temporary files
 * (the kill landed mid-write) are allowed but never replace the user's. */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "rel.h"

#define SIZE (1u << 20)
#define KILLS 150

static void fill(uint8_t *p, uint8_t seed)
{
    for (size_t i = 0; i < SIZE; i++) p[i] = (uint8_t)(seed + i * 131 + (i >> 9));
}

static int same_as(const char *path, const uint8_t *a, const uint8_t *b, size_t size)
{
    uint8_t *data;
    size_t n;
    struct fdx_err err;
    if (fdx_file_read(path, size + 1, &data, &n, &err)) {
        printf("FAIL %s: %s\n", path, err.msg);
        return -1;
    }
    int r = n == size && (!memcmp(data, a, size) || (b && !memcmp(data, b, size))) ? 0 : -1;
    if (r) printf("FAIL %s: %zu bytes, neither of the contents it may have\n", path, n);
    free(data);
    return r;
}

static void sleep_us(unsigned us)
{
    struct timespec ts = {us / 1000000, (long)(us % 1000000) * 1000};
    nanosleep(&ts, NULL);
}

int main(void)
{
    char dir[4096], path[4200];
    if (rel_workdir(dir, sizeof dir)) return 1;
    snprintf(path, sizeof path, "%s/image.dsk", dir);
    uint8_t *a = malloc(SIZE), *b = malloc(SIZE);
    fill(a, 1);
    fill(b, 2);
    struct fdx_err err;
    if (fdx_file_write_atomic(path, a, SIZE, &err)) {
        printf("FAIL %s\n", err.msg);
        return 1;
    }
    chmod(path, 0640);
    uint64_t seed = 12345;
    int failures = 0;
    unsigned completed_writes = 0;
    for (unsigned k = 0; k < KILLS && !failures; k++) {
        pid_t pid = fork();
        if (pid < 0) return 1;
        if (pid == 0) {
            for (unsigned i = 0;; i++) {
                if (fdx_file_write_atomic(path, i & 1 ? a : b, SIZE, &err)) _exit(3);
            }
        }
        sleep_us(200 + rel_below(&seed, 20000));
        kill(pid, SIGKILL);
        int status;
        waitpid(pid, &status, 0);
        if (!WIFSIGNALED(status)) {
            printf("FAIL the writer exited with %d instead of being killed\n", WEXITSTATUS(status));
            failures++;
        }
        if (same_as(path, a, b, SIZE)) failures++;
        struct stat st;
        if (stat(path, &st) || (st.st_mode & 0777) != 0640) {
            printf("FAIL %s lost its permissions\n", path);
            failures++;
        }
        completed_writes++;
    }

    /* the temporary files a kill left behind are named after the image */
    DIR *d = opendir(dir);
    struct dirent *e;
    unsigned leftovers = 0;
    while (d && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.' || !strcmp(e->d_name, "image.dsk")) continue;
        if (strncmp(e->d_name, "image.dsk.tmp-", 14)) {
            printf("FAIL unexpected file %s\n", e->d_name);
            failures++;
        }
        leftovers++;
    }
    if (d) closedir(d);
    rel_workdir_remove(dir);
    free(a);
    free(b);
    printf("%s %u kills while saving, %u temporary files left, %d failures\n", failures ? "FAIL" : "ok  ",
           completed_writes, leftovers, failures);
    return failures ? 1 : 0;
}
