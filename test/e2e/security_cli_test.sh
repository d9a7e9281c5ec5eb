#!/usr/bin/env bash
# End-to-end matrix: every security-relevant command × every role over test/e2e/security/*.jsonl.
# Proves that no field above clearance and no row outside scope leaks through results, party lookups,
# search snippets, counts or error messages; that lookups of invisible rows look like missing ones;
# that admin commands need an admin; and that audit verify detects tampering.
# Usage: security_cli_test.sh path/to/tianping path/to/test/e2e/security
set -u
TP=$1
FIX=$2
D=$(mktemp -d)
trap 'rm -rf "$D"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

run() { "$TP" "$@" --data "$D/data" 2>&1; }  # stdout and stderr together: errors must not leak either

# --- principals ---------------------------------------------------------------------------------
echo "rootpassword" | run user add root --role admin >/dev/null || fail "bootstrap admin"
echo "password123" | run user add intruder --role judge --scope court:京0105 >/dev/null && fail "user add without --as admin succeeded"
add() { echo "password-$1" | run user add "$@" --as root >/dev/null || fail "user add $*"; }
add spc --role spc_analyst --clearance 重要
add jing --role high_court_analyst --scope province:京
add judge1 --role judge --scope court:京0105 --judge-id J1
add judge7 --role judge --scope court:京03 --judge-id J7
add exec --role execution_judge --scope court:京0105 --judge-id J8
add res --role researcher
add pub --role public
echo "x" | run user add bad --role judge --scope court:京0105 --clearance 重要 --as root >/dev/null && fail "clearance above role max accepted"
echo "password-res" | run user login res >/dev/null || fail "login with the right password"
echo "wrong-password" | run user login res >/dev/null && fail "login with a wrong password"
KEY=$("$TP" user key res --as root --data "$D/data" 2>/dev/null)
[[ $KEY =~ ^tpk_[0-9a-f]{12}_[0-9a-f]{48}$ ]] || fail "api key format: $KEY"
sqlite3 "$D/data/security.db" "SELECT * FROM api_keys" | grep -q "${KEY:17}" && fail "API key secret stored"
run redact --quiet --key "$KEY" --in "$FIX/cases.jsonl" | grep -qF 张三丰 && fail "API key of a researcher sees names"
run redact --quiet --key "$KEY" --in "$FIX/cases.jsonl" | grep -qF 张某 || fail "API key read"
run redact --quiet --key "${KEY%?}g" --in "$FIX/cases.jsonl" | grep -q '^{' && fail "a wrong API key reads"

# --- every read command, per user ---------------------------------------------------------------
reads() {  # all output of every read command run as $1
  local u=$1
  run redact --quiet --as "$u" --in "$FIX/cases.jsonl"
  for id in C1 C2 C3 C4 C5 C6 C9; do run redact --quiet --as "$u" --in "$FIX/cases.jsonl" --case "$id"; done
  for q in 张三丰 110105199001011234 李梅 孙秘 510104197001015555 吴六顺 张某; do
    run redact --quiet --as "$u" --in "$FIX/cases.jsonl" --party "$q"
  done
  for g in 本院认为 110105 孙秘 建国路; do
    run redact --quiet --as "$u" --in "$FIX/cases.jsonl" --docs "$FIX/documents.jsonl" --grep "$g"
  done
  for by in court_code category cause_name year; do run redact --quiet --as "$u" --in "$FIX/cases.jsonl" --count-by "$by"; done
}

IDS_ALL="110105199001011234 440106198803154321 440106198512019876 310115200801017777 510104197001015555 110105198001013333 110105198202024444 110102197506066666"
NAMES_ALL="张三丰 李梅 王强 李建国 刘小军 孙秘 陈一鸣 周二虎 吴六顺"
PHONES_ALL="13812345678 13922223333 13744445555 13600001111 13500002222 13011112222 13133334444 18600006666"
ADDR_ALL="建国路88号 体育西路9号 东风路3号 张杨路7号 春熙路1号 望京街5号 酒仙桥路6号 金融街6号"
BIRTH_ALL="1990-01-01 1990年1月1日 1988年3月15日 1988-03-15 2008-01-01"
SEALED="孙秘 510104197001015555 川0104刑初4004号 故意泄露国家秘密罪"
NOT_JING="李梅 王强 刘小军 粤0106 沪0115 $SEALED"

forbid() {  # user, then forbidden strings
  local u=$1; shift
  local out; out=$(reads "$u")
  for s in "$@"; do
    grep -qF -- "$s" <<<"$out" && fail "$u sees '$s': $(grep -F -- "$s" <<<"$out" | head -2)"
  done
  echo "$out" >"$D/out.$u"
}
require() {  # user, then strings that must appear (the matrix is not vacuous)
  local u=$1; shift
  for s in "$@"; do grep -qF -- "$s" "$D/out.$u" || fail "$u should see '$s'"; done
}

forbid root $IDS_ALL $NAMES_ALL $PHONES_ALL 京0105民初1001号
forbid spc $SEALED
require spc 110105199001011234 李梅 刘小军 13812345678
forbid jing $NOT_JING $IDS_ALL
require jing 张三丰 13812345678 "110105********1234" 吴六顺
forbid judge1 $NOT_JING 吴六顺 110105198001013333 110105198202024444
require judge1 110105199001011234 周二虎 "110105********4444"
forbid judge7 $NOT_JING 吴六顺 $IDS_ALL
require judge7 张三丰 周二虎
forbid exec $NOT_JING 吴六顺 110105199001011234
require exec 110105198202024444 "110105********1234"
forbid res $IDS_ALL $NAMES_ALL $PHONES_ALL $ADDR_ALL $BIRTH_ALL $SEALED
require res 张某 李某1 李某2 王某 刘某 claim_amount "<10"
forbid pub $IDS_ALL $NAMES_ALL $PHONES_ALL $ADDR_ALL $BIRTH_ALL $SEALED DOC-C1 claim_amount '"case_id":"C' J1
require pub 张某 京0105民初1001号 "<10"

# --- lookups: invisible rows answer exactly like missing ones ----------------------------------
for u in jing res pub judge7; do
  for id in C2 C4 C6; do
    a=$(run redact --quiet --as "$u" --in "$FIX/cases.jsonl" --case "$id"; echo "exit=$?")
    b=$(run redact --quiet --as "$u" --in "$FIX/cases.jsonl" --case "${id}X"; echo "exit=$?")
    visible=$(grep -c '^{' <<<"$a")
    if [ "$visible" = 0 ] && [ "${a//$id/ID}" != "${b//${id}X/ID}" ]; then fail "$u --case $id differs from a missing id: '$a' vs '$b'"; fi
  done
done
# researcher cannot filter by hidden fields at all
run redact --quiet --as pub --in "$FIX/cases.jsonl" --party 110105199001011234 | grep -q . && fail "public party lookup by ID returned rows"

# --- supervision --------------------------------------------------------------------------------
run audit query --as pub >/dev/null && fail "non-admin ran audit query"
for i in $(seq 1 15); do run redact --quiet --as pub --in "$FIX/cases.jsonl" >/dev/null; done
vol=$(run audit query --as root --volumes --min-rows 20 --factor 3)
grep -E '^pub .*UNUSUAL' <<<"$vol" >/dev/null || fail "pub's volume not flagged: $vol"
[ "$(grep -c UNUSUAL <<<"$vol")" = 1 ] || fail "more than one actor flagged: $vol"
run audit query --as root --actor root --action user.add | grep -q 'user res' || fail "user.add not audited"
run audit query --as root --actor "key:${KEY:4:12}" --action read | grep -q 'cases.jsonl' || fail "API key read not audited"
run audit query --as root --actor jing --action request | grep -q 'party=孙某' || fail "request not audited before access (with the name masked)"
run audit query --as root | grep -q '孙秘' && fail "audit view shows a party's full name"
# concurrent appends from several processes keep one unbroken chain
before=$(sqlite3 "$D/data/security.db" "SELECT count(*) FROM audit")
for j in 1 2 3; do
  (for i in 1 2 3 4 5; do run redact --quiet --as res --in "$FIX/cases.jsonl" --count-by year >/dev/null; done) &
done
wait
after=$(sqlite3 "$D/data/security.db" "SELECT count(*) FROM audit")
[ $((after - before)) = 30 ] || fail "concurrent appends: expected 30 new records, got $((after - before))"
run audit verify --as root | grep -q '^ok: ' || fail "intact log does not verify"

# --- tampering ----------------------------------------------------------------------------------
tamper() {  # name, SQL, expected text in the error
  rm -rf "$D/t"; cp -r "$D/data" "$D/t"
  sqlite3 "$D/t/security.db" "$2"
  out=$("$TP" audit verify --as root --data "$D/t" 2>&1); rc=$?
  [ $rc = 5 ] || fail "$1: audit verify exit $rc: $out"
  grep -qF -- "$3" <<<"$out" || fail "$1: expected '$3' in: $out"
}
tamper edit "UPDATE audit SET rows = rows + 1 WHERE seq = 12" "record 12: content does not match"
tamper delete "DELETE FROM audit WHERE seq = 20" "record 20: sequence number 21"
tamper reorder "UPDATE audit SET rowid = -5 WHERE seq = 5; UPDATE audit SET rowid = 5 WHERE seq = 9; UPDATE audit SET rowid = 9 WHERE rowid = -5;" "record 5: sequence number 9"
n=$(sqlite3 "$D/data/security.db" "SELECT max(seq) FROM audit")
tamper truncate "DELETE FROM audit WHERE seq > $((n - 3))" "record $((n - 2)): log ends at record $((n - 3))"

if [ $fails -gt 0 ]; then echo "$fails failure(s)"; exit 1; fi
echo "security e2e: all checks passed"
