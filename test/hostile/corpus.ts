import { generateKeyPairSync } from 'node:crypto';
import { sign } from 'jsonwebtoken';
import { TEST_JWT_SECRET } from '../support/test-app';

/**
 * Hostile requests as data: each one is invalid in exactly one way (everything else about it is
 * well-formed and, for mutations, authorised), so the answer it gets shows that this one fault is
 * caught, with which code, and that nothing was written.
 */
export interface HostileCase {
  name: string;
  request: {
    method: string;
    path: string;
    /** Pairs rather than a record, so a header can be sent twice. */
    headers: [string, string][];
    body?: string | Buffer;
  };
  expect: {
    status?: number | number[];
    /** Every error in the response has one of these codes. */
    code?: string | string[];
    /**
     * For text that is valid but looks like SQL or a LIKE pattern: the search answers normally and
     * finds nothing, which shows the text was neither executed nor taken as a wildcard.
     */
    nothingFound?: true;
  };
  /** Sent this many times (the last answer is judged): a burst against the rate limit. */
  repeat?: number;
  /** Absent: the main service, whose budget the sweep never exhausts; or a second one with 1 point a minute. */
  service?: 'onePointPerMinute';
}

/** Records the spec seeds before the sweep, with fixed ids so that the corpus can name them. */
export const FIXTURES = {
  ownAlliance: 'a1000000-0000-4000-8000-000000000001',
  otherAlliance: 'a2000000-0000-4000-8000-000000000002',
  organisation: 'b1000000-0000-4000-8000-000000000001',
  membership: 'c1000000-0000-4000-8000-000000000001',
  person: 'd1000000-0000-4000-8000-000000000001',
  role: 'e1000000-0000-4000-8000-000000000001',
  meeting: 'f1000000-0000-4000-8000-000000000001',
  release: 'f2000000-0000-4000-8000-000000000002',
};
/** Well-formed, names nothing. */
const MISSING = '00000000-0000-4000-8000-000000000000';

const INPUT = 'BAD_USER_INPUT';
const INVALID = 'GRAPHQL_VALIDATION_FAILED';
const UNAUTHENTICATED = 'UNAUTHENTICATED';
const FORBIDDEN = 'FORBIDDEN';
const CONFLICT = 'CONFLICT';
const TOO_COMPLEX = 'QUERY_TOO_COMPLEX';
/** A literal of the wrong type is refused by GraphQL validation, the same value in a variable by coercion. */
const LITERAL = [INVALID, INPUT];

// ---- tokens --------------------------------------------------------------------------------------

const HOUR = 3600;
const now = () => Math.floor(Date.now() / 1000);
const signed = (claims: Record<string, unknown>, options: { subject?: string; algorithm?: 'HS256' | 'HS512' } = {}) =>
  sign({ exp: now() + HOUR, ...claims }, TEST_JWT_SECRET, {
    algorithm: options.algorithm ?? 'HS256',
    ...(options.subject ? { subject: options.subject } : {}),
  });
const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

const ADMIN = signed({ role: 'ADMIN' }, { subject: 'hostile-admin' });
const READER = signed({ role: 'READER' }, { subject: 'hostile-reader' });
const COORDINATOR = signed({ role: 'COORDINATOR', allianceIds: [FIXTURES.ownAlliance] }, { subject: 'hostile-coordinator' });

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const validPayload = { sub: 'x', role: 'ADMIN', exp: now() + HOUR };

const FORGED_TOKENS: [string, string][] = [
  ['signed with another secret', sign(validPayload, 'another-secret-that-is-long-enough-for-hs256')],
  ['alg none, no signature', `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(validPayload)}.`],
  [
    'alg none, signature kept from a real token',
    `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(validPayload)}.${ADMIN.split('.')[2]}`,
  ],
  ['alg HS512 with the right secret', signed({ role: 'ADMIN' }, { subject: 'x', algorithm: 'HS512' })],
  ['alg RS256 with a key of its own', sign(validPayload, privateKey, { algorithm: 'RS256' })],
  [
    "an ADMIN payload under a READER token's header and signature",
    `${READER.split('.')[0]}.${base64url({ ...validPayload, sub: 'hostile-reader' })}.${READER.split('.')[2]}`,
  ],
  ['expired a minute ago', signed({ role: 'ADMIN', exp: now() - 60 }, { subject: 'x' })],
  ['not valid before next hour (nbf)', signed({ role: 'ADMIN', nbf: now() + HOUR }, { subject: 'x' })],
  ['without sub', signed({ role: 'ADMIN' })],
  ['with an empty sub', signed({ role: 'ADMIN', sub: '' })],
  ['with a numeric sub', signed({ role: 'ADMIN', sub: 42 })],
  ['with a role outside the enum', signed({ role: 'GOD' }, { subject: 'x' })],
  ['with the role in lower case', signed({ role: 'admin' }, { subject: 'x' })],
  ['with the role as a list', signed({ role: ['ADMIN'] }, { subject: 'x' })],
  ['without a role', signed({}, { subject: 'x' })],
  ['COORDINATOR without allianceIds', signed({ role: 'COORDINATOR' }, { subject: 'x' })],
  [
    'COORDINATOR with allianceIds that are not UUIDs',
    signed({ role: 'COORDINATOR', allianceIds: ["' OR 1=1 --", 'abc'] }, { subject: 'x' }),
  ],
  ['COORDINATOR with allianceIds as one string', signed({ role: 'COORDINATOR', allianceIds: FIXTURES.ownAlliance }, { subject: 'x' })],
  ['with three segments of garbage', 'abc.def.ghi'],
  ['not a JWT at all', 'garbage'],
  ['of 10 KB with a broken signature', signed({ role: 'ADMIN', padding: 'x'.repeat(10_000) }, { subject: 'x' }).slice(0, -2)],
];

// ---- requests ------------------------------------------------------------------------------------

const JSON_TYPE: [string, string] = ['content-type', 'application/json'];
const ACCEPT: [string, string] = ['accept', 'application/graphql-response+json, application/json'];
const bearer = (token: string): [string, string] => ['authorization', `Bearer ${token}`];

function post(body: string | Buffer, headers: [string, string][] = [JSON_TYPE, ACCEPT]): HostileCase['request'] {
  return { method: 'POST', path: '/graphql', headers, body };
}

function gql(query: string, variables?: Record<string, unknown>, token?: string): HostileCase['request'] {
  return post(JSON.stringify({ query, variables }), [JSON_TYPE, ACCEPT, ...(token ? [bearer(token)] : [])]);
}

const cases: HostileCase[] = [];
const add = (
  category: string,
  name: string,
  request: HostileCase['request'],
  expect: HostileCase['expect'],
  extra: Partial<HostileCase> = {},
) => cases.push({ name: `${category}: ${name}`, request, expect, ...extra });

const HEALTHY_QUERY = '{ regions(kind: STATE) { name } }';

// ---- malformed JSON and request shapes -----------------------------------------------------------

const malformedBodies: [string, string][] = [
  ['truncated JSON', '{"query": "{ regions { name } }"'],
  ['trailing garbage after the JSON', '{"query": "{ regions { name } }"} trailing'],
  ['an empty body', ''],
  ['null', 'null'],
  ['a JSON string', '"{ regions { name } }"'],
  ['a JSON number', '42'],
  ['an empty array batch', '[]'],
  ['an array batch of two operations', JSON.stringify([{ query: '{ regions { name } }' }, { query: '{ regions { code } }' }])],
  ['an object without query', '{}'],
  ['query null', '{"query": null}'],
  ['query empty', '{"query": ""}'],
  ['query only whitespace', '{"query": "   "}'],
  ['query a number', '{"query": 42}'],
  ['query an object', '{"query": {"regions": "name"}}'],
  ['query a list', '{"query": ["{ regions { name } }"]}'],
  ['variables a JSON-encoded string', JSON.stringify({ query: HEALTHY_QUERY, variables: '{}' })],
  ['variables a list', JSON.stringify({ query: HEALTHY_QUERY, variables: [1] })],
  ['variables a number', JSON.stringify({ query: HEALTHY_QUERY, variables: 1 })],
  ['operationName a number', JSON.stringify({ query: HEALTHY_QUERY, operationName: 1 })],
  ['operationName an object', JSON.stringify({ query: HEALTHY_QUERY, operationName: { name: 'A' } })],
  ['extensions a string', JSON.stringify({ query: HEALTHY_QUERY, extensions: 'x' })],
  ['single quotes instead of JSON', "{'query': '{ regions { name } }'}"],
  ['a raw control character inside a JSON string', '{"query": "{ regions { name\u0001 } }"}'],
];
for (const [name, body] of malformedBodies) add('malformed JSON', name, post(body), { status: 400, code: [INPUT, INVALID] });

add('malformed JSON', 'a raw NUL byte inside a JSON string', post(Buffer.from('{"query": "{ regions { na\u0000me } }"}')), {
  status: 400,
  code: [INPUT, INVALID],
});
add(
  'malformed JSON',
  'a String variable nested 10,000 lists deep',
  post(
    `{"query": "query($s: String) { alliances(filter: { search: $s }) { totalCount } }", "variables": {"s": ${'['.repeat(10_000)}${']'.repeat(10_000)}}}`,
  ),
  { status: 400, code: INPUT },
);
add(
  'malformed JSON',
  'a __proto__ key inside an input object',
  post(
    `{"query": "mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }", "variables": {"input": {"givenName": "Erika", "familyName": "Muster", "__proto__": {"role": "ADMIN"}}}}`,
    [JSON_TYPE, ACCEPT, bearer(ADMIN)],
  ),
  { status: 400, code: INPUT },
);

// ---- content types -------------------------------------------------------------------------------

const healthyBody = JSON.stringify({ query: HEALTHY_QUERY });
const contentTypes: [string, [string, string][], string | Buffer, number | number[]][] = [
  ['text/plain', [['content-type', 'text/plain']], healthyBody, [400, 415]],
  [
    'application/x-www-form-urlencoded',
    [['content-type', 'application/x-www-form-urlencoded']],
    `query=${encodeURIComponent(HEALTHY_QUERY)}`,
    [400, 415],
  ],
  [
    'multipart/form-data',
    [['content-type', 'multipart/form-data; boundary=x']],
    `--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n${HEALTHY_QUERY}\r\n--x--\r\n`,
    [400, 415],
  ],
  ['no content type at all', [], Buffer.from(healthyBody), [400, 415]],
  ['application/graphql with the bare document', [['content-type', 'application/graphql']], HEALTHY_QUERY, [400, 415]],
  ['application/xml', [['content-type', 'application/xml']], `<query>${HEALTHY_QUERY}</query>`, [400, 415]],
  ['application/json in a charset the parser does not speak', [['content-type', 'application/json; charset=latin1']], healthyBody, 415],
  [
    'application/json with a content encoding it does not speak',
    [
      ['content-type', 'application/json'],
      ['content-encoding', 'compress'],
    ],
    healthyBody,
    415,
  ],
  [
    'application/json claiming gzip but plain',
    [
      ['content-type', 'application/json'],
      ['content-encoding', 'gzip'],
    ],
    healthyBody,
    400,
  ],
];
for (const [name, headers, payload, status] of contentTypes)
  add('content type', name, post(payload, [...headers, ACCEPT]), { status, code: [INPUT, INVALID] });

// ---- operations, methods and paths ---------------------------------------------------------------

const request = (method: string, path: string, headers: [string, string][] = [ACCEPT], payload?: string): HostileCase['request'] => ({
  method,
  path,
  headers,
  body: payload,
});
const getQuery = (query: string) => `/graphql?query=${encodeURIComponent(query)}`;
const archiveMutation = `mutation { archiveAlliance(id: "${FIXTURES.ownAlliance}", expectedVersion: 1) { id } }`;

add(
  'operations',
  'an operationName the document does not define',
  post(JSON.stringify({ query: `query A ${HEALTHY_QUERY}`, operationName: 'B' })),
  { status: 400, code: INVALID },
);
add('operations', 'an operationName for an anonymous operation', post(JSON.stringify({ query: HEALTHY_QUERY, operationName: 'A' })), {
  status: 400,
  code: INVALID,
});
add(
  'operations',
  'two operations and no operationName',
  post(JSON.stringify({ query: `query A ${HEALTHY_QUERY} query B ${HEALTHY_QUERY}` })),
  { status: 400, code: INVALID },
);
add(
  'operations',
  'two operations with the same name',
  post(JSON.stringify({ query: `query A ${HEALTHY_QUERY} query A ${HEALTHY_QUERY}`, operationName: 'A' })),
  { status: 400, code: INVALID },
);
add('operations', 'a document with only a fragment', gql('fragment F on Region { name }'), { status: 400, code: INVALID });
add('operations', 'a subscription, which the schema has none of', gql('subscription { regions { name } }'), { status: 400, code: INVALID });
add('operations', 'a query field asked for as a mutation', gql('mutation { regions { name } }', undefined, ADMIN), {
  status: 400,
  code: INVALID,
});
add('operations', 'a mutation over GET', request('GET', getQuery(archiveMutation), [ACCEPT, ['apollo-require-preflight', 'true']]), {
  status: 405,
});
add(
  'operations',
  'a mutation over GET, with an ADMIN token',
  request('GET', getQuery(archiveMutation), [ACCEPT, ['apollo-require-preflight', 'true'], bearer(ADMIN)]),
  { status: 405 },
);
add('operations', 'a mutation over GET without the preflight header', request('GET', getQuery(archiveMutation), [ACCEPT, bearer(ADMIN)]), {
  status: [400, 405],
});
add(
  'operations',
  'GET with variables that are not JSON',
  request('GET', `${getQuery('query($k: RegionKind) { regions(kind: $k) { name } }')}&variables=%7Bnot-json`, [
    ACCEPT,
    ['apollo-require-preflight', 'true'],
  ]),
  { status: 400, code: [INPUT, INVALID] },
);
add('operations', 'GET without a query', request('GET', '/graphql', [ACCEPT, ['apollo-require-preflight', 'true']]), {
  status: 400,
  code: [INPUT, INVALID],
});
for (const method of ['PUT', 'PATCH', 'DELETE'])
  add('methods and paths', `${method} /graphql`, request(method, '/graphql', [JSON_TYPE, ACCEPT], healthyBody), { status: 405 });
// Node's HTTP parser knows a fixed list of methods and answers any other with 400 itself.
add('methods and paths', 'an unknown method FOO', request('FOO', '/graphql', [JSON_TYPE, ACCEPT], healthyBody), { status: 400 });
add('methods and paths', 'POST to a path below /graphql', request('POST', '/graphql/admin', [JSON_TYPE, ACCEPT], healthyBody), {
  status: 404,
});
add(
  'methods and paths',
  'GET a query from a path two levels below /graphql',
  request('GET', `/graphql/v1/internal?query=${encodeURIComponent(HEALTHY_QUERY)}`, [ACCEPT, ['apollo-require-preflight', 'true']]),
  { status: 404 },
);
add('methods and paths', 'POST to /graphql with a NUL in the path', request('POST', '/graphql%00', [JSON_TYPE, ACCEPT], healthyBody), {
  status: 404,
});

// ---- operation limits: depth, aliases, fragments, directives, tokens, cost -----------------------

const nested = (levels: number, field: string, leaf: string) => `${`${field} { `.repeat(levels)}${leaf}${' }'.repeat(levels)}`;
const aliases = (count: number, field: string) => Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ');
const fragmentBomb = (levels: number, leaf: string) =>
  `{ regions { ...F${levels} } } fragment F0 on Region { ${leaf} } ${Array.from({ length: levels }, (_, i) => `fragment F${i + 1} on Region { ...F${i} ...F${i} }`).join(' ')}`;

const complex: [string, string, string | string[], string?][] = [
  ['50 levels of parent', `{ regions { ${nested(48, 'parent', 'name')} } }`, TOO_COMPLEX],
  ['50 levels through inline fragments', `{ regions { ${'... on Region { parent { '.repeat(49)}name${' } }'.repeat(49)} } }`, TOO_COMPLEX],
  // Apollo's own rule against deep introspection is part of validation, which runs before the limits are measured.
  ['50 levels of introspection', `{ __schema { types { ${'fields { type { '.repeat(24)}name${' } }'.repeat(24)} } } }`, INVALID],
  ['13 levels, one over the default', `{ regions { ${nested(11, 'parent', 'name')} } }`, TOO_COMPLEX],
  ['1000 aliases of one field', `{ regions { ${aliases(1000, 'name')} } }`, TOO_COMPLEX],
  ['31 aliases, one over the default', `{ regions { ${aliases(31, 'name')} } }`, TOO_COMPLEX],
  ['1000 aliased root fields', `{ ${aliases(1000, '__typename')} }`, TOO_COMPLEX],
  ['21 root fields, one over the default', `{ ${'regions { name } '.repeat(21)}}`, TOO_COMPLEX],
  ['a fragment bomb of 2^40 fields', fragmentBomb(40, 'name'), TOO_COMPLEX],
  ['a fragment bomb of 2^40 aliases', fragmentBomb(40, 'n: name'), TOO_COMPLEX],
  ['a fragment that spreads itself', '{ regions { ...A } } fragment A on Region { name ...A }', INVALID],
  [
    'two fragments that spread each other',
    '{ regions { ...A } } fragment A on Region { parent { ...B } } fragment B on Region { children { ...A } }',
    INVALID,
  ],
  ['a spread of an undefined fragment', '{ regions { ...Nowhere } }', INVALID],
  // 7000 tokens: the parser stops before validation could see that @include is not repeatable.
  ['@include repeated 1000 times on one field', `{ regions { name ${'@include(if: true) '.repeat(1000)}} }`, TOO_COMPLEX],
  ['@skip repeated 300 times on one field', `{ regions { name ${'@skip(if: false) '.repeat(300)}} }`, INVALID],
  ['an unknown directive', '{ regions { name @admin } }', INVALID],
  ['a document of 6000 tokens', `{ regions { ${'name '.repeat(6000)}} }`, TOO_COMPLEX],
  [
    '1200 operations in one document',
    `${Array.from({ length: 1200 }, (_, i) => `query Q${i} { __typename }`).join(' ')}`,
    TOO_COMPLEX,
    'Q0',
  ],
  [
    'a cost bomb of nested lists',
    '{ alliances(first: 100) { edges { node { memberships { organisation { memberships { alliance { memberships { organisation { roles { person { displayName } } } } } } } } } } } }',
    TOO_COMPLEX,
  ],
  [
    'ten aliased connections of 100',
    `{ ${Array.from({ length: 10 }, (_, i) => `c${i}: alliances(first: 100) { edges { node { memberships { organisation { roles { person { displayName } } } } } } }`).join(' ')} }`,
    TOO_COMPLEX,
  ],
];
for (const [name, query, code, operationName] of complex)
  add('operation limits', name, post(JSON.stringify({ query, operationName })), { status: 400, code });

add(
  'operation limits',
  'an alias bomb of 1000 createPerson mutations, with an ADMIN token',
  gql(
    `mutation { ${Array.from({ length: 1000 }, (_, i) => `p${i}: createPerson(input: { givenName: "Erika", familyName: "Muster" }) { id }`).join(' ')} }`,
    undefined,
    ADMIN,
  ),
  { status: 400, code: TOO_COMPLEX },
);
add(
  'operation limits',
  '21 createPerson mutations, one root field over the limit, with an ADMIN token',
  gql(
    `mutation { ${Array.from({ length: 21 }, (_, i) => `p${i}: createPerson(input: { givenName: "Erika", familyName: "Muster" }) { id }`).join(' ')} }`,
    undefined,
    ADMIN,
  ),
  { status: 400, code: TOO_COMPLEX },
);

// ---- page sizes, on every connection -------------------------------------------------------------

const CONNECTIONS = ['alliances', 'organisations', 'people', 'agreements', 'meetings', 'releases'];
const badFirstVariables: [string, unknown][] = [
  ['0', 0],
  ['-1', -1],
  ['101', 101],
  ['1e9', 1e9],
  ['2^31', 2 ** 31],
  ['"10", a string', '10'],
  ['1.5', 1.5],
];
for (const connection of CONNECTIONS) {
  for (const [name, first] of badFirstVariables) {
    add(
      'first',
      `${connection}(first: ${name}) in a variable`,
      gql(`query($first: Int) { ${connection}(first: $first) { totalCount } }`, { first }),
      { code: INPUT },
    );
  }
}
const badFirstLiterals: [string, string][] = [
  ['2^31', String(2 ** 31)],
  ['1e9, a float literal', '1e9'],
  ['"10", a string literal', '"10"'],
  ['a 30-digit integer', '9'.repeat(30)],
  ['an enum-like word', 'ALL'],
];
for (const [name, literal] of badFirstLiterals)
  add('first', `alliances(first: ${name})`, gql(`{ alliances(first: ${literal}) { totalCount } }`), { code: LITERAL });
add('first', 'releases(first: -2147483648)', gql('{ releases(first: -2147483648) { totalCount } }'), { code: INPUT });

const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const badCursors: [string, string][] = [
  ['garbage', 'garbage'],
  ['SQL', "' OR 1=1 --"],
  ['a cursor of 10 KB', 'x'.repeat(10_000)],
  ['a cursor whose id is 36 dashes', cursor(['Fachkräfteallianz', '-'.repeat(36)])],
  ['a cursor whose key is an object', cursor([{ $gt: '' }, MISSING])],
  ['a cursor whose key holds a NUL', cursor(['a\u0000', MISSING])],
];
for (const [name, after] of badCursors) {
  add('after', `alliances after ${name}`, gql('query($after: String) { alliances(after: $after) { totalCount } }', { after }), {
    code: INPUT,
  });
}
add(
  'after',
  'meetings after a cursor whose date is a number',
  gql('query($after: String) { meetings(after: $after) { totalCount } }', { after: cursor([5, MISSING]) }),
  { code: INPUT },
);
add(
  'after',
  'releases after a cursor whose date is a name',
  gql('query($after: String) { releases(after: $after) { totalCount } }', { after: cursor(['Fachkräfteallianz', MISSING]) }),
  { code: INPUT },
);
add(
  'after',
  'agreements after a cursor whose date is impossible',
  gql('query($after: String) { agreements(after: $after) { totalCount } }', { after: cursor(['2025-02-30', MISSING]) }),
  { code: INPUT },
);

// ---- text that looks like SQL, in every search filter --------------------------------------------

const SEARCHES = ['alliances', 'organisations', 'people', 'releases'];
const SQL_TEXT = ["' OR 1=1 --", "'; DROP TABLE alliance; --", '%_\\', '$1', "\\' UNION SELECT id FROM alliance --"];
for (const connection of SEARCHES) {
  for (const text of SQL_TEXT) {
    add(
      'SQL-looking search',
      `${connection} search ${JSON.stringify(text)}`,
      gql(`query($s: String) { ${connection}(filter: { search: $s }) { totalCount edges { node { id } } } }`, { s: text }),
      {
        status: 200,
        nothingFound: true,
      },
    );
  }
}

// ---- strings: NUL, surrogates, invalid UTF-8, length ---------------------------------------------

const UNREADABLE: [string, string][] = [
  ['a NUL', 'a\u0000b'],
  ['only a NUL', '\u0000'],
  ['a lone high surrogate', 'a\ud800b'],
  ['a lone low surrogate', '\udc00'],
];
for (const connection of SEARCHES) {
  for (const [name, text] of UNREADABLE) {
    add(
      'unreadable text',
      `${connection} search with ${name}`,
      gql(`query($s: String) { ${connection}(filter: { search: $s }) { totalCount } }`, { s: text }),
      { code: INPUT },
    );
  }
}

interface Mutation {
  document: string;
  variables: Record<string, unknown>;
}
/** Each mutation with arguments that pass GraphQL's type checks and name the fixtures. */
const MUTATIONS = {
  createOrganisation: {
    document: 'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }',
    variables: { input: { name: 'Hostile GmbH', kind: 'OTHER' } },
  },
  updateOrganisation: {
    document: 'mutation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { id } }',
    variables: { input: { id: FIXTURES.organisation, expectedVersion: 1, shortName: 'HG' } },
  },
  renameOrganisation: {
    document: 'mutation($input: RenameOrganisationInput!) { renameOrganisation(input: $input) { id } }',
    variables: { input: { id: FIXTURES.organisation, expectedVersion: 1, name: 'Hostile AG', validFrom: '2024-01-01' } },
  },
  archiveOrganisation: {
    document: 'mutation($id: ID!, $v: Int!) { archiveOrganisation(id: $id, expectedVersion: $v) { id } }',
    variables: { id: FIXTURES.organisation, v: 1 },
  },
  createPerson: {
    document: 'mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }',
    variables: { input: { givenName: 'Erika', familyName: 'Muster' } },
  },
  assignRole: {
    document: 'mutation($input: AssignRoleInput!) { assignRole(input: $input) { id } }',
    variables: { input: { personId: FIXTURES.person, organisationId: FIXTURES.organisation, title: 'Geschäftsführerin' } },
  },
  endRole: {
    document: 'mutation($input: EndRoleInput!) { endRole(input: $input) { id } }',
    variables: { input: { id: FIXTURES.role, expectedVersion: 1, validTo: '2024-01-01' } },
  },
  createAlliance: {
    document: 'mutation($input: CreateAllianceInput!) { createAlliance(input: $input) { id } }',
    variables: { input: { name: 'Hostile Allianz', level: 'LOCAL', regionId: MISSING } },
  },
  updateAlliance: {
    document: 'mutation($input: UpdateAllianceInput!) { updateAlliance(input: $input) { id } }',
    variables: { input: { id: FIXTURES.otherAlliance, expectedVersion: 1, name: 'Umbenannt' } },
  },
  archiveAlliance: {
    document: 'mutation($id: ID!, $v: Int!) { archiveAlliance(id: $id, expectedVersion: $v) { id } }',
    variables: { id: FIXTURES.otherAlliance, v: 1 },
  },
  addMember: {
    document: 'mutation($input: AddMemberInput!) { addMember(input: $input) { id } }',
    variables: { input: { allianceId: FIXTURES.ownAlliance, organisationId: FIXTURES.organisation, role: 'PARTNER' } },
  },
  endMembership: {
    document: 'mutation($input: EndMembershipInput!) { endMembership(input: $input) { id } }',
    variables: { input: { id: FIXTURES.membership, expectedVersion: 1, leftOn: '2024-01-01' } },
  },
  createAgreement: {
    document: 'mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { id } }',
    variables: {
      input: {
        title: 'Kooperationsvereinbarung',
        status: 'DRAFT',
        parties: [{ allianceId: FIXTURES.ownAlliance }, { allianceId: FIXTURES.otherAlliance }],
      },
    },
  },
  recordMeeting: {
    document: 'mutation($input: RecordMeetingInput!) { recordMeeting(input: $input) { id } }',
    variables: { input: { kind: 'OTHER', status: 'PLANNED', title: 'Treffen', heldOn: '2024-05-05', allianceId: FIXTURES.ownAlliance } },
  },
  updateMeeting: {
    document: 'mutation($input: UpdateMeetingInput!) { updateMeeting(input: $input) { id } }',
    variables: { input: { id: FIXTURES.meeting, expectedVersion: 1, location: 'Heilbronn' } },
  },
  createRelease: {
    document: 'mutation($input: CreateReleaseInput!) { createRelease(input: $input) { id } }',
    variables: { input: { title: 'Pressemitteilung', publishedOn: '2024-05-05' } },
  },
  linkRelease: {
    document: 'mutation($releaseId: ID!, $link: ReleaseLinkInput!) { linkRelease(releaseId: $releaseId, link: $link) { id } }',
    variables: { releaseId: FIXTURES.release, link: { relation: 'MENTIONS', entityId: FIXTURES.ownAlliance } },
  },
} satisfies Record<string, Mutation>;
type MutationName = keyof typeof MUTATIONS;

/** The mutation with `patch` laid over its input (or over its arguments, for those without one). */
function mutation(name: MutationName, patch: Record<string, unknown>, token = ADMIN): HostileCase['request'] {
  const { document, variables }: Mutation = MUTATIONS[name];
  const patched = 'input' in variables ? { ...variables, input: { ...(variables.input as object), ...patch } } : { ...variables, ...patch };
  return gql(document, patched, token);
}

/** Every name-like field of the mutations that create a record: the ones a bad string would be stored in. */
const NAME_FIELDS: [MutationName, string][] = [
  ['createOrganisation', 'name'],
  ['createPerson', 'givenName'],
  ['createRelease', 'title'],
  ['assignRole', 'title'],
];
for (const [mutationName, field] of NAME_FIELDS) {
  for (const [name, text] of UNREADABLE)
    add('unreadable text', `${mutationName} ${field} with ${name}`, mutation(mutationName, { [field]: text }), { code: INPUT });
}

/** The bytes C3 28: a two-byte lead followed by no continuation byte. */
const invalidUtf8 = (json: string) => {
  const [before, after] = json.split('@@');
  return Buffer.concat([Buffer.from(before), Buffer.from([0xc3, 0x28]), Buffer.from(after)]);
};
add(
  'unreadable text',
  'createPerson givenName with invalid UTF-8 bytes',
  post(
    invalidUtf8(
      JSON.stringify({ query: MUTATIONS.createPerson.document, variables: { input: { givenName: 'Er@@ika', familyName: 'Muster' } } }),
    ),
    [JSON_TYPE, ACCEPT, bearer(ADMIN)],
  ),
  { code: INPUT },
);
add(
  'unreadable text',
  'organisations search with invalid UTF-8 bytes',
  post(
    invalidUtf8(
      JSON.stringify({ query: 'query($s: String) { organisations(filter: { search: $s }) { totalCount } }', variables: { s: 'IH@@K' } }),
    ),
  ),
  { code: INPUT },
);
add(
  'unreadable text',
  'invalid UTF-8 bytes in the document itself',
  post(invalidUtf8(JSON.stringify({ query: '{ regions { na@@me } }' }))),
  { status: 400, code: INVALID },
);
add(
  'unreadable text',
  'a lone surrogate escaped in a GraphQL string literal',
  gql('{ alliances(filter: { search: "\\uD800" }) { totalCount } }'),
  { status: 400, code: INVALID },
);
add('unreadable text', 'a NUL escaped in a GraphQL string literal', gql('{ people(filter: { search: "\\u0000" }) { totalCount } }'), {
  code: INPUT,
});

const MEGABYTE = 1_000_000;
add('length', 'a name of 1 MB', mutation('createOrganisation', { name: 'x'.repeat(MEGABYTE) }), { code: INPUT });
add(
  'length',
  'a search of 1 MB',
  gql('query($s: String) { alliances(filter: { search: $s }) { totalCount } }', { s: 'x'.repeat(MEGABYTE) }),
  { code: INPUT },
);
add(
  'length',
  'a string literal of 1 MB in the document',
  gql(`{ organisations(filter: { search: "${'x'.repeat(MEGABYTE)}" }) { totalCount } }`),
  { code: INPUT },
);
add('length', 'a name of 301 characters', mutation('createPerson', { familyName: 'x'.repeat(301) }), { code: INPUT });
add('length', 'a name of only spaces', mutation('createOrganisation', { name: '   ' }), { code: INPUT });
add('length', 'an empty name', mutation('createAlliance', { name: '' }), { code: INPUT });
add('length', 'a text of 100,001 characters', mutation('createRelease', { body: 'x'.repeat(100_001) }), { code: INPUT });
add('length', 'a body of 2 MB', post(JSON.stringify({ query: HEALTHY_QUERY, variables: { padding: 'x'.repeat(2 * MEGABYTE) } })), {
  status: 413,
});
add('length', 'a body of 2 MB with an ADMIN mutation', mutation('createPerson', { givenName: 'x'.repeat(2 * MEGABYTE) }), { status: 413 });

// ---- ids that are not ids, in every id argument and filter ---------------------------------------

// A third element: the token the slot needs to be reached at all (audit events are not for anonymous callers).
const ID_SLOTS: [string, string, string?][] = [
  ['region(id)', 'query($id: ID!) { region(id: $id) { id } }'],
  ['alliance(id)', 'query($id: ID!) { alliance(id: $id) { id } }'],
  ['organisation(id)', 'query($id: ID!) { organisation(id: $id) { id } }'],
  ['person(id)', 'query($id: ID!) { person(id: $id) { id } }'],
  ['agreement(id)', 'query($id: ID!) { agreement(id: $id) { id } }'],
  ['meeting(id)', 'query($id: ID!) { meeting(id: $id) { id } }'],
  ['release(id)', 'query($id: ID!) { release(id: $id) { id } }'],
  ['auditTrail(entityId)', 'query($id: ID!) { auditTrail(entityId: $id) { id } }', READER],
  ['changes filter allianceId', 'query($id: ID) { changes(filter: { allianceId: $id }) { totalCount } }', READER],
  ['coverage(stateId)', 'query($id: ID!) { coverage(stateId: $id) { topLevelMeetingOverdue } }'],
  ['regions(parentId)', 'query($id: ID) { regions(parentId: $id) { id } }'],
  ['alliances filter regionId', 'query($id: ID) { alliances(filter: { regionId: $id }) { totalCount } }'],
  ['organisations filter regionId', 'query($id: ID) { organisations(filter: { regionId: $id }) { totalCount } }'],
  ['organisations filter allianceId', 'query($id: ID) { organisations(filter: { allianceId: $id }) { totalCount } }'],
  ['people filter organisationId', 'query($id: ID) { people(filter: { organisationId: $id }) { totalCount } }'],
  ['agreements filter allianceId', 'query($id: ID) { agreements(filter: { allianceId: $id }) { totalCount } }'],
  ['meetings filter agreementId', 'query($id: ID) { meetings(filter: { agreementId: $id }) { totalCount } }'],
  ['meetings filter allianceId', 'query($id: ID) { meetings(filter: { allianceId: $id }) { totalCount } }'],
  ['releases filter publisherId', 'query($id: ID) { releases(filter: { publisherId: $id }) { totalCount } }'],
  ['releases filter linkedTo', 'query($id: ID) { releases(filter: { linkedTo: $id }) { totalCount } }'],
];
const BAD_IDS: [string, unknown][] = [
  ['"1"', '1'],
  ['"abc"', 'abc'],
  ['"\' or 1=1"', "' or 1=1"],
  ['a UUID with a trailing space', `${FIXTURES.ownAlliance} `],
  ['a string of 10 KB', 'a'.repeat(10_000)],
];
for (const [slot, query, token] of ID_SLOTS) {
  for (const [name, id] of BAD_IDS) add('ids', `${slot} = ${name}`, gql(query, { id }, token), { code: INPUT });
}
const BAD_MUTATION_IDS: [string, MutationName, Record<string, unknown>][] = [
  ['updateAlliance id "1"', 'updateAlliance', { id: '1' }],
  ['archiveAlliance id with SQL', 'archiveAlliance', { id: "' OR 1=1 --" }],
  ['addMember organisationId "abc"', 'addMember', { organisationId: 'abc' }],
  [
    'createAgreement party allianceId of 10 KB',
    'createAgreement',
    { parties: [{ allianceId: FIXTURES.ownAlliance }, { allianceId: 'a'.repeat(10_000) }] },
  ],
  ['recordMeeting participantIds with a non-id', 'recordMeeting', { participantIds: [FIXTURES.person, 'nobody'] }],
  ['linkRelease entityId with a trailing space', 'linkRelease', { link: { relation: 'MENTIONS', entityId: `${FIXTURES.ownAlliance} ` } }],
  [
    'createRelease a link to a UUID with braces',
    'createRelease',
    { links: [{ relation: 'MENTIONS', entityId: `{${FIXTURES.ownAlliance}}` }] },
  ],
];
for (const [name, mutationName, patch] of BAD_MUTATION_IDS) add('ids', name, mutation(mutationName, patch), { code: INPUT });
add('ids', 'an id as a number literal', gql('{ alliance(id: 12) { id } }'), { code: INPUT });
add('ids', 'an id as a list', gql('query($id: ID!) { alliance(id: $id) { id } }', { id: [FIXTURES.ownAlliance] }), {
  status: 400,
  code: INPUT,
});
add('ids', 'an id as an object', gql('query($id: ID!) { alliance(id: $id) { id } }', { id: { $ne: null } }), { status: 400, code: INPUT });

// ---- dates ---------------------------------------------------------------------------------------

const DATE_SLOTS: [string, (date: unknown) => HostileCase['request']][] = [
  ['agreements filter signedFrom', (date) => gql('query($d: Date) { agreements(filter: { signedFrom: $d }) { totalCount } }', { d: date })],
  ['meetings filter to', (date) => gql('query($d: Date) { meetings(filter: { to: $d }) { totalCount } }', { d: date })],
  ['releases filter from', (date) => gql('query($d: Date) { releases(filter: { from: $d }) { totalCount } }', { d: date })],
  ['overdueCommitments asOf', (date) => gql('query($d: Date) { overdueCommitments(asOf: $d) { overdue } }', { d: date })],
  ['createRelease publishedOn', (date) => mutation('createRelease', { publishedOn: date })],
  ['assignRole validFrom', (date) => mutation('assignRole', { validFrom: date })],
  ['endRole validTo', (date) => mutation('endRole', { validTo: date })],
];
const BAD_DATES: [string, unknown][] = [
  ['2025-02-30', '2025-02-30'],
  ['2023-02-29, not a leap year', '2023-02-29'],
  ['2025-13-01', '2025-13-01'],
  ['"yesterday"', 'yesterday'],
  ['20250101, a number', 20250101],
  ['2025-1-1, unpadded', '2025-1-1'],
  ['an instant, 2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z'],
];
for (const [slot, make] of DATE_SLOTS) {
  for (const [name, date] of BAD_DATES) add('dates', `${slot} = ${name}`, make(date), { code: INPUT });
}
const BAD_INSTANTS: [string, unknown][] = [
  ['"yesterday"', 'yesterday'],
  ['a calendar date', '2025-01-01'],
  ['an instant without offset', '2025-01-01T00:00:00'],
  ['2025-02-30T00:00:00Z', '2025-02-30T00:00:00Z'],
  ['a number', 20250101],
];
for (const [name, instant] of BAD_INSTANTS)
  add(
    'dates',
    `changes filter since = ${name}`,
    gql('query($d: DateTime) { changes(filter: { since: $d }) { totalCount } }', { d: instant }, READER),
    {
      code: INPUT,
    },
  );
add('dates', 'a date literal 2025-02-30 in the document', gql('{ overdueCommitments(asOf: "2025-02-30") { overdue } }'), { code: LITERAL });
add(
  'dates',
  'coverage asOf with SQL',
  gql(`query($d: Date) { coverage(stateId: "${MISSING}", asOf: $d) { topLevelMeetingOverdue } }`, { d: "2025-01-01' OR 1=1 --" }),
  { code: INPUT },
);

// ---- enums ---------------------------------------------------------------------------------------

const ENUM_SLOTS: [string, (value: unknown) => HostileCase['request']][] = [
  ['alliances filter level', (value) => gql('query($v: AllianceLevel) { alliances(filter: { level: $v }) { totalCount } }', { v: value })],
  [
    'organisations filter kind',
    (value) => gql('query($v: OrganisationKind) { organisations(filter: { kind: $v }) { totalCount } }', { v: value }),
  ],
  ['regions kind', (value) => gql('query($v: RegionKind) { regions(kind: $v) { id } }', { v: value })],
  ['meetings filter status', (value) => gql('query($v: MeetingStatus) { meetings(filter: { status: $v }) { totalCount } }', { v: value })],
  ['createOrganisation kind', (value) => mutation('createOrganisation', { kind: value })],
  ['addMember role', (value) => mutation('addMember', { role: value })],
  ['linkRelease relation', (value) => mutation('linkRelease', { link: { relation: value, entityId: FIXTURES.ownAlliance } })],
];
const BAD_ENUMS: [string, unknown][] = [
  ['"GALAXY"', 'GALAXY'],
  ['in lower case', 'local'],
  ['a number', 1],
];
for (const [slot, make] of ENUM_SLOTS) {
  for (const [name, value] of BAD_ENUMS) add('enums', `${slot} = ${name}`, make(value), { code: INPUT });
}
add('enums', 'an enum as a string literal', gql('{ alliances(filter: { level: "STATE" }) { totalCount } }'), { code: LITERAL });
add('enums', 'an enum literal that does not exist', gql('{ regions(kind: PLANET) { id } }'), { code: LITERAL });

// ---- tokens --------------------------------------------------------------------------------------

for (const [name, token] of FORGED_TOKENS)
  add('tokens', `a token ${name}, on a query`, gql(HEALTHY_QUERY, undefined, token), { code: UNAUTHENTICATED });
// The forgeries of signature, algorithm and time again on a write, where a slip would cost most.
for (const [name, token] of FORGED_TOKENS.slice(0, 8))
  add('tokens', `a token ${name}, on a mutation`, mutation('createPerson', {}, token), { code: UNAUTHENTICATED });

const headerCases: [string, [string, string][]][] = [
  ['"Bearer" alone', [['authorization', 'Bearer']]],
  ['"Bearer " and spaces', [['authorization', 'Bearer    ']]],
  ['Basic credentials', [['authorization', 'Basic YWRtaW46YWRtaW4=']]],
  ['another scheme with a valid token', [['authorization', `Token ${ADMIN}`]]],
  ['a valid token with a second word', [['authorization', `Bearer ${ADMIN} extra`]]],
  ['two Authorization headers, valid then forged', [bearer(ADMIN), bearer(FORGED_TOKENS[0][1])]],
  ['two Authorization headers, both valid', [bearer(ADMIN), bearer(READER)]],
];
for (const [name, headers] of headerCases)
  add(
    'tokens',
    name,
    post(JSON.stringify({ query: MUTATIONS.createPerson.document, variables: MUTATIONS.createPerson.variables }), [
      JSON_TYPE,
      ACCEPT,
      ...headers,
    ]),
    { code: UNAUTHENTICATED },
  );
add(
  'tokens',
  'an empty Authorization header on a mutation',
  post(JSON.stringify({ query: MUTATIONS.createPerson.document, variables: MUTATIONS.createPerson.variables }), [
    JSON_TYPE,
    ACCEPT,
    ['authorization', ''],
  ]),
  { code: UNAUTHENTICATED },
);
// Node refuses headers over 16 KB before any code of the service sees them.
add('tokens', 'a token of 50 KB', gql(HEALTHY_QUERY, undefined, signed({ role: 'ADMIN', padding: 'x'.repeat(50_000) }, { subject: 'x' })), {
  status: 431,
});

// ---- who may write -------------------------------------------------------------------------------

for (const [name, { document, variables }] of Object.entries(MUTATIONS)) {
  add('access', `${name} without a token`, gql(document, variables), { code: UNAUTHENTICATED });
  add('access', `${name} with a READER token`, gql(document, variables, READER), { code: FORBIDDEN });
}
// Audit events name people: reading them takes a token, whatever PUBLIC_READ says.
add('access', 'auditTrail without a token', gql(`{ auditTrail(entityId: "${MISSING}") { actor } }`), { code: UNAUTHENTICATED });
add('access', 'changes without a token', gql('{ changes(first: 1) { edges { node { actor } } } }'), { code: UNAUTHENTICATED });
const coordinatorCases: [string, MutationName, Record<string, unknown>][] = [
  ['creates an alliance', 'createAlliance', {}],
  ['creates an agreement', 'createAgreement', {}],
  ['renames another alliance', 'updateAlliance', {}],
  ['archives another alliance', 'archiveAlliance', {}],
  ['adds a member to another alliance', 'addMember', { allianceId: FIXTURES.otherAlliance }],
  ['ends a membership of another alliance', 'endMembership', {}],
  ['records a meeting of another alliance', 'recordMeeting', { allianceId: FIXTURES.otherAlliance }],
  ['updates an organisation of another alliance', 'updateOrganisation', {}],
  ['renames an organisation of another alliance', 'renameOrganisation', {}],
  ['links a release it did not create', 'linkRelease', {}],
];
for (const [name, mutationName, patch] of coordinatorCases)
  add('access', `a COORDINATOR ${name}`, mutation(mutationName, patch, COORDINATOR), { code: FORBIDDEN });

// ---- expectedVersion -----------------------------------------------------------------------------

/**
 * Inputs (VersionedChange) refuse a version below 1; the archive mutations take it as a bare
 * argument and answer CONFLICT, which the contract's wording allows too.
 */
const VERSIONS: [string, unknown, string, string | string[]][] = [
  ['stale (2, the record is at 1)', 2, CONFLICT, CONFLICT],
  ['0', 0, INPUT, [INPUT, CONFLICT]],
  ['-1', -1, INPUT, [INPUT, CONFLICT]],
  ['2^31', 2 ** 31, INPUT, INPUT],
  ['"1", a string', '1', INPUT, INPUT],
  ['1.5', 1.5, INPUT, INPUT],
  ['null', null, INPUT, INPUT],
];
for (const [name, version, inInput, asArgument] of VERSIONS) {
  add('expectedVersion', `updateOrganisation ${name}`, mutation('updateOrganisation', { expectedVersion: version }), { code: inInput });
  add('expectedVersion', `archiveAlliance ${name}`, mutation('archiveAlliance', { v: version }), { code: asArgument });
}
add(
  'expectedVersion',
  'updateMeeting stale, by the COORDINATOR of its alliance',
  mutation('updateMeeting', { expectedVersion: 7 }, COORDINATOR),
  { code: CONFLICT },
);
add('expectedVersion', 'endRole stale', mutation('endRole', { expectedVersion: 2 }), { code: CONFLICT });
add('expectedVersion', 'endMembership stale', mutation('endMembership', { expectedVersion: 2 }), { code: CONFLICT });
add('expectedVersion', 'renameOrganisation stale', mutation('renameOrganisation', { expectedVersion: 2 }), { code: CONFLICT });

// ---- the contract's input rules ------------------------------------------------------------------

const link = { relation: 'MENTIONS', entityId: FIXTURES.ownAlliance };
const rules: [string, HostileCase['request']][] = [
  ['createRelease with 201 links', mutation('createRelease', { links: Array.from({ length: 201 }, () => link) })],
  [
    'createRelease with 101 quotes',
    mutation('createRelease', { quotes: Array.from({ length: 101 }, () => ({ personId: FIXTURES.person, text: 'Gut.' })) }),
  ],
  ['assignRole ending before it starts', mutation('assignRole', { validFrom: '2024-05-05', validTo: '2024-05-04' })],
  ['endMembership before the member joined', mutation('endMembership', { leftOn: '2019-12-31' })],
  ['endRole before the role began', mutation('endRole', { validTo: '2019-12-31' })],
  [
    'agreements filter signedTo before signedFrom',
    gql('{ agreements(filter: { signedFrom: "2024-05-05", signedTo: "2024-05-04" }) { totalCount } }'),
  ],
  ['meetings filter to before from', gql('{ meetings(filter: { from: "2024-05-05", to: "2024-05-04" }) { totalCount } }')],
  ['releases filter to before from', gql('{ releases(filter: { from: "2024-05-05", to: "2024-05-04" }) { totalCount } }')],
  ['createAgreement with one party', mutation('createAgreement', { parties: [{ allianceId: FIXTURES.ownAlliance }] })],
  ['createAgreement with no party', mutation('createAgreement', { parties: [] })],
  [
    'createAgreement with the same alliance twice',
    mutation('createAgreement', { parties: [{ allianceId: FIXTURES.ownAlliance }, { allianceId: FIXTURES.ownAlliance }] }),
  ],
  ['createAgreement SIGNED without signedOn', mutation('createAgreement', { status: 'SIGNED' })],
  ['recordMeeting with neither agreement nor alliance', mutation('recordMeeting', { allianceId: null })],
  ['recordMeeting naming a participant twice', mutation('recordMeeting', { participantIds: [FIXTURES.person, FIXTURES.person] })],
  ['renameOrganisation to a name of spaces', mutation('renameOrganisation', { name: '   ' })],
];
for (const [name, req] of rules) add('input rules', name, req, { code: INPUT });

const BAD_URLS: [string, string][] = [
  ['javascript:', 'javascript:alert(document.cookie)'],
  ['data:', 'data:text/html,<script>alert(1)</script>'],
  ['ftp:', 'ftp://example.org/release.pdf'],
  ['"http://" alone', 'http://'],
  ['a relative path', '/presse/2024/allianz'],
  ['no scheme', 'www.example.org'],
  ['a space in the host', 'http://exa mple.org'],
  ['2001 characters', `https://example.org/${'a'.repeat(1981)}`],
];
for (const [name, url] of BAD_URLS) {
  add('URLs', `createOrganisation website ${name}`, mutation('createOrganisation', { website: url }), { code: INPUT });
}
for (const [name, url] of BAD_URLS.slice(0, 5)) {
  add('URLs', `createRelease url ${name}`, mutation('createRelease', { url }), { code: INPUT });
}
add('URLs', 'updateOrganisation website javascript:', mutation('updateOrganisation', { website: 'javascript:alert(1)' }), { code: INPUT });

// ---- rate limit ----------------------------------------------------------------------------------

const limited = { service: 'onePointPerMinute' as const, repeat: 2 };
add(
  'rate limit',
  'a second query within the minute, by a token',
  gql(HEALTHY_QUERY, undefined, signed({ role: 'READER' }, { subject: 'hostile-burst' })),
  { status: 429, code: 'RATE_LIMITED' },
  limited,
);
add('rate limit', 'a second query within the minute, anonymously', gql(HEALTHY_QUERY), { status: 429, code: 'RATE_LIMITED' }, limited);
add(
  'rate limit',
  'a second mutation within the minute, by an ADMIN',
  mutation('createPerson', { givenName: '' }, signed({ role: 'ADMIN' }, { subject: 'hostile-burst-admin' })),
  { status: 429, code: 'RATE_LIMITED' },
  limited,
);

export const CORPUS: readonly HostileCase[] = cases;
