import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from '../../src/database/embedded-postgres';
import { startEmbeddedServerProcess } from '../support/embedded-server-process';
import { startService } from '../support/service-process';

const CREATE_RELEASE = `mutation($input: CreateReleaseInput!) { createRelease(input: $input) { id title } }`;
const CREATE_ORGANISATION = `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }`;
const CREATE_PERSON = `mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }`;

const WRITES = 50;

type Outcome =
  /** 200 with the release: acknowledged, so it must be in the database. */
  | { kind: 'acknowledged'; title: string; sentBeforeSignal: boolean; answeredAfterSignal: boolean }
  /** Refused before any work: connection refused, or 503 SERVICE_UNAVAILABLE. */
  | { kind: 'refused'; title: string; detail: string }
  /** The connection closed with no response: allowed only if nothing of it was written. */
  | { kind: 'closed'; title: string; detail: string }
  /** Anything else, e.g. a 5xx or an error from a half-closed pool: never allowed. */
  | { kind: 'failed'; title: string; detail: string };

function isProcessRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('graceful shutdown of the built service', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'allianzregister-shutdown-'));

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  /** As a developer runs it, on an embedded server in `folder`; logging at info, for the shutdown steps. */
  const serviceEnv = async (folder: string): Promise<NodeJS.ProcessEnv> => {
    const { DATABASE_URL: _url, AUTH_JWT_SECRET: _secret, TEST_DATABASE_URL: _test, ...rest } = process.env;
    return { ...rest, NODE_ENV: 'development', DATA_DIR: folder, PORT: String(await freePort()), LOG_LEVEL: 'info', DEMO_DATA: 'false' };
  };

  it('on SIGTERM under write load: finishes the writes in flight, refuses new ones, closes the pool, stops the embedded server, exits 0; every acknowledged write is stored, no other', async () => {
    const service = await startService(await serviceEnv(dataDir));
    const postmasterPidFile = join(dataDir, 'postgres', 'postmaster.pid');
    const postmasterPid = Number(readFileSync(postmasterPidFile, 'utf8').split('\n')[0]);

    const gql = async (query: string, variables: Record<string, unknown>) => {
      const response = await fetch(`${service.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${service.token}` },
        body: JSON.stringify({ query, variables }),
      });
      return {
        status: response.status,
        body: (await response.json()) as { data?: any; errors?: { message: string; extensions: { code: string } }[] },
      };
    };
    const publisher = (
      await gql(CREATE_ORGANISATION, { input: { name: 'Ministerium für Finanzen und Wirtschaft Baden-Württemberg', kind: 'MINISTRY' } })
    ).body.data.createOrganisation.id;
    const quoted: string[] = [];
    for (const [givenName, familyName] of [
      ['Ingo', 'Rust'],
      ['Elke', 'Schumm'],
      ['Thomas', 'Hirschmann'],
    ]) {
      quoted.push((await gql(CREATE_PERSON, { input: { givenName, familyName } })).body.data.createPerson.id);
    }

    let signalled = false;
    const write = async (title: string): Promise<Outcome> => {
      const sentBeforeSignal = !signalled;
      const input = {
        title,
        publishedOn: '2012-09-24',
        publisherId: publisher,
        body: 'Stuttgart/Heilbronn. Kooperationsvereinbarung unterzeichnet. '.repeat(50),
        quotes: quoted.map((personId) => ({ personId, text: 'Wir sichern gemeinsam Fachkräfte für die Region.' })),
      };
      try {
        const { status, body } = await gql(CREATE_RELEASE, { input });
        if (status === 200 && !body.errors && body.data?.createRelease?.title === title)
          return { kind: 'acknowledged', title, sentBeforeSignal, answeredAfterSignal: signalled };
        if (status === 503 && body.errors?.[0]?.extensions.code === 'SERVICE_UNAVAILABLE') return { kind: 'refused', title, detail: '503' };
        return { kind: 'failed', title, detail: `${status} ${JSON.stringify(body)}` };
      } catch (error) {
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        if (cause?.code === 'ECONNREFUSED') return { kind: 'refused', title, detail: cause.code };
        return { kind: 'closed', title, detail: `${cause?.code ?? ''} ${cause?.message ?? String(error)}` };
      }
    };

    // A first round warms the service up, so that the measured round is read in at once and is
    // really in flight (waiting for the pool) when the signal comes, not queued unread.
    const warmUp = await Promise.all(Array.from({ length: WRITES }, (_, index) => write(`Vorab ${index}`)));
    expect(warmUp.filter((outcome) => outcome.kind !== 'acknowledged')).toEqual([]);

    const inFlight = Array.from({ length: WRITES }, (_, index) => write(`Pressemitteilung ${index}`));
    // SIGTERM as soon as the first write is acknowledged: the service is then busy with the rest.
    await Promise.race(inFlight);
    signalled = true;
    const signalledAt = Date.now();
    service.process.kill('SIGTERM');
    let exited = false;
    const exitCode = service.exited.finally(() => (exited = true));
    const late: Promise<Outcome>[] = [];
    while (!exited) {
      late.push(write(`Nachzügler ${late.length}`));
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await expect(exitCode).resolves.toBe(0);
    const exitedAt = Date.now();
    const measured = await Promise.all(inFlight);
    const afterSignal = await Promise.all(late);
    const outcomes = [...warmUp, ...measured, ...afterSignal];

    expect(outcomes.filter((outcome) => outcome.kind === 'failed')).toEqual([]);
    const acknowledged = outcomes.filter((outcome) => outcome.kind === 'acknowledged');
    const finishedAfterSignal = acknowledged.filter((outcome) => outcome.sentBeforeSignal && outcome.answeredAfterSignal);
    expect(finishedAfterSignal.length).toBeGreaterThan(0);
    expect(afterSignal.filter((outcome) => outcome.kind === 'refused').length).toBeGreaterThan(0);

    // The pool closed before the server stopped, and the server stopped cleanly: no process, no lock file left.
    const log = service.output();
    const steps = ['requests drained', 'GraphQL and database pool closed', 'database server stopped'].map((step) =>
      log.indexOf(`"step":"${step}"`),
    );
    expect(steps.every((position, index) => position > 0 && (index === 0 || position > steps[index - 1]))).toBe(true);
    expect(isProcessRunning(postmasterPid)).toBe(false);
    expect(existsSync(postmasterPidFile)).toBe(false);

    const server = await startEmbeddedServerProcess(dataDir);
    const client = new Client({ connectionString: server.url });
    try {
      await client.connect();
      const stored: { title: string }[] = (await client.query('SELECT title FROM release')).rows;
      const audited: { count: number }[] = (
        await client.query(`SELECT count(*)::int AS count FROM audit_event WHERE action = 'createRelease'`)
      ).rows;
      expect(stored.map((row) => row.title).sort()).toEqual(acknowledged.map((outcome) => outcome.title).sort());
      expect(audited[0].count).toBe(acknowledged.length);
    } finally {
      await client.end();
      await server.stop();
    }

    const count = (list: Outcome[], kind: Outcome['kind']) => list.filter((outcome) => outcome.kind === kind).length;
    const tally = (list: Outcome[]) =>
      `${count(list, 'acknowledged')} acknowledged, ${count(list, 'refused')} refused (${list.filter((o) => o.kind === 'refused' && o.detail === '503').length} with 503), ${count(list, 'closed')} closed unanswered`;
    console.log(
      [
        `graceful shutdown: ${WRITES} createRelease at once (after a warm-up round), SIGTERM at the first acknowledgement, then one more every 10 ms until the exit:`,
        `  exit 0 ${exitedAt - signalledAt} ms after SIGTERM`,
        `  the ${WRITES}: ${tally(measured)}; ${finishedAfterSignal.length} answered after SIGTERM`,
        `  ${late.length} sent after SIGTERM: ${tally(afterSignal)}`,
        `  stored after restart: ${acknowledged.length} releases, exactly the acknowledged ones, each with its audit event`,
      ].join('\n'),
    );
  });

  it('exits 0 with the embedded server stopped on Ctrl-C in a terminal, where the server gets the SIGINT too', async () => {
    const ownDataDir = join(dataDir, 'ctrl-c');
    const service = await startService(await serviceEnv(ownDataDir), { processGroup: true });
    const postmasterPid = Number(readFileSync(join(ownDataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);

    process.kill(-service.process.pid!, 'SIGINT');

    await expect(service.exited).resolves.toBe(0);
    expect(isProcessRunning(postmasterPid)).toBe(false);
  });
});
