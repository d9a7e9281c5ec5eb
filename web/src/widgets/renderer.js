// The component service: one generic renderer turns a widget declaration (JSON, see docs/web.md) into a
// chart, a KPI tile or a table. A new chart is a new JSON entry, not new code.
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

// Only what the widget types use (keeps the bundle small).
echarts.use([BarChart, LineChart, PieChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent,
             VisualMapComponent, CanvasRenderer]);
import { cachedGet } from '../api.js';
import { PROVINCE_GRID, shortName } from './province_grid.js';

window.echarts = echarts; // the browser tests read chart options through echarts.getInstanceByDom

export function esc(v) {
  return String(v ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

export function pick(data, path) {
  if (!path) return data;
  return path.split('.').reduce((v, k) => (v == null ? undefined : v[k]), data);
}

// → [{label, value}] from an object map {label: value} or an array of objects (spec.label / spec.value).
export function extractSeries(data, spec) {
  const raw = pick(data, spec.field);
  let rows;
  if (Array.isArray(raw)) rows = raw.map((r) => ({ label: String(pick(r, spec.label || 'label')), value: pick(r, spec.value || 'value') }));
  else if (raw && typeof raw === 'object') rows = Object.entries(raw).map(([label, value]) => ({ label, value }));
  else rows = [];
  if (spec.exclude) rows = rows.filter((r) => !spec.exclude.includes(r.label));
  // null: a suppressed small cell (shown as a gap, never as 0).
  if (spec.percent) rows = rows.map((r) => ({ ...r, value: r.value == null ? null : +(r.value * 100).toFixed(2) }));
  if (spec.sort === 'desc') rows.sort((a, b) => b.value - a.value);
  if (spec.sort === 'asc') rows.sort((a, b) => a.value - b.value);
  if (spec.sort === 'label') rows.sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  if (spec.top) rows = rows.slice(0, spec.top);
  return rows;
}

const fmt = (v) => (typeof v === 'number' ? v.toLocaleString('zh-CN') : String(v ?? '—'));

function axisOption(rows, spec, horizontal) {
  const cat = { type: 'category', data: rows.map((r) => r.label), axisLabel: { interval: 0, rotate: horizontal ? 0 : rows.length > 12 ? 45 : 0 } };
  const val = { type: 'value', axisLabel: { formatter: spec.percent ? '{value}%' : '{value}' } };
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v) => (spec.percent ? v + '%' : fmt(v)) },
    grid: { left: horizontal ? 140 : 50, right: 20, top: 20, bottom: horizontal ? 20 : 60, containLabel: false },
    xAxis: horizontal ? val : cat,
    yAxis: horizontal ? { ...cat, inverse: true } : val,
    series: [{ name: spec.title, type: spec.type === 'line' ? 'line' : 'bar', data: rows.map((r) => r.value),
               smooth: spec.type === 'line', areaStyle: spec.type === 'line' ? {} : undefined,
               label: { show: rows.length <= 12, position: horizontal ? 'right' : 'top',
                        formatter: (p) => (spec.percent ? p.value + '%' : fmt(p.value)) } }],
  };
}

function gridMapOption(rows, spec, chart) {
  // Tiles fill ~88 % of a cell of the 10 × 9 grid.
  const tile = [Math.max(16, (chart.getWidth() - 20) / 10 * 0.88), Math.max(12, (chart.getHeight() - 50) / 9 * 0.88)];
  const max = Math.max(1, ...rows.map((r) => r.value));
  const data = rows
    .filter((r) => PROVINCE_GRID[r.label])
    .map((r) => ({ name: r.label, value: [PROVINCE_GRID[r.label][1], PROVINCE_GRID[r.label][0], r.value] }));
  return {
    tooltip: { formatter: (p) => `${p.name}<br/>${fmt(p.value[2])}` },
    grid: { left: 10, right: 10, top: 10, bottom: 40 },
    xAxis: { type: 'value', min: -0.5, max: 9.5, show: false },
    yAxis: { type: 'value', min: -0.5, max: 8.5, inverse: true, show: false },
    visualMap: { min: 0, max, dimension: 2, orient: 'horizontal', left: 'center', bottom: 0, calculable: true,
                 inRange: { color: ['#e0f3f8', '#4575b4', '#313695'] } },
    series: [{ type: 'scatter', symbol: 'roundRect', symbolSize: tile, data,
               label: { show: true, formatter: (p) => shortName(p.name), color: '#0b1f33', fontSize: 11, textBorderColor: '#fff', textBorderWidth: 2 } }],
  };
}

function pieOption(rows, spec) {
  return {
    tooltip: { trigger: 'item', valueFormatter: fmt },
    legend: { bottom: 0, type: 'scroll' },
    series: [{ name: spec.title, type: 'pie', radius: ['35%', '65%'], data: rows.map((r) => ({ name: r.label, value: r.value })),
               label: { formatter: '{b}\n{d}%' } }],
  };
}

// A table cell: `key` is a dot path; `link` ("#/case?id={value}") links the value (each element of an array).
function cell(r, c) {
  const v = pick(r, c.key);
  const one = (x) => (c.link ? `<a href="${c.link.replace('{value}', encodeURIComponent(x))}">${esc(x)}</a>` : esc(fmt(x)));
  const text = Array.isArray(v) ? v.map(one).join(' ') : v == null ? '—' : one(v);
  return `<td class="${typeof v === 'number' ? 'num' : ''}">${text}</td>`;
}

function renderTable(el, data, spec) {
  const rows = pick(data, spec.field) || [];
  const cols = spec.columns;
  el.innerHTML = `<table class="grid"><thead><tr>${cols.map((c) => `<th>${esc(c.title)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${cols.map((c) => cell(r, c)).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

// Renders one widget into a fresh element appended to `parent`; `navigate(route)` handles drill-down.
export async function renderWidget(parent, spec, navigate) {
  const box = document.createElement('section');
  box.className = `widget widget-${spec.type} span-${spec.span || 1}`;
  box.dataset.widget = spec.id;
  box.innerHTML = `<h3>${spec.title}</h3><div class="body"></div>`;
  parent.appendChild(box);
  const body = box.querySelector('.body');
  let data;
  try {
    // Pages built in code may hand over the data they already fetched (spec.data).
    data = spec.data !== undefined ? spec.data : await cachedGet(spec.endpoint);
  } catch (e) {
    body.innerHTML = `<div class="error">加载失败：${e.message}</div>`;
    return;
  }
  if (spec.type === 'kpi') {
    let v = pick(data, spec.field);
    const text = v == null ? '—' : spec.percent ? (v * 100).toFixed(2) + '%' : fmt(v);
    body.innerHTML = `<div class="kpi-value" data-value="${v}">${text}</div>`;
    return;
  }
  if (spec.type === 'table') return renderTable(body, data, spec);
  const rows = extractSeries(data, spec);
  body.classList.add('chart');
  const chart = echarts.init(body, null, { renderer: 'canvas' });
  const option =
    spec.type === 'pie' ? pieOption(rows, spec)
    : spec.type === 'grid-map' ? gridMapOption(rows, spec, chart)
    : axisOption(rows, spec, spec.type === 'hbar');
  // Automated browsers (navigator.webdriver) get no animation: deterministic screenshots and clicks.
  if (navigator.webdriver) option.animation = false;
  chart.setOption(option);
  // Pages built in code may pass onClick(label, index, rows) instead of a drill template.
  if (spec.onClick) chart.on('click', (p) => spec.onClick(p.name, p.dataIndex, rows));
  if (spec.drill) {
    const provinces = await cachedGet('/api/ref/provinces').catch(() => ({ items: [] }));
    const abbr = Object.fromEntries(provinces.items.map((p) => [p.name, p.abbr]));
    chart.on('click', (p) => {
      const label = p.name;
      navigate(spec.drill.replace('{label}', encodeURIComponent(label)).replace('{abbr}', encodeURIComponent(abbr[label] || '')));
    });
  }
  window.addEventListener('resize', () => {
    chart.resize();
    if (spec.type === 'grid-map') chart.setOption(gridMapOption(rows, spec, chart));
  });
}

// A page declared in JSON: {"title", "widgets": [...]}.
export async function renderWidgetPage(root, page, navigate) {
  root.innerHTML = `<h2>${page.title}</h2>${page.note ? `<p class="note">${page.note}</p>` : ''}<div class="widgets"></div>`;
  const grid = root.querySelector('.widgets');
  await Promise.all(page.widgets.map((w) => renderWidget(grid, w, navigate)));
}
