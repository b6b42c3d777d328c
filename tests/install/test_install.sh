#!/bin/sh
# libfdx installs with `cmake --install`, and a program finds it through
# pkg-config and runs against the static and the shared library.
set -eu
BUILD="$1"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cmake --install "$BUILD" --prefix "$tmp/prefix" >/dev/null
pcdir=$(dirname "$(find "$tmp/prefix" -name fdx.pc | head -1)")
test -f "$tmp/prefix/include/fdx/fdx.h"
cat >"$tmp/use.c" <<'C'
#include <fdx/fdx.h>
#include <stdio.h>
int main(void)
{
    struct fdx_bus bus;
    unsigned n = 0;
    if (fdx_bus_init(&bus, 16, 8, FDX_LITTLE_ENDIAN)) return 1;
    fdx_bus_free(&bus);
    for (const struct fdx_machine_desc *const *m = fdx_machines(); *m; m++) n++;
    printf("crc=%08x machines=%u\n", (unsigned)fdx_crc32(0, "123456789", 9), n);
    return fdx_crc32(0, "123456789", 9) == 0xCBF43926u ? 0 : 1;
}
C
export PKG_CONFIG_PATH="$pcdir"
cc -std=c11 -Wall -Wextra -Werror $(pkg-config --cflags fdx) "$tmp/use.c" -o "$tmp/use_shared" $(pkg-config --libs fdx)
LD_LIBRARY_PATH="$tmp/prefix/lib:$(dirname "$pcdir")" "$tmp/use_shared"
cc -std=c11 $(pkg-config --cflags fdx) "$tmp/use.c" -o "$tmp/use_static" "$(dirname "$pcdir")/libfdx.a"
"$tmp/use_static"
echo "1 passed, 0 failed"
