// 指标分析: indicators from /api/indicators with drill-down province → region → court → judge.
// The route keeps the state: #/indicators?name=close_rate&from=2024-01&to=2024-12&path=province:广东省|region:…
// Clicking a bar or a table row drills one level down; the breadcrumb goes back up.
// The chart is drawn by the generic widget renderer from a spec built here.
import { api } from '../api.js';
import { renderWidget, esc } from '../widgets/renderer.js';

const LEVEL_NAMES = { province: '省份', region: '中院辖区', court: '法院', judge: '法官' };

export async function renderIndicators(el, params, navigate) {
  const catalog = await api('/api/indicators/catalog');
  const state = {
    name: params.get('name') || 'close_rate',
    from: params.get('from') || catalog.default_from || '',
    to: params.get('to') || catalog.default_to || '',
    path: (params.get('path') || '').split('|').filter(Boolean).map((s) => {
      const i = s.indexOf(':');
      return { level: s.slice(0, i), value: s.slice(i + 1) };
    }),
  };
  const hash = (patch) => {
    const s = { ...state, ...patch };
    const qs = new URLSearchParams({ name: s.name, from: s.from, to: s.to });
    if (s.path.length) qs.set('path', s.path.map((p) => `${p.level}:${p.value}`).join('|'));
    return '#/indicators?' + qs;
  };
  const last = state.path[state.path.length - 1];
  const qs = new URLSearchParams({ from: state.from, to: state.to });
  if (last) qs.set('drill', `${last.level}=${last.value}`);
  const endpoint = '/api/indicators?' + qs;
  const data = await api(endpoint);
  const idx = Math.max(0, data.indicators.findIndex((d) => d.id === state.name));
  const def = data.indicators[idx];
  const crumbs = [`<a href="${hash({ path: [] })}">全国</a>`]
    .concat(state.path.map((p, i) => `<a href="${hash({ path: state.path.slice(0, i + 1) })}">${esc(p.value)}</a>`))
    .join(' › ');
  const range = def.range_low != null || def.range_high != null ? `合理区间 ${def.range_low ?? '—'} ~ ${def.range_high ?? '—'}` : '无参考区间';
  el.innerHTML = `
    <h2>指标分析</h2>
    <form class="filters" id="ind-form">
      <label>指标 <select name="name">${catalog.items
        .map((d) => `<option value="${d.id}" ${d.id === state.name ? 'selected' : ''}>${esc(d.category)} · ${esc(d.name)}</option>`).join('')}</select></label>
      <label>起 <input name="from" value="${esc(state.from)}" size="8"></label>
      <label>止 <input name="to" value="${esc(state.to)}" size="8"></label>
      <button type="submit">查询</button>
    </form>
    <nav class="crumb" id="ind-crumb">${crumbs} <span class="muted">（按${LEVEL_NAMES[data.level] || data.level}）</span></nav>
    <p class="note" id="ind-def">${esc(def.name)}（${esc(def.unit)}）：${esc(def.description)}　${range}　${data.from} 至 ${data.to}</p>
    <div class="widgets" id="ind-widgets"></div>
    <table class="grid" id="ind-table"><thead><tr><th>${LEVEL_NAMES[data.level] || data.level}</th><th class="num">${esc(def.name)}</th><th class="num">分子</th><th class="num">分母</th><th>区间内</th></tr></thead>
    <tbody>${data.rows.map((r, i) => {
      const c = r.cells[idx];
      const flag = c.in_range == null ? '—' : c.in_range ? '是' : '<b class="out">否</b>';
      const label = r.drill ? `<a class="drill" data-row="${i}" href="#">${esc(r.label)}</a>` : esc(r.label);
      return `<tr data-label="${esc(r.label)}"><td>${label}</td><td class="num" data-value="${c.value ?? ''}">${esc(c.display)}</td>` +
        `<td class="num">${c.numerator ?? '—'}</td><td class="num">${c.denominator ?? '—'}</td><td>${flag}</td></tr>`;
    }).join('')}</tbody></table>`;
  const drillTo = (row) => {
    if (!row || !row.drill) return;
    navigate(hash({ path: state.path.concat([{ level: data.level, value: row.key[data.level] }]) }));
  };
  el.querySelectorAll('#ind-table a.drill').forEach((a) => a.addEventListener('click', (ev) => {
    ev.preventDefault();
    drillTo(data.rows[Number(a.dataset.row)]);
  }));
  el.querySelector('#ind-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const f = new FormData(ev.target);
    navigate(hash({ name: f.get('name'), from: f.get('from'), to: f.get('to') }));
  });
  const byLabel = new Map(data.rows.map((r) => [r.label, r]));
  await renderWidget(el.querySelector('#ind-widgets'), {
    id: 'indicator-chart', type: data.rows.length > 15 ? 'hbar' : 'bar', span: 4,
    title: `${def.name}（${def.unit}）· 点击下钻`, endpoint, data, field: 'rows', label: 'label', value: `cells.${idx}.value`,
    onClick: (label) => drillTo(byLabel.get(label)),
  }, navigate);
}
