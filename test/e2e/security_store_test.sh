#!/usr/bin/env bash
# End-to-end: the store's read commands (case, party, diff, indicators, tags, doc generate) through the
# AccessGuard, every role × every output format, and the administrative store commands (ingest,
# snapshots, rollback, verify, clean --fix) for admins only. The hand-made fixture test/e2e/security (known IDs, phones, names; a sealed case; minors
# and family cases) plus two linked cases (C7 appeals C1 at 京03; C8 executes C3 from 沪) and a small
# generated dataset are ingested into a temp store. Proves that no forbidden value reaches stdout or
# stderr, that out-of-scope lookups look exactly like missing ones, that a link never reveals an
# invisible case, that reads are audited and the audit chain verifies.
# Usage: security_store_test.sh path/to/tianping path/to/test/e2e/security
set -u
TP=$1
FIX=$2
D=$(mktemp -d)
if [ -n "${KEEP:-}" ]; then echo "keeping $D"; else trap 'rm -rf "$D"' EXIT; fi
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
run() { "$TP" "$@" --data "$D/data" 2>&1; }  # stdout and stderr together: errors must not leak either

# --- data and principals (shared with security_http_e2e.mjs) -------------------------------------
# The fixture plus C7/C8 and a generated dataset, ingested by the bootstrap operator; then the users
# root (admin), spc, jing, judge1, judge7, exec, res, pub with passwords password-<name> (root: rootpassword).
"$(dirname "$0")/lib/security_store_setup.sh" "$TP" "$FIX" "$D" || fail "store setup"
out=$(run case C1; echo "exit=$?")
grep -q 'exit=2' <<<"$out" || fail "case without --as once users exist: $out"
grep -qF 张三丰 <<<"$out" && fail "case without --as leaked data"

# --- every store read, per user, every format ---------------------------------------------------
CASE_KEYS="C1 C2 C3 C4 C5 C6 C7 C8 （2023）京0105民初1001号 （2023）川0104刑初4004号 （2023）粤0106民初2002号 （2024）京03民终7007号 （2024）京0105执8008号"
PARTY_KEYS="张三丰 110105199001011232 李梅 孙秘 510104197001015558 吴六顺 周二虎 张某 北京星辰科技有限公司 91110105MA01ABCD5F"
GEN_IDS=$(grep -oE '"id_number": ?"[0-9X]{18}"' "$D/gen/cases.jsonl" | grep -oE '[0-9X]{18}' | sort -u | head -40)
GEN_PHONES=$(grep -oE '"phone": ?"1[0-9]{10}"' "$D/gen/cases.jsonl" | grep -oE '1[0-9]{10}' | sort -u | head -40)
GEN_CASE=$(grep -oE '"case_number": ?"[^"]*"' "$D/gen/cases.jsonl" | head -3 | sed 's/.*: *"//; s/"$//')
[ -n "$GEN_IDS" ] || fail "generated data has no ID numbers (test would be vacuous)"
# One lookup with the echo of the reader's own key removed ("case K not found", "no cases for name K in
# snapshot 2", "K (name): 3 cases"): the key is what the reader typed, not a leak; anything else is.
ask() {
  local k=$1 o; shift
  o=$(run "$@" "$k")
  o=${o//"case $k not found"/"case <KEY> not found"}
  o=${o//" $k in snapshot"/" <KEY> in snapshot"}
  o=${o//"$k ("/"<KEY> ("}
  echo "$o"
}
reads() {
  local u=$1 f k
  for f in table json csv; do
    for k in $CASE_KEYS $GEN_CASE; do ask "$k" case --as "$u" --format "$f"; done
    for k in $PARTY_KEYS $(head -5 <<<"$GEN_IDS"); do ask "$k" party --as "$u" --format "$f"; done
    run diff --as "$u" --format "$f" 0 1
    run indicators --as "$u" --format "$f" --names acceptance_rate,appeal_rate --by court --from 2015-01 --to 2026-12
    run tags --as "$u" --format "$f"
  done
  for k in $CASE_KEYS; do ask "$k" doc generate --template 受理通知书 --date 2024-03-01 --as "$u" --case; done
}

IDS_ALL="110105199001011232 440106198803154321 440106198512019875 310115200801017777 510104197001015558 11010519800101333X 110105198202024449 110102197506066660"
NAMES_ALL="张三丰 李梅 王强 李建国 刘小军 孙秘 陈一鸣 周二虎 吴六顺"
PHONES_ALL="13812345678 13922223333 13744445555 13600001111 13500002222 13011112222 13133334444 18600006666"
ADDR_ALL="建国路88号 体育西路9号 东风路3号 张杨路7号 春熙路1号 望京街5号 酒仙桥路6号 金融街6号"
SEALED="孙秘 510104197001015558 川0104刑初4004号 故意泄露国家秘密罪"
NOT_JING="李梅 王强 刘小军 粤0106 沪0115 $SEALED"

forbid() {
  local u=$1; shift
  local out; out=$(reads "$u")
  for s in "$@"; do
    grep -qF -- "$s" <<<"$out" && fail "$u sees '$s': $(grep -F -- "$s" <<<"$out" | head -2)"
  done
  echo "$out" >"$D/out.$u"
}
require() {
  local u=$1; shift
  for s in "$@"; do grep -qF -- "$s" "$D/out.$u" || fail "$u should see '$s'"; done
}

forbid root $IDS_ALL $NAMES_ALL $PHONES_ALL 京0105民初1001号 $GEN_IDS
forbid spc $SEALED
require spc 110105199001011232 李梅 13812345678 京03民终7007号 沪0115刑初3003号
forbid jing $NOT_JING $IDS_ALL
require jing 张三丰 13812345678 "110105********1232" 京03民终7007号 京0105执8008号
forbid judge1 $NOT_JING 吴六顺 11010519800101333X 京03民终7007号
require judge1 110105199001011232 周二虎 京0105执8008号
forbid judge7 $NOT_JING 吴六顺 $IDS_ALL
require judge7 张三丰 京03民终7007号
forbid exec $NOT_JING 吴六顺 110105199001011232 京03民终7007号
require exec 110105198202024449 "110105********1232"
forbid res $IDS_ALL $NAMES_ALL $PHONES_ALL $ADDR_ALL $SEALED $GEN_IDS $GEN_PHONES
require res 张某 京0105民初1001号 北京星辰科技有限公司
forbid pub $IDS_ALL $NAMES_ALL $PHONES_ALL $ADDR_ALL $SEALED $GEN_IDS $GEN_PHONES DOC-C1 J1
require pub 张某 京0105民初1001号

# --- lookups: invisible rows answer exactly like missing ones ----------------------------------
same() {  # user, key, missing key, command...
  local u=$1 k=$2 m=$3 cmd=$4 a b
  a=$(run $cmd --as "$u" "$k"; echo "exit=$?")
  b=$(run $cmd --as "$u" "$m"; echo "exit=$?")
  [ "${a//$k/K}" = "${b//$m/K}" ] || fail "$u $cmd $k differs from missing $m: '$a' vs '$b'"
}
for u in root jing judge1 judge7 res pub; do
  same "$u" C4 C4X case
  same "$u" （2023）川0104刑初4004号 （2023）川0104刑初4999号 case
  same "$u" 孙秘 孙秘秘 party
done
for u in jing judge1 judge7; do
  same "$u" C2 C2X case
  same "$u" （2023）粤0106民初2002号 （2023）粤0106民初2999号 case
  same "$u" 李梅 李梅梅 party
done
same judge1 C7 C7X case
same pub C1 C1X case  # the public may not look up by case id at all
run case --as jing C4 >/dev/null; [ $? = 3 ] || fail "invisible case: exit code is not 3"
# the chain stops at an invisible case: judge1 sees C1 but not its appeal C7; jing sees C8 but not C3
run case --as judge1 --format csv C1 | grep -q '^0,,C1,' || fail "judge1: C1 should be the whole chain"
run case --as jing --format json C8 | grep -qF '"derived_from"' && fail "jing: C8 still links to out-of-scope C3"
run case --as spc --format json C8 | grep -qF '沪0115刑初3003号' || fail "spc: C8 should link to C3"
# researchers and the public cannot probe an ID number or a real name
for u in res pub; do
  for k in 110105199001011232 张三丰 $(head -3 <<<"$GEN_IDS"); do
    run party --as "$u" --format csv "$k" | grep -q '（' && fail "$u party lookup by '$k' returned rows"
  done
done

# --- aggregates: only courts in scope, small cells suppressed for researcher/public ----------------
ind() { "$TP" indicators --data "$D/data" --as "$1" --format csv --names acceptance_rate --by province --from 2015-01 --to 2026-12 2>/dev/null; }
ind spc >"$D/ind.spc"
grep -q '^上海市,' "$D/ind.spc" || fail "spc: national indicators lack 上海市"
[ "$(ind jing | tail -n +2)" = "$(grep '^北京市,' "$D/ind.spc")" ] || fail "jing: indicators not exactly the 北京市 row: $(ind jing)"
# admin reads no case data: refused (as over HTTP, 403), with nothing on stdout
if out=$("$TP" indicators --data "$D/data" --as root --format csv --names acceptance_rate --by province --from 2015-01 --to 2026-12 2>"$D/ind.root.err"); then
  fail "admin aggregates case data: $out"
fi
[ -z "$out" ] || fail "admin got rows: $out"
grep -q "reads no case data" "$D/ind.root.err" || fail "admin refusal does not say why: $(cat "$D/ind.root.err")"
for u in res pub; do
  # every shown numerator and denominator is 0 or >= 10 (else the cell is blanked "-")
  ind "$u" | tail -n +2 | awk -F, -v u="$u" '($5 > 0 && $5 < 10) || ($6 > 0 && $6 < 10) { print "FAIL: " u " small cell: " $0; bad = 1 } END { exit bad }' || fails=$((fails + 1))
  ind "$u" | grep -q ',-,%,-,-,' || fail "$u: no cell suppressed (test would be vacuous)"
  run tags --as "$u" --format csv | tail -n +2 | awk -F, -v u="$u" '$3 ~ /^[1-9]$/ { print "FAIL: " u " small tag count: " $0; bad = 1 } END { exit bad }' || fails=$((fails + 1))
done
run tags --as res --format csv | grep -q ',<10,' || fail "res: no tag count suppressed (test would be vacuous)"
j=$(run tags --as jing | head -1); s=$(run tags --as spc | head -1)
[ "$j" != "$s" ] || fail "jing and spc count the same cases: $j"
# doc generate reads the store as `case` does: redacted, invisible = missing
run doc generate --template 受理通知书 --date 2024-03-01 --as spc --case C1 | grep -qF 张三丰 || fail "spc: document lacks the party"
run doc generate --template 受理通知书 --date 2024-03-01 --as res --case （2023）京0105民初1001号 | grep -qF 张某 || fail "res: document not anonymised"
same jing C2 C2X "doc generate --template 受理通知书 --date 2024-03-01 --case"

# --- administrative store commands: admins only once one exists, audited -------------------------
for cmd in "snapshots" "verify" "rollback --to 1" "clean --fix --quiet" "ingest --quiet $D/cases.jsonl"; do
  out=$(run $cmd; echo "exit=$?")
  grep -q 'exit=6' <<<"$out" || fail "$cmd without --as: $out"
  out=$(run $cmd --as spc; echo "exit=$?")
  grep -q 'exit=6' <<<"$out" || fail "$cmd --as spc: $out"
done
run snapshots --as root --format csv | grep -q '^1,0,' || fail "snapshots --as root"
cur=$(run snapshots --as root --format csv | tail -1 | cut -d, -f1)
run rollback --to "$cur" --as root >/dev/null || fail "rollback --as root"
run verify --as root | grep -q ' ok: ' || fail "verify --as root"
run clean --fix --quiet --as root >/dev/null || fail "clean --fix --as root"
run case --as spc C1 | grep -qF 张三丰 || fail "store unreadable after rollback"
for a in rollback store.verify snapshots clean.fix; do
  run audit query --as root --actor root --action "$a" | grep -qF "$a" || fail "$a not audited"
done
run audit query --as root --action ingest | grep -qF 'local:' || fail "bootstrap ingest not audited"
run audit query --as root --actor spc --action denied | grep -qF 'rollback' || fail "refused rollback not audited"
run audit query --as root --actor jing --action count | grep -qF 'indicators' || fail "indicators read not audited"
run audit query --as root --actor res --action count | grep -qF 'tags' || fail "tags read not audited"

# --- audit --------------------------------------------------------------------------------------
! run audit query --as root --actor jing --action request | grep -qF 'case=C4' || fail "case lookup audited twice (request + outcome)"
run audit query --as root --actor jing --action read.notfound | grep -qF 'case=C4' || fail "invisible lookup not audited"
run audit query --as root --actor judge1 --action read | grep -qF 'party name=周某' || fail "party read not audited (with the name masked)"
run audit query --as root --actor res --action read | grep -qF 'diff' || fail "diff read not audited"
run audit query --as root --action read | grep -qF 'local:' || fail "bootstrap read not audited"
run audit verify --as root | grep -q '^ok: ' || fail "audit verify"

if [ $fails -gt 0 ]; then echo "$fails failure(s)"; exit 1; fi
echo "security store e2e: all checks passed"
