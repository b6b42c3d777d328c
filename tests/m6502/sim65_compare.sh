#!/bin/sh
# Builds a program with cl65 for sim6502/sim65c02 and runs it on fdx and on
# cc65's own simulator sim65 (Debian cc65 2.19), comparing standard output,
# standard error, the exit code and the cycle count that `sim65 -c` prints
# (fdx: `--sim65-cycles`, which counts as sim65 does; the script also shows
# the real chip's count from `--cycles`).
#
# For a program sim65 2.19 cannot run right (undocumented opcodes: it stops
# with "Illegal opcode"; decimal-mode SBC: it gets carry and result wrong),
# --expect FILE compares fdx's output with FILE and the exit code with
# --expect-rc instead (FILE is checked against the real chip's behaviour).
#
# usage: sim65_compare.sh --fdx FDX --work DIR --target sim6502|sim65c02
#            --name NAME --src FILE [--src FILE]... [--stdin FILE]
#            [--expect FILE [--expect-rc N]] [--fdx-only]
#            [--mkdir DIR] [--symlink NAME TARGET] [-- ARGS...]
# (--mkdir and --symlink prepare the run directory, for the file tests)
# --fdx-only: run fdx only (with --expect), for cases where sim65's answer
# is not wanted (e.g. the file confinement check).
set -u

fdx= work= target= name= srcs= stdin=/dev/null expect= expect_rc=0 fdx_only=0 mkdirs= links=
while [ $# -gt 0 ]; do
    case $1 in
    --fdx) fdx=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --target) target=$2; shift 2 ;;
    --name) name=$2; shift 2 ;;
    --src) srcs="$srcs $2"; shift 2 ;;
    --stdin) stdin=$2; shift 2 ;;
    --expect) expect=$2; shift 2 ;;
    --expect-rc) expect_rc=$2; shift 2 ;;
    --fdx-only) fdx_only=1; shift ;;
    --mkdir) mkdirs="$mkdirs $2"; shift 2 ;;
    --symlink) links="$links $2=$3"; shift 3 ;;
    --) shift; break ;;
    *) echo "sim65_compare.sh: unknown argument '$1'" >&2; exit 2 ;;
    esac
done
if [ -z "$fdx" ] || [ -z "$work" ] || [ -z "$target" ] || [ -z "$name" ] || [ -z "$srcs" ]; then
    echo "sim65_compare.sh: --fdx, --work, --target, --name and --src are required" >&2
    exit 2
fi

dir=$work/$target-$name
rm -rf "$dir"
mkdir -p "$dir" || exit 1
# cl65 writes objects next to the sources: build from copies.
objs=
for s in $srcs; do
    cp "$s" "$dir/" || exit 1
    objs="$objs $(basename "$s")"
done
cd "$dir" || exit 1
for d in $mkdirs; do mkdir -p "$d" || exit 1; done
for l in $links; do ln -s "${l#*=}" "${l%%=*}" || exit 1; done
# shellcheck disable=SC2086
if ! cl65 -t "$target" -o "$name.prg" $objs >cl65.log 2>&1; then
    echo "FAIL $name: cl65 -t $target failed:"
    cat cl65.log
    exit 1
fi

fail=0
"$fdx" run "$target" --sim65-cycles "$name.prg" "$@" <"$stdin" >fdx.out 2>fdx.err
fdx_rc=$?
"$fdx" run "$target" --cycles "$name.prg" "$@" <"$stdin" >fdx_real.out 2>/dev/null
grep -E '^[0-9]+ cycles$' fdx.out | tail -n 1 >fdx.cyc
grep -E '^[0-9]+ cycles$' fdx_real.out | tail -n 1 >fdx_real.cyc
grep -vE '^[0-9]+ cycles$' fdx.out >fdx.txt

if [ -n "$expect" ]; then
    if ! cmp -s fdx.txt "$expect"; then
        echo "FAIL $name: output differs from $expect:"
        diff "$expect" fdx.txt | head -n 20
        fail=1
    fi
    if [ "$fdx_rc" != "$expect_rc" ]; then
        echo "FAIL $name: exit code $fdx_rc, expected $expect_rc"
        fail=1
    fi
    if [ -s fdx.err ]; then
        echo "FAIL $name: unexpected standard error:"
        head -n 5 fdx.err
        fail=1
    fi
    if [ ! -s fdx.cyc ]; then
        echo "FAIL $name: fdx printed no cycle count"
        fail=1
    fi
    [ $fail = 0 ] && echo "ok $name ($target, expected output, exit $fdx_rc, $(cat fdx_real.cyc))"
    exit $fail
fi

if [ $fdx_only = 1 ]; then
    echo "sim65_compare.sh: --fdx-only needs --expect" >&2
    exit 2
fi

sim65 -c "$name.prg" "$@" <"$stdin" >sim.out 2>sim.err
sim_rc=$?
grep -E '^[0-9]+ cycles$' sim.out | tail -n 1 >sim.cyc
grep -vE '^[0-9]+ cycles$' sim.out >sim.txt

if ! cmp -s sim.txt fdx.txt; then
    echo "FAIL $name: standard output differs from sim65's (< sim65, > fdx):"
    diff sim.txt fdx.txt | head -n 20
    fail=1
fi
if ! cmp -s sim.err fdx.err; then
    echo "FAIL $name: standard error differs from sim65's (< sim65, > fdx):"
    diff sim.err fdx.err | head -n 20
    fail=1
fi
if [ "$sim_rc" != "$fdx_rc" ]; then
    echo "FAIL $name: exit code $fdx_rc, sim65 gave $sim_rc"
    fail=1
fi
if [ ! -s sim.cyc ]; then
    echo "FAIL $name: sim65 -c printed no cycle count"
    fail=1
elif ! cmp -s sim.cyc fdx.cyc; then
    echo "FAIL $name: sim65 counts $(cat sim.cyc), fdx --sim65-cycles $(cat fdx.cyc)"
    fail=1
fi
[ $fail = 0 ] && echo "ok $name ($target, exit $fdx_rc, sim65 and fdx --sim65-cycles: $(cat sim.cyc); real chip: $(cat fdx_real.cyc))"
exit $fail
