import { insertAlliance, insertMembership, insertOrganisation, insertPerson, insertRole, regionId } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

/** No N+1: the SQL statements a list causes do not grow with the page size. */
describe('SQL statements per list request', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Statements are counted as queries run; a cached answer would run none.
    t = await createTestApp({ RESPONSE_CACHE_MB: 0 });
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
});
