import { sign } from 'jsonwebtoken';
import { createTestApp, TEST_JWT_SECRET, TestApp } from './support/test-app';

const QUERY = '{ regions(kind: STATE) { name } }';

describe('access: tokens, roles and anonymous reading', () => {
  let t: TestApp;
  let closed: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    closed = await createTestApp({ PUBLIC_READ: false });
  });
  afterAll(async () => {
    await t.close();
    await closed.close();
  });

  it('lets anyone read when PUBLIC_READ is on', async () => {
    await expect(t.gql(QUERY)).resolves.toMatchObject({ status: 200, data: { regions: [{ name: 'Baden-Württemberg' }] } });
  });

  it('asks for a token when PUBLIC_READ is off, and reads with any valid one', async () => {
    const anonymous = await closed.gql(QUERY);
    expect(anonymous.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    expect(anonymous.data).toBeNull();
    await expect(closed.gql(QUERY, {}, { token: closed.tokens.reader })).resolves.toMatchObject({
      data: { regions: [{ name: 'Baden-Württemberg' }] },
    });
  });

  const forged: [string, () => string][] = [
    ['signed with another secret', () => sign({ role: 'ADMIN' }, 'another-secret-another-secret-another', { subject: 'x' })],
    ['expired', () => sign({ role: 'ADMIN', exp: Math.floor(Date.now() / 1000) - 60 }, TEST_JWT_SECRET, { subject: 'x' })],
    [
      'alg none',
      () =>
        `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"sub":"x","role":"ADMIN"}').toString('base64url')}.`,
    ],
    ['with an unknown role', () => sign({ role: 'GOD' }, TEST_JWT_SECRET, { subject: 'x' })],
    ['a coordinator without alliances claim', () => sign({ role: 'COORDINATOR' }, TEST_JWT_SECRET, { subject: 'x' })],
    ['with no subject', () => sign({ role: 'ADMIN' }, TEST_JWT_SECRET)],
    ['not a JWT at all', () => 'garbage'],
  ];
  it.each(forged)('refuses a token %s with UNAUTHENTICATED, on queries too', async (_name, make) => {
    const result = await t.gql(QUERY, {}, { token: make() });
    expect(result.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    expect(result.data).toBeNull();
  });

  it('refuses an Authorization header that is not a bearer token', async () => {
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic YWRtaW46YWRtaW4=' },
      body: JSON.stringify({ query: QUERY }),
    });
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('transport and error shape', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers a syntax error and an unknown field with GRAPHQL_VALIDATION_FAILED, without a stack trace', async () => {
    const syntax = await t.gql('{ regions(kind: STATE) { name ');
    expect(syntax.errors![0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const unknown = await t.gql('{ regions { nonsense } }');
    expect(unknown.errors![0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    for (const error of [...syntax.errors!, ...unknown.errors!]) expect(error.extensions.stacktrace).toBeUndefined();
  });

  it('answers a wrongly typed variable with BAD_USER_INPUT', async () => {
    const result = await t.gql('query($first: Int) { alliances(first: $first) { totalCount } }', { first: 'many' });
    expect(result.errors![0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('speaks GraphQL over HTTP: the response media type, and 400 for a request that is not GraphQL', async () => {
    const ok = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: QUERY }),
    });
    expect(ok.headers.get('content-type')).toContain('application/graphql-response+json');
    const missing = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({}),
    });
    expect(missing.status).toBe(400);
    const malformed = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(malformed.status).toBe(400);
  });

  it('refuses a mutation over GET', async () => {
    const query = encodeURIComponent('mutation { archiveAlliance(id: "00000000-0000-4000-8000-000000000000", expectedVersion: 1) { id } }');
    const response = await fetch(`${t.url}/graphql?query=${query}`, {
      headers: { 'apollo-require-preflight': 'true', accept: 'application/json' },
    });
    expect(response.status).toBe(405);
  });

  it('gives every response a request id, keeping a sane one the caller sent', async () => {
    const given = await fetch(`${t.url}/health/live`, { headers: { 'x-request-id': 'dashboard-42' } });
    expect(given.headers.get('x-request-id')).toBe('dashboard-42');
    const fresh = await fetch(`${t.url}/health/live`, { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(fresh.headers.get('x-powered-by')).toBeNull();
  });

  it('reports liveness and readiness with the database', async () => {
    const live = await fetch(`${t.url}/health/live`);
    await expect(live.json()).resolves.toEqual({ status: 'ok' });
    const ready = await fetch(`${t.url}/health/ready`);
    expect(ready.status).toBe(200);
    await expect(ready.json()).resolves.toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  });
});
