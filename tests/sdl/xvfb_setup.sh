# Shared by the Xvfb tests (sourced): pass/fail counters, the tools they
# need, a private Xvfb display and a scratch directory ($tmp) removed on
# exit, with the app's config and data there and dummy audio.
fail=0; pass=0
ok() { pass=$((pass+1)); }
bad() { echo "FAIL: $*"; fail=$((fail+1)); }
for tool in Xvfb xdotool xwd; do
    command -v $tool >/dev/null || { echo "FAIL: $tool is missing (apt-get install xvfb xdotool x11-apps)"; echo "0 passed, 1 failed"; exit 1; }
done
tmp=$(mktemp -d)
xvfb=""; app=""
cleanup() {
    [ -n "$app" ] && kill "$app" 2>/dev/null
    [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT
Xvfb -displayfd 3 -screen 0 1280x1024x24 -nolisten tcp 3>"$tmp/dpy" 2>"$tmp/xvfb.err" &
xvfb=$!
for i in $(seq 100); do [ -s "$tmp/dpy" ] && break; sleep 0.1; done
[ -s "$tmp/dpy" ] || { echo "FAIL: Xvfb did not start"; cat "$tmp/xvfb.err"; echo "0 passed, 1 failed"; exit 1; }
export DISPLAY=":$(cat "$tmp/dpy")"
export XDG_CONFIG_HOME="$tmp/cfg" XDG_DATA_HOME="$tmp/data" SDL_AUDIODRIVER=dummy SDL_RENDER_DRIVER=software
unset WAYLAND_DISPLAY
# wait_window: sets $wid to the app's window (60 s: a loaded CI machine
# can be slow to start an ASan build). Without one, stops the app so that
# its window cannot turn up in the next case.
wait_window() {
    wid=$(timeout 60 xdotool search --sync --onlyvisible --name "^fdx - " 2>/dev/null | head -1)
    [ -n "$wid" ] && return 0
    [ -n "$app" ] && { kill -KILL "$app" 2>/dev/null; wait "$app" 2>/dev/null; app=""; }
    return 1
}
