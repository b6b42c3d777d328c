#!/bin/sh
# Runs an fdx libretro core in Debian's RetroArch, headless (null drivers),
# and checks it against the core's own frames (lr_host) or fdx's.
#
#   test_retroarch.sh --core SO --host LR_HOST --content FILE|- [options]
#     --ref-fdx "FDX MACHINE ARGS..."  reference frames from `fdx run` as well
#     --frames N --more M             frame counts (default 60 and 40)
#     --system DIR                    the frontend's system directory
#     --mem ADDR:LEN                  check READ_CORE_MEMORY over the network
#     --mem-expect "HEX BYTES"        ... and that these bytes are among them
#     --disks PLAYLIST.m3u            swap disks over the network commands
#     --disk-log TEXT                 the core's log line after the swap
#     --opt KEY=VALUE                 a core option (repeatable)
#     --preload LIB                   LD_PRELOAD for RetroArch (the ASan runtime)
#
# Every check prints one line; the script fails if any check failed.
set -u

CORE= HOST= CONTENT=- REF_FDX= N=60 M=40 SYSTEM= MEM= MEM_EXPECT= DISKS= DISK_LOG= OPTS= HOST_OPTS= PRELOAD=
while [ $# -gt 0 ]; do
    case "$1" in
    --core) CORE=$2; shift ;;
    --host) HOST=$2; shift ;;
    --content) CONTENT=$2; shift ;;
    --ref-fdx) REF_FDX=$2; shift ;;
    --frames) N=$2; shift ;;
    --more) M=$2; shift ;;
    --system) SYSTEM=$2; shift ;;
    --mem) MEM=$2; shift ;;
    --mem-expect) MEM_EXPECT=$2; shift ;;
    --disks) DISKS=$2; shift ;;
    --disk-log) DISK_LOG=$2; shift ;;
    --preload) PRELOAD=$2; shift ;;
    --opt) OPTS="$OPTS${2%%=*} = \"${2#*=}\"
"; HOST_OPTS="$HOST_OPTS --opt $2"; shift ;;
    *) echo "test_retroarch.sh: unknown argument $1" >&2; exit 2 ;;
    esac
    shift
done
[ -n "$CORE" ] && [ -n "$HOST" ] || { echo "need --core and --host" >&2; exit 2; }
command -v retroarch >/dev/null || { echo "FAIL: retroarch is not installed (apt-get install retroarch)"; exit 1; }

CORE=$(readlink -f "$CORE")
NAME=$(basename "$CORE" .so)
[ -f "$(dirname "$CORE")/$NAME.info" ] || { echo "FAIL: $(dirname "$CORE")/$NAME.info is missing"; exit 1; }
T=$(mktemp -d /tmp/fdx_ra.XXXXXX)
FAILED=0
RA_PID=
trap '[ -n "$RA_PID" ] && kill -9 "$RA_PID" 2>/dev/null; [ "$FAILED" -eq 0 ] && [ -z "${FDX_RA_KEEP:-}" ] && rm -rf "$T"' EXIT
# Everything RetroArch reads or writes lives in this test's own directory, so
# tests running in parallel (ctest -j) share nothing. TMPDIR too: run-ahead's
# second instance copies the core to $TMPDIR/retroarch_temp/, and a second
# RetroArch rewriting that copy while the first has it mapped kills the
# first with SIGBUS. Likewise RetroArch writes core_info.cache into
# libretro_info_path, and a shared one is read half written by a second
# RetroArch starting at the same time. The core and its
# info file are linked into T/cores; the system directory is a copy.
mkdir -p "$T/cores" "$T/system"
ln -s "$CORE" "$T/cores/$NAME.so"
cp "$(dirname "$CORE")/$NAME.info" "$T/cores/"
CORE=$T/cores/$NAME.so
CORE_DIR=$T/cores
[ -z "$SYSTEM" ] || cp -R "$SYSTEM/." "$T/system/"
SYSTEM=$T/system
# the ASan build's core needs the sanitizer runtime loaded first; RetroArch's
# own leaks are not ours (lr_host checks the core's)
RA_ENV=
[ -z "$PRELOAD" ] || RA_ENV="LD_PRELOAD=$PRELOAD ASAN_OPTIONS=detect_leaks=0:abort_on_error=1"

# free_port START: the first UDP port from START that nothing listens on
free_port() {
    p=$1
    while [ "$p" -lt 65000 ]; do
        hex=$(printf ':%04X ' "$p")
        grep -q "$hex" /proc/net/udp /proc/net/udp6 2>/dev/null || { echo "$p"; return; }
        p=$((p + 1))
    done
    echo "$1"
}

pass() { echo "ok   $*"; }
fail() { echo "FAIL $*"; FAILED=1; }

# cfg DIR [extra config lines]: a RetroArch configuration in DIR
cfg() {
    d=$1; shift
    mkdir -p "$d/home" "$d/saves" "$d/states" "$d/shots" "$d/cache" "$d/playlists" "$d/logs" "$d/tmp"
    cat >"$d/ra.cfg" <<EOF
video_driver = "null"
audio_driver = "null"
input_driver = "null"
input_joypad_driver = "null"
menu_driver = "null"
gamemode_enable = "false"
libretro_directory = "$CORE_DIR"
libretro_info_path = "$CORE_DIR"
core_info_cache_enable = "false"
cache_directory = "$d/cache"
playlist_directory = "$d/playlists"
content_history_dir = "$d/playlists"
runtime_log_directory = "$d/logs"
log_dir = "$d/logs"
quit_press_twice = "false"
system_directory = "$SYSTEM"
savefile_directory = "$d/saves"
savestate_directory = "$d/states"
screenshot_directory = "$d/shots"
savestate_file_compression = "false"
config_save_on_exit = "false"
video_gpu_screenshot = "false"
global_core_options = "true"
core_options_path = "$d/opts.cfg"
log_verbosity = "true"
libretro_log_level = "0"
EOF
    for line in "$@"; do echo "$line" >>"$d/ra.cfg"; done
    # the null video driver reports video as off: render anyway for screenshots
    echo 'fdx_render_hidden = "enabled"' >"$d/opts.cfg"
    printf '%s' "$OPTS" >>"$d/opts.cfg"
}

# ra DIR FRAMES OUT.png [content]: runs RetroArch, screenshot at the end
ra() {
    d=$1 frames=$2 out=$3 content=${4:-$CONTENT}
    set -- -c "$d/ra.cfg" -L "$CORE" --max-frames="$frames" --max-frames-ss --max-frames-ss-path="$out"
    [ "$content" = - ] || set -- "$@" "$content"
    # shellcheck disable=SC2086
    env HOME="$d/home" XDG_CONFIG_HOME="$d/home" TMPDIR="$d/tmp" DBUS_FATAL_WARNINGS=0 $RA_ENV timeout 120 retroarch "$@" >>"$d/log" 2>&1
    rc=$?
    if [ $rc -ne 0 ]; then
        echo "retroarch exited with $rc; log:" >&2
        tail -20 "$d/log" >&2
        return 1
    fi
    [ -f "$out" ]
}

# core_errors DIR: errors the core logged
core_errors() { grep '\[libretro ERROR\]' "$1/log"; }

# ref FRAMES OUT.png: the frame the core gives without RetroArch
ref() {
    # shellcheck disable=SC2086
    "$HOST" run "$CORE" "$CONTENT" "$1" --idle --system "$SYSTEM" --png "$2" $HOST_OPTS >/dev/null 2>&1
}

same() { "$HOST" pngcmp "$1" "$2" >/dev/null 2>"$T/cmp"; }

# ---- the screenshot after N frames is the core's own frame (and fdx's)
cfg "$T/a"
if ra "$T/a" "$N" "$T/a.png" && ref "$N" "$T/ref_n.png" && same "$T/a.png" "$T/ref_n.png"; then
    pass "screenshot after $N frames equals the core's own frame"
else fail "screenshot after $N frames"; fi
if [ -n "$REF_FDX" ]; then
    # shellcheck disable=SC2086
    if $REF_FDX --frames "$N" --screenshot "$T/fdx_n.png" >/dev/null 2>&1 && same "$T/a.png" "$T/fdx_n.png"; then
        pass "screenshot after $N frames equals fdx run's frame"
    else fail "screenshot after $N frames differs from: $REF_FDX --frames $N"; fi
fi
[ -z "$(core_errors "$T/a")" ] || fail "core logged errors: $(core_errors "$T/a")"

# ---- auto-save after N, auto-load and run M more == a straight run.
# RetroArch 1.14 loads the auto-save in a background task that ends after
# some of the session's frames have run; those frames are overwritten by the
# load. The core logs how many (J) ran before it, so the session ends on
# exactly frame N + M - J, and the picture must equal that straight frame.
# On a busy machine the load may come after the session's last frame: the
# session is then run again, longer (the auto-save is left as it was).
cfg "$T/b" 'savestate_auto_save = "true"'
cfg "$T/b2" 'savestate_auto_load = "true"'
if [ "$CONTENT" = - ]; then
    echo "skip auto-save/auto-load: RetroArch names no state file without content"
elif ra "$T/b" "$N" "$T/b1.png" && cp "$T/b/states/"*.auto "$T/b2/states/" 2>/dev/null; then
    mm=$M j=
    for _ in 1 2 3; do
        cat "$T/b2/log" >>"$T/b2/log.old" 2>/dev/null
        rm -f "$T/b2/log"
        ra "$T/b2" "$mm" "$T/b2.png" && grep -q 'Auto-loading save state.*succeeded' "$T/b2/log" || break
        j=$(sed -n 's/.*first state loaded after \([0-9]*\) frames.*/\1/p' "$T/b2/log" | tail -1)
        [ -n "$j" ] && [ "$j" -ge "$mm" ] || break
        mm=$((mm * 3))
    done
    if ! grep -q 'Auto-loading save state.*succeeded' "$T/b2/log"; then
        fail "auto-load: $(grep -i 'auto' "$T/b2/log" | head -3)"
    elif [ -z "$j" ] || [ "$j" -ge "$mm" ]; then
        fail "auto-load: the core logged no state load within the session's $mm frames ($j)"
    elif ref $((N + mm - j)) "$T/ref_nk.png" && same "$T/b2.png" "$T/ref_nk.png"; then
        pass "auto-save after $N frames, auto-load after $j frames, $((mm - j)) more equals $((N + mm - j)) straight"
    else fail "auto-save/auto-load: the picture differs from straight frame $((N + mm - j)) ($(cat "$T/cmp"))"; fi
else fail "auto-save after $N frames: $(grep -i 'auto' "$T/b/log" | head -3)"; fi
[ -z "$(core_errors "$T/b2")" ] || fail "core logged errors: $(core_errors "$T/b2")"
[ -z "$(core_errors "$T/b")" ] || fail "core logged errors: $(core_errors "$T/b")"

# ---- run-ahead (same instance, second instance) and rewind
ref $((N + 2)) "$T/ref_n2.png"
for second in false true; do
    cfg "$T/ra_$second" 'run_ahead_enabled = "true"' 'run_ahead_frames = "2"' \
        "run_ahead_secondary_instance = \"$second\"" 'run_ahead_hide_warnings = "false"'
    what="run-ahead 2 frames ($([ $second = true ] && echo second || echo same) instance)"
    # run-ahead shows the frame 2 ahead of the last one it keeps
    if [ "$CONTENT" = - ] && [ $second = false ] && ra "$T/ra_$second" "$N" "$T/ra_$second.png" &&
        same "$T/ra_$second.png" "$T/ref_n.png"; then
        # seen with RetroArch 1.14 and the 2600 demo only (the fake core runs
        # ahead without content); the core's own run-ahead test is lr_host's
        echo "note $what: without content RetroArch showed frame $N (it did not run ahead)"
    elif ra "$T/ra_$second" "$N" "$T/ra_$second.png" && same "$T/ra_$second.png" "$T/ref_n2.png"; then
        if grep -qi 'run.ahead.*\(disabled\|not\|fail\)' "$T/ra_$second/log"; then
            fail "$what: RetroArch turned it off: $(grep -i 'run.ahead' "$T/ra_$second/log" | head -2)"
        else pass "$what: frame $N shows frame $((N + 2)), unchanged"; fi
    else fail "$what"; fi
    [ -z "$(core_errors "$T/ra_$second")" ] || fail "core logged errors: $(core_errors "$T/ra_$second")"
done
cfg "$T/rw" 'rewind_enable = "true"' 'rewind_granularity = "1"'
if ra "$T/rw" "$N" "$T/rw.png" && same "$T/rw.png" "$T/ref_n.png" && grep -qi 'rewind' "$T/rw/log" &&
    ! grep -qi 'rewind.*\(not supported\|failed\|unable\)' "$T/rw/log"; then
    pass "rewind on: runs and the frame is unchanged"
else fail "rewind: $(grep -i rewind "$T/rw/log" | head -3)"; fi
[ -z "$(core_errors "$T/rw")" ] || fail "core logged errors: $(core_errors "$T/rw")"

# ---- network commands: memory and disks
# cmd COMMAND [reply]: sends one UDP command; with reply, prints the answer
cmd() {
    if [ $# -gt 1 ]; then
        bash -c 'exec 3<>/dev/udp/127.0.0.1/'"$PORT"'; printf "%s" "$1" >&3; timeout 2 dd bs=65536 count=1 <&3 2>/dev/null' _ "$1"
    else
        bash -c 'exec 3<>/dev/udp/127.0.0.1/'"$PORT"'; printf "%s" "$1" >&3' _ "$1"
    fi
}
# start DIR [content]: RetroArch in the background with the command port;
# waits until it answers GET_STATUS about this content
start() {
    d=$1 content=${2:-$CONTENT}
    set -- -c "$d/ra.cfg" -L "$CORE" --max-frames=100000000
    [ "$content" = - ] || set -- "$@" "$content"
    # shellcheck disable=SC2086
    env HOME="$d/home" XDG_CONFIG_HOME="$d/home" TMPDIR="$d/tmp" DBUS_FATAL_WARNINGS=0 $RA_ENV timeout 300 retroarch "$@" >>"$d/log" 2>&1 &
    RA_PID=$!
    base=$(basename "$content")
    base=${base%.*}
    for _ in $(seq 1 100); do
        kill -0 "$RA_PID" 2>/dev/null || return 1
        case "$(cmd GET_STATUS reply)" in *PLAYING*",$base,"*|*PAUSED*",$base,"*) return 0 ;; esac
        sleep 0.2
    done
    return 1
}
# status_is WORD: GET_STATUS reports WORD (PLAYING, PAUSED) within 10 s
status_is() {
    for _ in $(seq 1 40); do
        case "$(cmd GET_STATUS reply)" in *"$1"*) return 0 ;; esac
        sleep 0.25
    done
    return 1
}
# wait_log DIR TEXT: TEXT shows up in DIR/log within 20 s
wait_log() {
    for _ in $(seq 1 80); do
        grep -q "$2" "$1/log" && return 0
        sleep 0.25
    done
    return 1
}
# stop: one QUIT (quit_press_twice is off) and RetroArch must end by itself,
# writing what it writes on quitting; killing it would lose that
stop() {
    [ -n "$RA_PID" ] || return 1
    cmd QUIT
    for _ in $(seq 1 600); do kill -0 "$RA_PID" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$RA_PID" 2>/dev/null; then
        kill -9 "$RA_PID" 2>/dev/null
        wait "$RA_PID" 2>/dev/null
        RA_PID=
        fail "RetroArch did not quit within 60 s of the QUIT command"
        return 1
    fi
    wait "$RA_PID"
    rc=$?
    RA_PID=
    [ $rc -eq 0 ] || { fail "RetroArch exited with $rc after QUIT: $(tail -3 "$d/log")"; return 1; }
}

if [ -n "$MEM" ] && [ "$CONTENT" = - ]; then
    echo "FAIL --mem needs content: the check compares with the auto-save written on quitting"
    FAILED=1
elif [ -n "$MEM" ]; then
    addr=${MEM%%:*} len=${MEM#*:}
    PORT=$(free_port $((20000 + $$ % 20000)))
    # paused, the RAM stays as read; quitting writes it as the auto-save
    cfg "$T/mem" 'network_cmd_enable = "true"' "network_cmd_port = \"$PORT\"" 'pause_nonactive = "false"' \
        'savestate_auto_save = "true"'
    if ! start "$T/mem"; then
        fail "RetroArch's command interface (port $PORT) did not answer: $(tail -3 "$T/mem/log")"
        stop
    elif cmd PAUSE_TOGGLE && ! status_is PAUSED; then
        fail "PAUSE_TOGGLE did not pause RetroArch"
        stop
    else
        reply=$(cmd "READ_CORE_MEMORY $addr $len" reply)
        bytes=$(echo "$reply" | sed -n 's/^READ_CORE_MEMORY [^ ]* //p' | tr -d '\n')
        if [ -z "$bytes" ] || [ "${bytes#-1}" != "$bytes" ]; then fail "READ_CORE_MEMORY $addr $len: '$reply'"
        elif [ -n "$MEM_EXPECT" ] && [ "${bytes#*"$MEM_EXPECT"}" = "$bytes" ]; then
            fail "READ_CORE_MEMORY $addr: '$bytes' does not hold '$MEM_EXPECT'"
        fi
        if stop; then
            state=$(ls "$T/mem/states/"*.auto 2>/dev/null | head -1)
            if [ -z "$state" ]; then
                fail "no auto-save state on quitting: $(grep -i 'auto.save\|\[State\]' "$T/mem/log" | tail -3)"
            elif [ -n "$bytes" ] && [ "${bytes#-1}" = "$bytes" ]; then
                # shellcheck disable=SC2086
                if "$HOST" memcheck "$CORE" "$CONTENT" "$state" "$addr" "$bytes" --system "$SYSTEM" $HOST_OPTS >"$T/memcheck" 2>&1; then
                    pass "READ_CORE_MEMORY $addr $len over UDP returns the emulated RAM ($(echo "$bytes" | cut -c1-24)...)"
                else fail "READ_CORE_MEMORY bytes differ from the paused machine's RAM: $(cat "$T/memcheck")"; fi
            fi
        fi
    fi
    [ -z "$(core_errors "$T/mem")" ] || fail "core logged errors: $(core_errors "$T/mem")"
fi

if [ -n "$DISKS" ]; then
    PORT=$(free_port $((20000 + $$ % 20000)))
    cfg "$T/disk" 'network_cmd_enable = "true"' "network_cmd_port = \"$PORT\""
    if start "$T/disk" "$DISKS"; then
        # each command waits for RetroArch to log that it acted: commands
        # read in one poll would otherwise merge into one key press
        if cmd DISK_EJECT_TOGGLE && wait_log "$T/disk" 'Ejected virtual disc tray' &&
            cmd DISK_NEXT && wait_log "$T/disk" 'Setting disc in tray: 2/' &&
            cmd DISK_EJECT_TOGGLE && wait_log "$T/disk" 'Closed virtual disc tray'; then :
        else fail "disk commands: RetroArch did not act on them: $(grep 'Disc' "$T/disk/log" | tail -3)"; fi
        stop
        if grep -q "$DISK_LOG" "$T/disk/log"; then pass "DISK_EJECT_TOGGLE, DISK_NEXT, DISK_EJECT_TOGGLE inserted the next disk ($DISK_LOG)"
        else fail "disk swap: no '$DISK_LOG' in the log: $(grep -i 'disk\|fdx' "$T/disk/log" | tail -5)"; fi
    else
        fail "RetroArch's command interface (port $PORT) did not answer: $(tail -3 "$T/disk/log")"
        stop
    fi
    [ -z "$(core_errors "$T/disk")" ] || fail "core logged errors: $(core_errors "$T/disk")"
fi

if [ $FAILED -ne 0 ]; then
    echo "logs kept in $T.log"
    cat "$T"/*/log >"$T.log" 2>/dev/null
fi
exit $FAILED
