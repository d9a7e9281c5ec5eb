// A keep-alive HTTP client for the e2e tests (one socket per client): resolves to {status, headers, raw,
// text, json, reused}; gzip bodies are decompressed; `path` may hold raw Chinese text (URI-encoded here).
// Also the error-shape assertion.
import http from 'node:http';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';

export function makeClient(base) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  function request(method, path, { headers = {}, body } = {}) {
    return new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
      const h = { ...headers };
      if (payload !== undefined && !h['Content-Type']) h['Content-Type'] = 'application/json';
      const req = http.request(base + encodeURI(path).replace(/%25/g, '%'), { method, headers: h, agent }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          const text = res.headers['content-encoding'] === 'gzip' ? gunzipSync(raw).toString() : raw.toString();
          let json = null;
          try { json = JSON.parse(text); } catch { /* not JSON */ }
          resolve({ status: res.statusCode, headers: res.headers, raw, text, json, reused: req.reusedSocket });
        });
      });
      req.on('error', reject);
      if (payload !== undefined) req.write(payload);
      req.end();
    });
  }
  return { request, get: (path, opts) => request('GET', path, opts), close: () => agent.destroy() };
}

export function assertError(r, status, code) {
  assert.equal(r.status, status, `${status} expected, got ${r.status}: ${r.text}`);
  assert.ok(r.json && r.json.error, 'error body: ' + r.text);
  assert.equal(r.json.error.code, code);
  assert.ok(r.json.error.message.length > 0);
}
