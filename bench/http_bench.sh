#!/usr/bin/env bash
# HTTP benchmark (docs/benchmarks.md "HTTP"): wrk against the dataset summary, the 案号 parser, the court
# list, the indicators (cached per query and scope) and the tags, through the full pipeline (API key auth +
# rate limiter + statistics + response cache), keep-alive, gzip. The dataset is ingested into the store.
# EXTRA_PATHS (space-separated, URL-encoded) adds endpoints; ONLY=TEXT runs only the paths containing TEXT
# (ONLY=parties: the audited party profile). THREADS: server threads (default 2). SERVE_ARGS: more
# `serve` options (e.g. --web DIR). CONNS: wrk connections (default 64). The audit writer's batch counters
# are printed at the end (the audited party profile's group commit). PARTY_MIX=N adds a run over N different
# natural persons (bench/party_mix.lua): mostly misses of the party-answer cache, each a store read.
# usage: bench/http_bench.sh BUILD_DIR [CASES] [DURATION]     needs wrk (scripts/install-deps --with-browser)
set -euo pipefail
build=${1:-build} cases=${2:-200000} duration=${3:-10s}
bin=$build/src/cli/tianping
command -v wrk >/dev/null || { echo "http_bench: wrk not installed (scripts/install-deps --with-browser)" >&2; exit 0; }
# TP_HTTP_DIR: keep the generated, ingested dataset there and reuse it on later runs.
if [ -n "${TP_HTTP_DIR:-}" ]; then
  dir=$TP_HTTP_DIR; mkdir -p "$dir"
  trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null' EXIT
else
  dir=$(mktemp -d /tmp/tp-http-bench-XXXXXX)
  trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$dir"' EXIT
fi
if [ ! -s "$dir/CURRENT" ]; then
  "$bin" gen --cases "$cases" --seed 20231 --out "$dir" --quiet 2>/dev/null
  "$bin" ingest --data "$dir" "$dir/cases.jsonl" "$dir/documents.jsonl" >/dev/null 2>&1
fi
rm -f "$dir/out"  # a kept dataset folder still holds the last run's "listening" line
"$bin" serve --data "$dir" --port 0 --threads "${THREADS:-2}" --no-segmenter ${SERVE_ARGS:-} >"$dir/out" 2>"$dir/err" &
pid=$!
for _ in $(seq 1 300); do grep -q listening "$dir/out" 2>/dev/null && break; sleep 0.2; done
base=$(grep -o 'http://[0-9.:]*' "$dir/out")
pw=$(cat "$dir/admin-initial-password")
login() { curl -s -i -H 'Content-Type: application/json' -d "{\"user\":\"$1\",\"password\":\"$2\"}" "$base/api/login" |
          grep -i '^set-cookie' | sed 's/^[^:]*: //; s/;.*//'; }
cookie=$(login admin "$pw")
# The key acts as the demo analyst (spc_analyst, nation): the administrator reads no case data.
key=$(curl -s -b "$cookie" -H 'Content-Type: application/json' \
      -d '{"user":"analyst","rate_per_sec":10000000,"burst":10000000,"daily_quota":0}' "$base/api/admin/keys" |
      sed 's/.*"key":"\([^"]*\)".*/\1/')
# A party of the first case for the party-profile endpoint (its name, URL-encoded).
party=$(head -1 "$dir/cases.jsonl" | python3 -c 'import json,sys,urllib.parse; c=json.loads(sys.stdin.readline()); print(urllib.parse.quote([p["name"] for p in c["parties"] if p["kind"]=="自然人"][0]))')
echo "server: $base, $cases cases, ${THREADS:-2} server threads; wrk: 2 threads, ${CONNS:-64} connections, $duration"
for path in "/api/summary" "/api/case-number?q=%EF%BC%882023%EF%BC%89%E4%BA%AC0105%E6%B0%91%E5%88%9D12345%E5%8F%B7" \
            "/api/ref/courts?province=%E4%BA%AC&page_size=20" \
            "/api/indicators?names=close_rate,average_duration&drill=province%3D%E5%B9%BF%E4%B8%9C%E7%9C%81" \
            "/api/tags" "/api/parties?q=$party" ${EXTRA_PATHS:-}; do
  [[ -n ${ONLY:-} && $path != *"$ONLY"* ]] && continue
  echo "== GET $path"
  curl -s -o /dev/null -H "X-API-Key: $key" "$base$path"  # the first call fills the response cache
  cpu0=$(awk '{print $14 + $15}' /proc/$pid/stat)  # server user + system time, clock ticks
  wrk -t2 -c"${CONNS:-64}" -d"$duration" --latency -H "X-API-Key: $key" -H 'Accept-Encoding: gzip' "$base$path" |
    grep -E 'Requests/sec|Latency |  50%|  99%|Non-2xx|Transfer'
  echo "server CPU during the run: $(awk -v a="$cpu0" -v t="$(getconf CLK_TCK)" '{printf "%.2f s", ($14 + $15 - a) / t}' /proc/$pid/stat)"
done
if [ -n "${PARTY_MIX:-}" ]; then
  export TP_PARTY_FILE=$dir/party_names
  python3 -c '
import json, sys, urllib.parse
n, seen = int(sys.argv[1]), []
have = set()
for line in open(sys.argv[2], encoding="utf-8"):
    for p in json.loads(line)["parties"]:
        if p["kind"] == "自然人" and p["name"] not in have:
            have.add(p["name"]); seen.append(urllib.parse.quote(p["name"]))
    if len(seen) >= n: break
print("\n".join(seen[:n]))' "$PARTY_MIX" "$dir/cases.jsonl" > "$TP_PARTY_FILE"
  echo "== GET /api/parties?q=… over $(wc -l < "$TP_PARTY_FILE") different parties (bench/party_mix.lua)"
  cpu0=$(awk '{print $14 + $15}' /proc/$pid/stat)
  wrk -t2 -c"${CONNS:-64}" -d"$duration" --latency -s "$(dirname "$0")/party_mix.lua" -H "X-API-Key: $key" \
      -H 'Accept-Encoding: gzip' "$base" | grep -E 'Requests/sec|Latency |  50%|  99%|Non-2xx|Transfer'
  echo "server CPU during the run: $(awk -v a="$cpu0" -v t="$(getconf CLK_TCK)" '{printf "%.2f s", ($14 + $15 - a) / t}' /proc/$pid/stat)"
fi
curl -s -b "$cookie" "$base/api/admin/endpoints" | python3 -c '
import json,sys
d = json.load(sys.stdin)
for e in d["items"]:
    if e["calls"]>10: print("server-side %-20s calls %9d  p50 %.3f ms  p99 %.3f ms" % (e["name"], e["calls"], e["p50_ms"], e["p99_ms"]))
a = d.get("audit_writer") if isinstance(d, dict) else None
if a: print("audit writer: %d records in %d batches (mean %.1f, max %d), %d failed" % (a["records"], a["batches"], a["mean_batch"], a["max_batch"], a["failed"]))'
