#!/usr/bin/env bash
# Indicators, tags and document generation read from the case store give the same bytes as from the
# JSONL the store was filled with: a generated dataset is ingested, then every command is run both ways.
#   indicators_store_test.sh TIANPING TEMPLATE_CASES_JSONL WORKDIR
set -euo pipefail
TP=$1; TEMPLATE_CASES=$2; W=$3
rm -rf "$W"; mkdir -p "$W"; D=$W/data
fail() { echo "FAIL: $*" >&2; exit 1; }
same() {  # same NAME ARGS... : `ARGS --in cases.jsonl` and `ARGS --data store` print the same bytes
  local name=$1; shift
  "$@" --in "$W/gen/cases.jsonl" > "$W/in.out" 2>"$W/in.err" || fail "$name --in: $(cat "$W/in.err")"
  "$@" --data "$D" > "$W/data.out" 2>"$W/data.err" || fail "$name --data: $(cat "$W/data.err")"
  [ -s "$W/in.out" ] || fail "$name: empty output"
  cmp "$W/in.out" "$W/data.out" || { diff "$W/in.out" "$W/data.out" | head -20 >&2; fail "$name differs"; }
}

"$TP" gen --cases 3000 --seed 11 --out "$W/gen" --quiet
"$TP" ingest --quiet --data "$D" "$W/gen/cases.jsonl" > /dev/null
# Nothing may be quarantined, or the two sources would hold different cases.
n_in=$(wc -l < "$W/gen/cases.jsonl")
[ "$n_in" -eq 3000 ] || fail "gen wrote $n_in cases"

same "all indicators by province and quarter" "$TP" indicators --from 2020-01 --to 2024-12 --by province,quarter --format csv
same "all indicators by court, table" "$TP" indicators --from 2023-01 --to 2023-12 --by court
same "drill with where, json" "$TP" indicators --from 2022-01 --to 2024-12 --drill province=广东省 \
  --where "category = '民事'" --by year --format json
same "by judge and tag" "$TP" indicators --from 2021-01 --to 2024-12 --by judge,tag:涉企 --format csv
same "party tag in where and by" "$TP" indicators --from 2020-01 --to 2024-12 --by tag:多次被执行人 \
  --where "tag('涉诉企业') or tag('职业放贷嫌疑')" --format csv
same "party tags only" "$TP" tags --kind party --format json
same "tags" "$TP" tags --format csv
same "tags as of a date" "$TP" tags --asof 2024-06-30

# The store's row count reaches the tags table: 3000 cases.
"$TP" tags --data "$D" --format json | grep -q '"cases":3000' || fail "tags --data does not see 3000 cases"

# One data directory: a definition saved in the store's folder is usable with --data and with --in.
"$TP" define-indicator --data "$D" --name 民事调解占比 \
  --formula "count(closed and closure = '调解') / count(closed)" --filter "category = '民事'" > /dev/null
"$TP" indicators --data "$D" --in "$W/gen/cases.jsonl" --names 民事调解占比,结案率 --from 2020-01 --to 2024-12 \
  --format csv > "$W/def_in.out"
"$TP" indicators --data "$D" --names 民事调解占比,结案率 --from 2020-01 --to 2024-12 --format csv > "$W/def_data.out"
cmp "$W/def_in.out" "$W/def_data.out" || fail "user-defined indicator differs between --in and --data"
grep -q '^民事调解占比,' "$W/def_data.out" || fail "user-defined indicator missing"

# An empty data directory is an error that says how to fill it.
if "$TP" indicators --data "$W/none" --from 2024-01 --to 2024-12 2> "$W/none.err"; then fail "empty store accepted"; fi
grep -q "tianping ingest" "$W/none.err" || fail "empty store error: $(cat "$W/none.err")"

# doc generate --data: same document as --cases, by case_id and by 案号.
"$TP" ingest --quiet --data "$W/tdata" "$TEMPLATE_CASES" > /dev/null
for key in T1 "（2023）京0105民初12345号"; do
  "$TP" doc generate --template 受理通知书 --case "$key" --cases "$TEMPLATE_CASES" --date 2023-03-01 > "$W/doc_in.out"
  "$TP" doc generate --template 受理通知书 --case "$key" --data "$W/tdata" --date 2023-03-01 > "$W/doc_data.out"
  cmp "$W/doc_in.out" "$W/doc_data.out" || fail "doc generate --data differs for $key"
  grep -q "受理案件通知书" "$W/doc_data.out" || fail "doc generate --data: no document for $key"
done
if "$TP" doc generate --template 受理通知书 --case NOPE --data "$W/tdata" --date 2023-03-01 2> "$W/nope.err"; then
  fail "unknown case accepted"
fi
grep -q "case NOPE not found" "$W/nope.err" || fail "unknown case error: $(cat "$W/nope.err")"
echo "ok"
