/* Shared by the fuzz targets: each defines LLVMFuzzerTestOneInput. They
 * are built for libFuzzer (clang, -DFDX_FUZZ=ON) and also, with
 * standalone.c as main, as plain programs that run the seed corpora and
 * the regression inputs under ctest. */
#ifndef FDX_FUZZ_H
#define FDX_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A private directory for files a target must write (made once). */
const char *fuzz_workdir(void);
/* Writes data to fuzz_workdir()/name; returns the path (static buffer). */
const char *fuzz_write_file(const char *name, const uint8_t *data, size_t size);

/* The reliability configuration (tests/reliability/rel.c) LABEL as the
 * fuzz targets and their seeds use it. */
struct rel_config;
const struct rel_config *fuzz_config(const char *label);

#endif
