// One HTTP request with a keep-alive agent (one socket): resolves to {status, headers, raw, text, json,
// reused}; gzip bodies are decompressed. `path` may hold raw Chinese text (it is URI-encoded here).
import http from 'node:http';
import { gunzipSync } from 'node:zlib';

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

export function request(base, method, path, { headers = {}, body } = {}) {
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


// Closes the kept-alive socket (before the server stops).
export function closeConnections() {
  agent.destroy();
}
