#!/bin/sh
# The desktop app without a display: it runs headless like `fdx run`, and
# bad input (missing or wrong files, bad options, a broken config file or
# save state) gives one clear line and a non-zero exit, never a crash.
BIN="$1"
fail=0; pass=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
unset DISPLAY WAYLAND_DISPLAY
export XDG_CONFIG_HOME="$tmp/cfg" XDG_DATA_HOME="$tmp/data" SDL_AUDIODRIVER=dummy

ok() { pass=$((pass+1)); }
bad() { echo "FAIL: $*"; fail=$((fail+1)); }

# expect CODE DESCRIPTION -- command...   (CODE "error": exit 1 or 2 with exactly one line on stderr)
expect() {
    want=$1; what=$2; shift 3
    "$@" >"$tmp/out" 2>"$tmp/err"; got=$?
    if [ "$want" = error ]; then
        lines=$(wc -l <"$tmp/err")
        if [ $got -ge 1 ] && [ $got -le 2 ] && [ "$lines" -eq 1 ]; then ok; else
            bad "$what (exit $got, $lines lines on stderr)"; cat "$tmp/err"; fi
    elif [ $got -eq "$want" ]; then ok; else
        bad "$what (exit $got, wanted $want)"; cat "$tmp/err"; fi
}

expect 0 "help" -- "$BIN" --help
grep -q -- "--integer-scale" "$tmp/out" && ok || bad "help lists the options"
expect 0 "no display: headless" -- "$BIN" sdltest --frames 3
grep -q "no display" "$tmp/err" && ok || bad "says it runs headless"
expect 0 "--headless with screenshot" -- "$BIN" sdltest --headless --frames 2 --screenshot "$tmp/h.png"
[ -s "$tmp/h.png" ] && ok || bad "headless screenshot written"
expect 0 "built-in default, headless" -- "$BIN" --headless --frames 2

printf 'SDLTEST\003' >"$tmp/game.sdltest"
expect 0 "machine guessed from the file" -- "$BIN" --frames 1 --screenshot "$tmp/g.png" "$tmp/game.sdltest"
expect 0 "media by slot option" -- "$BIN" sdltest --cart "$tmp/game.sdltest" --frames 1 --screenshot "$tmp/c.png"
cmp -s "$tmp/g.png" "$tmp/c.png" && ok || bad "positional and --cart give the same picture"
cmp -s "$tmp/g.png" "$tmp/h.png" && bad "the cartridge changes the picture" || ok

printf 'this is not media for anything' >"$tmp/junk.bin"
printf 'NOTATEST' >"$tmp/broken.sdltest"
expect error "missing file" -- "$BIN" "$tmp/missing.a26"
grep -q "missing.a26" "$tmp/err" && ok || bad "names the missing file"
expect error "unknown file" -- "$BIN" "$tmp/junk.bin"
expect error "broken cartridge" -- "$BIN" sdltest "$tmp/broken.sdltest"
expect error "broken cartridge in a slot" -- "$BIN" sdltest --cart "$tmp/broken.sdltest"
expect error "a directory as media" -- "$BIN" sdltest "$tmp"
expect error "bad scale" -- "$BIN" sdltest --scale 0
expect error "bad filter" -- "$BIN" sdltest --filter blurry
expect error "unknown option" -- "$BIN" sdltest --frobnicate
expect error "option without value" -- "$BIN" sdltest --latency
expect error "bad machine option" -- "$BIN" sdltest --tv mars
expect error "missing --config" -- "$BIN" sdltest --config "$tmp/nope.ini"
printf 'garbage' >"$tmp/garbage.state"
expect error "broken save state" -- "$BIN" sdltest --headless --frames 1 --state "$tmp/garbage.state"

# a broken config file: warnings with line numbers, the app still runs
mkdir -p "$tmp/cfg/fdx"
printf 'scale = 2\nthis is not a setting line\n[sdltest]\ntv = pal\nscale = 99\n' >"$tmp/cfg/fdx/fdx.ini"
expect 0 "broken config still runs" -- "$BIN" sdltest --frames 1
grep -q "fdx.ini:2:" "$tmp/err" && ok || bad "config warning has the line number"
grep -q "scale" "$tmp/err" && ok || bad "config warning for a bad value"

# --save-config writes the options given; the file then applies
rm -f "$tmp/cfg/fdx/fdx.ini"
expect 0 "save config" -- "$BIN" sdltest --headless --frames 1 --scale 2 --tv pal --save-config
grep -q "^scale = 2" "$tmp/cfg/fdx/fdx.ini" && ok || bad "scale saved in [global]"
grep -q "^\[sdltest\]" "$tmp/cfg/fdx/fdx.ini" && grep -q "^tv = pal" "$tmp/cfg/fdx/fdx.ini" && ok ||
    bad "machine option saved in [sdltest]"
grep -q "frames" "$tmp/cfg/fdx/fdx.ini" && bad "--frames is not a preference" || ok
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
