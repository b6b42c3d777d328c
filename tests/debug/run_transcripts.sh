#!/bin/sh
# Scripted sessions of the real `fdx debug` compared with expected transcripts.
#   run_transcripts.sh FDX SRCDIR [NAME...]
# For every SRCDIR/sessions/NAME.txt (or the NAMEs given): copies the
# sessions folder to a scratch directory, runs the script's "#$ COMMAND"
# lines there (assembling the program; the tools are Debian packages), then
# runs `fdx debug MACHINE --script NAME.txt ARGS` with its "#! MACHINE ARGS"
# line and compares stdout+stderr and the exit status with NAME.expected.
# FDX_UPDATE=1 writes the expected files instead (review them with git diff).
set -u
fdx=$1
src=$2/sessions
shift 2
# absolute paths: the sessions run in a scratch directory
case $fdx in /*) ;; *) fdx=$(pwd)/$fdx ;; esac
case $src in /*) ;; *) src=$(pwd)/$src ;; esac
[ -x "$fdx" ] || { echo "run_transcripts: no fdx binary at $fdx"; exit 2; }
if [ $# -eq 0 ]; then
    set --
    for f in "$src"/*.txt; do set -- "$@" "$(basename "$f" .txt)"; done
fi
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
pass=0
fail=0
for name in "$@"; do
    script=$src/$name.txt
    if [ ! -f "$script" ]; then
        echo "FAIL $name: no $script"
        fail=$((fail + 1))
        continue
    fi
    work=$tmp/$name
    mkdir -p "$work"
    cp -R "$src"/. "$work"/
    if ! (cd "$work" && sed -n 's/^#\$ //p' "$name.txt" | sh -e) >"$work/build.log" 2>&1; then
        echo "FAIL $name: building the program failed:"
        cat "$work/build.log"
        fail=$((fail + 1))
        continue
    fi
    args=$(sed -n 's/^#! //p' "$script")
    # the "#!" line is shell words (quotes allowed)
    # (--script right after the machine: a PROGRAM's arguments come last)
    (cd "$work" && eval "set -- $args" && machine=$1 && shift &&
        timeout 120 "$fdx" debug "$machine" --script "$name.txt" "$@") >"$work/out" 2>&1
    echo "exit status $?" >>"$work/out"
    if [ "${FDX_UPDATE:-}" = 1 ]; then
        cp "$work/out" "$src/$name.expected"
        echo "wrote $src/$name.expected"
        pass=$((pass + 1))
    elif diff -u "$src/$name.expected" "$work/out" >"$work/diff" 2>&1; then
        echo "ok   $name"
        pass=$((pass + 1))
    else
        echo "FAIL $name: the transcript differs (- expected, + got):"
        head -n 80 "$work/diff"
        fail=$((fail + 1))
    fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
