import { Client } from 'pg';
import { startQuietServer } from './support/embedded-server-process';
import { dayFromToday } from './support/days';
import { insertOrganisation, insertRename } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

const READ = `query($id: ID!) { organisation(id: $id) { name website version memberships { role } } }`;
const UPDATE = `mutation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { version website } }`;

/** Another writer than the service: a connection of its own, as psql or a second instance would be. */
async function otherWriter(t: TestApp): Promise<Client> {
  const client = new Client({ connectionString: (t.dataSource.options as { url: string }).url });
  await client.connect();
  return client;
}

async function until(condition: () => Promise<boolean>): Promise<void> {
  for (let tries = 0; !(await condition()); tries++) {
    if (tries === 200) throw new Error('condition not reached in 10 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The data version is PostgreSQL's snapshot, which a commit in any database of the server
 * changes: the other test files write all the time, so these tests get a server of their own,
 * with autovacuum off (its ANALYZE commits too).
 */
describe('response cache', () => {
  let server: Awaited<ReturnType<typeof startQuietServer>>;
  let t: TestApp;
  let closed: TestApp;
  beforeAll(async () => {
    server = await startQuietServer('cache');
    t = await createTestApp({ DATABASE_URL: server.url });
    closed = await createTestApp({ DATABASE_URL: server.url, PUBLIC_READ: false });
  });
  afterAll(async () => {
    await closed?.close();
    await t?.close();
    await server?.stop();
  });

  it('answers a repeated query from the cache with one statement (the data version), the same answer as before', async () => {
    const id = await insertOrganisation(t.dataSource, { name: 'IHK Ostwürttemberg' });
    let first: unknown;
    const cold = await t.countStatements(async () => {
      first = await t.gql(READ, { id });
    });
    let second: unknown;
    const warm = await t.countStatements(async () => {
      second = await t.gql(READ, { id });
    });
    expect(second).toEqual(first);
    expect(first).toMatchObject({ status: 200, data: { organisation: { name: 'IHK Ostwürttemberg', memberships: [] } } });
    expect(cold).toBeGreaterThan(1);
    expect(warm).toBe(1);
  });

  it('sends a hit as the same bytes as the answer it keeps', async () => {
    const id = await insertOrganisation(t.dataSource, { name: 'Handwerkskammer Heilbronn-Franken' });
    const raw = () =>
      fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: READ, variables: { id } }),
      }).then(async (r) => ({
        status: r.status,
        type: r.headers.get('content-type'),
        text: await r.text(),
      }));
    const miss = await raw();
    const hits = await Promise.all([raw(), raw()]);
    expect(JSON.parse(miss.text)).toEqual({
      data: { organisation: { name: 'Handwerkskammer Heilbronn-Franken', website: null, version: 1, memberships: [] } },
    });
    expect(hits).toEqual([miss, miss]);
  });

  it('works out an answer once for concurrent identical questions: the others wait for it', async () => {
    const id = await insertOrganisation(t.dataSource, { name: 'IHK Heilbronn-Franken' });
    await t.gql(READ, { id });
    // Another write makes the kept answer unreachable; a lock then holds the first request back
    // inside its resolvers. (The lock takes a transaction id, so its end is a new data version:
    // the others must ask while it is held.)
    await t.dataSource.query(`UPDATE organisation SET website = 'https://www.heilbronn.ihk.de', version = version + 1 WHERE id = $1`, [id]);
    const another = await insertOrganisation(t.dataSource, { name: 'IHK Region Stuttgart' });
    const cold = await t.countStatements(() => t.gql(READ, { id: another }));
    const locker = await otherWriter(t);
    const answers: Awaited<ReturnType<TestApp['gql']>>[] = [];
    try {
      const statements = await t.countStatements(async () => {
        await locker.query('BEGIN');
        await locker.query('LOCK TABLE organisation IN ACCESS EXCLUSIVE MODE');
        const first = t.gql(READ, { id });
        await until(
          async () =>
            (await locker.query(`SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`))
              .rowCount === 1,
        );
        const sent = t.statementsSent();
        const others = [1, 2, 3, 4].map(() => t.gql(READ, { id }));
        // Each of the others asks for the data version, then waits for the first.
        await until(async () => t.statementsSent() === sent + 4);
        await new Promise((resolve) => setTimeout(resolve, 100));
        await locker.query('ROLLBACK');
        answers.push(...(await Promise.all([first, ...others])));
      });
      expect(statements).toBe(cold + 4);
    } finally {
      await locker.end();
    }
    for (const answer of answers)
      expect(answer).toMatchObject({
        status: 200,
        data: { organisation: { name: 'IHK Heilbronn-Franken', website: 'https://www.heilbronn.ihk.de', version: 2 } },
      });
  });

  it('keys by the variables: another id is another answer', async () => {
    const one = await insertOrganisation(t.dataSource, { name: 'Handwerkskammer Ulm' });
    const other = await insertOrganisation(t.dataSource, { name: 'Handwerkskammer Konstanz' });
    await expect(t.gql(READ, { id: one })).resolves.toMatchObject({ data: { organisation: { name: 'Handwerkskammer Ulm' } } });
    await expect(t.gql(READ, { id: other })).resolves.toMatchObject({ data: { organisation: { name: 'Handwerkskammer Konstanz' } } });
  });

  it('keys by asOf, in the variables and in the text: two days are two answers, each kept', async () => {
    const id = await insertOrganisation(t.dataSource, { name: 'Ministerium für Finanzen und Wirtschaft' });
    await insertRename(t.dataSource, id, 'Ministerium für Wirtschaft, Arbeit und Wohnungsbau', '2016-05-12');
    const asOf = `query($id: ID!, $asOf: Date) { organisation(id: $id, asOf: $asOf) { name } }`;
    const named = (query: string, variables: Record<string, unknown>) => t.gql(query, variables).then((r) => r.data!.organisation.name);
    await expect(named(asOf, { id, asOf: '2015-06-01' })).resolves.toBe('Ministerium für Finanzen und Wirtschaft');
    await expect(named(asOf, { id, asOf: '2017-06-01' })).resolves.toBe('Ministerium für Wirtschaft, Arbeit und Wohnungsbau');
    const inline = (day: string) => `query($id: ID!) { organisation(id: $id, asOf: "${day}") { name } }`;
    await expect(named(inline('2015-06-01'), { id })).resolves.toBe('Ministerium für Finanzen und Wirtschaft');
    await expect(named(inline('2017-06-01'), { id })).resolves.toBe('Ministerium für Wirtschaft, Arbeit und Wohnungsbau');
    // Each is kept: asked again, each is answered from the cache (the data version only), and as before.
    for (const [query, variables, name] of [
      [asOf, { id, asOf: '2015-06-01' }, 'Ministerium für Finanzen und Wirtschaft'],
      [asOf, { id, asOf: '2017-06-01' }, 'Ministerium für Wirtschaft, Arbeit und Wohnungsbau'],
      [inline('2015-06-01'), { id }, 'Ministerium für Finanzen und Wirtschaft'],
    ] as const) {
      const statements = await t.countStatements(() => expect(named(query, variables)).resolves.toBe(name));
      expect(statements).toBe(1);
    }
  });

  it('keys an answer without asOf by the day it was asked on: tomorrow it is worked out again', async () => {
    const id = await insertOrganisation(t.dataSource, { name: 'Landratsamt Heute' });
    const tomorrow = dayFromToday(1);
    await insertRename(t.dataSource, id, 'Landratsamt Morgen', tomorrow);
    const named = () => t.gql(READ, { id }).then((r) => r.data!.organisation.name);
    await expect(named()).resolves.toBe('Landratsamt Heute');
    expect(await t.countStatements(() => named())).toBe(1);
    // The same question, no write in between, on the next day in Baden-Württemberg (noon there).
    const clock = jest.spyOn(Date, 'now').mockReturnValue(new Date(`${tomorrow}T10:00:00Z`).getTime());
    try {
      let answer: unknown;
      const statements = await t.countStatements(async () => {
        answer = await named();
      });
      expect(answer).toBe('Landratsamt Morgen');
      expect(statements).toBeGreaterThan(1);
    } finally {
      clock.mockRestore();
    }
  });

  it('never answers from before a write through the API', async () => {
    const id = await insertOrganisation(t.dataSource, { name: 'Agentur für Arbeit Aalen' });
    await t.gql(READ, { id });
    await t.gql(READ, { id });
    const updated = await t.gql(
      UPDATE,
      { input: { id, expectedVersion: 1, website: 'https://www.arbeitsagentur.de/aalen' } },
      { token: t.tokens.editor },
    );
    expect(updated.errors).toBeUndefined();
    await expect(t.gql(READ, { id })).resolves.toMatchObject({
      data: { organisation: { website: 'https://www.arbeitsagentur.de/aalen', version: 2 } },
    });
  });

  it('never answers from before a write by another connection, and not before that write commits', async () => {
    const id = await insertOrganisation(t.dataSource, { name: 'Wirtschaftsförderung Region Stuttgart' });
    await t.gql(READ, { id });
    const writer = await otherWriter(t);
    try {
      await writer.query('BEGIN');
      await writer.query(`UPDATE organisation SET website = 'https://wrs.region-stuttgart.de', version = version + 1 WHERE id = $1`, [id]);
      await expect(t.gql(READ, { id })).resolves.toMatchObject({ data: { organisation: { website: null, version: 1 } } });
      await writer.query('COMMIT');
      await expect(t.gql(READ, { id })).resolves.toMatchObject({
        data: { organisation: { website: 'https://wrs.region-stuttgart.de', version: 2 } },
      });
    } finally {
      await writer.end();
    }
  });

  it('keeps no answer that has errors: a repeated failing query runs again', async () => {
    const query = `{ fine: alliances(first: 5) { totalCount } tooMany: alliances(first: 500) { totalCount } }`;
    const first = await t.gql(query);
    expect(first.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    const again = await t.countStatements(() => t.gql(query));
    expect(again).toBeGreaterThan(1);
  });

  it('gives a cached answer only to callers who may read: anonymous and forged tokens are still refused', async () => {
    const id = await insertOrganisation(closed.dataSource, { name: 'IHK Reutlingen' });
    await closed.gql(READ, { id }, { token: closed.tokens.reader });
    const warm = await closed.countStatements(async () => {
      await expect(closed.gql(READ, { id }, { token: closed.tokens.reader })).resolves.toMatchObject({
        data: { organisation: { name: 'IHK Reutlingen' } },
      });
    });
    expect(warm).toBe(1);
    const anonymous = await closed.gql(READ, { id });
    expect(anonymous.data).toEqual({ organisation: null });
    expect(anonymous.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    const forged = await closed.gql(READ, { id }, { token: `${closed.tokens.reader.slice(0, -4)}AAAA` });
    expect(forged.data).toEqual({ organisation: null });
    expect(forged.errors![0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
