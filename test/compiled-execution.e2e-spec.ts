import { insertAlliance, insertMembership, insertOrganisation, insertPerson, insertRole, regionId } from './support/factories';
import { createTestApp, TestApp, WITHOUT_RESPONSE_CACHE } from './support/test-app';

/** The whole answer as sent: status, and the body's text (data, errors with locations and paths, in order). */
async function ask(t: TestApp, body: Record<string, unknown>, token?: string): Promise<{ status: number; body: string }> {
  const response = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.text() };
}

/**
 * Compiled execution (graphql/execution.ts) must answer every operation exactly as graphql-js
 * does: the same service on the same database with GRAPHQL_COMPILED_EXECUTION=false
 * is the reference, for answers with data, with errors, and with both.
 */
describe('compiled execution answers as graphql-js does', () => {
  let compiled: TestApp;
  let interpreted: TestApp;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    compiled = await createTestApp(WITHOUT_RESPONSE_CACHE);
    const ds = compiled.dataSource;
    interpreted = await createTestApp({
      ...WITHOUT_RESPONSE_CACHE,
      GRAPHQL_COMPILED_EXECUTION: false,
      DATABASE_URL: (ds.options as { url: string }).url,
    });
    const region = await regionId(ds, '0811');
    ids.alliance = await insertAlliance(ds, { regionId: region, name: 'Bündnis Mitte' });
    ids.ihk = await insertOrganisation(ds, { name: 'IHK Mitte', shortName: 'IHK', regionCode: '0811' });
    ids.hwk = await insertOrganisation(ds, { name: 'Handwerkskammer Mitte', regionCode: '0811' });
    await insertMembership(ds, { allianceId: ids.alliance, organisationId: ids.ihk, role: 'LEAD', joinedOn: '2012-09-24' });
    await insertMembership(ds, { allianceId: ids.alliance, organisationId: ids.hwk, joinedOn: '2013-01-01', leftOn: '2020-01-01' });
    const person = await insertPerson(ds, { givenName: 'Erika', familyName: 'Muster' });
    await insertRole(ds, { personId: person, organisationId: ids.ihk, title: 'Präsidentin' });
  });
  afterAll(async () => {
    await interpreted?.close();
    await compiled?.close();
  });

  const LIST = `
    query List($first: Int = 10, $withRoles: Boolean!, $current: Boolean) {
      alliances(first: $first) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { cursor node { ...Alliance } }
      }
    }
    fragment Alliance on Alliance {
      __typename id name level foundedOn version
      chair: lead { id name }
      region { code name }
      memberships(current: $current) {
        role joinedOn leftOn
        organisation {
          id shortName kind
          label: name
          roles(current: true) @include(if: $withRoles) { title person { givenName familyName } }
          nameHistory @skip(if: $withRoles) { name validFrom validTo }
        }
      }
    }`;

  const cases: [string, () => Promise<[Record<string, unknown>, string?]>][] = [
    [
      'a list through fragments, aliases, directives and variables with defaults',
      async () => [{ query: LIST, variables: { withRoles: true } }],
    ],
    [
      'the same list with the directives the other way and an argument given',
      async () => [{ query: LIST, variables: { withRoles: false, current: false } }],
    ],
    [
      'one record, and null for an id that names nothing',
      async () => [
        {
          query: `query($a: ID!, $b: ID!) { a: alliance(id: $a) { name } b: alliance(id: $b) { name } }`,
          variables: { a: ids.alliance, b: '00000000-0000-4000-8000-000000000000' },
        },
      ],
    ],
    [
      'a malformed id: data with a null field and BAD_USER_INPUT',
      async () => [
        {
          query: `query($a: ID!) { ok: alliance(id: $a) { name } bad: organisation(id: "no-uuid") { name } }`,
          variables: { a: ids.alliance },
        },
      ],
    ],
    ['a variable of the wrong type', async () => [{ query: LIST, variables: { withRoles: true, first: 'ten' } }]],
    ['a required variable missing', async () => [{ query: LIST, variables: {} }]],
    ['a `first` out of bounds', async () => [{ query: LIST, variables: { withRoles: true, first: 1000 } }]],
    [
      'an operationName the document does not define',
      async () => [{ query: LIST, operationName: 'Other', variables: { withRoles: true } }],
    ],
    ['two operations and no operationName', async () => [{ query: `query A { regions { code } } query B { regions { name } }` }]],
    [
      'a mutation without a token',
      async () => [{ query: `mutation { createOrganisation(input: { name: "Ohne Recht", kind: OTHER }) { id } }` }],
    ],
    [
      'a mutation a reader may not make',
      async () => [{ query: `mutation { createOrganisation(input: { name: "Ohne Recht", kind: OTHER }) { id } }` }, compiled.tokens.reader],
    ],
    [
      'invalid input to a mutation, every bad field named',
      async () => [
        { query: `mutation { createOrganisation(input: { name: " ", kind: OTHER, website: "ftp://x" }) { id } }` },
        compiled.tokens.admin,
      ],
    ],
    [
      'a mutation on a record that does not exist',
      async () => [
        {
          query: `mutation($id: ID!) { updateOrganisation(input: { id: $id, expectedVersion: 1, shortName: "X" }) { id } }`,
          variables: { id: '00000000-0000-4000-8000-000000000000' },
        },
        compiled.tokens.admin,
      ],
    ],
    [
      'coverage as of a day',
      async () => [
        {
          query: `query($state: ID!) { coverage(stateId: $state, asOf: "2015-01-01") { region { code } alliances { name } topLevelMeetingOverdue } stats(asOf: "2015-01-01") { alliances organisations organisationsByKind { kind count } } }`,
          variables: { state: await regionId(compiled.dataSource, '08') },
        },
      ],
    ],
  ];

  it.each(cases)('%s', async (_name, make) => {
    const [body, token] = await make();
    const reference = await ask(interpreted, body, token);
    // The first run of an operation is interpreted, the second compiled (graphql/execution.ts).
    const [first, second] = [await ask(compiled, body, token), await ask(compiled, body, token)];
    expect(first).toEqual(reference);
    expect(second).toEqual(reference);
  });
});
