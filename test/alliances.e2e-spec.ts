import { insertAlliance, insertMembership, insertOrganisation, regionId, rowCount } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

const CREATE = `mutation($input: CreateAllianceInput!) { createAlliance(input: $input) { id name level status foundedOn description version region { code } archivedAt } }`;
const UPDATE = `mutation($input: UpdateAllianceInput!) { updateAlliance(input: $input) { id name status version } }`;
const ARCHIVE = `mutation($id: ID!, $v: Int!) { archiveAlliance(id: $id, expectedVersion: $v) { id archivedAt version } }`;
const RESTORE = `mutation($id: ID!, $v: Int!) { restoreAlliance(id: $id, expectedVersion: $v) { id archivedAt version } }`;
const ADD = `mutation($input: AddMemberInput!) { addMember(input: $input) { id role joinedOn leftOn version alliance { id } } }`;
const END = `mutation($input: EndMembershipInput!) { endMembership(input: $input) { id leftOn version } }`;
const LIST = `query($filter: AllianceFilter, $first: Int, $after: String) {
  alliances(filter: $filter, first: $first, after: $after) { totalCount edges { cursor node { id name } } pageInfo { hasNextPage endCursor } } }`;

describe('alliances and memberships', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const names = (result: { data: any }) => result.data.alliances.edges.map((e: { node: { name: string } }) => e.node.name);

  describe('createAlliance', () => {
    it('creates an alliance for ministry staff, trimmed, and records who did it', async () => {
      const heilbronnFranken = await regionId(t.dataSource, '0802');
      const result = await t.gql(
        CREATE,
        {
          input: {
            name: '  Fachkräftebündnis Heilbronn-Franken ',
            level: 'REGIONAL',
            regionId: heilbronnFranken,
            foundedOn: '2012-04-20',
            description: 'Fachkräftesicherung für Heilbronn-Franken',
          },
        },
        { token: t.tokens.editor },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!.createAlliance).toMatchObject({
        name: 'Fachkräftebündnis Heilbronn-Franken',
        level: 'REGIONAL',
        status: 'ACTIVE',
        foundedOn: '2012-04-20',
        version: 1,
        region: { code: '0802' },
        archivedAt: null,
      });
      const trail = await t.gql(
        `query($id: ID!) { auditTrail(entityId: $id) { actor action entityType changes } }`,
        { id: result.data!.createAlliance.id },
        { token: t.tokens.reader },
      );
      expect(trail.data!.auditTrail).toHaveLength(1);
      expect(trail.data!.auditTrail[0]).toMatchObject({ actor: 'editor', action: 'createAlliance', entityType: 'Alliance' });
      expect(JSON.parse(trail.data!.auditTrail[0].changes).name).toEqual([null, 'Fachkräftebündnis Heilbronn-Franken']);
    });

    it('is for ADMIN and EDITOR only', async () => {
      const input = { name: 'Neue Allianz', level: 'LOCAL', regionId: await regionId(t.dataSource, '08127') };
      const before = await rowCount(t.dataSource, 'alliance');
      const coordinator = await t.gql(
        CREATE,
        { input },
        { token: t.token('COORDINATOR', { allianceIds: [await insertAlliance(t.dataSource)] }) },
      );
      expect(coordinator.errors![0].extensions.code).toBe('FORBIDDEN');
      const reader = await t.gql(CREATE, { input }, { token: t.tokens.reader });
      expect(reader.errors![0].extensions.code).toBe('FORBIDDEN');
      const anonymous = await t.gql(CREATE, { input });
      expect(anonymous.errors![0].extensions.code).toBe('UNAUTHENTICATED');
      expect(anonymous.data).toBeNull();
      await expect(rowCount(t.dataSource, 'alliance')).resolves.toBe(before + 1);
    });

    it('names each bad field of invalid input', async () => {
      const result = await t.gql(
        CREATE,
        { input: { name: '   ', level: 'REGIONAL', regionId: 'nope', description: 'x'.repeat(100_001) } },
        { token: t.tokens.admin },
      );
      expect(result.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      const fields = result.errors![0].extensions.fields!.map((f) => f.field).sort();
      expect(fields).toEqual(['description', 'name', 'regionId']);
    });

    it('refuses a region that does not exist with NOT_FOUND', async () => {
      const result = await t.gql(
        CREATE,
        { input: { name: 'Allianz', level: 'LOCAL', regionId: '00000000-0000-4000-8000-000000000000' } },
        { token: t.tokens.admin },
      );
      expect(result.errors![0].extensions.code).toBe('NOT_FOUND');
      expect(result.errors![0].extensions.fields).toEqual([expect.objectContaining({ field: 'regionId' })]);
    });

    it('refuses an impossible date and an unknown enum value', async () => {
      const region = await regionId(t.dataSource, '0802');
      const badDate = await t.gql(
        CREATE,
        { input: { name: 'A', level: 'LOCAL', regionId: region, foundedOn: '2025-02-30' } },
        { token: t.tokens.admin },
      );
      expect(badDate.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'foundedOn', message: expect.stringContaining('2025-02-30') }],
      });
      const badEnum = await t.gql(CREATE, { input: { name: 'A', level: 'GALACTIC', regionId: region } }, { token: t.tokens.admin });
      expect(badEnum.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [expect.objectContaining({ field: 'level' })],
      });
      const badFirst = await t.gql(LIST, { first: 'many' });
      expect(badFirst.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [expect.objectContaining({ field: 'first' })],
      });
    });
  });

  describe('updateAlliance and archiveAlliance', () => {
    it('updates with the current version and refuses a stale one with CONFLICT, writing nothing', async () => {
      const id = await insertAlliance(t.dataSource, { name: 'Fachkräfteallianz Ostwürttemberg', regionCode: '0803' });
      const first = await t.gql(
        UPDATE,
        { input: { id, expectedVersion: 1, name: 'Fachkräfteallianz Ostwürttemberg e. V.' } },
        { token: t.tokens.admin },
      );
      expect(first.data!.updateAlliance).toEqual({ id, name: 'Fachkräfteallianz Ostwürttemberg e. V.', status: 'ACTIVE', version: 2 });
      const stale = await t.gql(UPDATE, { input: { id, expectedVersion: 1, status: 'DISSOLVED' } }, { token: t.tokens.admin });
      expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
      const read = await t.gql(`query($id: ID!) { alliance(id: $id) { status version } }`, { id });
      expect(read.data!.alliance).toEqual({ status: 'ACTIVE', version: 2 });
      const trail = await t.gql(`query($id: ID!) { auditTrail(entityId: $id) { action } }`, { id }, { token: t.tokens.reader });
      expect(trail.data!.auditTrail).toEqual([{ action: 'updateAlliance' }]);
    });

    it('refuses null for a field that cannot be empty, and clears one that can', async () => {
      const id = await insertAlliance(t.dataSource, { foundedOn: '2012-04-20' });
      const nullName = await t.gql(UPDATE, { input: { id, expectedVersion: 1, name: null } }, { token: t.tokens.admin });
      expect(nullName.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [expect.objectContaining({ field: 'name' })],
      });
      const nullStatus = await t.gql(UPDATE, { input: { id, expectedVersion: 1, status: null } }, { token: t.tokens.admin });
      expect(nullStatus.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [expect.objectContaining({ field: 'status' })],
      });
      const cleared = await t.gql(
        `mutation($input: UpdateAllianceInput!) { updateAlliance(input: $input) { foundedOn version } }`,
        { input: { id, expectedVersion: 1, foundedOn: null } },
        { token: t.tokens.admin },
      );
      expect(cleared.data!.updateAlliance).toEqual({ foundedOn: null, version: 2 });
    });

    it('answers NOT_FOUND for an alliance that does not exist', async () => {
      const result = await t.gql(
        UPDATE,
        { input: { id: '00000000-0000-4000-8000-000000000001', expectedVersion: 1, name: 'X' } },
        { token: t.tokens.admin },
      );
      expect(result.errors![0].extensions.code).toBe('NOT_FOUND');
    });

    it('lets a coordinator change its own alliance and nothing else', async () => {
      const own = await insertAlliance(t.dataSource);
      const other = await insertAlliance(t.dataSource);
      const token = t.token('COORDINATOR', { sub: 'koordination-hn', allianceIds: [own] });
      const ok = await t.gql(UPDATE, { input: { id: own, expectedVersion: 1, description: 'Neue Beschreibung' } }, { token });
      expect(ok.errors).toBeUndefined();
      const denied = await t.gql(UPDATE, { input: { id: other, expectedVersion: 1, description: 'Fremd' } }, { token });
      expect(denied.errors![0].extensions.code).toBe('FORBIDDEN');
      const deniedArchive = await t.gql(ARCHIVE, { id: other, v: 1 }, { token });
      expect(deniedArchive.errors![0].extensions.code).toBe('FORBIDDEN');
      const read = await t.gql(`query($id: ID!) { alliance(id: $id) { description version } }`, { id: other });
      expect(read.data!.alliance).toEqual({ description: null, version: 1 });
    });

    it('changes level and region for ministry staff only: a coordinator of the alliance gets FORBIDDEN and nothing is written', async () => {
      const READ = `query($id: ID!) { alliance(id: $id) { level region { code } version } }`;
      const TRAIL = `query($id: ID!) { auditTrail(entityId: $id) { actor action changes } }`;
      const id = await insertAlliance(t.dataSource, { level: 'LOCAL', regionCode: '0812' });
      const stuttgart = await regionId(t.dataSource, '0811');
      const coordinator = t.token('COORDINATOR', { sub: 'koordination-ebene', allianceIds: [id] });
      for (const change of [{ level: 'REGIONAL' }, { regionId: stuttgart }]) {
        const refused = await t.gql(UPDATE, { input: { id, expectedVersion: 1, name: 'Umgezogen', ...change } }, { token: coordinator });
        expect(refused.errors![0].extensions.code).toBe('FORBIDDEN');
      }
      await expect(t.gql(READ, { id }).then((r) => r.data!.alliance)).resolves.toEqual({
        level: 'LOCAL',
        region: { code: '0812' },
        version: 1,
      });
      const unknown = await t.gql(
        UPDATE,
        { input: { id, expectedVersion: 1, regionId: '00000000-0000-4000-8000-000000000009' } },
        { token: t.tokens.editor },
      );
      expect(unknown.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', fields: [expect.objectContaining({ field: 'regionId' })] });
      const bad = await t.gql(UPDATE, { input: { id, expectedVersion: 1, level: null } }, { token: t.tokens.editor });
      expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'level' })] });
      const stale = await t.gql(UPDATE, { input: { id, expectedVersion: 2, level: 'REGIONAL' } }, { token: t.tokens.editor });
      expect(stale.errors![0].extensions.code).toBe('CONFLICT');

      const moved = await t.gql(
        UPDATE,
        { input: { id, expectedVersion: 1, level: 'REGIONAL', regionId: stuttgart } },
        { token: t.tokens.editor },
      );
      expect(moved.errors).toBeUndefined();
      await expect(t.gql(READ, { id }).then((r) => r.data!.alliance)).resolves.toEqual({
        level: 'REGIONAL',
        region: { code: '0811' },
        version: 2,
      });
      const trail = await t.gql(TRAIL, { id }, { token: t.tokens.reader });
      expect(trail.data!.auditTrail).toHaveLength(1);
      expect(trail.data!.auditTrail[0]).toMatchObject({ actor: 'editor', action: 'updateAlliance' });
      expect(JSON.parse(trail.data!.auditTrail[0].changes)).toEqual({
        level: ['LOCAL', 'REGIONAL'],
        regionId: [expect.any(String), stuttgart],
      });
    });

    it('hides an archived alliance from lists unless includeArchived, and keeps it readable by id', async () => {
      const id = await insertAlliance(t.dataSource, { name: 'Archivierbare Allianz Qx' });
      const archived = await t.gql(ARCHIVE, { id, v: 1 }, { token: t.tokens.admin });
      expect(archived.data!.archiveAlliance.archivedAt).toEqual(expect.any(String));
      expect(names(await t.gql(LIST, { filter: { search: 'Archivierbare Allianz Qx' } }))).toEqual([]);
      expect(names(await t.gql(LIST, { filter: { search: 'Archivierbare Allianz Qx', includeArchived: true } }))).toEqual([
        'Archivierbare Allianz Qx',
      ]);
      const again = await t.gql(ARCHIVE, { id, v: 2 }, { token: t.tokens.admin });
      expect(again.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      const trail = await t.gql(`query($id: ID!) { auditTrail(entityId: $id) { actor action } }`, { id }, { token: t.tokens.admin });
      expect(trail.data!.auditTrail).toEqual([{ actor: 'admin', action: 'archiveAlliance' }]);
    });
  });

  describe('restoreAlliance', () => {
    const TRAIL = `query($id: ID!) { auditTrail(entityId: $id) { actor action changes } }`;

    it('brings an archived alliance back into lists, with an audit event for each step', async () => {
      const id = await insertAlliance(t.dataSource, { name: 'Wiederkehrende Allianz Zq' });
      await t.gql(ARCHIVE, { id, v: 1 }, { token: t.tokens.editor });
      const restored = await t.gql(RESTORE, { id, v: 2 }, { token: t.tokens.editor });
      expect(restored.data!.restoreAlliance).toEqual({ id, archivedAt: null, version: 3 });
      expect(names(await t.gql(LIST, { filter: { search: 'Wiederkehrende Allianz Zq' } }))).toEqual(['Wiederkehrende Allianz Zq']);
      const trail = await t.gql(TRAIL, { id }, { token: t.tokens.admin });
      expect(trail.data!.auditTrail.map((e: { action: string }) => e.action)).toEqual(['restoreAlliance', 'archiveAlliance']);
      expect(trail.data!.auditTrail[0].actor).toBe('editor');
      expect(JSON.parse(trail.data!.auditTrail[0].changes).archivedAt).toEqual([expect.any(String), null]);
    });

    it('refuses an alliance that is not archived (naming id), a stale version and an unknown id, writing nothing', async () => {
      const id = await insertAlliance(t.dataSource);
      const notArchived = await t.gql(RESTORE, { id, v: 1 }, { token: t.tokens.admin });
      expect(notArchived.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [expect.objectContaining({ field: 'id' })],
      });
      await t.gql(ARCHIVE, { id, v: 1 }, { token: t.tokens.admin });
      const stale = await t.gql(RESTORE, { id, v: 1 }, { token: t.tokens.admin });
      expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
      const missing = await t.gql(RESTORE, { id: '00000000-0000-4000-8000-000000000004', v: 1 }, { token: t.tokens.admin });
      expect(missing.errors![0].extensions.code).toBe('NOT_FOUND');
      const read = await t.gql(`query($id: ID!) { alliance(id: $id) { archivedAt version } }`, { id });
      expect(read.data!.alliance).toEqual({ archivedAt: expect.any(String), version: 2 });
      const trail = await t.gql(TRAIL, { id }, { token: t.tokens.admin });
      expect(trail.data!.auditTrail.map((e: { action: string }) => e.action)).toEqual(['archiveAlliance']);
    });

    it("is for ministry staff and the alliance's own coordinator", async () => {
      const own = await insertAlliance(t.dataSource, { archivedAt: new Date() });
      const other = await insertAlliance(t.dataSource, { archivedAt: new Date() });
      const coordinator = t.token('COORDINATOR', { allianceIds: [own] });
      await expect(t.gql(RESTORE, { id: other, v: 1 }, { token: coordinator })).resolves.toMatchObject({
        errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })],
      });
      await expect(t.gql(RESTORE, { id: other, v: 1 }, { token: t.tokens.reader })).resolves.toMatchObject({
        errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })],
      });
      await expect(t.gql(RESTORE, { id: other, v: 1 })).resolves.toMatchObject({
        errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })],
      });
      const read = await t.gql(`query($id: ID!) { alliance(id: $id) { archivedAt version } }`, { id: other });
      expect(read.data!.alliance).toEqual({ archivedAt: expect.any(String), version: 1 });
      const ok = await t.gql(RESTORE, { id: own, v: 1 }, { token: coordinator });
      expect(ok.data!.restoreAlliance).toMatchObject({ archivedAt: null, version: 2 });
    });
  });

  describe('the alliance list', () => {
    it('pages through a filtered list in German order without repeating or skipping', async () => {
      const region = await regionId(t.dataSource, '0805');
      const wanted = ['Zukunftsbündnis', 'Ärzteallianz', 'Bündnis Mannheim', 'Oberrhein-Allianz', 'Übergang Schule-Beruf'];
      for (const name of wanted) await insertAlliance(t.dataSource, { name: `${name} RN`, regionId: region, level: 'LOCAL' });
      const seen: string[] = [];
      let after: string | null = null;
      let last: string | null;
      let pages = 0;
      do {
        const result: any = await t.gql(LIST, { filter: { regionId: region }, first: 2, after });
        expect(result.data.alliances.totalCount).toBe(5);
        seen.push(...names(result));
        last = result.data.alliances.pageInfo.endCursor;
        after = result.data.alliances.pageInfo.hasNextPage ? last : null;
        pages += 1;
      } while (after);
      expect(pages).toBe(3);
      expect(seen).toEqual([
        'Ärzteallianz RN',
        'Bündnis Mannheim RN',
        'Oberrhein-Allianz RN',
        'Übergang Schule-Beruf RN',
        'Zukunftsbündnis RN',
      ]);
      // Past the end the page is empty, and the count is still the list's.
      const beyond = await t.gql(LIST, { filter: { regionId: region }, first: 2, after: last });
      expect(beyond.data!.alliances).toEqual({ totalCount: 5, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
    });

    it('answers an empty page and a single exact page', async () => {
      const empty = await t.gql(LIST, { filter: { search: 'gibt es nicht 12345' } });
      expect(empty.data!.alliances).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
      const region = await regionId(t.dataSource, '0806');
      await insertAlliance(t.dataSource, { regionId: region });
      await insertAlliance(t.dataSource, { regionId: region });
      const exact = await t.gql(LIST, { filter: { regionId: region }, first: 2 });
      expect(exact.data!.alliances.edges).toHaveLength(2);
      expect(exact.data!.alliances.pageInfo.hasNextPage).toBe(false);
    });

    it('finds alliances of the districts inside a region, by level and status', async () => {
      const district = await insertAlliance(t.dataSource, { name: 'Bündnis Hohenlohekreis', regionCode: '08126', level: 'LOCAL' });
      await insertAlliance(t.dataSource, { name: 'Bündnis Aufgelöst Hohenlohe', regionCode: '08126', level: 'LOCAL', status: 'DISSOLVED' });
      const result = await t.gql(LIST, {
        filter: { regionId: await regionId(t.dataSource, '0802'), level: 'LOCAL', status: 'ACTIVE' },
        first: 100,
      });
      expect(result.data!.alliances.edges.map((e: any) => e.node.id)).toContain(district);
      expect(names(result)).not.toContain('Bündnis Aufgelöst Hohenlohe');
    });

    it('searches names regardless of case and umlaut spelling', async () => {
      await insertAlliance(t.dataSource, { name: 'Fachkräftebündnis Südlicher Oberrhein', regionCode: '0807' });
      for (const search of ['fachkräftebündnis süd', 'FACHKRAEFTEBUENDNIS SUED', 'Fachkraftebundnis Sudlicher']) {
        expect(names(await t.gql(LIST, { filter: { search } }))).toContain('Fachkräftebündnis Südlicher Oberrhein');
      }
      expect(names(await t.gql(LIST, { filter: { search: '100%_' } }))).toEqual([]);
    });

    it('bounds first to 1..100 and refuses a cursor it did not issue', async () => {
      for (const first of [0, -1, 101]) {
        const result = await t.gql(LIST, { first });
        expect(result.errors![0].extensions.code).toBe('BAD_USER_INPUT');
        expect(result.errors![0].extensions.fields).toEqual([expect.objectContaining({ field: 'first' })]);
      }
      const forged = await t.gql(LIST, { after: 'bm90IGEgY3Vyc29y' });
      expect(forged.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'after' })] });
    });
  });

  describe('memberships', () => {
    it('adds members, lists current and former ones, and ends a membership', async () => {
      const alliance = await insertAlliance(t.dataSource);
      const ihk = await insertOrganisation(t.dataSource, { name: 'IHK Heilbronn-Franken' });
      const hwk = await insertOrganisation(t.dataSource, { name: 'Handwerkskammer Heilbronn-Franken', kind: 'CHAMBER_OF_CRAFTS' });
      const lead = await t.gql(
        ADD,
        { input: { allianceId: alliance, organisationId: ihk, role: 'LEAD', joinedOn: '2012-04-20' } },
        { token: t.tokens.admin },
      );
      expect(lead.data!.addMember).toMatchObject({
        role: 'LEAD',
        joinedOn: '2012-04-20',
        leftOn: null,
        version: 1,
        alliance: { id: alliance },
      });
      const partner = await t.gql(
        ADD,
        { input: { allianceId: alliance, organisationId: hwk, role: 'PARTNER', joinedOn: '2012-04-20' } },
        { token: t.tokens.admin },
      );
      const ended = await t.gql(
        END,
        { input: { id: partner.data!.addMember.id, expectedVersion: 1, leftOn: '2020-12-31' } },
        { token: t.tokens.admin },
      );
      expect(ended.data!.endMembership).toMatchObject({ leftOn: '2020-12-31', version: 2 });
      const read = await t.gql(
        `query($id: ID!) { alliance(id: $id) { all: memberships { role } current: memberships(current: true) { role } former: memberships(current: false) { role leftOn } } }`,
        { id: alliance },
      );
      expect(read.data!.alliance).toEqual({
        all: [{ role: 'LEAD' }, { role: 'PARTNER' }],
        current: [{ role: 'LEAD' }],
        former: [{ role: 'PARTNER', leftOn: '2020-12-31' }],
      });
    });

    it('refuses a second lead (naming role), an overlapping membership (naming joinedOn), and an end before the start', async () => {
      const alliance = await insertAlliance(t.dataSource);
      const first = await insertOrganisation(t.dataSource);
      const second = await insertOrganisation(t.dataSource);
      const membership = await insertMembership(t.dataSource, {
        allianceId: alliance,
        organisationId: first,
        role: 'LEAD',
        joinedOn: '2015-01-01',
      });
      const secondLead = await t.gql(
        ADD,
        { input: { allianceId: alliance, organisationId: second, role: 'LEAD' } },
        { token: t.tokens.admin },
      );
      expect(secondLead.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [expect.objectContaining({ field: 'role' })],
      });
      const duplicate = await t.gql(
        ADD,
        { input: { allianceId: alliance, organisationId: first, role: 'PARTNER' } },
        { token: t.tokens.admin },
      );
      expect(duplicate.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [expect.objectContaining({ field: 'joinedOn' })],
      });
      const early = await t.gql(END, { input: { id: membership, expectedVersion: 1, leftOn: '2014-12-31' } }, { token: t.tokens.admin });
      expect(early.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'leftOn' })] });
      const stale = await t.gql(END, { input: { id: membership, expectedVersion: 7, leftOn: '2016-01-01' } }, { token: t.tokens.admin });
      expect(stale.errors![0].extensions.code).toBe('CONFLICT');
      const read = await t.gql(`query($id: ID!) { alliance(id: $id) { lead { id } memberships { leftOn version } } }`, { id: alliance });
      expect(read.data!.alliance).toEqual({ lead: { id: first }, memberships: [{ leftOn: null, version: 1 }] });
    });

    it('keeps the history of an organisation that left and rejoined: periods that do not overlap', async () => {
      const alliance = await insertAlliance(t.dataSource);
      const organisation = await insertOrganisation(t.dataSource);
      const first = await t.gql(
        ADD,
        { input: { allianceId: alliance, organisationId: organisation, role: 'PARTNER', joinedOn: '2012-04-20' } },
        { token: t.tokens.editor },
      );
      await t.gql(END, { input: { id: first.data!.addMember.id, expectedVersion: 1, leftOn: '2015-01-01' } }, { token: t.tokens.editor });
      const early = await t.gql(
        ADD,
        { input: { allianceId: alliance, organisationId: organisation, role: 'PARTNER', joinedOn: '2014-12-31' } },
        { token: t.tokens.editor },
      );
      expect(early.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [expect.objectContaining({ field: 'joinedOn' })],
      });
      // The day it left is the first day it was no member: it may rejoin on that very day.
      const rejoined = await t.gql(
        ADD,
        { input: { allianceId: alliance, organisationId: organisation, role: 'LEAD', joinedOn: '2015-01-01' } },
        { token: t.tokens.editor },
      );
      expect(rejoined.errors).toBeUndefined();
      const read = await t.gql(`query($id: ID!) { alliance(id: $id) { lead { id } memberships { role joinedOn leftOn } } }`, {
        id: alliance,
      });
      expect(read.data!.alliance).toEqual({
        lead: { id: organisation },
        memberships: [
          { role: 'LEAD', joinedOn: '2015-01-01', leftOn: null },
          { role: 'PARTNER', joinedOn: '2012-04-20', leftOn: '2015-01-01' },
        ],
      });
      const trail = await t.gql(
        `query($id: ID!) { auditTrail(entityId: $id) { actor action changes } }`,
        { id: rejoined.data!.addMember.id },
        {
          token: t.tokens.admin,
        },
      );
      expect(trail.data!.auditTrail).toEqual([{ actor: 'editor', action: 'addMember', changes: expect.any(String) }]);
      expect(JSON.parse(trail.data!.auditTrail[0].changes)).toMatchObject({ role: [null, 'LEAD'], joinedOn: [null, '2015-01-01'] });
    });

    it('refuses an alliance that does not exist with NOT_FOUND naming allianceId, writing nothing', async () => {
      const before = await rowCount(t.dataSource, 'membership');
      const result = await t.gql(
        ADD,
        {
          input: {
            allianceId: '00000000-0000-4000-8000-000000000003',
            organisationId: await insertOrganisation(t.dataSource),
            role: 'PARTNER',
          },
        },
        { token: t.tokens.admin },
      );
      expect(result.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', fields: [expect.objectContaining({ field: 'allianceId' })] });
      await expect(rowCount(t.dataSource, 'membership')).resolves.toBe(before);
    });

    it('refuses an organisation that does not exist with NOT_FOUND', async () => {
      const alliance = await insertAlliance(t.dataSource);
      const result = await t.gql(
        ADD,
        { input: { allianceId: alliance, organisationId: '00000000-0000-4000-8000-000000000002', role: 'PARTNER' } },
        { token: t.tokens.admin },
      );
      expect(result.errors![0].extensions).toMatchObject({
        code: 'NOT_FOUND',
        fields: [expect.objectContaining({ field: 'organisationId' })],
      });
    });

    it("lets a coordinator keep its own alliance's members and no other", async () => {
      const own = await insertAlliance(t.dataSource);
      const other = await insertAlliance(t.dataSource);
      const organisation = await insertOrganisation(t.dataSource);
      const foreignMembership = await insertMembership(t.dataSource, { allianceId: other, organisationId: organisation });
      const token = t.token('COORDINATOR', { allianceIds: [own] });
      const ok = await t.gql(ADD, { input: { allianceId: own, organisationId: organisation, role: 'PARTNER' } }, { token });
      expect(ok.errors).toBeUndefined();
      await expect(
        t.gql(END, { input: { id: ok.data!.addMember.id, expectedVersion: 1, leftOn: '2030-01-01' } }, { token }),
      ).resolves.toMatchObject({ errors: undefined });
      const upperCase = await t.gql(
        ADD,
        {
          input: { allianceId: own.toUpperCase(), organisationId: (await insertOrganisation(t.dataSource)).toUpperCase(), role: 'PARTNER' },
        },
        { token },
      );
      expect(upperCase.errors).toBeUndefined();
      expect(upperCase.data!.addMember.alliance.id).toBe(own);
      const addElsewhere = await t.gql(ADD, { input: { allianceId: other, organisationId: organisation, role: 'PARTNER' } }, { token });
      expect(addElsewhere.errors![0].extensions.code).toBe('FORBIDDEN');
      const endElsewhere = await t.gql(END, { input: { id: foreignMembership, expectedVersion: 1, leftOn: '2030-01-01' } }, { token });
      expect(endElsewhere.errors![0].extensions.code).toBe('FORBIDDEN');
    });
  });

  it('reads regions, alliances and memberships with a constant number of statements', async () => {
    const region = await regionId(t.dataSource, '0809');
    for (let i = 0; i < 12; i += 1) {
      const alliance = await insertAlliance(t.dataSource, { regionId: region });
      await insertMembership(t.dataSource, { allianceId: alliance, organisationId: await insertOrganisation(t.dataSource) });
    }
    const query = `query($first: Int, $regionId: ID) { alliances(first: $first, filter: { regionId: $regionId }) { edges { node { name region { name parent { name } } memberships { role alliance { name } } } } } }`;
    const small = await t.countStatements(() => t.gql(query, { first: 2, regionId: region }));
    const large = await t.countStatements(() => t.gql(query, { first: 12, regionId: region }));
    expect(large).toBe(small);
  });
});
