#!/usr/bin/env bash
# End-to-end benchmark: `analyze --format json DIR` against `wc -w` on the
# same generated corpora, side by side. See BENCHMARKS.md.
#
# usage: scripts/bench.sh [WORKDIR]
#   WORKDIR   where corpora are generated and kept (default: a new temp dir);
#             an existing corpus-<N>mb folder there is reused, not regenerated.
# env:
#   SIZES="10 100 1000"   corpus sizes in MB (10^6 bytes)
#   REPS=3                timed runs per size (median reported); 1 GB uses REPS_LARGE=1
#   SEED=1                generator seed
#   THREADS=              if set, exported as RAYON_NUM_THREADS
#   NO_BUILD=1            skip `cargo build --release`
#   BIN=                  the analyze binary (default target/release/analyze)
#   EXTRA_ARGS=           extra arguments passed to analyze
#   PIPE=1                time `analyze map DIR | sort -t$'\t' -k1,1 | analyze reduce -f json`
#                         instead of the one-shot run (peak RSS: the largest process)
#   HYPERFINE=1           also run hyperfine (if installed) on corpora under 1 GB
#                         and print its tables (mean ± σ); HYPERFINE=0 to skip
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
WORK=${1:-$(mktemp -d /tmp/analyze-bench.XXXXXX)}
SIZES=${SIZES:-"10 100 1000"}
REPS=${REPS:-3}
REPS_LARGE=${REPS_LARGE:-1}
SEED=${SEED:-1}
BIN=${BIN:-$ROOT/target/release/analyze}
GEN=$ROOT/target/release/examples/gen-corpus
TIME=/usr/bin/time
[ -n "${THREADS:-}" ] && export RAYON_NUM_THREADS=$THREADS

if [ ! -x "$TIME" ]; then
    echo "bench.sh: $TIME missing; install it with: apt-get install -y time" >&2
    exit 1
fi
if [ -z "${NO_BUILD:-}" ]; then
    cargo build --release --quiet --bin analyze --example gen-corpus
fi
mkdir -p "$WORK"
rm -f "$WORK"/hyperfine-*mb.md "$WORK/stderr.log"

# Runs "$@" under /usr/bin/time -v; prints "<wall seconds> <peak RSS kB> <user+sys CPU seconds>".
measure() {
    local log
    log=$(mktemp)
    local t0 t1
    t0=$(date +%s.%N)
    if ! "$TIME" -v -o "$log" "$@" > /dev/null 2>>"$WORK/stderr.log"; then
        echo "bench.sh: command failed: $*" >&2
        tail -n 5 "$WORK/stderr.log" >&2
        rm -f "$log"
        return 1
    fi
    t1=$(date +%s.%N)
    local rss
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
    local cpu
    cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$log")
    rm -f "$log"
    echo "$(echo "$t1 - $t0" | bc -l) $rss $cpu"
}

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

rows=()
for mb in $SIZES; do
    dir=$WORK/corpus-${mb}mb
    if [ ! -d "$dir" ]; then
        echo "== generating $dir" >&2
        "$GEN" --size-mb "$mb" --seed "$SEED" --out "$dir" >&2
    fi
    bytes=$(find "$dir" -type f -name '*.txt' -printf '%s\n' | awk '{s+=$1} END {print s}')
    files=$(find "$dir" -type f -name '*.txt' | wc -l)
    reps=$REPS
    [ "$mb" -ge 1000 ] && reps=$REPS_LARGE
    # Warm the page cache for both, so neither pays for the first read.
    find "$dir" -type f -name '*.txt' -print0 | xargs -0 cat > /dev/null
    wc_t=(); an_t=(); an_rss=(); an_cpu=()
    for ((i = 0; i < reps; i++)); do
        echo "== $mb MB run $((i + 1))/$reps" >&2
        read -r t _ < <(measure sh -c "find '$dir' -type f -name '*.txt' -print0 | xargs -0 wc -w")
        wc_t+=("$t")
        # shellcheck disable=SC2086
        if [ -n "${PIPE:-}" ]; then
            read -r t r c < <(measure sh -c "'$BIN' map -q ${EXTRA_ARGS:-} '$dir' | LC_ALL=C sort -t\"\$(printf '\\t')\" -k1,1 | '$BIN' reduce -q -f json")
        else
            read -r t r c < <(measure "$BIN" --format json ${EXTRA_ARGS:-} "$dir")
        fi
        an_t+=("$t"); an_rss+=("$r"); an_cpu+=("$c")
    done
    wc_med=$(printf '%s\n' "${wc_t[@]}" | median)
    an_med=$(printf '%s\n' "${an_t[@]}" | median)
    rss_max=$(printf '%s\n' "${an_rss[@]}" | sort -g | tail -1)
    cpu_med=$(printf '%s\n' "${an_cpu[@]}" | median)
    if [ "${HYPERFINE:-1}" = 1 ] && [ "$mb" -lt 1000 ] && command -v hyperfine > /dev/null; then
        # shellcheck disable=SC2086
        hyperfine --warmup 1 --runs "$reps" --style basic --export-markdown "$WORK/hyperfine-${mb}mb.md" \
            -n "wc -w ($mb MB)" "find '$dir' -type f -name '*.txt' -print0 | xargs -0 wc -w" \
            -n "analyze --format json ($mb MB)" "$BIN --format json ${EXTRA_ARGS:-} '$dir'" >&2
    fi
    rows+=("$(awk -v mb="$mb" -v bytes="$bytes" -v files="$files" -v wc="$wc_med" -v an="$an_med" -v rss="$rss_max" -v cpu="$cpu_med" 'BEGIN {
        size = bytes / 1e6
        printf "| %d MB | %d | %.1f | %.2f | %.2f | %.1f | %.2f | %.1f | %.1f | %.1f | %.0f | %.2f |",
            mb, files, size, wc, an, size / an, an / wc, an * 1000 / size, size / wc, cpu, rss / 1024, (rss * 1024) / bytes
    }')")
done

echo
echo "Machine: $(nproc) cores, $(uname -sr); analyze $(git -C "$ROOT" rev-parse --short HEAD); ${RAYON_NUM_THREADS:+RAYON_NUM_THREADS=$RAYON_NUM_THREADS; }reps=$REPS (median)"
echo
echo "| corpus | files | MB | wc -w s | analyze s | analyze MB/s | ratio to wc -w | ms per MB | wc -w MB/s | analyze CPU s | peak RSS MiB | RSS / corpus |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
echo
for f in "$WORK"/hyperfine-*mb.md; do
    [ -e "$f" ] && { echo "hyperfine, $(basename "$f" .md):"; echo; cat "$f"; echo; }
done
echo "corpora kept in $WORK" >&2
