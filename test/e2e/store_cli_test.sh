#!/usr/bin/env bash
# End-to-end test of the store commands on a hand-made four-case store: one 一审 → 二审 → 执行 chain in
# 北京 and one unrelated 上海 case, the same 原告 张三 (ID 11010519491231002X) in all four. Expected
# outputs were worked out by hand from the input below.
#   store_cli_test.sh TIANPING WORKDIR
set -euo pipefail
TP=$1; W=$2
rm -rf "$W"; mkdir -p "$W"; D=$W/data
fail() { echo "FAIL: $*" >&2; exit 1; }
expect() {  # expect NAME "expected text" command...
  local name=$1 want=$2; shift 2
  local got; got=$("$@") || fail "$name: exit $?"
  [ "$got" = "$want" ] || fail "$name:
--- want
$want
--- got
$got"
}
cat > "$W/cases.jsonl" <<'JSONL'
{"case_id": "T1", "case_number": "（2023）京0105民初100号", "court_code": "京0105", "court_name": "北京市朝阳区人民法院", "type_code": "民初", "category": "民事", "cause_name": "民间借贷纠纷", "procedure": "普通程序", "filed_date": "2023-03-01", "closed_date": "2023-06-30", "closure_method": "判决", "claim_amount": 100000.0, "awarded_amount": 80000.0, "parties": [{"role": "原告", "kind": "自然人", "name": "张三", "id_number": "11010519491231002X"}, {"role": "被告", "kind": "自然人", "name": "李四"}]}
{"case_id": "T2", "case_number": "（2023）京03民终200号", "court_code": "京03", "court_name": "北京市第三中级人民法院", "type_code": "民终", "category": "民事", "cause_name": "民间借贷纠纷", "procedure": "二审", "filed_date": "2023-08-01", "closed_date": "2023-10-15", "closure_method": "维持", "derived_from": {"relation": "上诉", "case_id": "T1", "case_number": "（2023）京0105民初100号"}, "parties": [{"role": "被上诉人", "kind": "自然人", "name": "张三", "id_number": "11010519491231002X"}, {"role": "上诉人", "kind": "自然人", "name": "李四"}]}
{"case_id": "T3", "case_number": "（2023）京0105执300号", "court_code": "京0105", "court_name": "北京市朝阳区人民法院", "type_code": "执", "category": "执行", "cause_name": "民间借贷纠纷", "procedure": "执行", "filed_date": "2023-11-20", "derived_from": {"relation": "执行", "case_id": "T2", "case_number": "（2023）京03民终200号"}, "execution": {"applied_amount": 80000.0, "recovered_amount": 0, "voluntary": false}, "parties": [{"role": "申请执行人", "kind": "自然人", "name": "张三", "id_number": "11010519491231002X"}, {"role": "被执行人", "kind": "自然人", "name": "李四"}]}
{"case_id": "T4", "case_number": "（2024）沪0115民初5号", "court_code": "沪0115", "court_name": "上海市浦东新区人民法院", "type_code": "民初", "category": "民事", "cause_name": "买卖合同纠纷", "procedure": "简易程序", "filed_date": "2024-01-05", "parties": [{"role": "被告", "kind": "自然人", "name": "张三", "id_number": "11010519491231002X"}, {"role": "原告", "kind": "自然人", "name": "王五"}]}
JSONL
"$TP" ingest --quiet --data "$D" "$W/cases.jsonl" > /dev/null

expect "case chain from the execution case" "depth,relation,case_id,case_number,court,procedure,filed,closed,closure_method,this
0,,T1,（2023）京0105民初100号,北京市朝阳区人民法院,普通程序,2023-03-01,2023-06-30,判决,
1,上诉,T2,（2023）京03民终200号,北京市第三中级人民法院,二审,2023-08-01,2023-10-15,维持,
2,执行,T3,（2023）京0105执300号,北京市朝阳区人民法院,执行,2023-11-20,,,*" \
  "$TP" case --data "$D" --format csv T3

expect "case by 案号 marks the appeal" "2" \
  sh -c "\"$TP\" case --data \"$D\" --format csv '（2023）京03民终200号' | awk -F, '\$10 == \"*\" {print \$1 + 1}'"

expect "party by ID number" "case_number,court,role,category,cause,filed,closed,closure_method,claim_yuan,awarded_yuan,pending_execution,applied_yuan,recovered_yuan,case_id
（2023）京0105民初100号,北京市朝阳区人民法院,原告,民事,民间借贷纠纷,2023-03-01,2023-06-30,判决,100000.00,80000.00,,,,T1
（2023）京03民终200号,北京市第三中级人民法院,被上诉人,民事,民间借贷纠纷,2023-08-01,2023-10-15,维持,0.00,0.00,,,,T2
（2023）京0105执300号,北京市朝阳区人民法院,申请执行人,执行,民间借贷纠纷,2023-11-20,,,0.00,0.00,,80000.00,0.00,T3
（2024）沪0115民初5号,上海市浦东新区人民法院,被告,民事,买卖合同纠纷,2024-01-05,,,0.00,0.00,,,,T4" \
  "$TP" party --data "$D" --format csv 11010519491231002X

expect "pending execution of the debtor" "李四 (name): 3 cases — 上诉人 1, 被告 1, 被执行人 1; pending executions as 被执行人: 1 (applied 80000.00 元)" \
  sh -c "\"$TP\" party --data \"$D\" 李四 | head -1"

# Close the 上海 case, re-ingest: one change, three unchanged; diff names it; rollback restores it.
sed 's/"filed_date": "2024-01-05",/"filed_date": "2024-01-05", "closed_date": "2024-02-01", "closure_method": "撤诉",/' \
  "$W/cases.jsonl" > "$W/cases2.jsonl"
grep -q '撤诉' "$W/cases2.jsonl" || fail "test setup: sed did not apply"
summary=$("$TP" ingest --quiet --format json --data "$D" "$W/cases2.jsonl")
echo "$summary" | grep -q '"snapshot":2,"parent":1,' || fail "re-ingest: $summary"
echo "$summary" | grep -q '"cases_added":0,"cases_changed":1,"cases_removed":0,"cases_unchanged":3,' || fail "re-ingest counts: $summary"
expect "diff 1 2" "change,case_id
changed,T4" "$TP" diff --data "$D" --format csv 1 2
expect "closed after re-ingest" "撤诉" sh -c "\"$TP\" case --data \"$D\" --format csv T4 | awk -F, 'NR == 2 {print \$9}'"
"$TP" rollback --data "$D" --to 1 > /dev/null
expect "open again after rollback" "" sh -c "\"$TP\" case --data \"$D\" --format csv T4 | awk -F, 'NR == 2 {print \$9}'"
expect "snapshot list" "1,0,4,ingest
2,1,4,ingest
3,2,4,rollback to 1" sh -c "\"$TP\" snapshots --data \"$D\" --format csv | awk -F, 'NR > 1 {split(\$10, d, \" \"); print \$1 \",\" \$2 \",\" \$4 \",\" (d[1] == \"rollback\" ? \$10 : d[1])}'"
expect "diff 2 3 reverses the change" "change,case_id
changed,T4" "$TP" diff --data "$D" --format csv 2 3
"$TP" verify --data "$D" > /dev/null || fail "verify"

# A document removed alone (--remove-document): its case stays; the summary counts it.
printf '%s\n' '{"doc_id": "W1", "case_id": "T1", "kind": "民事判决书", "title": "张三与李四民间借贷纠纷一审民事判决书", "text": "北京市朝阳区人民法院\n民事判决书"}' > "$W/docs.jsonl"
"$TP" ingest --quiet --data "$D" "$W/docs.jsonl" > /dev/null
"$TP" case --data "$D" --format json T1 | grep -q '"doc_id":"W1"' || fail "document W1 not stored"
summary=$("$TP" ingest --quiet --format json --data "$D" --remove-document W1 --remove-document W9)
echo "$summary" | grep -q '"documents_removed":1,' || fail "--remove-document counts: $summary"
echo "$summary" | grep -q '"removals_ignored":1' || fail "--remove-document W9 not ignored: $summary"
"$TP" case --data "$D" --format json T1 > "$W/t1.json" || fail "case T1 gone with its document"
if grep -q '"doc_id":"W1"' "$W/t1.json"; then fail "document W1 still stored"; fi

# Unknown case: exit code 3 (not found).
set +e
"$TP" case --data "$D" T9 > /dev/null 2>&1; rc=$?
set -e
[ $rc -eq 3 ] || fail "unknown case exited $rc, want 3"
echo PASS
