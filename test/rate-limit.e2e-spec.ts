import { createTestApp, TestApp } from './support/test-app';

/** regions is a list without `first`, taken as 10 long: 1 + 10 × (name + code) = 21 points. */
const QUERY = '{ regions(kind: STATE) { name code } }';

/**
 * A budget of 30 points a minute refills at half a point a second: after one 21-point query a
 * second one lacks 12 points, 24 seconds away, so no test here depends on how fast it runs.
 */
describe('rate limit: a cost budget per caller and minute', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_POINTS_PER_MINUTE: 30 });
  });
  afterAll(async () => {
    await t.close();
  });

  const post = (token?: string) =>
    fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: QUERY }),
    });

  it('refuses a token over its budget with RATE_LIMITED, retryAfter, 429 and Retry-After, before any resolver runs', async () => {
    const token = t.token('READER', { sub: 'dashboard-a' });
    await expect(t.gql(QUERY, {}, { token })).resolves.toMatchObject({ status: 200, data: { regions: [{ code: '08' }] } });
    let response: Response | undefined;
    const statements = await t.countStatements(async () => {
      response = await post(token);
    });
    expect(statements).toBe(0);
    expect(response!.status).toBe(429);
    const body = (await response!.json()) as {
      data?: unknown;
      errors: { message: string; extensions: { code: string; retryAfter: number } }[];
    };
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([
      { message: expect.stringContaining('Rate limit'), extensions: { code: 'RATE_LIMITED', retryAfter: expect.any(Number) } },
    ]);
    const { retryAfter } = body.errors[0].extensions;
    expect(retryAfter).toBeGreaterThanOrEqual(20);
    expect(retryAfter).toBeLessThanOrEqual(24);
    expect(response!.headers.get('retry-after')).toBe(String(retryAfter));
  });

  it('keeps a budget per token subject: another token is still served, the same subject in a new token is not', async () => {
    const first = t.token('READER', { sub: 'dashboard-b' });
    await expect(t.gql(QUERY, {}, { token: first })).resolves.toMatchObject({ status: 200 });
    await expect(t.gql(QUERY, {}, { token: t.token('EDITOR', { sub: 'dashboard-b' }) })).resolves.toMatchObject({
      status: 429,
      errors: [{ extensions: { code: 'RATE_LIMITED' } }],
    });
    await expect(t.gql(QUERY, {}, { token: t.token('READER', { sub: 'dashboard-c' }) })).resolves.toMatchObject({ status: 200 });
  });

  it('limits anonymous callers by address, apart from the tokens sent from the same address', async () => {
    await expect(t.gql(QUERY)).resolves.toMatchObject({ status: 200 });
    await expect(t.gql(QUERY)).resolves.toMatchObject({ status: 429, errors: [{ extensions: { code: 'RATE_LIMITED' } }] });
    await expect(t.gql(QUERY, {}, { token: t.token('READER', { sub: 'dashboard-d' }) })).resolves.toMatchObject({ status: 200 });
  });

  it('does not limit the health endpoints', async () => {
    await t.gql(QUERY);
    await expect(t.gql(QUERY)).resolves.toMatchObject({ status: 429 });
    for (let i = 0; i < 5; i += 1) {
      expect((await fetch(`${t.url}/health/live`)).status).toBe(200);
      expect((await fetch(`${t.url}/health/ready`)).status).toBe(200);
    }
  });
});
