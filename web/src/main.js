// 天平 dashboard: hash router, login, navigation. Widget pages come from the component service
// (/api/components/<id>, declared in web/public/widgets/<id>.json);
// tool pages (courts, 案号, 分词) are small modules in src/pages/.
import './style.css';
import { api, ApiError, clearCache } from './api.js';
import { renderWidgetPage } from './widgets/renderer.js';
import { renderCourts } from './pages/courts.js';
import { renderCaseNumber } from './pages/case_number.js';
import { renderSegment } from './pages/segment.js';
import { renderIndicators } from './pages/indicators.js';
import { renderDocuments } from './pages/documents.js';
import { renderCaseView } from './pages/case_view.js';
import { renderParty } from './pages/party.js';
import { renderAudit } from './pages/audit.js';

// A page declared as widget JSON, fetched from the component service.
const componentPage = (id) => async (el, nav) => renderWidgetPage(el, await api('/api/components/' + id), nav);

const PAGES = [
  { route: 'overview', title: '全国概览', cases: true, render: componentPage('overview') },
  { route: 'indicators', title: '指标分析', cases: true, render: (el, nav, params) => renderIndicators(el, params, nav) },
  { route: 'warnings', title: '预警中心', cases: true, render: componentPage('warnings') },
  { route: 'case', title: '案件全貌', cases: true, render: (el, nav, params) => renderCaseView(el, params) },
  { route: 'party', title: '当事人画像', cases: true, render: (el, nav, params) => renderParty(el, params, nav) },
  { route: 'documents', title: '文书纠错', render: (el, nav, params) => renderDocuments(el, params) },
  { route: 'courts', title: '法院', render: (el, nav, params) => renderCourts(el, params) },
  { route: 'case-number', title: '案号解析', render: (el, nav, params) => renderCaseNumber(el, params) },
  { route: 'segment', title: '中文分词', render: (el) => renderSegment(el) },
  { route: 'audit', title: '安全监督', admin: true, render: (el, nav, params) => renderAudit(el, params, nav) },
  { route: 'admin', title: '接口管理', admin: true, render: componentPage('admin') },
];

const app = document.getElementById('app');
let me = null;

function parseHash() {
  const h = location.hash.replace(/^#\/?/, '');
  const [route, query = ''] = h.split('?');
  return { route: route || 'overview', params: new URLSearchParams(query) };
}

function navigate(hash) {
  location.hash = hash;
}

function renderLogin(message = '') {
  app.innerHTML = `
    <div class="login">
      <h1>天平 · 司法大数据平台</h1>
      <form id="login-form">
        <label>用户名 <input name="user" autocomplete="username" value="admin" required></label>
        <label>密码 <input name="password" type="password" autocomplete="current-password" required></label>
        <button type="submit">登录</button>
        <p class="error" id="login-error">${message}</p>
      </form>
    </div>`;
  app.querySelector('#login-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const f = new FormData(ev.target);
    try {
      me = await api('/api/login', { method: 'POST', body: { user: f.get('user'), password: f.get('password') } });
      clearCache();
      route();
    } catch (e) {
      app.querySelector('#login-error').textContent = e.message;
    }
  });
}

// Pages this principal may open: admin pages for the admin role, case-data pages for roles that read
// cases (the admin role reads none: docs/security.md).
const visiblePages = () => PAGES.filter((p) => (!p.admin || me.role === 'admin') && (!p.cases || me.reads_cases));

function renderShell(current) {
  const links = visiblePages()
    .map((p) => `<a href="#/${p.route}" data-route="${p.route}" class="${p.route === current ? 'active' : ''}">${p.title}</a>`)
    .join('');
  app.innerHTML = `
    <header><span class="brand">天平</span><nav>${links}</nav>
      <span class="user">${me.user}（${me.role_label}）<button id="logout">退出</button></span></header>
    <main id="page"></main>`;
  app.querySelector('#logout').addEventListener('click', async () => {
    await api('/api/logout', { method: 'POST' }).catch(() => {});
    me = null;
    clearCache();
    renderLogin();
  });
  return app.querySelector('#page');
}

async function route() {
  if (!me) {
    try {
      me = await api('/api/me');
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return renderLogin();
      return renderLogin('服务不可用：' + e.message);
    }
  }
  const { route: r, params } = parseHash();
  const pages = visiblePages();
  const page = pages.find((p) => p.route === r) || pages[0];
  const el = renderShell(page.route);
  el.dataset.page = page.route;
  try {
    await page.render(el, navigate, params);
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      me = null;
      return renderLogin('会话已过期，请重新登录');
    }
    el.insertAdjacentHTML('beforeend', `<div class="error">${e.message}</div>`);
  }
  el.dataset.ready = '1'; // the browser tests wait for this
}

window.addEventListener('hashchange', route);
route();
