// The built service started as `start:prod` starts it, against a given database, for the
// benchmark scripts that measure one service alone (export.mjs, distinct-documents.mjs).
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const NODE_ARGS = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
  .scripts['start:prod'].split(' ')
  .filter((arg) => arg.startsWith('--'));

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

export async function rssKb(pid) {
  const { stdout } = await promisify(execFile)('ps', ['-o', 'rss=', '-p', String(pid)]);
  return Number(stdout.trim());
}

/** Samples the RSS every 100 ms until stopped; returns the peak in MB. */
export function sampleRss(pid) {
  let peak = 0;
  let running = true;
  const done = (async () => {
    while (running) {
      peak = Math.max(peak, await rssKb(pid));
      await sleep(100);
    }
  })();
  return async () => {
    running = false;
    await done;
    return peak / 1024;
  };
}

/** Starts the service on a free port with `env` added, once it is ready: its base URL, pid and a stop function. */
export async function startService(databaseUrl, env = {}) {
  const port = await freePort();
  const service = spawn(process.execPath, [...NODE_ARGS, 'dist/src/main.js'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      AUTH_JWT_SECRET: randomBytes(48).toString('base64'),
      PUBLIC_READ: 'true',
      LOG_LEVEL: 'warn',
      ...env,
    },
  });
  const base = `http://127.0.0.1:${port}`;
  const stop = () => service.kill('SIGTERM');
  for (let attempt = 0; ; attempt++) {
    const ready = await fetch(`${base}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (attempt > 600) {
      stop();
      throw new Error('the service did not become ready');
    }
    await sleep(100);
  }
  return { base, pid: service.pid, stop };
}
