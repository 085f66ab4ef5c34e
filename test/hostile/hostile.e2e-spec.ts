import { DataSource } from 'typeorm';
import { regionId } from '../support/factories';
import { snapshotTableCounts, TableCounts } from '../support/table-counts';
import { createTestApp, TestApp } from '../support/test-app';
import { CORPUS, FIXTURES, HostileCase } from './corpus';

const CONTRACT_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'GRAPHQL_VALIDATION_FAILED',
  'QUERY_TOO_COMPLEX',
  'RATE_LIMITED',
];
/**
 * Answers below GraphQL: the body parser (400, 413, 415), the router (404, 405) and Node's HTTP
 * parser (400, 431 for headers over 16 KB), none of which has a GraphQL error to give.
 */
const TRANSPORT_STATUSES = [400, 404, 405, 413, 415, 431];
const STACK_TRACE = /\n\s+at |node_modules|\.(?:js|ts):\d+:\d+|stacktrace/;
/**
 * What only the server's own SQL or PostgreSQL's messages would put in a body. Narrower than "any
 * SQL keyword": GraphQL's coercion messages quote the caller's input, and the corpus sends SQL.
 */
const SERVER_SQL =
  /QueryFailedError|driverError|syntax error at or near|invalid input syntax|invalid byte sequence|violates .*constraint|duplicate key|relation "|registry_fold|websearch_to_tsquery|\bFROM "|\bINSERT INTO\b|\bSELECT "|"\w+"\."\w+"/;

const HEALTH_QUERY = '{ regions(kind: STATE) { name } }';

interface Answer {
  status: number;
  text: string;
  json: { data?: Record<string, any> | null; errors?: { message: string; extensions?: { code?: string; fields?: unknown } }[] } | undefined;
}

async function send(baseUrl: string, { method, path, headers, body }: HostileCase['request']): Promise<Answer> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: new Headers(headers),
    body: typeof body === 'string' || body === undefined ? body : new Uint8Array(body),
  });
  const text = await response.text();
  let json: Answer['json'];
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json };
}

const oneOf = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

function judge(expected: HostileCase['expect'], answer: Answer): void {
  expect(answer.status).toBeLessThan(500);
  expect(answer.text).not.toMatch(STACK_TRACE);
  expect(answer.text).not.toMatch(SERVER_SQL);
  if (expected.status !== undefined) expect(oneOf(expected.status)).toContain(answer.status);

  const errors = answer.json?.errors;
  if (expected.nothingFound) {
    expect(errors).toBeUndefined();
    const connections = Object.values(answer.json?.data ?? {});
    expect(connections).toHaveLength(1);
    expect(connections[0]).toMatchObject({ totalCount: 0, edges: [] });
    return;
  }
  if (Array.isArray(errors) && errors.length > 0) {
    // A refused request shape (no query, wrong content type …) has no field to name.
    const transportFault = oneOf(expected.status).some((status) => TRANSPORT_STATUSES.includes(status));
    for (const error of errors) {
      const code = error.extensions?.code;
      expect(CONTRACT_CODES).toContain(code);
      if (expected.code !== undefined) expect(oneOf(expected.code)).toContain(code);
      if (code === 'BAD_USER_INPUT' && !transportFault) {
        expect(error.extensions?.fields).toEqual(expect.arrayContaining([{ field: expect.any(String), message: expect.any(String) }]));
      }
    }
    return;
  }
  // Not a GraphQL error: then only a transport fault the case names is acceptable.
  expect(oneOf(expected.status).length).toBeGreaterThan(0);
  expect(TRANSPORT_STATUSES).toContain(answer.status);
}

/** The records the corpus names by id: two alliances, a member of the "other" one with a role, a meeting, a release. */
async function seed(ds: DataSource): Promise<void> {
  const region = await regionId(ds, '0802');
  await ds.query(
    `INSERT INTO alliance (id, name, level, region_id) VALUES ($1, 'Fachkräfteallianz Nordschwarzwald', 'REGIONAL', $3), ($2, 'Fachkräfteallianz Ostwürttemberg', 'REGIONAL', $3)`,
    [FIXTURES.ownAlliance, FIXTURES.otherAlliance, region],
  );
  await ds.query(`INSERT INTO organisation (id, name, kind) VALUES ($1, 'IHK Ostwürttemberg', 'CHAMBER_OF_COMMERCE')`, [
    FIXTURES.organisation,
  ]);
  await ds.query(`INSERT INTO organisation_name (organisation_id, name) VALUES ($1, 'IHK Ostwürttemberg')`, [FIXTURES.organisation]);
  await ds.query(`INSERT INTO membership (id, alliance_id, organisation_id, role, joined_on) VALUES ($1, $2, $3, 'LEAD', '2020-01-01')`, [
    FIXTURES.membership,
    FIXTURES.otherAlliance,
    FIXTURES.organisation,
  ]);
  await ds.query(`INSERT INTO person (id, given_name, family_name) VALUES ($1, 'Erika', 'Mustermann')`, [FIXTURES.person]);
  await ds.query(`INSERT INTO role (id, person_id, organisation_id, title, valid_from) VALUES ($1, $2, $3, 'Präsidentin', '2020-01-01')`, [
    FIXTURES.role,
    FIXTURES.person,
    FIXTURES.organisation,
  ]);
  await ds.query(
    `INSERT INTO meeting (id, kind, status, title, held_on, alliance_id) VALUES ($1, 'TOP_LEVEL_MEETING', 'HELD', 'Spitzengespräch', '2020-05-05', $2)`,
    [FIXTURES.meeting, FIXTURES.ownAlliance],
  );
  await ds.query(
    `INSERT INTO release (id, title, published_on, body, created_by) VALUES ($1, 'Allianz unterzeichnet Kooperationsvereinbarung', '2020-05-05', 'Die Partner treffen sich jährlich zum Spitzengespräch.', 'admin')`,
    [FIXTURES.release],
  );
}

/**
 * The corpus against one live service: every case its own test, each followed by a health query,
 * and the row count of every table compared before and after the whole sweep.
 */
describe('hostile input', () => {
  let main: TestApp;
  let onePointPerMinute: TestApp;
  let mainCounts: TableCounts;
  let limitedCounts: TableCounts;

  beforeAll(async () => {
    // The sweep itself must not run into the rate limit; its own cases use the second service.
    [main, onePointPerMinute] = await Promise.all([
      createTestApp({ RATE_LIMIT_POINTS_PER_MINUTE: 1_000_000_000 }),
      createTestApp({ RATE_LIMIT_POINTS_PER_MINUTE: 1 }),
    ]);
    await seed(main.dataSource);
    [mainCounts, limitedCounts] = await Promise.all([
      snapshotTableCounts(main.dataSource),
      snapshotTableCounts(onePointPerMinute.dataSource),
    ]);
  });
  afterAll(async () => {
    await Promise.all([main?.close(), onePointPerMinute?.close()]);
  });

  it.each(CORPUS.map((hostile) => [hostile.name, hostile] as const))('%s', async (_name, hostile) => {
    const target = hostile.service === 'onePointPerMinute' ? onePointPerMinute : main;
    let answer: Answer | undefined;
    for (let i = 0; i < (hostile.repeat ?? 1); i += 1) answer = await send(target.url, hostile.request);
    judge(hostile.expect, answer!);

    const ready = await fetch(`${target.url}/health/ready`);
    expect(ready.status).toBe(200);
    if (target === main) {
      await expect(main.gql(HEALTH_QUERY)).resolves.toMatchObject({ status: 200, data: { regions: [{ name: 'Baden-Württemberg' }] } });
    }
  });

  it('swept at least 150 distinct cases and wrote nothing', async () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(150);
    expect(new Set(CORPUS.map((hostile) => hostile.name)).size).toBe(CORPUS.length);
    expect(Object.keys(mainCounts.counts).length).toBeGreaterThan(10);
    expect(await mainCounts.changes()).toEqual({});
    expect(await limitedCounts.changes()).toEqual({});
  });
});
