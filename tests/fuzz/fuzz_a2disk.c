/* Apple II disk images in memory: the first byte picks the file name
 * (and so the format guess), the rest is the image. An image that loads
 * is saved in its own format and must load again. */
#include <stdlib.h>
#include <string.h>

#include "machines/apple2/a2_disk.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const names[] = {"a.dsk", "a.do", "a.po", "a.nib", "a.woz", "a.bin"};
    if (size < 1) return 0;
    const char *name = names[data[0] % 6];
    struct a2_disk d;
    memset(&d, 0, sizeof d);
    struct fdx_err err;
    err.msg[0] = 0;
    enum a2_format fmt;
    char what[128];
    (void)a2_disk_probe(data + 1, size - 1, name, &fmt, what, sizeof what);
    if (a2_disk_load(&d, data + 1, size - 1, name, A2_FMT_NONE, &err)) {
        if (!err.msg[0]) abort();
        a2_disk_free(&d);
        return 0;
    }
    static uint8_t sectors[16 * 256];
    for (unsigned t = 0; t < d.ntracks && t < A2_QTRACKS; t++) (void)a2_track_decode(&d.track[t], sectors);
    uint8_t *out;
    size_t n;
    if (a2_disk_save(&d, &out, &n, &err) == 0) {
        struct a2_disk again;
        memset(&again, 0, sizeof again);
        if (a2_disk_load(&again, out, n, name, d.format, &err)) abort();
        a2_disk_free(&again);
        free(out);
    }
    a2_disk_free(&d);
    return 0;
}
