import { insertAgreement, insertAlliance, insertMeeting, insertOrganisation, insertPerson } from './support/factories';
import { createTestApp, GqlResponse, TestApp } from './support/test-app';

const AGREEMENT_FIELDS = `id title status signedOn terminatedOn version archivedAt
  parties { alliance { id } representedBy { id } signatory { id } }
  commitments { id kind description instruments version }`;
const READ = `query($id: ID!) { agreement(id: $id) { ${AGREEMENT_FIELDS} } }`;
const UPDATE = `mutation($input: UpdateAgreementInput!) { updateAgreement(input: $input) { ${AGREEMENT_FIELDS} } }`;
const SIGN = `mutation($input: SignAgreementInput!) { signAgreement(input: $input) { id status signedOn terminatedOn version } }`;
const TERMINATE = `mutation($input: TerminateAgreementInput!) { terminateAgreement(input: $input) { id status signedOn terminatedOn version } }`;
const ARCHIVE = `mutation($id: ID!, $v: Int!) { archiveAgreement(id: $id, expectedVersion: $v) { id archivedAt version } }`;
const RESTORE = `mutation($id: ID!, $v: Int!) { restoreAgreement(id: $id, expectedVersion: $v) { id archivedAt version } }`;
const ADD_COMMITMENT = `mutation($input: AddCommitmentInput!) { addCommitment(input: $input) {
  id kind description instruments version agreement { id } } }`;
const UPDATE_COMMITMENT = `mutation($input: UpdateCommitmentInput!) { updateCommitment(input: $input) {
  id kind description instruments version agreement { id } } }`;
const TRAIL = `query($id: ID!) { auditTrail(entityId: $id) { actor action entityType entityId changes } }`;
const LIST = `query($filter: AgreementFilter) { agreements(filter: $filter, first: 100) { totalCount edges { node { id } } } }`;

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe('the lifecycle of agreements and their commitments', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  /** An agreement between two fresh alliances, written straight to the database. */
  async function agreementOf(values: { status?: string; signedOn?: string | null; terminatedOn?: string | null; archivedAt?: Date } = {}) {
    const alliances = [await insertAlliance(t.dataSource, { level: 'STATE', regionCode: '08' }), await insertAlliance(t.dataSource)];
    const id = await insertAgreement(t.dataSource, {
      ...values,
      parties: alliances.map((allianceId) => ({ allianceId })),
      commitments: [{ kind: 'ANNUAL_TOP_LEVEL_MEETING', description: 'Einmal im Jahr' }],
    });
    return { id, alliances };
  }
  const draft = () => agreementOf({ status: 'DRAFT', signedOn: null });
  const signed = () => agreementOf({ signedOn: '2012-09-24' });

  async function read(id: string) {
    const result = await t.gql(READ, { id });
    expect(result.errors).toBeUndefined();
    return result.data!.agreement;
  }

  /** The agreement as stored, with its parties, commitments and audit events: what "nothing written" compares. */
  async function stored(id: string) {
    return {
      agreement: await t.dataSource.query('SELECT * FROM agreement WHERE id = $1', [id]),
      parties: await t.dataSource.query('SELECT * FROM agreement_party WHERE agreement_id = $1 ORDER BY position', [id]),
      commitments: await t.dataSource.query('SELECT * FROM commitment WHERE agreement_id = $1 ORDER BY position', [id]),
      events: await t.dataSource.query(
        'SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1 OR entity_id IN (SELECT id FROM commitment WHERE agreement_id = $1)',
        [id],
      ),
    };
  }

  async function trail(id: string): Promise<{ actor: string; action: string; entityType: string; entityId: string; changes: any }[]> {
    const result = await t.gql(TRAIL, { id }, { token: t.tokens.reader });
    expect(result.errors).toBeUndefined();
    return result.data!.auditTrail.map((event: { changes: string }) => ({ ...event, changes: JSON.parse(event.changes) }));
  }

  function refused(result: GqlResponse, code: string, field?: string) {
    expect(result.errors?.[0]?.extensions.code).toBe(code);
    if (field) expect(result.errors![0].extensions.fields!.map((f) => f.field)).toEqual([field]);
    expect(result.data).toBeNull();
  }

  /** A mutation refused for a coordinator of the agreement's own alliances and a reader (FORBIDDEN) and for anonymous callers (UNAUTHENTICATED), writing nothing. */
  async function onlyForMinistry(agreementId: string, alliances: string[], query: string, variables: Record<string, unknown>) {
    const before = await stored(agreementId);
    refused(await t.gql(query, variables, { token: t.token('COORDINATOR', { allianceIds: alliances }) }), 'FORBIDDEN');
    refused(await t.gql(query, variables, { token: t.tokens.reader }), 'FORBIDDEN');
    refused(await t.gql(query, variables), 'UNAUTHENTICATED');
    await expect(stored(agreementId)).resolves.toEqual(before);
  }

  /** expectedVersion 1 after the record moved on to 2: CONFLICT, nothing written. */
  async function staleIsConflict(agreementId: string, query: string, variables: Record<string, unknown>) {
    const before = await stored(agreementId);
    const result = await t.gql(query, variables, { token: t.tokens.editor });
    refused(result, 'CONFLICT');
    expect(result.errors![0].extensions.currentVersion).toBe(2);
    await expect(stored(agreementId)).resolves.toEqual(before);
  }

  /** Moves the agreement to version 2 without changing anything else a test looks at. */
  async function bump(id: string) {
    await t.dataSource.query('UPDATE agreement SET version = version + 1 WHERE id = $1', [id]);
  }

  describe('updateAgreement', () => {
    it('replaces the title and the whole list of parties of a DRAFT, in the order given', async () => {
      const { id, alliances } = await draft();
      const third = await insertAlliance(t.dataSource);
      const ministry = await insertOrganisation(t.dataSource, { kind: 'MINISTRY' });
      const secretary = await insertPerson(t.dataSource);
      const result = await t.gql(
        UPDATE,
        {
          input: {
            id,
            expectedVersion: 1,
            title: '  Kooperationsvereinbarung (Entwurf 2)  ',
            parties: [{ allianceId: third }, { allianceId: alliances[0], representedById: ministry, signatoryId: secretary }],
          },
        },
        { token: t.token('EDITOR', { sub: 'referat-23' }) },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!.updateAgreement).toMatchObject({ title: 'Kooperationsvereinbarung (Entwurf 2)', status: 'DRAFT', version: 2 });
      await expect(read(id)).resolves.toMatchObject({
        title: 'Kooperationsvereinbarung (Entwurf 2)',
        version: 2,
        parties: [
          { alliance: { id: third }, representedBy: null, signatory: null },
          { alliance: { id: alliances[0] }, representedBy: { id: ministry }, signatory: { id: secretary } },
        ],
      });
      const [event] = await trail(id);
      expect(event).toMatchObject({ actor: 'referat-23', action: 'updateAgreement', entityType: 'Agreement', entityId: id });
      expect(event.changes.title).toEqual([expect.any(String), 'Kooperationsvereinbarung (Entwurf 2)']);
      expect(event.changes.parties).toEqual([
        alliances.map((allianceId) => ({ allianceId, representedById: null, signatoryId: null })),
        [
          { allianceId: third, representedById: null, signatoryId: null },
          { allianceId: alliances[0], representedById: ministry, signatoryId: secretary },
        ],
      ]);
    });

    it('corrects who represented and who signed for the same alliances of a SIGNED agreement, and its title', async () => {
      const { id, alliances } = await signed();
      const ihk = await insertOrganisation(t.dataSource);
      const signatory = await insertPerson(t.dataSource);
      const result = await t.gql(
        UPDATE,
        {
          input: {
            id,
            expectedVersion: 1,
            title: 'Kooperationsvereinbarung, berichtigt',
            parties: [{ allianceId: alliances[0] }, { allianceId: alliances[1], representedById: ihk, signatoryId: signatory }],
          },
        },
        { token: t.tokens.admin },
      );
      expect(result.errors).toBeUndefined();
      await expect(read(id)).resolves.toMatchObject({
        title: 'Kooperationsvereinbarung, berichtigt',
        status: 'SIGNED',
        version: 2,
        parties: [
          { alliance: { id: alliances[0] }, representedBy: null, signatory: null },
          { alliance: { id: alliances[1] }, representedBy: { id: ihk }, signatory: { id: signatory } },
        ],
      });
    });

    it('keeps the alliances of a SIGNED agreement: another, one more or one fewer is BAD_USER_INPUT naming parties', async () => {
      const { id, alliances } = await signed();
      const [other, more] = [await insertAlliance(t.dataSource), await insertAlliance(t.dataSource)];
      const before = await stored(id);
      for (const parties of [
        [alliances[0], other],
        [...alliances, more],
      ]) {
        const result = await t.gql(
          UPDATE,
          { input: { id, expectedVersion: 1, parties: parties.map((allianceId) => ({ allianceId })) } },
          { token: t.tokens.admin },
        );
        refused(result, 'BAD_USER_INPUT', 'parties');
      }
      await expect(stored(id)).resolves.toEqual(before);
    });

    it('corrects the title of a TERMINATED agreement but not its parties', async () => {
      const { id, alliances } = await agreementOf({ status: 'TERMINATED', signedOn: '2012-09-24', terminatedOn: '2016-01-01' });
      const parties = alliances.map((allianceId) => ({ allianceId }));
      refused(await t.gql(UPDATE, { input: { id, expectedVersion: 1, parties } }, { token: t.tokens.admin }), 'BAD_USER_INPUT', 'parties');
      const title = await t.gql(UPDATE, { input: { id, expectedVersion: 1, title: 'Beendete Vereinbarung' } }, { token: t.tokens.admin });
      expect(title.errors).toBeUndefined();
      expect(title.data!.updateAgreement).toMatchObject({ title: 'Beendete Vereinbarung', status: 'TERMINATED', version: 2 });
    });

    it('needs at least two parties, each once, and a title that is not empty', async () => {
      const { id, alliances } = await draft();
      const before = await stored(id);
      const update = (input: Record<string, unknown>) =>
        t.gql(UPDATE, { input: { id, expectedVersion: 1, ...input } }, { token: t.tokens.admin });
      refused(await update({ parties: [{ allianceId: alliances[0] }] }), 'BAD_USER_INPUT', 'parties');
      refused(
        await update({ parties: [{ allianceId: alliances[0] }, { allianceId: alliances[0].toUpperCase() }] }),
        'BAD_USER_INPUT',
        'parties',
      );
      refused(await update({ parties: null }), 'BAD_USER_INPUT', 'parties');
      refused(await update({ title: '   ' }), 'BAD_USER_INPUT', 'title');
      refused(await update({ title: null }), 'BAD_USER_INPUT', 'title');
      refused(await update({ title: 'x'.repeat(301) }), 'BAD_USER_INPUT', 'title');
      refused(
        await update({ parties: [{ allianceId: alliances[0] }, { allianceId: 'bündnis' }] }),
        'BAD_USER_INPUT',
        'parties[1].allianceId',
      );
      await expect(stored(id)).resolves.toEqual(before);
    });

    it('answers NOT_FOUND naming the field for a party that names nothing, and leaves the old parties', async () => {
      const { id, alliances } = await draft();
      const before = await stored(id);
      const update = (party: Record<string, unknown>) =>
        t.gql(UPDATE, { input: { id, expectedVersion: 1, parties: [{ allianceId: alliances[0] }, party] } }, { token: t.tokens.admin });
      refused(await update({ allianceId: UNKNOWN }), 'NOT_FOUND', 'allianceId');
      refused(await update({ allianceId: alliances[1], representedById: UNKNOWN }), 'NOT_FOUND', 'representedById');
      refused(await update({ allianceId: alliances[1], signatoryId: UNKNOWN }), 'NOT_FOUND', 'signatoryId');
      await expect(stored(id)).resolves.toEqual(before);
    });

    it('answers NOT_FOUND for an unknown agreement and BAD_USER_INPUT for a malformed id', async () => {
      refused(
        await t.gql(UPDATE, { input: { id: UNKNOWN, expectedVersion: 1, title: 'x' } }, { token: t.tokens.admin }),
        'NOT_FOUND',
        'id',
      );
      refused(
        await t.gql(UPDATE, { input: { id: 'vereinbarung', expectedVersion: 1, title: 'x' } }, { token: t.tokens.admin }),
        'BAD_USER_INPUT',
        'id',
      );
    });

    it('refuses a stale version with CONFLICT, writing nothing', async () => {
      const { id, alliances } = await draft();
      await bump(id);
      await staleIsConflict(id, UPDATE, {
        input: { id, expectedVersion: 1, title: 'Zu spät', parties: [...alliances].reverse().map((allianceId) => ({ allianceId })) },
      });
    });

    it('is for ADMIN and EDITOR only', async () => {
      const { id, alliances } = await draft();
      await onlyForMinistry(id, alliances, UPDATE, { input: { id, expectedVersion: 1, title: 'Von der Koordination' } });
    });
  });

  describe('signAgreement and terminateAgreement', () => {
    it('signs a DRAFT, then terminates it; each move is read back and leaves its audit event', async () => {
      const { id } = await draft();
      const sign = await t.gql(SIGN, { input: { id, expectedVersion: 1, signedOn: '2012-09-24' } }, { token: t.tokens.editor });
      expect(sign.errors).toBeUndefined();
      expect(sign.data!.signAgreement).toEqual({ id, status: 'SIGNED', signedOn: '2012-09-24', terminatedOn: null, version: 2 });
      const terminate = await t.gql(
        TERMINATE,
        { input: { id, expectedVersion: 2, terminatedOn: '2016-05-12' } },
        { token: t.tokens.admin },
      );
      expect(terminate.errors).toBeUndefined();
      await expect(read(id)).resolves.toMatchObject({
        status: 'TERMINATED',
        signedOn: '2012-09-24',
        terminatedOn: '2016-05-12',
        version: 3,
      });
      const events = await trail(id);
      expect(events.map(({ actor, action, changes }) => ({ actor, action, changes }))).toEqual([
        { actor: 'admin', action: 'terminateAgreement', changes: { status: ['SIGNED', 'TERMINATED'], terminatedOn: [null, '2016-05-12'] } },
        { actor: 'editor', action: 'signAgreement', changes: { status: ['DRAFT', 'SIGNED'], signedOn: [null, '2012-09-24'] } },
      ]);
    });

    it('terminates on the day of signing, which ends it before it bound', async () => {
      const { id } = await signed();
      const result = await t.gql(TERMINATE, { input: { id, expectedVersion: 1, terminatedOn: '2012-09-24' } }, { token: t.tokens.admin });
      expect(result.errors).toBeUndefined();
      expect(result.data!.terminateAgreement).toMatchObject({ status: 'TERMINATED', terminatedOn: '2012-09-24' });
    });

    it('refuses a terminatedOn before signedOn with BAD_USER_INPUT naming terminatedOn, writing nothing', async () => {
      const { id } = await signed();
      const before = await stored(id);
      const result = await t.gql(TERMINATE, { input: { id, expectedVersion: 1, terminatedOn: '2012-09-23' } }, { token: t.tokens.admin });
      refused(result, 'BAD_USER_INPUT', 'terminatedOn');
      await expect(stored(id)).resolves.toEqual(before);
    });

    it('refuses every other move with BAD_USER_INPUT naming status', async () => {
      const moves: [() => Promise<{ id: string }>, string, Record<string, string>][] = [
        [signed, SIGN, { signedOn: '2013-01-01' }],
        [() => agreementOf({ status: 'TERMINATED', terminatedOn: '2016-01-01' }), SIGN, { signedOn: '2013-01-01' }],
        [draft, TERMINATE, { terminatedOn: '2016-01-01' }],
        [() => agreementOf({ status: 'TERMINATED', terminatedOn: '2016-01-01' }), TERMINATE, { terminatedOn: '2017-01-01' }],
      ];
      for (const [make, query, dates] of moves) {
        const { id } = await make();
        const before = await stored(id);
        refused(await t.gql(query, { input: { id, expectedVersion: 1, ...dates } }, { token: t.tokens.admin }), 'BAD_USER_INPUT', 'status');
        await expect(stored(id)).resolves.toEqual(before);
      }
    });

    it('refuses a day that does not exist, an unknown and a malformed id', async () => {
      const { id } = await draft();
      refused(
        await t.gql(SIGN, { input: { id, expectedVersion: 1, signedOn: '2012-02-30' } }, { token: t.tokens.admin }),
        'BAD_USER_INPUT',
        'signedOn',
      );
      refused(
        await t.gql(SIGN, { input: { id: UNKNOWN, expectedVersion: 1, signedOn: '2012-09-24' } }, { token: t.tokens.admin }),
        'NOT_FOUND',
        'id',
      );
      refused(
        await t.gql(TERMINATE, { input: { id: UNKNOWN, expectedVersion: 1, terminatedOn: '2016-01-01' } }, { token: t.tokens.admin }),
        'NOT_FOUND',
        'id',
      );
      refused(
        await t.gql(TERMINATE, { input: { id: 'x', expectedVersion: 1, terminatedOn: '2016-01-01' } }, { token: t.tokens.admin }),
        'BAD_USER_INPUT',
        'id',
      );
    });

    it('refuses a stale version with CONFLICT, writing nothing', async () => {
      const toSign = await draft();
      await bump(toSign.id);
      await staleIsConflict(toSign.id, SIGN, { input: { id: toSign.id, expectedVersion: 1, signedOn: '2012-09-24' } });
      const toTerminate = await signed();
      await bump(toTerminate.id);
      await staleIsConflict(toTerminate.id, TERMINATE, { input: { id: toTerminate.id, expectedVersion: 1, terminatedOn: '2016-01-01' } });
    });

    it('is for ADMIN and EDITOR only', async () => {
      const toSign = await draft();
      await onlyForMinistry(toSign.id, toSign.alliances, SIGN, { input: { id: toSign.id, expectedVersion: 1, signedOn: '2012-09-24' } });
      const toTerminate = await signed();
      await onlyForMinistry(toTerminate.id, toTerminate.alliances, TERMINATE, {
        input: { id: toTerminate.id, expectedVersion: 1, terminatedOn: '2016-01-01' },
      });
    });
  });

  describe('addCommitment', () => {
    it('adds a promise after the others of a SIGNED agreement, trimmed, with its own audit event', async () => {
      const { id } = await signed();
      const result = await t.gql(
        ADD_COMMITMENT,
        {
          input: {
            agreementId: id,
            kind: 'SHARED_MONITORING',
            description: '  Gemeinsame Nutzung des Fachkräftemonitors.  ',
            instruments: [' IHK-Fachkräftemonitor '],
          },
        },
        { token: t.token('EDITOR', { sub: 'referat-23' }) },
      );
      expect(result.errors).toBeUndefined();
      const commitment = result.data!.addCommitment;
      expect(commitment).toEqual({
        id: expect.any(String),
        kind: 'SHARED_MONITORING',
        description: 'Gemeinsame Nutzung des Fachkräftemonitors.',
        instruments: ['IHK-Fachkräftemonitor'],
        version: 1,
        agreement: { id },
      });
      const agreement = await read(id);
      expect(agreement.commitments.map((c: { kind: string }) => c.kind)).toEqual(['ANNUAL_TOP_LEVEL_MEETING', 'SHARED_MONITORING']);
      expect(agreement.version).toBe(1);
      const [event] = await trail(commitment.id);
      expect(event).toMatchObject({ actor: 'referat-23', action: 'addCommitment', entityType: 'Commitment', entityId: commitment.id });
      expect(event.changes).toMatchObject({
        agreementId: [null, id],
        kind: [null, 'SHARED_MONITORING'],
        description: [null, 'Gemeinsame Nutzung des Fachkräftemonitors.'],
        instruments: [null, ['IHK-Fachkräftemonitor']],
      });
    });

    it('adds to a DRAFT, and keeps the order of promises added at the same time', async () => {
      const { id } = await draft();
      const added = await Promise.all(
        [1, 2, 3, 4].map((n) =>
          t.gql(ADD_COMMITMENT, { input: { agreementId: id, kind: 'OTHER', description: `Zusage ${n}` } }, { token: t.tokens.admin }),
        ),
      );
      expect(added.map((result) => result.errors)).toEqual([undefined, undefined, undefined, undefined]);
      const positions: { position: number }[] = await t.dataSource.query(
        'SELECT position FROM commitment WHERE agreement_id = $1 ORDER BY position',
        [id],
      );
      expect(positions.map((row) => row.position)).toEqual([0, 1, 2, 3, 4]);
      const { commitments } = await read(id);
      expect(commitments).toHaveLength(5);
    });

    it('refuses a TERMINATED or an archived agreement with BAD_USER_INPUT naming agreementId', async () => {
      for (const values of [{ status: 'TERMINATED', terminatedOn: '2016-01-01' }, { archivedAt: new Date() }]) {
        const { id } = await agreementOf(values);
        const before = await stored(id);
        const result = await t.gql(
          ADD_COMMITMENT,
          { input: { agreementId: id, kind: 'OTHER', description: 'Zu spät' } },
          { token: t.tokens.admin },
        );
        refused(result, 'BAD_USER_INPUT', 'agreementId');
        await expect(stored(id)).resolves.toEqual(before);
      }
    });

    it('answers NOT_FOUND for an unknown agreement and names each bad field', async () => {
      const { id } = await signed();
      refused(
        await t.gql(ADD_COMMITMENT, { input: { agreementId: UNKNOWN, kind: 'OTHER', description: 'x' } }, { token: t.tokens.admin }),
        'NOT_FOUND',
        'agreementId',
      );
      const before = await stored(id);
      const add = (input: Record<string, unknown>) =>
        t.gql(ADD_COMMITMENT, { input: { agreementId: id, kind: 'OTHER', description: 'x', ...input } }, { token: t.tokens.admin });
      refused(await add({ agreementId: 'vereinbarung' }), 'BAD_USER_INPUT', 'agreementId');
      refused(await add({ description: '  ' }), 'BAD_USER_INPUT', 'description');
      refused(await add({ instruments: Array.from({ length: 21 }, (_, i) => `Monitor ${i}`) }), 'BAD_USER_INPUT', 'instruments');
      refused(await add({ instruments: ['  '] }), 'BAD_USER_INPUT', 'instruments');
      await expect(stored(id)).resolves.toEqual(before);
    });

    it('is for ADMIN and EDITOR only', async () => {
      const { id, alliances } = await signed();
      await onlyForMinistry(id, alliances, ADD_COMMITMENT, { input: { agreementId: id, kind: 'OTHER', description: 'Zusage' } });
    });
  });

  describe('updateCommitment', () => {
    const commitmentOf = async (agreementId: string): Promise<string> => (await read(agreementId)).commitments[0].id;

    it('corrects the wording and replaces the instruments, versioned and audited', async () => {
      const { id } = await signed();
      const commitmentId = await commitmentOf(id);
      const result = await t.gql(
        UPDATE_COMMITMENT,
        {
          input: {
            id: commitmentId,
            expectedVersion: 1,
            description: ' Einmal jährlich ein Spitzengespräch. ',
            instruments: ['Protokoll'],
          },
        },
        { token: t.tokens.editor },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!.updateCommitment).toEqual({
        id: commitmentId,
        kind: 'ANNUAL_TOP_LEVEL_MEETING',
        description: 'Einmal jährlich ein Spitzengespräch.',
        instruments: ['Protokoll'],
        version: 2,
        agreement: { id },
      });
      const cleared = await t.gql(
        UPDATE_COMMITMENT,
        { input: { id: commitmentId, expectedVersion: 2, instruments: [] } },
        { token: t.tokens.admin },
      );
      expect(cleared.errors).toBeUndefined();
      await expect(read(id)).resolves.toMatchObject({
        commitments: [{ id: commitmentId, description: 'Einmal jährlich ein Spitzengespräch.', instruments: [], version: 3 }],
      });
      const events = await trail(commitmentId);
      expect(events.map(({ actor, action, entityType, changes }) => ({ actor, action, entityType, changes }))).toEqual([
        { actor: 'admin', action: 'updateCommitment', entityType: 'Commitment', changes: { instruments: [['Protokoll'], []] } },
        {
          actor: 'editor',
          action: 'updateCommitment',
          entityType: 'Commitment',
          changes: { description: ['Einmal im Jahr', 'Einmal jährlich ein Spitzengespräch.'], instruments: [[], ['Protokoll']] },
        },
      ]);
    });

    it('corrects a commitment of a TERMINATED agreement, not one of an archived agreement', async () => {
      const terminated = await agreementOf({ status: 'TERMINATED', terminatedOn: '2016-01-01' });
      const ok = await t.gql(
        UPDATE_COMMITMENT,
        { input: { id: await commitmentOf(terminated.id), expectedVersion: 1, description: 'Berichtigt' } },
        { token: t.tokens.admin },
      );
      expect(ok.errors).toBeUndefined();
      const archived = await agreementOf({ archivedAt: new Date() });
      const before = await stored(archived.id);
      refused(
        await t.gql(
          UPDATE_COMMITMENT,
          { input: { id: await commitmentOf(archived.id), expectedVersion: 1, description: 'Berichtigt' } },
          { token: t.tokens.admin },
        ),
        'BAD_USER_INPUT',
        'id',
      );
      await expect(stored(archived.id)).resolves.toEqual(before);
    });

    it('refuses null for the wording and the instruments, and answers NOT_FOUND for an unknown commitment', async () => {
      const { id } = await signed();
      const commitmentId = await commitmentOf(id);
      const before = await stored(id);
      const update = (input: Record<string, unknown>) =>
        t.gql(UPDATE_COMMITMENT, { input: { id: commitmentId, expectedVersion: 1, ...input } }, { token: t.tokens.admin });
      refused(await update({ description: null }), 'BAD_USER_INPUT', 'description');
      refused(await update({ description: 'x'.repeat(100_001) }), 'BAD_USER_INPUT', 'description');
      refused(await update({ instruments: null }), 'BAD_USER_INPUT', 'instruments');
      refused(await update({ id: UNKNOWN }), 'NOT_FOUND', 'id');
      await expect(stored(id)).resolves.toEqual(before);
    });

    it('refuses a stale version with CONFLICT, writing nothing', async () => {
      const { id } = await signed();
      const commitmentId = await commitmentOf(id);
      await t.dataSource.query('UPDATE commitment SET version = 2 WHERE id = $1', [commitmentId]);
      await staleIsConflict(id, UPDATE_COMMITMENT, { input: { id: commitmentId, expectedVersion: 1, description: 'Zu spät' } });
    });

    it('is for ADMIN and EDITOR only', async () => {
      const { id, alliances } = await signed();
      await onlyForMinistry(id, alliances, UPDATE_COMMITMENT, {
        input: { id: await commitmentOf(id), expectedVersion: 1, description: 'Koordination' },
      });
    });
  });

  describe('archiveAgreement and restoreAgreement', () => {
    it('takes an archived agreement out of lists and Alliance.agreements; by id and from its meetings it stays readable; restored, it is back', async () => {
      const { id, alliances } = await signed();
      const meeting = await insertMeeting(t.dataSource, { heldOn: '2013-10-29', agreementId: id, allianceId: alliances[1] });
      const listed = async (filter: Record<string, unknown> = {}) =>
        (await t.gql(LIST, { filter: { allianceId: alliances[1], ...filter } })).data!.agreements.edges.map((e: any) => e.node.id);
      const ofAlliance = async () =>
        (await t.gql(`query($id: ID!) { alliance(id: $id) { agreements { id } } }`, { id: alliances[1] })).data!.alliance.agreements;
      const ofMeeting = async () =>
        (await t.gql(`query($id: ID!) { meeting(id: $id) { agreement { id archivedAt } } }`, { id: meeting })).data!.meeting.agreement;

      const archived = await t.gql(ARCHIVE, { id, v: 1 }, { token: t.tokens.editor });
      expect(archived.errors).toBeUndefined();
      expect(archived.data!.archiveAgreement).toEqual({ id, archivedAt: expect.any(String), version: 2 });
      await expect(listed()).resolves.toEqual([]);
      await expect(listed({ includeArchived: true })).resolves.toEqual([id]);
      await expect(ofAlliance()).resolves.toEqual([]);
      await expect(ofMeeting()).resolves.toEqual({ id, archivedAt: archived.data!.archiveAgreement.archivedAt });
      await expect(read(id)).resolves.toMatchObject({ archivedAt: archived.data!.archiveAgreement.archivedAt, version: 2 });

      const restored = await t.gql(RESTORE, { id, v: 2 }, { token: t.tokens.admin });
      expect(restored.errors).toBeUndefined();
      expect(restored.data!.restoreAgreement).toEqual({ id, archivedAt: null, version: 3 });
      await expect(listed()).resolves.toEqual([id]);
      await expect(ofAlliance()).resolves.toEqual([{ id }]);
      const events = await trail(id);
      expect(events.map(({ actor, action }) => ({ actor, action }))).toEqual([
        { actor: 'admin', action: 'restoreAgreement' },
        { actor: 'editor', action: 'archiveAgreement' },
      ]);
      expect(events[1].changes.archivedAt).toEqual([null, expect.any(String)]);
    });

    it('refuses to archive an archived agreement, to restore one that is not, and any change while archived', async () => {
      const { id } = await draft();
      refused(await t.gql(RESTORE, { id, v: 1 }, { token: t.tokens.admin }), 'BAD_USER_INPUT', 'id');
      expect((await t.gql(ARCHIVE, { id, v: 1 }, { token: t.tokens.admin })).errors).toBeUndefined();
      const before = await stored(id);
      refused(await t.gql(ARCHIVE, { id, v: 2 }, { token: t.tokens.admin }), 'BAD_USER_INPUT', 'id');
      refused(await t.gql(UPDATE, { input: { id, expectedVersion: 2, title: 'x' } }, { token: t.tokens.admin }), 'BAD_USER_INPUT', 'id');
      refused(
        await t.gql(SIGN, { input: { id, expectedVersion: 2, signedOn: '2012-09-24' } }, { token: t.tokens.admin }),
        'BAD_USER_INPUT',
        'id',
      );
      await expect(stored(id)).resolves.toEqual(before);
    });

    it('answers NOT_FOUND for an unknown agreement and CONFLICT for a stale version, writing nothing', async () => {
      refused(await t.gql(ARCHIVE, { id: UNKNOWN, v: 1 }, { token: t.tokens.admin }), 'NOT_FOUND', 'id');
      refused(await t.gql(RESTORE, { id: UNKNOWN, v: 1 }, { token: t.tokens.admin }), 'NOT_FOUND', 'id');
      refused(await t.gql(ARCHIVE, { id: 'x', v: 1 }, { token: t.tokens.admin }), 'BAD_USER_INPUT');
      const toArchive = await signed();
      await bump(toArchive.id);
      await staleIsConflict(toArchive.id, ARCHIVE, { id: toArchive.id, v: 1 });
      const toRestore = await agreementOf({ archivedAt: new Date() });
      await bump(toRestore.id);
      await staleIsConflict(toRestore.id, RESTORE, { id: toRestore.id, v: 1 });
    });

    it('is for ADMIN and EDITOR only', async () => {
      const toArchive = await signed();
      await onlyForMinistry(toArchive.id, toArchive.alliances, ARCHIVE, { id: toArchive.id, v: 1 });
      const toRestore = await agreementOf({ archivedAt: new Date() });
      await onlyForMinistry(toRestore.id, toRestore.alliances, RESTORE, { id: toRestore.id, v: 1 });
    });
  });
});
