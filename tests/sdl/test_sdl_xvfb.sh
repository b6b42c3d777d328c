#!/bin/sh
# The desktop app in a real window under Xvfb: the window shows exactly
# the headless frame scaled the same way (xwd dump against sdl_xwdcmp),
# keys drive the machine, resizing (even to 1x1) works, hotkeys save and
# load states and take screenshots, keyboard capture passes the function
# keys to the machine, and sound latency stays bounded.
# Needs Debian's xvfb, xdotool and x11-apps (xwd).
BIN="$1"; CMP="$2"
. "$(dirname "$0")/xvfb_setup.sh"

# start ARGS...: runs the app, waits for its window, focuses it ($wid)
start() {
    "$BIN" "$@" >"$tmp/app.out" 2>"$tmp/app.err" &
    app=$!
    if ! wait_window; then bad "no window for $*"; cat "$tmp/app.err"; return 1; fi
    xdotool windowfocus --sync "$wid" 2>/dev/null
    sleep 0.5
}
# stop: asks the app to quit (SIGTERM is a window close to SDL), checks it ends with 0
stop() {
    kill -TERM "$app"
    wait "$app"; code=$?
    app=""
    [ $code -eq 0 ] && ok || bad "app exit code $code"
}
# wait_log TEXT: until the app has logged TEXT (10 s)
wait_log() {
    for i in $(seq 100); do grep -q "$1" "$tmp/app.err" && return 0; sleep 0.1; done
    bad "no '$1' in the log"; cat "$tmp/app.err"; return 1
}
# compare NAME JOYBITS ASPECT INTEGER: window dump against the headless frame
compare() {
    xwd -id "$wid" -silent >"$tmp/$1.xwd"
    if "$CMP" "$tmp/$1.xwd" "$2" "$3" "$4" "$tmp/$1.png" >"$tmp/cmp.out" 2>&1; then ok; else
        bad "window $1 differs from the headless frame"; cat "$tmp/cmp.out"; fi
}
size_is() {
    geo=$(xdotool getwindowgeometry "$wid" | sed -n 's/.*Geometry: //p')
    [ "$geo" = "$1" ] && ok || bad "window is $geo, wanted $1"
}

# the pointer away from the windows: a mouse over the picture moves paddle 1
xdotool mousemove 1279 1023

# ---- picture, keys, resizing
if start sdltest --scale 3 --osd off; then
    size_is 960x300                             # 160x100 with 2:1 pixels, times 3
    compare idle 0 1 0
    xdotool keydown Left; sleep 0.5
    compare left 4 1 0                          # FDX_JOY_LEFT
    xdotool keyup Left; sleep 0.3
    xdotool keydown Up; sleep 0.5
    compare up 1 1 0
    xdotool keyup Up; sleep 0.3
    xdotool windowsize "$wid" 333 517; sleep 0.8
    compare resized 0 1 0                       # letterboxed, not a whole scale
    xdotool windowsize "$wid" 1 1; sleep 0.5
    kill -0 "$app" && ok || bad "app died at 1x1"
    xdotool windowsize "$wid" 960 300; sleep 0.8
    xdotool keydown space; sleep 0.5
    compare fire 16 1 0                         # FDX_JOY_FIRE
    xdotool keyup space
    stop
fi

# ---- square pixels and whole-number scaling
if start sdltest --scale 2 --aspect off --integer-scale --osd off; then
    size_is 320x200
    xdotool windowsize "$wid" 700 500; sleep 0.8
    compare integer 0 0 1                       # 4x: 640x400, centred
    stop
fi

# ---- hotkeys: states, screenshots, keyboard capture, sound
if start sdltest --scale 2; then
    states="$XDG_DATA_HOME/fdx/states"; shots="$XDG_DATA_HOME/fdx/screenshots"
    xdotool key space; sleep 0.2; xdotool key space; sleep 0.2   # two fire presses
    xdotool key F2
    wait_log "state saved to slot 0" && ok
    [ -s "$states/sdltest-default-0.state" ] && ok || bad "no state file"
    xdotool key space; sleep 1                                   # a third (a frame must run before F12)
    xdotool key F12
    wait_log "sdltest-default-0001.png" && ok
    xdotool key F3
    wait_log "state loaded from slot 0" && ok
    xdotool key F12
    wait_log "sdltest-default-0002.png" && ok
    "$BIN" sdltest --headless --frames 1 --state "$states/sdltest-default-0.state" --screenshot "$tmp/ref.png" 2>/dev/null
    cmp -s "$tmp/ref.png" "$shots/sdltest-default-0002.png" && ok || bad "after loading, the picture is not the saved one"
    cmp -s "$shots/sdltest-default-0001.png" "$shots/sdltest-default-0002.png" && bad "loading changed nothing" || ok
    xdotool key F4
    wait_log "state slot 1" && ok
    xdotool key F3
    wait_log "slot 1 is empty" && ok
    # capture: F12 goes to the machine, Right Ctrl+F12 is still the hotkey
    xdotool key F9
    wait_log "keyboard captured" && ok
    xdotool key F12; sleep 0.5
    [ -e "$shots/sdltest-default-0003.png" ] && bad "F12 was a hotkey while captured" || ok
    xdotool key Control_R+F12
    wait_log "sdltest-default-0003.png" && ok
    xdotool key Control_R+F9
    wait_log "keyboard released" && ok
    xdotool key F1; sleep 0.3; xdotool key F1
    xdotool key F10                                              # no CPU: a message
    wait_log "no debugger for sdltest" && ok
    xdotool key F6; sleep 0.3; xdotool key F6                    # pause and resume
    kill -0 "$app" && ok || bad "app died on the hotkeys"
    sleep 3
    stop
    # sound: the queue stayed bounded (3x the 60 ms target plus a burst of frames)
    lat=$(sed -n 's/.*latency at most \([0-9]*\) ms.*/\1/p' "$tmp/app.err")
    if [ -n "$lat" ] && [ "$lat" -gt 0 ] && [ "$lat" -le 250 ]; then ok; else bad "audio latency '$lat' ms"; cat "$tmp/app.err"; fi
fi

# ---- fullscreen and back without a restart, rewind, fast-forward
if start sdltest --scale 3 --osd off --screenshot-dir "$tmp/shots2"; then
    # (Xvfb has no window manager to make the window fill the screen, so
    # this checks the way back: the window drawn right at its old size)
    xdotool key F11; sleep 1
    kill -0 "$app" && ok || bad "app died going fullscreen"
    xdotool key F11; sleep 1
    size_is 960x300
    compare windowed 0 1 0
    xdotool key alt+Return; sleep 1; xdotool key alt+Return; sleep 1
    compare windowed2 0 1 0
    shots="$tmp/shots2"
    for i in 1 2 3; do xdotool key space; sleep 0.3; done; sleep 0.7    # three presses: a bar at the bottom
    xdotool key F12
    wait_log "sdltest-default-0001.png" && ok
    xdotool keydown F7                          # rewind to the start: no presses
    wait_log "nothing further back" && ok
    xdotool keyup F7; sleep 0.3
    xdotool key F12
    wait_log "sdltest-default-0002.png" && ok
    "$BIN" sdltest --headless --frames 1 --screenshot "$tmp/start.png" 2>/dev/null
    cmp -s "$tmp/start.png" "$shots/sdltest-default-0002.png" && ok || bad "rewind did not go back to the start"
    cmp -s "$tmp/start.png" "$shots/sdltest-default-0001.png" && bad "the presses changed nothing" || ok
    xdotool keydown F8; sleep 1; xdotool keyup F8            # fast-forward: still alive, the same picture
    kill -0 "$app" && ok || bad "app died fast-forwarding"
    xdotool key F12
    wait_log "sdltest-default-0003.png" && ok
    cmp -s "$shots/sdltest-default-0002.png" "$shots/sdltest-default-0003.png" && ok || bad "fast-forward changed the picture"
    stop
fi

# ---- the app ends by itself after --frames
"$BIN" sdltest --frames 30 >/dev/null 2>&1 && ok || bad "--frames in a window"

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
