#!/bin/sh
# One-step set-up for a fresh Debian 12 machine.
#   sh scripts/bootstrap.sh run    install what is missing, build, run fdx on its built-in default
#   sh scripts/bootstrap.sh test   install what is missing, build, run every test
#                                  (normal build, then the ASan+UBSan build)
#   sh scripts/bootstrap.sh deps   only install what is missing
set -eu
cd "$(dirname "$0")/.."
mode=${1:-run}

# Everything fdx builds, tests or benchmarks with, from Debian's packages.
PACKAGES="build-essential cmake pkg-config zlib1g-dev libcjson-dev check
  cc65 nasm bcc binutils-m68k-linux-gnu gcc-m68k-linux-gnu hatari dosbox
  libsdl2-dev valgrind clang libedit-dev xvfb xdotool x11-apps
  retroarch retroarch-dev mame stella libclang-rt-14-dev"

install_deps() {
    missing=""
    for p in $PACKAGES; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
    done
    [ -z "$missing" ] && return 0
    echo "Installing:$missing"
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO=sudo
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    # shellcheck disable=SC2086
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
}

build() { # build DIR [cmake args...]
    dir=$1; shift
    cmake -S . -B "$dir" -DFDX_WERROR=ON "$@" >/dev/null
    cmake --build "$dir" -j2
}

case "$mode" in
deps)
    install_deps ;;
run)
    install_deps
    build build
    ./build/fdx list
    ./build/fdx --headless ;;
test)
    install_deps
    build build
    (cd build && ctest -j2 --output-on-failure)
    build build-asan -DFDX_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo
    (cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest -j2 --output-on-failure)
    # clang: the library, the frontends and the fuzz targets, warning-free
    # (-Werror), with libFuzzer, ASan and UBSan; at -O0, because clang takes
    # many minutes to optimise the instrumented CPU executors
    CC=clang build build-fuzz -DFDX_FUZZ=ON -DFDX_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=Release \
        -DCMAKE_C_FLAGS_RELEASE="-O0 -DNDEBUG"
    # the same machine states from gcc, gcc+sanitizers and clang+sanitizers
    sh tests/reliability/compare_builds.sh build/tests/reliability/rel_hashes \
        build-asan/tests/reliability/rel_hashes build-fuzz/tests/reliability/rel_hashes
    # a short run of every fuzz target: a fixed number of inputs (tests/fuzz/ci_runs.txt)
    sh tests/fuzz/run_fuzz.sh --fuzz build-fuzz ../shared/testdata "${FDX_FUZZ_SECONDS:-120}"
    # every input the short runs kept, through gcc's ASan+UBSan with the
    # checks the fuzz build leaves out
    ASAN_OPTIONS=detect_leaks=1 sh tests/fuzz/run_fuzz.sh --replay build-asan ../shared/testdata build-fuzz/fuzz-corpus ;;
*)
    echo "usage: sh scripts/bootstrap.sh run|test|deps" >&2
    exit 2 ;;
esac
