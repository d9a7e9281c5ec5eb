// 案件全貌: a case by 案号 (or id) with its proceeding chain (一审 → 二审 → 再审 → 执行), parties and
// documents, through GET /api/cases/{id} (the AccessGuard decides what is shown), plus the cross-check of
// its documents against the record (GET /api/cases/{id}/crosscheck).
import { api } from '../api.js';
import { esc } from '../widgets/renderer.js';

const FIELDS = [
  ['case_number', '案号'], ['court_name', '法院'], ['category', '类别'], ['cause_name', '案由/罪名'],
  ['procedure', '程序'], ['filed_date', '立案日期'], ['closed_date', '结案日期'], ['closure_method', '结案方式'],
  ['judge_name', '承办法官'], ['statutory_limit_days', '审限（天）'],
];

export async function renderCaseView(el, params) {
  const key = params.get('q') || params.get('id') || '';
  el.innerHTML = `
    <h2>案件全貌</h2>
    <form class="filters" id="case-form"><label>案号或案件编号 <input name="q" size="40" value="${esc(key)}" placeholder="（2023）京0105民初12345号"></label><button type="submit">查询</button></form>
    <div id="case-result"></div>`;
  el.querySelector('#case-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    location.hash = '#/case?q=' + encodeURIComponent(new FormData(ev.target).get('q').trim());
  });
  if (!key) return;
  const out = el.querySelector('#case-result');
  let v;
  try {
    v = await api('/api/cases/' + encodeURIComponent(key));
  } catch (e) {
    out.innerHTML = `<div class="error" id="case-error">${esc(e.message)}</div>`;
    return;
  }
  const c = v.case;
  const parties = (c.parties || []).map((p) => `<tr><td>${esc(p.role)}</td><td>${esc(p.kind)}</td>
      <td><a href="#/party?q=${encodeURIComponent(p.name || '')}">${esc(p.name)}</a></td><td>${esc(p.id_number || p.credit_code || '')}</td></tr>`).join('');
  out.innerHTML = `
    <table class="grid kv" id="case-fields">${FIELDS.map(([k, t]) => `<tr><th>${t}</th><td data-field="${k}">${esc(c[k] ?? '—')}</td></tr>`).join('')}</table>
    <h3>审判流程（程序链）</h3>
    <table class="grid" id="case-chain"><thead><tr><th>关系</th><th>案号</th><th>法院</th><th>程序</th><th>立案</th><th>结案</th><th>结案方式</th></tr></thead>
    <tbody>${v.chain.map((n) => `<tr class="${n.case_id === c.case_id ? 'self' : ''}" data-case="${esc(n.case_id)}">
      <td>${'　'.repeat(n.depth)}${esc(n.relation || '原审')}</td><td><a href="#/case?q=${encodeURIComponent(n.case_number)}">${esc(n.case_number)}</a></td>
      <td>${esc(n.court_name)}</td><td>${esc(n.procedure)}</td><td>${esc(n.filed_date)}</td><td>${esc(n.closed_date || '未结')}</td><td>${esc(n.closure_method)}</td></tr>`).join('')}</tbody></table>
    <h3>当事人</h3>
    <table class="grid" id="case-parties"><thead><tr><th>诉讼地位</th><th>类型</th><th>姓名/名称</th><th>证件号码</th></tr></thead><tbody>${parties}</tbody></table>
    <h3>裁判文书</h3>
    <ul id="case-docs">${v.documents.map((d) => `<li><a href="#/documents?id=${encodeURIComponent(d.doc_id)}">${esc(d.title || d.doc_id)}</a>（${esc(d.kind)}）</li>`).join('') || '<li>无</li>'}</ul>
    <h3>文书与案件信息比对</h3><div id="case-crosscheck">…</div>`;
  try {
    const x = await api('/api/cases/' + encodeURIComponent(c.case_id) + '/crosscheck');
    const rows = x.documents.flatMap((d) => d.mismatches.map((m) => `<tr><td>${esc(d.doc_id)}</td><td>${esc(m.field)}</td><td>${esc(m.structured)}</td><td>${esc(m.document)}</td></tr>`));
    el.querySelector('#case-crosscheck').innerHTML = rows.length
      ? `<table class="grid" id="crosscheck-table"><thead><tr><th>文书</th><th>字段</th><th>案件信息</th><th>文书所载</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
      : '<p id="crosscheck-none">文书与案件信息一致。</p>';
  } catch (e) {
    el.querySelector('#case-crosscheck').innerHTML = `<div class="error">${esc(e.message)}</div>`;
  }
}
