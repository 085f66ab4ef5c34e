import { insertAlliance, insertMembership, insertOrganisation, insertPerson, regionId, rowCount } from './support/factories';
import { createTestApp, GqlResponse, TestApp } from './support/test-app';

const PROPOSAL = 'id entityType entityId baseVersion changes note status proposedBy proposedAt decidedBy decidedAt reason version';
const PROPOSE_ORGANISATION = `mutation($input: ProposeOrganisationChangeInput!) { proposeOrganisationChange(input: $input) { ${PROPOSAL} } }`;
const PROPOSE_PERSON = `mutation($input: ProposePersonChangeInput!) { proposePersonChange(input: $input) { ${PROPOSAL} } }`;
const ACCEPT = `mutation($id: ID!, $v: Int!) { acceptProposal(id: $id, expectedVersion: $v) { ${PROPOSAL} } }`;
const REJECT = `mutation($id: ID!, $v: Int!, $reason: String!) { rejectProposal(id: $id, expectedVersion: $v, reason: $reason) { ${PROPOSAL} } }`;
const WITHDRAW = `mutation($id: ID!, $v: Int!) { withdrawProposal(id: $id, expectedVersion: $v) { ${PROPOSAL} } }`;
const LIST = `query($filter: ProposalFilter, $first: Int, $after: String) {
  proposals(filter: $filter, first: $first, after: $after) { totalCount edges { cursor node { id proposedBy status } } pageInfo { hasNextPage endCursor } } }`;
const ORGANISATION = `query($id: ID!) { organisation(id: $id) { name shortName kind website version region { code } nameHistory { name validFrom validTo } } }`;
const PERSON = `query($id: ID!) { person(id: $id) { honorificPrefix givenName familyName displayName version } }`;
const UPDATE_ORGANISATION = `mutation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { id version } }`;
const TRAIL = `query($id: ID!) { auditTrail(entityId: $id) { actor action entityType changes } }`;

const UNKNOWN = '00000000-0000-4000-8000-00000000beef';
const COORDINATOR = 'koordination-hn';

const codeOf = (result: GqlResponse) => result.errors?.[0]?.extensions.code;
const fieldsOf = (result: GqlResponse) => result.errors?.[0]?.extensions.fields?.map((f) => f.field).sort();
type Event = { actor: string; action: string; entityType: string; changes: string };
const trail = async (t: TestApp, id: string) =>
  ((await t.gql<{ auditTrail: Event[] }>(TRAIL, { id }, { token: t.tokens.reader })).data!.auditTrail ?? []).map((event) => ({
    ...event,
    changes: JSON.parse(event.changes) as Record<string, unknown[]>,
  }));

describe('change proposals', () => {
  let t: TestApp;
  let alliance: string;
  /** Two coordinators of the same alliance: their tokens differ only in sub. */
  let coordinator: string;
  let colleague: string;
  beforeAll(async () => {
    t = await createTestApp();
    alliance = await insertAlliance(t.dataSource);
    coordinator = t.token('COORDINATOR', { sub: COORDINATOR, allianceIds: [alliance] });
    colleague = t.token('COORDINATOR', { sub: 'koordination-kollegin', allianceIds: [alliance] });
  });
  afterAll(async () => {
    await t.close();
  });

  /** A shared organisation: a member of the coordinator's alliance and of another one. */
  async function sharedOrganisation(values: { name?: string; shortName?: string } = {}): Promise<string> {
    const id = await insertOrganisation(t.dataSource, { kind: 'CHAMBER_OF_COMMERCE', ...values });
    await insertMembership(t.dataSource, { allianceId: alliance, organisationId: id });
    await insertMembership(t.dataSource, { allianceId: await insertAlliance(t.dataSource), organisationId: id });
    return id;
  }

  async function proposeOrganisation(input: Record<string, unknown>, token = coordinator) {
    const result = await t.gql(PROPOSE_ORGANISATION, { input: { expectedVersion: 1, ...input } }, { token });
    expect(result.errors).toBeUndefined();
    return result.data!.proposeOrganisationChange as { id: string; version: number; changes: string; status: string };
  }

  describe('proposeOrganisationChange', () => {
    it('keeps a coordinator’s proposal as the update and rename inputs would take it, writes nothing to the organisation, and audits it', async () => {
      const organisationId = await sharedOrganisation({ shortName: 'IHK HN' });
      const result = await t.gql(
        PROPOSE_ORGANISATION,
        {
          input: {
            organisationId,
            expectedVersion: 1,
            shortName: ' IHK Heilbronn-Franken ',
            website: null,
            regionId: await regionId(t.dataSource, '08121'),
            name: ' Industrie- und Handelskammer Heilbronn-Franken ',
            validFrom: '2020-01-01',
            note: '  Neuer Name laut Satzung  ',
          },
        },
        { token: coordinator },
      );
      expect(result.errors).toBeUndefined();
      const proposal = result.data!.proposeOrganisationChange;
      expect(proposal).toMatchObject({
        entityType: 'Organisation',
        entityId: organisationId,
        baseVersion: 1,
        note: 'Neuer Name laut Satzung',
        status: 'OPEN',
        proposedBy: COORDINATOR,
        proposedAt: expect.any(String),
        decidedBy: null,
        decidedAt: null,
        reason: null,
        version: 1,
      });
      expect(JSON.parse(proposal.changes)).toEqual({
        shortName: 'IHK Heilbronn-Franken',
        website: null,
        regionId: await regionId(t.dataSource, '08121'),
        name: 'Industrie- und Handelskammer Heilbronn-Franken',
        validFrom: '2020-01-01',
      });

      const listed = await t.gql(LIST, { filter: { entityId: organisationId } }, { token: coordinator });
      expect(listed.data!.proposals.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([proposal.id]);
      await expect(t.gql(ORGANISATION, { id: organisationId })).resolves.toMatchObject({
        data: { organisation: { shortName: 'IHK HN', version: 1, region: null } },
      });
      await expect(trail(t, organisationId)).resolves.toEqual([]);
      const [event] = await trail(t, proposal.id);
      expect(event).toMatchObject({ actor: COORDINATOR, action: 'proposeOrganisationChange', entityType: 'ChangeProposal' });
      expect(event.changes).toMatchObject({ status: [null, 'OPEN'], entityId: [null, organisationId], baseVersion: [null, 1] });
    });

    it('lets ministry staff propose too', async () => {
      const organisationId = await sharedOrganisation();
      const proposal = await proposeOrganisation({ organisationId, kind: 'OTHER' }, t.tokens.editor);
      expect([proposal.status, JSON.parse(proposal.changes)]).toEqual(['OPEN', { kind: 'OTHER' }]);
      await expect(proposeOrganisation({ organisationId, website: 'https://www.ihk.de/heilbronn' }, t.tokens.admin)).resolves.toMatchObject(
        {
          status: 'OPEN',
        },
      );
    });

    it('refuses readers and anonymous callers, and writes nothing', async () => {
      const organisationId = await sharedOrganisation();
      const before = await rowCount(t.dataSource, 'change_proposal');
      const input = { organisationId, expectedVersion: 1, shortName: 'IHK' };
      await expect(t.gql(PROPOSE_ORGANISATION, { input })).resolves.toMatchObject({
        data: null,
        errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })],
      });
      const reader = await t.gql(PROPOSE_ORGANISATION, { input }, { token: t.tokens.reader });
      expect(codeOf(reader)).toBe('FORBIDDEN');
      await expect(rowCount(t.dataSource, 'change_proposal')).resolves.toBe(before);
    });

    it('is NOT_FOUND for an unknown organisation or region and CONFLICT for a stale expectedVersion, and writes nothing', async () => {
      const organisationId = await sharedOrganisation();
      const before = await rowCount(t.dataSource, 'change_proposal');
      const unknown = await t.gql(
        PROPOSE_ORGANISATION,
        { input: { organisationId: UNKNOWN, expectedVersion: 1, shortName: 'X' } },
        { token: coordinator },
      );
      expect(codeOf(unknown)).toBe('NOT_FOUND');
      expect(fieldsOf(unknown)).toEqual(['organisationId']);
      const region = await t.gql(
        PROPOSE_ORGANISATION,
        { input: { organisationId, expectedVersion: 1, regionId: UNKNOWN } },
        { token: coordinator },
      );
      expect(codeOf(region)).toBe('NOT_FOUND');
      expect(fieldsOf(region)).toEqual(['regionId']);
      const stale = await t.gql(
        PROPOSE_ORGANISATION,
        { input: { organisationId, expectedVersion: 2, shortName: 'X' } },
        { token: coordinator },
      );
      expect(codeOf(stale)).toBe('CONFLICT');
      expect(stale.errors![0].extensions.currentVersion).toBe(1);
      await expect(rowCount(t.dataSource, 'change_proposal')).resolves.toBe(before);
    });

    it('needs at least one change, a rename with both name and validFrom, and valid fields', async () => {
      const organisationId = await sharedOrganisation();
      const before = await rowCount(t.dataSource, 'change_proposal');
      const refusal = async (input: Record<string, unknown>) => {
        const result = await t.gql(
          PROPOSE_ORGANISATION,
          { input: { organisationId, expectedVersion: 1, ...input } },
          { token: coordinator },
        );
        expect(codeOf(result)).toBe('BAD_USER_INPUT');
        return fieldsOf(result);
      };
      await expect(refusal({})).resolves.toEqual(['input']);
      await expect(refusal({ note: 'nur eine Notiz' })).resolves.toEqual(['input']);
      await expect(refusal({ name: 'IHK Neu' })).resolves.toEqual(['validFrom']);
      await expect(refusal({ validFrom: '2020-01-01' })).resolves.toEqual(['name']);
      await expect(refusal({ name: '   ', validFrom: '2020-01-01' })).resolves.toEqual(['name']);
      await expect(refusal({ kind: null })).resolves.toEqual(['kind']);
      await expect(refusal({ website: 'ftp://ihk.example' })).resolves.toEqual(['website']);
      await expect(refusal({ shortName: 'x'.repeat(301), note: 'y'.repeat(100_001) })).resolves.toEqual(['note', 'shortName']);
      await expect(refusal({ organisationId: 'not-a-uuid', shortName: 'IHK' })).resolves.toEqual(['organisationId']);
      await expect(rowCount(t.dataSource, 'change_proposal')).resolves.toBe(before);
    });
  });

  describe('proposePersonChange', () => {
    it('keeps the fields as updatePerson takes them, and refuses what updatePerson would', async () => {
      const personId = await insertPerson(t.dataSource, { givenName: 'Andreas', familyName: 'Schum' });
      const result = await t.gql(
        PROPOSE_PERSON,
        { input: { personId, expectedVersion: 1, familyName: ' Schumm ', honorificPrefix: 'Dr.', note: 'Tippfehler' } },
        { token: coordinator },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!.proposePersonChange).toMatchObject({ entityType: 'Person', entityId: personId, baseVersion: 1, status: 'OPEN' });
      expect(JSON.parse(result.data!.proposePersonChange.changes)).toEqual({ familyName: 'Schumm', honorificPrefix: 'Dr.' });
      await expect(t.gql(PERSON, { id: personId })).resolves.toMatchObject({ data: { person: { familyName: 'Schum', version: 1 } } });

      const unknown = await t.gql(
        PROPOSE_PERSON,
        { input: { personId: UNKNOWN, expectedVersion: 1, givenName: 'X' } },
        { token: coordinator },
      );
      expect([codeOf(unknown), fieldsOf(unknown)]).toEqual(['NOT_FOUND', ['personId']]);
      const stale = await t.gql(PROPOSE_PERSON, { input: { personId, expectedVersion: 3, givenName: 'X' } }, { token: coordinator });
      expect(codeOf(stale)).toBe('CONFLICT');
      const nothing = await t.gql(PROPOSE_PERSON, { input: { personId, expectedVersion: 1 } }, { token: coordinator });
      expect([codeOf(nothing), fieldsOf(nothing)]).toEqual(['BAD_USER_INPUT', ['input']]);
      const cleared = await t.gql(PROPOSE_PERSON, { input: { personId, expectedVersion: 1, givenName: null } }, { token: coordinator });
      expect([codeOf(cleared), fieldsOf(cleared)]).toEqual(['BAD_USER_INPUT', ['givenName']]);
      const reader = await t.gql(PROPOSE_PERSON, { input: { personId, expectedVersion: 1, givenName: 'X' } }, { token: t.tokens.reader });
      expect(codeOf(reader)).toBe('FORBIDDEN');
    });
  });

  describe('acceptProposal', () => {
    it('writes the change as the accepter, closes the proposal, and the audit trail names proposer and accepter', async () => {
      const organisationId = await sharedOrganisation({ shortName: 'IHK HN' });
      const proposal = await proposeOrganisation({
        organisationId,
        shortName: 'IHK Heilbronn-Franken',
        website: 'https://www.ihk.de/heilbronn',
      });

      for (const token of [coordinator, t.tokens.reader])
        await expect(t.gql(ACCEPT, { id: proposal.id, v: 1 }, { token }).then(codeOf)).resolves.toBe('FORBIDDEN');
      await expect(t.gql(ACCEPT, { id: proposal.id, v: 1 }).then(codeOf)).resolves.toBe('UNAUTHENTICATED');

      const accepted = await t.gql(ACCEPT, { id: proposal.id, v: 1 }, { token: t.tokens.editor });
      expect(accepted.errors).toBeUndefined();
      expect(accepted.data!.acceptProposal).toMatchObject({
        status: 'ACCEPTED',
        decidedBy: 'editor',
        decidedAt: expect.any(String),
        reason: null,
        version: 2,
        proposedBy: COORDINATOR,
      });
      await expect(t.gql(ORGANISATION, { id: organisationId })).resolves.toMatchObject({
        data: { organisation: { shortName: 'IHK Heilbronn-Franken', website: 'https://www.ihk.de/heilbronn', version: 2 } },
      });

      const [write] = await trail(t, organisationId);
      expect(write).toMatchObject({ actor: 'editor', action: 'updateOrganisation', entityType: 'Organisation' });
      expect(write.changes).toEqual({
        shortName: ['IHK HN', 'IHK Heilbronn-Franken'],
        website: [null, 'https://www.ihk.de/heilbronn'],
        proposedBy: [null, COORDINATOR],
        proposalId: [null, proposal.id],
      });
      const [decision] = await trail(t, proposal.id);
      expect(decision).toMatchObject({ actor: 'editor', action: 'acceptProposal', entityType: 'ChangeProposal' });
      expect(decision.changes).toMatchObject({ status: ['OPEN', 'ACCEPTED'], decidedBy: [null, 'editor'] });
    });

    it('applies a rename: the old name stays in nameHistory; with an update in the same proposal, both writes carry the proposal', async () => {
      const organisationId = await sharedOrganisation({ name: 'Handwerkskammer HN', shortName: 'HWK' });
      const proposal = await proposeOrganisation({
        organisationId,
        shortName: 'HWK Heilbronn-Franken',
        name: 'Handwerkskammer Heilbronn-Franken',
        validFrom: '2021-05-12',
      });
      const accepted = await t.gql(ACCEPT, { id: proposal.id, v: 1 }, { token: t.tokens.admin });
      expect(accepted.errors).toBeUndefined();
      await expect(t.gql(ORGANISATION, { id: organisationId })).resolves.toMatchObject({
        data: {
          organisation: {
            name: 'Handwerkskammer Heilbronn-Franken',
            shortName: 'HWK Heilbronn-Franken',
            version: 3,
            nameHistory: [
              { name: 'Handwerkskammer HN', validFrom: null, validTo: '2021-05-12' },
              { name: 'Handwerkskammer Heilbronn-Franken', validFrom: '2021-05-12', validTo: null },
            ],
          },
        },
      });
      const events = await trail(t, organisationId);
      expect(events.map((e) => [e.actor, e.action])).toEqual([
        ['admin', 'renameOrganisation'],
        ['admin', 'updateOrganisation'],
      ]);
      for (const event of events) expect(event.changes).toMatchObject({ proposedBy: [null, COORDINATOR], proposalId: [null, proposal.id] });
      expect(events[0].changes.name).toEqual(['Handwerkskammer HN', 'Handwerkskammer Heilbronn-Franken']);
    });

    it('applies a correction of a person', async () => {
      const personId = await insertPerson(t.dataSource, { givenName: 'Andreas', familyName: 'Schum' });
      const proposed = await t.gql(
        PROPOSE_PERSON,
        { input: { personId, expectedVersion: 1, familyName: 'Schumm', honorificPrefix: 'Dr.' } },
        { token: coordinator },
      );
      const id = proposed.data!.proposePersonChange.id as string;
      await expect(t.gql(ACCEPT, { id, v: 1 }, { token: t.tokens.editor })).resolves.toMatchObject({
        data: { acceptProposal: { status: 'ACCEPTED' } },
      });
      await expect(t.gql(PERSON, { id: personId })).resolves.toMatchObject({
        data: { person: { displayName: 'Dr. Andreas Schumm', version: 2 } },
      });
      const [write] = await trail(t, personId);
      expect(write).toMatchObject({ actor: 'editor', action: 'updatePerson' });
      expect(write.changes).toEqual({
        familyName: ['Schum', 'Schumm'],
        honorificPrefix: [null, 'Dr.'],
        proposedBy: [null, COORDINATOR],
        proposalId: [null, id],
      });
    });

    it('is CONFLICT when the record has moved on since, and writes nothing: the proposal stays OPEN', async () => {
      const organisationId = await sharedOrganisation({ shortName: 'IHK HN' });
      const proposal = await proposeOrganisation({ organisationId, shortName: 'IHK Heilbronn-Franken' });
      const moved = await t.gql(
        UPDATE_ORGANISATION,
        { input: { id: organisationId, expectedVersion: 1, website: 'https://ihk.example' } },
        { token: t.tokens.editor },
      );
      expect(moved.data!.updateOrganisation.version).toBe(2);

      const conflict = await t.gql(ACCEPT, { id: proposal.id, v: 1 }, { token: t.tokens.editor });
      expect(codeOf(conflict)).toBe('CONFLICT');
      expect(conflict.errors![0].extensions).toMatchObject({ currentVersion: 2, baseVersion: 1 });
      expect(conflict.errors![0].message).toContain('has changed since the proposal was made');
      await expect(t.gql(ORGANISATION, { id: organisationId })).resolves.toMatchObject({
        data: { organisation: { shortName: 'IHK HN', website: 'https://ihk.example', version: 2 } },
      });
      await expect(t.gql(LIST, { filter: { entityId: organisationId } }, { token: t.tokens.editor })).resolves.toMatchObject({
        data: { proposals: { edges: [{ node: { id: proposal.id, status: 'OPEN' } }] } },
      });
      await expect(trail(t, organisationId).then((events) => events.map((e) => e.action))).resolves.toEqual(['updateOrganisation']);
      await expect(trail(t, proposal.id).then((events) => events.map((e) => e.action))).resolves.toEqual(['proposeOrganisationChange']);
    });

    it('writes nothing when the second of its writes is refused: the update is undone with the failed rename', async () => {
      const organisationId = await sharedOrganisation({ name: 'Agentur für Arbeit HN', shortName: 'AA HN' });
      // The organisation already has this name: renameOrganisation refuses it, after the update has been written.
      const proposal = await proposeOrganisation({
        organisationId,
        shortName: 'AA Heilbronn',
        name: 'Agentur für Arbeit HN',
        validFrom: '2020-01-01',
      });
      const refused = await t.gql(ACCEPT, { id: proposal.id, v: 1 }, { token: t.tokens.editor });
      expect([codeOf(refused), fieldsOf(refused)]).toEqual(['BAD_USER_INPUT', ['name']]);
      await expect(t.gql(ORGANISATION, { id: organisationId })).resolves.toMatchObject({
        data: { organisation: { shortName: 'AA HN', version: 1 } },
      });
      await expect(trail(t, organisationId)).resolves.toEqual([]);
      await expect(t.gql(WITHDRAW, { id: proposal.id, v: 1 }, { token: coordinator })).resolves.toMatchObject({
        data: { withdrawProposal: { status: 'WITHDRAWN' } },
      });
    });

    it('lets exactly one of two concurrent acceptances write', async () => {
      const organisationId = await sharedOrganisation();
      const proposal = await proposeOrganisation({ organisationId, shortName: 'Einmal' });
      const results = await Promise.all(
        [t.tokens.editor, t.tokens.admin].map((token) => t.gql(ACCEPT, { id: proposal.id, v: 1 }, { token })),
      );
      expect(results.map(codeOf).sort()).toEqual(['CONFLICT', undefined]);
      await expect(trail(t, organisationId).then((events) => events.length)).resolves.toBe(1);
    });
  });

  describe('rejectProposal and withdrawProposal', () => {
    it('rejects with a trimmed, bounded reason, by ministry staff only, and writes nothing to the record', async () => {
      const organisationId = await sharedOrganisation({ shortName: 'DGB' });
      const proposal = await proposeOrganisation({ organisationId, shortName: 'DGB Nordwürttemberg' });
      for (const reason of ['   ', 'x'.repeat(100_001)]) {
        const bad = await t.gql(REJECT, { id: proposal.id, v: 1, reason }, { token: t.tokens.editor });
        expect([codeOf(bad), fieldsOf(bad)]).toEqual(['BAD_USER_INPUT', ['reason']]);
      }
      await expect(t.gql(REJECT, { id: proposal.id, v: 1, reason: 'nein' }, { token: coordinator }).then(codeOf)).resolves.toBe(
        'FORBIDDEN',
      );

      const rejected = await t.gql(REJECT, { id: proposal.id, v: 1, reason: '  Der Kurzname bleibt DGB.  ' }, { token: t.tokens.editor });
      expect(rejected.errors).toBeUndefined();
      expect(rejected.data!.rejectProposal).toMatchObject({
        status: 'REJECTED',
        reason: 'Der Kurzname bleibt DGB.',
        decidedBy: 'editor',
        decidedAt: expect.any(String),
        version: 2,
      });
      await expect(t.gql(ORGANISATION, { id: organisationId })).resolves.toMatchObject({
        data: { organisation: { shortName: 'DGB', version: 1 } },
      });
      const [event] = await trail(t, proposal.id);
      expect(event).toMatchObject({ actor: 'editor', action: 'rejectProposal' });
      expect(event.changes).toMatchObject({ status: ['OPEN', 'REJECTED'], reason: [null, 'Der Kurzname bleibt DGB.'] });
    });

    it('lets only the proposer withdraw: another coordinator and ministry staff are FORBIDDEN', async () => {
      const organisationId = await sharedOrganisation();
      const proposal = await proposeOrganisation({ organisationId, shortName: 'Zurück' });
      for (const token of [colleague, t.tokens.editor, t.tokens.admin, t.tokens.reader]) {
        await expect(t.gql(WITHDRAW, { id: proposal.id, v: 1 }, { token }).then(codeOf)).resolves.toBe('FORBIDDEN');
      }
      await expect(t.gql(WITHDRAW, { id: proposal.id, v: 1 }).then(codeOf)).resolves.toBe('UNAUTHENTICATED');
      const withdrawn = await t.gql(WITHDRAW, { id: proposal.id, v: 1 }, { token: coordinator });
      expect(withdrawn.data!.withdrawProposal).toMatchObject({ status: 'WITHDRAWN', decidedBy: COORDINATOR, version: 2 });
      const [event] = await trail(t, proposal.id);
      expect(event).toMatchObject({ actor: COORDINATOR, action: 'withdrawProposal' });
      await expect(t.gql(ORGANISATION, { id: organisationId })).resolves.toMatchObject({ data: { organisation: { version: 1 } } });
    });

    it('decides or withdraws only an OPEN proposal: BAD_USER_INPUT naming status', async () => {
      const organisationId = await sharedOrganisation();
      const accepted = await proposeOrganisation({ organisationId, shortName: 'A' });
      await t.gql(ACCEPT, { id: accepted.id, v: 1 }, { token: t.tokens.editor });
      const rejected = await proposeOrganisation({ organisationId, expectedVersion: 2, shortName: 'B' });
      await t.gql(REJECT, { id: rejected.id, v: 1, reason: 'nein' }, { token: t.tokens.editor });
      const withdrawn = await proposeOrganisation({ organisationId, expectedVersion: 2, shortName: 'C' });
      await t.gql(WITHDRAW, { id: withdrawn.id, v: 1 }, { token: coordinator });

      for (const id of [accepted.id, rejected.id, withdrawn.id]) {
        for (const [document, token, variables] of [
          [ACCEPT, t.tokens.editor, {}],
          [REJECT, t.tokens.editor, { reason: 'zu spät' }],
          [WITHDRAW, coordinator, {}],
        ] as const) {
          const result = await t.gql(document, { id, v: 2, ...variables }, { token });
          expect([codeOf(result), fieldsOf(result)]).toEqual(['BAD_USER_INPUT', ['status']]);
        }
      }
      await expect(t.gql(ORGANISATION, { id: organisationId })).resolves.toMatchObject({
        data: { organisation: { shortName: 'A', version: 2 } },
      });
    });

    it('is CONFLICT for a stale expectedVersion of the proposal and NOT_FOUND for an unknown one, writing nothing', async () => {
      const organisationId = await sharedOrganisation();
      const proposal = await proposeOrganisation({ organisationId, shortName: 'Neu' });
      for (const [document, token, variables] of [
        [ACCEPT, t.tokens.editor, {}],
        [REJECT, t.tokens.editor, { reason: 'nein' }],
        [WITHDRAW, coordinator, {}],
      ] as const) {
        const stale = await t.gql(document, { id: proposal.id, v: 2, ...variables }, { token });
        expect([codeOf(stale), fieldsOf(stale)]).toEqual(['CONFLICT', ['expectedVersion']]);
        const unknown = await t.gql(document, { id: UNKNOWN, v: 1, ...variables }, { token });
        expect([codeOf(unknown), fieldsOf(unknown)]).toEqual(['NOT_FOUND', ['id']]);
      }
      await expect(t.gql(LIST, { filter: { entityId: organisationId } }, { token: coordinator })).resolves.toMatchObject({
        data: { proposals: { edges: [{ node: { status: 'OPEN' } }] } },
      });
      await expect(trail(t, proposal.id).then((events) => events.length)).resolves.toBe(1);
      await expect(trail(t, organisationId)).resolves.toEqual([]);
    });
  });

  describe('proposals', () => {
    type Listed = {
      proposals: {
        totalCount: number;
        edges: { cursor: string; node: { id: string; proposedBy: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    };
    const ids = (result: GqlResponse<Listed>) => result.data!.proposals.edges.map((e) => e.node.id);

    it('shows ministry staff every proposal and a coordinator only its own; READER is FORBIDDEN, anonymous UNAUTHENTICATED', async () => {
      const organisationId = await sharedOrganisation();
      const mine = await proposeOrganisation({ organisationId, shortName: 'Meins' });
      const theirs = await proposeOrganisation({ organisationId, shortName: 'Ihres' }, colleague);
      const filter = { entityId: organisationId };
      // The same query from two coordinators of the same alliances: each answer is its own, cached or not.
      for (let round = 0; round < 2; round += 1) {
        await expect(t.gql<Listed>(LIST, { filter }, { token: coordinator }).then(ids)).resolves.toEqual([mine.id]);
        await expect(t.gql<Listed>(LIST, { filter }, { token: colleague }).then(ids)).resolves.toEqual([theirs.id]);
      }
      for (const token of [t.tokens.editor, t.tokens.admin]) {
        await expect(t.gql<Listed>(LIST, { filter }, { token }).then((r) => new Set(ids(r)))).resolves.toEqual(
          new Set([mine.id, theirs.id]),
        );
      }
      // A coordinator asking for someone else's proposals gets none.
      await expect(
        t.gql<Listed>(LIST, { filter: { ...filter, proposedBy: 'koordination-kollegin' } }, { token: coordinator }),
      ).resolves.toMatchObject({
        data: { proposals: { totalCount: 0, edges: [] } },
      });
      await expect(t.gql(LIST, { filter }, { token: t.tokens.reader }).then(codeOf)).resolves.toBe('FORBIDDEN');
      await expect(t.gql(LIST, { filter }).then(codeOf)).resolves.toBe('UNAUTHENTICATED');
    });

    it('pages newest first without repeating or skipping, and filters by status, record and proposer', async () => {
      const organisationId = await sharedOrganisation();
      const proposals: string[] = [];
      for (let i = 0; i < 5; i += 1)
        proposals.push((await proposeOrganisation({ organisationId, shortName: `Vorschlag ${i}` }, i % 2 ? colleague : coordinator)).id);
      // Days apart, two of them at the same instant, so the order is known and the tiebreaker is exercised.
      const at = [
        '2030-01-01T10:00:00.000Z',
        '2030-01-02T10:00:00.000Z',
        '2030-01-03T10:00:00.123Z',
        '2030-01-03T10:00:00.123Z',
        '2030-01-04T10:00:00.000Z',
      ];
      for (const [i, id] of proposals.entries())
        await t.dataSource.query('UPDATE change_proposal SET proposed_at = $2 WHERE id = $1', [id, at[i]]);
      await t.gql(REJECT, { id: proposals[0], v: 1, reason: 'nein' }, { token: t.tokens.editor });
      const tied = [proposals[2], proposals[3]].sort().reverse();
      const newestFirst = [proposals[4], ...tied, proposals[1], proposals[0]];

      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const result: GqlResponse<Listed> = await t.gql<Listed>(
          LIST,
          { filter: { entityId: organisationId }, first: 2, after },
          { token: t.tokens.editor },
        );
        expect(result.errors).toBeUndefined();
        expect(result.data!.proposals.totalCount).toBe(5);
        seen.push(...ids(result));
        after = result.data!.proposals.pageInfo.hasNextPage ? result.data!.proposals.pageInfo.endCursor : null;
        pages += 1;
      } while (after);
      expect(pages).toBe(3);
      expect(seen).toEqual(newestFirst);

      const list = (filter: Record<string, unknown>, token = t.tokens.editor) =>
        t.gql<Listed>(LIST, { filter: { entityId: organisationId, ...filter } }, { token }).then(ids);
      await expect(list({ status: 'REJECTED' })).resolves.toEqual([proposals[0]]);
      await expect(list({ status: 'OPEN' })).resolves.toEqual(newestFirst.slice(0, 4));
      await expect(list({ proposedBy: 'koordination-kollegin' })).resolves.toEqual(
        newestFirst.filter((id) => [proposals[1], proposals[3]].includes(id)),
      );
      await expect(list({ proposedBy: ` ${COORDINATOR} `, status: 'OPEN' })).resolves.toEqual(
        newestFirst.filter((id) => [proposals[2], proposals[4]].includes(id)),
      );
      await expect(list({ status: 'OPEN' }, coordinator)).resolves.toEqual(
        newestFirst.filter((id) => [proposals[2], proposals[4]].includes(id)),
      );
      await expect(t.gql<Listed>(LIST, { filter: { entityId: UNKNOWN } }, { token: t.tokens.editor })).resolves.toMatchObject({
        data: { proposals: { totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } } },
      });
    });

    it('bounds first, refuses cursors it did not issue and bad filters, and costs the same statements for 1 or 100', async () => {
      for (const first of [0, 101]) {
        const result = await t.gql(LIST, { first }, { token: t.tokens.editor });
        expect([codeOf(result), fieldsOf(result)]).toEqual(['BAD_USER_INPUT', ['first']]);
      }
      const otherList = Buffer.from(JSON.stringify(['2013-10-29', UNKNOWN])).toString('base64url');
      for (const after of [
        'bm90IGEgY3Vyc29y',
        otherList,
        Buffer.from(JSON.stringify(['2030-02-30T10:00:00.000Z', UNKNOWN])).toString('base64url'),
      ]) {
        const result = await t.gql(LIST, { after }, { token: t.tokens.editor });
        expect([codeOf(result), fieldsOf(result)]).toEqual(['BAD_USER_INPUT', ['after']]);
      }
      const bad = await t.gql(LIST, { filter: { entityId: 'nope', proposedBy: 'x'.repeat(201) } }, { token: t.tokens.editor });
      expect([codeOf(bad), fieldsOf(bad)]).toEqual(['BAD_USER_INPUT', ['entityId', 'proposedBy']]);

      const organisationId = await sharedOrganisation();
      for (let i = 0; i < 3; i += 1) await proposeOrganisation({ organisationId, shortName: `Zähler ${i}` });
      const count = (first: number) =>
        t.countStatements(async () => {
          const result = await t.gql<Listed>(
            LIST,
            { filter: { entityId: organisationId, status: 'OPEN' }, first },
            { token: t.tokens.editor },
          );
          expect(result.data!.proposals.edges).toHaveLength(Math.min(first, 3));
        });
      const one = await count(1);
      await expect(count(100)).resolves.toBe(one);
      expect(one).toBeGreaterThanOrEqual(1);
      expect(one).toBeLessThanOrEqual(3);
    });
  });
});
