// One HTTP request to `base` over a kept-alive socket (one client per base, lib/http_client.mjs): resolves to
// {status, headers, raw, text, json, reused}.
import { makeClient } from './http_client.mjs';

const clients = new Map();

export function request(base, method, path, opts) {
  let client = clients.get(base);
  if (!client) {
    client = makeClient(base);
    clients.set(base, client);
  }
  return client.request(method, path, opts);
}

// Closes the kept-alive sockets (before the server stops).
export function closeConnections() {
  for (const client of clients.values()) client.close();
  clients.clear();
}
