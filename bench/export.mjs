// Memory, size and time of the open data exports (issue 16) against a filled database.
// Usage: node bench/export.mjs <database-url> [asOf]   (build first; fill with bench/generate.mjs)
// Starts the built service as start:prod does, downloads each export once at full speed and
// popolo.json once more as a slow caller (64 kB, then 20 ms of rest), sampling the service's RSS
// (`ps -o rss`) every 100 ms, and prints a Markdown table.
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const [databaseUrl, asOf] = process.argv.slice(2);
if (!databaseUrl) {
  console.error('usage: node bench/export.mjs <database-url> [asOf]');
  process.exit(2);
}
const NODE_ARGS = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
  .scripts['start:prod'].split(' ')
  .filter((arg) => arg.startsWith('--'));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

async function rssKb(pid) {
  const { stdout } = await promisify(execFile)('ps', ['-o', 'rss=', '-p', String(pid)]);
  return Number(stdout.trim());
}

/** Samples the RSS every 100 ms until stopped; returns the peak in MB. */
function sampleRss(pid) {
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

/** Reads the body without keeping it; `restMs` after each 64 kB read makes a slow caller. */
async function download(url, restMs = 0) {
  const started = performance.now();
  const response = await fetch(url);
  if (response.status !== 200) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  let bytes = 0;
  let sinceRest = 0;
  for await (const chunk of response.body) {
    bytes += chunk.length;
    sinceRest += chunk.length;
    if (restMs && sinceRest >= 65536) {
      sinceRest = 0;
      await sleep(restMs);
    }
  }
  return { bytes, ms: performance.now() - started };
}

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
  },
});
const base = `http://127.0.0.1:${port}`;
try {
  for (let attempt = 0; ; attempt++) {
    const ready = await fetch(`${base}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (attempt > 600) throw new Error('the service did not become ready');
    await sleep(100);
  }
  const query = asOf ? `?asOf=${asOf}` : '';
  const runs = [
    ['popolo.json', 0],
    ['organisations.csv', 0],
    ['people.csv', 0],
    ['memberships.csv', 0],
    ['popolo.json (slow caller)', 20],
  ];
  const rows = [];
  const idle = (await rssKb(service.pid)) / 1024;
  for (const [name, restMs] of runs) {
    const stop = sampleRss(service.pid);
    const { bytes, ms } = await download(`${base}/export/${name.split(' ')[0]}${query}`, restMs);
    const peak = await stop();
    rows.push(`| ${name} | ${(bytes / 1e6).toFixed(1)} MB | ${(ms / 1000).toFixed(1)} s | ${peak.toFixed(0)} MB |`);
  }
  console.log(`RSS of the idle service after start: ${idle.toFixed(0)} MB\n`);
  console.log('| export | size | time | peak RSS |\n| --- | ---: | ---: | ---: |');
  console.log(rows.join('\n'));
} finally {
  service.kill('SIGTERM');
}
