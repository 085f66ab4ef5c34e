// What callers that send ever new documents cost the service (issue 14: compiled execution).
// Usage: node bench/distinct-documents.mjs <database-url> [documents=600] [runs-each=2]   (build first;
// fill with bench/generate.mjs). Starts the built service twice, compiling and interpreting
// (GRAPHQL_COMPILED_EXECUTION), and sends it the benchmark's alliance-full query under `documents`
// different aliases, each `runs-each` times in a row (the second run of an operation is the one
// compiled), then the same again: time per request, and the service's RSS, peak and after each round.
// The rate limit is lifted (RATE_LIMIT_POINTS_PER_MINUTE): it would stop one caller long before memory matters.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rssKb, sampleRss, startService } from './service.mjs';

const [databaseUrl, documents = '600', runsEach = '2'] = process.argv.slice(2);
if (!databaseUrl) {
  console.error('usage: node bench/distinct-documents.mjs <database-url> [documents] [runs-each]');
  process.exit(2);
}
const QUERY = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'queries', 'alliance-full.graphql'), 'utf8');

async function ask(base, query, variables) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const rows = [];
for (const compiled of [true, false]) {
  const service = await startService(databaseUrl, {
    GRAPHQL_COMPILED_EXECUTION: String(compiled),
    RATE_LIMIT_POINTS_PER_MINUTE: '2000000000',
  });
  try {
    const { alliances } = await ask(service.base, '{ alliances(first: 1) { edges { node { id } } } }');
    const variables = { id: alliances.edges[0].node.id };
    const after = [(await rssKb(service.pid)) / 1024];
    const stop = sampleRss(service.pid);
    const started = performance.now();
    for (const round of ['a', 'b']) {
      for (let i = 0; i < Number(documents); i += 1) {
        const query = QUERY.replace('alliance(id: $id)', `${round}${i}: alliance(id: $id)`);
        for (let run = 0; run < Number(runsEach); run += 1) await ask(service.base, query, variables);
      }
      after.push((await rssKb(service.pid)) / 1024);
    }
    const perRequest = (performance.now() - started) / (2 * Number(documents) * Number(runsEach));
    const peak = await stop();
    rows.push(
      `| ${compiled ? 'compiled' : 'interpreted'} | ${perRequest.toFixed(1)} ms | ${after.map((mb) => mb.toFixed(0)).join(' → ')} MB | ${peak.toFixed(0)} MB |`,
    );
  } finally {
    service.stop();
  }
}
console.log(`${documents} different documents, each ${runsEach} times in a row, twice over\n`);
console.log('| execution | time per request | RSS at start → after each round | peak RSS |\n| --- | ---: | --- | ---: |');
console.log(rows.join('\n'));
