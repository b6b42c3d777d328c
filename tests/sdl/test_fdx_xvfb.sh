#!/bin/sh
# The fdx command itself as the desktop app, under Xvfb, on the Atari 2600:
# `fdx` alone opens a window on the built-in demo, `fdx CART` guesses the
# machine and `fdx atari2600 CART` names it; the window shows the headless
# frame scaled the same way; hotkeys save and load a state and take a
# screenshot equal to the headless one; --headless and `fdx run` stay
# windowless; bad input (missing, broken or wrong files, missing firmware)
# is one line and a non-zero exit, not a window or a crash.
# Needs Debian's xvfb, xdotool and x11-apps (xwd).
FDX="$1"; CMP="$2"; CARTS="$3"
. "$(dirname "$0")/xvfb_setup.sh"
unset FDX_ROM_PATH
states="$XDG_DATA_HOME/fdx/states"; shots="$XDG_DATA_HOME/fdx/screenshots"

# start ARGS...: runs fdx, waits for its window, focuses it ($wid)
start() {
    "$FDX" "$@" >"$tmp/app.out" 2>"$tmp/app.err" &
    app=$!
    if ! wait_window; then bad "no window for fdx $*"; cat "$tmp/app.err"; return 1; fi
    xdotool windowfocus --sync "$wid" 2>/dev/null
    sleep 0.5
}
stop() {
    kill -TERM "$app"
    wait "$app"; code=$?
    app=""
    [ $code -eq 0 ] && ok || bad "fdx exit code $code"
}
wait_log() {
    for i in $(seq 100); do grep -q "$1" "$tmp/app.err" && return 0; sleep 0.1; done
    bad "no '$1' in the log"; cat "$tmp/app.err"; return 1
}
# expect_error DESCRIPTION -- command...: exit 1 or 2, one line on stderr, no window
expect_error() {
    what=$1; shift 2
    timeout 20 "$@" >"$tmp/out" 2>"$tmp/err"; got=$?
    lines=$(wc -l <"$tmp/err")
    if [ $got -ge 1 ] && [ $got -le 2 ] && [ "$lines" -eq 1 ]; then ok; else
        bad "$what (exit $got, $lines lines on stderr)"; cat "$tmp/err"; fi
}

cart="$tmp/playfield.a26"
cp "$CARTS/t_playfield.bin" "$cart"
"$FDX" run atari2600 "$cart" --frames 30 --screenshot "$tmp/ref.png" >/dev/null 2>&1 || bad "headless reference"

# ---- fdx alone: the built-in default (the 2600 demo) in a window
if start; then
    title=$(xdotool getwindowname "$wid")
    case "$title" in *"Atari 2600"*) ok ;; *) bad "default window title '$title'" ;; esac
    xdotool key F12
    wait_log "atari2600-default-0001.png" && ok
    [ -s "$shots/atari2600-default-0001.png" ] && ok || bad "no screenshot of the default"
    stop
fi

# ---- fdx CART: the machine guessed from the file; the window is the headless frame
if start "$cart" --scale 2 --osd off; then
    title=$(xdotool getwindowname "$wid")
    case "$title" in *"Atari 2600"*playfield*) ok ;; *) bad "window title '$title'" ;; esac
    sleep 0.5
    xwd -id "$wid" -silent >"$tmp/win.xwd"
    if "$CMP" "$tmp/win.xwd" -m atari2600 "$cart" 30 1 0 "$tmp/win.png" >"$tmp/cmp.out" 2>&1; then ok; else
        bad "window differs from the headless frame"; cat "$tmp/cmp.out"; fi
    xdotool windowsize "$wid" 1 1; sleep 0.5
    kill -0 "$app" && ok || bad "fdx died at 1x1"
    xdotool windowsize "$wid" 517 333; sleep 0.8
    xwd -id "$wid" -silent >"$tmp/win2.xwd"
    if "$CMP" "$tmp/win2.xwd" -m atari2600 "$cart" 30 1 0 >"$tmp/cmp.out" 2>&1; then ok; else
        bad "resized window differs from the headless frame"; cat "$tmp/cmp.out"; fi
    stop
fi

# ---- fdx atari2600 CART: hotkeys save and load a state and take screenshots
if start atari2600 "$cart" --scale 2; then
    xdotool key F2
    wait_log "state saved to slot 0" && ok
    [ -s "$states/atari2600-playfield-0.state" ] && ok || bad "no state file"
    xdotool key F5                                  # reset: the state differs now
    wait_log "reset" && ok
    xdotool key F3
    wait_log "state loaded from slot 0" && ok
    xdotool key F12
    wait_log "atari2600-playfield-0001.png" && ok
    cmp -s "$tmp/ref.png" "$shots/atari2600-playfield-0001.png" && ok ||
        bad "the F12 screenshot is not the headless frame"
    stop
    "$FDX" atari2600 "$cart" --headless --frames 1 --state "$states/atari2600-playfield-0.state" \
        --screenshot "$tmp/fromstate.png" 2>/dev/null && ok || bad "the saved state does not load headless"
    cmp -s "$tmp/ref.png" "$tmp/fromstate.png" && ok || bad "the saved state shows another picture"
fi

# ---- the Apple IIe: 560x384 at the default 3x would not fit the 1280x1024 screen
if start apple2e; then
    geo=$(xdotool getwindowgeometry "$wid" | sed -n 's/.*Geometry: //p')
    [ "$geo" = 1024x768 ] && ok || bad "apple2e window is $geo, wanted 1024x768 (2x, 4:3)"
    stop
fi

# ---- F10: the debugger's console on the terminal; its breakpoints stop the app
# wait_out TEXT COUNT: until the console's output has COUNT lines with TEXT (10 s)
wait_out() {
    for i in $(seq 100); do [ "$(grep -c "$1" "$tmp/dbg.out")" -ge "$2" ] && return 0; sleep 0.1; done
    bad "no '$1' (x$2) from the debugger"; cat "$tmp/dbg.out" "$tmp/app.err"; return 1
}
mkfifo "$tmp/dbg.in"
"$FDX" apple2e <"$tmp/dbg.in" >"$tmp/dbg.out" 2>"$tmp/app.err" &
app=$!
exec 4>"$tmp/dbg.in"
if wait_window; then
    xdotool windowfocus --sync "$wid" 2>/dev/null; sleep 0.5
    xdotool key F10
    wait_out "paused (65C02 CPU)" 1 && ok
    pc=$(sed -n 's/^=> \([0-9A-F]*\) .*/\1/p' "$tmp/dbg.out" | head -1)
    echo "step" >&4
    wait_out "instruction .*(+1)" 1 && ok
    echo "break \$$pc" >&4
    echo "resume" >&4
    wait_log "back from the debugger" && ok
    wait_out "breakpoint #1 at \$$pc, hit 1" 1 && ok   # the app ran into it: the console again
    echo "quit" >&4
    for i in $(seq 100); do kill -0 "$app" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$app" 2>/dev/null; then bad "quit in the debugger did not end fdx"; kill "$app"; fi
    wait "$app"; code=$?; app=""
    [ $code -eq 0 ] && ok || bad "exit code $code after quit in the debugger"
else bad "no window for fdx apple2e"; cat "$tmp/app.err"; fi
exec 4>&-

# ---- with a display, --headless and the commands stay windowless
timeout 60 "$FDX" --headless "$cart" --frames 5 --screenshot "$tmp/h.png" >/dev/null 2>&1 && ok || bad "fdx --headless CART"
cmp -s "$tmp/ref.png" "$tmp/h.png" && ok || bad "--headless picture"
timeout 60 "$FDX" --headless >"$tmp/out" 2>&1 && grep -q "built-in default" "$tmp/out" && ok || bad "fdx --headless alone"
timeout 60 "$FDX" run atari2600 "$cart" --frames 3 >/dev/null 2>&1 && ok || bad "fdx run"
# a program runner named first is `fdx run` (cc65's cl65 builds the program)
printf '#include <stdio.h>\nint main(void){puts("hello from sim65");return 3;}\n' >"$tmp/hello.c"
if cl65 -t sim6502 -o "$tmp/hello.prg" "$tmp/hello.c" 2>"$tmp/cl65.err"; then
    timeout 60 "$FDX" sim6502 "$tmp/hello.prg" >"$tmp/out" 2>&1; code=$?
    [ $code -eq 3 ] && grep -q "hello from sim65" "$tmp/out" && ok || bad "fdx sim6502 PROGRAM (exit $code)"
else bad "cl65 failed"; cat "$tmp/cl65.err"; fi
xdotool search --name "^fdx - " >/dev/null 2>&1 && bad "a window was left open" || ok

# ---- bad input: a message, not a window or a crash
printf 'not a cartridge' >"$tmp/junk.txt"
head -c 1000 "$cart" >"$tmp/short.a26"
mkdir -p "$tmp/roms"; head -c 100 /dev/zero >"$tmp/roms/341-0011.d0"
expect_error "missing file" -- "$FDX" "$tmp/missing.a26"
grep -q "missing.a26" "$tmp/err" && ok || bad "names the missing file"
expect_error "wrong file" -- "$FDX" "$tmp/junk.txt"
expect_error "broken cartridge" -- "$FDX" atari2600 "$tmp/short.a26"
expect_error "unknown machine or file" -- "$FDX" nosuchmachine
grep -q "fdx list" "$tmp/err" && ok || bad "points to fdx list"
expect_error "missing ROM" -- "$FDX" apple2p --firmware user --rom-path "$tmp/nothing"
grep -qi "firmware\|rom" "$tmp/err" && ok || bad "says the firmware is missing"
expect_error "broken ROM" -- "$FDX" apple2p --firmware user --rom-path "$tmp/roms"

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
