// Browser test of the analytics pages (ctest: browser_analytics): Debian's chromium headless via
// playwright-core against the real binary over a generated, ingested dataset. Logs in; the indicator
// explorer's chart and table equal /api/indicators and clicking a bar drills province → region → court
// → judge; the warning centre's tiles and tables equal /api/warnings; the document checker highlights
// the API's findings; the case view (by 案号) shows the API's chain; the party profile the API's cases;
// the admin's security supervision page the audit log. Screenshots: <artifact dir>/analytics-*.png.
// usage: node browser/analytics_pages.mjs <path to tianping> <artifact dir> <web dist dir>
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { generateDataset, startServer, removeDir } from '../lib/server.mjs';

const [tianping, artifacts, webDir] = process.argv.slice(2);
const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM) || !existsSync(join(webDir, 'index.html'))) {
  console.error('browser test: needs /usr/bin/chromium and a built dashboard (make build)');
  process.exit(1);
}
mkdirSync(artifacts, { recursive: true });
const dir = generateDataset(tianping, 4000, 13);
execFileSync(tianping, ['ingest', '--data', dir, join(dir, 'cases.jsonl'), join(dir, 'documents.jsonl')], { stdio: ['ignore', 'ignore', 'inherit'] });
const srv = await startServer(tianping, dir, ['--web', webDir]);
const profile = mkdtempSync(join(tmpdir(), 'tp-chromium-'));
let context;
let failed = false;
const shot = (page, name) => page.screenshot({ path: join(artifacts, `analytics-${name}.png`), fullPage: true });

try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, viewport: { width: 1440, height: 1000 }, locale: 'zh-CN',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] || (await context.newPage());
  page.on('pageerror', (e) => { console.error('page error:', e.message); failed = true; });
  const api = (path) => page.evaluate(async (p) => (await fetch(p)).json(), path);
  const ready = (route) => page.waitForSelector(`#page[data-page="${route}"][data-ready="1"]`, { timeout: 30000 });
  const chart = (id) => page.evaluate((wid) => {
    const el = document.querySelector(`[data-widget="${wid}"] .chart`);
    const o = window.echarts.getInstanceByDom(el).getOption();
    const cat = (o.yAxis && o.yAxis[0] && o.yAxis[0].type === 'category' ? o.yAxis[0] : o.xAxis && o.xAxis[0]) || {};
    return { categories: cat.data || null, data: o.series[0].data };
  }, id);
  // Clicks the bar of category `label` in the chart of widget `id`.
  const clickBar = async (id, label) => {
    const pos = await page.evaluate(([wid, lab]) => {
      const el = document.querySelector(`[data-widget="${wid}"] .chart`);
      const c = window.echarts.getInstanceByDom(el);
      const o = c.getOption();
      const horizontal = o.yAxis[0].type === 'category';
      const i = (horizontal ? o.yAxis[0] : o.xAxis[0]).data.indexOf(lab);
      const v = o.series[0].data[i];
      const [x, y] = c.convertToPixel({ seriesIndex: 0 }, horizontal ? [v / 2, i] : [i, v / 2]);
      const r = el.getBoundingClientRect();
      return { x: r.left + x, y: r.top + y };
    }, [id, label]);
    await page.mouse.click(pos.x, pos.y);
  };

  // The analyst (spc_analyst, nation) reads case data; the admin (step 6) only the audit log.
  await page.goto(srv.base + '/');
  await page.waitForSelector('#login-form');
  await page.fill('input[name=user]', 'analyst');
  await page.fill('input[name=password]', srv.analystPassword);
  await page.click('#login-form button');
  await ready('overview');

  // 1. Indicator explorer: chart and table = /api/indicators; drill by clicking bars down to judges.
  await page.click('a[data-route="indicators"]');
  await ready('indicators');
  const cat = await api('/api/indicators/catalog');
  let qs = `from=${cat.default_from}&to=${cat.default_to}`;
  let path = [];
  for (const level of ['province', 'region', 'court', 'judge']) {
    const drill = path.length ? `&drill=${encodeURIComponent(path[path.length - 1])}` : '';
    const data = await api(`/api/indicators?${qs}${drill}`);
    assert.equal(data.level, level);
    const idx = data.indicators.findIndex((d) => d.id === 'close_rate');
    const shown = await chart('indicator-chart');
    assert.deepEqual(shown.categories, data.rows.map((r) => r.label));
    assert.deepEqual(shown.data, data.rows.map((r) => r.cells[idx].value));
    const cells = await page.$$eval('#ind-table tbody td:nth-child(2)', (t) => t.map((x) => x.dataset.value));
    assert.deepEqual(cells, data.rows.map((r) => String(r.cells[idx].value ?? '')));
    await shot(page, `1-indicators-${level}`);
    if (level === 'judge') break;
    // Drill into the row with the most cases.
    const row = [...data.rows].sort((a, b) => (b.cells[idx].denominator ?? 0) - (a.cells[idx].denominator ?? 0))[0];
    await clickBar('indicator-chart', row.label);
    await page.waitForFunction((l) => document.querySelector('#ind-crumb')?.textContent.includes(l), row.key[level]);
    await ready('indicators');
    path.push(row.drill);
  }
  const crumb = await page.textContent('#ind-crumb');
  assert.ok(crumb.includes('全国') && crumb.includes('（按法官）'), crumb);
  // The breadcrumb goes back to the nation.
  await page.click('#ind-crumb a:first-child');
  await page.waitForFunction(() => document.querySelector('#ind-crumb')?.textContent.includes('（按省份）'));

  // 2. Warning centre: tiles and tables = /api/warnings.
  await page.click('a[data-route="warnings"]');
  await ready('warnings');
  const w = await api('/api/warnings?page_size=1');
  const kpi = (id) => page.$eval(`[data-widget="${id}"] .kpi-value`, (e) => Number(e.dataset.value));
  assert.equal(await kpi('kpi-red'), w.summary['红']);
  assert.equal(await kpi('kpi-yellow'), w.summary['黄']);
  assert.equal(await kpi('kpi-tag'), w.summary.tag);
  const wt = await api('/api/warnings?kind=tag&page_size=50');
  const courts = await page.$$eval('[data-widget="warn-tags"] tbody tr td:nth-child(3)', (t) => t.map((x) => x.textContent));
  assert.deepEqual(courts, wt.items.map((a) => a.court_name));
  const counts = await page.$$eval('[data-widget="warn-tags"] tbody tr td:nth-child(5)', (t) => t.map((x) => x.textContent));
  assert.deepEqual(counts, wt.items.map((a) => a.evidence.count.toLocaleString('zh-CN')));
  await shot(page, '2-warnings');

  // 3. Documents: a stored document opened by id, findings highlighted in the text.
  const docs = readFileSync(join(dir, 'documents.jsonl'), 'utf8').split('\n', 300).filter(Boolean).map((l) => JSON.parse(l));
  let target = null;
  for (const d of docs) {
    const r = await api('/api/documents/' + encodeURIComponent(d.doc_id) + '?check=1');
    if (r.findings && r.findings.length) { target = r; break; }
  }
  assert.ok(target, 'a generated document with findings');
  await page.goto(srv.base + '/#/documents?id=' + encodeURIComponent(target.doc_id));
  await ready('documents');
  await page.waitForSelector('#doc-count');
  assert.equal(Number(await page.textContent('#doc-count')), target.findings.length);
  const marks = await page.$$eval('#doc-text mark:not(.gap)', (m) => m.map((x) => x.textContent));
  assert.deepEqual(marks, target.findings.filter((f) => f.char_start !== f.char_end).map((f) => f.text));
  await shot(page, '3-documents');
  // Pasted text: the sample has findings too (or none) — the page shows the API's count.
  await page.fill('#doc-input', target.text);
  await page.click('#doc-form button');
  await page.waitForSelector('#doc-count');
  assert.equal(Number(await page.textContent('#doc-count')), target.findings.length);

  // 4. Case view: search by 案号 → fields, the proceeding chain and documents = /api/cases/{案号}.
  const lines = readFileSync(join(dir, 'cases.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const appeal = lines.find((c) => c.derived_from && c.derived_from.relation);  // a case with a chain
  const root = lines.find((c) => c.case_id === appeal.derived_from.case_id);
  await page.click('a[data-route="case"]');
  await ready('case');
  await page.fill('#case-form input[name=q]', root.case_number);
  await page.click('#case-form button');
  await page.waitForSelector('#case-chain');
  const view = await api('/api/cases/' + encodeURIComponent(root.case_number));
  assert.equal(await page.textContent('[data-field="court_name"]'), view.case.court_name);
  const chainIds = await page.$$eval('#case-chain tbody tr', (t) => t.map((x) => x.dataset.case));
  assert.deepEqual(chainIds, view.chain.map((n) => n.case_id));
  assert.ok(chainIds.includes(appeal.case_id), 'the appeal is in the chain');
  const docLinks = await page.$$eval('#case-docs a', (a) => a.length);
  assert.equal(docLinks, view.documents.length);
  await page.waitForSelector('#crosscheck-table, #crosscheck-none');
  await shot(page, '4-case');

  // 5. Party profile: a party of that case → its cases = /api/parties.
  const party = view.case.parties.find((p) => p.name);
  await page.click(`#case-parties a[href="#/party?q=${encodeURIComponent(party.name)}"]`);
  await ready('party');
  await page.waitForSelector('#party-cases, #party-suppressed');
  const prof = await api('/api/parties?page_size=200&q=' + encodeURIComponent(party.name));
  assert.equal(Number(await page.textContent('#party-total')), prof.total);
  const partyRows = await page.$$eval('#party-cases tbody tr', (t) => t.length);
  assert.equal(partyRows, prof.items.length);
  const roles = await chart('party-roles');
  assert.deepEqual(Object.fromEntries(roles.data.map((d) => [d.name, d.value])), prof.by_role);
  await shot(page, '5-party');

  // 6. Security supervision (admin): the audit log shows the analyst's reads above.
  await page.click('#logout');
  await page.waitForSelector('#login-form');
  await page.fill('input[name=user]', 'admin');
  await page.fill('input[name=password]', srv.password);
  await page.click('#login-form button');
  await page.waitForSelector('#page[data-ready="1"]');
  assert.equal(await page.$('a[data-route="indicators"]'), null, 'the admin reads no case data');
  await page.click('a[data-route="audit"]');
  await ready('audit');
  await page.waitForSelector('#audit-ok');
  const audit = await api('/api/audit?page_size=200');
  const shownTotal = Number(await page.textContent('#audit-total'));
  assert.ok(shownTotal >= 1 && shownTotal <= audit.total);  // the page's own query is audited too
  const actors = await page.$$eval('#audit-volumes tbody tr td:first-child', (t) => t.map((x) => x.textContent));
  assert.ok(actors.includes('analyst'), actors.join(','));
  const vol = await chart('audit-volume-chart');
  assert.ok(vol.categories.includes('analyst'));
  await shot(page, '6-audit');

  console.log(`browser analytics test passed; screenshots in ${artifacts}`);
} catch (e) {
  failed = true;
  console.error(e);
  console.error('server stderr:\n' + srv.stderr());
} finally {
  if (context) await context.close();
  await srv.stop();
  removeDir(dir);
  removeDir(profile);
}
process.exit(failed ? 1 : 0);
