// DuckDB peer for bench_indicators: the same built-in indicators by province × month, written in SQL over
// the frame columns that `bench_indicators --export DIR` wrote (DIR/frame.csv), compared cell by cell with
// Tianping's figures (DIR/tianping.csv). Usage (after `npm install` in bench/):
//   node bench/indicators_peer.mjs DIR [--year 2023] [--threads 2] [--reps 3]
// Independent of the engine: each indicator is written out below from docs/indicators.md.
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const dir = args[0];
const opt = (k, d) => { const i = args.indexOf(k); return i >= 0 ? args[i + 1] : d; };
const year = Number(opt('--year', '2023'));
const threads = opt('--threads', '2');
const reps = Number(opt('--reps', '3'));

const DAY = 86400000;
const days = (y, m, d) => Math.round(Date.UTC(y, m - 1, d) / DAY);
const months = [];
for (let m = 1; m <= 12; ++m) months.push([m, days(year, m, 1), days(year, m + 1, 1) - 1]);
const monthsCte = `months(m, s, e) AS (VALUES ${months.map(([m, s, e]) => `(${m}, ${s}, ${e})`).join(', ')})`;

// Period conditions on the counted row x. A point condition (one date in the month) groups by the month of
// that date, no join; a range condition (pending at the start / end of a month) joins the 12 months.
const first = days(year, 1, 1), last = days(year, 12, 31);
const point = (col) => ({ point: col });
const P = {
  filed: point('filed'),
  closed: point('closed'),
  effective: point('effective'),
  root_filed: point('root_filed'),
  pending_start: 'x.filed < m.s AND (x.closed IS NULL OR x.closed >= m.s)',
  pending_end: 'x.filed <= m.e AND (x.closed IS NULL OR x.closed > m.e)',
  over: (n) => `x.filed <= m.e AND (x.closed IS NULL OR x.closed > m.e) AND ` +
               `(DATE '1970-01-01' + CAST(x.filed AS INTEGER) + INTERVAL ${n} MONTH) < (DATE '1970-01-01' + CAST(m.e AS INTEGER))`,
};
const S = (col) => `COALESCE(x.${col}, '')`;
// term(aggregate, period, condition, via): via = 'parent' | 'root' | undefined.
const T = (agg, period, cond = 'TRUE', via) => ({ agg, period, cond, via });
const count = (period, cond, via) => T('COUNT(*)', period, cond, via);

const civilTrial = `x.category = '民事' AND x.stage IN ('一审', '二审', '再审')`;
const exec = `x.type IN ('执', '执恢')`;
const and = (...c) => c.filter(Boolean).join(' AND ');
// id → { num: [terms, combine], den: [...] }; combine gets the term values in order.
const sum = (v) => v.reduce((a, b) => a + b, 0);
const one = (t) => [[t], (v) => v[0]];
const I = {
  first_instance_reversal_rate: { num: one(count(P.closed, `x.stage = '二审' AND x.closure = '改判' AND g.stage = '一审'`, 'parent')), den: one(count(P.closed, `x.stage = '一审'`)) },
  first_instance_remand_rate: { num: one(count(P.closed, `x.stage = '二审' AND x.closure = '发回重审' AND g.stage = '一审'`, 'parent')), den: one(count(P.closed, `x.stage = '一审'`)) },
  appeal_change_remand_ratio: { num: one(count(P.closed, `x.stage = '二审' AND x.closure = '改判'`)), den: one(count(P.closed, `x.stage = '二审' AND x.closure = '发回重审'`)) },
  effective_reversal_rate: { num: one(count(P.closed, `x.stage = '再审' AND x.closure = '改判'`)), den: one(count(P.effective)) },
  effective_remand_rate: { num: one(count(P.closed, `x.stage = '再审' AND x.closure = '发回重审'`)), den: one(count(P.effective)) },
  retrial_change_remand_ratio: { num: one(count(P.closed, `x.stage = '再审' AND x.closure = '改判'`)), den: one(count(P.closed, `x.stage = '再审' AND x.closure = '发回重审'`)) },
  retrial_order_rate: { num: one(count(P.closed, `x.stage = '再审审查' AND x.closure = '裁定再审'`)), den: one(count(P.closed, `x.stage = '再审审查'`)) },
  close_rate: { num: one(count(P.closed)), den: [[count(P.pending_start), count(P.filed)], sum] },
  close_file_ratio: { num: one(count(P.closed)), den: one(count(P.filed)) },
  within_limit_rate: { num: one(count(P.closed, `x.limit_days > 0 AND x.closed - x.filed - x.excluded_days <= x.limit_days + x.extension_days`)), den: one(count(P.closed, 'x.limit_days > 0')) },
  over_12_months_pending_ratio: { num: one(count(P.over(12))), den: one(count(P.pending_end)) },
  average_duration: { num: one(T('SUM(x.closed - x.filed)', P.closed)), den: one(count(P.closed)) },
  duration_index: { num: one(T('SUM(x.closed - x.filed)', P.closed, 'x.limit_days > 0')), den: one(T('SUM(x.limit_days)', P.closed, 'x.limit_days > 0')) },
  closed_per_judge: { num: one(count(P.closed, `x.type NOT IN ('诉前调确', '诉前调书', '执保', '执恢')`)), den: one(T('COUNT(DISTINCT x.judge)', P.closed, `x.type NOT IN ('诉前调确', '诉前调书', '执保', '执恢')`)) },
  extension_rate: { num: one(count(P.closed, 'x.extension_days > 0')), den: one(count(P.closed)) },
  timely_filing_rate: { num: one(count(P.filed, 'x.filed - x.received >= 0 AND x.correction = 0 AND x.filed - x.received <= 7')), den: one(count(P.filed, 'x.filed - x.received >= 0 AND x.correction = 0')) },
  pending_over_12_months: { num: one(count(P.over(12))) },
  pending_over_18_months: { num: one(count(P.over(18))) },
  pending_over_36_months: { num: one(count(P.over(36))) },
  // By month: months() = 1 and Σ monthly² = count², so 1 − CV = 1; written out in full anyway.
  closure_balance: { num: [[count(P.closed), T('COUNT(*) * COUNT(*)', P.closed)], (v) => v[0] - Math.sqrt(Math.max(0, 1 * v[1] - v[0] * v[0]))], den: one(count(P.closed)) },
  case_item_ratio: { num: one(count(P.root_filed, 'TRUE', 'root')), den: one(count(P.root_filed, `${S('relation')} = ''`)) },
  appeal_rate: { num: one(count(P.filed, `x.relation = '上诉' AND g.stage = '一审'`, 'parent')), den: one(count(P.closed, `x.stage = '一审'`)) },
  acceptance_rate: { num: one(count(P.closed, `x.stage = '一审' AND x.appealed = 0 AND x.petitioned = 0`)), den: one(count(P.closed, `x.stage = '一审'`)) },
  petition_rate: { num: one(count(P.filed, `x.stage = '再审审查'`, 'parent')), den: one(count(P.effective)) },
  execution_application_rate: { num: one(count(P.effective, `x.category = '民事' AND x.has_payment = 1 AND x.executed = 1`)), den: one(count(P.effective, `x.category = '民事' AND x.has_payment = 1`)) },
  mediation_rate: { num: one(count(P.closed, and(civilTrial, `x.closure = '调解'`))), den: one(count(P.closed, civilTrial)) },
  withdrawal_rate: { num: one(count(P.closed, and(civilTrial, `x.closure = '撤诉'`))), den: one(count(P.closed, civilTrial)) },
  mediation_withdrawal_rate: { num: [[count(P.closed, and(civilTrial, `x.closure = '调解'`)), count(P.closed, and(civilTrial, `x.closure = '撤诉'`))], sum], den: one(count(P.closed, civilTrial)) },
  execution_completion_rate: { num: one(count(P.closed, and(exec, `x.closure = '执行完毕'`))), den: one(count(P.closed, exec)) },
  execution_recovery_rate: { num: one(T('SUM(x.recovered)', P.closed, exec)), den: one(T('SUM(x.applied)', P.closed, exec)) },
  actual_execution_rate: { num: one(count(P.closed, and(exec, `(x.closure IN ('执行完毕', '执行和解') OR x.voluntary = 1)`))), den: one(count(P.closed, exec)) },
  prelitigation_mediation_success_rate: { num: one(count(P.closed, `x.procedure = '诉前调解' AND x.closure IN ('调解成功', '司法确认')`)), den: one(count(P.closed, `x.procedure = '诉前调解'`)) },
};

// Distinct terms → one UNION ALL query.
const terms = [];
const key = (t) => JSON.stringify(t);
const index = new Map();
for (const def of Object.values(I))
  for (const side of [def.num, def.den])
    if (side) for (const t of side[0]) if (!index.has(key(t))) { index.set(key(t), terms.length); terms.push(t); }
const select = (t, i) => {
  const g = t.via ? 'g' : 'x';
  const join = t.via === 'parent' ? 'JOIN c AS g ON g.row = x.parent_row' : t.via === 'root' ? 'JOIN c AS g ON g.row = x.root_row' : '';
  if (t.period.point) {
    const d = `x.${t.period.point}`;
    return `SELECT ${i} AS term, ${g}.province AS province, month(DATE '1970-01-01' + CAST(${d} AS INTEGER)) AS month,
            CAST(${t.agg} AS DOUBLE) AS v FROM c AS x ${join} WHERE ${d} BETWEEN ${first} AND ${last} AND ${t.cond} GROUP BY ALL`;
  }
  return `SELECT ${i} AS term, ${g}.province AS province, m.m AS month, CAST(${t.agg} AS DOUBLE) AS v
          FROM c AS x ${join} JOIN months AS m ON ${t.period} WHERE ${t.cond} GROUP BY ALL`;
};
const sql = `WITH ${monthsCte} ${terms.map(select).join('\nUNION ALL\n')}`;

const instance = await DuckDBInstance.create(':memory:', { threads });
const con = await instance.connect();
let t0 = performance.now();
await con.run(`CREATE TABLE c AS SELECT * FROM read_csv('${dir}/frame.csv', header = true, auto_detect = true)`);
const loadS = (performance.now() - t0) / 1000;
let best = Infinity, bestCpu = Infinity, rows;
for (let r = 0; r < reps; ++r) {
  t0 = performance.now();
  const c0 = process.cpuUsage();  // DuckDB's worker threads run inside this process
  const reader = await con.runAndReadAll(sql);
  rows = reader.getRows();
  const c = process.cpuUsage(c0);
  best = Math.min(best, (performance.now() - t0) / 1000);
  bestCpu = Math.min(bestCpu, (c.user + c.system) / 1e6);
}
// Cells: (province, month) → term values.
const cells = new Map();
for (const [term, province, month, v] of rows) {
  const k = `${province},${year}-${String(month).padStart(2, '0')}`;
  if (!cells.has(k)) cells.set(k, new Array(terms.length).fill(0));
  cells.get(k)[term] = Number(v);
}
const value = (side, vals) => side ? side[1](side[0].map((t) => vals[index.get(key(t))])) : 0;
const duck = new Map();
for (const [k, vals] of cells)
  for (const [id, def] of Object.entries(I)) duck.set(`${k},${id}`, [value(def.num, vals), value(def.den, vals)]);
const tp = new Map();
for (const line of readFileSync(`${dir}/tianping.csv`, 'utf8').trim().split('\n').slice(1)) {
  const [p, m, id, n, d] = line.split(',');
  tp.set(`${p},${m},${id}`, [Number(n), Number(d)]);
}
let compared = 0, mismatches = 0;
for (const k of new Set([...duck.keys(), ...tp.keys()])) {
  const a = duck.get(k) ?? [0, 0], b = tp.get(k) ?? [0, 0];
  if (a[0] === 0 && a[1] === 0 && b[0] === 0 && b[1] === 0) continue;
  ++compared;
  const same = (x, y) => Math.abs(x - y) <= 1e-6 * Math.max(1, Math.abs(x));
  if (!same(a[0], b[0]) || !same(a[1], b[1])) {
    if (++mismatches <= 10) console.error(`mismatch ${k}: duckdb ${a} tianping ${b}`);
  }
}
const nrows = (await con.runAndReadAll('SELECT COUNT(*) FROM c')).getRows()[0][0];
console.log(`duckdb ${'1.5.6'}: ${Object.keys(I).length} indicators (${terms.length} aggregates) by province × month, ` +
            `${nrows} rows, ${threads} threads: best ${best.toFixed(3)} s (CPU ${bestCpu.toFixed(3)} s) over ${reps} runs ` +
            `(CSV load ${loadS.toFixed(1)} s); ` +
            `${compared} cells×indicators compared, ${mismatches} mismatches`);
process.exit(mismatches ? 1 : 0);
