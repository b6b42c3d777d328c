/* Prints one line per configuration: its label and the SHA-1 of the state
 * after a long seeded schedule with random inputs. Builds with different
 * compilers and sanitizers must print the same lines (compared by
 * tests/reliability/compare_builds.sh). Usage: rel_hashes [STEPS] */
#include <stdio.h>
#include <stdlib.h>

#include "schedule.h"

int main(int argc, char **argv)
{
    unsigned steps = argc > 1 ? (unsigned)strtoul(argv[1], NULL, 10) : 200;
    char dir[4096];
    if (rel_workdir(dir, sizeof dir)) {
        fprintf(stderr, "rel_hashes: cannot make a work directory\n");
        return 1;
    }
    static struct rel_schedule s;
    for (size_t i = 0; i < rel_nconfigs; i++) {
        const struct rel_config *c = &rel_configs[i];
        rel_schedule_make(&s, c, steps, 2);
        struct fdx_machine *m = rel_create(c, dir);
        rel_schedule_run(m, &s, 0, s.n);
        char hash[41];
        rel_state_hash(m, hash);
        const struct fdx_frame *f = fdx_machine_frame(m);
        /* and a hash of the last picture, for machines with video */
        printf("%-16s state %s frame %08x\n", c->label, hash, f && f->pixels ? (unsigned)fdx_frame_hash(f) : 0u);
        fdx_machine_destroy(m);
    }
    rel_workdir_remove(dir);
    return 0;
}
