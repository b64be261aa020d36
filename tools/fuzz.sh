#!/bin/sh
# Builds libFuzzer targets for F1Kit's prediction-file readers and runs them.
#
#   tools/fuzz.sh build                 # builds .build/fuzz/fuzz-{csv,tsv,jsonl,counts,scores}
#   tools/fuzz.sh run TARGET [ARGS...]  # runs one target on its corpus, libFuzzer ARGS
#                                       # (e.g. -runs=1000000 or -max_total_time=60)
#   tools/fuzz.sh all SECONDS           # runs every target for SECONDS each
#   tools/fuzz.sh regress               # runs every target once over fixtures/fuzz-corpus
#
# The modules F1KitSupport, F1Kit and F1KitReading are compiled from
# Sources/ with `swiftc -sanitize=fuzzer,address` (coverage-guided, with
# AddressSanitizer), then linked with tools/fuzz/ReaderFuzzTarget.swift once
# per reader. Each target's corpus starts from fixtures/fuzz-corpus/TARGET
# (seeds from fixtures/ and the crash inputs of issue 14, committed) and grows
# in .build/fuzz/corpus/TARGET (not committed). A crash writes its input to
# .build/fuzz/crash-*; copy it into fixtures/fuzz-corpus/TARGET once fixed, so
# `swift test` (FuzzCorpusTests) keeps it fixed.
set -eu
cd "$(dirname "$0")/.."
OUT=.build/fuzz
# Swift's own crash backtracer hangs under libFuzzer's signal handler.
export SWIFT_BACKTRACE=enable=no
TARGETS="csv tsv jsonl counts scores"
FLAGS="-sanitize=fuzzer,address -O -parse-as-library -package-name F1Kit -I $OUT/modules"

build_module() {
  name=$1
  mkdir -p "$OUT/modules" "$OUT/objects/$name"
  # shellcheck disable=SC2086
  swiftc $FLAGS -module-name "$name" -emit-module -emit-module-path "$OUT/modules/$name.swiftmodule" \
    -wmo -c -o "$OUT/objects/$name/$name.o" $(find "Sources/$name" -name '*.swift' | sort)
}

build() {
  build_module F1KitSupport
  build_module F1Kit
  build_module F1KitReading
  for target in $TARGETS; do
    define=$(echo "$target" | tr '[:lower:]' '[:upper:]')
    # shellcheck disable=SC2086
    swiftc $FLAGS -D "FUZZ_$define" tools/fuzz/ReaderFuzzTarget.swift \
      "$OUT"/objects/*/*.o -o "$OUT/fuzz-$target"
  done
}

run() {
  target=$1
  shift
  mkdir -p "$OUT/corpus/$target"
  # -max_len: the seeds are at most about 1 KB and a record of a few
  # hundred bytes reaches every reader state, so longer inputs only slow
  # each execution. -detect_leaks=0: the Swift runtime keeps metadata and
  # caches for the life of the process, which LeakSanitizer would scan for
  # on many executions; a leak is no memory-safety finding here. Later
  # ARGS override both.
  "$OUT/fuzz-$target" -artifact_prefix="$OUT/crash-$target-" -max_len=2048 -detect_leaks=0 "$@" \
    "$OUT/corpus/$target" "fixtures/fuzz-corpus/$target"
}

case "${1:-build}" in
build) build ;;
run)
  shift
  run "$@"
  ;;
all)
  for target in $TARGETS; do run "$target" -max_total_time="${2:-60}" -print_final_stats=1; done
  ;;
regress)
  for target in $TARGETS; do "$OUT/fuzz-$target" -runs=0 "fixtures/fuzz-corpus/$target"; done
  ;;
*)
  echo "usage: tools/fuzz.sh build | run TARGET [ARGS] | all SECONDS | regress" >&2
  exit 64
  ;;
esac
