// 安全监督 (administrators): the audit log — records filtered by actor, action and time (GET /api/audit),
// each actor's read volume with unusual ones flagged, and the hash chain's verification (/api/audit/verify).
import { api } from '../api.js';
import { esc, renderWidget } from '../widgets/renderer.js';

export async function renderAudit(el, params, navigate) {
  const f = { actor: params.get('actor') || '', action: params.get('action') || '', since: params.get('since') || '' };
  el.innerHTML = `
    <h2>安全监督</h2>
    <p class="note">审计日志：谁在何时读取了什么（哈希链防篡改）。读取量异常的用户标红。</p>
    <div id="audit-verify">…</div>
    <form class="filters" id="audit-form">
      <label>用户 <input name="actor" value="${esc(f.actor)}" size="12"></label>
      <label>动作 <input name="action" value="${esc(f.action)}" size="10" placeholder="read"></label>
      <label>起始 <input name="since" value="${esc(f.since)}" size="12" placeholder="2026-11-29"></label>
      <button type="submit">查询</button></form>
    <div class="widgets" id="audit-widgets"></div>
    <div id="audit-result"></div>`;
  el.querySelector('#audit-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const d = new FormData(ev.target);
    const qs = new URLSearchParams();
    for (const k of ['actor', 'action', 'since']) if (d.get(k)) qs.set(k, d.get(k));
    navigate('#/audit?' + qs);
  });
  try {
    const v = await api('/api/audit/verify');
    el.querySelector('#audit-verify').innerHTML = v.ok
      ? `<p class="ok" id="audit-ok">哈希链完整：共 <b id="audit-records">${v.records}</b> 条记录</p>`
      : `<p class="error" id="audit-bad">哈希链在第 ${v.first_bad} 条断裂：${esc(v.problem)}</p>`;
  } catch (e) {
    el.querySelector('#audit-verify').innerHTML = `<div class="error">${esc(e.message)}</div>`;
  }
  const qs = new URLSearchParams({ page_size: 200 });
  for (const k of Object.keys(f)) if (f[k]) qs.set(k, f[k]);
  const endpoint = '/api/audit?' + qs;
  const a = await api(endpoint);
  el.querySelector('#audit-result').innerHTML = `
    <p class="count">共 <b id="audit-total">${a.total}</b> 条（最新在前）</p>
    <table class="grid" id="audit-volumes"><thead><tr><th>用户</th><th class="num">读取请求</th><th class="num">读取行数</th><th>异常</th></tr></thead>
    <tbody>${a.volumes.map((v) => `<tr><td>${esc(v.actor)}</td><td class="num">${v.requests}</td><td class="num">${v.rows}</td><td>${v.flagged ? '<b class="out">异常</b>' : ''}</td></tr>`).join('')}</tbody></table>
    <table class="grid" id="audit-table"><thead><tr><th class="num">序号</th><th>时间</th><th>用户</th><th>动作</th><th>对象</th><th class="num">行数</th><th>说明</th></tr></thead>
    <tbody>${a.items.map((r) => `<tr><td class="num">${r.seq}</td><td>${esc(r.ts)}</td><td>${esc(r.actor)}</td><td>${esc(r.action)}</td><td>${esc(r.object)}</td><td class="num">${r.rows}</td><td>${esc(r.detail)}</td></tr>`).join('')}</tbody></table>`;
  await renderWidget(el.querySelector('#audit-widgets'),
    { id: 'audit-volume-chart', type: 'hbar', title: '各用户读取行数', endpoint, data: a, field: 'volumes', label: 'actor', value: 'rows', sort: 'desc', span: 4 }, navigate);
}
