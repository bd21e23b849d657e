#!/usr/bin/env bash
# Time per MB of single article files in hostile shapes (one endless line,
# thousands of quote marks, numbers or names in one sentence) next to ordinary
# prose of the same scale. Issue 16 asks for every shape within 2x of prose.
#
# usage: scripts/hostile-bench.sh [WORKDIR]
# env:
#   SCALES="1 5"   sizes passed to gen-hostile --scale (scale 5: a 5 MB line,
#                  100,000 quote marks, 100,000 numbers, 5 MB of prose)
#   NO_BUILD=1     skip `cargo build --release`
#   BIN=           the analyze binary (default target/release/analyze)
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
WORK=${1:-$(mktemp -d /tmp/analyze-hostile.XXXXXX)}
SCALES=${SCALES:-"1 5"}
BIN=${BIN:-$ROOT/target/release/analyze}
GEN=$ROOT/target/release/examples/gen-hostile

if [ -z "${NO_BUILD:-}" ]; then
  cargo build --release --quiet --bin analyze --example gen-hostile
fi

printf '%-20s %6s %12s %9s %9s %8s\n' shape scale bytes seconds s/MB peak_MB
for scale in $SCALES; do
  dir=$WORK/scale-$scale
  [ -d "$dir" ] || "$GEN" --out "$dir" --scale "$scale" > /dev/null
  for f in "$dir"/*.txt; do
    bytes=$(stat -c %s "$f")
    # GNU time: elapsed seconds and peak resident set in KB.
    out=$( { /usr/bin/time -f '%e %M' "$BIN" -q --format json "$f" > /dev/null; } 2>&1 | tail -1)
    secs=${out% *}
    kb=${out#* }
    printf '%-20s %6s %12s %9s %9.2f %8d\n' "$(basename "$f" .txt)" "$scale" "$bytes" "$secs" \
      "$(echo "$secs * 1000000 / $bytes" | bc -l)" "$((kb / 1024))"
  done
done
