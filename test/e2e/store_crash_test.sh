#!/usr/bin/env bash
# Crash-safety test of the store (docs/store-format.md "Commit"): runs the real `tianping ingest` and kills
# it with SIGKILL at random moments, at least 20 times. After every kill the store must reopen at the last
# committed snapshot with exactly that snapshot's rows, pass `tianping verify` (every file's checksum),
# and the next writer must clean up whatever the killed one left. Then flips one byte of a segment and
# expects `tianping verify` to fail with exit code 5 naming the file.
#   store_crash_test.sh TIANPING STORE_TESTGEN WORKDIR [KILLS]
set -euo pipefail
TP=$1; GEN=$2; WORK=$3; KILLS=${4:-24}
DATA=$WORK/data
rm -rf "$WORK"; mkdir -p "$WORK"
RANDOM=20261129  # reproducible kill points

fail() { echo "FAIL: $*" >&2; exit 1; }

BATCH=15000
NBATCH=8
for b in $(seq 0 $((NBATCH - 1))); do
  "$GEN" $BATCH --docs --seed 7 --start $((b * BATCH)) > "$WORK/batch$b.jsonl"
done
count_cases() { grep -c '"case_number"' "$1"; }

current_snapshot() {
  if [ ! -f "$DATA/CURRENT" ]; then echo 0; else awk '{print $1+0}' "$DATA/CURRENT"; fi
}
store_cases() {  # cases column of the current snapshot, from `tianping snapshots --format csv`
  "$TP" snapshots --data "$DATA" --format csv | awk -F, -v s="$1" 'NR > 1 && $1 == s {print $4}'
}

# Batches spill every 4,000 cases, so kills also land while spill runs are written (in parallel) and
# while the commit rebuilds partitions from them.
SPILL="--spill-cases 4000"

# Uninterrupted timing of one batch into a scratch store gives the range of kill delays.
start=$(date +%s%N)
"$TP" ingest --quiet --no-ref $SPILL --data "$WORK/scratch" "$WORK/batch0.jsonl" > /dev/null
dur_ms=$(( ($(date +%s%N) - start) / 1000000 ))
rm -rf "$WORK/scratch"
span=$(( dur_ms * 5 / 2 + 50 ))  # past the end too (load varies): some runs commit before the kill
echo "one batch takes ${dur_ms} ms; killing at random points in [0, ${span}] ms"

declare -a expected=(0)   # expected case count per snapshot id
next=0                    # next batch to commit
kills=0; committed_during_kill=0; trial=0
while [ $kills -lt "$KILLS" ]; do
  trial=$((trial + 1))
  [ $trial -gt $((KILLS * 6)) ] && fail "too many trials"
  b=$((next % NBATCH))
  before=$(current_snapshot)
  delay=$(( (RANDOM * 32768 + RANDOM) % span ))
  "$TP" ingest --quiet --no-ref $SPILL --data "$DATA" "$WORK/batch$b.jsonl" > /dev/null 2>&1 &
  pid=$!
  sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
  if kill -9 $pid 2>/dev/null; then kills=$((kills + 1)); fi
  wait $pid 2>/dev/null || true
  after=$(current_snapshot)
  if [ "$after" -eq $((before + 1)) ]; then
    # The batch committed before the kill landed (or the process had finished).
    prev=${expected[$before]}
    if [ $next -lt $NBATCH ]; then expected[$after]=$((prev + $(count_cases "$WORK/batch$b.jsonl")));
    else expected[$after]=$prev; fi   # re-ingest of an already stored batch: idempotent
    next=$((next + 1)); committed_during_kill=$((committed_during_kill + 1))
  elif [ "$after" -ne "$before" ]; then
    fail "snapshot jumped from $before to $after"
  fi
  # The store must be readable, complete and consistent at `after`.
  "$TP" verify --data "$DATA" > /dev/null || fail "verify failed after kill $kills (delay ${delay} ms)"
  if [ "$after" -gt 0 ]; then
    got=$(store_cases "$after")
    [ "$got" = "${expected[$after]}" ] || fail "snapshot $after has $got cases, expected ${expected[$after]}"
    first_id=$(head -1 "$WORK/batch$(( (next - 1) % NBATCH )).jsonl" | sed 's/^{"case_id":"\([^"]*\)".*/\1/')
    "$TP" case --data "$DATA" --format csv "$first_id" > /dev/null || fail "case $first_id not readable"
  fi
  echo "kill $kills: delay ${delay} ms, snapshot $before -> $after, ${expected[$after]} cases"
done
echo "$kills kills, $committed_during_kill batches committed along the way"

# One clean ingest: its writer removes every leftover of the killed ones.
"$TP" ingest --quiet --no-ref --data "$DATA" "$WORK/batch0.jsonl" > /dev/null
referenced=$(cat "$DATA"/snapshots/*/MANIFEST.json | grep -o '"segments/[^"]*"' | tr -d '"' | sort -u)
present=$(cd "$DATA" && ls segments | sed 's|^|segments/|' | sort)
[ "$referenced" = "$present" ] || fail "unreferenced or missing segment files:
$(diff <(echo "$referenced") <(echo "$present") || true)"
ls "$DATA"/snapshots | while read -r s; do
  [ -f "$DATA/snapshots/$s/MANIFEST.json" ] || fail "snapshot dir $s has no manifest"
done

# Corruption: flip one byte in the middle of a current segment file.
seg=$(grep -o '"segments/[^"]*cases"' "$DATA/snapshots/$(printf '%06d' "$(current_snapshot)")/MANIFEST.json" | head -1 | tr -d '"')
size=$(stat -c %s "$DATA/$seg")
off=$((size / 2))
orig=$(dd if="$DATA/$seg" bs=1 skip=$off count=1 2>/dev/null | od -An -tu1 | tr -d ' ')
printf "$(printf '\\%03o' $(( (orig + 1) % 256 )))" | dd of="$DATA/$seg" bs=1 seek=$off conv=notrunc 2>/dev/null
set +e
msg=$("$TP" verify --data "$DATA" 2>&1); rc=$?
set -e
[ $rc -eq 5 ] || fail "verify of a corrupted store exited $rc: $msg"
echo "$msg" | grep -q "$seg" || fail "corruption message does not name $seg: $msg"
echo "corruption detected: $msg"
echo "PASS"
