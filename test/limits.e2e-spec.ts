import { getIntrospectionQuery } from 'graphql';
import { Environment, InvalidEnvironmentError, introspectionEnabled, loadEnvironment } from '../src/config/environment';
import { insertAlliance, insertMembership, insertOrganisation, insertPerson, insertRole } from './support/factories';
import { createTestApp, GqlResponse, TestApp, WITHOUT_RESPONSE_CACHE } from './support/test-app';

const nested = (levels: number, field: string, leaf: string) => `${`${field} { `.repeat(levels)}${leaf}${' }'.repeat(levels)}`;

/** Sends `query` and expects it refused for `measure`, before any resolver (and so any SQL) ran. */
async function expectRefused(
  t: TestApp,
  query: string,
  measure: string,
  variables?: Record<string, unknown>,
): Promise<GqlResponse['errors']> {
  let result: GqlResponse | undefined;
  const statements = await t.countStatements(async () => {
    result = await t.gql(query, variables);
  });
  expect(result).toMatchObject({ status: 400, data: null, errors: [{ extensions: { code: 'QUERY_TOO_COMPLEX', measure } }] });
  expect(statements).toBe(0);
  return result!.errors;
}

describe('operation limits with the defaults', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    const alliance = await insertAlliance(t.dataSource);
    const organisation = await insertOrganisation(t.dataSource);
    await insertMembership(t.dataSource, { allianceId: alliance, organisationId: organisation, role: 'LEAD' });
    await insertRole(t.dataSource, {
      personId: await insertPerson(t.dataSource, { givenName: 'Erika', familyName: 'Muster' }),
      organisationId: organisation,
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('lets the heaviest realistic list through: 100 alliances with memberships → organisation → roles → person (cost 36,801)', async () => {
    const query = `query($first: Int) { alliances(first: $first) { totalCount edges { node {
      name region { name } lead { name }
      memberships { role organisation { name region { name } roles(current: true) { title person { displayName } } } }
    } } } }`;
    const result = await t.gql(query, { first: 100 }, { token: t.tokens.reader });
    expect(result.errors).toBeUndefined();
    expect(result.data!.alliances.edges[0].node.memberships[0].organisation.roles[0].person.displayName).toContain('Erika');
  });

  it('lets a ten-level query through: releases → links → agreement → parties → signatory → roles → organisation', async () => {
    const result = await t.gql(
      `{ releases { edges { node { links { agreement { parties { signatory { roles { organisation { name } } } } } } } } } }`,
    );
    expect(result).toMatchObject({ status: 200, data: { releases: { edges: [] } } });
    expect(result.errors).toBeUndefined();
  });

  it("lets GraphiQL's introspection query through, whose type references nest nine deep", async () => {
    const result = await t.gql(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, specifiedByUrl: true }));
    expect(result.errors).toBeUndefined();
    expect(result.data!.__schema.queryType.name).toBe('Query');
  });

  it('refuses 50 levels of nesting', async () => {
    const errors = await expectRefused(t, `{ regions { ${nested(48, 'parent', 'name')} } }`, 'depth');
    expect(errors![0].extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', measure: 'depth', limit: 12, actual: 50 });
    expect(errors![0].message).toBe('The operation nests fields 50 deep; the limit is 12');
  });

  it('refuses an alias bomb of 1000 aliases', async () => {
    const aliases = Array.from({ length: 1000 }, (_, i) => `n${i}: name`).join(' ');
    const errors = await expectRefused(t, `{ regions { ${aliases} } }`, 'aliases');
    expect(errors![0].extensions).toMatchObject({ limit: 30, actual: 1000 });
  });

  it('refuses 100 root fields', async () => {
    const errors = await expectRefused(t, `{ ${'regions { name } '.repeat(100)}}`, 'rootFields');
    expect(errors![0].extensions).toMatchObject({ limit: 20, actual: 100 });
  });

  it('refuses a document of 6000 tokens, reporting the count', async () => {
    const errors = await expectRefused(t, `{ regions { ${'name '.repeat(5995)}} }`, 'tokens');
    expect(errors![0].extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', measure: 'tokens', limit: 5000, actual: 6000 });
  });

  it('refuses a cost bomb: 100 alliances, each list below taken as 10 long, multiplied', async () => {
    const query = `{ alliances(first: 100) { edges { node { memberships { organisation { memberships { alliance {
      memberships { organisation { roles { person { displayName } } } } } } } } } } } }`;
    const errors = await expectRefused(t, query, 'cost');
    // person 2; roles 1 + 10 × 2; organisation 22; memberships 1 + 10 × 22; alliance 222;
    // memberships 2221; organisation 2222; memberships 22221; node 22222; alliances 1 + 100 × 22222.
    expect(errors![0].extensions).toMatchObject({ limit: 50000, actual: 2222201 });
  });

  it('counts a cost bomb spread over aliased connections', async () => {
    const page = 'edges { node { memberships { organisation { roles { person { displayName } } } } } }';
    const query = `{ ${Array.from({ length: 10 }, (_, i) => `a${i}: alliances(first: 100) { ${page} }`).join(' ')} }`;
    const errors = await expectRefused(t, query, 'cost');
    // Each: person 2; roles 1 + 10 × 2; organisation 22; memberships 1 + 10 × 22; node 222; alliances 1 + 100 × 222.
    expect(errors![0].extensions.actual).toBe(10 * 22201);
  });

  it('refuses a fragment bomb at once, counting each spread as written out', async () => {
    const fragments = Array.from({ length: 40 }, (_, i) => `fragment F${i + 1} on Region { ...F${i} ...F${i} }`).join('\n');
    const errors = await expectRefused(t, `{ regions { ...F40 } }\nfragment F0 on Region { name }\n${fragments}`, 'cost');
    expect(errors![0].extensions.actual).toBe(2 ** 40 + 1);
    const aliased = await expectRefused(t, `{ regions { ...F40 } }\nfragment F0 on Region { n: name }\n${fragments}`, 'aliases');
    expect(aliased![0].extensions.actual).toBe(2 ** 40);
  });

  it('leaves circular fragments to GraphQL validation', async () => {
    const result = await t.gql('{ regions { ...A } } fragment A on Region { parent { ...B } } fragment B on Region { children { ...A } }');
    expect(result).toMatchObject({ status: 400, errors: [{ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] });
  });

  it('leaves a first beyond 100 to the pagination rule, which answers it more precisely', async () => {
    const result = await t.gql('{ alliances(first: 1000000) { edges { node { memberships { organisation { name } } } } } }');
    expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'first' }] });
  });

  it('refuses a batched (array) request with 400', async () => {
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ regions { name } }' }, { query: '{ regions { code } }' }]),
    });
    expect(response.status).toBe(400);
    await expect(response.text()).resolves.not.toContain('Baden-Württemberg');
  });

  it('takes bodies up to 1 MB and refuses a 2 MB body with 413, without a stack trace', async () => {
    const post = (body: string) => fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    // Variables the operation does not declare are ignored: padding that reaches no resolver.
    const large = await post(JSON.stringify({ query: '{ regions(kind: STATE) { name } }', variables: { unused: 'x'.repeat(500_000) } }));
    expect(large.status).toBe(200);
    const huge = await post(JSON.stringify({ query: '{ regions { name } }', variables: { unused: 'x'.repeat(2 * 1024 * 1024) } }));
    expect(huge.status).toBe(413);
    expect(huge.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    await expect(huge.text()).resolves.not.toMatch(/at .*\.js|node_modules/);
  });
});

describe('operation limits set by the environment', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      GRAPHQL_MAX_DEPTH: 4,
      GRAPHQL_MAX_COST: 100,
      GRAPHQL_MAX_ALIASES: 2,
      GRAPHQL_MAX_ROOT_FIELDS: 2,
      GRAPHQL_MAX_TOKENS: 100,
      HTTP_BODY_LIMIT: '2kb',
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('allows each figure up to its limit and refuses one over it, naming both', async () => {
    await expect(t.gql('{ regions { parent { parent { name } } } }')).resolves.toMatchObject({
      status: 200,
      data: { regions: expect.any(Array) },
    });
    const errors = await expectRefused(t, '{ regions { parent { parent { parent { name } } } } }', 'depth');
    expect(errors![0].extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', measure: 'depth', limit: 4, actual: 5 });
  });

  it('sees through fragments and inline fragments', async () => {
    await expectRefused(t, '{ regions { ...P } } fragment P on Region { parent { parent { parent { name } } } }', 'depth');
    await expectRefused(t, '{ regions { ... on Region { parent { ... { parent { parent { name } } } } } } }', 'depth');
    const region = '00000000-0000-4000-8000-000000000000';
    await expect(t.gql(`{ region(id: "${region}") { ...N parent { ...N } } } fragment N on Region { a: name }`)).resolves.toMatchObject({
      status: 200,
    });
    const aliases = await expectRefused(
      t,
      `{ region(id: "${region}") { ...N parent { ...N } children { ...N } } } fragment N on Region { a: name }`,
      'aliases',
    );
    expect(aliases![0].extensions).toMatchObject({ limit: 2, actual: 3 });
    const roots = await expectRefused(
      t,
      '{ ...Q } fragment Q on Query { regions { name } alliances { totalCount } people { totalCount } }',
      'rootFields',
    );
    expect(roots![0].extensions).toMatchObject({ limit: 2, actual: 3 });
  });

  it('costs a connection by its first argument, from variables too, and by its default of 20 without one', async () => {
    const query = 'query($first: Int) { alliances(first: $first) { edges { node { name } } } }';
    await expect(t.gql(query, { first: 49 })).resolves.toMatchObject({ status: 200 });
    await expect(t.gql(query)).resolves.toMatchObject({ status: 200 });
    const errors = await expectRefused(t, query, 'cost', { first: 50 });
    expect(errors![0].extensions).toMatchObject({ limit: 100, actual: 101 });
  });

  it('does not let a negative first hide the cost of the rest', async () => {
    await expectRefused(
      t,
      '{ a: alliances(first: -1000) { edges { node { name } } } b: alliances(first: 60) { edges { node { name } } } }',
      'cost',
    );
  });

  it('counts tokens against GRAPHQL_MAX_TOKENS, up to twice the limit', async () => {
    const errors = await expectRefused(t, `{ regions { ${'name '.repeat(100)}} }`, 'tokens');
    expect(errors![0].extensions).toMatchObject({ limit: 100, actual: 105 });
    // Counting stops at twice the limit: a 1 MB document is not worth lexing to its end.
    const huge = await expectRefused(t, `{ regions { ${'name '.repeat(300)}} }`, 'tokens');
    expect(huge![0]).toMatchObject({
      message: 'The document has at least 200 tokens; the limit is 100',
      extensions: { limit: 100, actual: 200 },
    });
  });

  it('refuses a body over HTTP_BODY_LIMIT with 413', async () => {
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ regions { name } }', variables: { unused: 'x'.repeat(3000) } }),
    });
    expect(response.status).toBe(413);
  });
});

describe('limits configuration', () => {
  it('has the documented defaults', () => {
    expect(loadEnvironment({})).toMatchObject({
      GRAPHQL_MAX_DEPTH: 12,
      GRAPHQL_MAX_COST: 50000,
      GRAPHQL_MAX_ALIASES: 30,
      GRAPHQL_MAX_ROOT_FIELDS: 20,
      GRAPHQL_MAX_TOKENS: 5000,
      RATE_LIMIT_POINTS_PER_MINUTE: 100000,
      HTTP_BODY_LIMIT: '1mb',
      CORS_ORIGINS: [],
    });
  });

  it('reads CORS_ORIGINS as a comma-separated list of origins and refuses anything else', () => {
    expect(loadEnvironment({ CORS_ORIGINS: 'https://dashboard.example.org, http://localhost:5173,' }).CORS_ORIGINS).toEqual([
      'https://dashboard.example.org',
      'http://localhost:5173',
    ]);
    expect(() => loadEnvironment({ CORS_ORIGINS: 'https://dashboard.example.org/path' })).toThrow(InvalidEnvironmentError);
    expect(() => loadEnvironment({ CORS_ORIGINS: '*' })).toThrow(InvalidEnvironmentError);
  });

  it('refuses limits that are not numbers or sizes', () => {
    expect(() => loadEnvironment({ GRAPHQL_MAX_DEPTH: 'deep' })).toThrow(/GRAPHQL_MAX_DEPTH/);
    expect(() => loadEnvironment({ GRAPHQL_MAX_COST: '0' })).toThrow(/GRAPHQL_MAX_COST/);
    expect(() => loadEnvironment({ HTTP_BODY_LIMIT: 'a lot' })).toThrow(/HTTP_BODY_LIMIT/);
  });

  it('turns introspection on in development and test and off in production unless GRAPHQL_INTROSPECTION says otherwise', () => {
    const env = (values: Partial<Environment>) => Object.assign(new Environment(), values);
    expect(introspectionEnabled(env({ NODE_ENV: 'development' }))).toBe(true);
    expect(introspectionEnabled(env({ NODE_ENV: 'test' }))).toBe(true);
    expect(introspectionEnabled(env({ NODE_ENV: 'production' }))).toBe(false);
    expect(
      introspectionEnabled(loadEnvironment({ NODE_ENV: 'production', AUTH_JWT_SECRET: 'x'.repeat(32), GRAPHQL_INTROSPECTION: 'true' })),
    ).toBe(true);
    expect(introspectionEnabled(loadEnvironment({ GRAPHQL_INTROSPECTION: 'false' }))).toBe(false);
  });
});

describe('GRAPHQL_MAX_CONCURRENT', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ ...WITHOUT_RESPONSE_CACHE, GRAPHQL_MAX_CONCURRENT: 1 });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers every one of 30 requests sent at once, one at a time', async () => {
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => t.gql(`query($first: Int) { alliances(first: $first) { totalCount } }`, { first: 1 + (i % 5) })),
    );
    expect(answers.map((a) => [a.status, a.errors])).toEqual(answers.map(() => [200, undefined]));
  });
});
