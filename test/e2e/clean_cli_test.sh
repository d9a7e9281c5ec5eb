#!/bin/sh
# tianping clean: report (CSV, compared with the golden file), --fix, report again, diff, rollback.
# Usage: clean_cli_test.sh TIANPING DATA_DIR WORK_DIR
set -eu
tp=$1; data=$2; work=$3
rm -rf "$work"; mkdir -p "$work"
store=$work/store
fail() { echo "FAIL: $*" >&2; exit 1; }
"$tp" ingest --quiet --data "$store" "$data/clean_cases.jsonl" > /dev/null
"$tp" clean --quiet --data "$store" --report --format csv --samples 1 > "$work/report.csv"
diff -u "$data/clean_report.csv" "$work/report.csv" || fail "report differs from $data/clean_report.csv"
"$tp" clean --quiet --data "$store" --fix > "$work/fix.txt"
grep -q "3 cases changed in snapshot 2" "$work/fix.txt" || { cat "$work/fix.txt"; fail "fix summary"; }
"$tp" diff 1 2 --data "$store" --format csv > "$work/diff.csv"
for id in T11 T12 T13; do grep -q "$id" "$work/diff.csv" || fail "diff lacks $id"; done
"$tp" clean --quiet --data "$store" --format csv --samples 1 > "$work/after.csv"
# The safe rules are now at 0; every other line is unchanged.
grep -v '^court_name_mismatch\|^case_number_format\|^name_format' "$data/clean_report.csv" > "$work/expect_after.csv"
grep -v '^court_name_mismatch\|^case_number_format\|^name_format' "$work/after.csv" > "$work/got_after.csv"
diff -u "$work/expect_after.csv" "$work/got_after.csv" || fail "unsafe findings changed after --fix"
for r in court_name_mismatch case_number_format name_format; do
  grep -q "^$r,[a-z]*,yes,0,," "$work/after.csv" || fail "$r not fixed"
done
"$tp" rollback --to 1 --data "$store" > /dev/null
"$tp" clean --quiet --data "$store" --format csv --samples 1 > "$work/rolled.csv"
diff -u "$data/clean_report.csv" "$work/rolled.csv" || fail "rollback did not restore"
rm -rf "$work"
echo ok
