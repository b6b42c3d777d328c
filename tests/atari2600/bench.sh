#!/bin/sh
# Atari 2600 speed: fdx unthrottled for FRAMES frames (a2600_bench) beside
# MAME's own benchmark mode on the same cartridge, one after the other.
#   tests/atari2600/bench.sh BUILD_DIR [CART [FRAMES]]
# BUILD_DIR should be an -O2 build (cmake -DCMAKE_BUILD_TYPE=Release).
# CART defaults to the demo cartridge (roms/atari2600/demo.bin).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=$1
cart=${2:-$here/../../roms/atari2600/demo.bin}
frames=${3:-3600}
PATH=$PATH:/usr/games
echo "fdx:  $("$build/tests/atari2600/a2600_bench" "$cart" "$frames")"
if command -v mame >/dev/null; then
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    # -bench 60: 60 emulated seconds, no video/sound output, unthrottled
    speed=$(cd "$tmp" && HOME=$tmp mame a2600 -cart "$cart" -bench 60 2>/dev/null </dev/null | grep 'Average speed')
    echo "mame: $speed"
fi
