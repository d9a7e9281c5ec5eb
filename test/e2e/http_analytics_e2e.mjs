// HTTP end-to-end test of the analytics endpoints through the real binary (ctest: http_analytics_e2e):
// indicators (against `tianping indicators`), drill-down, the response cache (ETag, 304), tags (against
// `tianping tags`), the warning centre (every alert carries evidence that holds), documents, the
// document checker (against `tianping doc check`) and the case cross-check.
// usage: node http_analytics_e2e.mjs <path to tianping>
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDataset, startServer, runServerTest } from './lib/server.mjs';
import { makeClient, assertError } from './lib/http_client.mjs';

const tianping = process.argv[2];
const CASES = 3000;
const dir = generateDataset(tianping, CASES, 11);
execFileSync(tianping, ['ingest', '--data', dir, join(dir, 'cases.jsonl'), join(dir, 'documents.jsonl')], { stdio: ['ignore', 'ignore', 'inherit'] });
const cli = (...args) => execFileSync(tianping, args, { maxBuffer: 1 << 28 }).toString();
const srv = await startServer(tianping, dir);
const c = makeClient(srv.base);
await runServerTest('http analytics e2e', srv, dir, async () => {
  const login = async (user, password) => {
    const r = await c.request('POST', '/api/login', { body: { user, password } });
    assert.equal(r.status, 200, r.text);
    return { headers: { Cookie: r.headers['set-cookie'][0].split(';')[0] } };
  };
  // The demo analyst (spc_analyst, nation) reads; the demo admin manages users and reads no case data.
  const admin = await login('admin', srv.password);
  const auth = await login('analyst', srv.analystPassword);
  const get = (path, headers = {}) => c.get(path, { headers: { ...auth.headers, ...headers } });
  const getAs = (who, path) => c.get(path, who);
  let r;

  // Catalogue = `tianping indicators --list`.
  r = await get('/api/indicators/catalog');
  assert.equal(r.status, 200, r.text);
  const listed = cli('indicators', '--list').trim().split('\n').map((l) => l.split('\t')[1]);
  assert.deepEqual(r.json.items.map((d) => d.id), listed);
  const { default_from: from, default_to: to } = r.json;
  assert.match(from, /^\d{4}-01$/);

  // Indicators by province = the CLI over the same store, cell by cell.
  const compare = (api, cliJson) => {
    assert.equal(api.rows.length, cliJson.rows.length);
    for (let i = 0; i < api.rows.length; ++i) {
      const a = api.rows[i], b = cliJson.rows[i];
      assert.equal(a.key[api.dims[0]], b[cliJson.dims[0]]);
      for (const cell of a.cells) {
        const def = api.indicators.find((d) => d.id === cell.id);
        const ref = b.indicators[def.name];
        assert.ok(ref, `CLI row lacks ${def.name}`);
        assert.equal(cell.numerator, ref.numerator, `${a.label} ${def.name} numerator`);
        if (ref.denominator != null) assert.equal(cell.denominator, ref.denominator);
        assert.equal(cell.in_range, ref.in_range ?? null);
        if (ref.value == null) assert.equal(cell.value, null);
        else assert.ok(Math.abs(cell.value - ref.value) < 1e-3, `${a.label} ${def.name}: ${cell.value} vs ${ref.value}`);
      }
    }
  };
  const names = 'close_rate,mediation_rate,average_duration';
  r = await get(`/api/indicators?names=${names}&from=${from}&to=${to}`);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.level, 'province');
  assert.equal(r.json.next_level, 'region');
  const byProvince = r.json;
  // The analyst's clearance (重要) does not reach sealed cases (核心): they are not counted.
  compare(byProvince, JSON.parse(cli('indicators', '--data', dir, '--as', 'analyst', '--names', names, '--by', 'province', '--from', from, '--to', to, '--where', 'not sealed', '--format', 'json')));
  // The cached answer: same bytes, an ETag, 304 on If-None-Match.
  const etag = r.headers.etag;
  assert.ok(etag, 'cached answers carry an ETag');
  const again = await get(`/api/indicators?names=${names}&from=${from}&to=${to}`);
  assert.equal(again.text, r.text);
  assert.equal(again.headers.etag, etag);
  assert.equal((await get(`/api/indicators?names=${names}&from=${from}&to=${to}`, { 'If-None-Match': etag })).status, 304);
  r = await get(`/api/indicators?names=${names}&from=${from}&to=${to}`, { 'Accept-Encoding': 'gzip' });
  assert.equal(r.headers['content-encoding'], 'gzip');
  assert.equal(r.text, again.text);

  // Drill-down province → region → court → judge, each level = the CLI's --drill.
  const busiest = [...byProvince.rows].sort((a, b) => b.cells[0].denominator - a.cells[0].denominator)[0];
  let drill = busiest.drill;
  assert.equal(drill, 'province=' + busiest.key.province);
  for (const level of ['region', 'court', 'judge']) {
    r = await get(`/api/indicators?names=${names}&from=${from}&to=${to}&drill=${encodeURIComponent(drill)}`);
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.level, level);
    assert.ok(r.json.rows.length > 0, `no rows at ${level}`);
    compare(r.json, JSON.parse(cli('indicators', '--data', dir, '--as', 'analyst', '--names', names, '--from', from, '--to', to, '--drill', drill, '--where', 'not sealed', '--format', 'json')));
    if (level === 'judge') { assert.equal(r.json.next_level, ''); assert.equal(r.json.rows[0].drill, null); break; }
    const next = [...r.json.rows].sort((a, b) => b.cells[0].denominator - a.cells[0].denominator)[0];
    drill = next.drill;
    assert.equal(drill, `${level}=${next.key[level]}`);
  }
  assertError(await get('/api/indicators?names=no_such'), 404, 'not_found');
  assertError(await get('/api/indicators?from=2024-13'), 400, 'invalid_argument');
  assertError(await get('/api/indicators?drill=judge=x'), 400, 'invalid_argument');
  assertError(await get('/api/indicators?where=closur%20=%201'), 400, 'parse_error');

  // Tags = `tianping tags` for a 核心 clearance (sealed cases included); fewer or equal for the analyst.
  r = await c.request('POST', '/api/admin/users', { ...admin, body: { name: 'core', password: 'pw-core-123456', role: 'spc_analyst', scope: 'nation', clearance: '核心' } });
  assert.equal(r.status, 201, r.text);
  const core = await login('core', 'pw-core-123456');
  r = await getAs(core, '/api/tags');
  assert.equal(r.status, 200, r.text);
  const tags = JSON.parse(cli('tags', '--data', dir, '--as', 'core', '--format', 'json'));
  assert.equal(r.json.cases, CASES);
  assert.deepEqual(r.json.items.map((t) => [t.name, t.count]), tags.tags.map((t) => [t.name, t.cases]));
  const sealed = readFileSync(join(dir, 'cases.jsonl'), 'utf8').split('"is_sealed":true').length - 1;
  const analystTags = (await get('/api/tags')).json;
  assert.equal(analystTags.cases, CASES - sealed);
  analystTags.items.forEach((t, i) => assert.ok(t.count <= tags.tags[i].cases && t.count >= tags.tags[i].cases - sealed));

  // Warnings: every alert has evidence that holds against the data.
  // min_cases=1: the 3,000 generated cases leave few courts with 30 cases in a year (the default).
  assert.equal((await get('/api/warnings?page_size=1000')).json.summary.indicator, 0);
  r = await get('/api/warnings?page_size=1000&min_cases=1');
  assert.equal(r.status, 200, r.text);
  const w = r.json;
  assert.ok(w.summary.indicator > 0);
  assert.equal(w.total, w.items.length);
  assert.equal(w.summary['红'] + w.summary['黄'], w.total);
  assert.equal(w.summary.indicator + w.summary.tag, w.total);
  assert.ok(w.summary.tag > 0, 'the generator plants overdue and long-pending cases');
  const allCases = readFileSync(join(dir, 'cases.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const caseCourt = new Map(allCases.map((x) => [x.case_id, x.court_code]));
  // A court's cases filed or closed in the period, sealed ones excluded: the indicator alerts' court_cases.
  const inPeriod = (d) => d && d.slice(0, 7) >= from && d.slice(0, 7) <= to;
  const periodCases = new Map();
  for (const x of allCases)
    if (!x.is_sealed && (inPeriod(x.filed_date) || inPeriod(x.closed_date))) periodCases.set(x.court_code, (periodCases.get(x.court_code) || 0) + 1);
  const catalog = (await get('/api/indicators/catalog')).json.items;
  for (const a of w.items) {
    assert.ok(['红', '黄'].includes(a.level));
    if (a.kind === 'indicator') {
      const def = catalog.find((d) => d.name === a.subject);
      const e = a.evidence;
      assert.ok((e.range_low != null && e.value < e.range_low) || (e.range_high != null && e.value > e.range_high), JSON.stringify(a));
      assert.equal(e.court_cases, periodCases.get(a.court_code), `${a.court_code} cases in the period`);
      if (e.denominator > 0) assert.ok(Math.abs(e.value - e.numerator / e.denominator * def.scale) < 1e-2 * Math.max(1, Math.abs(e.value)), JSON.stringify(a));
    } else {
      assert.ok(a.evidence.count >= 3 && a.evidence.count <= a.evidence.court_cases);
      assert.ok(a.evidence.sample_case_ids.length > 0);
      for (const id of a.evidence.sample_case_ids) assert.equal(caseCourt.get(id), a.court_code, `${id} is a case of ${a.court_code}`);
    }
  }
  // Each court's 超审限 count adds up to no more than the tag's national count.
  const odTotal = w.items.filter((a) => a.subject === '超审限').reduce((n, a) => n + a.evidence.count, 0);
  assert.ok(odTotal <= tags.tags.find((t) => t.name === '超审限').cases);
  r = await get('/api/warnings?kind=tag&level=红&page_size=5');
  assert.ok(r.json.items.every((a) => a.kind === 'tag' && a.level === '红'));
  assertError(await get('/api/warnings?kind=nope'), 400, 'invalid_argument');

  // Documents: a stored document, checked = `tianping doc check` on the same text.
  const docs = readFileSync(join(dir, 'documents.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const doc = docs[0];
  r = await get('/api/documents/' + encodeURIComponent(doc.doc_id) + '?check=1');
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.text, doc.text);
  assert.equal(r.json.case_id, doc.case_id);
  const textFile = join(dir, 'doc.txt');
  let planted = null;
  for (const d of docs.slice(0, 200)) {  // a document with findings
    writeFileSync(textFile, d.text);
    const out = JSON.parse(cli('doc', 'check', textFile, '--format', 'json', '--quiet').trim().split('\n')[0]);
    if (out.findings.length > 0) { planted = { d, out }; break; }
  }
  assert.ok(planted, 'some generated document has findings');
  r = await c.request('POST', '/api/documents/check', { ...auth, body: { text: planted.d.text } });
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.json.findings, planted.out.findings);
  for (const f of r.json.findings) assert.equal([...planted.d.text].slice(f.char_start, f.char_end).join(''), f.text);
  r = await c.request('POST', '/api/documents/check', { headers: { ...auth.headers, 'Content-Type': 'text/plain' }, body: planted.d.text });
  assert.equal(r.json.count, planted.out.findings.length);
  assertError(await c.request('POST', '/api/documents/check', { ...auth, body: { nope: 1 } }), 400, 'invalid_argument');
  assertError(await get('/api/documents/no-such-doc'), 404, 'not_found');

  // Cross-check of one case = `tianping doc crosscheck` restricted to it.
  const all = cli('doc', 'crosscheck', '--cases', join(dir, 'cases.jsonl'), '--documents', join(dir, 'documents.jsonl'), '--format', 'json', '--quiet')
    .trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const target = all.length ? all[0].case_id : doc.case_id;
  r = await get('/api/cases/' + encodeURIComponent(target) + '/crosscheck');
  assert.equal(r.status, 200, r.text);
  const mine = all.filter((m) => m.case_id === target).map((m) => [m.doc_id, m.field, m.structured, m.document]);
  const got = r.json.documents.flatMap((d) => d.mismatches.map((m) => [d.doc_id, m.field, m.structured, m.document]));
  assert.deepEqual(got.sort(), mine.sort());
  assertError(await get('/api/cases/no-such-case/crosscheck'), 404, 'not_found');

  // Security: the admin role reads no case data; a province-scoped analyst sees only its province, with
  // answers cached per scope; a researcher gets small cells suppressed and documents anonymised.
  assertError(await getAs(admin, '/api/indicators'), 403, 'permission_denied');
  for (const [name, role, scope] of [['yue', 'high_court_analyst', 'province:粤'], ['res', 'researcher', 'nation']]) {
    r = await c.request('POST', '/api/admin/users', { ...admin, body: { name, password: 'pw-' + name + '-123456', role, scope } });
    assert.equal(r.status, 201, r.text);
  }
  const yue = await login('yue', 'pw-yue-123456');
  const res = await login('res', 'pw-res-123456');
  const target0 = `/api/indicators?names=${names}&from=${from}&to=${to}`;
  r = await getAs(yue, target0);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.scope, 'scoped');
  assert.deepEqual(r.json.rows.map((x) => x.label), ['广东省']);
  assert.deepEqual(r.json.rows[0].cells, byProvince.rows.find((x) => x.label === '广东省').cells);
  assert.notEqual(r.headers.etag, etag, 'a scoped answer is cached apart from the national one');
  r = await getAs(yue, `/api/indicators?names=${names}&from=${from}&to=${to}&drill=${encodeURIComponent('province=浙江省')}`);
  assert.equal(r.json.rows.length, 0);
  r = await getAs(yue, '/api/warnings?page_size=1000&min_cases=1');
  assert.ok(r.json.items.every((a) => a.province === '广东省'));
  assert.equal(r.json.total, w.items.filter((a) => a.province === '广东省').length);
  r = await getAs(yue, '/api/tags');
  assert.ok(r.json.cases > 0 && r.json.cases < CASES);
  // Researcher: cells whose numerator or denominator counts fewer than 10 are withheld; others equal the analyst's.
  const byCourt = `/api/indicators?names=close_rate&by=court&from=${from}&to=${to}`;
  const full = (await get(byCourt)).json, anon = (await getAs(res, byCourt)).json;
  assert.equal(anon.min_cell, 10);
  assert.equal(anon.rows.length, full.rows.length);
  let hidden = 0;
  anon.rows.forEach((row, i) => {
    const a = row.cells[0], f = full.rows[i].cells[0];
    const small = (n) => n != null && Number.isInteger(n) && n > 0 && n < 10;
    if (small(f.numerator) || small(f.denominator)) {
      ++hidden;
      assert.equal(a.suppressed, true);
      assert.equal(a.value, null);
      assert.equal(a.numerator, null);
      assert.equal(a.display, '<10');
    } else {
      assert.deepEqual(a, f);
    }
  });
  assert.ok(hidden > 0, 'small courts exist in 3,000 cases');
  // Documents reach a researcher anonymised: no natural person's name of the case stays in the text.
  const cases = new Map(readFileSync(join(dir, 'cases.jsonl'), 'utf8').trim().split('\n').map((l) => [JSON.parse(l).case_id, JSON.parse(l)]));
  const named = docs.find((d) => (cases.get(d.case_id)?.parties || []).some((p) => p.kind === '自然人' && d.text.includes(p.name)));
  const person = cases.get(named.case_id).parties.find((p) => p.kind === '自然人' && named.text.includes(p.name)).name;
  r = await getAs(res, '/api/documents/' + encodeURIComponent(named.doc_id));
  assert.equal(r.status, 200, r.text);
  assert.ok(!r.json.text.includes(person), `researcher sees ${person}`);
  assert.ok((await get('/api/documents/' + encodeURIComponent(named.doc_id))).json.text.includes(person));
  // Reads of documents are audited under the reader's name.
  r = await getAs(admin, '/api/audit?action=read&page_size=1000');
  assert.equal(r.status, 200, r.text);
  assert.ok(r.json.items.some((a) => a.actor === 'analyst' && a.object === 'document ' + doc.doc_id), 'analyst document read audited');
  assert.ok(r.json.items.some((a) => a.actor === 'res' && a.object === 'document ' + named.doc_id));

  // Every new endpoint is in the registry and the OpenAPI document.
  const openapi = (await c.get('/api/openapi.json')).json;
  for (const p of ['/api/indicators', '/api/indicators/catalog', '/api/tags', '/api/warnings', '/api/documents/{doc_id}', '/api/cases/{id}/crosscheck'])
    assert.ok(openapi.paths[p]?.get, 'OpenAPI lacks GET ' + p);
  assert.ok(openapi.paths['/api/documents/check']?.post);
}, () => c.close());
