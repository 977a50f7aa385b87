#!/usr/bin/env bash
# Runs one libFuzzer harness, then keeps what it found that adds coverage.
#
#   tests/fuzz/fuzz.sh NAME [SECONDS] [libFuzzer options…]
#
# NAME is csv, date, amount or kana; SECONDS defaults to 600. Builds
# build-fuzz-clang (CC=clang, -Dfuzzing=true) if needed. New inputs go to
# a scratch folder first; afterwards -merge=1 adds to corpus/NAME only
# those that reach code the corpus does not, which keeps it small. A
# crash or a broken property stops the run and leaves the input in
# build-fuzz-clang/fuzz-artifacts/: fix the parser, copy the input into
# corpus/NAME as regress-WHAT, and the normal test suite replays it.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${FUZZ_BUILD:-$root/build-fuzz-clang}
name=${1:?usage: fuzz.sh csv|date|amount|kana [SECONDS] [options…]}
seconds=${2:-600}
shift $(( $# >= 2 ? 2 : 1 ))

if [ ! -f "$build/build.ninja" ]; then
  CC=clang meson setup "$build" "$root" -Dfuzzing=true
fi
ninja -C "$build" "tests/fuzz/fuzz-$name"

fuzzer="$build/tests/fuzz/fuzz-$name"
corpus="$here/corpus/$name"
scratch="$build/fuzz-scratch/$name"
artifacts="$build/fuzz-artifacts"
mkdir -p "$scratch" "$artifacts"

# The scratch folder comes first: libFuzzer writes new inputs only there.
# -timeout is generous: on a loaded machine a plain input once took 10 s
# inside the allocator, which libFuzzer reported as a hang.
status=0
nice -n 19 "$fuzzer" -max_total_time="$seconds" -timeout=60 -max_len=4096 \
  -dict="$here/$name.dict" -print_final_stats=1 \
  -artifact_prefix="$artifacts/$name-" "$@" "$scratch" "$corpus" || status=$?

nice -n 19 "$fuzzer" -merge=1 -dict="$here/$name.dict" "$corpus" "$scratch"
echo "corpus/$name: $(find "$corpus" -type f | wc -l) files"
exit $status
