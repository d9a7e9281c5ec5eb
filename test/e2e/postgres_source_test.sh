#!/usr/bin/env bash
# End-to-end test of `tianping ingest --from postgresql://…` (docs/source-postgresql.md) against a throwaway
# PostgreSQL cluster: initdb + pg_ctl (as the postgres user when run as root) in a temp dir, on a free
# loopback port, password authentication. Loads a generated dataset with `tianping source load-pg`,
# ingests, checks the store against a plain JSONL ingest of the same files, changes / deletes / inserts
# rows with psql, ingests again and checks that exactly those changes arrived, that a re-run changes
# nothing, that quarantine names the source row, that errors are clear and that the password is never
# printed or stored. The server is stopped on every exit (trap).
#   postgres_source_test.sh TIANPING WORKDIR      exit 77 (ctest SKIP) when the server binaries are missing
set -euo pipefail
TP=$1; W=$2
fail() { echo "FAIL: $*" >&2; exit 1; }

PGBIN=${TP_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)}
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ] || [ ! -x "$PGBIN/pg_ctl" ] || [ ! -x "$PGBIN/psql" ]; then
  echo "SKIP: PostgreSQL server binaries (initdb, pg_ctl, psql) not found under /usr/lib/postgresql/*/bin;" \
       "scripts/install-deps installs the Debian package postgresql"
  exit 77
fi
AS=()
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || fail "running as root but there is no postgres user (install the postgresql package)"
  AS=(runuser -u postgres --)
fi

rm -rf "$W"; mkdir -p "$W"
PGROOT=$(mktemp -d /tmp/tp-pg.XXXXXX)
PGD=$PGROOT/data
PW=Tp-s3cret-Pw-4711
stop() {
  if [ -f "$PGD/postmaster.pid" ]; then "${AS[@]}" "$PGBIN/pg_ctl" -D "$PGD" -m immediate stop >/dev/null 2>&1 || true; fi
  rm -rf "$PGROOT"
}
trap stop EXIT
printf '%s\n' "$PW" > "$PGROOT/pw"
[ ${#AS[@]} -eq 0 ] || chown -R postgres "$PGROOT"
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"${AS[@]}" "$PGBIN/initdb" -D "$PGD" -U tp --pwfile="$PGROOT/pw" --auth-local=trust --auth-host=scram-sha-256 \
  -E UTF8 --no-locale >"$W/initdb.log" 2>&1 || { cat "$W/initdb.log"; fail "initdb"; }
"${AS[@]}" "$PGBIN/pg_ctl" -D "$PGD" -l "$PGROOT/server.log" -w -t 60 \
  -o "-p $PORT -k $PGROOT -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null \
  || { cat "$PGROOT/server.log"; fail "pg_ctl start"; }
export PGPASSWORD=$PW
psql() { "$PGBIN/psql" -X -q -t -A -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U tp "$@"; }
psql -d postgres -c 'CREATE DATABASE court' -c 'CREATE DATABASE court_bad'
unset PGPASSWORD
URL="postgresql://tp:$PW@127.0.0.1:$PORT/court"
sql() { PGPASSWORD=$PW psql -d court -c "$1"; }
D=$W/store
json_int() { sed -n "s/.*\"$1\":\([0-9-]*\).*/\1/p" | head -1; }  # json_int KEY < json

# --- load a generated dataset into the court database; a reference store from the same JSONL ----------
"$TP" gen --cases 400 --seed 11 --out "$W/g" --quiet
"$TP" source load-pg --quiet --to "$URL" "$W/g/cases.jsonl" "$W/g/documents.jsonl" > "$W/load.out" 2> "$W/load.err"
n_cases=$(wc -l < "$W/g/cases.jsonl")
[ "$(sql 'SELECT count(*) FROM cases')" = "$n_cases" ] || fail "load-pg loaded $(sql 'SELECT count(*) FROM cases') of $n_cases cases"
"$TP" ingest --quiet --data "$W/ref" --format json "$W/g/cases.jsonl" "$W/g/documents.jsonl" > "$W/ref.json"

# --- first pull: everything --------------------------------------------------------------------------
"$TP" ingest --data "$D" --from "$URL" --format json > "$W/i1.json" 2> "$W/i1.err" || { cat "$W/i1.err"; fail "first ingest"; }
[ "$(json_int cases_read < "$W/i1.json")" = "$n_cases" ] || fail "first pull read: $(cat "$W/i1.json")"
grep -q 'pulling from postgresql://tp:\*\*\*@127.0.0.1' "$W/i1.err" || fail "no masked progress line: $(cat "$W/i1.err")"
totals() { local k; for k in cases parties documents quarantined; do printf '%s=%s ' $k "$(json_int $k < "$1")"; done; }
[ "$(totals "$W/i1.json")" = "$(totals "$W/ref.json")" ] || fail "totals differ: pg $(totals "$W/i1.json") vs jsonl $(totals "$W/ref.json")"
# Every sampled case reads the same from both stores (but for updated_at, the source's write time).
for id in $(sql "SELECT case_id FROM cases ORDER BY md5(case_id) LIMIT 25"); do
  a=$("$TP" case --data "$D" --format json "$id" 2>&1 | sed 's/"updated_at":"[^"]*"//g') || true
  b=$("$TP" case --data "$W/ref" --format json "$id" 2>&1 | sed 's/"updated_at":"[^"]*"//g') || true
  [ "$a" = "$b" ] || fail "case $id differs between the PostgreSQL and the JSONL store:
$a
---
$b"
done

# --- change, delete and insert at the source ---------------------------------------------------------
in_store() { "$TP" case --data "$D" --format csv "$1" >/dev/null 2>&1; }
pick() {  # pick N SQL: the first N ids of the query that are in the store
  local n=$1 out=() id; shift
  for id in $(sql "$1"); do in_store "$id" && out+=("$id"); [ ${#out[@]} -ge "$n" ] && break; done
  [ ${#out[@]} -ge "$n" ] || fail "test setup: not enough stored cases for: $1"
  echo "${out[@]}"
}
read -r A B <<< "$(pick 2 "SELECT case_id FROM cases WHERE closed_date IS NULL AND category = '民事' ORDER BY case_id")"
C=$(pick 1 "SELECT DISTINCT case_id FROM parties WHERE case_id NOT IN ('$A', '$B') ORDER BY case_id DESC")
E=$(pick 1 "SELECT DISTINCT p.case_id FROM agents a JOIN parties p USING (party_id) WHERE p.case_id NOT IN ('$A', '$B', '$C') ORDER BY 1")
read -r X Y <<< "$(pick 2 "SELECT case_id FROM cases WHERE case_id NOT IN ('$A', '$B', '$C', '$E') ORDER BY md5(case_id)")"
DOC=$(sql "SELECT doc_id FROM documents WHERE case_id NOT IN ('$X', '$Y') ORDER BY doc_id LIMIT 1")
[ -n "$DOC" ] || fail "test setup: no document"
sql "UPDATE cases SET closed_date = filed_date + 30, closure_method = '调解' WHERE case_id IN ('$A', '$B')"
sql "UPDATE parties SET phone = '13800000000' WHERE party_id = (SELECT min(party_id) FROM parties WHERE case_id = '$C')"
sql "UPDATE agents SET law_firm = '北京市天平律师事务所' WHERE agent_id = (SELECT min(a.agent_id) FROM agents a JOIN parties p USING (party_id) WHERE p.case_id = '$E')"
sql "DELETE FROM cases WHERE case_id IN ('$X', '$Y')"
sql "UPDATE documents SET title = title || '（更正）' WHERE doc_id = '$DOC'"
sql "INSERT INTO cases (case_id, case_number, court_code, court_name, type_code, category, cause_name, procedure, filed_date)
     VALUES ('PG-NEW-1', '（2024）京0105民初99901号', '京0105', '北京市朝阳区人民法院', '民初', '民事', '民间借贷纠纷', '简易程序', '2024-03-01');
     INSERT INTO parties (case_id, seq, role, kind, name) VALUES ('PG-NEW-1', 1, '原告', '自然人', '周新'), ('PG-NEW-1', 2, '被告', '自然人', '吴旧')"

# --- second pull, exact (no overlap): only the changed rows come ---------------------------------------
"$TP" ingest --quiet --data "$D" --from "$URL" --overlap-seconds 0 --format json > "$W/i2.json" 2> "$W/i2.err" || { cat "$W/i2.err"; fail "second ingest"; }
[ "$(json_int cases_read < "$W/i2.json")" = 5 ] || fail "second pull should read 5 cases: $(cat "$W/i2.json")"
[ "$(json_int documents_read < "$W/i2.json")" = 1 ] || fail "second pull should read 1 document: $(cat "$W/i2.json")"
for kv in cases_deleted:2 cases_added:1 cases_changed:4 cases_removed:2 documents_changed:1 quarantined:0; do
  [ "$(json_int "${kv%%:*}" < "$W/i2.json")" = "${kv#*:}" ] || fail "second ingest ${kv%%:*} != ${kv#*:}: $(cat "$W/i2.json")"
done
want=$(printf '%s\n' "added,PG-NEW-1" "changed,$A" "changed,$B" "changed,$C" "changed,$E" "removed,$X" "removed,$Y" | sort)
got=$("$TP" diff --data "$D" --format csv 1 2 | tail -n +2 | sort)
[ "$got" = "$want" ] || fail "diff 1 2:
--- want
$want
--- got
$got"
"$TP" case --data "$D" --format csv "$A" | grep -q '调解' || fail "case $A not closed by 调解 after the pull"
"$TP" case --data "$D" --format json PG-NEW-1 | grep -q '周新' || fail "new case PG-NEW-1 missing"
if "$TP" case --data "$D" --format csv "$X" >/dev/null 2>&1; then fail "deleted case $X still in the store"; fi

# --- re-runs without source changes: nothing new ------------------------------------------------------
snaps() { "$TP" snapshots --data "$D" --format csv | tail -n +2 | wc -l; }
before=$(snaps)
"$TP" ingest --quiet --data "$D" --from "$URL" --overlap-seconds 0 --format json > "$W/i3.json"
[ "$(json_int cases_read < "$W/i3.json")" = 0 ] || fail "exact re-run read rows: $(cat "$W/i3.json")"
[ "$(snaps)" = "$before" ] || fail "exact re-run without changes committed a snapshot"
# The default overlap re-reads the last minutes (everything here): a snapshot with nothing changed.
"$TP" ingest --quiet --data "$D" --from "$URL" --format json > "$W/i4.json"
[ "$(json_int cases_read < "$W/i4.json")" -gt 0 ] || fail "overlap re-run read nothing: $(cat "$W/i4.json")"
for k in cases_deleted cases_added cases_changed cases_removed documents_added documents_changed; do
  [ "$(json_int $k < "$W/i4.json")" = 0 ] || fail "overlap re-run changed $k: $(cat "$W/i4.json")"
done

# --- a bad value at the source: quarantine names the table, row and column -----------------------------
PID=$(sql "SELECT min(party_id) FROM parties WHERE case_id = '$B'")
sql "UPDATE parties SET id_number = '11010519900101123' WHERE party_id = $PID"
# A date the model cannot hold (year 12345) reaches the ingest as raw text and is quarantined by field.
PID2=$(sql "SELECT min(party_id) FROM parties WHERE case_id = '$C'")
sql "UPDATE parties SET birth_date = '12345-01-01' WHERE party_id = $PID2"
"$TP" ingest --quiet --data "$D" --from "$URL" --overlap-seconds 0 --format json > "$W/i5.json"
[ "$(json_int quarantined < "$W/i5.json")" = 2 ] || fail "bad id_number / birth_date not quarantined: $(cat "$W/i5.json")"
q=$(ls "$D"/quarantine/*.jsonl | tail -1)
grep -q "\"table\":\"parties\",\"row\":\"party_id=$PID\",\"column\":\"id_number\"" "$q" || fail "quarantine entry: $(cat "$q")"
grep -q "\"table\":\"parties\",\"row\":\"party_id=$PID2\",\"column\":\"birth_date\",\"field\":\"parties\[0\].birth_date\"" "$q" \
  || fail "quarantine entry: $(cat "$q")"

# --- a case deleted and re-created stays (changed, not removed); a document deleted alone is removed ------
sql "DELETE FROM cases WHERE case_id = 'PG-NEW-1'"
sql "INSERT INTO cases (case_id, case_number, court_code, court_name, type_code, category, cause_name, procedure, filed_date)
     VALUES ('PG-NEW-1', '（2024）京0105民初99901号', '京0105', '北京市朝阳区人民法院', '民初', '民事', '民间借贷纠纷', '简易程序', '2024-03-01');
     INSERT INTO parties (case_id, seq, role, kind, name) VALUES ('PG-NEW-1', 1, '原告', '自然人', '周新'), ('PG-NEW-1', 2, '被告', '自然人', '吴旧')"
DOC_CASE=$(sql "SELECT case_id FROM documents WHERE doc_id = '$DOC'")
"$TP" case --data "$D" --format json "$DOC_CASE" | grep -q "\"doc_id\":\"$DOC\"" || fail "document $DOC not in the store before"
sql "DELETE FROM documents WHERE doc_id = '$DOC'"
# A pull killed with SIGKILL leaves its private file behind (nobody holds its lock): the next pull removes
# it; the file of a pull still running (its lock held, here by this shell through flock(1) on fd 8) stays.
echo '{}' > "$D/.pull-postgresql-999999.jsonl"
exec 8> "$D/.pull-postgresql-1.jsonl"
flock -n 8 || fail "test setup: cannot lock the running pull's file"
"$TP" ingest --data "$D" --from "$URL" --overlap-seconds 0 --format json > "$W/i6.json" 2> "$W/i6.err"
exec 8>&-
for kv in cases_read:1 cases_deleted:0 documents_deleted:1 cases_changed:1 cases_removed:0 documents_removed:1 stale_files_removed:1; do
  [ "$(json_int "${kv%%:*}" < "$W/i6.json")" = "${kv#*:}" ] || fail "re-create ${kv%%:*} != ${kv#*:}: $(cat "$W/i6.json")"
done
"$TP" case --data "$D" --format json PG-NEW-1 | grep -q '周新' || fail "re-created case PG-NEW-1 missing"
"$TP" case --data "$D" --format json "$DOC_CASE" > "$W/doc_case.json" || fail "case $DOC_CASE of the deleted document gone"
if grep -q "\"doc_id\":\"$DOC\"" "$W/doc_case.json"; then fail "deleted document $DOC still in the store"; fi
[ ! -e "$D/.pull-postgresql-999999.jsonl" ] || fail "stale pull file not removed"
[ -e "$D/.pull-postgresql-1.jsonl" ] || fail "the file of a running pull was removed"
grep -q "removed .*\.pull-postgresql-999999\.jsonl, left by an interrupted pull" "$W/i6.err" || fail "no notice: $(cat "$W/i6.err")"
rm -f "$D/.pull-postgresql-1.jsonl"
# An overlapping re-read of the tombstone removes nothing twice.
"$TP" ingest --quiet --data "$D" --from "$URL" --format json > "$W/i6b.json"
[ "$(json_int documents_deleted < "$W/i6b.json")" = 0 ] || fail "document deletion passed on twice: $(cat "$W/i6b.json")"

# --- a late commit: a transaction in flight during an exact pull is not skipped ------------------------
# F is updated in a transaction that stays open while G is updated and committed, and a pull runs; F's
# updated_at is older than G's, so a watermark moved to G would skip F once it commits.
read -r F G <<< "$(pick 2 "SELECT case_id FROM cases WHERE case_id NOT IN ('$A', '$B', '$C', '$E', '$DOC_CASE') AND category = '民事' ORDER BY case_id DESC")"
mkfifo "$W/tx"
PGPASSWORD=$PW psql -d court < "$W/tx" > "$W/tx.out" 2>&1 & TX=$!
exec 7> "$W/tx"
echo "BEGIN; UPDATE cases SET judge_name = '晚提交' WHERE case_id = '$F';" >&7
for _ in $(seq 100); do
  [ "$(sql "SELECT count(*) FROM pg_stat_activity WHERE backend_xid IS NOT NULL AND pid <> pg_backend_pid()")" = 1 ] && break
  sleep 0.1
done
sql "UPDATE cases SET judge_name = '先提交' WHERE case_id = '$G'"
"$TP" ingest --data "$D" --from "$URL" --overlap-seconds 0 --format json > "$W/i7.json" 2> "$W/i7.err"
grep -q "transaction in progress since" "$W/i7.err" || fail "no in-flight notice: $(cat "$W/i7.err")"
"$TP" case --data "$D" --format json "$G" | grep -q '先提交' || fail "committed change of $G missing"
echo "COMMIT;" >&7
exec 7>&-
wait $TX || fail "the open transaction failed: $(cat "$W/tx.out")"
"$TP" ingest --quiet --data "$D" --from "$URL" --overlap-seconds 0 --format json > "$W/i8.json"
"$TP" case --data "$D" --format json "$F" | grep -q '晚提交' || fail "late commit of $F skipped: $(cat "$W/i8.json")"

# --- errors: wrong password, unreachable server, wrong schema ----------------------------------------
expect_error() {  # expect_error NAME PATTERN URL
  local out rc=0
  out=$("$TP" ingest --quiet --data "$W/err-store" --from "$3" 2>&1) || rc=$?
  [ $rc -ne 0 ] || fail "$1: exit 0"
  echo "$out" | grep -q "$2" || fail "$1: message '$out' lacks '$2'"
  echo "$out" >> "$W/errors.out"
}
expect_error "wrong password" "password authentication failed" "postgresql://tp:wrong-$PW@127.0.0.1:$PORT/court"
CLOSED=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
expect_error "unreachable" "cannot connect to postgresql://tp:\*\*\*@127.0.0.1:$CLOSED/court" "postgresql://tp:$PW@127.0.0.1:$CLOSED/court"
PGPASSWORD=$PW psql -d court_bad -f "$(dirname "$0")/../../data/source/postgresql-schema.sql" >/dev/null
PGPASSWORD=$PW psql -d court_bad -c 'ALTER TABLE parties RENAME COLUMN seq TO ord'
expect_error "renamed column" "table parties has no column seq" "postgresql://tp:$PW@127.0.0.1:$PORT/court_bad"
PGPASSWORD=$PW psql -d court_bad -c 'ALTER TABLE parties RENAME COLUMN ord TO seq' -c 'DROP TABLE agents'
expect_error "missing table" "no table agents" "postgresql://tp:$PW@127.0.0.1:$PORT/court_bad"

# --- the password is nowhere: outputs, errors, manifests, quarantine -----------------------------------
if grep -rqF -- "$PW" "$W"/*.json "$W"/*.err "$W"/*.out "$D"; then fail "the password was printed or stored"; fi
echo "postgres source test: ok ($n_cases cases; A=$A B=$B C=$C E=$E X=$X Y=$Y DOC=$DOC)"
