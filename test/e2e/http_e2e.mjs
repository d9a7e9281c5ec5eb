// HTTP end-to-end test through the real binary on a loopback port (ctest: http_e2e).
// usage: node http_e2e.mjs <path to tianping>
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDataset, startServer, runServerTest } from './lib/server.mjs';
import { request, closeConnections } from './lib/http.mjs';

const tianping = process.argv[2];
const CASES = 2000;

function assertError(r, status, code) {
  assert.equal(r.status, status, `${status} expected, got ${r.status}: ${r.text}`);
  assert.ok(r.json && r.json.error, 'error body: ' + r.text);
  assert.equal(r.json.error.code, code);
  assert.equal(typeof r.json.error.message, 'string');
  assert.ok(r.json.error.message.length > 0);
}

const sum = (o) => Object.values(o).reduce((a, b) => a + b, 0);

const dir = generateDataset(tianping, CASES);
const accessLog = join(dir, 'access.jsonl');
const srv = await startServer(tianping, dir, ['--access-log', accessLog]);
await runServerTest('http e2e', srv, dir, async () => {
  const get = (path, opts) => request(srv.base, 'GET', path, opts);
  // Health is public; everything with data needs a login.
  let r = await get('/api/health');
  assert.equal(r.status, 200);
  assert.equal(r.json.status, 'ok');
  assert.equal(r.json.dataset, true);
  assertError(await get('/api/summary'), 401, 'unauthenticated');
  assertError(await get('/api/ref/courts'), 401, 'unauthenticated');
  assertError(await get('/api/summary', { headers: { Cookie: 'tp_session=forged' } }), 401, 'unauthenticated');

  // Login: wrong password, then the generated one.
  assertError(await request(srv.base, 'POST', '/api/login', { body: { user: 'admin', password: 'wrong' } }), 401, 'unauthenticated');
  assertError(await request(srv.base, 'POST', '/api/login', { body: 'not json' }), 400, 'invalid_argument');
  r = await request(srv.base, 'POST', '/api/login', { headers: { Cookie: 'tp_session=stale' }, body: { user: 'admin', password: srv.password } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.role, 'admin');
  const cookie = r.headers['set-cookie'][0].split(';')[0];
  assert.match(cookie, /^tp_session=[0-9a-f]{64}$/);
  const adminAuth = { headers: { Cookie: cookie } };
  r = await get('/api/me', adminAuth);
  assert.equal(r.json.user, 'admin');
  assert.equal(r.json.reads_cases, false);
  // The administrator reads no case data, not even the national summary (grade 一般-2 > its 一般-1).
  assertError(await get('/api/summary', adminAuth), 403, 'permission_denied');
  // The demo analyst (spc_analyst, nation) does: the data endpoints below run as the analyst.
  r = await request(srv.base, 'POST', '/api/login', { body: { user: 'analyst', password: srv.analystPassword } });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.role, 'spc_analyst');
  assert.equal(r.json.scope, 'nation');
  assert.equal(r.json.clearance, '重要');
  const analystCookie = r.headers['set-cookie'][0].split(';')[0];
  const auth = { headers: { Cookie: analystCookie } };

  // Summary over the analyst's visible cases (nation, no sealed cases at 重要 clearance): the counts add up,
  // equal the CLI's `summarize` minus the sealed cases, and the tag endpoint's count of visible cases.
  r = await get('/api/summary', auth);
  assert.equal(r.status, 200);
  const summary = r.json;
  const lines = readFileSync(join(dir, 'cases.jsonl'), 'utf8').split('\n').filter((l) => l.trim());
  const sealed = lines.filter((l) => JSON.parse(l).is_sealed).length;
  assert.equal(summary.cases, CASES - sealed);
  assert.equal(summary.closed + summary.pending, summary.cases);
  assert.equal(sum(summary.by_province), summary.cases);
  assert.equal(sum(summary.by_category), summary.cases);
  assert.equal(sum(summary.by_year), summary.cases);
  assert.equal(sum(summary.closure_methods) + summary.pending, summary.cases);
  assert.equal(summary.documents, null, 'documents are counted per snapshot: not for a caller who misses sealed cases');
  assert.equal((await get('/api/tags', auth)).json.cases, summary.cases);
  const cli = JSON.parse(execFileSync(tianping, ['summarize', '--in', dir, '--format', 'json']).toString());
  for (const key of ['by_category', 'by_province', 'by_year', 'closure_methods']) {
    const ours = summary[key];
    let missing = 0;
    for (const [k, n] of Object.entries(cli[key])) {
      assert.ok((ours[k] ?? 0) <= n, `${key}.${k}: ${ours[k]} > ${n}`);
      missing += n - (ours[k] ?? 0);
    }
    assert.equal(missing, sealed, `${key}: the CLI counts exactly the sealed cases more`);
  }
  assert.deepEqual(Object.keys(summary.rates), Object.keys(cli.rates));
  if (sealed === 0) for (const k of Object.keys(cli.rates)) assert.ok(Math.abs(summary.rates[k] - cli.rates[k]) < 1e-6, k);

  // gzip when accepted, identical content; plain otherwise.
  r = await get('/api/summary', { headers: { Cookie: analystCookie, 'Accept-Encoding': 'gzip' } });
  assert.equal(r.headers['content-encoding'], 'gzip');
  assert.ok(r.raw.length < Buffer.byteLength(JSON.stringify(summary)));
  assert.deepEqual(JSON.parse(r.text), summary);
  r = await get('/api/ref/courts?page_size=200', { headers: { Cookie: analystCookie, 'Accept-Encoding': 'gzip, deflate' } });
  assert.equal(r.headers['content-encoding'], 'gzip');
  assert.equal(r.json.items.length, 200);

  // Courts: filters and pagination agree with the CLI over the same reference tables.
  const cliJing = JSON.parse(execFileSync(tianping, ['ref', 'courts', '--province', '京', '--format', 'json']).toString());
  r = await get('/api/ref/courts?province=京&page_size=5&page=2', auth);
  assert.equal(r.status, 200);
  assert.equal(r.json.total, cliJing.length);
  assert.equal(r.json.page, 2);
  assert.deepEqual(r.json.items.map((c) => c.code), cliJing.slice(5, 10).map((c) => c.code));
  assert.ok(r.json.items.every((c) => c.province === '京'));
  r = await get('/api/ref/courts?level=高级&page_size=1000', auth);
  assert.equal(r.json.total, 32); // 31 provinces + 兵团
  r = await get('/api/ref/courts?q=朝阳区', auth);
  assert.ok(r.json.items.some((c) => c.name === '北京市朝阳区人民法院'));
  assertError(await get('/api/ref/courts?page_size=0', auth), 400, 'invalid_argument');
  assertError(await get('/api/ref/courts?page=abc', auth), 400, 'invalid_argument');
  assertError(await get('/api/ref/courts?level=顶级', auth), 400, 'invalid_argument');
  r = await get('/api/ref/courts/京01', auth);
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.json.superiors.map((c) => c.code), ['最高法', '京']);
  const kids = await get('/api/ref/courts?parent=京01&page_size=1000', auth);
  assert.ok(r.json.children.length > 0);
  assert.deepEqual(r.json.children.map((c) => c.code), kids.json.items.map((c) => c.code));
  assertError(await get('/api/ref/courts/不存在', auth), 404, 'not_found');
  r = await get('/api/ref/causes?category=刑事&page_size=1000', auth);
  assert.ok(r.json.total > 100);
  assert.ok(r.json.items.every((c) => c.category === '刑事'));
  r = await get('/api/ref/provinces', auth);
  assert.equal(r.json.items.length, 32);

  // 案号.
  r = await get('/api/case-number?q=（2023）京0105民初12345号', auth);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.court_name, '北京市朝阳区人民法院');
  assert.equal(r.json.type_code, '民初');
  assert.equal(r.json.year, 2023);
  assert.equal(r.json.sequence, 12345);
  assertError(await get('/api/case-number?q=（2023）京0105民x1号', auth), 400, 'parse_error');
  assertError(await get('/api/case-number', auth), 400, 'invalid_argument');

  // Segmenter (skipped without Debian's jieba dictionary: 409 failed_precondition).
  const text = '原告李某1与被告张x1民间借贷纠纷一案';
  r = await request(srv.base, 'POST', '/api/segment', { ...auth, body: { text } });
  if (r.status === 409) {
    console.log('segment: skipped (' + r.json.error.message + ')');
  } else {
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(r.json.words, ['原告', '李某1', '与', '被告', '张x1', '民间借贷纠纷', '一案']);
  }

  // Routing errors.
  assertError(await get('/api/nothing-here', auth), 404, 'not_found');
  assertError(await request(srv.base, 'DELETE', '/api/summary', auth), 405, 'method_not_allowed');

  // API keys act as a user of security.db: an analyst key with burst 3 and 0.01 tokens/s → the 4th call
  // is refused with Retry-After.
  assertError(await request(srv.base, 'POST', '/api/admin/keys', { ...auth, body: { user: 'analyst' } }), 403, 'permission_denied');
  assertError(await request(srv.base, 'POST', '/api/admin/keys', { ...adminAuth, body: { user: 'nobody' } }), 404, 'not_found');
  r = await request(srv.base, 'POST', '/api/admin/keys', { ...adminAuth, body: { user: 'analyst', rate_per_sec: 0.01, burst: 3, daily_quota: 1000 } });
  assert.equal(r.status, 201, r.text);
  const key = r.json.key;
  const keyId = r.json.key_id;
  assert.match(key, /^tpk_[0-9a-f]{12}_[0-9a-f]{48}$/);
  const withKey = { headers: { 'X-API-Key': key } };
  for (let i = 0; i < 3; ++i) assert.equal((await get('/api/summary', withKey)).status, 200);
  r = await get('/api/summary', withKey);
  assertError(r, 429, 'rate_limited');
  assert.ok(Number(r.headers['retry-after']) >= 1, 'Retry-After: ' + r.headers['retry-after']);
  assertError(await get('/api/summary', { headers: { 'X-API-Key': 'tpk_forged' } }), 401, 'unauthenticated');
  // A second key with a daily quota of 2.
  r = await request(srv.base, 'POST', '/api/admin/keys', { ...adminAuth, body: { user: 'analyst', rate_per_sec: 100, burst: 100, daily_quota: 2 } });
  const quotaKey = { headers: { 'X-API-Key': r.json.key } };
  assert.equal((await get('/api/ref/provinces', quotaKey)).status, 200);
  assert.equal((await get('/api/ref/provinces', quotaKey)).status, 200);
  r = await get('/api/ref/provinces', quotaKey);
  assertError(r, 429, 'quota_exceeded');
  assert.ok(Number(r.headers['retry-after']) >= 1);
  // Analyst keys cannot reach admin endpoints; a revoked key is refused.
  r = await request(srv.base, 'POST', '/api/admin/keys', { ...adminAuth, body: { user: 'analyst', rate_per_sec: 100, burst: 100 } });
  const third = r.json;
  assertError(await get('/api/admin/endpoints', { headers: { 'X-API-Key': third.key } }), 403, 'permission_denied');
  assert.equal((await request(srv.base, 'DELETE', '/api/admin/keys/' + third.key_id, adminAuth)).status, 200);
  assertError(await get('/api/ref/provinces', { headers: { 'X-API-Key': third.key } }), 401, 'unauthenticated');
  r = await get('/api/admin/keys', adminAuth);
  assert.deepEqual(r.json.items.map((k) => [k.user, k.daily_quota, k.revoked]),
    [['analyst', 1000, false], ['analyst', 2, false], ['analyst', 100000, true]]);
  assert.equal(r.json.items.find((k) => k.key_id === keyId).used_today, 3);
  assert.ok(!r.text.includes(key.slice(17)), 'key secrets are never listed');

  // Interface management: every endpoint with its statistics; OpenAPI lists each one.
  r = await get('/api/admin/endpoints', adminAuth);
  assert.equal(r.status, 200);
  const eps = r.json.items;
  const byName = Object.fromEntries(eps.map((e) => [e.name, e]));
  assert.ok(byName['dataset.summary'].calls >= 9, JSON.stringify(byName['dataset.summary']));
  assert.equal(byName['dataset.summary'].rate_limited, 1);
  assert.ok(byName['dataset.summary'].errors >= 3); // 401s and the 429 above
  assert.ok(byName['dataset.summary'].p99_ms >= byName['dataset.summary'].p50_ms);
  assert.equal(byName['ref.courts'].module, 'ref');
  assert.equal(byName['dataset.summary'].grade, '一般-1');  // aggregates over visible rows, like indicators
  assert.equal(byName['ref.courts'].grade, '一般-1');
  r = await get('/api/openapi.json');
  assert.equal(r.status, 200);
  assert.equal(r.json.openapi, '3.0.3');
  for (const e of eps) {
    const op = r.json.paths[e.path]?.[e.method.toLowerCase()];
    assert.ok(op, `OpenAPI lacks ${e.method} ${e.path}`);
    assert.equal(op.operationId, e.name);
  }
  assert.equal(Object.values(r.json.paths).reduce((n, p) => n + Object.keys(p).length, 0), eps.length);
  assert.ok(r.json.paths['/api/ref/courts'].get.parameters.some((p) => p.name === 'page_size'));

  // Keep-alive: consecutive requests reuse the socket.
  await get('/api/health');
  r = await get('/api/health');
  assert.equal(r.reused, true);

  // The dashboard is served (when built) with a single-page fallback.
  r = await get('/');
  if (r.status === 200) {
    assert.match(r.text, /天平/);
    assert.equal((await get('/overview')).status, 200);
  } else {
    console.log('static: web/dist not built, skipped');
  }

  // The component service: widget pages, each widget's endpoint a registered route.
  r = await get('/api/components', auth);
  if (r.json.items.length > 0) {
    assert.deepEqual(r.json.items.map((p) => p.id).sort(), ['admin', 'overview', 'warnings']);
    r = await get('/api/components/overview', auth);
    assert.equal(r.json.title, '全国概览');
    assert.ok(r.json.widgets.every((w) => eps.some((e) => e.path === w.endpoint.split('?')[0])));
  }
  assertError(await get('/api/components/nope', auth), 404, 'not_found');

  // Login attempts are throttled per address: 10 in a burst (4 were used above: wrong, malformed, admin, analyst), then 429.
  let attempts = 0;
  do {
    r = await request(srv.base, 'POST', '/api/login', { body: { user: 'admin', password: 'guess' + attempts } });
    ++attempts;
  } while (r.status === 401 && attempts < 20);
  assertError(r, 429, 'rate_limited');
  assert.equal(attempts, 7);
  assert.ok(Number(r.headers['retry-after']) >= 1);

  // Logout ends the session.
  await request(srv.base, 'POST', '/api/logout', auth);
  assertError(await get('/api/me', auth), 401, 'unauthenticated');
  assert.equal((await get('/api/me', adminAuth)).status, 200, 'other sessions stay open');
  // The access log (audit hook): one JSON line per API request, with who asked and the outcome.
  const log = readFileSync(accessLog, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.ok(log.some((l) => l.user === 'analyst' && l.endpoint === 'dataset.summary' && l.status === 200));
  assert.ok(log.some((l) => l.user === 'admin' && l.endpoint === 'dataset.summary' && l.status === 403));
  assert.ok(log.some((l) => l.user === '' && l.endpoint === 'dataset.summary' && l.status === 401));
  assert.ok(log.some((l) => l.user === 'key:' + keyId && l.status === 429));
  assert.ok(log.some((l) => l.endpoint === '' && l.status === 404 && l.target === '/api/nothing-here'));
  assert.ok(log.every((l) => l.remote === '127.0.0.1' && /^\d{4}-\d\d-\d\dT/.test(l.time)));
  assert.ok(!readFileSync(accessLog, 'utf8').includes(srv.password), 'passwords never reach the log');
  // Logins and key administration are in the security module's audit log, which verifies.
  const audit = JSON.parse(execFileSync(tianping, ['audit', 'query', '--data', dir, '--as', 'admin', '--format', 'json']).toString());
  const actions = audit.map((a) => `${a.actor} ${a.action}`);
  for (const a of ['admin login', 'analyst login', 'admin login.failed', 'admin key.create', 'admin key.revoke'])
    assert.ok(actions.includes(a), `audit lacks "${a}": ${actions.join(', ')}`);
  execFileSync(tianping, ['audit', 'verify', '--data', dir, '--as', 'admin']);
}, closeConnections);
