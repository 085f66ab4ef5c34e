import { insertAlliance, insertMembership, insertOrganisation } from './support/factories';
import { createTestApp, GqlResponse, TestApp } from './support/test-app';

const ADD = `mutation($input: AddMemberInput!) { addMember(input: $input) { id role joinedOn } }`;
const CHANGE = `mutation($input: ChangeMembershipRoleInput!) { changeMembershipRole(input: $input) { id role joinedOn organisation { id } } }`;

interface MembershipRow {
  organisation_id: string;
  role: string;
  joined_on: string | null;
  left_on: string | null;
}

/** The outcome of racing requests: how many won, and the code and named field of every loser. */
function outcome(results: GqlResponse[]) {
  return {
    won: results.filter((result) => !result.errors).length,
    refused: results
      .filter((result) => result.errors)
      .map((result) => ({ code: result.errors![0].extensions.code, fields: result.errors![0].extensions.fields?.map((f) => f.field) })),
  };
}

/**
 * Racing writers of one alliance's memberships, over HTTP, with enough connections and execution
 * slots that their transactions really meet in PostgreSQL: the exclusion constraints decide, and
 * every loser learns which rule it broke.
 */
describe('racing membership writes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ DB_POOL_SIZE: 25, GRAPHQL_MAX_CONCURRENT: 25, DB_CONNECT_TIMEOUT_MS: 15_000 });
  });
  afterAll(async () => {
    await t.close();
  });

  const memberships = (allianceId: string): Promise<MembershipRow[]> =>
    t.dataSource.query(
      `SELECT organisation_id, role, joined_on::text, left_on::text FROM membership WHERE alliance_id = $1 ORDER BY joined_on NULLS FIRST, role, organisation_id`,
      [allianceId],
    );

  it('20 additions of one organisation for overlapping periods: exactly one wins, the others are refused naming joinedOn', async () => {
    const alliance = await insertAlliance(t.dataSource);
    const organisation = await insertOrganisation(t.dataSource);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.gql(
          ADD,
          {
            input: {
              allianceId: alliance,
              organisationId: organisation,
              role: 'PARTNER',
              joinedOn: `2012-04-${String(i + 1).padStart(2, '0')}`,
            },
          },
          { token: t.tokens.editor },
        ),
      ),
    );
    expect(outcome(results)).toEqual({
      won: 1,
      refused: Array.from({ length: 19 }, () => ({ code: 'BAD_USER_INPUT', fields: ['joinedOn'] })),
    });
    const winner = results.find((result) => !result.errors)!.data!.addMember;
    await expect(memberships(alliance)).resolves.toEqual([
      { organisation_id: organisation, role: 'PARTNER', joined_on: winner.joinedOn, left_on: null },
    ]);
    const events: { count: number }[] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM audit_event WHERE action = 'addMember' AND entity_id = $1`,
      [winner.id],
    );
    expect(events).toEqual([{ count: 1 }]);
  });

  it('10 additions of different organisations as LEAD for overlapping periods: exactly one wins, the others are refused naming role', async () => {
    const alliance = await insertAlliance(t.dataSource);
    const organisations = await Promise.all(Array.from({ length: 10 }, () => insertOrganisation(t.dataSource)));
    const results = await Promise.all(
      organisations.map((organisationId, i) =>
        t.gql(
          ADD,
          { input: { allianceId: alliance, organisationId, role: 'LEAD', joinedOn: i % 2 === 0 ? null : `201${i}-01-01` } },
          { token: t.tokens.admin },
        ),
      ),
    );
    expect(outcome(results)).toEqual({ won: 1, refused: Array.from({ length: 9 }, () => ({ code: 'BAD_USER_INPUT', fields: ['role'] })) });
    const rows = await memberships(alliance);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ role: 'LEAD', organisation_id: organisations[results.findIndex((result) => !result.errors)] });
  });

  it('two partners made LEAD from the same day: they queue, one wins and demotes the LEAD once, the other is refused naming from', async () => {
    const alliance = await insertAlliance(t.dataSource);
    const [lead, first, second] = await Promise.all([1, 2, 3].map(() => insertOrganisation(t.dataSource)));
    await insertMembership(t.dataSource, { allianceId: alliance, organisationId: lead, role: 'LEAD', joinedOn: '2012-04-20' });
    const partners = [first, second];
    const ids = await Promise.all(
      partners.map((organisationId) => insertMembership(t.dataSource, { allianceId: alliance, organisationId, joinedOn: '2012-04-20' })),
    );
    const results = await Promise.all(
      ids.map((id) => t.gql(CHANGE, { input: { id, expectedVersion: 1, role: 'LEAD', from: '2020-01-01' } }, { token: t.tokens.editor })),
    );
    expect(outcome(results)).toEqual({ won: 1, refused: [{ code: 'BAD_USER_INPUT', fields: ['from'] }] });
    const winner = partners[results.findIndex((result) => !result.errors)];
    const loser = partners.find((partner) => partner !== winner)!;
    const expected: MembershipRow[] = [
      { organisation_id: lead, role: 'LEAD', joined_on: '2012-04-20', left_on: '2020-01-01' },
      { organisation_id: winner, role: 'PARTNER', joined_on: '2012-04-20', left_on: '2020-01-01' },
      { organisation_id: loser, role: 'PARTNER', joined_on: '2012-04-20', left_on: null },
      { organisation_id: winner, role: 'LEAD', joined_on: '2020-01-01', left_on: null },
      { organisation_id: lead, role: 'PARTNER', joined_on: '2020-01-01', left_on: null },
    ];
    const sorted = (rows: MembershipRow[]) =>
      [...rows].sort((a, b) =>
        JSON.stringify([a.joined_on, a.role, a.left_on]).localeCompare(JSON.stringify([b.joined_on, b.role, b.left_on])),
      );
    expect(sorted(await memberships(alliance))).toEqual(sorted(expected));
  });

  it('five role changes of one membership with the same expectedVersion: exactly one wins, the others get CONFLICT', async () => {
    const alliance = await insertAlliance(t.dataSource);
    const organisation = await insertOrganisation(t.dataSource);
    const id = await insertMembership(t.dataSource, { allianceId: alliance, organisationId: organisation, joinedOn: '2012-04-20' });
    const results = await Promise.all(
      ['2019-01-01', '2019-02-01', '2019-03-01', '2019-04-01', '2019-05-01'].map((from) =>
        t.gql(CHANGE, { input: { id, expectedVersion: 1, role: 'LEAD', from } }, { token: t.tokens.admin }),
      ),
    );
    expect(outcome(results)).toEqual({
      won: 1,
      refused: Array.from({ length: 4 }, () => ({ code: 'CONFLICT', fields: ['expectedVersion'] })),
    });
    const from = results.find((result) => !result.errors)!.data!.changeMembershipRole.joinedOn;
    await expect(memberships(alliance)).resolves.toEqual([
      { organisation_id: organisation, role: 'PARTNER', joined_on: '2012-04-20', left_on: from },
      { organisation_id: organisation, role: 'LEAD', joined_on: from, left_on: null },
    ]);
  });
});
