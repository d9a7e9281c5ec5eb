// 法院 browser: filters (province, level, name) and pagination over /api/ref/courts.
import { api } from '../api.js';

const LEVELS = ['', '最高', '高级', '中级', '基层'];

export async function renderCourts(el, params) {
  const provinces = (await api('/api/ref/provinces')).items;
  const state = {
    province: params.get('province') || '',
    level: params.get('level') || '',
    q: params.get('q') || '',
    parent: params.get('parent') || '',
    page: Number(params.get('page') || 1),
  };
  // Drill-down: ?parent=CODE lists a court's subordinates under a breadcrumb of its superiors.
  let crumb = '';
  if (state.parent) {
    const p = await api('/api/ref/courts/' + encodeURIComponent(state.parent));
    const link = (c) => `<a href="#/courts?parent=${encodeURIComponent(c.code)}">${c.name}</a>`;
    crumb = `<nav class="crumb" id="court-crumb">${[...p.superiors.map(link), `<b>${p.name}</b>`].join(' › ')}（下级法院）</nav>`;
  }
  el.innerHTML = `
    <h2>法院</h2>${crumb}
    <form class="filters" id="court-filters">
      <label>省份 <select name="province"><option value="">全部</option>${provinces
        .map((p) => `<option value="${p.abbr}" ${p.abbr === state.province ? 'selected' : ''}>${p.name}</option>`)
        .join('')}</select></label>
      <label>层级 <select name="level">${LEVELS.map((l) => `<option value="${l}" ${l === state.level ? 'selected' : ''}>${l || '全部'}</option>`).join('')}</select></label>
      <label>名称 <input name="q" value="${state.q}" placeholder="如：朝阳"></label>
      <button type="submit">查询</button>
    </form>
    <div id="court-result"></div>`;
  const result = el.querySelector('#court-result');
  async function load() {
    const qs = new URLSearchParams({ page: state.page, page_size: 50 });
    for (const k of ['province', 'level', 'q', 'parent']) if (state[k]) qs.set(k, state[k]);
    const data = await api('/api/ref/courts?' + qs);
    const pages = Math.max(1, Math.ceil(data.total / data.page_size));
    result.innerHTML = `
      <p class="count">共 <b id="court-total">${data.total}</b> 家法院，第 ${data.page}/${pages} 页</p>
      <table class="grid" id="court-table"><thead><tr><th>代字</th><th>名称</th><th>层级</th><th>省份</th><th>上级法院</th><th>类型</th><th class="num">法官数</th></tr></thead>
      <tbody>${data.items
        .map((c) => `<tr><td>${c.level === '基层' ? c.code : `<a class="drill" href="#/courts?parent=${encodeURIComponent(c.code)}">${c.code}</a>`}</td><td>${c.name}</td><td>${c.level}</td><td>${c.province}</td><td>${c.parent_code}</td><td>${c.kind}</td><td class="num">${c.judges}</td></tr>`)
        .join('')}</tbody></table>
      <div class="pager"><button id="prev" ${data.page <= 1 ? 'disabled' : ''}>上一页</button>
        <button id="next" ${data.page >= pages ? 'disabled' : ''}>下一页</button></div>`;
    result.querySelector('#prev').onclick = () => { state.page--; load(); };
    result.querySelector('#next').onclick = () => { state.page++; load(); };
  }
  el.querySelector('#court-filters').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const f = new FormData(ev.target);
    Object.assign(state, { province: f.get('province'), level: f.get('level'), q: f.get('q'), page: 1 });
    // Filters apply within the current parent, if any.
    load();
  });
  await load();
}
