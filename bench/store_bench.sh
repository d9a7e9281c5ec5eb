#!/usr/bin/env bash
# Store benchmark (docs/benchmarks.md): generates N synthetic cases as JSONL, ingests them with
# `tianping ingest`, reports wall/CPU time, peak memory and store size, runs store_lookup_bench
# (resident memory after open, p50/p99 of case and party look-ups), then loads the same JSONL into DuckDB
# through its node API (bench/node_modules, installed with `npm install --no-save @duckdb/node-api` in
# bench/) and prints the time ratio.
#   bench/store_bench.sh [N=1000000] [WORKDIR=/tmp/tp-store-bench] [BUILD=build] [INPUT.jsonl]
# With INPUT (e.g. cases.jsonl from `tianping gen`) that file is used instead of store_testgen's output.
set -euo pipefail
N=${1:-1000000}; W=${2:-/tmp/tp-store-bench}; B=${3:-build}; INPUT=${4:-}
HERE=$(cd "$(dirname "$0")" && pwd)
rm -rf "$W"; mkdir -p "$W"
echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -n "$INPUT" ]; then ln -s "$(realpath "$INPUT")" "$W/cases.jsonl"; N=$(wc -l < "$INPUT");
else "$B/test/store_testgen" "$N" > "$W/cases.jsonl"; fi
echo "== input: $N cases, $(du -mL "$W/cases.jsonl" | cut -f1) MB JSONL"
/usr/bin/time -f "tianping ingest: %e s wall, %U s user, %S s sys, %M KB max RSS" \
  "$B/src/cli/tianping" ingest --quiet --threads 2 --data "$W/store" "$W/cases.jsonl" 2> "$W/tp.time" | tail -1
cat "$W/tp.time"
echo "store size: $(du -sm "$W/store" | cut -f1) MB"
"$B/bench/store_lookup_bench" "$W/store" 2000
if [ -d "$HERE/node_modules/@duckdb/node-api" ]; then
  /usr/bin/time -f "duckdb load: %e s wall, %U s user, %M KB max RSS" \
    node "$HERE/duckdb_load.mjs" "$W/cases.jsonl" "$W/duck.db" 2 2> "$W/duck.time"
  cat "$W/duck.time"
  tp=$(sed -E 's/tianping ingest: ([0-9.]+) s wall.*/\1/' "$W/tp.time")
  dk=$(sed -E 's/duckdb load: ([0-9.]+) s wall.*/\1/' "$W/duck.time")
  echo "ratio (tianping / duckdb wall time): $(awk -v a="$tp" -v b="$dk" 'BEGIN {printf "%.2f", a / b}')"
else
  echo "duckdb: skipped (cd bench && npm install --no-save @duckdb/node-api)"
fi
