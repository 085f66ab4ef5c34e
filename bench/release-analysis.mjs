// How well and how fast analyseRelease reads a real release against the demo data (issue 15).
//   npm run build && node bench/release-analysis.mjs [release.txt] [publishedOn]
// Defaults: ../shared/fixtures/release-heilbronn-franken-kooperation.txt, published Tuesday
// 2012-09-25. Starts the built service on an embedded PostgreSQL in a temporary folder (it loads
// the demo data itself), without the response cache so that every request runs the analysis,
// and counts what the analysis finds and matches of the release's people, quotes, organisations
// and alliances, then times 20 analyses over HTTP (median). A measurement, not a test.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const ROOT = new URL('..', import.meta.url).pathname;
const FILE = process.argv[2] ?? join(ROOT, '..', 'shared', 'fixtures', 'release-heilbronn-franken-kooperation.txt');
const PUBLISHED_ON = process.argv[3] ?? '2012-09-25';
const RUNS = 20;

/** What the release holds, by the demo data's names: the people in the order they are quoted (Rust twice). */
const PEOPLE = ['Rust', 'Hirschmann', 'Bopp', 'Rebstock', 'Diepgen', 'Blaettner', 'Schumm', 'Löffler'];
const QUOTED = ['Rust', 'Rust', 'Hirschmann', 'Bopp', 'Rebstock', 'Diepgen', 'Blaettner', 'Schumm', 'Löffler'];
const ORGANISATIONS = [
  'Ministerium für Finanzen und Wirtschaft Baden-Württemberg',
  'Industrie- und Handelskammer Heilbronn-Franken',
  'Handwerkskammer Heilbronn-Franken',
  'Agentur für Arbeit Schwäbisch Hall',
  'Agentur für Arbeit Heilbronn',
  'Arbeitgeberverband Heilbronn-Franken e. V.',
  'Wirtschaftsregion Heilbronn-Franken GmbH',
  'DGB Region Nordwürttemberg',
  'Bundesagentur für Arbeit', // not in the demo data: to be found and proposed, not matched
];
const ALLIANCES = ['Allianz für Fachkräfte Baden-Württemberg', 'Fachkräftebündnis Heilbronn-Franken'];

const ANALYSE = `query($text: String!, $publishedOn: Date) { analyseRelease(text: $text, publishedOn: $publishedOn) {
  title publishedOn dates { text on }
  organisations { text proposedName organisation { id nameHistory { name } } }
  people { text givenName familyName title person { id familyName } organisation { name } }
  quotes { text speaker { familyName person { id familyName } } }
  alliances { text alliance { name } }
  agreement { title signedOn parties { alliance { name } } commitments { kind instruments } } } }`;

async function freePort() {
  const { freePort: fp } = require(join(ROOT, 'dist/src/database/embedded-postgres.js'));
  return fp();
}

async function waitUntilReady(url, child) {
  for (const until = Date.now() + 120_000; Date.now() < until;) {
    if (child.exitCode !== null) throw new Error('the service exited');
    try {
      if ((await fetch(`${url}/health/ready`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the service did not become ready');
}

const text = readFileSync(FILE, 'utf8');
const secret = randomBytes(48).toString('base64');
const { Tokens } = require(join(ROOT, 'dist/src/auth/tokens.js'));
const token = new Tokens(secret).mint({ sub: 'bench', role: 'EDITOR' });
const dataDir = mkdtempSync(join(tmpdir(), 'allianzregister-analysis-'));
const port = await freePort();
const url = `http://127.0.0.1:${port}`;
const child = spawn(process.execPath, ['dist/src/main.js'], {
  cwd: ROOT,
  env: {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: dataDir,
    AUTH_JWT_SECRET: secret,
    RESPONSE_CACHE_MB: '0',
    LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});

try {
  await waitUntilReady(url, child);
  const ask = async () => {
    const started = process.hrtime.bigint();
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: ANALYSE, variables: { text, publishedOn: PUBLISHED_ON } }),
    });
    const body = await response.json();
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return { analysis: body.data.analyseRelease, ms };
  };
  const { analysis } = await ask();

  const found = (list) => list.filter(Boolean).length;
  const people = PEOPLE.map((family) => analysis.people.find((p) => p.familyName === family));
  const quotes = QUOTED.map((family, index) => analysis.quotes[index]?.speaker.familyName === family && analysis.quotes[index]);
  const organisations = ORGANISATIONS.map((name) =>
    analysis.organisations.find((o) =>
      o.organisation ? o.organisation.nameHistory.some((n) => n.name === name) : o.proposedName === name,
    ),
  );
  const alliances = ALLIANCES.map((name) => analysis.alliances.find((a) => a.alliance?.name === name || a.text === name));
  const row = (what, total, list, matched) =>
    console.log(`${what.padEnd(14)} ${String(total).padStart(2)}   found ${found(list)}   matched ${matched}`);
  console.log(`Release: ${FILE}, published ${PUBLISHED_ON}`);
  row('people', PEOPLE.length, people, people.filter((p) => p?.person).length);
  row('quotes', QUOTED.length, quotes, quotes.filter((q) => q && q.speaker.person).length);
  row('organisations', ORGANISATIONS.length, organisations, organisations.filter((o) => o?.organisation).length);
  row('alliances', ALLIANCES.length, alliances, alliances.filter((a) => a?.alliance).length);
  console.log(
    `extra mentions: ${analysis.people.length} people, ${analysis.organisations.length} organisations, ${analysis.alliances.length} alliances (every place, repeats included)`,
  );
  console.log(`title: ${analysis.title}`);
  console.log(`dates: ${analysis.dates.map((d) => `${d.text} = ${d.on}`).join('; ')}`);
  console.log(
    `agreement: ${analysis.agreement?.title} signed ${analysis.agreement?.signedOn}; commitments ${analysis.agreement?.commitments.map((c) => c.kind).join(', ')}`,
  );

  const times = [];
  for (let run = 0; run < RUNS; run++) times.push((await ask()).ms);
  times.sort((a, b) => a - b);
  console.log(
    `analyseRelease over HTTP, ${RUNS} runs: median ${times[RUNS / 2].toFixed(1)} ms, min ${times[0].toFixed(1)} ms, max ${times[RUNS - 1].toFixed(1)} ms`,
  );
} finally {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  rmSync(dataDir, { recursive: true, force: true });
}
