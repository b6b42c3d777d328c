#!/bin/sh
# Records the reference pictures of tests/atari2600/stella/refs.txt with
# Stella (Debian package stella, 6.7 here). Stella has no headless snapshot
# command, so each cartridge runs in a window on a virtual X server (xvfb)
# and xdotool presses Stella's snapshot key (F12) after about three seconds
# of emulation: only carts that show the same picture every frame belong in
# refs.txt. png2pgm.py turns the PNG into colour register values through
# Stella's palette, learned first from roms/tests/t_colours.bin.
# Needs: stella xvfb xdotool python3. Run from anywhere:
#   tests/atari2600/stella/regen.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
roms=$here/../../../roms
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/home" "$tmp/snaps"

# snap CART NAME [BS]: Stella's picture of CART (bank switching BS, else
# Stella's guess) as $tmp/snaps/NAME.png
snap() {
    bs=
    [ "${3:--}" = - ] || bs="-bs $3"
    cp "$1" "$tmp/$2.bin"
    cat > "$tmp/run.sh" <<RUN
#!/bin/sh
HOME=$tmp/home stella -palette standard -ss1x 1 -sssingle 1 -snapname rom -snapsavedir $tmp/snaps \\
    -audio.enabled 0 -uimessages 0 $bs $tmp/$2.bin >$tmp/log 2>&1 &
pid=\$!
sleep 3
xdotool search --sync --onlyvisible --class stella windowactivate --sync >/dev/null 2>&1
xdotool key F12
i=0
while [ ! -s $tmp/snaps/$2.png ] && [ \$i -lt 50 ]; do sleep 0.1; i=\$((i + 1)); done
sleep 0.5
kill \$pid
RUN
    chmod +x "$tmp/run.sh"
    timeout 60 xvfb-run -a "$tmp/run.sh" || true
    [ -s "$tmp/snaps/$2.png" ] || { cat "$tmp/log"; echo "regen.sh: Stella made no picture of $1"; exit 1; }
}

snap "$roms/tests/t_colours.bin" palette
python3 "$here/png2pgm.py" palette "$tmp/snaps/palette.png" "$tmp/palette.txt"

grep -v -e '^#' -e '^top ' "$here/refs.txt" | while read -r cart frames slot opts; do
    [ -n "$cart" ] || continue
    name=$(basename "$cart" .bin)
    out=$here/$(basename "$cart").$frames.pgm
    snap "$roms/$cart" "$name" "$slot"
    python3 "$here/png2pgm.py" convert "$tmp/palette.txt" "$tmp/snaps/$name.png" "$out"
    gzip -n9f "$out"
    echo "$cart: $(basename "$out").gz"
done
