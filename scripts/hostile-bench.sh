#!/usr/bin/env bash
# Time per MB of single article files in hostile shapes (one endless line,
# quote marks, numbers or names by the hundred thousand in one paragraph) and
# of ordinary prose at 1 to 100 MB in one file. Issue 16 asks for every shape
# within 2x of ordinary prose per MB, and a 200 MB file at no less than half
# its throughput with peak memory under 1 GB.
#
# usage: scripts/hostile-bench.sh [WORKDIR]
# env:
#   SCALES="1 5"      sizes passed to gen-hostile --scale (scale 5: a 5 MB line,
#                     100,000 quote marks, 100,000 numbers, 5 MB of prose)
#   PROSE_MB="10 100" single prose files of these sizes (add 200 for the 200 MB check)
#   NO_BUILD=1        skip `cargo build --release`
#   BIN=              the analyze binary (default target/release/analyze)
#
# Columns: wall seconds, CPU seconds (user + system: the figure to compare on a
# shared machine), CPU seconds per MB, that figure over prose-1mb's, and the
# peak resident set. The first prose file timed (prose-1mb at scale 1) is the
# baseline.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
WORK=${1:-$(mktemp -d /tmp/analyze-hostile.XXXXXX)}
SCALES=${SCALES:-"1 5"}
PROSE_MB=${PROSE_MB-"10 100"}
BIN=${BIN:-$ROOT/target/release/analyze}
GEN=$ROOT/target/release/examples/gen-hostile

if [ -z "${NO_BUILD:-}" ]; then
  cargo build --release --quiet --bin analyze --example gen-hostile
fi

base=""
printf '| %-20s | %11s | %7s | %7s | %8s | %8s | %7s |\n' file bytes wall_s cpu_s cpu_s/MB x_prose peak_MB
printf '|%s|%s:|%s:|%s:|%s:|%s:|%s:|\n' ---------------------- ------------ -------- -------- --------- --------- --------
time_file() {
  local f=$1 bytes out wall cpu kb per ratio
  bytes=$(stat -c %s "$f")
  # GNU time: elapsed, user and system seconds, peak resident set in KB.
  out=$( { /usr/bin/time -f '%e %U %S %M' "$BIN" -q --format json "$f" > /dev/null; } 2>&1 | tail -1)
  read -r wall user sys kb <<< "$out"
  cpu=$(echo "$user + $sys" | bc -l)
  per=$(echo "$cpu * 1000000 / $bytes" | bc -l)
  [ -n "$base" ] || base=$per
  ratio=$(echo "$per / $base" | bc -l)
  printf '| %-20s | %11s | %7.2f | %7.2f | %8.3f | %8.2f | %7d |\n' "$(basename "$f" .txt)" "$bytes" "$wall" "$cpu" \
    "$per" "$ratio" "$((kb / 1024))"
}
for scale in $SCALES; do
  dir=$WORK/scale-$scale
  [ -d "$dir" ] || "$GEN" --out "$dir" --scale "$scale" > /dev/null
  # prose first: it is the baseline
  for f in "$dir"/prose-*.txt; do time_file "$f"; done
  for f in "$dir"/*.txt; do
    case $(basename "$f") in prose-*) continue ;; esac
    time_file "$f"
  done
done
for mb in $PROSE_MB; do
  f=$WORK/prose/prose-${mb}mb.txt
  [ -f "$f" ] || "$GEN" --out "$WORK/prose" --scale 1 --prose-mb "$mb" > /dev/null
  time_file "$f"
done
