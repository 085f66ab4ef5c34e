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

      const trail = await t.gql(TRAIL, { id: release.id });
      expect(trail.data!.auditTrail).toHaveLength(1);
      expect(trail.data!.auditTrail[0]).toMatchObject({ actor: 'editor', action: 'createRelease', entityType: 'Release' });
      const changes = JSON.parse(trail.data!.auditTrail[0].changes);
      expect(changes.title).toEqual([null, expected.title]);
      expect(changes.links).toEqual([
        null,
        expect.arrayContaining([{ relation: 'MENTIONS', entityType: 'ALLIANCE', entityId: r.alliance }]),
      ]);
      expect(changes.quotes[1]).toHaveLength(2);
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

      const trail = await t.gql(TRAIL, { id: release.id });
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
      const trail = await t.gql(TRAIL, { id: own.id });
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
});
