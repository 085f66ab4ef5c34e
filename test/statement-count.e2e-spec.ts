import { insertAlliance, insertMembership, insertOrganisation, insertPerson, insertRole, regionId } from './support/factories';
import { createTestApp, TestApp, WITHOUT_RESPONSE_CACHE } from './support/test-app';

/** No N+1: the SQL statements a list causes do not grow with the page size. */
// Whole pages of relations cost more than one caller may spend a minute; the limits are not under test here.
const UNLIMITED = { ...WITHOUT_RESPONSE_CACHE, RATE_LIMIT_POINTS_PER_MINUTE: 1_000_000_000 };

describe('SQL statements per list request', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(UNLIMITED);
    const region = await regionId(t.dataSource, '0801');
    for (let i = 0; i < 100; i += 1) {
      const alliance = await insertAlliance(t.dataSource, { regionId: region, name: `Allianz ${String(i).padStart(3, '0')}` });
      for (const role of ['LEAD', 'PARTNER']) {
        const organisation = await insertOrganisation(t.dataSource);
        await insertMembership(t.dataSource, { allianceId: alliance, organisationId: organisation, role });
        await insertRole(t.dataSource, { personId: await insertPerson(t.dataSource), organisationId: organisation });
      }
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists 100 alliances with memberships → organisation → roles → person in as many statements as 5', async () => {
    const query = `query($first: Int) { alliances(first: $first) { totalCount edges { node {
      name region { name } lead { name }
      memberships { role organisation { name region { name } roles(current: true) { title person { displayName } } } }
    } } } }`;
    let five = 0;
    const small = await t.countStatements(async () => {
      const result = await t.gql(query, { first: 5 });
      five = result.data!.alliances.edges.length;
    });
    let hundred = 0;
    const large = await t.countStatements(async () => {
      const result = await t.gql(query, { first: 100 });
      hundred = result.data!.alliances.edges.length;
      expect(result.data!.alliances.edges[99].node.memberships[1].organisation.roles[0].person.displayName).toEqual(expect.any(String));
    });
    expect([five, hundred]).toEqual([5, 100]);
    expect(large).toBe(small);
    expect(small).toBeLessThanOrEqual(10);
  });

  it('costs as many statements as of another day, by the SQL projection and by the loaders, whatever first is', async () => {
    const loading = await createTestApp({
      ...UNLIMITED,
      GRAPHQL_SQL_PROJECTION: false,
      DATABASE_URL: (t.dataSource.options as { url: string }).url,
    });
    try {
      const query = `query($first: Int, $asOf: Date) {
        alliances(first: $first, asOf: $asOf) { totalCount edges { node {
          name lead { name } meetings { heldOn } agreements { status }
          memberships(current: true) { role organisation { name roles(current: true) { title person { givenName familyName } } } }
        } } }
        then: organisations(first: $first, asOf: "2015-06-01") { edges { node { name memberships(current: true) { alliance { name } } } } }
      }`;
      for (const app of [t, loading]) {
        for (const asOf of ['2015-06-01', null]) {
          const counts: number[] = [];
          for (const first of [5, 100]) {
            counts.push(
              await app.countStatements(async () => {
                const result = await app.gql(query, { first, asOf });
                expect(result.errors).toBeUndefined();
                expect(result.data!.alliances.edges).toHaveLength(first);
              }),
            );
          }
          expect(counts[1]).toBe(counts[0]);
          // The pages, and at least one statement for the relations below them.
          expect(counts[0]).toBeGreaterThanOrEqual(3);
          expect(counts[0]).toBeLessThanOrEqual(app === t ? 4 : 14);
        }
      }
    } finally {
      await loading.close();
    }
  });

  it('costs the same statements and answers the same when the query is written with fragments, aliases and @skip', async () => {
    const inline = `{ alliances(first: 50) { edges { node { name memberships { organisation { name roles { person { familyName } } } } } } } }`;
    const spread = `query($hide: Boolean!) { alliances(first: 50) { edges { node { ...A } } } }
      fragment A on Alliance { name memberships { ... on Membership { organisation { ...O } } } }
      fragment O on Organisation { name roles { person { familyName } } again: roles { person @skip(if: $hide) { givenName } } }`;
    type Page = {
      alliances: { edges: { node: { memberships: { organisation: { name: string; roles: unknown[]; again?: unknown[] } }[] } }[] };
    };
    let a: Page | undefined;
    let b: Page | undefined;
    const plain = await t.countStatements(async () => {
      a = (await t.gql<Page>(inline)).data ?? undefined;
    });
    const written = await t.countStatements(async () => {
      const result = await t.gql<Page>(spread, { hide: true });
      expect(result.errors).toBeUndefined();
      b = result.data ?? undefined;
    });
    const members = (page: Page) =>
      page.alliances.edges.map((e) => e.node.memberships.map((m) => ({ name: m.organisation.name, roles: m.organisation.roles })));
    expect(members(b!)).toEqual(members(a!));
    expect(b!.alliances.edges[0].node.memberships[0].organisation.again![0]).toEqual({});
    expect(written).toBe(plain);
  });
});

describe('SQL statements per list request, past a thousand rows a level', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(WITHOUT_RESPONSE_CACHE);
    // 100 alliances with 12 members each, every member with one representative: 1,200 rows at each level below the page.
    const ids = async (sql: string, params: unknown[]) => (await t.dataSource.query<{ id: string }[]>(sql, params)).map((row) => row.id);
    const alliances = await ids(
      `INSERT INTO alliance (name, level, status, region_id) SELECT 'Bündnis ' || lpad(i::text, 3, '0'), 'REGIONAL', 'ACTIVE', $1 FROM generate_series(1, 100) i RETURNING id`,
      [await regionId(t.dataSource, '0803')],
    );
    const organisations = await ids(
      `INSERT INTO organisation (name, kind) SELECT 'Mitglied ' || i, 'OTHER' FROM generate_series(1, 1200) i RETURNING id`,
      [],
    );
    // Every organisation has its name in organisation_name too, as createOrganisation writes it: `name` is read from there.
    await t.dataSource.query(`INSERT INTO organisation_name (organisation_id, name) SELECT id, name FROM organisation WHERE id = ANY($1)`, [
      organisations,
    ]);
    const people = await ids(
      `INSERT INTO person (given_name, family_name) SELECT 'Vorname', 'Nachname ' || i FROM generate_series(1, 1200) i RETURNING id`,
      [],
    );
    await t.dataSource.query(
      `INSERT INTO membership (alliance_id, organisation_id, role) SELECT a, o, 'PARTNER' FROM unnest($1::uuid[], $2::uuid[]) AS m(a, o)`,
      [organisations.map((_, i) => alliances[i % alliances.length]), organisations],
    );
    await t.dataSource.query(
      `INSERT INTO role (person_id, organisation_id, title) SELECT p, o, 'Geschäftsführerin' FROM unnest($1::uuid[], $2::uuid[]) AS r(p, o)`,
      [people, organisations],
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists 100 alliances with 1,200 memberships → organisation → roles → person in as many statements as 5', async () => {
    const query = `query($first: Int) { alliances(first: $first) { edges { node {
      name lead { name } memberships(current: true) { organisation { name roles(current: true) { title person { displayName } } } }
    } } } }`;
    const members = (data: any) => data.alliances.edges.reduce((sum: number, edge: any) => sum + edge.node.memberships.length, 0);
    let sizes: number[] = [];
    const five = await t.countStatements(async () => {
      sizes = [members((await t.gql(query, { first: 5 })).data)];
    });
    const hundred = await t.countStatements(async () => {
      sizes.push(members((await t.gql(query, { first: 100 })).data));
    });
    expect(sizes).toEqual([60, 1200]);
    expect(hundred).toBe(five);
  });
});
