#!/usr/bin/env bash
# Builds the store of the security end-to-end tests (security_store_test.sh, security_http_e2e.mjs) in
# DIR/data: the hand-made fixture test/e2e/security (known IDs, phones, names; a sealed case; minors and
# family cases) plus two linked cases (C7 appeals C1 at 京03; C8 executes C3 from 沪) and a small generated
# dataset (DIR/gen), ingested by the bootstrap operator; then the principals root (admin, password
# rootpassword) and spc, jing, judge1, judge7, exec, res, pub (password password-<name>).
# Usage: security_store_setup.sh path/to/tianping path/to/test/e2e/security DIR
set -u
TP=$1
FIX=$2
D=$3
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
run() { "$TP" "$@" --data "$D/data" 2>&1; }

# --- data ----------------------------------------------------------------------------------------
# The fixture's ID numbers have wrong check characters (fine for redact, quarantined by ingest): fix them.
FIXID='s/91110105MA01ABCD2X/91110105MA01ABCD5F/g; s/110102197506066666/110102197506066660/g; s/110105198001013333/11010519800101333X/g; s/110105198202024444/110105198202024449/g; s/110105199001011234/110105199001011232/g; s/440106198512019876/440106198512019875/g; s/510104197001015555/510104197001015558/g'
sed "$FIXID" "$FIX/cases.jsonl" >"$D/cases.jsonl"
sed "$FIXID" "$FIX/documents.jsonl" >"$D/documents.jsonl"
cat >>"$D/cases.jsonl" <<'JSONL'
{"case_id":"C7","case_number":"（2024）京03民终7007号","court_code":"京03","court_name":"北京市第三中级人民法院","type_code":"民终","category":"民事","cause_name":"民间借贷纠纷","procedure":"二审","filed_date":"2024-01-10","judge_id":"J3","judge_name":"审判员乙","derived_from":{"relation":"上诉","case_id":"C1","case_number":"（2023）京0105民初1001号"},"parties":[{"role":"上诉人","kind":"自然人","name":"张三丰","id_number":"110105199001011232","phone":"13812345678"},{"role":"被上诉人","kind":"法人","name":"北京星辰科技有限公司","credit_code":"91110105MA01ABCD5F"}]}
{"case_id":"C8","case_number":"（2024）京0105执8008号","court_code":"京0105","court_name":"北京市朝阳区人民法院","type_code":"执","category":"执行","cause_name":"民间借贷纠纷","procedure":"执行","filed_date":"2024-02-01","judge_id":"J8","judge_name":"审判员戊","derived_from":{"relation":"执行","case_id":"C3","case_number":"（2023）沪0115刑初3003号"},"parties":[{"role":"申请执行人","kind":"法人","name":"北京星辰科技有限公司","credit_code":"91110105MA01ABCD5F"},{"role":"被执行人","kind":"自然人","name":"周二虎","id_number":"110105198202024449"}]}
JSONL
"$TP" gen --quiet --cases 300 --seed 7 --out "$D/gen" >/dev/null 2>&1 || fail "gen"

# Bootstrap: no users yet, so the local operator reads everything, audited as local:<user>.
run ingest --quiet --format json "$D/cases.jsonl" "$D/documents.jsonl" | grep -q '"quarantined":0,' || fail "ingest fixture: rows quarantined"
run case C1 | grep -qF 110105199001011232 || fail "bootstrap operator reads without --as"
run ingest --quiet "$D/cases.jsonl" "$D/documents.jsonl" "$D/gen/cases.jsonl" >/dev/null || fail "ingest generated"

# --- principals (as in security_cli_test.sh) ----------------------------------------------------
echo "rootpassword" | run user add root --role admin >/dev/null || fail "bootstrap admin"
add() { echo "password-$1" | run user add "$@" --as root >/dev/null || fail "user add $*"; }
add spc --role spc_analyst --clearance 重要
add jing --role high_court_analyst --scope province:京
add judge1 --role judge --scope court:京0105 --judge-id J1
add judge7 --role judge --scope court:京03 --judge-id J7
add exec --role execution_judge --scope court:京0105 --judge-id J8
add res --role researcher
add pub --role public
[ $fails -eq 0 ]
