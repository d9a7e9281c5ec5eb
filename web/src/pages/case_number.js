// 案号解析: parses a case number with /api/case-number and shows its parts.
import { api } from '../api.js';

const FIELDS = [
  ['normalized', '规范案号'], ['year', '收案年度'], ['court_code', '法院代字'], ['court_name', '法院'],
  ['court_level', '法院层级'], ['province', '省份'], ['type_code', '类型代字'], ['type_name', '案件类型'],
  ['category', '案件类别'], ['stage', '审级'], ['sequence', '案件序号'],
];

export async function renderCaseNumber(el, params) {
  const initial = params.get('q') || '（2023）京0105民初12345号';
  el.innerHTML = `
    <h2>案号解析</h2>
    <form class="filters" id="cn-form"><label>案号 <input name="q" size="40" value="${initial}"></label><button type="submit">解析</button></form>
    <div id="cn-result"></div>`;
  const out = el.querySelector('#cn-result');
  async function run(q) {
    try {
      const r = await api('/api/case-number?q=' + encodeURIComponent(q));
      out.innerHTML = `<table class="grid kv" id="cn-table">${FIELDS.map(([k, t]) => `<tr><th>${t}</th><td data-field="${k}">${r[k] ?? '—'}</td></tr>`).join('')}</table>`;
    } catch (e) {
      out.innerHTML = `<div class="error" id="cn-error">无法解析：${e.message}</div>`;
    }
  }
  el.querySelector('#cn-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    run(new FormData(ev.target).get('q'));
  });
  await run(initial);
}
