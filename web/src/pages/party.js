// 当事人画像: one party's cases nationwide (GET /api/parties?q= — name, 公民身份号码 or 统一社会信用代码)
// with counts by litigation role and pending executions as 被执行人.
import { api } from '../api.js';
import { esc, renderWidget } from '../widgets/renderer.js';

export async function renderParty(el, params, navigate) {
  const q = params.get('q') || '';
  el.innerHTML = `
    <h2>当事人画像</h2>
    <form class="filters" id="party-form"><label>姓名/名称或证件号码 <input name="q" size="36" value="${esc(q)}"></label><button type="submit">查询</button></form>
    <div id="party-result"></div>`;
  el.querySelector('#party-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    location.hash = '#/party?q=' + encodeURIComponent(new FormData(ev.target).get('q').trim());
  });
  if (!q) return;
  const out = el.querySelector('#party-result');
  const endpoint = '/api/parties?page_size=200&q=' + encodeURIComponent(q);
  let p;
  try {
    p = await api(endpoint);
  } catch (e) {
    out.innerHTML = `<div class="error" id="party-error">${esc(e.message)}</div>`;
    return;
  }
  if (p.suppressed) {
    out.innerHTML = `<p id="party-suppressed">匹配案件少于 ${p.min_cell} 件，按规定不予显示。</p>`;
    return;
  }
  out.innerHTML = `
    <p class="count">共 <b id="party-total">${p.total ?? '—'}</b> 件案件（按${esc(p.kind)}匹配）；作为被执行人未结执行 <b id="party-pending">${p.pending ?? '—'}</b> 件，申请执行标的 ${esc(p.pending_applied_yuan ?? '—')} 元</p>
    <div class="widgets" id="party-widgets"></div>
    <table class="grid" id="party-cases"><thead><tr><th>案号</th><th>法院</th><th>诉讼地位</th><th>类别</th><th>案由</th><th>立案</th><th>结案</th><th>结案方式</th></tr></thead>
    <tbody>${p.items.map((r) => `<tr><td><a href="#/case?q=${encodeURIComponent(r.case_number)}">${esc(r.case_number)}</a>${r.pending_execution ? ' <b class="out">未结执行</b>' : ''}</td>
      <td>${esc(r.court_name)}</td><td>${esc(r.role)}</td><td>${esc(r.category)}</td><td>${esc(r.cause_name)}</td><td>${esc(r.filed_date)}</td><td>${esc(r.closed_date || '未结')}</td><td>${esc(r.closure_method)}</td></tr>`).join('')}</tbody></table>`;
  await renderWidget(out.querySelector('#party-widgets'),
    { id: 'party-roles', type: 'pie', title: '诉讼地位分布', endpoint, data: p, field: 'by_role', span: 2 }, navigate);
}
