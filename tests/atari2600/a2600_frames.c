/* Machine tests for the Atari 2600: runs test cartridges headless and
 * compares a hash of the frame and of the audio with recorded values, and
 * checks that a save state taken half way resumes bit-exactly.
 *
 *   a2600_frames ROMDIR LIST [--update]
 *
 * LIST has one line per run: CART FRAMES FRAME_CRC AUDIO_CRC [OPTION=VALUE...]
 * (# starts a comment). --update prints the list with the values measured.
 * Prints one line per failure and "N passed, N failed".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "a2600_make.h"
#include "fdx/fdx.h"

struct result {
    uint32_t frame, audio;
};

/* Runs n frames, folding the audio produced into *audio. */
static int run(struct fdx_machine *m, unsigned n, uint32_t *audio)
{
    int16_t buf[2 * 4096];
    for (unsigned f = 0; f < n; f++) {
        if (fdx_machine_run_frame(m) != FDX_RUN_OK) return -1;
        size_t got;
        while ((got = fdx_machine_audio(m, buf, 4096)) > 0) {
            uint8_t bytes[4 * 4096];
            for (size_t i = 0; i < 2 * got; i++) {
                bytes[2 * i] = (uint8_t)buf[i];
                bytes[2 * i + 1] = (uint8_t)((uint16_t)buf[i] >> 8);
            }
            *audio = fdx_crc32(*audio, bytes, 4 * got);
        }
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: a2600_frames ROMDIR LIST [--update]\n");
        return 2;
    }
    bool update = argc > 3 && !strcmp(argv[3], "--update");
    FILE *f = fopen(argv[2], "r");
    if (!f) {
        fprintf(stderr, "a2600_frames: cannot open %s\n", argv[2]);
        return 2;
    }
    char line[512];
    unsigned passed = 0, failed = 0;
    while (fgets(line, sizeof line, f)) {
        char *tok[16];
        int nt = 0;
        if (line[0] == '#' || line[0] == '\n') {
            if (update) fputs(line, stdout);
            continue;
        }
        for (char *p = strtok(line, " \t\n"); p && nt < 16; p = strtok(NULL, " \t\n")) tok[nt++] = p;
        if (nt < 4) continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", argv[1], tok[0]);
        unsigned frames = (unsigned)strtoul(tok[1], NULL, 10);
        uint32_t want_frame = (uint32_t)strtoul(tok[2], NULL, 16), want_audio = (uint32_t)strtoul(tok[3], NULL, 16);
        struct fdx_err err;
        struct fdx_machine *m = a2600_make(path, tok + 4, nt - 4, &err);
        if (!m) {
            fprintf(update ? stderr : stdout, "%s: %s\n", tok[0], err.msg);
            failed++;
            continue;
        }
        /* straight run, with a state taken half way */
        uint32_t audio = 0, audio_half;
        size_t ssize = fdx_machine_state_size(m);
        uint8_t *state = malloc(ssize);
        bool ok = run(m, frames / 2, &audio) == 0 && fdx_machine_save(m, state, ssize, &err) == 0;
        audio_half = audio;
        ok = ok && run(m, frames - frames / 2, &audio) == 0;
        struct result r = {fdx_frame_hash(fdx_machine_frame(m)), audio};
        fdx_machine_destroy(m);
        /* resumed from the state in a fresh machine */
        struct result r2 = {0, 0};
        m = a2600_make(path, tok + 4, nt - 4, &err);
        if (ok && m && fdx_machine_load(m, state, ssize, &err) == 0) {
            uint32_t a2 = audio_half;
            if (run(m, frames - frames / 2, &a2) == 0) r2 = (struct result){fdx_frame_hash(fdx_machine_frame(m)), a2};
        }
        fdx_machine_destroy(m);
        free(state);
        if (update) {
            printf("%s %u %08x %08x", tok[0], frames, (unsigned)r.frame, (unsigned)r.audio);
            for (int i = 4; i < nt; i++) printf(" %s", tok[i]);
            printf("\n");
        }
        FILE *out = update ? stderr : stdout;
        if (!ok) {
            fprintf(out, "%s: the run failed\n", tok[0]);
            failed++;
        } else if (r.frame != want_frame || r.audio != want_audio) {
            fprintf(out, "%s: frame %08x audio %08x, expected %08x %08x\n", tok[0], (unsigned)r.frame, (unsigned)r.audio,
                   (unsigned)want_frame, (unsigned)want_audio);
            failed++;
        } else if (r2.frame != r.frame || r2.audio != r.audio) {
            fprintf(out, "%s: resumed from a save state: frame %08x audio %08x, straight run %08x %08x\n", tok[0],
                   (unsigned)r2.frame, (unsigned)r2.audio, (unsigned)r.frame, (unsigned)r.audio);
            failed++;
        } else {
            passed++;
        }
    }
    fclose(f);
    fprintf(update ? stderr : stdout, "%u passed, %u failed\n", passed, failed);
    return failed ? 1 : 0;
}
