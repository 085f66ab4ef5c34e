import { insertAgreement, insertAlliance, insertOrganisation, insertPerson, rowCount } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

const CREATE = `mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { id title status signedOn version } }`;
const READ = `query($id: ID!) { agreement(id: $id) {
  id title status signedOn version
  parties { alliance { id name level } representedBy { id name } signatory { id displayName } }
  commitments { kind description instruments agreement { id } }
} }`;
const LIST = `query($filter: AgreementFilter, $first: Int, $after: String) {
  agreements(filter: $filter, first: $first, after: $after) { totalCount edges { cursor node { id title signedOn } } pageInfo { hasNextPage endCursor } } }`;

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

const HEILBRONN_FRANKEN_COMMITMENTS = [
  { kind: 'ANNUAL_TOP_LEVEL_MEETING', description: 'Einmal im Jahr ein Spitzengespräch der Kooperationspartner.' },
  { kind: 'MUTUAL_SUPPORT', description: 'Gegenseitige Unterstützung bei den Arbeitsprogrammen.' },
  { kind: 'MUTUAL_INFORMATION', description: 'Gegenseitige Information über Aktivitäten.' },
  { kind: 'PERMANENT_REPRESENTATIVE', description: 'Ein ständiger Vertreter des Ministeriums bei den Fachkräftekonferenzen.' },
  {
    kind: 'SHARED_MONITORING',
    description: '  Gemeinsame Nutzung von Arbeitsmarkt- und Fachkräftemonitor.  ',
    instruments: ['Arbeitsmarktmonitor der Bundesagentur für Arbeit', ' IHK-Fachkräftemonitor '],
  },
  { kind: 'COMMUNICATION_PLATFORM', description: 'Eine gemeinsame Kommunikationsplattform.' },
];

describe('agreements', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  /** Two fresh alliances, ready to be parties of an agreement. */
  const twoAlliances = async () => [
    await insertAlliance(t.dataSource, { level: 'STATE', regionCode: '08' }),
    await insertAlliance(t.dataSource),
  ];
  const input = (parties: string[], extra: Record<string, unknown> = {}) => ({
    title: 'Kooperationsvereinbarung',
    status: 'SIGNED',
    signedOn: '2012-09-24',
    parties: parties.map((allianceId) => ({ allianceId })),
    ...extra,
  });
  const counts = async () => ({
    agreement: await rowCount(t.dataSource, 'agreement'),
    agreement_party: await rowCount(t.dataSource, 'agreement_party'),
    commitment: await rowCount(t.dataSource, 'commitment'),
    audit_event: await rowCount(t.dataSource, 'audit_event'),
  });
  const titles = (result: { data: any }) => result.data.agreements.edges.map((e: { node: { title: string } }) => e.node.title);

  describe('createAgreement', () => {
    it('records the Heilbronn-Franken cooperation agreement and reads it back whole, in order', async () => {
      const stateAlliance = await insertAlliance(t.dataSource, {
        name: 'Allianz für Fachkräfte Baden-Württemberg',
        level: 'STATE',
        regionCode: '08',
      });
      const regionalAlliance = await insertAlliance(t.dataSource, {
        name: 'Fachkräftebündnis Heilbronn-Franken',
        level: 'REGIONAL',
        regionCode: '0802',
      });
      const ministry = await insertOrganisation(t.dataSource, {
        name: 'Ministerium für Finanzen und Wirtschaft Baden-Württemberg',
        kind: 'MINISTRY',
        regionCode: '08',
      });
      const ihk = await insertOrganisation(t.dataSource, {
        name: 'Industrie- und Handelskammer Heilbronn-Franken',
        shortName: 'IHK Heilbronn-Franken',
        regionCode: '0802',
      });
      const stateSecretary = await insertPerson(t.dataSource, { givenName: 'Ingo', familyName: 'Rust' });

      const created = await t.gql(
        CREATE,
        {
          input: {
            title: ' Kooperationsvereinbarung Allianz für Fachkräfte Baden-Württemberg – Fachkräftebündnis Heilbronn-Franken ',
            status: 'SIGNED',
            signedOn: '2012-09-24',
            parties: [
              { allianceId: stateAlliance, representedById: ministry, signatoryId: stateSecretary },
              { allianceId: regionalAlliance, representedById: ihk },
            ],
            commitments: HEILBRONN_FRANKEN_COMMITMENTS,
          },
        },
        { token: t.tokens.editor },
      );
      expect(created.errors).toBeUndefined();
      const id = created.data!.createAgreement.id;
      expect(created.data!.createAgreement).toEqual({
        id,
        title: 'Kooperationsvereinbarung Allianz für Fachkräfte Baden-Württemberg – Fachkräftebündnis Heilbronn-Franken',
        status: 'SIGNED',
        signedOn: '2012-09-24',
        version: 1,
      });

      const read = await t.gql(READ, { id });
      expect(read.errors).toBeUndefined();
      const agreement = read.data!.agreement;
      expect(agreement.parties).toEqual([
        {
          alliance: { id: stateAlliance, name: 'Allianz für Fachkräfte Baden-Württemberg', level: 'STATE' },
          representedBy: { id: ministry, name: 'Ministerium für Finanzen und Wirtschaft Baden-Württemberg' },
          signatory: { id: stateSecretary, displayName: 'Ingo Rust' },
        },
        {
          alliance: { id: regionalAlliance, name: 'Fachkräftebündnis Heilbronn-Franken', level: 'REGIONAL' },
          representedBy: { id: ihk, name: 'Industrie- und Handelskammer Heilbronn-Franken' },
          signatory: null,
        },
      ]);
      expect(agreement.commitments.map((c: { kind: string }) => c.kind)).toEqual([
        'ANNUAL_TOP_LEVEL_MEETING',
        'MUTUAL_SUPPORT',
        'MUTUAL_INFORMATION',
        'PERMANENT_REPRESENTATIVE',
        'SHARED_MONITORING',
        'COMMUNICATION_PLATFORM',
      ]);
      expect(agreement.commitments[4]).toEqual({
        kind: 'SHARED_MONITORING',
        description: 'Gemeinsame Nutzung von Arbeitsmarkt- und Fachkräftemonitor.',
        instruments: ['Arbeitsmarktmonitor der Bundesagentur für Arbeit', 'IHK-Fachkräftemonitor'],
        agreement: { id },
      });
      expect(agreement.commitments[0].instruments).toEqual([]);
      expect(agreement.commitments.every((c: { agreement: { id: string } }) => c.agreement.id === id)).toBe(true);
    });

    it('leaves an audit event with the parties and commitments, by the token sub', async () => {
      const [a, b] = await twoAlliances();
      const created = await t.gql(
        CREATE,
        { input: input([a, b], { commitments: [{ kind: 'MUTUAL_INFORMATION', description: 'Information' }] }) },
        { token: t.token('ADMIN', { sub: 'referat-23' }) },
      );
      const id = created.data!.createAgreement.id;
      const trail = await t.gql(
        `query($id: ID!) { auditTrail(entityId: $id) { actor action entityType entityId changes } }`,
        { id },
        { token: t.tokens.reader },
      );
      expect(trail.data!.auditTrail).toHaveLength(1);
      expect(trail.data!.auditTrail[0]).toMatchObject({
        actor: 'referat-23',
        action: 'createAgreement',
        entityType: 'Agreement',
        entityId: id,
      });
      const changes = JSON.parse(trail.data!.auditTrail[0].changes);
      expect(changes.title).toEqual([null, 'Kooperationsvereinbarung']);
      expect(changes.parties).toEqual([
        null,
        [
          { allianceId: a, representedById: null, signatoryId: null },
          { allianceId: b, representedById: null, signatoryId: null },
        ],
      ]);
      expect(changes.commitments).toEqual([null, [{ kind: 'MUTUAL_INFORMATION', description: 'Information', instruments: [] }]]);
    });

    it('refuses an agreement with one party only', async () => {
      const [a] = await twoAlliances();
      const result = await t.gql(CREATE, { input: input([a]) }, { token: t.tokens.admin });
      expect(result.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      expect(result.errors![0].extensions.fields).toEqual([{ field: 'parties', message: 'an agreement has at least two parties' }]);
    });

    it('refuses an alliance named twice as a party', async () => {
      const [a] = await twoAlliances();
      const result = await t.gql(CREATE, { input: input([a, a.toUpperCase()]) }, { token: t.tokens.admin });
      expect(result.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      expect(result.errors![0].extensions.fields).toEqual([{ field: 'parties', message: 'each alliance may be party only once' }]);
    });

    it('refuses a SIGNED agreement without signedOn, and accepts an undated draft', async () => {
      const [a, b] = await twoAlliances();
      const signed = await t.gql(CREATE, { input: input([a, b], { signedOn: undefined }) }, { token: t.tokens.admin });
      expect(signed.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      expect(signed.errors![0].extensions.fields!.map((f) => f.field)).toContain('signedOn');
      expect(signed.errors![0].extensions.fields!.every((f) => f.field === 'signedOn')).toBe(true);
      const draft = await t.gql(CREATE, { input: input([a, b], { status: 'DRAFT', signedOn: null }) }, { token: t.tokens.admin });
      expect(draft.errors).toBeUndefined();
      expect(draft.data!.createAgreement).toMatchObject({ status: 'DRAFT', signedOn: null });
    });

    it('refuses to create a TERMINATED agreement, naming status: it ends with terminateAgreement, which records the day', async () => {
      const [a, b] = await twoAlliances();
      const before = await counts();
      const result = await t.gql(CREATE, { input: input([a, b], { status: 'TERMINATED' }) }, { token: t.tokens.admin });
      expect(result.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      expect(result.errors![0].extensions.fields!.map((f) => f.field)).toEqual(['status']);
      await expect(counts()).resolves.toEqual(before);
    });

    it('refuses a signedOn on a DRAFT, naming signedOn: signAgreement dates it', async () => {
      const [a, b] = await twoAlliances();
      const result = await t.gql(CREATE, { input: input([a, b], { status: 'DRAFT' }) }, { token: t.tokens.admin });
      expect(result.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      expect(result.errors![0].extensions.fields).toEqual([
        { field: 'signedOn', message: 'a DRAFT has no signedOn; sign it with signAgreement' },
      ]);
    });

    it('gives each commitment version 1 and an audit event of its own', async () => {
      const [a, b] = await twoAlliances();
      const created = await t.gql(
        CREATE,
        { input: input([a, b], { commitments: HEILBRONN_FRANKEN_COMMITMENTS.slice(0, 2) }) },
        { token: t.tokens.editor },
      );
      const read = await t.gql(`query($id: ID!) { agreement(id: $id) { terminatedOn archivedAt commitments { id version } } }`, {
        id: created.data!.createAgreement.id,
      });
      expect(read.data!.agreement).toMatchObject({ terminatedOn: null, archivedAt: null });
      const commitments: { id: string; version: number }[] = read.data!.agreement.commitments;
      expect(commitments.map((c) => c.version)).toEqual([1, 1]);
      for (const [position, commitment] of commitments.entries()) {
        const trail = await t.gql(
          `query($id: ID!) { auditTrail(entityId: $id) { actor action entityType changes } }`,
          { id: commitment.id },
          { token: t.tokens.reader },
        );
        expect(trail.data!.auditTrail).toEqual([
          { actor: 'editor', action: 'createAgreement', entityType: 'Commitment', changes: expect.any(String) },
        ]);
        expect(JSON.parse(trail.data!.auditTrail[0].changes)).toMatchObject({
          agreementId: [null, created.data!.createAgreement.id],
          kind: [null, HEILBRONN_FRANKEN_COMMITMENTS[position].kind],
          position: [null, position],
        });
      }
    });

    it('answers NOT_FOUND for an alliance that does not exist, naming the field', async () => {
      const [a] = await twoAlliances();
      const result = await t.gql(CREATE, { input: input([a, UNKNOWN]) }, { token: t.tokens.admin });
      expect(result.errors![0].extensions.code).toBe('NOT_FOUND');
      expect(result.errors![0].extensions.fields).toEqual([expect.objectContaining({ field: 'allianceId' })]);
    });

    it('writes nothing when a commitment is invalid or a referenced record is missing', async () => {
      const [a, b] = await twoAlliances();
      const before = await counts();
      const invalid = await t.gql(
        CREATE,
        {
          input: input([a, b], {
            commitments: [
              { kind: 'MUTUAL_SUPPORT', description: 'Unterstützung' },
              { kind: 'SHARED_MONITORING', description: '   ', instruments: Array.from({ length: 21 }, (_, i) => `Monitor ${i}`) },
            ],
          }),
        },
        { token: t.tokens.admin },
      );
      expect(invalid.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      expect(invalid.errors![0].extensions.fields!.map((f) => f.field).sort()).toEqual([
        'commitments[1].description',
        'commitments[1].instruments',
      ]);
      // A signatory that does not exist fails after the agreement row is written: the transaction must undo it.
      const missingSignatory = await t.gql(
        CREATE,
        {
          input: {
            ...input([a, b]),
            parties: [{ allianceId: a }, { allianceId: b, signatoryId: UNKNOWN }],
            commitments: [{ kind: 'OTHER', description: 'x' }],
          },
        },
        { token: t.tokens.admin },
      );
      expect(missingSignatory.errors![0].extensions.code).toBe('NOT_FOUND');
      expect(missingSignatory.errors![0].extensions.fields).toEqual([expect.objectContaining({ field: 'signatoryId' })]);
      await expect(counts()).resolves.toEqual(before);
    });

    it('is for ADMIN and EDITOR only', async () => {
      const [a, b] = await twoAlliances();
      const before = await counts();
      const coordinator = await t.gql(CREATE, { input: input([a, b]) }, { token: t.token('COORDINATOR', { allianceIds: [a, b] }) });
      expect(coordinator.errors![0].extensions.code).toBe('FORBIDDEN');
      const reader = await t.gql(CREATE, { input: input([a, b]) }, { token: t.tokens.reader });
      expect(reader.errors![0].extensions.code).toBe('FORBIDDEN');
      const anonymous = await t.gql(CREATE, { input: input([a, b]) });
      expect(anonymous.errors![0].extensions.code).toBe('UNAUTHENTICATED');
      expect(anonymous.data).toBeNull();
      await expect(counts()).resolves.toEqual(before);
    });
  });

  describe('reading agreements', () => {
    it('answers null for an unknown id and BAD_USER_INPUT for a malformed one', async () => {
      const missing = await t.gql(READ, { id: UNKNOWN });
      expect(missing.errors).toBeUndefined();
      expect(missing.data!.agreement).toBeNull();
      const malformed = await t.gql(READ, { id: 'vereinbarung-1' });
      expect(malformed.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    });

    it('filters by alliance, status and signing period (both ends inclusive)', async () => {
      const [state, regional] = await twoAlliances();
      const other = await insertAlliance(t.dataSource);
      await insertAgreement(t.dataSource, {
        title: 'F 2012',
        signedOn: '2012-09-24',
        parties: [{ allianceId: state }, { allianceId: regional }],
      });
      await insertAgreement(t.dataSource, {
        title: 'F 2014',
        signedOn: '2014-03-01',
        parties: [{ allianceId: state }, { allianceId: other }],
      });
      await insertAgreement(t.dataSource, {
        title: 'F 2016',
        status: 'TERMINATED',
        signedOn: '2016-05-12',
        parties: [{ allianceId: state }, { allianceId: regional }],
      });
      await insertAgreement(t.dataSource, {
        title: 'F Entwurf',
        status: 'DRAFT',
        signedOn: null,
        parties: [{ allianceId: state }, { allianceId: regional }],
      });

      expect(titles(await t.gql(LIST, { filter: { allianceId: state } }))).toEqual(['F 2016', 'F 2014', 'F 2012', 'F Entwurf']);
      expect(titles(await t.gql(LIST, { filter: { allianceId: regional } }))).toEqual(['F 2016', 'F 2012', 'F Entwurf']);
      expect(titles(await t.gql(LIST, { filter: { allianceId: other } }))).toEqual(['F 2014']);
      expect(titles(await t.gql(LIST, { filter: { allianceId: state, status: 'SIGNED' } }))).toEqual(['F 2014', 'F 2012']);
      expect(titles(await t.gql(LIST, { filter: { allianceId: state, status: 'DRAFT' } }))).toEqual(['F Entwurf']);
      expect(titles(await t.gql(LIST, { filter: { allianceId: state, signedFrom: '2014-03-01' } }))).toEqual(['F 2016', 'F 2014']);
      expect(titles(await t.gql(LIST, { filter: { allianceId: state, signedTo: '2014-03-01' } }))).toEqual(['F 2014', 'F 2012']);
      expect(titles(await t.gql(LIST, { filter: { allianceId: state, signedFrom: '2012-09-24', signedTo: '2012-09-24' } }))).toEqual([
        'F 2012',
      ]);

      const backwards = await t.gql(LIST, { filter: { signedFrom: '2014-01-01', signedTo: '2013-01-01' } });
      expect(backwards.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      const badId = await t.gql(LIST, { filter: { allianceId: 'nope' } });
      expect(badId.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    });

    it('answers an empty page and a single exact page', async () => {
      const [a, b] = await twoAlliances();
      const empty = await t.gql(LIST, { filter: { allianceId: a } });
      expect(empty.data!.agreements).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
      await insertAgreement(t.dataSource, { title: 'E 1', signedOn: '2013-01-01', parties: [{ allianceId: a }, { allianceId: b }] });
      await insertAgreement(t.dataSource, { title: 'E 2', signedOn: '2013-01-02', parties: [{ allianceId: a }, { allianceId: b }] });
      const exact = await t.gql(LIST, { filter: { allianceId: a }, first: 2 });
      expect(exact.data!.agreements.totalCount).toBe(2);
      expect(titles(exact)).toEqual(['E 2', 'E 1']);
      expect(exact.data!.agreements.pageInfo).toEqual({ hasNextPage: false, endCursor: exact.data!.agreements.edges[1].cursor });
    });

    it('walks several pages newest first, undated drafts last, without repeating or skipping', async () => {
      const [a, b] = await twoAlliances();
      for (const [title, signedOn] of [
        ['W 2013', '2013-06-01'],
        ['W 2015 a', '2015-01-01'],
        ['W Entwurf', null],
        ['W 2015 b', '2015-01-01'],
        ['W 2019', '2019-11-11'],
      ] as const) {
        await insertAgreement(t.dataSource, {
          title,
          status: signedOn ? 'SIGNED' : 'DRAFT',
          signedOn,
          parties: [{ allianceId: a }, { allianceId: b }],
        });
      }
      const seen: { title: string; signedOn: string | null }[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const result: any = await t.gql(LIST, { filter: { allianceId: a }, first: 2, after });
        expect(result.errors).toBeUndefined();
        expect(result.data.agreements.totalCount).toBe(5);
        seen.push(...result.data.agreements.edges.map((e: any) => ({ title: e.node.title, signedOn: e.node.signedOn })));
        after = result.data.agreements.pageInfo.hasNextPage ? result.data.agreements.pageInfo.endCursor : null;
        pages += 1;
      } while (after);
      expect(pages).toBe(3);
      expect(seen.map((s) => s.signedOn)).toEqual(['2019-11-11', '2015-01-01', '2015-01-01', '2013-06-01', null]);
      expect(new Set(seen.map((s) => s.title)).size).toBe(5);
    });

    it('refuses first outside 1..100 and a forged cursor with BAD_USER_INPUT', async () => {
      const tooMany = await t.gql(LIST, { first: 101 });
      expect(tooMany.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      const none = await t.gql(LIST, { first: 0 });
      expect(none.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      const forged = await t.gql(LIST, { after: 'bm9wZQ' });
      expect(forged.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    });

    it("shows an alliance's agreements, newest signed first", async () => {
      const state = await insertAlliance(t.dataSource, { level: 'STATE', regionCode: '08' });
      const regional = await insertAlliance(t.dataSource, { name: 'Bündnis mit Vereinbarungen Qz1' });
      const third = await insertAlliance(t.dataSource, { name: 'Bündnis mit Vereinbarungen Qz2' });
      await insertAgreement(t.dataSource, {
        title: 'A 2012',
        signedOn: '2012-09-24',
        parties: [{ allianceId: state }, { allianceId: regional }],
      });
      await insertAgreement(t.dataSource, {
        title: 'A 2013',
        signedOn: '2013-02-01',
        parties: [{ allianceId: regional }, { allianceId: third }],
      });
      const result = await t.gql(
        `{ alliances(filter: { search: "Bündnis mit Vereinbarungen Qz" }) { edges { node { id agreements { title parties { alliance { id } } } } } } }`,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!.alliances.edges.map((e: any) => e.node)).toEqual([
        {
          id: regional,
          agreements: [
            { title: 'A 2013', parties: [{ alliance: { id: regional } }, { alliance: { id: third } }] },
            { title: 'A 2012', parties: [{ alliance: { id: state } }, { alliance: { id: regional } }] },
          ],
        },
        { id: third, agreements: [{ title: 'A 2013', parties: [{ alliance: { id: regional } }, { alliance: { id: third } }] }] },
      ]);
      const one = await t.gql(`query($id: ID!) { alliance(id: $id) { agreements { title } } }`, { id: state });
      expect(one.data!.alliance.agreements).toEqual([{ title: 'A 2012' }]);
      const none = await t.gql(`query($id: ID!) { alliance(id: $id) { agreements { title } } }`, {
        id: await insertAlliance(t.dataSource),
      });
      expect(none.data!.alliance.agreements).toEqual([]);
    });
  });
});
