#!/usr/bin/env bash
# Segmenter vs its peer, side by side on the same text: Debian's python3-jieba (the reference
# implementation of the same algorithm and dictionary) and tianping's C++ segmenter.
# usage: bench/segmenter_peer.sh [BUILD_DIR]   (default build). Results: docs/benchmarks.md, "Segmenter".
# Corpus: the text fields of ../shared/realdata/facts_with_cause_dev.jsonl (read, never copied), else the
# inputs of test/golden/segment/*.test repeated 200 times.
set -euo pipefail
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
py=/usr/bin/python3   # Debian's python, where python3-jieba is installed
tianping=$build/src/cli/tianping
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! "$py" -c 'import jieba' 2>/dev/null; then
  echo "segmenter_peer: python3-jieba is not installed (apt-get install python3-jieba); skipping" >&2
  exit 0
fi

real="$root/../shared/realdata/facts_with_cause_dev.jsonl"
"$py" - "$real" "$root/test/golden/segment" > "$work/corpus.txt" <<'PY'
import glob, json, os, sys
real, golden = sys.argv[1], sys.argv[2]
if os.path.exists(real):
    for line in open(real, encoding="utf-8"):
        print(json.loads(line)["text"].replace("\n", " "))
else:
    lines = []
    for f in sorted(glob.glob(golden + "/*.test")):
        inp = True
        for l in open(f, encoding="utf-8"):
            l = l.rstrip("\n")
            if l == "----": inp = False
            elif l == "====": inp = True
            elif inp and l and not l.startswith("# "): lines.append(l.split(": ", 1)[-1])
    for _ in range(200): print("\n".join(lines))
PY
bytes=$(wc -c < "$work/corpus.txt")
echo "corpus: $(wc -l < "$work/corpus.txt") lines, $bytes bytes"

# Peer: python jieba, exact mode (HMM on), one core. Load = jieba.initialize() (uses its pickle cache in
# /tmp after the first run, as in normal use).
JIEBA_OUT="$work/jieba.txt" "$py" - "$work/corpus.txt" <<'PY'
import logging, os, sys, time
import jieba
jieba.setLogLevel(logging.WARNING)
t0 = time.perf_counter(); jieba.initialize(); t1 = time.perf_counter()
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")[:-1]
t2, c2 = time.perf_counter(), time.process_time()
out = [" / ".join(jieba.cut(l)) for l in lines]
t3, c3 = time.perf_counter(), time.process_time()
open(os.environ["JIEBA_OUT"], "w", encoding="utf-8").write("\n".join(out) + "\n")
mb = sum(len(l.encode("utf-8")) for l in lines) / 1e6
print(f"python jieba {jieba.__version__}: load {t1 - t0:.3f} s; exact cut {c3 - c2:.3f} s CPU "
      f"({t3 - t2:.3f} s wall) = {mb / (c3 - c2):.2f} MB/s per core")
PY

# tianping: in-process throughput from the Google Benchmark binary (same corpus source; the CPU column
# and bytes_per_second are per core).
if [ -x "$build/bench/bench_segmenter" ]; then
  "$build/bench/bench_segmenter" --benchmark_filter='BM_Load/1|BM_Cut/0$' 2>/dev/null |
    grep -E '^BM_' | sed 's/^/tianping bench: /'
fi
# tianping: end to end (load + cut + print), plain jieba configuration and default (legal) configuration.
t0=$(date +%s.%N)
"$tianping" segment --no-user-dict --no-legal-rules < "$work/corpus.txt" > "$work/tianping.txt"
t1=$(date +%s.%N)
"$tianping" segment < "$work/corpus.txt" > /dev/null
t2=$(date +%s.%N)
awk -v a="$t0" -v b="$t1" -v c="$t2" -v n="$bytes" 'BEGIN {
  printf "tianping segment (plain jieba config): %.3f s end to end = %.2f MB/s incl. load\n", b - a, n / 1e6 / (b - a);
  printf "tianping segment (legal dict + rules): %.3f s end to end = %.2f MB/s incl. load\n", c - b, n / 1e6 / (c - b) }'

# Agreement: the plain configuration must reproduce jieba line for line.
same=$(paste -d '\n' "$work/jieba.txt" "$work/tianping.txt" | awk 'NR % 2 == 1 { a = $0; next } { n++; if (a == $0) s++ } END { printf "%d/%d", s, n }')
echo "agreement with python jieba (exact mode, no user dictionary): $same lines identical"
