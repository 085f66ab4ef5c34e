import { insertAlliance, insertMembership, insertOrganisation, rowCount } from './support/factories';
import { createTestApp, GqlResponse, PLAIN_EXECUTION, TestApp } from './support/test-app';

const CHANGE = `mutation($input: ChangeMembershipRoleInput!) {
  changeMembershipRole(input: $input) { id role joinedOn leftOn version archivedAt alliance { id } organisation { id } } }`;
const CORRECT = `mutation($input: CorrectMembershipInput!) { correctMembership(input: $input) { id role joinedOn leftOn version } }`;
const ARCHIVE = `mutation($id: ID!, $v: Int!) { archiveMembership(id: $id, expectedVersion: $v) { id archivedAt version } }`;
const RESTORE = `mutation($id: ID!, $v: Int!) { restoreMembership(id: $id, expectedVersion: $v) { id archivedAt version } }`;
const END = `mutation($input: EndMembershipInput!) { endMembership(input: $input) { id leftOn version } }`;
const ADD = `mutation($input: AddMemberInput!) { addMember(input: $input) { id } }`;
const TRAIL = `query($id: ID!) { auditTrail(entityId: $id) { actor action entityType changes } }`;
const ALLIANCE = `query($id: ID!) { alliance(id: $id) {
  lead { id }
  memberships { id role joinedOn leftOn version archivedAt organisation { id } }
  current: memberships(current: true) { role organisation { id } }
  others: memberships(current: false) { role organisation { id } }
} }`;
const ORGANISATION = `query($id: ID!) { organisation(id: $id) {
  memberships { role joinedOn leftOn alliance { id } }
  current: memberships(current: true) { role alliance { id lead { id } } }
  others: memberships(current: false) { role alliance { id } }
} }`;

type Membership = {
  id: string;
  role: string;
  joinedOn: string | null;
  leftOn: string | null;
  version: number;
  organisation: { id: string };
};

const MISSING = '00000000-0000-4000-8000-0000000000ff';

/** The code and named fields of a refusal. */
const refusal = (result: GqlResponse) => ({
  code: result.errors?.[0].extensions.code,
  fields: result.errors?.[0].extensions.fields?.map((f) => f.field),
});

describe('memberships: role changes, corrections, archive and restore', () => {
  let t: TestApp;
  /** The same service on the same database, reading every relation through the loaders under graphql-js. */
  let loading: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    loading = await createTestApp({ ...PLAIN_EXECUTION, DATABASE_URL: (t.dataSource.options as { url: string }).url });
  });
  afterAll(async () => {
    await loading?.close();
    await t?.close();
  });

  /** Reads through the SQL projection and through the loaders; both must answer the same. */
  async function read(query: string, id: string) {
    const [projected, loaded] = await Promise.all([t.gql(query, { id }), loading.gql(query, { id })]);
    expect(loaded.errors).toBeUndefined();
    expect(projected).toEqual(loaded);
    return projected.data!;
  }
  const readAlliance = async (id: string) => (await read(ALLIANCE, id)).alliance;
  const readOrganisation = async (id: string) => (await read(ORGANISATION, id)).organisation;

  const trail = async (id: string) =>
    (
      await t.gql<{ auditTrail: { actor: string; action: string; entityType: string; changes: string }[] }>(
        TRAIL,
        { id },
        { token: t.tokens.admin },
      )
    ).data!.auditTrail;

  /** The ids of the organisations the organisation list names as the alliance's current members. */
  const currentMembers = async (allianceId: string, includeArchived = false) => {
    const result = await t.gql(
      `query($filter: OrganisationFilter) { organisations(filter: $filter, first: 100) { edges { node { id } } } }`,
      {
        filter: { allianceId, includeArchived },
      },
    );
    return result.data!.organisations.edges.map((edge: { node: { id: string } }) => edge.node.id).sort();
  };

  /** An alliance with IHK as LEAD and HWK as PARTNER since 2012-04-20. */
  async function allianceWithLead(leadValues: { leftOn?: string | null } = {}) {
    const alliance = await insertAlliance(t.dataSource);
    const ihk = await insertOrganisation(t.dataSource, { name: 'IHK Heilbronn-Franken' });
    const hwk = await insertOrganisation(t.dataSource, { name: 'Handwerkskammer Heilbronn-Franken', kind: 'CHAMBER_OF_CRAFTS' });
    const lead = await insertMembership(t.dataSource, {
      allianceId: alliance,
      organisationId: ihk,
      role: 'LEAD',
      joinedOn: '2012-04-20',
      ...leadValues,
    });
    const partner = await insertMembership(t.dataSource, { allianceId: alliance, organisationId: hwk, joinedOn: '2012-04-20' });
    return { alliance, ihk, hwk, lead, partner };
  }

  /** What a refused write must leave: every membership of the alliance as it was. */
  async function unchanged(alliance: string, write: () => Promise<GqlResponse>) {
    const before = await readAlliance(alliance);
    const result = await write();
    await expect(readAlliance(alliance)).resolves.toEqual(before);
    return refusal(result);
  }

  describe('changeMembershipRole', () => {
    it('makes a partner LEAD from a day and the LEAD of that day a PARTNER, keeping both histories, in one go', async () => {
      const { alliance, ihk, hwk, lead, partner } = await allianceWithLead();
      const result = await t.gql(
        CHANGE,
        { input: { id: partner, expectedVersion: 1, role: 'LEAD', from: '2020-01-01' } },
        { token: t.tokens.editor },
      );
      expect(result.errors).toBeUndefined();
      const promoted = result.data!.changeMembershipRole;
      expect(promoted).toEqual({
        id: expect.any(String),
        role: 'LEAD',
        joinedOn: '2020-01-01',
        leftOn: null,
        version: 1,
        archivedAt: null,
        alliance: { id: alliance },
        organisation: { id: hwk },
      });
      expect(promoted.id).not.toBe(partner);

      const read = await readAlliance(alliance);
      expect(read.lead).toEqual({ id: hwk });
      const rows = read.memberships.map((m: Membership) => ({
        id: m.id,
        organisation: m.organisation.id,
        role: m.role,
        joinedOn: m.joinedOn,
        leftOn: m.leftOn,
        version: m.version,
      }));
      expect(rows).toEqual([
        { id: lead, organisation: ihk, role: 'LEAD', joinedOn: '2012-04-20', leftOn: '2020-01-01', version: 2 },
        { id: promoted.id, organisation: hwk, role: 'LEAD', joinedOn: '2020-01-01', leftOn: null, version: 1 },
        { id: partner, organisation: hwk, role: 'PARTNER', joinedOn: '2012-04-20', leftOn: '2020-01-01', version: 2 },
        { id: expect.any(String), organisation: ihk, role: 'PARTNER', joinedOn: '2020-01-01', leftOn: null, version: 1 },
      ]);
      expect(read.current).toEqual([
        { role: 'LEAD', organisation: { id: hwk } },
        { role: 'PARTNER', organisation: { id: ihk } },
      ]);

      // An audit event for each of the four records touched, all by the same actor and action.
      const demoted = rows[3].id;
      for (const id of [lead, partner]) {
        const [event] = await trail(id);
        expect(event).toMatchObject({ actor: 'editor', action: 'changeMembershipRole', entityType: 'Membership' });
        expect(JSON.parse(event.changes)).toEqual({ leftOn: [null, '2020-01-01'] });
      }
      for (const [id, role] of [
        [promoted.id, 'LEAD'],
        [demoted, 'PARTNER'],
      ]) {
        const events = await trail(id);
        expect(events).toHaveLength(1);
        expect(events[0]).toMatchObject({ actor: 'editor', action: 'changeMembershipRole' });
        expect(JSON.parse(events[0].changes)).toMatchObject({ role: [null, role], joinedOn: [null, '2020-01-01'] });
      }
    });

    it('continues the new role until the old end, and demotes nobody when the new role is PARTNER', async () => {
      const { alliance, ihk, hwk, lead } = await allianceWithLead({ leftOn: '2030-01-01' });
      const result = await t.gql(
        CHANGE,
        { input: { id: lead, expectedVersion: 1, role: 'PARTNER', from: '2021-06-01' } },
        { token: t.tokens.admin },
      );
      expect(result.data!.changeMembershipRole).toMatchObject({ role: 'PARTNER', joinedOn: '2021-06-01', leftOn: '2030-01-01' });
      const read = await readAlliance(alliance);
      expect(read.lead).toBeNull();
      expect(read.memberships.map((m: Membership) => [m.organisation.id, m.role, m.joinedOn, m.leftOn])).toEqual([
        [ihk, 'LEAD', '2012-04-20', '2021-06-01'],
        [hwk, 'PARTNER', '2012-04-20', null],
        [ihk, 'PARTNER', '2021-06-01', '2030-01-01'],
      ]);
    });

    it('makes a member LEAD where the alliance has none that day', async () => {
      const { alliance, hwk, partner } = await allianceWithLead({ leftOn: '2019-01-01' });
      const result = await t.gql(
        CHANGE,
        { input: { id: partner, expectedVersion: 1, role: 'LEAD', from: '2019-01-01' } },
        { token: t.tokens.admin },
      );
      expect(result.errors).toBeUndefined();
      const read = await readAlliance(alliance);
      expect(read.lead).toEqual({ id: hwk });
      expect(read.memberships).toHaveLength(3);
    });

    it('refuses a day outside the period (naming from) and the role it has (naming role), writing nothing', async () => {
      const alliance = await insertAlliance(t.dataSource);
      const id = await insertMembership(t.dataSource, {
        allianceId: alliance,
        organisationId: await insertOrganisation(t.dataSource),
        joinedOn: '2012-04-20',
        leftOn: '2020-01-01',
      });
      for (const from of ['2012-04-19', '2012-04-20', '2020-01-01', '2024-01-01']) {
        await expect(
          unchanged(alliance, () => t.gql(CHANGE, { input: { id, expectedVersion: 1, role: 'LEAD', from } }, { token: t.tokens.admin })),
        ).resolves.toEqual({ code: 'BAD_USER_INPUT', fields: ['from'] });
      }
      await expect(
        unchanged(alliance, () =>
          t.gql(CHANGE, { input: { id, expectedVersion: 1, role: 'PARTNER', from: '2015-01-01' } }, { token: t.tokens.admin }),
        ),
      ).resolves.toEqual({ code: 'BAD_USER_INPUT', fields: ['role'] });
      await expect(trail(id)).resolves.toEqual([]);
    });

    it('refuses a new LEAD whose period would meet a later LEAD (naming role), and one whose LEAD of that day only began that day (naming from)', async () => {
      const { alliance, lead, partner } = await allianceWithLead({ leftOn: '2018-01-01' });
      const later = await insertOrganisation(t.dataSource);
      await insertMembership(t.dataSource, { allianceId: alliance, organisationId: later, role: 'LEAD', joinedOn: '2022-01-01' });
      await expect(
        unchanged(alliance, () =>
          t.gql(CHANGE, { input: { id: partner, expectedVersion: 1, role: 'LEAD', from: '2020-01-01' } }, { token: t.tokens.admin }),
        ),
      ).resolves.toEqual({ code: 'BAD_USER_INPUT', fields: ['role'] });
      await expect(
        unchanged(alliance, () =>
          t.gql(CHANGE, { input: { id: partner, expectedVersion: 1, role: 'LEAD', from: '2022-01-01' } }, { token: t.tokens.admin }),
        ),
      ).resolves.toEqual({ code: 'BAD_USER_INPUT', fields: ['from'] });
      await expect(trail(lead)).resolves.toEqual([]);
    });

    it('refuses a stale version (CONFLICT), an archived membership (naming id), an unknown id and malformed input, writing nothing', async () => {
      const { alliance, partner } = await allianceWithLead();
      const change = (input: Record<string, unknown>) =>
        unchanged(alliance, () =>
          t.gql(
            CHANGE,
            { input: { id: partner, expectedVersion: 1, role: 'LEAD', from: '2020-01-01', ...input } },
            { token: t.tokens.admin },
          ),
        );
      await expect(change({ expectedVersion: 2 })).resolves.toEqual({ code: 'CONFLICT', fields: ['expectedVersion'] });
      await expect(change({ id: MISSING })).resolves.toEqual({ code: 'NOT_FOUND', fields: ['id'] });
      await expect(change({ from: '2020-02-30' })).resolves.toEqual({ code: 'BAD_USER_INPUT', fields: ['from'] });
      await expect(change({ role: 'CHAIR' })).resolves.toEqual({ code: 'BAD_USER_INPUT', fields: ['role'] });
      await expect(change({ id: 'not-an-id', expectedVersion: 0 })).resolves.toEqual({
        code: 'BAD_USER_INPUT',
        fields: ['id', 'expectedVersion'],
      });
      const archived = await insertMembership(t.dataSource, {
        allianceId: alliance,
        organisationId: await insertOrganisation(t.dataSource),
        joinedOn: '2012-04-20',
        archivedAt: new Date(),
      });
      const refused = await t.gql(
        CHANGE,
        { input: { id: archived, expectedVersion: 1, role: 'PARTNER', from: '2020-01-01' } },
        { token: t.tokens.admin },
      );
      expect(refusal(refused)).toEqual({ code: 'BAD_USER_INPUT', fields: ['id'] });
      const archivedToLead = await t.gql(
        CHANGE,
        { input: { id: archived, expectedVersion: 1, role: 'LEAD', from: '2020-01-01' } },
        { token: t.tokens.admin },
      );
      expect(refusal(archivedToLead)).toEqual({ code: 'BAD_USER_INPUT', fields: ['id'] });
      await expect(trail(partner)).resolves.toEqual([]);
    });

    it("is for ministry staff and the alliance's own coordinator, who may promote and demote within it", async () => {
      const { alliance, hwk, partner } = await allianceWithLead();
      const input = { id: partner, expectedVersion: 1, role: 'LEAD', from: '2020-01-01' };
      const foreign = t.token('COORDINATOR', { allianceIds: [await insertAlliance(t.dataSource)] });
      await expect(unchanged(alliance, () => t.gql(CHANGE, { input }, { token: foreign }))).resolves.toEqual({
        code: 'FORBIDDEN',
        fields: undefined,
      });
      await expect(unchanged(alliance, () => t.gql(CHANGE, { input }, { token: t.tokens.reader }))).resolves.toEqual({
        code: 'FORBIDDEN',
        fields: undefined,
      });
      await expect(unchanged(alliance, () => t.gql(CHANGE, { input }))).resolves.toEqual({ code: 'UNAUTHENTICATED', fields: undefined });
      const own = await t.gql(CHANGE, { input }, { token: t.token('COORDINATOR', { sub: 'koordination', allianceIds: [alliance] }) });
      expect(own.errors).toBeUndefined();
      await expect(readAlliance(alliance)).resolves.toMatchObject({ lead: { id: hwk } });
      await expect(trail(partner)).resolves.toEqual([expect.objectContaining({ actor: 'koordination', action: 'changeMembershipRole' })]);
    });
  });

  describe('correctMembership', () => {
    it('corrects the dates in place: no new record, the old dates only in the audit trail', async () => {
      const { alliance, partner } = await allianceWithLead();
      const before = await rowCount(t.dataSource, 'membership');
      const result = await t.gql(
        CORRECT,
        { input: { id: partner, expectedVersion: 1, joinedOn: '2012-05-02', leftOn: '2021-01-01' } },
        { token: t.tokens.editor },
      );
      expect(result.data!.correctMembership).toEqual({
        id: partner,
        role: 'PARTNER',
        joinedOn: '2012-05-02',
        leftOn: '2021-01-01',
        version: 2,
      });
      await expect(rowCount(t.dataSource, 'membership')).resolves.toBe(before);
      const read = await readAlliance(alliance);
      expect(read.memberships.find((m: Membership) => m.id === partner)).toMatchObject({
        joinedOn: '2012-05-02',
        leftOn: '2021-01-01',
        version: 2,
      });
      const events = await trail(partner);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ actor: 'editor', action: 'correctMembership', entityType: 'Membership' });
      expect(JSON.parse(events[0].changes)).toEqual({ joinedOn: ['2012-04-20', '2012-05-02'], leftOn: [null, '2021-01-01'] });
    });

    it('keeps an omitted date and clears one given as null', async () => {
      const alliance = await insertAlliance(t.dataSource);
      const id = await insertMembership(t.dataSource, {
        allianceId: alliance,
        organisationId: await insertOrganisation(t.dataSource),
        joinedOn: '2012-04-20',
        leftOn: '2020-01-01',
      });
      const clearedEnd = await t.gql(CORRECT, { input: { id, expectedVersion: 1, leftOn: null } }, { token: t.tokens.admin });
      expect(clearedEnd.data!.correctMembership).toMatchObject({ joinedOn: '2012-04-20', leftOn: null, version: 2 });
      const clearedStart = await t.gql(CORRECT, { input: { id, expectedVersion: 2, joinedOn: null } }, { token: t.tokens.admin });
      expect(clearedStart.data!.correctMembership).toMatchObject({ joinedOn: null, leftOn: null, version: 3 });
      const onlyEnd = await t.gql(CORRECT, { input: { id, expectedVersion: 3, leftOn: '2019-01-01' } }, { token: t.tokens.admin });
      expect(onlyEnd.data!.correctMembership).toMatchObject({ joinedOn: null, leftOn: '2019-01-01', version: 4 });
      const read = await readAlliance(alliance);
      expect(read.memberships).toEqual([expect.objectContaining({ id, joinedOn: null, leftOn: '2019-01-01', version: 4 })]);
    });

    it('refuses an inverted period, naming the date that was given, and writes nothing', async () => {
      const alliance = await insertAlliance(t.dataSource);
      const id = await insertMembership(t.dataSource, {
        allianceId: alliance,
        organisationId: await insertOrganisation(t.dataSource),
        joinedOn: '2012-04-20',
        leftOn: '2020-01-01',
      });
      const correct = (input: Record<string, unknown>) =>
        unchanged(alliance, () => t.gql(CORRECT, { input: { id, expectedVersion: 1, ...input } }, { token: t.tokens.admin }));
      await expect(correct({ joinedOn: '2020-01-02' })).resolves.toEqual({ code: 'BAD_USER_INPUT', fields: ['joinedOn'] });
      await expect(correct({ leftOn: '2012-04-19' })).resolves.toEqual({ code: 'BAD_USER_INPUT', fields: ['leftOn'] });
      await expect(correct({ joinedOn: '2015-01-01', leftOn: '2014-01-01' })).resolves.toEqual({
        code: 'BAD_USER_INPUT',
        fields: ['leftOn'],
      });
      await expect(correct({ joinedOn: '2015-13-01' })).resolves.toEqual({ code: 'BAD_USER_INPUT', fields: ['joinedOn'] });
      await expect(trail(id)).resolves.toEqual([]);
    });

    it('refuses a correction into another period of the organisation (naming joinedOn) or of another LEAD (naming role)', async () => {
      const { alliance, ihk, lead } = await allianceWithLead({ leftOn: '2015-01-01' });
      const rejoined = await insertMembership(t.dataSource, { allianceId: alliance, organisationId: ihk, joinedOn: '2018-01-01' });
      const nextLead = await insertOrganisation(t.dataSource);
      await insertMembership(t.dataSource, { allianceId: alliance, organisationId: nextLead, role: 'LEAD', joinedOn: '2016-01-01' });
      const correct = (id: string, input: Record<string, unknown>) =>
        unchanged(alliance, () => t.gql(CORRECT, { input: { id, expectedVersion: 1, ...input } }, { token: t.tokens.admin }));
      await expect(correct(rejoined, { joinedOn: '2014-12-31' })).resolves.toEqual({ code: 'BAD_USER_INPUT', fields: ['joinedOn'] });
      await expect(correct(lead, { leftOn: '2016-01-02' })).resolves.toEqual({ code: 'BAD_USER_INPUT', fields: ['role'] });
      // Up to the day the next one begins is fine: periods are half-open.
      const adjacent = await t.gql(CORRECT, { input: { id: lead, expectedVersion: 1, leftOn: '2016-01-01' } }, { token: t.tokens.admin });
      expect(adjacent.data!.correctMembership).toMatchObject({ leftOn: '2016-01-01', version: 2 });
    });

    it('refuses a stale version, an unknown id and callers outside the alliance, writing nothing', async () => {
      const { alliance, partner } = await allianceWithLead();
      const input = { id: partner, expectedVersion: 1, joinedOn: '2013-01-01' };
      const correct = (token: string | undefined, patch: Record<string, unknown> = {}) =>
        unchanged(alliance, () => t.gql(CORRECT, { input: { ...input, ...patch } }, { token }));
      await expect(correct(t.tokens.admin, { expectedVersion: 3 })).resolves.toEqual({ code: 'CONFLICT', fields: ['expectedVersion'] });
      await expect(correct(t.tokens.admin, { id: MISSING })).resolves.toEqual({ code: 'NOT_FOUND', fields: ['id'] });
      const foreign = t.token('COORDINATOR', { allianceIds: [await insertAlliance(t.dataSource)] });
      await expect(correct(foreign)).resolves.toEqual({ code: 'FORBIDDEN', fields: undefined });
      await expect(correct(t.tokens.reader)).resolves.toEqual({ code: 'FORBIDDEN', fields: undefined });
      await expect(correct(undefined)).resolves.toEqual({ code: 'UNAUTHENTICATED', fields: undefined });
      await expect(trail(partner)).resolves.toEqual([]);
      const own = await t.gql(CORRECT, { input }, { token: t.token('COORDINATOR', { allianceIds: [alliance] }) });
      expect(own.data!.correctMembership).toMatchObject({ joinedOn: '2013-01-01', version: 2 });
    });
  });

  describe('archiveMembership and restoreMembership', () => {
    it('takes an archived membership out of every list and current view, and restoring brings it back', async () => {
      const { alliance, ihk, hwk, lead, partner } = await allianceWithLead();
      const archived = await t.gql(ARCHIVE, { id: lead, v: 1 }, { token: t.tokens.editor });
      expect(archived.data!.archiveMembership).toEqual({ id: lead, archivedAt: expect.any(String), version: 2 });
      const gone = await readAlliance(alliance);
      expect(gone.lead).toBeNull();
      expect(gone.memberships.map((m: Membership) => m.id)).toEqual([partner]);
      expect(gone.current).toEqual([{ role: 'PARTNER', organisation: { id: hwk } }]);
      expect(gone.others).toEqual([]);
      await expect(readOrganisation(ihk)).resolves.toEqual({ memberships: [], current: [], others: [] });
      await expect(readOrganisation(hwk)).resolves.toMatchObject({
        current: [{ role: 'PARTNER', alliance: { id: alliance, lead: null } }],
      });
      await expect(currentMembers(alliance)).resolves.toEqual([hwk]);

      const restored = await t.gql(RESTORE, { id: lead, v: 2 }, { token: t.tokens.editor });
      expect(restored.data!.restoreMembership).toEqual({ id: lead, archivedAt: null, version: 3 });
      const back = await readAlliance(alliance);
      expect(back.lead).toEqual({ id: ihk });
      expect(back.memberships.map((m: Membership) => m.id)).toEqual([lead, partner]);
      await expect(readOrganisation(ihk)).resolves.toMatchObject({
        current: [{ role: 'LEAD', alliance: { id: alliance, lead: { id: ihk } } }],
      });
      await expect(currentMembers(alliance)).resolves.toEqual([hwk, ihk].sort());

      const events = await trail(lead);
      expect(events.map((e) => [e.actor, e.action])).toEqual([
        ['editor', 'restoreMembership'],
        ['editor', 'archiveMembership'],
      ]);
      expect(JSON.parse(events[1].changes).archivedAt).toEqual([null, expect.any(String)]);
    });

    it('refuses to restore a membership that would overlap its organisation’s later one (naming joinedOn) or meet another LEAD (naming role)', async () => {
      const { alliance, ihk, hwk, lead, partner } = await allianceWithLead();
      await t.gql(ARCHIVE, { id: lead, v: 1 }, { token: t.tokens.admin });
      await t.gql(ARCHIVE, { id: partner, v: 1 }, { token: t.tokens.admin });
      // Entered again, correctly this time: HWK from 2013, and HWK as LEAD from 2020.
      await t.gql(
        ADD,
        { input: { allianceId: alliance, organisationId: hwk, role: 'LEAD', joinedOn: '2013-01-01' } },
        { token: t.tokens.admin },
      );
      await expect(unchanged(alliance, () => t.gql(RESTORE, { id: partner, v: 2 }, { token: t.tokens.admin }))).resolves.toEqual({
        code: 'BAD_USER_INPUT',
        fields: ['joinedOn'],
      });
      await expect(unchanged(alliance, () => t.gql(RESTORE, { id: lead, v: 2 }, { token: t.tokens.admin }))).resolves.toEqual({
        code: 'BAD_USER_INPUT',
        fields: ['role'],
      });
      await expect(readOrganisation(ihk)).resolves.toEqual({ memberships: [], current: [], others: [] });
      // Corrected while archived, it fits again and can be restored.
      const corrected = await t.gql(
        CORRECT,
        { input: { id: partner, expectedVersion: 2, leftOn: '2013-01-01' } },
        { token: t.tokens.admin },
      );
      expect(corrected.data!.correctMembership).toMatchObject({ leftOn: '2013-01-01', version: 3 });
      const restored = await t.gql(RESTORE, { id: partner, v: 3 }, { token: t.tokens.admin });
      expect(restored.errors).toBeUndefined();
      await expect(readOrganisation(hwk)).resolves.toMatchObject({
        memberships: [
          { role: 'LEAD', joinedOn: '2013-01-01', leftOn: null, alliance: { id: alliance } },
          { role: 'PARTNER', joinedOn: '2012-04-20', leftOn: '2013-01-01', alliance: { id: alliance } },
        ],
      });
    });

    it('refuses archiving twice, restoring what is not archived (naming id), stale versions and unknown ids', async () => {
      const { alliance, partner } = await allianceWithLead();
      await expect(unchanged(alliance, () => t.gql(RESTORE, { id: partner, v: 1 }, { token: t.tokens.admin }))).resolves.toEqual({
        code: 'BAD_USER_INPUT',
        fields: ['id'],
      });
      await expect(unchanged(alliance, () => t.gql(ARCHIVE, { id: partner, v: 2 }, { token: t.tokens.admin }))).resolves.toEqual({
        code: 'CONFLICT',
        fields: ['expectedVersion'],
      });
      await expect(t.gql(ARCHIVE, { id: MISSING, v: 1 }, { token: t.tokens.admin }).then(refusal)).resolves.toEqual({
        code: 'NOT_FOUND',
        fields: ['id'],
      });
      await expect(t.gql(RESTORE, { id: 'nope', v: 1 }, { token: t.tokens.admin }).then(refusal)).resolves.toMatchObject({
        code: 'BAD_USER_INPUT',
      });
      await t.gql(ARCHIVE, { id: partner, v: 1 }, { token: t.tokens.admin });
      const twice = await t.gql(ARCHIVE, { id: partner, v: 2 }, { token: t.tokens.admin });
      expect(refusal(twice)).toEqual({ code: 'BAD_USER_INPUT', fields: ['id'] });
      const staleRestore = await t.gql(RESTORE, { id: partner, v: 1 }, { token: t.tokens.admin });
      expect(refusal(staleRestore)).toEqual({ code: 'CONFLICT', fields: ['expectedVersion'] });
      // An archived membership takes no further change in the world until restored.
      const end = await t.gql(END, { input: { id: partner, expectedVersion: 2, leftOn: '2024-01-01' } }, { token: t.tokens.admin });
      expect(refusal(end)).toEqual({ code: 'BAD_USER_INPUT', fields: ['id'] });
      await expect(trail(partner)).resolves.toEqual([expect.objectContaining({ action: 'archiveMembership' })]);
    });

    it("is for ministry staff and the alliance's own coordinator", async () => {
      const { alliance, partner } = await allianceWithLead();
      const foreign = t.token('COORDINATOR', { allianceIds: [await insertAlliance(t.dataSource)] });
      for (const token of [foreign, t.tokens.reader]) {
        await expect(unchanged(alliance, () => t.gql(ARCHIVE, { id: partner, v: 1 }, { token }))).resolves.toEqual({
          code: 'FORBIDDEN',
          fields: undefined,
        });
      }
      await expect(unchanged(alliance, () => t.gql(ARCHIVE, { id: partner, v: 1 }))).resolves.toEqual({
        code: 'UNAUTHENTICATED',
        fields: undefined,
      });
      const own = t.token('COORDINATOR', { sub: 'koordination', allianceIds: [alliance] });
      await expect(t.gql(ARCHIVE, { id: partner, v: 1 }, { token: own })).resolves.toMatchObject({
        data: { archiveMembership: { version: 2 } },
      });
      for (const token of [foreign, t.tokens.reader]) {
        await expect(unchanged(alliance, () => t.gql(RESTORE, { id: partner, v: 2 }, { token }))).resolves.toEqual({
          code: 'FORBIDDEN',
          fields: undefined,
        });
      }
      await expect(unchanged(alliance, () => t.gql(RESTORE, { id: partner, v: 2 }))).resolves.toEqual({
        code: 'UNAUTHENTICATED',
        fields: undefined,
      });
      await expect(t.gql(RESTORE, { id: partner, v: 2 }, { token: own })).resolves.toMatchObject({
        data: { restoreMembership: { version: 3 } },
      });
      await expect(trail(partner)).resolves.toEqual([
        expect.objectContaining({ actor: 'koordination', action: 'restoreMembership' }),
        expect.objectContaining({ actor: 'koordination', action: 'archiveMembership' }),
      ]);
    });
  });

  describe('endMembership', () => {
    it('ends a membership with an audit event, and refuses a membership that has ended already (naming id)', async () => {
      const { alliance, partner } = await allianceWithLead();
      const ended = await t.gql(END, { input: { id: partner, expectedVersion: 1, leftOn: '2020-01-01' } }, { token: t.tokens.editor });
      expect(ended.data!.endMembership).toEqual({ id: partner, leftOn: '2020-01-01', version: 2 });
      const events = await trail(partner);
      expect(events).toEqual([expect.objectContaining({ actor: 'editor', action: 'endMembership' })]);
      expect(JSON.parse(events[0].changes)).toEqual({ leftOn: [null, '2020-01-01'] });
      await expect(
        unchanged(alliance, () =>
          t.gql(END, { input: { id: partner, expectedVersion: 2, leftOn: '2021-01-01' } }, { token: t.tokens.editor }),
        ),
      ).resolves.toEqual({ code: 'BAD_USER_INPUT', fields: ['id'] });
    });
  });

  describe('an archived organisation', () => {
    const ARCHIVE_ORGANISATION = `mutation($id: ID!, $v: Int!) { archiveOrganisation(id: $id, expectedVersion: $v) { archivedAt } }`;

    it('is no current member and no lead, while its memberships stay in the full lists', async () => {
      const { alliance, ihk, hwk, lead } = await allianceWithLead();
      const archived = await t.gql(ARCHIVE_ORGANISATION, { id: ihk, v: 1 }, { token: t.tokens.admin });
      expect(archived.errors).toBeUndefined();
      const read = await readAlliance(alliance);
      expect(read.lead).toBeNull();
      expect(read.current).toEqual([{ role: 'PARTNER', organisation: { id: hwk } }]);
      expect(read.others).toEqual([{ role: 'LEAD', organisation: { id: ihk } }]);
      expect(read.memberships.map((m: Membership) => m.id)).toContain(lead);
      await expect(readOrganisation(ihk)).resolves.toEqual({
        memberships: [{ role: 'LEAD', joinedOn: '2012-04-20', leftOn: null, alliance: { id: alliance } }],
        current: [],
        others: [{ role: 'LEAD', alliance: { id: alliance } }],
      });
      await expect(readOrganisation(hwk)).resolves.toMatchObject({
        current: [{ role: 'PARTNER', alliance: { id: alliance, lead: null } }],
      });
      await expect(currentMembers(alliance, true)).resolves.toEqual([hwk]);
    });

    it('counts as current in the scope policy only while current: archived, former and future memberships are outside nothing', async () => {
      const organisation = await insertOrganisation(t.dataSource);
      const [current, former, future, archived, openStart] = await Promise.all([1, 2, 3, 4, 5].map(() => insertAlliance(t.dataSource)));
      await insertMembership(t.dataSource, { allianceId: current, organisationId: organisation, joinedOn: '2012-04-20' });
      await insertMembership(t.dataSource, {
        allianceId: former,
        organisationId: organisation,
        joinedOn: '2012-04-20',
        leftOn: '2015-01-01',
      });
      await insertMembership(t.dataSource, { allianceId: future, organisationId: organisation, joinedOn: '2999-01-01' });
      await insertMembership(t.dataSource, { allianceId: archived, organisationId: organisation, archivedAt: new Date() });
      await insertMembership(t.dataSource, { allianceId: openStart, organisationId: organisation });
      // Its current memberships are those in `current` and `openStart`: a coordinator of both may give
      // the organisation's people roles, one of `current` alone may not (the organisation is shared).
      const coordinator = t.token('COORDINATOR', { allianceIds: [current, openStart] });
      const ofCurrentAlone = t.token('COORDINATOR', { allianceIds: [current] });
      const person = await t.gql(
        `mutation { createPerson(input: { givenName: "Erika", familyName: "Muster" }) { id } }`,
        {},
        { token: coordinator },
      );
      const ASSIGN = `mutation($input: AssignRoleInput!) { assignRole(input: $input) { id } }`;
      const role = { personId: person.data!.createPerson.id, organisationId: organisation, title: 'Geschäftsführerin' };
      await expect(t.gql(ASSIGN, { input: role }, { token: coordinator })).resolves.toMatchObject({ errors: undefined });
      await expect(t.gql(ASSIGN, { input: role }, { token: ofCurrentAlone }).then(refusal)).resolves.toEqual({
        code: 'FORBIDDEN',
        fields: undefined,
      });
      // Archived, the organisation is a current member nowhere, and no coordinator's but its creator's.
      await t.gql(ARCHIVE_ORGANISATION, { id: organisation, v: 1 }, { token: t.tokens.admin });
      await expect(t.gql(ASSIGN, { input: role }, { token: coordinator }).then(refusal)).resolves.toEqual({
        code: 'FORBIDDEN',
        fields: undefined,
      });
    });
  });
});
