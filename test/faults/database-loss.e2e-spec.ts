import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedServerProcess, startEmbeddedServerProcess } from '../support/embedded-server-process';
import { createTestApp, GqlResponse, TestApp } from '../support/test-app';

const DB_CONNECT_TIMEOUT_MS = 1000;
const DB_STATEMENT_TIMEOUT_MS = 2000;
const DB_POOL_SIZE = 5;
/** No request waits past the configured timeouts (a query without any answer: both); a second more for a loaded machine. */
const GRAPHQL_SLOT_STUCK_MS = 500;
// A request may wait for an execution slot, then for a pooled connection, then for a statement the
// server never answers (the client gives up after the statement and the connect timeout).
const FAIL_WITHIN_MS = GRAPHQL_SLOT_STUCK_MS + DB_CONNECT_TIMEOUT_MS + DB_STATEMENT_TIMEOUT_MS + DB_CONNECT_TIMEOUT_MS + 500;
const UNAVAILABLE = { message: 'The database is not reachable; try again shortly', extensions: { code: 'SERVICE_UNAVAILABLE' } };

const READ = '{ alliances(first: 5) { totalCount } organisations(first: 5) { totalCount edges { node { id name } } } }';
const CREATE = `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }`;
const BY_NAME = `query($search: String!) { organisations(filter: { search: $search }) { totalCount } }`;

/** Polls `check` every 25 ms until it holds; the milliseconds until it did, or a failure when that is over `limitMs`. */
async function within(limitMs: number, what: string, check: () => Promise<boolean>): Promise<number> {
  const startedAt = Date.now();
  for (;;) {
    const held = await check().catch(() => false);
    const ms = Date.now() - startedAt;
    if (ms > limitMs) throw new Error(`${what}: not within ${limitMs} ms (${ms} ms)`);
    if (held) return ms;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const startedAt = Date.now();
  const result = await work();
  return { result, ms: Date.now() - startedAt };
}

describe('database loss under a running service: its embedded server stopped, or frozen, and back', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'allianzregister-loss-'));
  let server: EmbeddedServerProcess;
  let t: TestApp;

  const status = async (path: string) => (await fetch(`${t.url}${path}`)).status;

  /** More requests than the pool has connections, reads and a write, at once; each with how long it took. */
  const requestsAtOnce = (name: string) =>
    Promise.all([
      ...Array.from({ length: DB_POOL_SIZE * 3 }, () => timed(() => t.gql(READ))),
      timed(() => t.gql(CREATE, { input: { name, kind: 'EMPLOYMENT_AGENCY' } }, { token: t.tokens.editor })),
    ]);

  const expectUnavailable = (requests: { result: GqlResponse; ms: number }[]) => {
    for (const { result, ms } of requests) {
      expect(result.status).toBe(200);
      expect(result.data).toBeNull();
      expect(result.errors![0]).toMatchObject(UNAVAILABLE);
      expect(result.errors![0].extensions).not.toHaveProperty('stacktrace');
      expect(ms).toBeLessThan(FAIL_WITHIN_MS);
    }
  };

  const range = (requests: { ms: number }[]) =>
    `${Math.min(...requests.map(({ ms }) => ms))}..${Math.max(...requests.map(({ ms }) => ms))} ms`;

  beforeAll(async () => {
    server = await startEmbeddedServerProcess(dataDir);
    t = await createTestApp({
      DATABASE_URL: server.url,
      DB_CONNECT_TIMEOUT_MS,
      DB_STATEMENT_TIMEOUT_MS,
      DB_POOL_SIZE,
      GRAPHQL_SLOT_STUCK_MS,
    });
  });

  afterAll(async () => {
    await t?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stopped: /health/ready 503 within 2 s, SERVICE_UNAVAILABLE fast, answers again within 5 s of the restart on the same port', async () => {
    await expect(status('/health/ready')).resolves.toBe(200);
    // Every pooled connection open and idle, as on a busy service: all of them die with the server.
    await Promise.all(Array.from({ length: DB_POOL_SIZE * 2 }, () => t.gql(READ)));

    const stopStartedAt = Date.now();
    await server.stop();
    const stopMs = Date.now() - stopStartedAt;
    const toRed = await within(2000, '/health/ready 503', async () => (await status('/health/ready')) === 503);
    await expect(status('/health/live')).resolves.toBe(200);

    const name = `Agentur für Arbeit Ausfall ${Date.now()}`;
    const whileDown = await requestsAtOnce(name);
    expectUnavailable(whileDown);

    const restartStartedAt = Date.now();
    server = await startEmbeddedServerProcess(dataDir, server.port);
    const restartMs = Date.now() - restartStartedAt;
    const toAnswer = await within(5000, 'a query answered again', async () => (await t.gql(READ)).errors === undefined);
    const toGreen = await within(5000, '/health/ready 200', async () => (await status('/health/ready')) === 200);

    const written = await t.gql(CREATE, { input: { name: `${name} danach`, kind: 'EMPLOYMENT_AGENCY' } }, { token: t.tokens.editor });
    expect(written.errors).toBeUndefined();
    // The search finds both names; the write tried while the server was down left nothing.
    const found = await t.gql(BY_NAME, { search: name });
    expect(found.data!.organisations.totalCount).toBe(1);

    console.log(
      [
        `database stopped (pool ${DB_POOL_SIZE}, DB_CONNECT_TIMEOUT_MS ${DB_CONNECT_TIMEOUT_MS}, DB_STATEMENT_TIMEOUT_MS ${DB_STATEMENT_TIMEOUT_MS}, GRAPHQL_SLOT_STUCK_MS ${GRAPHQL_SLOT_STUCK_MS}):`,
        `  embedded server stopped (fast shutdown) in ${stopMs} ms`,
        `  /health/ready 503 ${toRed} ms after the server had stopped; /health/live stays 200`,
        `  ${whileDown.length} requests at once while down: SERVICE_UNAVAILABLE in ${range(whileDown)}`,
        `  embedded server restarted on the same port in ${restartMs} ms; then the first query answered after ${toAnswer} ms, /health/ready 200 after ${toAnswer + toGreen} ms`,
      ].join('\n'),
    );
  });

  it('frozen (no answer, connections left open): /health/ready 503 within 2 s, SERVICE_UNAVAILABLE within the timeouts, answers within 5 s of the thaw', async () => {
    await within(5000, 'healthy to begin with', async () => (await status('/health/ready')) === 200);
    await Promise.all(Array.from({ length: DB_POOL_SIZE * 2 }, () => t.gql(READ)));

    const thaw = server.freeze();
    let toRed: number;
    let whileFrozen: { result: GqlResponse; ms: number }[];
    try {
      toRed = await within(2000, '/health/ready 503', async () => (await status('/health/ready')) === 503);
      whileFrozen = await requestsAtOnce(`Agentur für Arbeit eingefroren ${Date.now()}`);
    } finally {
      thaw();
    }
    expectUnavailable(whileFrozen);

    const toAnswer = await within(5000, 'a query answered again', async () => (await t.gql(READ)).errors === undefined);
    const toGreen = await within(5000, '/health/ready 200', async () => (await status('/health/ready')) === 200);
    console.log(
      [
        `database frozen (SIGSTOP of the server and its backends; same settings):`,
        `  /health/ready 503 after ${toRed} ms (the ping's own timeout)`,
        `  ${whileFrozen.length} requests at once while frozen: SERVICE_UNAVAILABLE in ${range(whileFrozen)}`,
        `  first query answered ${toAnswer} ms after the thaw, /health/ready 200 after ${toAnswer + toGreen} ms`,
      ].join('\n'),
    );
  });
});
