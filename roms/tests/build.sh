#!/bin/sh
# Rebuilds the 2600 test cartridges (*.bin, committed) from their sources
# with ca65/ld65 (Debian package cc65). Run from anywhere:
#   roms/tests/build.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
inc=$here/../atari2600
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$here"

cfg() { # name start size
    cat > "$tmp/$1.cfg" <<CFG
MEMORY {
    ZP:  start = \$80, size = \$80, type = rw;
    ROM: start = $2, size = $3, type = ro, fill = yes, fillval = \$FF, file = %O;
}
SEGMENTS {
    ZEROPAGE: load = ZP,  type = zp;
    CODE:     load = ROM, type = ro;
    STUB:     load = ROM, type = ro, start = \$FFE0, optional = yes;
    VECTORS:  load = ROM, type = ro, start = \$FFFA, optional = yes;
}
CFG
}
asm() { # out.bin cfg src [defines...]
    out=$1 c=$2 src=$3
    shift 3
    ca65 -I "$inc" -I "$here" "$@" -o "$tmp/o.o" "$src"
    ld65 -C "$tmp/$c.cfg" -o "$out" "$tmp/o.o"
}
fill() { # bytes -> file of $FF
    head -c "$1" /dev/zero | tr '\000' '\377' > "$2"
}
colour() { # value -> a slice starting with that byte
    printf '.segment "CODE"\n.byte %s\n' "$1" > "$tmp/c.s"
}

cfg k4 '$F000' '$1000'
cfg k4ram '$F200' '$E00'
cfg k2 '$F000' '$800'
cfg k2hi '$F800' '$800'
cfg k1 '$F000' '$400'
cfg k1hi '$FC00' '$400'
cfg e7hi '$FA00' '$600'

for t in t_playfield t_players t_ballvdel t_resp t_hmove t_collide t_timer t_audio t_audmodes t_colours; do
    asm "$t.bin" k4 "$t.s"
done

bank4k() { # name banks-to-build mask scheme hot [ram-write ram-read]
    name=$1 n=$2 mask=$3 scheme=$4 hot=$5
    c=k4; ram=""
    if [ $# -ge 7 ]; then c=k4ram; ram="-D RAMW=$6 -D RAMR=$7"; fi
    : > "$name.bin"
    b=0
    while [ $b -lt "$n" ]; do
        # shellcheck disable=SC2086
        asm "$tmp/b.bin" "$c" t_bank4k.s -D BANK=$b -D BANKS=$mask -D SCHEME=$scheme -D HOT=$hot $ram
        if [ "$c" = k4ram ]; then
            if [ "$name" = t_fa ]; then fill 512 "$tmp/r.bin"; else fill 512 "$tmp/r.bin"; fi
            cat "$tmp/r.bin" "$tmp/b.bin" >> "$name.bin"
        else
            cat "$tmp/b.bin" >> "$name.bin"
        fi
        b=$((b + 1))
    done
}
bank4k t_f8 2 2 1 '$1FF8'
bank4k t_f6 4 4 1 '$1FF6'
bank4k t_f4 8 8 1 '$1FF4'
bank4k t_f8sc 2 2 1 '$1FF8' '$F000' '$F080'
bank4k t_fa 3 4 1 '$1FF8' '$F000' '$F100'
bank4k t_ua 2 2 2 0
bank4k t_0840 2 2 3 0

# E0: slices 0..6 hold a colour each, slice 7 the code
: > t_e0.bin
for s in 0 1 2 3 4 5 6; do
    colour "\$$(printf '%X' $((s * 2 + 2)))6"
    asm "$tmp/s.bin" k1 "$tmp/c.s"
    cat "$tmp/s.bin" >> t_e0.bin
done
asm "$tmp/s.bin" k1hi t_e0.s
cat "$tmp/s.bin" >> t_e0.bin

# 3F: banks 0..6 colours, bank 7 the code (fixed at $1800)
: > t_3f.bin
for s in 0 1 2 3 4 5 6 7; do
    if [ $s -lt 7 ]; then
        colour "\$$(printf '%X' $((s * 2 + 1)))4"
        asm "$tmp/s.bin" k2 "$tmp/c.s"
    else
        asm "$tmp/s.bin" k2hi t_3f.s
    fi
    cat "$tmp/s.bin" >> t_3f.bin
done

# E7: slices 0..6 colours; slice 7: 512 bytes under the RAM, then the code at $1A00
: > t_e7.bin
for s in 0 1 2 3 4 5 6; do
    colour "\$$(printf '%X' $((s * 2 + 2)))8"
    asm "$tmp/s.bin" k2 "$tmp/c.s"
    cat "$tmp/s.bin" >> t_e7.bin
done
fill 512 "$tmp/r.bin"
asm "$tmp/s.bin" e7hi t_e7.s
cat "$tmp/r.bin" "$tmp/s.bin" >> t_e7.bin

# DPC: bank 0 a start-up stub, bank 1 the program (after the chip's
# registers at $1000-$107F), then the 2K display ROM and the 255-byte
# trailer of the random number generator (10495 bytes, as MAME wants)
cfg k4dpc '$F080' '$F80'
dpc() { # name [defines...]
    name=$1
    shift
    asm "$tmp/a.bin" k4 t_dpc_bank0.s
    asm "$tmp/b.bin" k4dpc t_dpc.s "$@"
    asm "$tmp/d.bin" k2 t_dpc_display.s
    cfg rng '$F000' 255
    asm "$tmp/g.bin" rng t_dpc_rng.s
    fill 128 "$tmp/r.bin"
    cat "$tmp/a.bin" "$tmp/r.bin" "$tmp/b.bin" "$tmp/d.bin" "$tmp/g.bin" > "$name.bin"
}
dpc t_dpc
dpc t_dpcmusic -D MUSIC=1

# FE: bank 0 the code, bank 1 the routine at $D000
asm "$tmp/a.bin" k4 t_fe.s
asm "$tmp/b.bin" k4 t_fe_bank1.s
cat "$tmp/a.bin" "$tmp/b.bin" > t_fe.bin

ls -l ./*.bin
