#!/usr/bin/env bash
# Snapshot reload in a running `tianping serve` (docs/api.md "Snapshot reload"): how long building the next
# snapshot's data takes and the resident memory across repeated swaps. Three quarters of N generated cases
# are ingested, the service started, the rest ingested, then `rollback` alternates between the two
# snapshots SWAPS times; each swap's "loaded in N ms" comes from the service's log, RssAnon from /proc.
#   bench/snapshot_reload_bench.sh TIANPING [N=200000] [SWAPS=6] [WORKDIR=/tmp/tp-reload-bench]
set -euo pipefail
TP=$1; N=${2:-200000}; SWAPS=${3:-6}; W=${4:-/tmp/tp-reload-bench}
rm -rf "$W"; mkdir -p "$W"
"$TP" gen --cases "$N" --seed 3 --out "$W/gen" --quiet
head -n $((N * 3 / 4)) "$W/gen/cases.jsonl" > "$W/p1.jsonl"
tail -n +$((N * 3 / 4 + 1)) "$W/gen/cases.jsonl" > "$W/p2.jsonl"
rm -rf "$W/gen"
"$TP" ingest --quiet --data "$W/d" "$W/p1.jsonl" > /dev/null
"$TP" serve --data "$W/d" --port 0 --no-segmenter --fast-password-hash --web /nonexistent > "$W/serve.out" 2> "$W/serve.err" &
PID=$!
trap 'kill $PID 2>/dev/null || true; rm -rf "$W"' EXIT
until grep -q "listening on" "$W/serve.out"; do sleep 0.2; done
rss() { grep RssAnon /proc/$PID/status | tr -s ' \t' ' ' | cut -d' ' -f2-; }
echo "snapshot 1 ($((N * 3 / 4)) cases) after start: RssAnon $(rss)"
wait_swap() {  # wait_swap N: until the log has N "now serving" lines
  until [ "$(grep -c 'now serving' "$W/serve.err")" -ge "$1" ]; do sleep 0.2; done
  echo "$(grep 'now serving' "$W/serve.err" | tail -1 | sed 's/^serve: //'): RssAnon $(rss)"
}
"$TP" ingest --quiet --data "$W/d" --as admin "$W/p2.jsonl" > /dev/null
wait_swap 1
for i in $(seq "$SWAPS"); do
  "$TP" rollback --data "$W/d" --as admin --to $(( i % 2 == 1 ? 1 : 2 )) > /dev/null
  wait_swap $((i + 1))
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
