// 文书纠错: paste a judgment's text (or open a document by id) and see the checker's findings
// highlighted in place (POST /api/documents/check, GET /api/documents/{id}?check=1).
import { api } from '../api.js';
import { esc } from '../widgets/renderer.js';

const SAMPLE = '广东省深圳市南山区人民法院\n民事判决书\n（2023）粤0305民初1234号\n原告：张三，男，1980年1月1日出生。\n被告：李四。\n本院认为，被告应当于本判决生效之日起十日内偿还原告借款。\n';

// The text with each finding's character span wrapped in <mark>; empty spans (omissions) get a marker.
function highlight(text, findings) {
  const chars = Array.from(text);
  const opens = new Map(), closes = new Map();
  findings.forEach((f, i) => {
    (opens.get(f.char_start) || opens.set(f.char_start, []).get(f.char_start)).push(i);
    (closes.get(f.char_end) || closes.set(f.char_end, []).get(f.char_end)).push(i);
  });
  let out = '';
  for (let k = 0; k <= chars.length; ++k) {
    for (const i of closes.get(k) || []) if (findings[i].char_start !== findings[i].char_end) out += '</mark>';
    for (const i of opens.get(k) || []) {
      const f = findings[i];
      out += f.char_start === f.char_end ? `<mark class="gap" data-finding="${i}" title="${esc(f.message)}">⌃</mark>`
                                         : `<mark data-finding="${i}" title="${esc(f.message)}">`;
    }
    if (k < chars.length) out += esc(chars[k]);
  }
  return out;
}

function showFindings(out, text, r) {
  out.innerHTML = `
    <p class="count">发现 <b id="doc-count">${r.findings.length}</b> 处问题</p>
    <pre class="doc-text" id="doc-text">${highlight(text, r.findings)}</pre>
    <table class="grid" id="doc-findings"><thead><tr><th>#</th><th>类型</th><th>原文</th><th>说明</th><th>建议</th></tr></thead>
    <tbody>${r.findings.map((f, i) => `<tr><td>${i + 1}</td><td>${esc(f.label)}</td><td>${esc(f.text)}</td><td>${esc(f.message)}</td><td>${esc(f.suggestion)}</td></tr>`).join('')}</tbody></table>`;
}

export async function renderDocuments(el, params) {
  el.innerHTML = `
    <h2>文书纠错</h2>
    <p class="note">粘贴裁判文书全文后检查，或按文书编号打开库中文书。问题在原文中高亮。</p>
    <form class="filters" id="doc-open"><label>文书编号 <input name="id" value="${esc(params.get('id') || '')}" size="30"></label><button type="submit">打开并检查</button></form>
    <form id="doc-form"><textarea name="text" rows="10" id="doc-input">${esc(SAMPLE)}</textarea><br><button type="submit">检查</button></form>
    <div id="doc-result"></div>`;
  const out = el.querySelector('#doc-result');
  el.querySelector('#doc-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const text = new FormData(ev.target).get('text');
    try {
      showFindings(out, text, await api('/api/documents/check', { method: 'POST', body: { text } }));
    } catch (e) {
      out.innerHTML = `<div class="error">检查失败：${esc(e.message)}</div>`;
    }
  });
  const open = async (id) => {
    try {
      const d = await api('/api/documents/' + encodeURIComponent(id) + '?check=1');
      el.querySelector('#doc-input').value = d.text;
      showFindings(out, d.text, d);
      out.insertAdjacentHTML('afterbegin', `<h3 id="doc-title">${esc(d.title)}　<a href="#/case?id=${encodeURIComponent(d.case_id)}">${esc(d.case_number || d.case_id)}</a></h3>`);
    } catch (e) {
      out.innerHTML = `<div class="error">打开失败：${esc(e.message)}</div>`;
    }
  };
  el.querySelector('#doc-open').addEventListener('submit', (ev) => {
    ev.preventDefault();
    open(new FormData(ev.target).get('id'));
  });
  if (params.get('id')) await open(params.get('id'));
}
