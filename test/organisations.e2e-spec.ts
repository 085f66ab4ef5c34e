import { dayFromToday } from './support/days';
import { insertAlliance, insertMembership, insertOrganisation, regionId, rowCount } from './support/factories';
import { createTestApp, TestApp, WITHOUT_RESPONSE_CACHE } from './support/test-app';

const FIELDS =
  'id name shortName kind website version region { code } archivedAt createdAt updatedAt nameHistory { name validFrom validTo }';
const CREATE = `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { id shortName kind website version region { code } } }`;
const RENAME = `mutation($input: RenameOrganisationInput!) { renameOrganisation(input: $input) { id name version nameHistory { name validFrom validTo } } }`;
const CORRECT = `mutation($input: CorrectOrganisationNameInput!) { correctOrganisationName(input: $input) { id name version nameHistory { name validFrom validTo } } }`;
const ARCHIVE = `mutation($id: ID!, $v: Int!) { archiveOrganisation(id: $id, expectedVersion: $v) { id archivedAt version } }`;
const RESTORE = `mutation($id: ID!, $v: Int!) { restoreOrganisation(id: $id, expectedVersion: $v) { id archivedAt version } }`;
const READ = `query($id: ID!) { organisation(id: $id) { ${FIELDS} } }`;
const TRAIL = `query($id: ID!) { auditTrail(entityId: $id) { actor action entityType entityId changes } }`;
const LIST = `query($filter: OrganisationFilter, $first: Int, $after: String) {
  organisations(filter: $filter, first: $first, after: $after) { totalCount edges { cursor node { id name } } pageInfo { hasNextPage endCursor } } }`;

const UNKNOWN = '00000000-0000-4000-8000-00000000abcd';

/** A marker no other test's names contain, so a search for it sees only this test's records. */
const tag = () => `Qx${Math.random().toString(36).slice(2, 8)}`;

describe('organisations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(WITHOUT_RESPONSE_CACHE);
  });
  afterAll(async () => {
    await t.close();
  });

  const names = (result: { data: any }) => result.data.organisations.edges.map((e: { node: { name: string } }) => e.node.name);
  const fields = (result: { errors?: { extensions: { fields?: { field: string }[] } }[] }) =>
    result.errors![0].extensions.fields!.map((f) => f.field).sort();

  describe('createOrganisation', () => {
    it('creates an organisation trimmed, with umlauts and ß kept, its first name and an audit event', async () => {
      const result = await t.gql(
        CREATE,
        {
          input: {
            name: '  Wirtschaftsförderung Großraum Hohenlohe-Süd ',
            shortName: ' WFG Süd ',
            kind: 'ECONOMIC_DEVELOPMENT',
            regionId: await regionId(t.dataSource, '08126'),
            website: ' https://www.wirtschaftsförderung-hohenlohe.de/ ',
          },
        },
        { token: t.tokens.editor },
      );
      expect(result.errors).toBeUndefined();
      const created = result.data!.createOrganisation;
      expect(created).toMatchObject({
        name: 'Wirtschaftsförderung Großraum Hohenlohe-Süd',
        shortName: 'WFG Süd',
        kind: 'ECONOMIC_DEVELOPMENT',
        website: 'https://www.wirtschaftsförderung-hohenlohe.de/',
        version: 1,
        region: { code: '08126' },
        archivedAt: null,
        nameHistory: [{ name: 'Wirtschaftsförderung Großraum Hohenlohe-Süd', validFrom: null, validTo: null }],
      });
      const read = await t.gql(READ, { id: created.id });
      expect(read.data!.organisation).toEqual(created);
      const trail = await t.gql(TRAIL, { id: created.id }, { token: t.tokens.reader });
      expect(trail.data!.auditTrail).toHaveLength(1);
      expect(trail.data!.auditTrail[0]).toMatchObject({
        actor: 'editor',
        action: 'createOrganisation',
        entityType: 'Organisation',
        entityId: created.id,
      });
      expect(JSON.parse(trail.data!.auditTrail[0].changes)).toMatchObject({
        name: [null, 'Wirtschaftsförderung Großraum Hohenlohe-Süd'],
        shortName: [null, 'WFG Süd'],
        kind: [null, 'ECONOMIC_DEVELOPMENT'],
      });
    });

    it('creates one with only the required fields', async () => {
      const result = await t.gql(CREATE, { input: { name: 'DGB Nordwürttemberg', kind: 'TRADE_UNION' } }, { token: t.tokens.admin });
      expect(result.errors).toBeUndefined();
      expect(result.data!.createOrganisation).toMatchObject({ name: 'DGB Nordwürttemberg', shortName: null, website: null, region: null });
    });

    it('names each bad field of invalid input with BAD_USER_INPUT, writing nothing', async () => {
      const before = await rowCount(t.dataSource, 'organisation');
      const cases: [Record<string, unknown>, string[]][] = [
        [{ name: '' }, ['name']],
        [{ name: '   ' }, ['name']],
        [{ name: 'x'.repeat(301) }, ['name']],
        [{ shortName: 'x'.repeat(301) }, ['shortName']],
        [{ website: 'ftp://x' }, ['website']],
        [{ website: 'not a url' }, ['website']],
        [{ website: `https://example.org/${'x'.repeat(2000)}` }, ['website']],
        [{ regionId: 'nope' }, ['regionId']],
        [{ name: '', website: 'ftp://x', regionId: 'nope' }, ['name', 'regionId', 'website']],
      ];
      for (const [change, expected] of cases) {
        const result = await t.gql(
          CREATE,
          { input: { name: 'IHK Gültig', kind: 'CHAMBER_OF_COMMERCE', ...change } },
          { token: t.tokens.admin },
        );
        expect(result.errors![0].extensions.code).toBe('BAD_USER_INPUT');
        expect(fields(result)).toEqual(expected);
      }
      await expect(rowCount(t.dataSource, 'organisation')).resolves.toBe(before);
    });

    it('refuses an unknown kind given in variables with BAD_USER_INPUT', async () => {
      const result = await t.gql(CREATE, { input: { name: 'Sternwarte', kind: 'OBSERVATORY' } }, { token: t.tokens.admin });
      expect(result.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      expect(result.data).toBeNull();
    });

    it('refuses a region that does not exist with NOT_FOUND on regionId', async () => {
      const result = await t.gql(
        CREATE,
        { input: { name: 'Irgendwo e. V.', kind: 'OTHER', regionId: UNKNOWN } },
        { token: t.tokens.admin },
      );
      expect(result.errors![0].extensions.code).toBe('NOT_FOUND');
      expect(result.errors![0].extensions.fields).toEqual([expect.objectContaining({ field: 'regionId' })]);
      await expect(t.gql(LIST, { filter: { search: 'Irgendwo e. V.' } }).then(names)).resolves.toEqual([]);
    });

    it('asks for a token and refuses readers, writing nothing', async () => {
      const before = await rowCount(t.dataSource, 'organisation');
      const input = { name: 'Ohne Recht GmbH', kind: 'OTHER' };
      const anonymous = await t.gql(CREATE, { input });
      expect(anonymous.errors![0].extensions.code).toBe('UNAUTHENTICATED');
      expect(anonymous.data).toBeNull();
      const reader = await t.gql(CREATE, { input }, { token: t.tokens.reader });
      expect(reader.errors![0].extensions.code).toBe('FORBIDDEN');
      await expect(rowCount(t.dataSource, 'organisation')).resolves.toBe(before);
    });
  });

  describe('organisation(id)', () => {
    it('answers null for an unknown id and BAD_USER_INPUT for a malformed one', async () => {
      const missing = await t.gql(READ, { id: UNKNOWN });
      expect(missing.errors).toBeUndefined();
      expect(missing.data!.organisation).toBeNull();
      const malformed = await t.gql(READ, { id: 'not-a-uuid' });
      expect(malformed.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'id', message: 'id must be a UUID' }],
      });
    });
  });

  describe('updateOrganisation', () => {
    it('updates with the current version, clears with null, and refuses a stale version with CONFLICT, writing nothing', async () => {
      const id = await insertOrganisation(t.dataSource, {
        name: 'Agentur für Arbeit Schwäbisch Hall-Tauberbischofsheim',
        shortName: 'AA SHA',
        kind: 'EMPLOYMENT_AGENCY',
      });
      const first = await t.gql(
        UPDATE,
        {
          input: {
            id,
            expectedVersion: 1,
            shortName: null,
            website: 'https://www.arbeitsagentur.de',
            regionId: await regionId(t.dataSource, '08127'),
          },
        },
        { token: t.tokens.admin },
      );
      expect(first.errors).toBeUndefined();
      expect(first.data!.updateOrganisation).toEqual({
        id,
        shortName: null,
        kind: 'EMPLOYMENT_AGENCY',
        website: 'https://www.arbeitsagentur.de',
        version: 2,
        region: { code: '08127' },
      });
      const stale = await t.gql(
        UPDATE,
        { input: { id, expectedVersion: 1, kind: 'OTHER', website: 'https://anders.example' } },
        { token: t.tokens.admin },
      );
      expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
      const read = await t.gql(READ, { id });
      expect(read.data!.organisation).toMatchObject({ kind: 'EMPLOYMENT_AGENCY', website: 'https://www.arbeitsagentur.de', version: 2 });
      const trail = await t.gql(TRAIL, { id }, { token: t.tokens.reader });
      expect(trail.data!.auditTrail.map((e: { action: string }) => e.action)).toEqual(['updateOrganisation']);
      expect(JSON.parse(trail.data!.auditTrail[0].changes)).toEqual({
        shortName: ['AA SHA', null],
        website: [null, 'https://www.arbeitsagentur.de'],
        regionId: [null, await regionId(t.dataSource, '08127')],
      });
    });

    it('refuses a null kind, a bad website and a bad version with BAD_USER_INPUT', async () => {
      const id = await insertOrganisation(t.dataSource);
      const nullKind = await t.gql(UPDATE, { input: { id, expectedVersion: 1, kind: null } }, { token: t.tokens.admin });
      expect(nullKind.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      expect(fields(nullKind)).toEqual(['kind']);
      const bad = await t.gql(
        UPDATE,
        { input: { id, expectedVersion: 0, website: 'ftp://x', shortName: '  ' } },
        { token: t.tokens.admin },
      );
      expect(bad.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      expect(fields(bad)).toEqual(['expectedVersion', 'shortName', 'website']);
      await expect(t.gql(READ, { id }).then((r) => r.data!.organisation.version)).resolves.toBe(1);
    });

    it('answers NOT_FOUND for an organisation or a region that does not exist', async () => {
      const unknown = await t.gql(
        UPDATE,
        { input: { id: UNKNOWN, expectedVersion: 1, website: 'https://x.example' } },
        { token: t.tokens.admin },
      );
      expect(unknown.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', fields: [expect.objectContaining({ field: 'id' })] });
      const id = await insertOrganisation(t.dataSource);
      const region = await t.gql(UPDATE, { input: { id, expectedVersion: 1, regionId: UNKNOWN } }, { token: t.tokens.admin });
      expect(region.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', fields: [expect.objectContaining({ field: 'regionId' })] });
      await expect(t.gql(READ, { id }).then((r) => r.data!.organisation)).resolves.toMatchObject({ version: 1, region: null });
      await expect(t.gql(TRAIL, { id }, { token: t.tokens.reader }).then((r) => r.data!.auditTrail)).resolves.toEqual([]);
    });
  });

  describe('renameOrganisation', () => {
    it('keeps every name with its period, oldest first', async () => {
      const id = await insertOrganisation(t.dataSource, {
        name: 'Ministerium für Finanzen und Wirtschaft',
        kind: 'MINISTRY',
        regionCode: '08',
      });
      const first = await t.gql(
        RENAME,
        { input: { id, expectedVersion: 1, name: ' Ministerium für Wirtschaft, Arbeit und Wohnungsbau ', validFrom: '2016-05-12' } },
        { token: t.tokens.admin },
      );
      expect(first.errors).toBeUndefined();
      expect(first.data!.renameOrganisation).toMatchObject({ name: 'Ministerium für Wirtschaft, Arbeit und Wohnungsbau', version: 2 });
      const second = await t.gql(
        RENAME,
        { input: { id, expectedVersion: 2, name: 'Ministerium für Wirtschaft, Arbeit und Tourismus', validFrom: '2021-05-12' } },
        { token: t.tokens.editor },
      );
      expect(second.data!.renameOrganisation).toEqual({
        id,
        name: 'Ministerium für Wirtschaft, Arbeit und Tourismus',
        version: 3,
        nameHistory: [
          { name: 'Ministerium für Finanzen und Wirtschaft', validFrom: null, validTo: '2016-05-12' },
          { name: 'Ministerium für Wirtschaft, Arbeit und Wohnungsbau', validFrom: '2016-05-12', validTo: '2021-05-12' },
          { name: 'Ministerium für Wirtschaft, Arbeit und Tourismus', validFrom: '2021-05-12', validTo: null },
        ],
      });
      const trail = await t.gql(TRAIL, { id }, { token: t.tokens.reader });
      expect(trail.data!.auditTrail.map((e: { actor: string; action: string }) => [e.actor, e.action])).toEqual([
        ['editor', 'renameOrganisation'],
        ['admin', 'renameOrganisation'],
      ]);
      expect(JSON.parse(trail.data!.auditTrail[0].changes)).toEqual({
        name: ['Ministerium für Wirtschaft, Arbeit und Wohnungsbau', 'Ministerium für Wirtschaft, Arbeit und Tourismus'],
        validFrom: ['2016-05-12', '2021-05-12'],
      });
    });

    it('refuses a start not after the current name began, the same name, and an impossible date, writing nothing', async () => {
      const id = await insertOrganisation(t.dataSource, { name: 'Regionalverband Alt', kind: 'MUNICIPALITY' });
      await expect(
        t.gql(
          RENAME,
          { input: { id, expectedVersion: 1, name: 'Regionalverband Neu', validFrom: '2015-01-01' } },
          { token: t.tokens.admin },
        ),
      ).resolves.toMatchObject({
        errors: undefined,
      });
      for (const validFrom of ['2014-12-31', '2015-01-01']) {
        const early = await t.gql(
          RENAME,
          { input: { id, expectedVersion: 2, name: 'Regionalverband Neuer', validFrom } },
          { token: t.tokens.admin },
        );
        expect(early.errors![0].extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          fields: [expect.objectContaining({ field: 'validFrom' })],
        });
      }
      const same = await t.gql(
        RENAME,
        { input: { id, expectedVersion: 2, name: ' Regionalverband Neu ', validFrom: '2020-01-01' } },
        { token: t.tokens.admin },
      );
      expect(same.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'name' })] });
      const impossible = await t.gql(
        RENAME,
        { input: { id, expectedVersion: 2, name: 'Regionalverband Neuer', validFrom: '2021-02-30' } },
        { token: t.tokens.admin },
      );
      expect(impossible.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      const stale = await t.gql(
        RENAME,
        { input: { id, expectedVersion: 1, name: 'Regionalverband Neuer', validFrom: '2020-01-01' } },
        { token: t.tokens.admin },
      );
      expect(stale.errors![0].extensions.code).toBe('CONFLICT');
      const read = await t.gql(READ, { id });
      expect(read.data!.organisation).toMatchObject({
        name: 'Regionalverband Neu',
        version: 2,
        nameHistory: [
          { name: 'Regionalverband Alt', validFrom: null, validTo: '2015-01-01' },
          { name: 'Regionalverband Neu', validFrom: '2015-01-01', validTo: null },
        ],
      });
    });

    it('answers NOT_FOUND for an organisation that does not exist', async () => {
      const result = await t.gql(
        RENAME,
        { input: { id: UNKNOWN, expectedVersion: 1, name: 'Neu', validFrom: '2020-01-01' } },
        { token: t.tokens.admin },
      );
      expect(result.errors![0].extensions.code).toBe('NOT_FOUND');
    });
  });

  describe('archiveOrganisation', () => {
    it('hides an archived organisation from lists unless includeArchived, and keeps it readable by id', async () => {
      const marker = tag();
      const id = await insertOrganisation(t.dataSource, { name: `Archivierbar ${marker}` });
      const archived = await t.gql(ARCHIVE, { id, v: 1 }, { token: t.tokens.admin });
      expect(archived.data!.archiveOrganisation).toMatchObject({ id, archivedAt: expect.any(String), version: 2 });
      await expect(t.gql(LIST, { filter: { search: marker } }).then(names)).resolves.toEqual([]);
      await expect(t.gql(LIST, { filter: { search: marker, includeArchived: true } }).then(names)).resolves.toEqual([
        `Archivierbar ${marker}`,
      ]);
      await expect(t.gql(READ, { id }).then((r) => r.data!.organisation.archivedAt)).resolves.toEqual(expect.any(String));
      const again = await t.gql(ARCHIVE, { id, v: 2 }, { token: t.tokens.admin });
      expect(again.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      const trail = await t.gql(TRAIL, { id }, { token: t.tokens.reader });
      expect(trail.data!.auditTrail.map((e: { action: string }) => e.action)).toEqual(['archiveOrganisation']);
    });

    it('answers NOT_FOUND for an unknown id and BAD_USER_INPUT for a malformed one', async () => {
      await expect(
        t.gql(ARCHIVE, { id: UNKNOWN, v: 1 }, { token: t.tokens.admin }).then((r) => r.errors![0].extensions.code),
      ).resolves.toBe('NOT_FOUND');
      await expect(t.gql(ARCHIVE, { id: 'nope', v: 1 }, { token: t.tokens.admin }).then((r) => r.errors![0].extensions.code)).resolves.toBe(
        'BAD_USER_INPUT',
      );
    });
  });

  describe('names in force today', () => {
    const tomorrow = () => dayFromToday(1);

    it('keeps the name until the day a future rename begins, and shows the rename in nameHistory at once', async () => {
      const marker = tag();
      const alliance = await insertAlliance(t.dataSource);
      const id = await insertOrganisation(t.dataSource, { name: `Agentur Heute ${marker}`, kind: 'EMPLOYMENT_AGENCY' });
      await insertMembership(t.dataSource, { allianceId: alliance, organisationId: id, role: 'LEAD' });
      const renamed = await t.gql(
        RENAME,
        { input: { id, expectedVersion: 1, name: `Agentur Morgen ${marker}`, validFrom: tomorrow() } },
        { token: t.tokens.editor },
      );
      expect(renamed.errors).toBeUndefined();
      const history = [
        { name: `Agentur Heute ${marker}`, validFrom: null, validTo: tomorrow() },
        { name: `Agentur Morgen ${marker}`, validFrom: tomorrow(), validTo: null },
      ];
      expect(renamed.data!.renameOrganisation).toEqual({ id, name: `Agentur Heute ${marker}`, version: 2, nameHistory: history });
      await expect(t.gql(READ, { id }).then((r) => r.data!.organisation)).resolves.toMatchObject({
        name: `Agentur Heute ${marker}`,
        nameHistory: history,
      });
      // The list finds and orders it by today's name; the name still to come finds nothing yet.
      await expect(t.gql(LIST, { filter: { search: marker } }).then(names)).resolves.toEqual([`Agentur Heute ${marker}`]);
      await expect(t.gql(LIST, { filter: { search: `Morgen ${marker}` } }).then(names)).resolves.toEqual([]);
      // Relation fields reach it with today's name too, through the SQL projection and through the loaders.
      const relations = await t.gql(`query($id: ID!) { alliance(id: $id) { lead { name } memberships { organisation { name } } } }`, {
        id: alliance,
      });
      expect(relations.data!.alliance).toEqual({
        lead: { name: `Agentur Heute ${marker}` },
        memberships: [{ organisation: { name: `Agentur Heute ${marker}` } }],
      });
      const trail = await t.gql(TRAIL, { id }, { token: t.tokens.reader });
      expect(JSON.parse(trail.data!.auditTrail[0].changes)).toEqual({
        name: [`Agentur Heute ${marker}`, `Agentur Morgen ${marker}`],
        validFrom: [null, tomorrow()],
      });
    });

    it('answers a rename that begins today with the new name at once, in the list and its search', async () => {
      const marker = tag();
      const id = await insertOrganisation(t.dataSource, { name: `Alter Name ${marker}` });
      const renamed = await t.gql(
        RENAME,
        { input: { id, expectedVersion: 1, name: `Neuer Name ${marker}`, validFrom: dayFromToday(0) } },
        { token: t.tokens.admin },
      );
      expect(renamed.data!.renameOrganisation).toMatchObject({ name: `Neuer Name ${marker}`, version: 2 });
      await expect(t.gql(READ, { id }).then((r) => r.data!.organisation.name)).resolves.toBe(`Neuer Name ${marker}`);
      await expect(t.gql(LIST, { filter: { search: `Neuer Name ${marker}` } }).then(names)).resolves.toEqual([`Neuer Name ${marker}`]);
      // Search finds every name it has had (Point in time), and answers with the name of the day.
      await expect(t.gql(LIST, { filter: { search: `Alter Name ${marker}` } }).then(names)).resolves.toEqual([`Neuer Name ${marker}`]);
    });

    it("orders and pages the list by today's name, whatever the latest known name is", async () => {
      const marker = tag();
      const later = await insertOrganisation(t.dataSource, { name: `Anfang ${marker}` });
      const now = await insertOrganisation(t.dataSource, { name: `Zuletzt ${marker}` });
      await insertOrganisation(t.dataSource, { name: `Mitte ${marker}` });
      await t.gql(
        RENAME,
        { input: { id: later, expectedVersion: 1, name: `Zukunft ${marker}`, validFrom: tomorrow() } },
        { token: t.tokens.admin },
      );
      await t.gql(
        RENAME,
        { input: { id: now, expectedVersion: 1, name: `Bald ${marker}`, validFrom: dayFromToday(0) } },
        { token: t.tokens.admin },
      );
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const page: any = await t.gql(LIST, { filter: { search: marker }, first: 1, after });
        expect(page.errors).toBeUndefined();
        seen.push(...names(page));
        after = page.data.organisations.pageInfo.hasNextPage ? page.data.organisations.pageInfo.endCursor : null;
      } while (after);
      expect(seen).toEqual([`Anfang ${marker}`, `Bald ${marker}`, `Mitte ${marker}`]);
    });

    it('follows a pending rename, never replaces it: validFrom must be after the day it begins', async () => {
      const id = await insertOrganisation(t.dataSource, { name: 'Landratsamt Heute' });
      await t.gql(
        RENAME,
        { input: { id, expectedVersion: 1, name: 'Landratsamt Morgen', validFrom: tomorrow() } },
        { token: t.tokens.admin },
      );
      for (const validFrom of [dayFromToday(0), tomorrow()]) {
        const refused = await t.gql(
          RENAME,
          { input: { id, expectedVersion: 2, name: 'Landratsamt Übermorgen', validFrom } },
          { token: t.tokens.admin },
        );
        expect(refused.errors![0].extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          fields: [expect.objectContaining({ field: 'validFrom' })],
        });
      }
      const same = await t.gql(
        RENAME,
        { input: { id, expectedVersion: 2, name: 'Landratsamt Morgen', validFrom: dayFromToday(5) } },
        { token: t.tokens.admin },
      );
      expect(same.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'name' })] });
      const followed = await t.gql(
        RENAME,
        { input: { id, expectedVersion: 2, name: 'Landratsamt Übermorgen', validFrom: dayFromToday(2) } },
        { token: t.tokens.admin },
      );
      expect(followed.data!.renameOrganisation).toEqual({
        id,
        name: 'Landratsamt Heute',
        version: 3,
        nameHistory: [
          { name: 'Landratsamt Heute', validFrom: null, validTo: tomorrow() },
          { name: 'Landratsamt Morgen', validFrom: tomorrow(), validTo: dayFromToday(2) },
          { name: 'Landratsamt Übermorgen', validFrom: dayFromToday(2), validTo: null },
        ],
      });
    });
  });

  describe('correctOrganisationName', () => {
    it("respells today's name in place: no new nameHistory entry, the old spelling only in the audit trail", async () => {
      const id = await insertOrganisation(t.dataSource, { name: 'Handwerkskammer Heilbron-Franken', kind: 'CHAMBER_OF_CRAFTS' });
      await t.gql(
        RENAME,
        { input: { id, expectedVersion: 1, name: 'Handwerkskammer Heilbron-Franken und Hohenlohe', validFrom: '2015-01-01' } },
        { token: t.tokens.admin },
      );
      const corrected = await t.gql(
        CORRECT,
        { input: { id, expectedVersion: 2, name: ' Handwerkskammer Heilbronn-Franken und Hohenlohe ' } },
        { token: t.tokens.editor },
      );
      expect(corrected.errors).toBeUndefined();
      const expected = {
        id,
        name: 'Handwerkskammer Heilbronn-Franken und Hohenlohe',
        version: 3,
        nameHistory: [
          { name: 'Handwerkskammer Heilbron-Franken', validFrom: null, validTo: '2015-01-01' },
          { name: 'Handwerkskammer Heilbronn-Franken und Hohenlohe', validFrom: '2015-01-01', validTo: null },
        ],
      };
      expect(corrected.data!.correctOrganisationName).toEqual(expected);
      await expect(t.gql(READ, { id }).then((r) => r.data!.organisation)).resolves.toMatchObject(expected);
      const trail = await t.gql(TRAIL, { id }, { token: t.tokens.reader });
      expect(trail.data!.auditTrail[0]).toMatchObject({ actor: 'editor', action: 'correctOrganisationName', entityId: id });
      expect(JSON.parse(trail.data!.auditTrail[0].changes)).toEqual({
        name: ['Handwerkskammer Heilbron-Franken und Hohenlohe', 'Handwerkskammer Heilbronn-Franken und Hohenlohe'],
      });
    });

    it("corrects today's name and leaves a rename still to come as it is", async () => {
      const marker = tag();
      const id = await insertOrganisation(t.dataSource, { name: `Stadverwaltung ${marker}`, kind: 'MUNICIPALITY' });
      await t.gql(
        RENAME,
        { input: { id, expectedVersion: 1, name: `Bürgeramt ${marker}`, validFrom: dayFromToday(1) } },
        { token: t.tokens.admin },
      );
      const corrected = await t.gql(
        CORRECT,
        { input: { id, expectedVersion: 2, name: `Stadtverwaltung ${marker}` } },
        { token: t.tokens.admin },
      );
      expect(corrected.data!.correctOrganisationName).toEqual({
        id,
        name: `Stadtverwaltung ${marker}`,
        version: 3,
        nameHistory: [
          { name: `Stadtverwaltung ${marker}`, validFrom: null, validTo: dayFromToday(1) },
          { name: `Bürgeramt ${marker}`, validFrom: dayFromToday(1), validTo: null },
        ],
      });
      await expect(t.gql(LIST, { filter: { search: marker } }).then(names)).resolves.toEqual([`Stadtverwaltung ${marker}`]);
    });

    it('refuses the name as it stands, bad input, a stale version and an unknown id, writing nothing', async () => {
      const id = await insertOrganisation(t.dataSource, { name: 'Wirtschaftsregion Heilbronn-Franken GmbH' });
      const same = await t.gql(
        CORRECT,
        { input: { id, expectedVersion: 1, name: ' Wirtschaftsregion Heilbronn-Franken GmbH' } },
        { token: t.tokens.admin },
      );
      expect(same.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'name' })] });
      for (const [input, expected] of [
        [{ id, expectedVersion: 1, name: '  ' }, ['name']],
        [{ id, expectedVersion: 1, name: 'x'.repeat(301) }, ['name']],
        [{ id: 'nope', expectedVersion: 0, name: 'WHF' }, ['expectedVersion', 'id']],
      ] as const) {
        const bad = await t.gql(CORRECT, { input }, { token: t.tokens.admin });
        expect(bad.errors![0].extensions.code).toBe('BAD_USER_INPUT');
        expect(fields(bad)).toEqual(expected);
      }
      const stale = await t.gql(
        CORRECT,
        { input: { id, expectedVersion: 2, name: 'Wirtschaftsregion Heilbronn Franken GmbH' } },
        { token: t.tokens.admin },
      );
      expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 1 });
      const unknown = await t.gql(CORRECT, { input: { id: UNKNOWN, expectedVersion: 1, name: 'Irgendwas' } }, { token: t.tokens.admin });
      expect(unknown.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', fields: [expect.objectContaining({ field: 'id' })] });
      await expect(t.gql(READ, { id }).then((r) => r.data!.organisation)).resolves.toMatchObject({
        name: 'Wirtschaftsregion Heilbronn-Franken GmbH',
        version: 1,
        nameHistory: [{ name: 'Wirtschaftsregion Heilbronn-Franken GmbH', validFrom: null, validTo: null }],
      });
      await expect(t.gql(TRAIL, { id }, { token: t.tokens.reader }).then((r) => r.data!.auditTrail)).resolves.toEqual([]);
    });

    it('is for ADMIN and EDITOR: an archived organisation is no current member of a coordinator’s alliances', async () => {
      const own = await insertAlliance(t.dataSource);
      const member = await insertOrganisation(t.dataSource, { name: 'Mitglied Schreibfehlr' });
      const stranger = await insertOrganisation(t.dataSource, { name: 'Fremd Schreibfehlr' });
      await insertMembership(t.dataSource, { allianceId: own, organisationId: member });
      await insertMembership(t.dataSource, { allianceId: await insertAlliance(t.dataSource), organisationId: stranger });
      const coordinator = t.token('COORDINATOR', { sub: 'koordination-name', allianceIds: [own] });
      const input = { id: stranger, expectedVersion: 1, name: 'Fremd Schreibfehler' };
      await expect(t.gql(CORRECT, { input }).then((r) => r.errors![0].extensions.code)).resolves.toBe('UNAUTHENTICATED');
      for (const token of [t.tokens.reader, coordinator]) {
        await expect(t.gql(CORRECT, { input }, { token }).then((r) => r.errors![0].extensions.code)).resolves.toBe('FORBIDDEN');
      }
      await expect(t.gql(READ, { id: stranger }).then((r) => r.data!.organisation)).resolves.toMatchObject({
        name: 'Fremd Schreibfehlr',
        version: 1,
      });
      const allowed = await t.gql(
        CORRECT,
        { input: { id: member, expectedVersion: 1, name: 'Mitglied Schreibfehler' } },
        { token: coordinator },
      );
      expect(allowed.data!.correctOrganisationName).toMatchObject({ name: 'Mitglied Schreibfehler', version: 2 });
      const trail = await t.gql(TRAIL, { id: member }, { token: t.tokens.reader });
      expect(trail.data!.auditTrail).toEqual([expect.objectContaining({ actor: 'koordination-name', action: 'correctOrganisationName' })]);
    });
  });

  describe('duplicate names', () => {
    it('answers CONFLICT with the existing id for a name another organisation has, ignoring case and runs of spaces', async () => {
      const marker = tag();
      const existing = await insertOrganisation(t.dataSource, { name: `Agentur für Arbeit Schwäbisch Hall ${marker}` });
      const before = await rowCount(t.dataSource, 'organisation');
      for (const name of [
        `Agentur für Arbeit Schwäbisch Hall ${marker}`,
        `AGENTUR FÜR ARBEIT SCHWÄBISCH HALL ${marker.toUpperCase()}`,
        `agentur  für   arbeit schwäbisch\thall ${marker.toLowerCase()}`,
      ]) {
        const result = await t.gql(CREATE, { input: { name, kind: 'EMPLOYMENT_AGENCY' } }, { token: t.tokens.editor });
        expect(result.errors![0].extensions).toMatchObject({
          code: 'CONFLICT',
          existingId: existing,
          fields: [expect.objectContaining({ field: 'name' })],
        });
      }
      await expect(rowCount(t.dataSource, 'organisation')).resolves.toBe(before);
      // Similar is not equal.
      const other = await t.gql(
        CREATE,
        { input: { name: `Agentur für Arbeit Schwäbisch Hall-Tauberbischofsheim ${marker}`, kind: 'EMPLOYMENT_AGENCY' } },
        { token: t.tokens.editor },
      );
      expect(other.errors).toBeUndefined();
    });

    it('counts former and future names, but not archived organisations nor the organisation itself', async () => {
      const marker = tag();
      const ministry = await insertOrganisation(t.dataSource, { name: `Ministerium Alt ${marker}`, kind: 'MINISTRY' });
      await t.gql(
        RENAME,
        { input: { id: ministry, expectedVersion: 1, name: `Ministerium Neu ${marker}`, validFrom: '2016-05-12' } },
        { token: t.tokens.admin },
      );
      await t.gql(
        RENAME,
        { input: { id: ministry, expectedVersion: 2, name: `Ministerium Künftig ${marker}`, validFrom: dayFromToday(1) } },
        { token: t.tokens.admin },
      );
      for (const name of [`Ministerium Alt ${marker}`, `Ministerium Neu ${marker}`, `ministerium künftig ${marker}`]) {
        const result = await t.gql(CREATE, { input: { name, kind: 'MINISTRY' } }, { token: t.tokens.admin });
        expect(result.errors![0].extensions).toMatchObject({ code: 'CONFLICT', existingId: ministry });
      }
      await insertOrganisation(t.dataSource, { name: `Archiviert ${marker}`, archivedAt: new Date() });
      const archivedName = await t.gql(CREATE, { input: { name: `archiviert ${marker}`, kind: 'OTHER' } }, { token: t.tokens.admin });
      expect(archivedName.errors).toBeUndefined();
      // Back to one of its own former names: no other organisation has it.
      const back = await t.gql(
        RENAME,
        { input: { id: ministry, expectedVersion: 3, name: `Ministerium Alt ${marker}`, validFrom: dayFromToday(3) } },
        { token: t.tokens.admin },
      );
      expect(back.errors).toBeUndefined();
    });

    it('records a duplicate when allowDuplicateName is true, and says so in the audit trail', async () => {
      const marker = tag();
      const existing = await insertOrganisation(t.dataSource, { name: `Welcome Center ${marker}`, kind: 'WELCOME_CENTER' });
      const created = await t.gql(
        CREATE,
        { input: { name: `Welcome Center ${marker}`, kind: 'WELCOME_CENTER', allowDuplicateName: true } },
        { token: t.tokens.admin },
      );
      expect(created.errors).toBeUndefined();
      const id = created.data!.createOrganisation.id;
      expect(id).not.toBe(existing);
      const trail = await t.gql(TRAIL, { id }, { token: t.tokens.reader });
      expect(JSON.parse(trail.data!.auditTrail[0].changes)).toMatchObject({ allowDuplicateName: [null, true] });
      await expect(t.gql(LIST, { filter: { search: marker } }).then(names)).resolves.toEqual([
        `Welcome Center ${marker}`,
        `Welcome Center ${marker}`,
      ]);
    });

    it('applies to renameOrganisation and correctOrganisationName as well, each with allowDuplicateName', async () => {
      const marker = tag();
      const taken = await insertOrganisation(t.dataSource, { name: `DGB Nordwürttemberg ${marker}`, kind: 'TRADE_UNION' });
      const id = await insertOrganisation(t.dataSource, { name: `DGB Region ${marker}`, kind: 'TRADE_UNION' });
      const rename = { id, expectedVersion: 1, name: `dgb nordwürttemberg ${marker}`, validFrom: '2020-01-01' };
      const renamed = await t.gql(RENAME, { input: rename }, { token: t.tokens.admin });
      expect(renamed.errors![0].extensions).toMatchObject({ code: 'CONFLICT', existingId: taken });
      const corrected = await t.gql(
        CORRECT,
        { input: { id, expectedVersion: 1, name: `DGB  Nordwürttemberg ${marker}` } },
        { token: t.tokens.admin },
      );
      expect(corrected.errors![0].extensions).toMatchObject({ code: 'CONFLICT', existingId: taken });
      await expect(t.gql(READ, { id }).then((r) => r.data!.organisation)).resolves.toMatchObject({
        name: `DGB Region ${marker}`,
        version: 1,
      });
      await expect(t.gql(TRAIL, { id }, { token: t.tokens.reader }).then((r) => r.data!.auditTrail)).resolves.toEqual([]);
      const allowedRename = await t.gql(RENAME, { input: { ...rename, allowDuplicateName: true } }, { token: t.tokens.admin });
      expect(allowedRename.data!.renameOrganisation).toMatchObject({ name: `dgb nordwürttemberg ${marker}`, version: 2 });
      const allowedCorrection = await t.gql(
        CORRECT,
        { input: { id, expectedVersion: 2, name: `DGB Nordwürttemberg ${marker}`, allowDuplicateName: true } },
        { token: t.tokens.admin },
      );
      expect(allowedCorrection.data!.correctOrganisationName).toMatchObject({ name: `DGB Nordwürttemberg ${marker}`, version: 3 });
    });

    it('lets only one of two concurrent writers of a new name through', async () => {
      const name = `Gleichzeitig ${tag()}`;
      const results = await Promise.all(
        [t.tokens.admin, t.tokens.editor].map((token) => t.gql(CREATE, { input: { name, kind: 'OTHER' } }, { token })),
      );
      expect(results.map((r) => (r.errors ? r.errors[0].extensions.code : 'created')).sort()).toEqual(['CONFLICT', 'created']);
      await expect(t.gql(LIST, { filter: { search: name } }).then((r) => r.data!.organisations.totalCount)).resolves.toBe(1);
    });
  });

  describe('restoreOrganisation', () => {
    it('brings an archived organisation back into lists, with an audit event, and refuses one that is not archived', async () => {
      const marker = tag();
      const id = await insertOrganisation(t.dataSource, { name: `Wiederkehr ${marker}` });
      await t.gql(ARCHIVE, { id, v: 1 }, { token: t.tokens.admin });
      const stale = await t.gql(RESTORE, { id, v: 1 }, { token: t.tokens.admin });
      expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
      const restored = await t.gql(RESTORE, { id, v: 2 }, { token: t.tokens.editor });
      expect(restored.data!.restoreOrganisation).toEqual({ id, archivedAt: null, version: 3 });
      await expect(t.gql(LIST, { filter: { search: marker } }).then(names)).resolves.toEqual([`Wiederkehr ${marker}`]);
      const again = await t.gql(RESTORE, { id, v: 3 }, { token: t.tokens.admin });
      expect(again.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'id' })] });
      const trail = await t.gql(TRAIL, { id }, { token: t.tokens.reader });
      expect(trail.data!.auditTrail.map((e: { actor: string; action: string }) => [e.actor, e.action])).toEqual([
        ['editor', 'restoreOrganisation'],
        ['admin', 'archiveOrganisation'],
      ]);
      expect(JSON.parse(trail.data!.auditTrail[0].changes)).toEqual({ archivedAt: [expect.any(String), null] });
    });

    it('is CONFLICT naming the organisation that took one of its names while it was archived, unless the duplicate is allowed', async () => {
      const marker = tag();
      const id = await insertOrganisation(t.dataSource, { name: `Agentur Alt ${marker}` });
      await t.gql(
        RENAME,
        { input: { id, expectedVersion: 1, name: `Agentur Neu ${marker}`, validFrom: '2020-01-01' } },
        { token: t.tokens.admin },
      );
      await t.gql(ARCHIVE, { id, v: 2 }, { token: t.tokens.admin });
      const taker = await t.gql(CREATE, { input: { name: `agentur  alt ${marker}`, kind: 'OTHER' } }, { token: t.tokens.admin });
      expect(taker.errors).toBeUndefined();
      const refused = await t.gql(RESTORE, { id, v: 3 }, { token: t.tokens.admin });
      expect(refused.errors![0].extensions).toMatchObject({
        code: 'CONFLICT',
        existingId: taker.data!.createOrganisation.id,
        fields: [expect.objectContaining({ field: 'name' })],
      });
      await expect(t.gql(READ, { id }).then((r) => r.data!.organisation)).resolves.toMatchObject({
        version: 3,
        archivedAt: expect.any(String),
      });
      const allowed = await t.gql(
        `mutation($id: ID!, $v: Int!) { restoreOrganisation(id: $id, expectedVersion: $v, allowDuplicateName: true) { archivedAt version } }`,
        { id, v: 3 },
        { token: t.tokens.admin },
      );
      expect(allowed.data!.restoreOrganisation).toEqual({ archivedAt: null, version: 4 });
    });

    it('answers NOT_FOUND for an unknown id and BAD_USER_INPUT for a malformed one', async () => {
      await expect(
        t.gql(RESTORE, { id: UNKNOWN, v: 1 }, { token: t.tokens.admin }).then((r) => r.errors![0].extensions.code),
      ).resolves.toBe('NOT_FOUND');
      await expect(t.gql(RESTORE, { id: 'nope', v: 1 }, { token: t.tokens.admin }).then((r) => r.errors![0].extensions.code)).resolves.toBe(
        'BAD_USER_INPUT',
      );
    });

    it('is for ADMIN and EDITOR: an archived organisation is no current member of a coordinator’s alliances', async () => {
      const own = await insertAlliance(t.dataSource);
      const member = await insertOrganisation(t.dataSource, { archivedAt: new Date() });
      const stranger = await insertOrganisation(t.dataSource, { archivedAt: new Date() });
      await insertMembership(t.dataSource, { allianceId: own, organisationId: member });
      const coordinator = t.token('COORDINATOR', { sub: 'koordination-archiv', allianceIds: [own] });
      await expect(t.gql(RESTORE, { id: stranger, v: 1 }).then((r) => r.errors![0].extensions.code)).resolves.toBe('UNAUTHENTICATED');
      for (const token of [t.tokens.reader, coordinator]) {
        await expect(t.gql(RESTORE, { id: stranger, v: 1 }, { token }).then((r) => r.errors![0].extensions.code)).resolves.toBe(
          'FORBIDDEN',
        );
      }
      await expect(t.gql(READ, { id: stranger }).then((r) => r.data!.organisation)).resolves.toMatchObject({
        version: 1,
        archivedAt: expect.any(String),
      });
      await expect(t.gql(RESTORE, { id: member, v: 1 }, { token: coordinator }).then((r) => r.errors![0].extensions.code)).resolves.toBe(
        'FORBIDDEN',
      );
      const allowed = await t.gql(RESTORE, { id: member, v: 1 }, { token: t.tokens.editor });
      expect(allowed.data!.restoreOrganisation).toMatchObject({ archivedAt: null, version: 2 });
    });
  });

  describe('coordinators', () => {
    it('may create organisations, recorded under their own name', async () => {
      const token = t.token('COORDINATOR', { sub: 'koordination-hf', allianceIds: [await insertAlliance(t.dataSource)] });
      const result = await t.gql(CREATE, { input: { name: 'Welcome Center Heilbronn-Franken', kind: 'WELCOME_CENTER' } }, { token });
      expect(result.errors).toBeUndefined();
      const trail = await t.gql(TRAIL, { id: result.data!.createOrganisation.id }, { token: t.tokens.reader });
      expect(trail.data!.auditTrail).toEqual([expect.objectContaining({ actor: 'koordination-hf', action: 'createOrganisation' })]);
    });

    it('may change an organisation while it is a current member of one of its alliances, and no other', async () => {
      const own = await insertAlliance(t.dataSource);
      const other = await insertAlliance(t.dataSource);
      const member = await insertOrganisation(t.dataSource);
      const former = await insertOrganisation(t.dataSource);
      const future = await insertOrganisation(t.dataSource);
      const elsewhere = await insertOrganisation(t.dataSource);
      const nowhere = await insertOrganisation(t.dataSource);
      await insertMembership(t.dataSource, { allianceId: own, organisationId: member, joinedOn: '2012-04-20' });
      await insertMembership(t.dataSource, { allianceId: own, organisationId: former, joinedOn: '2012-04-20', leftOn: '2020-12-31' });
      await insertMembership(t.dataSource, { allianceId: own, organisationId: future, joinedOn: '2999-01-01' });
      await insertMembership(t.dataSource, { allianceId: other, organisationId: elsewhere });
      const token = t.token('COORDINATOR', { sub: 'koordination', allianceIds: [own] });

      const updated = await t.gql(UPDATE, { input: { id: member, expectedVersion: 1, website: 'https://mitglied.example' } }, { token });
      expect(updated.errors).toBeUndefined();
      const renamed = await t.gql(
        RENAME,
        { input: { id: member, expectedVersion: 2, name: 'Mitglied umbenannt', validFrom: '2020-01-01' } },
        { token },
      );
      expect(renamed.errors).toBeUndefined();
      const archived = await t.gql(ARCHIVE, { id: member, v: 3 }, { token });
      expect(archived.errors).toBeUndefined();

      for (const id of [former, future, elsewhere, nowhere]) {
        const update = await t.gql(UPDATE, { input: { id, expectedVersion: 1, website: 'https://fremd.example' } }, { token });
        expect(update.errors![0].extensions.code).toBe('FORBIDDEN');
        const rename = await t.gql(RENAME, { input: { id, expectedVersion: 1, name: 'Fremd', validFrom: '2020-01-01' } }, { token });
        expect(rename.errors![0].extensions.code).toBe('FORBIDDEN');
        const archive = await t.gql(ARCHIVE, { id, v: 1 }, { token });
        expect(archive.errors![0].extensions.code).toBe('FORBIDDEN');
        await expect(t.gql(READ, { id }).then((r) => r.data!.organisation)).resolves.toMatchObject({
          version: 1,
          website: null,
          archivedAt: null,
        });
        await expect(t.gql(TRAIL, { id }, { token: t.tokens.reader }).then((r) => r.data!.auditTrail)).resolves.toEqual([]);
      }
    });

    it('gets NOT_FOUND, not FORBIDDEN, for an id that names nothing', async () => {
      const token = t.token('COORDINATOR', { allianceIds: [await insertAlliance(t.dataSource)] });
      const result = await t.gql(UPDATE, { input: { id: UNKNOWN, expectedVersion: 1, website: 'https://x.example' } }, { token });
      expect(result.errors![0].extensions.code).toBe('NOT_FOUND');
    });

    it('is refused to readers and anonymous callers on every change', async () => {
      const id = await insertOrganisation(t.dataSource);
      for (const token of [t.tokens.reader, undefined]) {
        const expected = token ? 'FORBIDDEN' : 'UNAUTHENTICATED';
        await expect(
          t
            .gql(UPDATE, { input: { id, expectedVersion: 1, website: 'https://x.example' } }, { token })
            .then((r) => r.errors![0].extensions.code),
        ).resolves.toBe(expected);
        await expect(
          t
            .gql(RENAME, { input: { id, expectedVersion: 1, name: 'X', validFrom: '2020-01-01' } }, { token })
            .then((r) => r.errors![0].extensions.code),
        ).resolves.toBe(expected);
        await expect(t.gql(ARCHIVE, { id, v: 1 }, { token }).then((r) => r.errors![0].extensions.code)).resolves.toBe(expected);
      }
      await expect(t.gql(READ, { id }).then((r) => r.data!.organisation.version)).resolves.toBe(1);
    });
  });

  describe('auditTrail', () => {
    it('lists every write newest first with who did it and what changed', async () => {
      const alliance = await insertAlliance(t.dataSource);
      const created = await t.gql(
        CREATE,
        { input: { name: 'Arbeitgeberverband Heilbronn-Franken', kind: 'EMPLOYERS_ASSOCIATION' } },
        { token: t.tokens.admin },
      );
      const id = created.data!.createOrganisation.id;
      await insertMembership(t.dataSource, { allianceId: alliance, organisationId: id });
      await expect(
        t.gql(UPDATE, { input: { id, expectedVersion: 1, website: 'https://www.agv-hn.de' } }, { token: t.tokens.editor }),
      ).resolves.toMatchObject({ errors: undefined });
      const coordinator = t.token('COORDINATOR', { sub: 'koordination-agv', allianceIds: [alliance] });
      await expect(
        t.gql(
          RENAME,
          { input: { id, expectedVersion: 2, name: 'Arbeitgeber Heilbronn-Franken e. V.', validFrom: '2024-01-01' } },
          { token: coordinator },
        ),
      ).resolves.toMatchObject({
        errors: undefined,
      });
      const trail = await t.gql(TRAIL, { id }, { token: t.tokens.reader });
      expect(trail.data!.auditTrail.map((e: any) => ({ ...e, changes: JSON.parse(e.changes) }))).toEqual([
        {
          actor: 'koordination-agv',
          action: 'renameOrganisation',
          entityType: 'Organisation',
          entityId: id,
          changes: {
            name: ['Arbeitgeberverband Heilbronn-Franken', 'Arbeitgeber Heilbronn-Franken e. V.'],
            validFrom: [null, '2024-01-01'],
          },
        },
        {
          actor: 'editor',
          action: 'updateOrganisation',
          entityType: 'Organisation',
          entityId: id,
          changes: { website: [null, 'https://www.agv-hn.de'] },
        },
        {
          actor: 'admin',
          action: 'createOrganisation',
          entityType: 'Organisation',
          entityId: id,
          changes: expect.objectContaining({ id: [null, id], name: [null, 'Arbeitgeberverband Heilbronn-Franken'] }),
        },
      ]);
    });
  });

  describe('the organisation list', () => {
    it('pages through in German order without repeating or skipping', async () => {
      const marker = tag();
      for (const name of ['Zentrum', 'Übergangsbüro', 'Berufsschule', 'Ärztekammer', 'Straßenbauamt', 'Agentur']) {
        await insertOrganisation(t.dataSource, { name: `${name} ${marker}` });
      }
      const seen: string[] = [];
      const cursors = new Set<string>();
      let after: string | null = null;
      let pages = 0;
      do {
        const result: any = await t.gql(LIST, { filter: { search: marker }, first: 2, after });
        expect(result.errors).toBeUndefined();
        expect(result.data.organisations.totalCount).toBe(6);
        expect(result.data.organisations.edges).toHaveLength(2);
        seen.push(...names(result));
        for (const edge of result.data.organisations.edges) cursors.add(edge.cursor);
        after = result.data.organisations.pageInfo.hasNextPage ? result.data.organisations.pageInfo.endCursor : null;
        pages += 1;
      } while (after);
      expect(pages).toBe(3);
      expect(cursors.size).toBe(6);
      expect(seen).toEqual(
        ['Agentur', 'Ärztekammer', 'Berufsschule', 'Straßenbauamt', 'Übergangsbüro', 'Zentrum'].map((name) => `${name} ${marker}`),
      );
    });

    it('answers an empty page and a single exact page', async () => {
      const empty = await t.gql(LIST, { filter: { search: tag() } });
      expect(empty.errors).toBeUndefined();
      expect(empty.data!.organisations).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
      const marker = tag();
      await insertOrganisation(t.dataSource, { name: `Eins ${marker}` });
      await insertOrganisation(t.dataSource, { name: `Zwei ${marker}` });
      const exact = await t.gql(LIST, { filter: { search: marker }, first: 2 });
      expect(names(exact)).toEqual([`Eins ${marker}`, `Zwei ${marker}`]);
      expect(exact.data!.organisations.totalCount).toBe(2);
      expect(exact.data!.organisations.pageInfo).toEqual({ hasNextPage: false, endCursor: exact.data!.organisations.edges[1].cursor });
    });

    it('bounds first to 1..100 and refuses a cursor it did not issue', async () => {
      for (const first of [0, -1, 101]) {
        const result = await t.gql(LIST, { first });
        expect(result.errors![0].extensions.code).toBe('BAD_USER_INPUT');
        expect(result.errors![0].extensions.fields).toEqual([expect.objectContaining({ field: 'first' })]);
      }
      for (const after of ['bm90IGEgY3Vyc29y', 'garbage!', Buffer.from('["x","not-a-uuid"]').toString('base64url')]) {
        const forged = await t.gql(LIST, { after });
        expect(forged.errors![0].extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          fields: [expect.objectContaining({ field: 'after' })],
        });
      }
      const badFilter = await t.gql(LIST, { filter: { regionId: 'nope', allianceId: 'nope', kind: 'CHAMBER_OF_COMMERCE' } });
      expect(badFilter.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      expect(fields(badFilter)).toEqual(['allianceId', 'regionId']);
    });

    it('filters by kind', async () => {
      const marker = tag();
      await insertOrganisation(t.dataSource, { name: `IHK ${marker}`, kind: 'CHAMBER_OF_COMMERCE' });
      await insertOrganisation(t.dataSource, { name: `HWK ${marker}`, kind: 'CHAMBER_OF_CRAFTS' });
      await expect(t.gql(LIST, { filter: { search: marker, kind: 'CHAMBER_OF_CRAFTS' } }).then(names)).resolves.toEqual([`HWK ${marker}`]);
    });

    it("finds a district's organisation by the district, its region and the state, not by another region", async () => {
      const marker = tag();
      await insertOrganisation(t.dataSource, { name: `Landratsamt Schwäbisch Hall ${marker}`, kind: 'MUNICIPALITY', regionCode: '08127' });
      await insertOrganisation(t.dataSource, { name: `Ohne Region ${marker}` });
      for (const code of ['08127', '0802', '08']) {
        await expect(
          t.gql(LIST, { filter: { search: marker, regionId: await regionId(t.dataSource, code) } }).then(names),
        ).resolves.toEqual([`Landratsamt Schwäbisch Hall ${marker}`]);
      }
      await expect(
        t.gql(LIST, { filter: { search: marker, regionId: await regionId(t.dataSource, '0803') } }).then(names),
      ).resolves.toEqual([]);
      await expect(t.gql(LIST, { filter: { regionId: UNKNOWN } }).then(names)).resolves.toEqual([]);
    });

    it("filters by an alliance's current members only", async () => {
      const alliance = await insertAlliance(t.dataSource);
      const marker = tag();
      const current = await insertOrganisation(t.dataSource, { name: `Aktuell ${marker}` });
      const open = await insertOrganisation(t.dataSource, { name: `Ohne Beitrittsdatum ${marker}` });
      const former = await insertOrganisation(t.dataSource, { name: `Ehemalig ${marker}` });
      const future = await insertOrganisation(t.dataSource, { name: `Künftig ${marker}` });
      await insertOrganisation(t.dataSource, { name: `Nie Mitglied ${marker}` });
      await insertMembership(t.dataSource, { allianceId: alliance, organisationId: current, role: 'LEAD', joinedOn: '2012-04-20' });
      await insertMembership(t.dataSource, { allianceId: alliance, organisationId: open });
      await insertMembership(t.dataSource, { allianceId: alliance, organisationId: former, joinedOn: '2012-04-20', leftOn: '2019-06-30' });
      await insertMembership(t.dataSource, { allianceId: alliance, organisationId: future, joinedOn: '2999-01-01' });
      const result = await t.gql(LIST, { filter: { allianceId: alliance }, first: 100 });
      expect(names(result)).toEqual([`Aktuell ${marker}`, `Ohne Beitrittsdatum ${marker}`]);
      expect(result.data!.organisations.totalCount).toBe(2);
    });

    it('searches the name and the short name regardless of case and umlaut spelling', async () => {
      const marker = tag();
      await insertOrganisation(t.dataSource, {
        name: `Wirtschaftsförderung Zollernalb ${marker}`,
        shortName: `WFZ${marker}`,
        kind: 'ECONOMIC_DEVELOPMENT',
      });
      await insertOrganisation(t.dataSource, { name: `Handwerkskammer Reutlingen ${marker}`, kind: 'CHAMBER_OF_CRAFTS' });
      const search = async (text: string) => names(await t.gql(LIST, { filter: { search: text }, first: 100 }));
      await expect(search('handwerkskammer')).resolves.toContain(`Handwerkskammer Reutlingen ${marker}`);
      for (const text of [
        'Wirtschaftsforderung',
        'wirtschaftsfoerderung',
        'WIRTSCHAFTSFÖRDERUNG zollernalb',
        `wfz${marker.toLowerCase()}`,
      ]) {
        await expect(search(text)).resolves.toContain(`Wirtschaftsförderung Zollernalb ${marker}`);
      }
      await expect(search('100%_')).resolves.toEqual([]);
    });

    it('reads organisations with their regions, memberships and alliances in as many statements for 50 as for 5', async () => {
      const marker = tag();
      for (let i = 0; i < 12; i += 1) {
        const organisation = await insertOrganisation(t.dataSource, {
          name: `Mitglied ${i} ${marker}`,
          regionCode: i % 2 ? '08125' : '08126',
        });
        await insertMembership(t.dataSource, {
          allianceId: await insertAlliance(t.dataSource),
          organisationId: organisation,
          role: 'LEAD',
        });
      }
      const query = `query($first: Int, $search: String) { organisations(first: $first, filter: { search: $search }) {
        edges { node { name region { name parent { name } } nameHistory { name } memberships { role organisation { name } alliance { name lead { name } } } } } } }`;
      const check = await t.gql(query, { first: 50, search: marker });
      expect(check.errors).toBeUndefined();
      expect(check.data!.organisations.edges).toHaveLength(12);
      const small = await t.countStatements(() => t.gql(query, { first: 5, search: marker }));
      const large = await t.countStatements(() => t.gql(query, { first: 50, search: marker }));
      expect(large).toBe(small);
    });
  });

  describe('relations', () => {
    it("resolves an alliance's current lead, each membership's organisation and an organisation's memberships", async () => {
      const alliance = await insertAlliance(t.dataSource, { name: 'Fachkräftebündnis Führungstest' });
      const ihk = await insertOrganisation(t.dataSource, { name: 'IHK Heilbronn-Franken' });
      const formerLead = await insertOrganisation(t.dataSource, { name: 'Regionalverband Heilbronn-Franken' });
      const hwk = await insertOrganisation(t.dataSource, { name: 'Handwerkskammer Heilbronn-Franken', kind: 'CHAMBER_OF_CRAFTS' });
      await insertMembership(t.dataSource, {
        allianceId: alliance,
        organisationId: formerLead,
        role: 'LEAD',
        joinedOn: '2010-01-01',
        leftOn: '2012-04-20',
      });
      await insertMembership(t.dataSource, { allianceId: alliance, organisationId: ihk, role: 'LEAD', joinedOn: '2012-04-20' });
      await insertMembership(t.dataSource, { allianceId: alliance, organisationId: hwk, role: 'PARTNER', joinedOn: '2012-04-20' });
      const read = await t.gql(
        `query($id: ID!) { alliance(id: $id) { lead { id name } memberships(current: true) { role organisation { name } } } }`,
        { id: alliance },
      );
      expect(read.errors).toBeUndefined();
      expect(read.data!.alliance).toEqual({
        lead: { id: ihk, name: 'IHK Heilbronn-Franken' },
        memberships: [
          { role: 'LEAD', organisation: { name: 'IHK Heilbronn-Franken' } },
          { role: 'PARTNER', organisation: { name: 'Handwerkskammer Heilbronn-Franken' } },
        ],
      });
      const organisation = await t.gql(
        `query($id: ID!) { organisation(id: $id) { all: memberships { role leftOn alliance { name } } current: memberships(current: true) { role } } }`,
        { id: formerLead },
      );
      expect(organisation.data!.organisation).toEqual({
        all: [{ role: 'LEAD', leftOn: '2012-04-20', alliance: { name: 'Fachkräftebündnis Führungstest' } }],
        current: [],
      });
    });

    it('answers a null lead for an alliance without a current one', async () => {
      const alliance = await insertAlliance(t.dataSource);
      await insertMembership(t.dataSource, {
        allianceId: alliance,
        organisationId: await insertOrganisation(t.dataSource),
        role: 'PARTNER',
      });
      await insertMembership(t.dataSource, {
        allianceId: alliance,
        organisationId: await insertOrganisation(t.dataSource),
        role: 'LEAD',
        leftOn: '2020-01-01',
      });
      const read = await t.gql(`query($id: ID!) { alliance(id: $id) { lead { id } } }`, { id: alliance });
      expect(read.errors).toBeUndefined();
      expect(read.data!.alliance.lead).toBeNull();
    });
  });
});
