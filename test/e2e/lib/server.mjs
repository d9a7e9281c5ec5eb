// Starts the real `tianping serve` on a free loopback port over a freshly generated dataset.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function generateDataset(tianping, cases, seed = 7) {
  const dir = mkdtempSync(join(tmpdir(), 'tp-e2e-'));
  execFileSync(tianping, ['gen', '--cases', String(cases), '--seed', String(seed), '--out', dir, '--quiet'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return dir;
}

// The demo login's password, or null when the service created none (security.db had users).
function readDemoPassword(dataDir, user) {
  const f = join(dataDir, `${user}-initial-password`);
  return existsSync(f) ? readFileSync(f, 'utf8').trim() : null;
}

// Resolves to {base, port, password (demo admin), analystPassword (demo spc_analyst), stop(): Promise<exit code>}.
export function startServer(tianping, dataDir, extraArgs = []) {
  const args = ['serve', '--data', dataDir, '--port', '0', '--bind', '127.0.0.1', '--fast-password-hash', ...extraArgs];
  const child = spawn(tianping, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('server did not start in 60 s:\n' + stderr)), 60000);
    child.on('exit', (code) => reject(new Error(`server exited early (${code}):\n${stderr}`)));
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/listening on http:\/\/127\.0\.0\.1:(\d+)\//);
      if (!m) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      const exited = new Promise((res) => child.on('exit', (code, signal) => res(code ?? signal)));
      resolve({
        port: Number(m[1]),
        base: `http://127.0.0.1:${m[1]}`,
        password: readDemoPassword(dataDir, 'admin'),
        analystPassword: readDemoPassword(dataDir, 'analyst'),
        stdout: () => out,
        stderr: () => stderr,
        stop: () => { child.kill('SIGTERM'); return exited; },
      });
    });
  });
}

export function removeDir(dir) {
  rmSync(dir, { recursive: true, force: true });
}

// Runs an end-to-end test's `body` against a started server and ends the process: on failure it prints the
// error and the server's stderr; always it calls `cleanup` (close clients), stops the server (a non-zero
// exit on SIGTERM fails the test) and removes `dir`. Exit code 0 only when everything passed.
export async function runServerTest(name, srv, dir, body, cleanup = () => {}) {
  let failed = false;
  try {
    await body();
    console.log(`${name}: all checks passed`);
  } catch (e) {
    failed = true;
    console.error(e);
    console.error('server stderr:\n' + srv.stderr());
  } finally {
    cleanup();
    const code = await srv.stop();
    if (code !== 0) {
      console.error('server did not shut down cleanly on SIGTERM: ' + code);
      failed = true;
    }
    removeDir(dir);
  }
  process.exit(failed ? 1 : 0);
}

