import { createTestApp, TestApp } from './support/test-app';

const CSP = {
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' data:",
  'connect-src': "'self'",
  'frame-ancestors': "'none'",
  'object-src': "'none'",
  'base-uri': "'self'",
};

function policy(header: string | null): Record<string, string> {
  return Object.fromEntries(
    (header ?? '')
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name, values.join(' ')]),
  );
}

describe('security headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const requests: [string, (url: string) => Promise<Response>][] = [
    ['GET / (the overview page)', (url) => fetch(`${url}/`, { headers: { accept: 'text/html' } })],
    ['GET /graphql from a browser (the explorer)', (url) => fetch(`${url}/graphql`, { headers: { accept: 'text/html' } })],
    [
      'POST /graphql',
      (url) =>
        fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ regions(kind: STATE) { name } }' }),
        }),
    ],
    ['GET /health/ready', (url) => fetch(`${url}/health/ready`)],
  ];
  it.each(requests)('sends a CSP without unsafe-inline and the other helmet headers on %s', async (_name, send) => {
    const response = await send(t.url);
    const csp = response.headers.get('content-security-policy');
    expect(policy(csp)).toMatchObject(CSP);
    expect(csp).not.toContain('unsafe');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('gives other origins no CORS access when CORS_ORIGINS is empty', async () => {
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://dashboard.example.org' },
      body: JSON.stringify({ query: '{ regions(kind: STATE) { name } }' }),
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers introspection in test, and keeps __typename, which is no introspection of the schema', async () => {
    const result = await t.gql('{ __schema { queryType { name } } __typename }');
    expect(result.data).toEqual({ __schema: { queryType: { name: 'Query' } }, __typename: 'Query' });
  });
});

describe('CORS by allow-list', () => {
  let t: TestApp;
  const allowed = 'https://dashboard.example.org';
  beforeAll(async () => {
    t = await createTestApp({ CORS_ORIGINS: [allowed, 'http://localhost:5173'] });
  });
  afterAll(async () => {
    await t.close();
  });

  const post = (origin: string) =>
    fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify({ query: '{ regions(kind: STATE) { name } }' }),
    });

  it('reflects a listed origin, without credentials, and exposes the request id and Retry-After', async () => {
    const response = await post(allowed);
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(allowed);
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(response.headers.get('access-control-expose-headers')).toBe('X-Request-Id,Retry-After');
    expect(response.headers.get('vary')).toMatch(/Origin/);
  });

  it('answers the preflight of a listed origin', async () => {
    const response = await fetch(`${t.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: allowed, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(allowed);
    expect(response.headers.get('access-control-allow-methods')).toBe('GET,POST');
  });

  it('gives an origin that is not listed no Access-Control-Allow-Origin', async () => {
    for (const origin of ['https://evil.example.org', 'https://dashboard.example.org.evil.example', 'null']) {
      const response = await post(origin);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    }
    const preflight = await fetch(`${t.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example.org', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('introspection switched off', () => {
  let production: TestApp;
  let switchedOff: TestApp;
  beforeAll(async () => {
    production = await createTestApp({ NODE_ENV: 'production' });
    switchedOff = await createTestApp({ GRAPHQL_INTROSPECTION: false });
  });
  afterAll(async () => {
    await production.close();
    await switchedOff.close();
  });

  it('is off by default in production, and off wherever GRAPHQL_INTROSPECTION=false: GRAPHQL_VALIDATION_FAILED', async () => {
    for (const t of [production, switchedOff]) {
      for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Alliance") { fields { name } } }']) {
        const result = await t.gql(query);
        expect(result).toMatchObject({ status: 400, data: null, errors: [{ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] });
        expect(result.errors![0].extensions.stacktrace).toBeUndefined();
      }
      await expect(t.gql('{ __typename regions(kind: STATE) { name } }')).resolves.toMatchObject({ data: { __typename: 'Query' } });
    }
  });
});
