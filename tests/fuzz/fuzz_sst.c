/* The SingleStepTests reader and a CPU runner (FUZZ_CPU) with arbitrary
 * JSON: it may report failures, never crash. */
#include <stdio.h>
#include <stdlib.h>

#include "fuzz.h"
#include "sst.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_write_file("test.json", data, size);
    /* --cycles: the x86 runner compares the bus log only when asked */
    char *argv[] = {"sst", "--cpu", FUZZ_CPU, "--cycles", "--limit", "4", (char *)path, NULL};
    fflush(stdout);
    fdx_sst_main(7, argv);
    return 0;
}
