// Browser test (ctest: browser_dashboard): Debian's chromium, headless, driven by playwright-core, logs in
// to the real binary over a generated dataset, opens every page, checks that the charts show the numbers
// the API returns, drills down from the province map to the courts, and saves screenshots.
// usage: node browser/dashboard.mjs <path to tianping> <artifact dir> <web dist dir>
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { generateDataset, startServer, removeDir } from '../lib/server.mjs';

const [tianping, artifacts, webDir] = process.argv.slice(2);
const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  console.error('browser test: /usr/bin/chromium missing (scripts/install-deps installs it)');
  process.exit(1);
}
if (!existsSync(join(webDir, 'index.html'))) {
  console.error(`browser test: ${webDir}/index.html missing — build the dashboard (make build)`);
  process.exit(1);
}
mkdirSync(artifacts, { recursive: true });

const dir = generateDataset(tianping, 5000, 11);
const srv = await startServer(tianping, dir, ['--web', webDir]);
const profile = mkdtempSync(join(tmpdir(), 'tp-chromium-'));
let context;
let failed = false;
const shot = (page, name) => page.screenshot({ path: join(artifacts, `dashboard-${name}.png`), fullPage: true });

try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1440, height: 1000 },
    locale: 'zh-CN',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] || (await context.newPage());
  page.on('pageerror', (e) => { console.error('page error:', e.message); failed = true; });
  const api = (path) => page.evaluate(async (p) => (await fetch(p)).json(), path);
  const ready = async (route) => {
    await page.waitForSelector(`#page[data-page="${route}"][data-ready="1"]`, { timeout: 30000 });
  };
  // Reads series data and category axis of the chart inside widget `id`.
  const chart = (id) =>
    page.evaluate((wid) => {
      const el = document.querySelector(`[data-widget="${wid}"] .chart`);
      const o = window.echarts.getInstanceByDom(el).getOption();
      const cat = (o.yAxis && o.yAxis[0] && o.yAxis[0].type === 'category' ? o.yAxis[0] : o.xAxis && o.xAxis[0]) || {};
      return { categories: cat.data || null, data: o.series[0].data };
    }, id);

  // 1. Login page, wrong password, then the real one.
  await page.goto(srv.base + '/');
  await page.waitForSelector('#login-form');
  await shot(page, '0-login');
  await page.fill('input[name=password]', 'wrong-password');
  await page.click('#login-form button');
  await page.waitForFunction(() => document.querySelector('#login-error').textContent.length > 0);
  // The analyst reads case data (the overview); the administrator sees none (step 6).
  await page.fill('input[name=user]', 'analyst');
  await page.fill('input[name=password]', srv.analystPassword);
  await page.click('#login-form button');
  await ready('overview');
  assert.equal(await page.$('a[data-route="admin"]'), null);
  await shot(page, '1-overview');

  // 2. Overview: every widget equals /api/summary.
  const s = await api('/api/summary');
  assert.ok(s.cases > 4900 && s.cases <= 5000, 'the analyst sees every case but the sealed ones: ' + s.cases);
  const kpi = (id) => page.$eval(`[data-widget="${id}"] .kpi-value`, (e) => e.dataset.value);
  assert.equal(Number(await kpi('kpi-cases')), s.cases);
  assert.equal(Number(await kpi('kpi-pending')), s.pending);
  assert.equal(Number(await kpi('kpi-closed')), s.closed);
  assert.equal(Number(await kpi('kpi-judged')), s.rates['民事一审判决率']);
  const map = await chart('province-map');
  assert.equal(map.data.length, Object.keys(s.by_province).filter((k) => k !== '未知').length);
  for (const d of map.data) assert.equal(d.value[2], s.by_province[d.name], d.name);
  const rank = await chart('province-rank');
  const top10 = Object.entries(s.by_province).sort((a, b) => b[1] - a[1]).slice(0, 10);
  assert.deepEqual(rank.data, top10.map((e) => e[1]));
  assert.deepEqual(rank.categories, top10.map((e) => e[0]));
  const trend = await chart('year-trend');
  const years = Object.keys(s.by_year).sort();
  assert.deepEqual(trend.categories, years);
  assert.deepEqual(trend.data, years.map((y) => s.by_year[y]));
  const pie = await chart('category-pie');
  assert.deepEqual(Object.fromEntries(pie.data.map((d) => [d.name, d.value])), s.by_category);
  const rates = await chart('headline-rates');
  assert.deepEqual(rates.categories, Object.keys(s.rates));
  assert.deepEqual(rates.data, Object.values(s.rates).map((v) => +(v * 100).toFixed(2)));

  // 3. Drill down: click 广东省 on the grid map → the courts of 粤.
  const pos = await page.evaluate(() => {
    const el = document.querySelector('[data-widget="province-map"] .chart');
    const c = window.echarts.getInstanceByDom(el);
    const d = c.getOption().series[0].data.find((x) => x.name === '广东省');
    const [x, y] = c.convertToPixel({ seriesIndex: 0 }, [d.value[0], d.value[1]]);
    const r = el.getBoundingClientRect();
    return { x: r.left + x, y: r.top + y };
  });
  await page.mouse.click(pos.x, pos.y);
  await ready('courts');
  assert.match(page.url(), /#\/courts\?province=%E7%B2%A4/);
  const yue = await api('/api/ref/courts?province=' + encodeURIComponent('粤'));
  assert.equal(Number(await page.textContent('#court-total')), yue.total);
  const rows = await page.$$eval('#court-table tbody tr td:nth-child(4)', (tds) => tds.map((t) => t.textContent));
  assert.ok(rows.length > 0 && rows.every((p) => p === '粤'));
  await shot(page, '2-courts-drilldown');
  // Filter by level.
  await page.selectOption('select[name=level]', '中级');
  await page.click('#court-filters button');
  const mid = await api('/api/ref/courts?province=' + encodeURIComponent('粤') + '&level=' + encodeURIComponent('中级'));
  await page.waitForFunction((n) => document.querySelector('#court-total')?.textContent === String(n), mid.total);
  await shot(page, '3-courts-filtered');
  // Drill further: the first 中院 → its basic courts, under a breadcrumb of its superiors.
  const firstMid = mid.items[0];
  await page.click(`#court-table a.drill[href="#/courts?parent=${encodeURIComponent(firstMid.code)}"]`);
  await ready('courts');
  await page.waitForSelector('#court-crumb');
  const detail = await api('/api/ref/courts/' + encodeURIComponent(firstMid.code));
  assert.equal(Number(await page.textContent('#court-total')), detail.children.length);
  assert.ok(detail.children.length > 0);
  const crumbText = await page.textContent('#court-crumb');
  assert.ok(crumbText.includes(firstMid.name) && crumbText.includes('广东省高级人民法院'), crumbText);
  const shown = await page.$$eval('#court-table tbody tr td:nth-child(2)', (tds) => tds.map((t) => t.textContent));
  assert.deepEqual(shown.slice(0, 50), detail.children.slice(0, 50).map((c) => c.name));
  await shot(page, '3b-courts-children');

  // 4. 案号解析.
  await page.goto(srv.base + '/#/case-number?q=' + encodeURIComponent('（2021）粤0304民初4567号'));
  await ready('case-number');
  const parsed = await api('/api/case-number?q=' + encodeURIComponent('（2021）粤0304民初4567号'));
  assert.equal(await page.textContent('[data-field="court_name"]'), parsed.court_name);
  assert.equal(await page.textContent('[data-field="type_name"]'), parsed.type_name);
  await shot(page, '4-case-number');

  // 5. 中文分词.
  await page.click('a[data-route="segment"]');
  await ready('segment');
  await shot(page, '5-segment');

  // 6. 接口管理 (admin): the charts list every registered endpoint with the API's counts. The
  // administrator has no overview (it reads no case data).
  await page.click('#logout');
  await page.waitForSelector('#login-form');
  await page.fill('input[name=user]', 'admin');
  await page.fill('input[name=password]', srv.password);
  await page.click('#login-form button');
  await page.waitForSelector('#page[data-ready="1"]');
  assert.equal(await page.$('a[data-route="overview"]'), null);
  await page.click('a[data-route="admin"]');
  await ready('admin');
  const eps = (await api('/api/admin/endpoints')).items;
  const calls = await chart('endpoint-calls');
  assert.deepEqual(calls.categories, eps.map((e) => e.name));
  const tableRows = await page.$$eval('[data-widget="endpoint-table"] tbody tr', (r) => r.length);
  assert.equal(tableRows, eps.length);
  // Counts only grow; the chart was drawn before this fetch.
  calls.data.forEach((n, i) => assert.ok(n <= eps[i].calls && n >= 0, eps[i].name));
  assert.ok(calls.data[eps.findIndex((e) => e.name === 'dataset.summary')] >= 1);
  // The audit group commit's counters (KPIs over /api/admin/endpoints' audit_writer).
  const writer = (await api('/api/admin/endpoints')).audit_writer;
  const kpiValue = (id) => page.$eval(`[data-widget="${id}"] .kpi-value`, (e) => Number(e.dataset.value));
  const shownRecords = await kpiValue('audit-records');
  assert.ok(shownRecords >= 0 && shownRecords <= writer.records, `audit records ${shownRecords} vs ${writer.records}`);
  assert.equal(await kpiValue('audit-failed'), 0);
  assert.ok((await kpiValue('audit-batches')) <= writer.batches);
  await shot(page, '6-admin');

  // 7. Logout returns to the login page.
  await page.click('#logout');
  await page.waitForSelector('#login-form');
  console.log(`browser test passed; screenshots in ${artifacts}`);
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
