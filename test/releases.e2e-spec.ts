import {
  insertAgreement,
  insertAlliance,
  insertMeeting,
  insertOrganisation,
  insertPerson,
  insertRelease,
  rowCount,
} from './support/factories';
import { createTestApp, TestApp, WITHOUT_RESPONSE_CACHE } from './support/test-app';

const RELEASE_FIELDS = `id title publishedOn url body version publisher { id }
  links { relation alliance { id } organisation { id } person { id } agreement { id } meeting { id } }
  quotes { text person { id } }`;
const CREATE = `mutation($input: CreateReleaseInput!) { createRelease(input: $input) { ${RELEASE_FIELDS} } }`;
const LINK = `mutation($releaseId: ID!, $link: ReleaseLinkInput!) { linkRelease(releaseId: $releaseId, link: $link) { id version links { relation alliance { id } organisation { id } } } }`;
const READ = `query($id: ID!) { release(id: $id) { ${RELEASE_FIELDS} } }`;
const LIST = `query($filter: ReleaseFilter, $first: Int, $after: String) {
  releases(filter: $filter, first: $first, after: $after) { totalCount edges { cursor node { id title publishedOn } } pageInfo { hasNextPage endCursor } } }`;
const TRAIL = `query($id: ID!) { auditTrail(entityId: $id) { actor action entityType changes } }`;
const UPDATE = `mutation($input: UpdateReleaseInput!) { updateRelease(input: $input) { ${RELEASE_FIELDS} archivedAt } }`;
const UNLINK = `mutation($releaseId: ID!, $entityId: ID!, $v: Int!) { unlinkRelease(releaseId: $releaseId, entityId: $entityId, expectedVersion: $v) {
  id version links { relation alliance { id } organisation { id } person { id } } } }`;
const ARCHIVE = `mutation($id: ID!, $v: Int!) { archiveRelease(id: $id, expectedVersion: $v) { id version archivedAt } }`;
const RESTORE = `mutation($id: ID!, $v: Int!) { restoreRelease(id: $id, expectedVersion: $v) { id version archivedAt } }`;
const MISSING = '00000000-0000-4000-8000-000000000000';
const TABLES = ['release', 'release_link', 'release_quote', 'audit_event'];

describe('releases', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(WITHOUT_RESPONSE_CACHE);
  });
  afterAll(async () => {
    await t.close();
  });

  const ids = (result: { data: any }) => result.data.releases.edges.map((e: { node: { id: string } }) => e.node.id);
  const counts = () => Promise.all(TABLES.map((table) => rowCount(t.dataSource, table)));

  /** One record of every kind a release can link to. */
  async function records() {
    const alliance = await insertAlliance(t.dataSource);
    const partner = await insertAlliance(t.dataSource, { level: 'STATE', regionCode: '08' });
    const organisation = await insertOrganisation(t.dataSource);
    const person = await insertPerson(t.dataSource);
    const agreement = await insertAgreement(t.dataSource, { parties: [{ allianceId: partner }, { allianceId: alliance }] });
    const meeting = await insertMeeting(t.dataSource, { heldOn: '2013-10-29', agreementId: agreement });
    return { alliance, organisation, person, agreement, meeting };
  }

  async function create(input: Record<string, unknown>, token = t.tokens.admin) {
    const result = await t.gql(CREATE, { input: { title: 'Pressemitteilung', publishedOn: '2012-09-24', ...input } }, { token });
    expect(result.errors).toBeUndefined();
    return result.data!.createRelease as { id: string; version: number };
  }

  describe('createRelease', () => {
    it("records a release with links to every kind of record and quotes, readable back and as every record's source", async () => {
      const r = await records();
      const quoted = await insertPerson(t.dataSource, { givenName: 'Katrin', familyName: 'Schütz' });
      const publisher = await insertOrganisation(t.dataSource, { name: 'Ministerium für Finanzen und Wirtschaft' });
      const input = {
        title: '  Land und Region bündeln Kräfte für Fachkräfte ',
        publishedOn: '2012-09-24',
        publisherId: publisher,
        url: 'https://mfw.baden-wuerttemberg.de/pressemitteilung',
        body: 'Die Allianz für Fachkräfte und das Fachkräftebündnis Heilbronn-Franken unterzeichnen eine Kooperationsvereinbarung.',
        links: [
          { relation: 'ANNOUNCES', entityId: r.agreement },
          { relation: 'MENTIONS', entityId: r.alliance },
          { relation: 'MENTIONS', entityId: r.organisation },
          { relation: 'MENTIONS', entityId: r.person },
          { relation: 'ANNOUNCES', entityId: r.meeting.toUpperCase() },
        ],
        quotes: [
          { personId: quoted, text: ' Wir stärken die regionale Fachkräftesicherung. ' },
          { personId: r.person, text: 'Ein Meilenstein für Heilbronn-Franken.' },
        ],
      };
      const result = await t.gql(CREATE, { input }, { token: t.tokens.editor });
      expect(result.errors).toBeUndefined();
      const release = result.data!.createRelease;
      const none = { alliance: null, organisation: null, person: null, agreement: null, meeting: null };
      const expected = {
        title: 'Land und Region bündeln Kräfte für Fachkräfte',
        publishedOn: '2012-09-24',
        url: input.url,
        body: input.body,
        version: 1,
        publisher: { id: publisher },
        links: [
          { ...none, relation: 'ANNOUNCES', agreement: { id: r.agreement } },
          { ...none, relation: 'MENTIONS', alliance: { id: r.alliance } },
          { ...none, relation: 'MENTIONS', organisation: { id: r.organisation } },
          { ...none, relation: 'MENTIONS', person: { id: r.person } },
          { ...none, relation: 'ANNOUNCES', meeting: { id: r.meeting } },
        ],
        quotes: [
          { text: 'Wir stärken die regionale Fachkräftesicherung.', person: { id: quoted } },
          { text: 'Ein Meilenstein für Heilbronn-Franken.', person: { id: r.person } },
        ],
      };
      expect(release).toEqual({ id: expect.any(String), ...expected });
      await expect(t.gql(READ, { id: release.id })).resolves.toMatchObject({ data: { release: { id: release.id, ...expected } } });

      const sources = await t.gql(
        `query($alliance: ID!, $organisation: ID!, $person: ID!, $quoted: ID!, $agreement: ID!, $meeting: ID!, $publisher: ID!) {
          alliance(id: $alliance) { sources { id } } organisation(id: $organisation) { sources { id } } person(id: $person) { sources { id } }
          quoted: person(id: $quoted) { sources { id } } agreement(id: $agreement) { sources { id } } meeting(id: $meeting) { sources { id } }
          publisher: organisation(id: $publisher) { sources { id } } }`,
        { ...r, quoted, publisher },
      );
      expect(sources.errors).toBeUndefined();
      const one = { sources: [{ id: release.id }] };
      expect(sources.data).toEqual({
        alliance: one,
        organisation: one,
        person: one,
        quoted: one,
        agreement: one,
        meeting: one,
        publisher: { sources: [] },
      });

      const trail = await t.gql(TRAIL, { id: release.id }, { token: t.tokens.reader });
      expect(trail.data!.auditTrail).toHaveLength(1);
      expect(trail.data!.auditTrail[0]).toMatchObject({ actor: 'editor', action: 'createRelease', entityType: 'Release' });
      const changes = JSON.parse(trail.data!.auditTrail[0].changes);
      expect(changes.title).toEqual([null, expected.title]);
      expect(changes.links).toEqual([
        null,
        expect.arrayContaining([{ relation: 'MENTIONS', entityType: 'ALLIANCE', entityId: r.alliance }]),
      ]);
      expect(changes.quotes[1]).toHaveLength(2);
      expect(changes.search).toBeUndefined();
    });

    it('lists sources newest first, a person once even when both linked and quoted', async () => {
      const person = await insertPerson(t.dataSource);
      const older = await create({
        publishedOn: '2012-09-24',
        links: [{ relation: 'MENTIONS', entityId: person }],
        quotes: [{ personId: person, text: 'Zitat' }],
      });
      const newer = await create({ publishedOn: '2013-10-29', quotes: [{ personId: person, text: 'Noch ein Zitat' }] });
      const result = await t.gql(`query($id: ID!) { person(id: $id) { sources { id } } }`, { id: person });
      expect(result.data!.person.sources).toEqual([{ id: newer.id }, { id: older.id }]);
    });

    it('writes nothing when one link among many names no record, and names that link', async () => {
      const r = await records();
      const before = await counts();
      const result = await t.gql(
        CREATE,
        {
          input: {
            title: 'Fehlerhafte Verknüpfung',
            publishedOn: '2013-01-01',
            links: [
              { relation: 'MENTIONS', entityId: r.alliance },
              { relation: 'MENTIONS', entityId: r.organisation },
              { relation: 'MENTIONS', entityId: r.agreement },
              { relation: 'MENTIONS', entityId: MISSING },
              { relation: 'MENTIONS', entityId: r.meeting },
            ],
            quotes: [{ personId: r.person, text: 'Gut so.' }],
          },
        },
        { token: t.tokens.admin },
      );
      expect(result.errors![0].extensions.code).toBe('NOT_FOUND');
      expect(result.errors![0].extensions.fields).toEqual([{ field: 'links[3].entityId', message: expect.any(String) }]);
      expect(result.data).toBeNull();
      await expect(counts()).resolves.toEqual(before);
    });

    it('answers NOT_FOUND for a quoted person or a publisher that does not exist, writing nothing', async () => {
      const before = await counts();
      const result = await t.gql(
        CREATE,
        {
          input: {
            title: 'X',
            publishedOn: '2013-01-01',
            publisherId: MISSING,
            quotes: [
              { personId: await insertPerson(t.dataSource), text: 'ok' },
              { personId: MISSING, text: 'wer?' },
            ],
          },
        },
        { token: t.tokens.admin },
      );
      expect(result.errors![0].extensions.code).toBe('NOT_FOUND');
      expect(result.errors![0].extensions.fields!.map((f) => f.field)).toEqual(['publisherId', 'quotes[1].personId']);
      await expect(counts()).resolves.toEqual(before);
    });

    it('refuses a link to the same record twice with BAD_USER_INPUT', async () => {
      const alliance = await insertAlliance(t.dataSource);
      const before = await counts();
      const result = await t.gql(
        CREATE,
        {
          input: {
            title: 'Doppelt',
            publishedOn: '2013-01-01',
            links: [
              { relation: 'ANNOUNCES', entityId: alliance },
              { relation: 'MENTIONS', entityId: alliance },
            ],
          },
        },
        { token: t.tokens.admin },
      );
      expect(result.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      expect(result.errors![0].extensions.fields).toEqual([{ field: 'links[1].entityId', message: expect.any(String) }]);
      await expect(counts()).resolves.toEqual(before);
    });

    it('refuses a javascript: URL, a 301-character title and bad nested input, naming each field', async () => {
      const before = await counts();
      const url = await t.gql(
        CREATE,
        { input: { title: 'Titel', publishedOn: '2013-01-01', url: 'javascript:alert(1)' } },
        { token: t.tokens.admin },
      );
      expect(url.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      expect(url.errors![0].extensions.fields!.map((f) => f.field)).toEqual(['url']);
      const title = await t.gql(CREATE, { input: { title: 'x'.repeat(301), publishedOn: '2013-01-01' } }, { token: t.tokens.admin });
      expect(title.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      expect(title.errors![0].extensions.fields!.map((f) => f.field)).toEqual(['title']);
      const nested = await t.gql(
        CREATE,
        {
          input: {
            title: '   ',
            publishedOn: '2013-01-01',
            links: [{ relation: 'MENTIONS', entityId: 'nope' }],
            quotes: [{ personId: MISSING, text: '  ' }],
          },
        },
        { token: t.tokens.admin },
      );
      expect(nested.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      expect(nested.errors![0].extensions.fields!.map((f) => f.field).sort()).toEqual(['links[0].entityId', 'quotes[0].text', 'title']);
      const tooMany = await t.gql(
        CREATE,
        {
          input: {
            title: 'Viele',
            publishedOn: '2013-01-01',
            links: Array.from({ length: 201 }, () => ({ relation: 'MENTIONS', entityId: MISSING })),
          },
        },
        { token: t.tokens.admin },
      );
      expect(tooMany.errors![0].extensions.fields!.map((f) => f.field)).toEqual(['links']);
      const badDate = await t.gql(CREATE, { input: { title: 'Titel', publishedOn: '2013-02-30' } }, { token: t.tokens.admin });
      expect(badDate.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      await expect(counts()).resolves.toEqual(before);
    });

    it('needs a token and a writing role', async () => {
      const input = { title: 'Ohne Recht', publishedOn: '2013-01-01' };
      const before = await counts();
      const anonymous = await t.gql(CREATE, { input });
      expect(anonymous.errors![0].extensions.code).toBe('UNAUTHENTICATED');
      const reader = await t.gql(CREATE, { input }, { token: t.tokens.reader });
      expect(reader.errors![0].extensions.code).toBe('FORBIDDEN');
      await expect(counts()).resolves.toEqual(before);
    });
  });

  describe('linkRelease', () => {
    it('adds a link and raises the version; a new relation for a linked record changes it; the same link again is refused', async () => {
      const alliance = await insertAlliance(t.dataSource);
      const organisation = await insertOrganisation(t.dataSource);
      const release = await create({ links: [{ relation: 'MENTIONS', entityId: alliance }] });

      const added = await t.gql(
        LINK,
        { releaseId: release.id, link: { relation: 'MENTIONS', entityId: organisation } },
        { token: t.tokens.admin },
      );
      expect(added.errors).toBeUndefined();
      expect(added.data!.linkRelease).toEqual({
        id: release.id,
        version: 2,
        links: [
          { relation: 'MENTIONS', alliance: { id: alliance }, organisation: null },
          { relation: 'MENTIONS', alliance: null, organisation: { id: organisation } },
        ],
      });

      const changed = await t.gql(
        LINK,
        { releaseId: release.id, link: { relation: 'ANNOUNCES', entityId: alliance } },
        { token: t.tokens.editor },
      );
      expect(changed.data!.linkRelease.version).toBe(3);
      expect(changed.data!.linkRelease.links[0]).toEqual({ relation: 'ANNOUNCES', alliance: { id: alliance }, organisation: null });

      const before = await counts();
      const again = await t.gql(
        LINK,
        { releaseId: release.id, link: { relation: 'ANNOUNCES', entityId: alliance } },
        { token: t.tokens.admin },
      );
      expect(again.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      expect(again.errors![0].extensions.fields!.map((f) => f.field)).toEqual(['entityId']);
      await expect(counts()).resolves.toEqual(before);
      await expect(t.gql(READ, { id: release.id })).resolves.toMatchObject({ data: { release: { version: 3 } } });

      const trail = await t.gql(TRAIL, { id: release.id }, { token: t.tokens.reader });
      expect(trail.data!.auditTrail.map((e: { action: string }) => e.action)).toEqual(['linkRelease', 'linkRelease', 'createRelease']);
      expect(JSON.parse(trail.data!.auditTrail[0].changes).links[1][0].relation).toBe('ANNOUNCES');
      expect(trail.data!.auditTrail.every((e: { entityType: string }) => e.entityType === 'Release')).toBe(true);
    });

    it('answers NOT_FOUND for an unknown release or record, and BAD_USER_INPUT for a malformed id', async () => {
      const release = await create({});
      const before = await counts();
      const record = await t.gql(
        LINK,
        { releaseId: release.id, link: { relation: 'MENTIONS', entityId: MISSING } },
        { token: t.tokens.admin },
      );
      expect(record.errors![0].extensions).toMatchObject({
        code: 'NOT_FOUND',
        fields: [{ field: 'entityId', message: expect.any(String) }],
      });
      const unknown = await t.gql(
        LINK,
        { releaseId: MISSING, link: { relation: 'MENTIONS', entityId: await insertAlliance(t.dataSource) } },
        { token: t.tokens.admin },
      );
      expect(unknown.errors![0].extensions).toMatchObject({
        code: 'NOT_FOUND',
        fields: [{ field: 'releaseId', message: expect.any(String) }],
      });
      const malformed = await t.gql(
        LINK,
        { releaseId: 'nope', link: { relation: 'MENTIONS', entityId: MISSING } },
        { token: t.tokens.admin },
      );
      expect(malformed.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'releaseId', message: expect.any(String) }],
      });
      const malformedRecord = await t.gql(
        LINK,
        { releaseId: release.id, link: { relation: 'MENTIONS', entityId: 'nope' } },
        { token: t.tokens.admin },
      );
      expect(malformedRecord.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'entityId', message: expect.any(String) }],
      });
      await expect(counts()).resolves.toEqual(before);
    });

    it('lets a coordinator create and link its own releases, not one an admin created', async () => {
      const ownAlliance = await insertAlliance(t.dataSource);
      const token = t.token('COORDINATOR', { sub: 'koordination-hn', allianceIds: [ownAlliance] });
      const own = await create({ title: 'Eigene Mitteilung' }, token);
      const linked = await t.gql(LINK, { releaseId: own.id, link: { relation: 'ANNOUNCES', entityId: ownAlliance } }, { token });
      expect(linked.errors).toBeUndefined();
      expect(linked.data!.linkRelease.version).toBe(2);
      const trail = await t.gql(TRAIL, { id: own.id }, { token: t.tokens.reader });
      expect(trail.data!.auditTrail.map((e: { actor: string; action: string }) => [e.actor, e.action])).toEqual([
        ['koordination-hn', 'linkRelease'],
        ['koordination-hn', 'createRelease'],
      ]);

      const admins = await create({ title: 'Mitteilung des Ministeriums' });
      const before = await counts();
      const denied = await t.gql(LINK, { releaseId: admins.id, link: { relation: 'MENTIONS', entityId: ownAlliance } }, { token });
      expect(denied.errors![0].extensions.code).toBe('FORBIDDEN');
      const otherCoordinator = await t.gql(
        LINK,
        { releaseId: own.id, link: { relation: 'MENTIONS', entityId: await insertOrganisation(t.dataSource) } },
        { token: t.token('COORDINATOR', { sub: 'koordination-ow', allianceIds: [ownAlliance] }) },
      );
      expect(otherCoordinator.errors![0].extensions.code).toBe('FORBIDDEN');
      await expect(counts()).resolves.toEqual(before);
      await expect(t.gql(READ, { id: admins.id })).resolves.toMatchObject({ data: { release: { version: 1, links: [] } } });
    });

    it('needs a token and a writing role', async () => {
      const release = await create({});
      const link = { relation: 'MENTIONS', entityId: await insertAlliance(t.dataSource) };
      const anonymous = await t.gql(LINK, { releaseId: release.id, link });
      expect(anonymous.errors![0].extensions.code).toBe('UNAUTHENTICATED');
      const reader = await t.gql(LINK, { releaseId: release.id, link }, { token: t.tokens.reader });
      expect(reader.errors![0].extensions.code).toBe('FORBIDDEN');
      await expect(t.gql(READ, { id: release.id })).resolves.toMatchObject({ data: { release: { version: 1, links: [] } } });
    });
  });

  describe('release and releases', () => {
    it('answers null for an unknown id and BAD_USER_INPUT for a malformed one', async () => {
      const missing = await t.gql(READ, { id: MISSING });
      expect(missing.errors).toBeUndefined();
      expect(missing.data!.release).toBeNull();
      const malformed = await t.gql(READ, { id: 'nope' });
      expect(malformed.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    });

    it('finds German words by their stem, in any case, and not by an unrelated word', async () => {
      const publisherId = await insertOrganisation(t.dataSource);
      const id = await insertRelease(t.dataSource, {
        publisherId,
        title: 'Allianz für Fachkräfte und Heilbronn-Franken unterzeichnen',
        body: 'Das Land und die Region schließen eine Kooperationsvereinbarung über ein jährliches Spitzengespräch.',
      });
      await insertRelease(t.dataSource, { publisherId, title: 'Fachkräftekonferenz in Schwäbisch Hall', body: 'Die Konferenz tagte.' });
      const search = async (text: string) => ids(await t.gql(LIST, { filter: { publisherId, search: text } }));
      await expect(search('Kooperationsvereinbarungen')).resolves.toEqual([id]);
      await expect(search('kooperationsvereinbarung')).resolves.toEqual([id]);
      await expect(search('Spitzengespräche')).resolves.toEqual([id]);
      await expect(search('Windkraftanlage')).resolves.toEqual([]);
    });

    it('treats SQL-looking search text as text', async () => {
      const before = await rowCount(t.dataSource, 'release');
      for (const search of ["'; DROP TABLE release; --", "Kooperation' OR '1'='1", '!!&|:* ()<->', '"unbalanced']) {
        const result = await t.gql(LIST, { filter: { search } });
        const codes = (result.errors ?? []).map((e) => e.extensions.code);
        expect(codes.filter((code) => code !== 'BAD_USER_INPUT')).toEqual([]);
      }
      await expect(rowCount(t.dataSource, 'release')).resolves.toBe(before);
    });

    it('filters by publisher, an inclusive date range and a linked or quoted record', async () => {
      const publisherId = await insertOrganisation(t.dataSource);
      const alliance = await insertAlliance(t.dataSource);
      const person = await insertPerson(t.dataSource);
      const signed = await insertRelease(t.dataSource, {
        publisherId,
        publishedOn: '2012-09-24',
        links: [{ entityType: 'ALLIANCE', entityId: alliance }],
      });
      const met = (
        await create({ publisherId, publishedOn: '2013-10-29', quotes: [{ personId: person, text: 'Wir treffen uns wieder.' }] })
      ).id;
      const later = await insertRelease(t.dataSource, {
        publisherId,
        publishedOn: '2014-01-15',
        links: [{ entityType: 'PERSON', entityId: person }],
      });
      await insertRelease(t.dataSource, { publishedOn: '2013-10-29', links: [{ entityType: 'ALLIANCE', entityId: alliance }] });

      const list = async (filter: Record<string, unknown>) => ids(await t.gql(LIST, { filter }));
      await expect(list({ publisherId })).resolves.toEqual([later, met, signed]);
      await expect(list({ publisherId, from: '2012-09-24', to: '2013-10-29' })).resolves.toEqual([met, signed]);
      await expect(list({ publisherId, from: '2012-09-25' })).resolves.toEqual([later, met]);
      await expect(list({ publisherId, to: '2012-09-24' })).resolves.toEqual([signed]);
      await expect(list({ publisherId, linkedTo: alliance })).resolves.toEqual([signed]);
      await expect(list({ linkedTo: person })).resolves.toEqual([later, met]);
      await expect(list({ linkedTo: alliance })).resolves.toHaveLength(2);
      await expect(list({ publisherId: MISSING })).resolves.toEqual([]);

      const reversed = await t.gql(LIST, { filter: { from: '2014-01-01', to: '2013-01-01' } });
      expect(reversed.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      expect(reversed.errors![0].extensions.fields!.map((f) => f.field)).toEqual(['to']);
      const badId = await t.gql(LIST, { filter: { linkedTo: 'nope' } });
      expect(badId.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    });

    it('pages newest first without repeating or skipping, also across releases of one day', async () => {
      const publisherId = await insertOrganisation(t.dataSource);
      const empty = await t.gql(LIST, { filter: { publisherId } });
      expect(empty.data!.releases).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });

      const days = ['2012-09-24', '2013-10-29', '2013-10-29', '2013-10-29', '2015-05-04'];
      const created = [];
      for (const publishedOn of days) created.push({ id: await insertRelease(t.dataSource, { publisherId, publishedOn }), publishedOn });
      const expected = created
        .sort((a, b) => (a.publishedOn === b.publishedOn ? (a.id < b.id ? 1 : -1) : a.publishedOn < b.publishedOn ? 1 : -1))
        .map((r) => r.id);

      const whole = await t.gql(LIST, { filter: { publisherId }, first: 5 });
      expect(whole.data!.releases.pageInfo).toEqual({ hasNextPage: false, endCursor: whole.data!.releases.edges[4].cursor });
      expect(ids(whole)).toEqual(expected);

      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const result: any = await t.gql(LIST, { filter: { publisherId }, first: 2, after });
        expect(result.data.releases.totalCount).toBe(5);
        seen.push(...ids(result));
        after = result.data.releases.pageInfo.hasNextPage ? result.data.releases.pageInfo.endCursor : null;
        pages += 1;
      } while (after);
      expect(pages).toBe(3);
      expect(seen).toEqual(expected);
    });

    it('refuses first outside 1..100 and a cursor it did not hand out', async () => {
      for (const first of [0, -1, 101]) {
        const result = await t.gql(LIST, { first });
        expect(result.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      }
      const forged = Buffer.from(JSON.stringify(['not a date', MISSING])).toString('base64url');
      for (const after of ['garbage', forged]) {
        const result = await t.gql(LIST, { after });
        expect(result.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      }
    });

    it('costs the same number of SQL statements for 5 releases with links and quotes as for 50', async () => {
      const publisherId = await insertOrganisation(t.dataSource);
      const alliance = await insertAlliance(t.dataSource);
      const organisation = await insertOrganisation(t.dataSource);
      const person = await insertPerson(t.dataSource);
      for (let day = 1; day <= 50; day += 1) {
        await create({
          publisherId,
          publishedOn: `2014-03-${String((day % 28) + 1).padStart(2, '0')}`,
          links: [
            { relation: 'MENTIONS', entityId: alliance },
            { relation: 'MENTIONS', entityId: organisation },
          ],
          quotes: [{ personId: person, text: `Zitat ${day}` }],
        });
      }
      const query = `query($filter: ReleaseFilter, $first: Int) { releases(filter: $filter, first: $first) {
        edges { node { id publisher { id } links { relation alliance { id name } organisation { id name } } quotes { text person { id } } } } } }`;
      const page = async (first: number) => {
        let result: any;
        const statements = await t.countStatements(async () => {
          result = await t.gql(query, { filter: { publisherId }, first });
        });
        expect(result.errors).toBeUndefined();
        expect(result.data.releases.edges).toHaveLength(first);
        return statements;
      };
      const five = await page(5);
      await expect(page(50)).resolves.toBe(five);
      expect(five).toBeLessThanOrEqual(8);
    });
  });

  const codeOf = (result: { errors?: { extensions: { code: string } }[] }) => result.errors?.[0]?.extensions.code;
  const fieldsOf = (result: { errors?: { extensions: { fields?: { field: string }[] } }[] }) =>
    result.errors?.[0]?.extensions.fields?.map((f) => f.field);
  const actions = async (id: string) =>
    (await t.gql(TRAIL, { id }, { token: t.tokens.reader })).data!.auditTrail.map((e: { actor: string; action: string }) => [
      e.actor,
      e.action,
    ]);
  const sourcesOf = async (id: string) =>
    (await t.gql(`query($id: ID!) { person(id: $id) { sources { id } } }`, { id })).data!.person.sources.map((r: { id: string }) => r.id);

  describe('updateRelease', () => {
    it('corrects the fields, replaces the quotes entirely and in order, and reads it back; the quoted people follow', async () => {
      const [first, second, third] = [await insertPerson(t.dataSource), await insertPerson(t.dataSource), await insertPerson(t.dataSource)];
      const publisher = await insertOrganisation(t.dataSource);
      const release = await create({
        title: 'Kooperationsvereinbarung unterzeichent',
        quotes: [
          { personId: first, text: 'Erstes Zitat.' },
          { personId: second, text: 'Zweites Zitat.' },
        ],
      });
      const updated = await t.gql(
        UPDATE,
        {
          input: {
            id: release.id,
            expectedVersion: 1,
            title: ' Kooperationsvereinbarung unterzeichnet ',
            publishedOn: '2012-09-25',
            publisherId: publisher,
            url: 'https://wm.baden-wuerttemberg.de/pm',
            body: 'Stuttgart/Heilbronn.',
            quotes: [
              { personId: third, text: ' Drittes Zitat. ' },
              { personId: first, text: 'Erstes Zitat, berichtigt.' },
            ],
          },
        },
        { token: t.tokens.editor },
      );
      expect(updated.errors).toBeUndefined();
      const expected = {
        id: release.id,
        title: 'Kooperationsvereinbarung unterzeichnet',
        publishedOn: '2012-09-25',
        url: 'https://wm.baden-wuerttemberg.de/pm',
        body: 'Stuttgart/Heilbronn.',
        version: 2,
        publisher: { id: publisher },
        links: [],
        quotes: [
          { text: 'Drittes Zitat.', person: { id: third } },
          { text: 'Erstes Zitat, berichtigt.', person: { id: first } },
        ],
      };
      expect(updated.data!.updateRelease).toEqual({ ...expected, archivedAt: null });
      await expect(t.gql(READ, { id: release.id })).resolves.toMatchObject({ data: { release: expected } });
      await expect(sourcesOf(second)).resolves.toEqual([]);
      await expect(sourcesOf(third)).resolves.toEqual([release.id]);

      // Omitted quotes stay; null clears the optional fields; [] removes every quote.
      const cleared = await t.gql(
        UPDATE,
        { input: { id: release.id, expectedVersion: 2, publisherId: null, url: null, body: null } },
        { token: t.tokens.admin },
      );
      expect(cleared.data!.updateRelease).toMatchObject({ publisher: null, url: null, body: null, quotes: expected.quotes, version: 3 });
      const unquoted = await t.gql(UPDATE, { input: { id: release.id, expectedVersion: 3, quotes: [] } }, { token: t.tokens.admin });
      expect(unquoted.data!.updateRelease).toMatchObject({ title: expected.title, quotes: [], version: 4 });
      await expect(sourcesOf(first)).resolves.toEqual([]);

      const trail = await t.gql(TRAIL, { id: release.id }, { token: t.tokens.reader });
      expect(trail.data!.auditTrail.map((e: { actor: string; action: string }) => [e.actor, e.action])).toEqual([
        ['admin', 'updateRelease'],
        ['admin', 'updateRelease'],
        ['editor', 'updateRelease'],
        ['admin', 'createRelease'],
      ]);
      const changes = JSON.parse(trail.data!.auditTrail[2].changes);
      expect(changes).toEqual({
        title: ['Kooperationsvereinbarung unterzeichent', 'Kooperationsvereinbarung unterzeichnet'],
        publishedOn: ['2012-09-24', '2012-09-25'],
        publisherId: [null, publisher],
        url: [null, 'https://wm.baden-wuerttemberg.de/pm'],
        body: [null, 'Stuttgart/Heilbronn.'],
        quotes: [
          [
            { personId: first, text: 'Erstes Zitat.' },
            { personId: second, text: 'Zweites Zitat.' },
          ],
          [
            { personId: third, text: 'Drittes Zitat.' },
            { personId: first, text: 'Erstes Zitat, berichtigt.' },
          ],
        ],
      });
      expect(Object.keys(JSON.parse(trail.data!.auditTrail[1].changes)).sort()).toEqual(['body', 'publisherId', 'url']);
    });

    it('answers NOT_FOUND for a quoted person or a publisher that does not exist, and writes nothing', async () => {
      const person = await insertPerson(t.dataSource);
      const release = await create({ quotes: [{ personId: person, text: 'Bleibt.' }] });
      const before = await counts();
      const result = await t.gql(
        UPDATE,
        {
          input: {
            id: release.id,
            expectedVersion: 1,
            title: 'Nicht geschrieben',
            publisherId: MISSING,
            quotes: [
              { personId: person, text: 'Neu.' },
              { personId: MISSING, text: 'Wer?' },
            ],
          },
        },
        { token: t.tokens.admin },
      );
      expect(codeOf(result)).toBe('NOT_FOUND');
      expect(fieldsOf(result)).toEqual(['publisherId', 'quotes[1].personId']);
      await expect(counts()).resolves.toEqual(before);
      await expect(t.gql(READ, { id: release.id })).resolves.toMatchObject({
        data: { release: { title: 'Pressemitteilung', version: 1, quotes: [{ text: 'Bleibt.', person: { id: person } }] } },
      });
    });

    it('refuses a stale version with CONFLICT, an unknown release with NOT_FOUND and bad input, writing nothing', async () => {
      const release = await create({});
      await t.gql(UPDATE, { input: { id: release.id, expectedVersion: 1, body: 'Text' } }, { token: t.tokens.admin });
      const before = await counts();
      const stale = await t.gql(UPDATE, { input: { id: release.id, expectedVersion: 1, title: 'Veraltet' } }, { token: t.tokens.admin });
      expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
      const unknown = await t.gql(UPDATE, { input: { id: MISSING, expectedVersion: 1, title: 'X' } }, { token: t.tokens.admin });
      expect(codeOf(unknown)).toBe('NOT_FOUND');
      expect(fieldsOf(unknown)).toEqual(['id']);
      const bad = await t.gql(
        UPDATE,
        {
          input: {
            id: release.id,
            expectedVersion: 2,
            title: '   ',
            publishedOn: null,
            url: 'javascript:alert(1)',
            quotes: [{ personId: 'nope', text: '  ' }],
          },
        },
        { token: t.tokens.admin },
      );
      expect(codeOf(bad)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(bad)!.sort()).toEqual(['publishedOn', 'quotes[0].personId', 'quotes[0].text', 'title', 'url']);
      const nullQuotes = await t.gql(UPDATE, { input: { id: release.id, expectedVersion: 2, quotes: null } }, { token: t.tokens.admin });
      expect(fieldsOf(nullQuotes)).toEqual(['quotes']);
      await expect(counts()).resolves.toEqual(before);
    });

    it('needs a writing role; a coordinator corrects only the releases it created', async () => {
      const token = t.token('COORDINATOR', { sub: 'koordination-hn', allianceIds: [await insertAlliance(t.dataSource)] });
      const own = await create({ title: 'Eigene' }, token);
      const admins = await create({ title: 'Des Ministeriums' });
      const before = await counts();
      const input = (id: string) => ({ input: { id, expectedVersion: 1, title: 'Berichtigt' } });
      await expect(t.gql(UPDATE, input(own.id)).then(codeOf)).resolves.toBe('UNAUTHENTICATED');
      await expect(t.gql(UPDATE, input(own.id), { token: t.tokens.reader }).then(codeOf)).resolves.toBe('FORBIDDEN');
      await expect(t.gql(UPDATE, input(admins.id), { token }).then(codeOf)).resolves.toBe('FORBIDDEN');
      const other = t.token('COORDINATOR', { sub: 'koordination-ow', allianceIds: [] });
      await expect(t.gql(UPDATE, input(own.id), { token: other }).then(codeOf)).resolves.toBe('FORBIDDEN');
      await expect(counts()).resolves.toEqual(before);
      await expect(t.gql(UPDATE, input(own.id), { token })).resolves.toMatchObject({
        errors: undefined,
        data: { updateRelease: { title: 'Berichtigt', version: 2 } },
      });
      await expect(actions(own.id)).resolves.toEqual([
        ['koordination-hn', 'updateRelease'],
        ['koordination-hn', 'createRelease'],
      ]);
    });
  });

  describe('unlinkRelease', () => {
    it('removes one link, raises the version, and the record no longer lists the release among its sources', async () => {
      const alliance = await insertAlliance(t.dataSource);
      const person = await insertPerson(t.dataSource);
      const organisation = await insertOrganisation(t.dataSource);
      const release = await create({
        links: [
          { relation: 'ANNOUNCES', entityId: alliance },
          { relation: 'MENTIONS', entityId: person },
          { relation: 'MENTIONS', entityId: organisation },
        ],
      });
      const result = await t.gql(UNLINK, { releaseId: release.id, entityId: person.toUpperCase(), v: 1 }, { token: t.tokens.editor });
      expect(result.errors).toBeUndefined();
      const none = { alliance: null, organisation: null, person: null };
      expect(result.data!.unlinkRelease).toEqual({
        id: release.id,
        version: 2,
        links: [
          { ...none, relation: 'ANNOUNCES', alliance: { id: alliance } },
          { ...none, relation: 'MENTIONS', organisation: { id: organisation } },
        ],
      });
      await expect(sourcesOf(person)).resolves.toEqual([]);
      const linked = await t.gql(LIST, { filter: { linkedTo: person } });
      expect(ids(linked)).toEqual([]);
      // Linking again appends after the links that are left.
      await t.gql(LINK, { releaseId: release.id, link: { relation: 'MENTIONS', entityId: person } }, { token: t.tokens.admin });
      const read = await t.gql(READ, { id: release.id });
      expect(read.data!.release.links.map((l: any) => l.person?.id ?? l.alliance?.id ?? l.organisation?.id)).toEqual([
        alliance,
        organisation,
        person,
      ]);

      const trail = await t.gql(TRAIL, { id: release.id }, { token: t.tokens.reader });
      expect(trail.data!.auditTrail[1]).toMatchObject({ actor: 'editor', action: 'unlinkRelease', entityType: 'Release' });
      const changes = JSON.parse(trail.data!.auditTrail[1].changes);
      expect(Object.keys(changes)).toEqual(['links']);
      expect(changes.links[0]).toHaveLength(3);
      expect(changes.links[1]).toEqual([
        { relation: 'ANNOUNCES', entityType: 'ALLIANCE', entityId: alliance },
        { relation: 'MENTIONS', entityType: 'ORGANISATION', entityId: organisation },
      ]);
    });

    it('answers NOT_FOUND for a record it does not link to or an unknown release, CONFLICT when stale, writing nothing', async () => {
      const alliance = await insertAlliance(t.dataSource);
      const release = await create({ links: [{ relation: 'MENTIONS', entityId: alliance }] });
      const before = await counts();
      const unlinked = await t.gql(
        UNLINK,
        { releaseId: release.id, entityId: await insertAlliance(t.dataSource), v: 1 },
        { token: t.tokens.admin },
      );
      expect(codeOf(unlinked)).toBe('NOT_FOUND');
      expect(fieldsOf(unlinked)).toEqual(['entityId']);
      const unknown = await t.gql(UNLINK, { releaseId: MISSING, entityId: alliance, v: 1 }, { token: t.tokens.admin });
      expect(codeOf(unknown)).toBe('NOT_FOUND');
      expect(fieldsOf(unknown)).toEqual(['releaseId']);
      const stale = await t.gql(UNLINK, { releaseId: release.id, entityId: alliance, v: 2 }, { token: t.tokens.admin });
      expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 1 });
      const malformed = await t.gql(UNLINK, { releaseId: release.id, entityId: 'nope', v: 1 }, { token: t.tokens.admin });
      expect(codeOf(malformed)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(malformed)).toEqual(['entityId']);
      await expect(counts()).resolves.toEqual(before);
      await expect(t.gql(READ, { id: release.id })).resolves.toMatchObject({
        data: { release: { version: 1, links: [{ alliance: { id: alliance } }] } },
      });
    });

    it('needs a writing role; a coordinator unlinks only the releases it created', async () => {
      const alliance = await insertAlliance(t.dataSource);
      const token = t.token('COORDINATOR', { sub: 'koordination-hn', allianceIds: [alliance] });
      const links = [{ relation: 'MENTIONS', entityId: alliance }];
      const own = await create({ links }, token);
      const admins = await create({ links });
      const before = await counts();
      const unlink = (releaseId: string, as?: string) => t.gql(UNLINK, { releaseId, entityId: alliance, v: 1 }, { token: as });
      await expect(unlink(own.id).then(codeOf)).resolves.toBe('UNAUTHENTICATED');
      await expect(unlink(own.id, t.tokens.reader).then(codeOf)).resolves.toBe('FORBIDDEN');
      await expect(unlink(admins.id, token).then(codeOf)).resolves.toBe('FORBIDDEN');
      await expect(counts()).resolves.toEqual(before);
      await expect(unlink(own.id, token)).resolves.toMatchObject({ errors: undefined, data: { unlinkRelease: { version: 2, links: [] } } });
      await expect(actions(own.id)).resolves.toEqual([
        ['koordination-hn', 'unlinkRelease'],
        ['koordination-hn', 'createRelease'],
      ]);
    });
  });

  describe('archiveRelease and restoreRelease', () => {
    it("takes an archived release out of the list and every record's sources, still answers it by id, and brings it back", async () => {
      const r = await records();
      const publisherId = await insertOrganisation(t.dataSource);
      const quoted = await insertPerson(t.dataSource);
      const links = [r.alliance, r.organisation, r.person, r.agreement, r.meeting].map((entityId) => ({ relation: 'MENTIONS', entityId }));
      const kept = await create({ publisherId, publishedOn: '2012-09-24', links: [{ relation: 'MENTIONS', entityId: r.alliance }] });
      const archived = await create({ publisherId, publishedOn: '2013-10-29', links, quotes: [{ personId: quoted, text: 'Archiviert.' }] });
      const VIEWS = `query($publisherId: ID!, $id: ID!, $alliance: ID!, $organisation: ID!, $person: ID!, $quoted: ID!, $agreement: ID!, $meeting: ID!) {
        listed: releases(filter: { publisherId: $publisherId }) { totalCount edges { node { id } } }
        all: releases(filter: { publisherId: $publisherId, includeArchived: true }) { totalCount edges { node { id archivedAt } } }
        linked: releases(filter: { linkedTo: $quoted }) { totalCount }
        release(id: $id) { id version archivedAt links { relation } }
        alliance(id: $alliance) { sources { id } } organisation(id: $organisation) { sources { id } } person(id: $person) { sources { id } }
        quoted: person(id: $quoted) { sources { id } } agreement(id: $agreement) { sources { id } } meeting(id: $meeting) { sources { id } }
        stats { releases }
      }`;
      const views = async () => {
        const result = await t.gql(VIEWS, { ...r, publisherId, quoted, id: archived.id });
        expect(result.errors).toBeUndefined();
        return result.data!;
      };
      const before = await views();

      const done = await t.gql(ARCHIVE, { id: archived.id, v: 1 }, { token: t.tokens.editor });
      expect(done.errors).toBeUndefined();
      const archivedAt = done.data!.archiveRelease.archivedAt;
      expect(done.data!.archiveRelease).toEqual({ id: archived.id, version: 2, archivedAt: expect.any(String) });
      const none = { sources: [] };
      await expect(views()).resolves.toEqual({
        listed: { totalCount: 1, edges: [{ node: { id: kept.id } }] },
        all: { totalCount: 2, edges: [{ node: { id: archived.id, archivedAt } }, { node: { id: kept.id, archivedAt: null } }] },
        linked: { totalCount: 0 },
        release: { id: archived.id, version: 2, archivedAt, links: links.map(() => ({ relation: 'MENTIONS' })) },
        alliance: { sources: [{ id: kept.id }] },
        organisation: none,
        person: none,
        quoted: none,
        agreement: none,
        meeting: none,
        stats: { releases: before.stats.releases - 1 },
      });

      const restored = await t.gql(RESTORE, { id: archived.id, v: 2 }, { token: t.tokens.admin });
      expect(restored.data!.restoreRelease).toEqual({ id: archived.id, version: 3, archivedAt: null });
      await expect(views()).resolves.toEqual({ ...before, release: { ...before.release, version: 3 } });
      expect(before.alliance.sources).toEqual([{ id: archived.id }, { id: kept.id }]);
      expect(before.quoted.sources).toEqual([{ id: archived.id }]);
      const trail = await t.gql(TRAIL, { id: archived.id }, { token: t.tokens.reader });
      expect(trail.data!.auditTrail.map((e: { actor: string; action: string }) => [e.actor, e.action])).toEqual([
        ['admin', 'restoreRelease'],
        ['editor', 'archiveRelease'],
        ['admin', 'createRelease'],
      ]);
      // Only what changed: not the search index PostgreSQL keeps of title and body.
      expect(JSON.parse(trail.data!.auditTrail[1].changes)).toEqual({ archivedAt: [null, archivedAt] });
      expect(JSON.parse(trail.data!.auditTrail[0].changes)).toEqual({ archivedAt: [archivedAt, null] });
    });

    it('refuses archiving twice, restoring what is not archived, a stale version and an unknown id, writing nothing', async () => {
      const release = await create({});
      const notArchived = await t.gql(RESTORE, { id: release.id, v: 1 }, { token: t.tokens.admin });
      expect(codeOf(notArchived)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(notArchived)).toEqual(['id']);
      await t.gql(ARCHIVE, { id: release.id, v: 1 }, { token: t.tokens.admin });
      const before = await counts();
      const twice = await t.gql(ARCHIVE, { id: release.id, v: 2 }, { token: t.tokens.admin });
      expect(codeOf(twice)).toBe('BAD_USER_INPUT');
      const stale = await t.gql(RESTORE, { id: release.id, v: 1 }, { token: t.tokens.admin });
      expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
      const unknown = await t.gql(ARCHIVE, { id: MISSING, v: 1 }, { token: t.tokens.admin });
      expect(codeOf(unknown)).toBe('NOT_FOUND');
      expect(fieldsOf(unknown)).toEqual(['id']);
      await expect(counts()).resolves.toEqual(before);
    });

    it('needs a writing role; a coordinator archives and restores only the releases it created', async () => {
      const token = t.token('COORDINATOR', { sub: 'koordination-hn', allianceIds: [await insertAlliance(t.dataSource)] });
      const own = await create({}, token);
      const admins = await create({});
      const before = await counts();
      await expect(t.gql(ARCHIVE, { id: own.id, v: 1 }).then(codeOf)).resolves.toBe('UNAUTHENTICATED');
      await expect(t.gql(ARCHIVE, { id: own.id, v: 1 }, { token: t.tokens.reader }).then(codeOf)).resolves.toBe('FORBIDDEN');
      await expect(t.gql(ARCHIVE, { id: admins.id, v: 1 }, { token }).then(codeOf)).resolves.toBe('FORBIDDEN');
      await expect(counts()).resolves.toEqual(before);
      await expect(t.gql(ARCHIVE, { id: own.id, v: 1 }, { token })).resolves.toMatchObject({ data: { archiveRelease: { version: 2 } } });
      await expect(t.gql(RESTORE, { id: own.id, v: 2 }, { token })).resolves.toMatchObject({ data: { restoreRelease: { version: 3 } } });
      await t.gql(ARCHIVE, { id: admins.id, v: 1 }, { token: t.tokens.admin });
      await expect(t.gql(RESTORE, { id: admins.id, v: 2 }, { token }).then(codeOf)).resolves.toBe('FORBIDDEN');
    });
  });
});
