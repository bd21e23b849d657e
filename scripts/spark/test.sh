#!/usr/bin/env bash
# The Spark job (analyze_job.py) in local mode on the fixtures and on a
# generated corpus: its report must be byte for byte the one-shot report.
#
# env: BIN (analyze binary), GEN (gen-corpus example binary), PYTHON (with
#      pyspark importable), PARTITIONS (default 3)
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${BIN:-target/debug/analyze}
GEN=${GEN:-target/debug/examples/gen-corpus}
PY=${PYTHON:-python3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$GEN" --articles 150 --stories 15 --seed 3 --out "$work/corpus" > /dev/null 2>&1
for corpus in fixtures "$work/corpus"; do
    start=$(date +%s)
    "$BIN" -q -f json "$corpus" > "$work/oneshot.json"
    "$PY" scripts/spark/analyze_job.py --bin "$BIN" --out "$work/spark.json" \
        --partitions "${PARTITIONS:-3}" "$corpus" > /dev/null 2> "$work/spark.log" \
        || { tail -n 30 "$work/spark.log" >&2; exit 1; }
    if ! cmp -s "$work/oneshot.json" "$work/spark.json"; then
        echo "spark: the report on $corpus differs from the one-shot report" >&2
        cmp "$work/oneshot.json" "$work/spark.json" >&2 || true
        exit 1
    fi
    echo "spark local mode = one-shot on $corpus ($(wc -c < "$work/spark.json") bytes, $(( $(date +%s) - start )) s)"
done
