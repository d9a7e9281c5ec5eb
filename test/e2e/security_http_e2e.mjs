// Role × endpoint leak matrix over real HTTP (ctest: security_http): the store of security_store_test.sh
// (lib/security_store_setup.sh — the hand-made fixture with known IDs, phones, names, a sealed case,
// minors and family cases, two linked cases, a generated dataset) served by the real binary, read by every
// role through GET /api/cases/{id}, GET /api/parties, /api/catalog and /api/summary. Proves that no value
// above a caller's clearance and no row outside its scope reaches a body, a count or an error message;
// that invisible lookups answer byte for byte like missing ones; that every personal-data read is in the
// audit log under the caller's name (session or API key); and that the CLI and the service share users.
// usage: node security_http_e2e.mjs <path to tianping> <test/e2e/security>
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, removeDir } from './lib/server.mjs';
import { request, closeConnections } from './lib/http.mjs';
import { makeClient } from './lib/http_client.mjs';

const [tianping, fixture] = process.argv.slice(2);
const here = dirname(fileURLToPath(import.meta.url));
const D = mkdtempSync(join(tmpdir(), 'tp-sechttp-'));
execFileSync(join(here, 'lib/security_store_setup.sh'), [tianping, fixture, D], { stdio: ['ignore', 'inherit', 'inherit'] });
const data = join(D, 'data');
const cli = (...args) => execFileSync(tianping, [...args, '--data', data], { encoding: 'utf8' });

const CASE_KEYS = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8', '（2023）京0105民初1001号', '（2023）川0104刑初4004号',
  '（2023）粤0106民初2002号', '（2024）京03民终7007号', '（2024）京0105执8008号'];
const PARTY_KEYS = ['张三丰', '110105199001011232', '李梅', '孙秘', '510104197001015558', '吴六顺', '周二虎', '张某',
  '北京星辰科技有限公司', '91110105MA01ABCD5F'];
const IDS_ALL = ['110105199001011232', '440106198803154321', '440106198512019875', '310115200801017777',
  '510104197001015558', '11010519800101333X', '110105198202024449', '110102197506066660'];
const NAMES_ALL = ['张三丰', '李梅', '王强', '李建国', '刘小军', '孙秘', '陈一鸣', '周二虎', '吴六顺'];
const PHONES_ALL = ['13812345678', '13922223333', '13744445555', '13600001111', '13500002222', '13011112222',
  '13133334444', '18600006666'];
const ADDR_ALL = ['建国路88号', '体育西路9号', '东风路3号', '张杨路7号', '春熙路1号', '望京街5号', '酒仙桥路6号', '金融街6号'];
const SEALED = ['孙秘', '510104197001015558', '川0104刑初4004号', '故意泄露国家秘密罪'];
const NOT_JING = ['李梅', '王强', '刘小军', '粤0106', '沪0115', ...SEALED];
const gen = execFileSync('sh', ['-c', `cat '${join(D, 'gen/cases.jsonl')}'`], { encoding: 'utf8', maxBuffer: 1 << 28 });
const GEN_IDS = [...new Set([...gen.matchAll(/"id_number": ?"([0-9X]{18})"/g)].map((m) => m[1]))].sort().slice(0, 40);
const GEN_PHONES = [...new Set([...gen.matchAll(/"phone": ?"(1[0-9]{10})"/g)].map((m) => m[1]))].sort().slice(0, 40);
const GEN_CASES = [...gen.matchAll(/"case_number": ?"([^"]*)"/g)].slice(0, 3).map((m) => m[1]);
assert.ok(GEN_IDS.length > 0, 'generated data has no ID numbers (the test would be vacuous)');

const PASSWORDS = { root: 'rootpassword' };
for (const u of ['spc', 'jing', 'judge1', 'judge7', 'exec', 'res', 'pub']) PASSWORDS[u] = 'password-' + u;

let failures = 0;
const fail = (m) => { console.log('FAIL: ' + m); ++failures; };
const srv = await startServer(tianping, data, ['--no-segmenter']);
try {
  const base = srv.base;
  assert.equal(srv.password, null, 'no demo logins once security.db has users');
  // Every CLI user logs in over HTTP.
  const auth = {};
  for (const [u, pw] of Object.entries(PASSWORDS)) {
    const r = await request(base, 'POST', '/api/login', { body: { user: u, password: pw } });
    assert.equal(r.status, 200, `${u} login: ${r.text}`);
    auth[u] = { headers: { Authorization: 'Bearer ' + r.json.token } };
  }
  const get = (path, opts) => request(base, 'GET', path, opts);
  const enc = encodeURIComponent;

  // Everything a user can read, with the echo of its own key removed (what it typed is not a leak).
  async function reads(opts) {
    let out = '';
    for (const k of [...CASE_KEYS, ...GEN_CASES]) {
      const r = await get('/api/cases/' + enc(k), opts);
      out += `${r.status} ${r.text.split(`case ${k} not found`).join('case <KEY> not found')}\n`;
    }
    for (const k of [...PARTY_KEYS, ...GEN_IDS.slice(0, 5)]) {
      const r = await get('/api/parties?q=' + enc(k) + '&page_size=1000', opts);
      out += `${r.status} ${r.text.split(`"query":"${k}"`).join('"query":"<KEY>"')}\n`;
    }
    for (const p of ['/api/summary', '/api/catalog', '/api/admin/users']) out += (await get(p, opts)).text + '\n';
    // The analytics module's reads: documents (checked), the cross-check, indicators by court, tags.
    for (const k of ['DOC-C1', 'DOC-C2', 'DOC-C4']) {
      const r = await get('/api/documents/' + enc(k) + '?check=1', opts);
      out += `${r.status} ${r.text.split(k).join('<KEY>')}\n`;
    }
    for (const k of ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8']) {
      const r = await get('/api/cases/' + enc(k) + '/crosscheck', opts);
      out += `${r.status} ${r.text.split(`case ${k}`).join('case <KEY>').split(`"case_id":"${k}"`).join('"case_id":"<KEY>"')}\n`;
    }
    for (const p of ['/api/indicators?by=court&from=2023-01&to=2024-12', '/api/tags']) out += (await get(p, opts)).text + '\n';
    return out;
  }
  const outputs = {};
  async function forbid(u, ...values) {
    const out = await reads(auth[u]);
    outputs[u] = out;
    for (const v of values.flat()) {
      if (out.includes(v)) fail(`${u} sees '${v}': ${out.split('\n').filter((l) => l.includes(v))[0].slice(0, 300)}`);
    }
  }
  function require(u, ...values) {
    for (const v of values.flat()) if (!outputs[u].includes(v)) fail(`${u} should see '${v}'`);
  }

  await forbid('root', IDS_ALL, NAMES_ALL, PHONES_ALL, '京0105民初1001号', GEN_IDS, '"by_province"');
  await forbid('spc', SEALED);
  require('spc', '110105199001011232', '李梅', '13812345678', '京03民终7007号', '沪0115刑初3003号');
  require('spc', '200 {"doc_id":"<KEY>"', '"findings":[', '"rows":[{"label":');  // documents and indicators were read
  await forbid('jing', NOT_JING, IDS_ALL);
  require('jing', '张三丰', '13812345678', '110105********1232', '京03民终7007号', '京0105执8008号');
  await forbid('judge1', NOT_JING, '吴六顺', '11010519800101333X', '京03民终7007号');
  require('judge1', '110105199001011232', '周二虎', '京0105执8008号');
  await forbid('judge7', NOT_JING, '吴六顺', IDS_ALL);
  require('judge7', '张三丰', '京03民终7007号');
  await forbid('exec', NOT_JING, '吴六顺', '110105199001011232', '京03民终7007号');
  require('exec', '110105198202024449', '110105********1232');
  await forbid('res', IDS_ALL, NAMES_ALL, PHONES_ALL, ADDR_ALL, SEALED, GEN_IDS, GEN_PHONES);
  require('res', '张某', '京0105民初1001号', '北京星辰科技有限公司');
  require('res', '200 {"doc_id":"<KEY>"');  // documents reach researchers, anonymised
  await forbid('pub', IDS_ALL, NAMES_ALL, PHONES_ALL, ADDR_ALL, SEALED, GEN_IDS, GEN_PHONES, 'DOC-C1', '"J1"');
  require('pub', '张某', '京0105民初1001号');

  // Invisible rows answer exactly like missing ones: same status, same body but for the key.
  async function same(u, k, m, kind) {
    const path = (x) => (kind === 'case' ? '/api/cases/' + enc(x) : '/api/parties?q=' + enc(x));
    const a = await get(path(k), auth[u]);
    const b = await get(path(m), auth[u]);
    if (a.status !== b.status || a.text.split(k).join('K') !== b.text.split(m).join('K'))
      fail(`${u} ${kind} ${k} differs from missing ${m}: ${a.status} ${a.text.slice(0, 200)} vs ${b.status} ${b.text.slice(0, 200)}`);
  }
  for (const u of ['root', 'jing', 'judge1', 'judge7', 'res', 'pub']) {
    await same(u, 'C4', 'C4X', 'case');
    await same(u, '（2023）川0104刑初4004号', '（2023）川0104刑初4999号', 'case');
    await same(u, '孙秘', '孙秘秘', 'party');
  }
  for (const u of ['jing', 'judge1', 'judge7']) {
    await same(u, 'C2', 'C2X', 'case');
    await same(u, '（2023）粤0106民初2002号', '（2023）粤0106民初2999号', 'case');
    await same(u, '李梅', '李梅梅', 'party');
  }
  await same('judge1', 'C7', 'C7X', 'case');
  await same('pub', 'C1', 'C1X', 'case');
  let r = await get('/api/cases/C4', auth.jing);
  assert.equal(r.status, 404);
  assert.deepEqual(r.json, { error: { code: 'not_found', message: 'case C4 not found' } });
  // The chain stops at an invisible case.
  r = await get('/api/cases/C1', auth.judge1);
  assert.deepEqual(r.json.chain.map((n) => n.case_id), ['C1']);
  r = await get('/api/cases/C8', auth.jing);
  assert.equal(r.json.case.derived_from, undefined, 'jing: C8 still links to out-of-scope C3');
  r = await get('/api/cases/C8', auth.spc);
  assert.ok(r.text.includes('沪0115刑初3003号'), 'spc: C8 links to C3');
  // The HTTP body is the CLI's JSON, byte for byte.
  for (const [u, k] of [['jing', 'C1'], ['res', '（2023）京0105民初1001号'], ['exec', 'C8']]) {
    const body = (await get('/api/cases/' + enc(k), auth[u])).text;
    assert.equal(body, cli('case', k, '--as', u, '--format', 'json').trim(), `${u} case ${k}: HTTP differs from CLI`);
  }
  // Researchers and the public cannot probe an ID number or a real name; small matches are withheld.
  for (const u of ['res', 'pub']) {
    for (const k of ['110105199001011232', '张三丰', ...GEN_IDS.slice(0, 3)]) {
      r = await get('/api/parties?q=' + enc(k), auth[u]);
      if (r.json.items.length > 0) fail(`${u} party lookup by '${k}' returned rows`);
    }
    r = await get('/api/parties?q=' + enc('北京星辰科技有限公司'), auth[u]);
    assert.equal(r.json.suppressed, true, `${u}: 3 matches are below the minimum cell`);
    assert.equal(r.json.total, null);
    assert.deepEqual(r.json.items, []);
  }
  r = await get('/api/parties?q=' + enc('北京星辰科技有限公司'), auth.spc);
  assert.equal(r.json.total, 3);
  assert.deepEqual(r.json.items.map((i) => i.case_id), ['C1', 'C7', 'C8']);
  // The summary counts the caller's visible cases: the administrator none (403); a scoped reader its
  // courts only, as many as /api/tags counts; researcher and public never a small cell.
  assert.equal((await get('/api/summary', auth.root)).status, 403);
  const counts = (o) => Object.values(o).filter((v) => v !== null);
  for (const u of ['spc', 'jing', 'judge1', 'res', 'pub']) {
    const sum = (await get('/api/summary', auth[u])).json;
    const tags = (await get('/api/tags', auth[u])).json;
    assert.equal(sum.cases, tags.cases, u);
    if (u === 'jing' || u === 'judge1') assert.deepEqual(Object.keys(sum.by_province), ['北京市'], u);
    if (u === 'res' || u === 'pub') {
      for (const k of ['by_category', 'by_province', 'by_year', 'closure_methods']) {
        for (const v of counts(sum[k])) assert.ok(v >= 10, `${u} sees a small cell in ${k}: ${v}`);
        // never exactly one hidden cell: it would follow from the total by subtraction
        assert.notEqual(Object.values(sum[k]).filter((v) => v === null).length, 1, `${u}: one hidden cell in ${k}`);
      }
      assert.ok(Object.values(sum.by_province).includes(null), u + ': small provinces are suppressed');
    }
    // documents is a snapshot total: only for callers who see every row (none here sees sealed cases)
    assert.equal(sum.documents, null, u);
  }

  // API keys act as their user, audited as key:<id>.
  r = await request(base, 'POST', '/api/admin/keys', { ...auth.root, body: { user: 'jing', burst: 50, rate_per_sec: 50 } });
  assert.equal(r.status, 201, r.text);
  const jingKey = { headers: { 'X-API-Key': r.json.key } };
  const keyActor = 'key:' + r.json.key_id;
  r = await get('/api/cases/' + enc('（2023）粤0106民初2002号'), jingKey);
  assert.equal(r.status, 404);
  r = await get('/api/cases/C1', jingKey);
  assert.equal(r.status, 200);
  assert.ok(r.text.includes('110105********1232') && !r.text.includes('110105199001011232'));

  // Every personal-data read is in the audit log under the caller's name, and the chain verifies.
  const audit = async (q) => (await get('/api/audit?page_size=1000&' + q, auth.root)).json.items;
  const has = (items, action, detail) => items.some((a) => a.action === action && a.detail === detail);
  // Case and party lookups write one record each: the outcome carries the query, no separate request record.
  if (has(await audit('actor=jing&action=request'), 'request', 'case=C4')) fail('case lookup audited twice');
  if (!has(await audit('actor=jing&action=read.notfound'), 'read.notfound', 'case=C4')) fail('invisible lookup not audited');
  if (!has(await audit('actor=judge1&action=read'), 'read', 'party name=周某')) fail('party read not audited (with the name masked)');
  if ((await audit('actor=judge1')).some((a) => a.detail.includes('周二虎'))) fail('audit view shows a party\'s full name');
  // The party profile writes one record per lookup: the read carries the query, no separate request record.
  if (has(await audit('actor=judge1&action=request'), 'request', 'party name=周某')) fail('party lookup audited twice');
  if (!has(await audit(`actor=${enc(keyActor)}&action=read`), 'read', 'case=C1')) fail('key read not audited as ' + keyActor);
  for (const u of Object.keys(PASSWORDS)) if (!has(await audit(`actor=${u}&action=login`), 'login', 'http from 127.0.0.1')) fail(`${u} login not audited`);
  const spcReads = (await audit('action=read')).filter((a) => a.actor === 'spc');
  assert.ok(spcReads.length > 0 && spcReads.every((a) => a.rows >= 1), 'read records carry the rows returned');
  r = await get('/api/audit?page_size=1000', auth.root);
  assert.ok(r.json.volumes.some((v) => v.actor === 'spc' && v.rows > 0));
  r = await get('/api/audit/verify', auth.root);
  assert.equal(r.json.ok, true, r.text);
  assert.ok(r.json.records > 100);
  assert.match(cli('audit', 'verify', '--as', 'root'), /^ok: /);
  for (const u of ['spc', 'jing', 'res', 'pub']) assert.equal((await get('/api/audit', auth[u])).status, 403);

  // Audited answers wait for their record (docs/api.md "Audited responses"): concurrent reads on several
  // connections are each recorded once; with the audit head unwritable a read answers 500 without the data
  // and appends nothing; afterwards the chain continues and verifies.
  const records = async () => (await get('/api/audit/verify', auth.root)).json.records;
  const n0 = await records();
  const clients = Array.from({ length: 8 }, () => makeClient(base));
  const answers = await Promise.all(Array.from({ length: 40 }, (_, i) =>
    clients[i % clients.length].request('GET', '/api/parties?q=' + enc('北京星辰科技有限公司'), auth.spc)));
  clients.forEach((c) => c.close());
  assert.ok(answers.every((a) => a.status === 200 && a.json.total === 3), 'concurrent party reads answered');
  assert.equal(await records(), n0 + 1 + 40, 'one record per concurrent read (plus the verify record)');
  // The answer is cached per caller scope, the audit is not: the same profile read through an API key of
  // the same user (same role and scope) is recorded under the key, with the same data.
  r = await request(base, 'POST', '/api/admin/keys', { ...auth.root, body: { user: 'spc', burst: 50, rate_per_sec: 50 } });
  const spcKey = { headers: { 'X-API-Key': r.json.key } };
  const viaKey = await get('/api/parties?q=' + enc('北京星辰科技有限公司'), spcKey);
  assert.equal(viaKey.text, answers[0].text, 'same scope, same answer');
  if (!has(await audit(`actor=${enc('key:' + r.json.key_id)}&action=read`), 'read', 'party name=北京星辰科技有限公司'))
    fail('cached party answer not audited under the second caller');
  const n1 = n0 + 1 + 40 + 4;  // + the verify, the key creation, the keyed read and the audit query
  mkdirSync(join(data, 'audit.head.tmp'));
  r = await get('/api/parties?q=' + enc('北京星辰科技有限公司'), auth.spc);
  assert.equal(r.status, 500, r.text);
  assert.equal(r.json.error.code, 'audit_failed', r.text);
  assert.ok(!r.text.includes('C1') && !r.text.includes('items'), 'no data without a durable record: ' + r.text);
  r = await get('/api/cases/C1', auth.spc);
  assert.equal(r.status, 500);
  assert.ok(!r.text.includes('110105199001011232'));
  rmdirSync(join(data, 'audit.head.tmp'));
  r = await get('/api/audit/verify', auth.root);
  assert.equal(r.json.ok, true, r.text);
  assert.equal(r.json.records, n1, 'the failed reads appended nothing');
  r = await get('/api/admin/endpoints', auth.root);
  assert.ok(r.json.audit_writer.records >= 40 && r.json.audit_writer.failed >= 2, JSON.stringify(r.json.audit_writer));

  // One user system: a user added with `tianping user add` while the service runs logs in at once, and a
  // role change on the command line applies to the open session.
  execFileSync(tianping, ['user', 'add', 'late', '--role', 'judge', '--scope', 'court:京0105', '--judge-id', 'J1',
    '--as', 'root', '--data', data], { input: 'password-late\n' });
  r = await request(base, 'POST', '/api/login', { body: { user: 'late', password: 'password-late' } });
  assert.equal(r.status, 200, r.text);
  const late = { headers: { Authorization: 'Bearer ' + r.json.token } };
  assert.ok((await get('/api/cases/C1', late)).text.includes('110105199001011232'), 'own case in full');
  cli('user', 'role', 'late', 'public', '--as', 'root');
  r = await get('/api/cases/' + enc('（2023）京0105民初1001号'), late);
  assert.ok(!r.text.includes('110105199001011232') && r.text.includes('张某'), 'role change applies to the session');
  r = await get('/api/admin/users', auth.root);
  assert.deepEqual(r.json.items.map((u) => u.name), cli('user', 'list', '--as', 'root', '--format', 'csv')
    .trim().split('\n').slice(1).map((l) => l.split(',')[0]));

  // Graceful shutdown with audited reads waiting for their commit: SIGTERM → exit 0, every answer that
  // arrived (200) has its record, and the chain verifies afterwards.
  const verified = () => Number(/^ok: (\d+) records/.exec(cli('audit', 'verify', '--as', 'root'))[1]);
  const r0 = verified();
  const last = Array.from({ length: 8 }, () => makeClient(base));
  const inflight = Array.from({ length: 64 }, (_, i) =>
    last[i % last.length].request('GET', '/api/parties?q=' + enc('北京星辰科技有限公司'), auth.spc).catch(() => null));
  await new Promise((res) => setTimeout(res, 5));
  assert.equal(await srv.stop(), 0, 'exit code after SIGTERM with reads in flight');
  const got = await Promise.all(inflight);
  last.forEach((c) => c.close());
  const answered = got.filter((a) => a && a.status === 200).length;
  const r1 = verified();  // ok: …, or cli() throws (exit 5)
  assert.ok(r1 - r0 >= answered, `${answered} answers but ${r1 - r0} records`);
  console.log(`shutdown: ${answered} of 64 in-flight reads answered, ${r1 - r0} records`);
} catch (e) {
  ++failures;
  console.error(e);
  console.error('server stderr:\n' + srv.stderr());
} finally {
  closeConnections();
  await srv.stop();
  if (!process.env.KEEP) removeDir(D);
  else console.log('kept ' + D);
}
if (failures) {
  console.log(`${failures} failure(s)`);
  process.exit(1);
}
console.log('security http e2e: all checks passed');
