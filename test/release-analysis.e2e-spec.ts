import { insertAlliance, insertOrganisation, insertPerson, insertRole } from './support/factories';
import { MINISTRY_NAMES, OSTWUERTTEMBERG_RELEASE } from './support/sample-releases';
import { snapshotTableCounts } from './support/table-counts';
import { createTestApp, TestApp, WITHOUT_RESPONSE_CACHE } from './support/test-app';

const ANALYSE = `query($text: String!, $publishedOn: Date) {
  analyseRelease(text: $text, publishedOn: $publishedOn) {
    title publishedOn body
    publisher { text start end organisation { id } proposedName }
    dates { text start end on }
    organisations { text start end organisation { id name } proposedName proposedKind }
    people { text start end honorificPrefix givenName familyName title person { id } organisation { id } }
    quotes { text start end speaker { familyName person { id } } }
    alliances { text start end alliance { id } }
    agreement { title signedOn parties { alliance { id } } commitments { kind description instruments } }
  } }`;
const IMPORT = `mutation($input: ImportReleaseInput!) { importRelease(input: $input) {
  id title publishedOn body publisher { id name }
  links { relation alliance { id } organisation { id name kind } person { id displayName } }
  quotes { text person { id displayName } } } }`;
const READ = `query($id: ID!) { release(id: $id) { id title links { relation alliance { id } organisation { id name } person { id displayName } }
  quotes { text person { id displayName } } } }`;
const TRAIL = `query($id: ID!) { auditTrail(entityId: $id) { actor action entityType } }`;
const MISSING = '00000000-0000-4000-8000-000000000000';

interface Analysis {
  title: string;
  publishedOn: string;
  body: string;
  publisher: { text: string; organisation: { id: string } | null };
  dates: { text: string; start: number; end: number; on: string }[];
  organisations: {
    text: string;
    start: number;
    end: number;
    organisation: { id: string; name: string } | null;
    proposedName: string | null;
    proposedKind: string | null;
  }[];
  people: {
    text: string;
    start: number;
    end: number;
    honorificPrefix: string | null;
    givenName: string;
    familyName: string;
    title: string | null;
    person: { id: string } | null;
    organisation: { id: string } | null;
  }[];
  quotes: { text: string; start: number; end: number; speaker: { familyName: string; person: { id: string } | null } }[];
  alliances: { text: string; start: number; end: number; alliance: { id: string } | null }[];
  agreement: {
    title: string;
    signedOn: string;
    parties: { alliance: { id: string } }[];
    commitments: { kind: string; description: string; instruments: string[] }[];
  };
}

describe('from a press release to records', () => {
  let t: TestApp;
  let ids: { ministry: string; ihk: string; hwk: string; sommer: string; brenner: string; state: string; regional: string };

  beforeAll(async () => {
    t = await createTestApp(WITHOUT_RESPONSE_CACHE);
    const ds = t.dataSource;
    const ministry = await insertOrganisation(ds, { name: MINISTRY_NAMES[2].name, kind: 'MINISTRY', regionCode: '08' });
    await ds.query('DELETE FROM organisation_name WHERE organisation_id = $1', [ministry]);
    for (const { name, validFrom, validTo } of MINISTRY_NAMES) {
      await ds.query('INSERT INTO organisation_name (organisation_id, name, valid_from, valid_to) VALUES ($1, $2, $3, $4)', [
        ministry,
        name,
        validFrom,
        validTo,
      ]);
    }
    const ihk = await insertOrganisation(ds, { name: 'Industrie- und Handelskammer Ostwürttemberg', shortName: 'IHK Ostwürttemberg' });
    const hwk = await insertOrganisation(ds, { name: 'Handwerkskammer Ulm', kind: 'CHAMBER_OF_CRAFTS' });
    const sommer = await insertPerson(ds, { honorificPrefix: 'Dr.', givenName: 'Petra', familyName: 'Sommer' });
    await insertRole(ds, { personId: sommer, organisationId: ministry, title: 'Staatssekretärin', validFrom: '2016-05-12' });
    const brenner = await insertPerson(ds, { givenName: 'Carola', familyName: 'Brenner' });
    await insertRole(ds, { personId: brenner, organisationId: ihk, title: 'Hauptgeschäftsführerin' });
    // A namesake who holds no role: the Sommer of the release is the one at the ministry.
    await insertPerson(ds, { givenName: 'Petra', familyName: 'Sommer' });
    const state = await insertAlliance(ds, { name: 'Allianz für Fachkräfte Baden-Württemberg', level: 'STATE', regionCode: '08' });
    const regional = await insertAlliance(ds, { name: 'Fachkräftebündnis Ostwürttemberg', regionCode: '0803' });
    ids = { ministry, ihk, hwk, sommer, brenner, state, regional };
  });

  afterAll(async () => {
    await t.close();
  });

  async function analyse(text = OSTWUERTTEMBERG_RELEASE, publishedOn?: string, token = t.tokens.editor): Promise<Analysis> {
    const result = await t.gql<{ analyseRelease: Analysis }>(ANALYSE, { text, publishedOn }, { token });
    expect(result.errors).toBeUndefined();
    return result.data!.analyseRelease;
  }

  describe('analyseRelease', () => {
    it('reads only the release: its headline, its dateline as the day of publication, and the publisher of its source line', async () => {
      const analysis = await analyse();
      expect(analysis.title).toBe('Ostwürttemberg und Land bündeln ihre Kräfte für Fachkräfte');
      expect(analysis.publishedOn).toBe('2017-03-14');
      expect(analysis.publisher).toMatchObject({ organisation: { id: ids.ministry } });
      expect(analysis.body).not.toMatch(/Berechne Lesezeit|Teilen|Quelle|Weitere Meldungen|Muster/);
      expect(analysis.body).toContain('Arbeitsmarktmonitor der Bundesagentur für Arbeit gemeinsam');
      // What follows "Weitere Meldungen" is another release: its minister and chamber are not mentions of this one.
      expect(analysis.people.map((p) => p.familyName)).not.toContain('Muster');
      expect(analysis.organisations.map((o) => o.text)).not.toContain('Handwerkskammer Freiburg');
    });

    it('marks every mention with offsets into the text as given, across a word broken over two lines too', async () => {
      const analysis = await analyse();
      const mentions = [...analysis.dates, ...analysis.organisations, ...analysis.people, ...analysis.alliances, ...analysis.quotes];
      expect(mentions.length).toBeGreaterThan(20);
      for (const mention of mentions) {
        expect(OSTWUERTTEMBERG_RELEASE.slice(mention.start, mention.end).replace(/-\n/g, '')).toBe(mention.text);
      }
      const broken = analysis.organisations.find((o) => o.proposedName === 'Bundesagentur für Arbeit')!;
      expect(OSTWUERTTEMBERG_RELEASE.slice(broken.start, broken.end)).toBe('Bundes-\nagentur für Arbeit');
    });

    it('resolves dates against the day of publication: a weekday alone, a day without a year, numeric dates', async () => {
      const analysis = await analyse();
      expect(analysis.dates.map(({ text, on }) => [text, on])).toEqual([
        ['14.03.2017', '2017-03-14'],
        ['am Montag', '2017-03-13'],
        ['Donnerstag, 12. Oktober', '2017-10-12'],
        ['am 24.09.2012', '2012-09-24'],
      ]);
      // Given, the day of publication wins over the dateline.
      const later = await analyse(OSTWUERTTEMBERG_RELEASE, '2017-03-17');
      expect(later.dates.find((d) => d.text === 'am Montag')!.on).toBe('2017-03-13');
      expect(later.publishedOn).toBe('2017-03-17');
    });

    it('matches organisations by the name in force that day, a compound ministry name and a short name, and proposes the unknown with a kind', async () => {
      const analysis = await analyse();
      expect(analysis.organisations.map((o) => [o.text, o.organisation?.id ?? o.proposedName, o.proposedKind])).toEqual([
        ['Ministerium für Wirtschaft, Arbeit und Wohnungsbau', ids.ministry, null],
        ['IHK Ostwürttemberg', ids.ihk, null],
        ['Wirtschafts- und Arbeitsministerium', ids.ministry, null],
        ['Handwerkskammer Ulm', ids.hwk, null],
        ['Bundesagentur für Arbeit', 'Bundesagentur für Arbeit', 'EMPLOYMENT_AGENCY'],
        ['Agentur für Arbeit Aalen', 'Agentur für Arbeit Aalen', 'EMPLOYMENT_AGENCY'],
        ['Ostalb Logistik GmbH', 'Ostalb Logistik GmbH', 'OTHER'],
      ]);
      expect(analysis.organisations[0].organisation!.name).toBe(MINISTRY_NAMES[2].name);
    });

    it('finds people with honorific, titles before and after the name, the organisation they speak for, and matches the known ones', async () => {
      const analysis = await analyse();
      const people = analysis.people.map(({ text, honorificPrefix, givenName, familyName, title, person, organisation }) => ({
        text,
        honorificPrefix,
        givenName,
        familyName,
        title,
        person: person?.id ?? null,
        organisation: organisation?.id ?? null,
      }));
      const sommer = { honorificPrefix: 'Dr.', givenName: 'Petra', familyName: 'Sommer', title: 'Staatssekretärin', person: ids.sommer };
      expect(people).toEqual([
        { text: 'Dr. Petra Sommer', ...sommer, organisation: ids.ministry },
        // "sagte Staatssekretärin Sommer": the same person, named by title and family name.
        { text: 'Sommer', ...sommer, organisation: ids.ministry },
        {
          text: 'Markus Feld',
          honorificPrefix: null,
          givenName: 'Markus',
          familyName: 'Feld',
          title: 'Präsident',
          person: null,
          organisation: ids.hwk,
        },
        {
          text: 'Carola Brenner',
          honorificPrefix: null,
          givenName: 'Carola',
          familyName: 'Brenner',
          title: 'IHK-Hauptgeschäftsführerin',
          person: ids.brenner,
          organisation: ids.ihk,
        },
        {
          text: 'Jens Albrecht',
          honorificPrefix: null,
          givenName: 'Jens',
          familyName: 'Albrecht',
          title: 'Vorsitzender der Geschäftsführung',
          person: null,
          organisation: null,
        },
        {
          text: 'Tobias Kern',
          honorificPrefix: null,
          givenName: 'Tobias',
          familyName: 'Kern',
          title: 'Geschäftsführer',
          person: null,
          organisation: null,
        },
      ]);
    });

    it('finds quotes in every kind of mark, in several parts, with the speaker named before or after', async () => {
      const analysis = await analyse();
      expect(analysis.quotes.map((q) => [q.text.slice(0, 24), q.speaker.familyName, q.speaker.person?.id ?? null])).toEqual([
        ['Regionale Bündnisse trag', 'Sommer', ids.sommer],
        ['Darum unterstützt das Wi', 'Sommer', ids.sommer],
        ['Wir informieren einander', 'Feld', null],
        ['Das gibt uns einen direk', 'Brenner', ids.brenner],
        ['Mit gemeinsamen Daten se', 'Albrecht', null],
      ]);
      for (const quote of analysis.quotes) expect(OSTWUERTTEMBERG_RELEASE.slice(quote.start, quote.end)).toBe(quote.text);
    });

    it('matches alliances by name and by a usual variant, and proposes the agreement with its commitments', async () => {
      const analysis = await analyse();
      expect(analysis.alliances.map((a) => [a.text, a.alliance?.id])).toEqual([
        ['Fachkräfteallianz Baden-Württemberg', ids.state],
        ['Fachkräftebündnis Ostwürttemberg', ids.regional],
      ]);
      expect(analysis.agreement).toEqual({
        title: 'Kooperationsvereinbarung Allianz für Fachkräfte Baden-Württemberg – Fachkräftebündnis Ostwürttemberg',
        signedOn: '2017-03-13',
        parties: [{ alliance: { id: ids.state } }, { alliance: { id: ids.regional } }],
        commitments: [
          {
            kind: 'ANNUAL_TOP_LEVEL_MEETING',
            description: expect.stringContaining('einmal im Jahr zu einem Spitzengespräch'),
            instruments: [],
          },
          {
            kind: 'MUTUAL_INFORMATION',
            description: 'Wir informieren einander über alle Vorhaben, damit nichts doppelt geschieht.',
            instruments: [],
          },
          { kind: 'PERMANENT_REPRESENTATIVE', description: expect.stringContaining('ständiger Vertreter'), instruments: [] },
          {
            kind: 'SHARED_MONITORING',
            description: expect.stringContaining('Arbeitsmarktmonitor'),
            instruments: ['Arbeitsmarktmonitor der Bundesagentur für Arbeit'],
          },
        ],
      });
    });

    it('writes nothing, and reads the registry in a number of statements that does not grow with the release', async () => {
      const counts = await snapshotTableCounts(t.dataSource);
      const short = await t.countStatements(() => analyse());
      const long = await t.countStatements(() => analyse(OSTWUERTTEMBERG_RELEASE.repeat(5)));
      // Organisations, alliances, people by family name and their roles; then a statement for each kind of record matched.
      expect(short).toBeGreaterThanOrEqual(4);
      expect(long).toBe(short);
      await expect(counts.changes()).resolves.toEqual({});
    });

    it('is for ADMIN, EDITOR and COORDINATOR: a READER is FORBIDDEN, an anonymous caller UNAUTHENTICATED', async () => {
      for (const token of [t.tokens.admin, t.token('COORDINATOR', { allianceIds: [ids.regional] })]) {
        await expect(analyse('Die IHK Ostwürttemberg lädt ein.', '2017-03-14', token)).resolves.toMatchObject({
          organisations: [{ organisation: { id: ids.ihk } }],
        });
      }
      const reader = await t.gql(ANALYSE, { text: 'Die IHK lädt ein.' }, { token: t.tokens.reader });
      expect(reader.errors![0].extensions.code).toBe('FORBIDDEN');
      const anonymous = await t.gql(ANALYSE, { text: 'Die IHK lädt ein.' });
      expect(anonymous.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    });

    it('refuses an empty text and a day that is no date, naming the argument', async () => {
      const empty = await t.gql(ANALYSE, { text: '' }, { token: t.tokens.editor });
      expect(empty.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'text' }] });
      const day = await t.gql(ANALYSE, { text: 'Text', publishedOn: '2017-02-30' }, { token: t.tokens.editor });
      expect(day.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(day.errors![0].extensions)).toContain('publishedOn');
    });
  });

  describe('importRelease', () => {
    const release = (extra: Record<string, unknown> = {}) => ({
      title: 'Ostwürttemberg und Land bündeln ihre Kräfte für Fachkräfte',
      publishedOn: '2017-03-14',
      body: 'Die Fachkräfteallianz Baden-Württemberg und das Fachkräftebündnis Ostwürttemberg …',
      ...extra,
    });

    it('creates the new organisations and people first, then the release whose links and quotes name them, each with its audit event', async () => {
      const input = {
        release: release({
          publisherId: ids.ministry,
          links: [
            { relation: 'MENTIONS', entityId: ids.state },
            { relation: 'MENTIONS', entityId: ids.ihk.toUpperCase() },
            { relation: 'MENTIONS', entityId: 'new:0' },
            { relation: 'MENTIONS', entityId: 'new:1' },
            { relation: 'MENTIONS', entityId: ids.sommer },
            { relation: 'MENTIONS', entityId: 'newPerson:0' },
          ],
          quotes: [
            { personId: ids.sommer, text: 'Regionale Bündnisse tragen die Fachkräftesicherung in die Fläche' },
            { personId: 'newPerson:0', text: ' Mit gemeinsamen Daten sehen wir früher, wo Fachkräfte fehlen. ' },
          ],
        }),
        newOrganisations: [
          { name: 'Agentur für Arbeit Aalen', kind: 'EMPLOYMENT_AGENCY' },
          { name: 'Bundesagentur für Arbeit', kind: 'EMPLOYMENT_AGENCY' },
        ],
        newPeople: [{ givenName: 'Jens', familyName: 'Albrecht' }],
      };
      const result = await t.gql(IMPORT, { input }, { token: t.tokens.editor });
      expect(result.errors).toBeUndefined();
      const imported = result.data!.importRelease;
      const aalen = imported.links[2].organisation;
      const federal = imported.links[3].organisation;
      const albrecht = imported.links[5].person;
      expect(aalen).toEqual({ id: expect.any(String), name: 'Agentur für Arbeit Aalen', kind: 'EMPLOYMENT_AGENCY' });
      expect(federal).toMatchObject({ name: 'Bundesagentur für Arbeit' });
      expect(albrecht).toEqual({ id: expect.any(String), displayName: 'Jens Albrecht' });

      const read = await t.gql(READ, { id: imported.id });
      const none = { alliance: null, organisation: null, person: null };
      expect(read.data!.release).toEqual({
        id: imported.id,
        title: input.release.title,
        links: [
          { ...none, relation: 'MENTIONS', alliance: { id: ids.state } },
          { ...none, relation: 'MENTIONS', organisation: { id: ids.ihk, name: 'Industrie- und Handelskammer Ostwürttemberg' } },
          { ...none, relation: 'MENTIONS', organisation: { id: aalen.id, name: 'Agentur für Arbeit Aalen' } },
          { ...none, relation: 'MENTIONS', organisation: { id: federal.id, name: 'Bundesagentur für Arbeit' } },
          { ...none, relation: 'MENTIONS', person: { id: ids.sommer, displayName: 'Dr. Petra Sommer' } },
          { ...none, relation: 'MENTIONS', person: { id: albrecht.id, displayName: 'Jens Albrecht' } },
        ],
        quotes: [
          {
            text: 'Regionale Bündnisse tragen die Fachkräftesicherung in die Fläche',
            person: { id: ids.sommer, displayName: 'Dr. Petra Sommer' },
          },
          {
            text: 'Mit gemeinsamen Daten sehen wir früher, wo Fachkräfte fehlen.',
            person: { id: albrecht.id, displayName: 'Jens Albrecht' },
          },
        ],
      });

      const trail = async (id: string) => (await t.gql(TRAIL, { id }, { token: t.tokens.admin })).data!.auditTrail;
      await expect(trail(imported.id)).resolves.toEqual([{ actor: 'editor', action: 'importRelease', entityType: 'Release' }]);
      await expect(trail(aalen.id)).resolves.toEqual([{ actor: 'editor', action: 'createOrganisation', entityType: 'Organisation' }]);
      await expect(trail(albrecht.id)).resolves.toEqual([{ actor: 'editor', action: 'createPerson', entityType: 'Person' }]);
    });

    it('lets the publisher be a new organisation, and a COORDINATOR import', async () => {
      const input = {
        release: release({ publisherId: 'new:0', links: [{ relation: 'ANNOUNCES', entityId: ids.regional }] }),
        newOrganisations: [{ name: 'Regionalverband Ostwürttemberg', kind: 'MUNICIPALITY' }],
      };
      const token = t.token('COORDINATOR', { sub: 'koordination-ost', allianceIds: [ids.regional] });
      const result = await t.gql(IMPORT, { input }, { token });
      expect(result.errors).toBeUndefined();
      expect(result.data!.importRelease.publisher).toEqual({ id: expect.any(String), name: 'Regionalverband Ostwürttemberg' });
    });

    it('writes nothing when one id names no record, and says which: an unknown record, a new one beyond the list', async () => {
      const counts = await snapshotTableCounts(t.dataSource);
      const unknown = await t.gql(
        IMPORT,
        {
          input: {
            release: release({
              links: [
                { relation: 'MENTIONS', entityId: 'new:0' },
                { relation: 'MENTIONS', entityId: MISSING },
              ],
              quotes: [{ personId: 'newPerson:0', text: 'Ein Satz.' }],
            }),
            newOrganisations: [{ name: 'Ostalb Logistik GmbH', kind: 'OTHER' }],
            newPeople: [{ givenName: 'Tobias', familyName: 'Kern' }],
          },
        },
        { token: t.tokens.editor },
      );
      expect(unknown.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', fields: [{ field: 'release.links[1].entityId' }] });

      const beyond = await t.gql(
        IMPORT,
        {
          input: {
            release: release({
              links: [{ relation: 'MENTIONS', entityId: 'new:1' }],
              quotes: [{ personId: 'newPerson:0', text: 'Ein Satz.' }],
            }),
            newOrganisations: [{ name: 'Ostalb Logistik GmbH', kind: 'OTHER' }],
          },
        },
        { token: t.tokens.editor },
      );
      expect(beyond.errors![0].extensions).toMatchObject({
        code: 'NOT_FOUND',
        fields: [{ field: 'release.links[0].entityId' }, { field: 'release.quotes[0].personId' }],
      });

      // A new organisation in an unknown region fails inside the transaction: the people and organisations before it go too.
      const region = await t.gql(
        IMPORT,
        {
          input: {
            release: release({ links: [{ relation: 'MENTIONS', entityId: 'newPerson:0' }] }),
            newPeople: [{ givenName: 'Tobias', familyName: 'Kern' }],
            newOrganisations: [
              { name: 'Ostalb Logistik GmbH', kind: 'OTHER' },
              { name: 'Welcome Center Ostwürttemberg', kind: 'WELCOME_CENTER', regionId: MISSING },
            ],
          },
        },
        { token: t.tokens.editor },
      );
      expect(region.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', fields: [{ field: 'newOrganisations[1].regionId' }] });
      await expect(counts.changes()).resolves.toEqual({});
    });

    it('refuses malformed references and bad new records as BAD_USER_INPUT naming the field', async () => {
      const malformed = await t.gql(
        IMPORT,
        {
          input: {
            release: release({ links: [{ relation: 'MENTIONS', entityId: 'neu:0' }] }),
            newPeople: [{ givenName: '', familyName: 'Kern' }],
          },
        },
        { token: t.tokens.editor },
      );
      expect(malformed.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      expect(malformed.errors![0].extensions.fields!.map((f) => f.field)).toEqual(['release.links[0].entityId', 'newPeople[0].givenName']);
      // createRelease itself still takes only ids.
      const plain = await t.gql(
        'mutation($input: CreateReleaseInput!) { createRelease(input: $input) { id } }',
        { input: release({ links: [{ relation: 'MENTIONS', entityId: 'new:0' }] }) },
        { token: t.tokens.editor },
      );
      expect(plain.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'links[0].entityId' }] });
    });

    it('is for ADMIN, EDITOR and COORDINATOR: a READER is FORBIDDEN, an anonymous caller UNAUTHENTICATED; nothing is written', async () => {
      const counts = await snapshotTableCounts(t.dataSource);
      const input = { release: release(), newPeople: [{ givenName: 'Tobias', familyName: 'Kern' }] };
      const reader = await t.gql(IMPORT, { input }, { token: t.tokens.reader });
      expect(reader.errors![0].extensions.code).toBe('FORBIDDEN');
      const anonymous = await t.gql(IMPORT, { input });
      expect(anonymous.errors![0].extensions.code).toBe('UNAUTHENTICATED');
      await expect(counts.changes()).resolves.toEqual({});
    });
  });
});
