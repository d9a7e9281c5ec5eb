// HTTP end-to-end test of snapshot reload (ctest: snapshot_reload_e2e): a running `tianping serve` follows
// the store's commits without a restart. Two thirds of a generated dataset are ingested, the service is
// started; the CLI ingests the rest — counts, indicators, ETags and cases change; `tianping rollback` —
// they go back; a CURRENT naming a missing snapshot — the old snapshot keeps serving and the failure is
// reported, until CURRENT is repaired. docs/api.md "Snapshot reload".
// usage: node snapshot_reload_e2e.mjs <path to tianping>
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDataset, startServer, runServerTest } from './lib/server.mjs';
import { makeClient } from './lib/http_client.mjs';

const tianping = process.argv[2];
const dir = generateDataset(tianping, 3000, 11);
const lines = readFileSync(join(dir, 'cases.jsonl'), 'utf8').trim().split('\n');
writeFileSync(join(dir, 'part1.jsonl'), lines.slice(0, 2000).join('\n') + '\n');
writeFileSync(join(dir, 'part2.jsonl'), lines.slice(2000).join('\n') + '\n');
// A case only in part 2 that the analyst may read (not sealed).
const late = JSON.parse(lines.slice(2000).find((l) => !JSON.parse(l).sealed)).case_id;
const data = join(dir, 'store');
const cli = (...args) => execFileSync(tianping, args, { stdio: ['ignore', 'pipe', 'pipe'] }).toString();
cli('ingest', '--quiet', '--data', data, join(dir, 'part1.jsonl'));
const srv = await startServer(tianping, data, ['--reload-interval', '0.2']);
const c = makeClient(srv.base);
await runServerTest('snapshot reload e2e', srv, dir, async () => {
  let r = await c.request('POST', '/api/login', { body: { user: 'analyst', password: srv.analystPassword } });
  assert.equal(r.status, 200, r.text);
  const analyst = { Cookie: r.headers['set-cookie'][0].split(';')[0] };
  r = await c.request('POST', '/api/login', { body: { user: 'admin', password: srv.password } });
  assert.equal(r.status, 200, r.text);
  const admin = { Cookie: r.headers['set-cookie'][0].split(';')[0] };
  const get = (path, headers = {}) => c.get(path, { headers: { ...analyst, ...headers } });
  // Waits until the service answers from a snapshot other than `from` (the poll runs every 0.2 s).
  const nextSnapshot = async (from) => {
    for (let i = 0; i < 600; ++i) {
      const h = (await c.get('/api/health')).json;
      if (h.snapshot !== from) return h.snapshot;
      await new Promise((res) => setTimeout(res, 50));
    }
    throw new Error(`service still serves snapshot ${from} after 30 s:\n${srv.stderr()}`);
  };
  const ind = '/api/indicators?names=close_rate&by=province&from=2020-01&to=2024-12';

  // Snapshot 1: 2000 cases.
  r = await c.get('/api/health');
  assert.equal(r.json.snapshot, 1);
  assert.equal(r.json.snapshot_reload_failing, false);
  assert.equal(r.headers['x-tianping-snapshot'], '1');
  const tags1 = await get('/api/tags');
  assert.equal(tags1.status, 200, tags1.text);
  assert.equal(tags1.headers['x-tianping-snapshot'], '1');
  const ind1 = await get(ind);
  assert.equal(ind1.status, 200, ind1.text);
  assert.equal(ind1.json.snapshot, 1);
  assert.ok(ind1.headers.etag);
  assert.equal((await get(ind, { 'If-None-Match': ind1.headers.etag })).status, 304);
  assert.equal((await get('/api/cases/' + late)).status, 404);
  const status1 = (await get('/api/snapshot')).json;
  assert.equal(status1.snapshot, 1);
  assert.equal(status1.reload.ok, true);

  // The CLI ingests the other 1000 cases: the service follows without a restart.
  cli('ingest', '--quiet', '--data', data, '--as', 'admin', join(dir, 'part2.jsonl'));
  assert.equal(await nextSnapshot(1), 2);
  const tags2 = await get('/api/tags');
  assert.equal(tags2.headers['x-tianping-snapshot'], '2');
  assert.ok(tags2.json.cases > tags1.json.cases, `cases ${tags1.json.cases} → ${tags2.json.cases}`);
  const cliTags = JSON.parse(cli('tags', '--data', data, '--as', 'analyst', '--format', 'json'));
  assert.equal(tags2.json.cases, cliTags.cases, 'tags over HTTP = the CLI over the new snapshot');
  const ind2 = await get(ind, { 'If-None-Match': ind1.headers.etag });
  assert.equal(ind2.status, 200, 'the old ETag no longer matches');
  assert.equal(ind2.json.snapshot, 2);
  assert.notEqual(ind2.headers.etag, ind1.headers.etag);
  const total = (j) => j.rows.reduce((n, row) => n + (row.cells[0].denominator ?? 0), 0);
  assert.ok(total(ind2.json) > total(ind1.json), 'more closed cases counted');
  r = await get('/api/cases/' + late);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.headers['x-tianping-snapshot'], '2');

  // Rollback to snapshot 1 commits snapshot 3 with its content: the counts go back.
  cli('rollback', '--data', data, '--as', 'admin', '--to', '1');
  assert.equal(await nextSnapshot(2), 3);
  const tags3 = await get('/api/tags');
  assert.equal(tags3.json.cases, tags1.json.cases);
  assert.deepEqual(tags3.json.items, tags1.json.items);
  const ind3 = await get(ind);
  assert.equal(ind3.json.snapshot, 3);
  assert.deepEqual(ind3.json.rows, ind1.json.rows);
  assert.notEqual(ind3.headers.etag, ind1.headers.etag, 'a new snapshot, a new ETag');
  assert.equal((await get('/api/cases/' + late)).status, 404);

  // A CURRENT naming a snapshot that does not exist: the service keeps snapshot 3, reports the failure
  // (the error text to administrators only), and recovers when CURRENT is repaired.
  const current = readFileSync(join(data, 'CURRENT'), 'utf8');
  writeFileSync(join(data, 'CURRENT'), '999 00000000\n');
  let health;
  for (let i = 0; i < 600; ++i) {
    health = (await c.get('/api/health')).json;
    if (health.snapshot_reload_failing) break;
    await new Promise((res) => setTimeout(res, 50));
  }
  assert.equal(health.snapshot_reload_failing, true, 'failed reload reported in /api/health');
  assert.equal(health.snapshot, 3);
  const tagsBroken = await get('/api/tags');
  assert.equal(tagsBroken.status, 200);
  assert.equal(tagsBroken.json.cases, tags3.json.cases, 'the old snapshot keeps serving');
  const st = (await get('/api/snapshot')).json;
  assert.equal(st.reload.ok, false);
  assert.ok(st.reload.failures >= 1);
  assert.equal(st.reload.error, undefined, 'load errors (server paths) only for administrators');
  const stAdmin = (await c.get('/api/snapshot', { headers: admin })).json;
  assert.ok(stAdmin.reload.error, 'administrators see the load error');
  assert.match(srv.stderr(), /loading the new store snapshot failed/);
  writeFileSync(join(data, 'CURRENT'), current);
  for (let i = 0; i < 600 && (await c.get('/api/health')).json.snapshot_reload_failing; ++i)
    await new Promise((res) => setTimeout(res, 50));
  assert.equal((await c.get('/api/health')).json.snapshot_reload_failing, false);
  assert.equal((await get('/api/snapshot')).json.snapshot, 3);
}, () => c.close());
