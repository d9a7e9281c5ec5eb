// 中文分词: POST /api/segment and show the words.
import { api } from '../api.js';

export async function renderSegment(el) {
  el.innerHTML = `
    <h2>中文分词</h2>
    <form id="seg-form"><textarea name="text" rows="4" cols="80">原告李某1与被告张x1民间借贷纠纷一案，本院于2023年5月10日立案后，依法适用简易程序公开开庭进行了审理。</textarea>
      <div><label>模式 <select name="mode"><option value="exact">精确</option><option value="search">搜索</option><option value="nohmm">无HMM</option></select></label>
      <button type="submit">分词</button></div></form>
    <div id="seg-result"></div>`;
  const out = el.querySelector('#seg-result');
  async function run() {
    const f = new FormData(el.querySelector('#seg-form'));
    try {
      const r = await api('/api/segment', { method: 'POST', body: { text: f.get('text'), mode: f.get('mode') } });
      out.innerHTML = `<p class="count">${r.words.length} 个词</p><div class="words">${r.words.map((w) => `<span>${w}</span>`).join('')}</div>`;
    } catch (e) {
      out.innerHTML = `<div class="error">${e.message}</div>`;
    }
  }
  el.querySelector('#seg-form').addEventListener('submit', (ev) => { ev.preventDefault(); run(); });
  await run();
}
