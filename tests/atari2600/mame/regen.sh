#!/bin/sh
# Records the reference pictures of tests/atari2600/mame/refs.txt with MAME's
# a2600 driver (Debian package mame, 0.251 here). For each line
# CART FRAMES SLOT[:RAM], MAME runs the cartridge with the bank-switching
# scheme SLOT (MAME's name; - for 2K and 4K, from a software list written here, so MAME's
# own guess does not matter) and snap.lua writes the picture after frame
# FRAMES as CART.FRAMES.pgm.gz. Run from anywhere:
#   tests/atari2600/mame/regen.sh
# The MAME command for one cartridge (list.xml and the ROM directory as
# made below) is:
#   SNAP_FRAME=N SNAP_OUT=out.pgm mame a2600 NAME -hashpath H -rompath R \
#       -video none -sound none -nothrottle -skip_gameinfo \
#       -seconds_to_run N/60+2 -autoboot_script snap.lua
# MAME 0.251 sometimes crashes on exit after running a Lua script; the
# picture is written (atomically) before that, so only its presence counts.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
roms=$here/../../../roms
PATH=$PATH:/usr/games
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/hash" "$tmp/roms/a2600"

# the software list: one entry per cartridge
{
    echo '<?xml version="1.0"?>'
    echo '<softwarelist name="a2600" description="fdx test cartridges">'
    grep -v -e '^#' -e '^top ' "$here/refs.txt" | while read -r cart frames slot opts; do
        [ -n "$cart" ] || continue
        name=$(basename "$cart" .bin)
        size=$(wc -c < "$roms/$cart")
        crc=$(gzip -c < "$roms/$cart" | tail -c 8 | od -An -tx4 -N4 | tr -d ' ')
        sha=$(sha1sum < "$roms/$cart" | cut -d' ' -f1)
        mkdir -p "$tmp/roms/a2600/$name"
        cp "$roms/$cart" "$tmp/roms/a2600/$name/$name.bin"
        echo "<software name=\"$name\"><description>$name</description><year>2026</year><publisher>fdx</publisher>"
        echo "<part name=\"cart\" interface=\"a2600_cart\">"
        [ "$slot" = - ] || echo "<feature name=\"slot\" value=\"${slot%%:*}\"/>"
        echo "<dataarea name=\"rom\" size=\"$size\"><rom name=\"$name.bin\" size=\"$size\" crc=\"$crc\" sha1=\"$sha\"/></dataarea>"
        case $slot in *:*) echo "<dataarea name=\"ram\" size=\"${slot#*:}\"></dataarea>" ;; esac
        echo "</part></software>"
    done
    echo '</softwarelist>'
} > "$tmp/hash/a2600.xml"

grep -v -e "^#" -e "^top " "$here/refs.txt" | while read -r cart frames slot opts; do
    [ -n "$cart" ] || continue
    name=$(basename "$cart" .bin)
    out=$here/$(basename "$cart").$frames.pgm
    rm -f "$out"
    (cd "$tmp" && SNAP_FRAME=$frames SNAP_OUT=$out HOME=$tmp mame a2600 "$name" -hashpath "$tmp/hash" \
        -rompath "$tmp/roms" -video none -sound none -nothrottle -skip_gameinfo \
        -seconds_to_run $((frames / 60 + 2)) -autoboot_script "$here/snap.lua" \
        </dev/null >"$tmp/log" 2>&1) || true
    [ -s "$out" ] || { cat "$tmp/log"; echo "regen.sh: MAME made no picture for $cart"; exit 1; }
    gzip -n9f "$out"
    echo "$cart $frames $slot: $(basename "$out").gz"
done
