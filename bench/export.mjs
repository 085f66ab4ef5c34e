// Memory, size and time of the open data exports (issue 16) against a filled database.
// Usage: node bench/export.mjs <database-url> [asOf]   (build first; fill with bench/generate.mjs)
// Starts the built service as start:prod does, downloads each export once at full speed and
// popolo.json once more as a slow caller (64 kB, then 20 ms of rest), sampling the service's RSS
// (`ps -o rss`) every 100 ms, and prints a Markdown table.
import { rssKb, sampleRss, sleep, startService } from './service.mjs';

const [databaseUrl, asOf] = process.argv.slice(2);
if (!databaseUrl) {
  console.error('usage: node bench/export.mjs <database-url> [asOf]');
  process.exit(2);
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

const service = await startService(databaseUrl);
const { base } = service;
try {
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
  service.stop();
}
