import { dayFromToday } from './support/days';
import { insertAgreement, insertAlliance, insertMeeting, insertPerson, rowCount } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

const RECORD = `mutation($input: RecordMeetingInput!) { recordMeeting(input: $input) {
  id kind status title heldOn location outcome version
  agreement { id } alliance { id } participants { id displayName }
} }`;
const UPDATE = `mutation($input: UpdateMeetingInput!) { updateMeeting(input: $input) { id status heldOn location outcome version participants { id } } }`;
const READ = `query($id: ID!) { meeting(id: $id) {
  id kind status title heldOn location outcome version
  agreement { id title } alliance { id name } participants { id displayName }
} }`;
const LIST = `query($filter: MeetingFilter, $first: Int, $after: String) {
  meetings(filter: $filter, first: $first, after: $after) { totalCount edges { cursor node { id title heldOn } } pageInfo { hasNextPage endCursor } } }`;

const ARCHIVE = `mutation($id: ID!, $v: Int!) { archiveMeeting(id: $id, expectedVersion: $v) { id version archivedAt } }`;
const RESTORE = `mutation($id: ID!, $v: Int!) { restoreMeeting(id: $id, expectedVersion: $v) { id version archivedAt } }`;
const TRAIL = `query($id: ID!) { auditTrail(entityId: $id) { actor action changes } }`;

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe('meetings', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  /** A state and a regional alliance with an agreement between them, and an alliance outside it. */
  const scene = async () => {
    const state = await insertAlliance(t.dataSource, { level: 'STATE', regionCode: '08' });
    const regional = await insertAlliance(t.dataSource, { name: `Fachkräftebündnis ${Math.random().toString(36).slice(2, 8)}` });
    const outsider = await insertAlliance(t.dataSource);
    const agreement = await insertAgreement(t.dataSource, { parties: [{ allianceId: state }, { allianceId: regional }] });
    return { state, regional, outsider, agreement };
  };
  const meeting = (extra: Record<string, unknown>) => ({
    kind: 'TOP_LEVEL_MEETING',
    status: 'HELD',
    title: 'Spitzengespräch',
    heldOn: '2013-10-29',
    ...extra,
  });
  const counts = async () => ({
    meeting: await rowCount(t.dataSource, 'meeting'),
    meeting_participant: await rowCount(t.dataSource, 'meeting_participant'),
    audit_event: await rowCount(t.dataSource, 'audit_event'),
  });
  const titles = (result: { data: any }) => result.data.meetings.edges.map((e: { node: { title: string } }) => e.node.title);

  describe('recordMeeting', () => {
    it('records the first Spitzengespräch and reads it back with agreement, alliance and participants in order', async () => {
      const { agreement, regional } = await scene();
      const hirschmann = await insertPerson(t.dataSource, { givenName: 'Kirsten', familyName: 'Hirschmann' });
      const schumm = await insertPerson(t.dataSource, { honorificPrefix: 'Dr.', givenName: 'Andreas', familyName: 'Schumm' });
      const recorded = await t.gql(
        RECORD,
        {
          input: meeting({
            title: ' Erstes Spitzengespräch unter der Kooperationsvereinbarung ',
            location: 'IHK Heilbronn-Franken, Heilbronn',
            agreementId: agreement,
            allianceId: regional,
            participantIds: [schumm, hirschmann],
            outcome: 'Fachkräftemonitor gemeinsam auswerten.',
          }),
        },
        { token: t.tokens.editor },
      );
      expect(recorded.errors).toBeUndefined();
      const id = recorded.data!.recordMeeting.id;
      expect(recorded.data!.recordMeeting).toEqual({
        id,
        kind: 'TOP_LEVEL_MEETING',
        status: 'HELD',
        title: 'Erstes Spitzengespräch unter der Kooperationsvereinbarung',
        heldOn: '2013-10-29',
        location: 'IHK Heilbronn-Franken, Heilbronn',
        outcome: 'Fachkräftemonitor gemeinsam auswerten.',
        version: 1,
        agreement: { id: agreement },
        alliance: { id: regional },
        participants: [
          { id: schumm, displayName: 'Dr. Andreas Schumm' },
          { id: hirschmann, displayName: 'Kirsten Hirschmann' },
        ],
      });
      const read = await t.gql(READ, { id });
      expect(read.data!.meeting).toMatchObject({
        id,
        agreement: { id: agreement },
        alliance: { id: regional },
        participants: [{ id: schumm }, { id: hirschmann }],
      });

      const trail = await t.gql(
        `query($id: ID!) { auditTrail(entityId: $id) { actor action entityType changes } }`,
        { id },
        { token: t.tokens.reader },
      );
      expect(trail.data!.auditTrail).toHaveLength(1);
      expect(trail.data!.auditTrail[0]).toMatchObject({ actor: 'editor', action: 'recordMeeting', entityType: 'Meeting' });
      expect(JSON.parse(trail.data!.auditTrail[0].changes).participantIds).toEqual([null, [schumm, hirschmann]]);
    });

    it('needs an agreement, an alliance or both', async () => {
      const before = await counts();
      const result = await t.gql(RECORD, { input: meeting({}) }, { token: t.tokens.admin });
      expect(result.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      expect(result.errors![0].extensions.fields).toEqual([expect.objectContaining({ field: 'agreementId' })]);
      await expect(counts()).resolves.toEqual(before);
    });

    it('refuses an alliance that is not a party of the agreement', async () => {
      const { agreement, outsider } = await scene();
      const result = await t.gql(RECORD, { input: meeting({ agreementId: agreement, allianceId: outsider }) }, { token: t.tokens.admin });
      expect(result.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      expect(result.errors![0].extensions.fields).toEqual([expect.objectContaining({ field: 'allianceId' })]);
    });

    it('answers NOT_FOUND for an unknown agreement, alliance or participant, and writes nothing', async () => {
      const { agreement, regional } = await scene();
      const person = await insertPerson(t.dataSource);
      const before = await counts();
      const cases = [
        { input: { agreementId: UNKNOWN }, field: 'agreementId' },
        { input: { allianceId: UNKNOWN }, field: 'allianceId' },
        { input: { agreementId: agreement, allianceId: UNKNOWN }, field: 'allianceId' },
        { input: { agreementId: agreement, allianceId: regional, participantIds: [person, UNKNOWN] }, field: 'participantIds' },
      ];
      for (const { input, field } of cases) {
        const result = await t.gql(RECORD, { input: meeting(input) }, { token: t.tokens.admin });
        expect(result.errors![0].extensions.code).toBe('NOT_FOUND');
        expect(result.errors![0].extensions.fields).toEqual([expect.objectContaining({ field })]);
      }
      await expect(counts()).resolves.toEqual(before);
    });

    it('refuses an impossible date given in variables, and bad input, naming the fields', async () => {
      const { regional } = await scene();
      const badDate = await t.gql(RECORD, { input: meeting({ allianceId: regional, heldOn: '2025-02-30' }) }, { token: t.tokens.admin });
      expect(badDate.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      const badFilter = await t.gql(LIST, { filter: { from: '2025-02-30' } });
      expect(badFilter.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      const person = await insertPerson(t.dataSource);
      const bad = await t.gql(
        RECORD,
        { input: meeting({ allianceId: regional, title: '  ', location: 'x'.repeat(301), participantIds: [person, person, 'niemand'] }) },
        { token: t.tokens.admin },
      );
      expect(bad.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      expect([...new Set(bad.errors![0].extensions.fields!.map((f) => f.field))].sort()).toEqual(['location', 'participantIds', 'title']);
    });

    it('is not for READER or anonymous callers', async () => {
      const { regional } = await scene();
      const before = await counts();
      const reader = await t.gql(RECORD, { input: meeting({ allianceId: regional }) }, { token: t.tokens.reader });
      expect(reader.errors![0].extensions.code).toBe('FORBIDDEN');
      const anonymous = await t.gql(RECORD, { input: meeting({ allianceId: regional }) });
      expect(anonymous.errors![0].extensions.code).toBe('UNAUTHENTICATED');
      await expect(counts()).resolves.toEqual(before);
    });
  });

  describe('updateMeeting', () => {
    it('updates with the current version, replaces participants, and refuses a stale version with CONFLICT, writing nothing', async () => {
      const { agreement, regional } = await scene();
      const [a, b, c] = [await insertPerson(t.dataSource), await insertPerson(t.dataSource), await insertPerson(t.dataSource)];
      const id = await insertMeeting(t.dataSource, {
        status: 'PLANNED',
        heldOn: '2014-10-01',
        agreementId: agreement,
        allianceId: regional,
        participantIds: [a, b],
      });
      const updated = await t.gql(
        UPDATE,
        {
          input: {
            id,
            expectedVersion: 1,
            status: 'HELD',
            heldOn: '2014-10-29',
            location: 'Schwäbisch Hall',
            participantIds: [c, a],
            outcome: 'Ergebnisse',
          },
        },
        { token: t.tokens.admin },
      );
      expect(updated.errors).toBeUndefined();
      expect(updated.data!.updateMeeting).toEqual({
        id,
        status: 'HELD',
        heldOn: '2014-10-29',
        location: 'Schwäbisch Hall',
        outcome: 'Ergebnisse',
        version: 2,
        participants: [{ id: c }, { id: a }],
      });

      const before = await counts();
      const stale = await t.gql(
        UPDATE,
        { input: { id, expectedVersion: 1, status: 'CANCELLED', participantIds: [] } },
        { token: t.tokens.admin },
      );
      expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
      await expect(counts()).resolves.toEqual(before);
      const read = await t.gql(READ, { id });
      expect(read.data!.meeting).toMatchObject({ status: 'HELD', version: 2, participants: [{ id: c }, { id: a }] });

      const trail = await t.gql(`query($id: ID!) { auditTrail(entityId: $id) { action changes } }`, { id }, { token: t.tokens.reader });
      expect(trail.data!.auditTrail.map((e: { action: string }) => e.action)).toEqual(['updateMeeting']);
      const changes = JSON.parse(trail.data!.auditTrail[0].changes);
      expect(changes.participantIds).toEqual([
        [a, b],
        [c, a],
      ]);
      expect(changes.status).toEqual(['PLANNED', 'HELD']);
    });

    it('keeps what is omitted, clears location with null and refuses null for a required field', async () => {
      const { regional } = await scene();
      const person = await insertPerson(t.dataSource);
      const id = await insertMeeting(t.dataSource, { heldOn: '2015-01-01', allianceId: regional, participantIds: [person] });
      await t.gql(UPDATE, { input: { id, expectedVersion: 1, location: 'Künzelsau' } }, { token: t.tokens.admin });
      const cleared = await t.gql(UPDATE, { input: { id, expectedVersion: 2, location: null } }, { token: t.tokens.admin });
      expect(cleared.data!.updateMeeting).toMatchObject({
        location: null,
        heldOn: '2015-01-01',
        status: 'HELD',
        version: 3,
        participants: [{ id: person }],
      });
      const nullDay = await t.gql(UPDATE, { input: { id, expectedVersion: 3, heldOn: null } }, { token: t.tokens.admin });
      expect(nullDay.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      expect(nullDay.errors![0].extensions.fields![0].field).toBe('heldOn');
    });

    it('answers NOT_FOUND for an unknown meeting and for an unknown participant, writing nothing', async () => {
      const { regional } = await scene();
      const person = await insertPerson(t.dataSource);
      const unknown = await t.gql(UPDATE, { input: { id: UNKNOWN, expectedVersion: 1, status: 'HELD' } }, { token: t.tokens.admin });
      expect(unknown.errors![0].extensions.code).toBe('NOT_FOUND');
      const id = await insertMeeting(t.dataSource, { heldOn: '2015-02-01', allianceId: regional, participantIds: [person] });
      const before = await counts();
      const result = await t.gql(
        UPDATE,
        { input: { id, expectedVersion: 1, outcome: 'neu', participantIds: [UNKNOWN] } },
        { token: t.tokens.admin },
      );
      expect(result.errors![0].extensions.code).toBe('NOT_FOUND');
      expect(result.errors![0].extensions.fields).toEqual([expect.objectContaining({ field: 'participantIds' })]);
      await expect(counts()).resolves.toEqual(before);
      const read = await t.gql(READ, { id });
      expect(read.data!.meeting).toMatchObject({ outcome: null, version: 1, participants: [{ id: person }] });
    });
  });

  describe('the coordinator rule', () => {
    it("lets a coordinator record and update its alliance's meetings, and nothing else", async () => {
      const { agreement, regional, outsider } = await scene();
      const token = t.token('COORDINATOR', { sub: 'koordination-hf', allianceIds: [regional] });

      const own = await t.gql(RECORD, { input: meeting({ kind: 'SKILLED_LABOUR_CONFERENCE', allianceId: regional }) }, { token });
      expect(own.errors).toBeUndefined();
      // A meeting that names no alliance, under an agreement with the state alliance, is the state
      // alliance's too: shared, so the coordinator names its own alliance to record it.
      const shared = await t.gql(RECORD, { input: meeting({ agreementId: agreement }) }, { token });
      expect(shared.errors![0].extensions.code).toBe('FORBIDDEN');
      const underAgreement = await t.gql(RECORD, { input: meeting({ agreementId: agreement, allianceId: regional }) }, { token });
      expect(underAgreement.errors).toBeUndefined();
      const ownUpdate = await t.gql(
        UPDATE,
        { input: { id: underAgreement.data!.recordMeeting.id, expectedVersion: 1, outcome: 'Protokoll' } },
        { token },
      );
      expect(ownUpdate.errors).toBeUndefined();

      const before = await counts();
      const foreign = await t.gql(RECORD, { input: meeting({ allianceId: outsider }) }, { token });
      expect(foreign.errors![0].extensions.code).toBe('FORBIDDEN');
      const foreignAgreement = await insertAgreement(t.dataSource, {
        parties: [{ allianceId: outsider }, { allianceId: await insertAlliance(t.dataSource) }],
      });
      const foreignUnderAgreement = await t.gql(RECORD, { input: meeting({ agreementId: foreignAgreement }) }, { token });
      expect(foreignUnderAgreement.errors![0].extensions.code).toBe('FORBIDDEN');
      const foreignMeeting = await insertMeeting(t.dataSource, { heldOn: '2016-01-01', allianceId: outsider });
      const foreignUpdate = await t.gql(UPDATE, { input: { id: foreignMeeting, expectedVersion: 1, status: 'CANCELLED' } }, { token });
      expect(foreignUpdate.errors![0].extensions.code).toBe('FORBIDDEN');
      // The meeting is the outsider's even though the agreement names the coordinator's alliance.
      const stateMeeting = await insertMeeting(t.dataSource, { heldOn: '2016-02-01', agreementId: agreement, allianceId: outsider });
      const stateUpdate = await t.gql(UPDATE, { input: { id: stateMeeting, expectedVersion: 1, status: 'CANCELLED' } }, { token });
      expect(stateUpdate.errors![0].extensions.code).toBe('FORBIDDEN');

      await expect(counts()).resolves.toEqual({ ...before, meeting: before.meeting + 2 });
      const read = await t.gql(READ, { id: foreignMeeting });
      expect(read.data!.meeting).toMatchObject({ status: 'HELD', version: 1 });
    });
  });

  describe('reading meetings', () => {
    it('answers null for an unknown id and BAD_USER_INPUT for a malformed one', async () => {
      const missing = await t.gql(READ, { id: UNKNOWN });
      expect(missing.errors).toBeUndefined();
      expect(missing.data!.meeting).toBeNull();
      const malformed = await t.gql(READ, { id: '42' });
      expect(malformed.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    });

    it('filters by kind, status, agreement, alliance and period (both ends inclusive), latest first', async () => {
      const { agreement, regional, state } = await scene();
      await insertMeeting(t.dataSource, { title: 'M 2013 Spitze', heldOn: '2013-10-29', agreementId: agreement, allianceId: regional });
      await insertMeeting(t.dataSource, {
        title: 'M 2014 Konferenz',
        kind: 'SKILLED_LABOUR_CONFERENCE',
        heldOn: '2014-06-15',
        allianceId: regional,
      });
      await insertMeeting(t.dataSource, {
        title: 'M 2014 Spitze',
        status: 'CANCELLED',
        heldOn: '2014-10-29',
        agreementId: agreement,
        allianceId: state,
      });
      await insertMeeting(t.dataSource, { title: 'M 2015 Spitze', status: 'PLANNED', heldOn: '2015-10-29', agreementId: agreement });

      expect(titles(await t.gql(LIST, { filter: { agreementId: agreement } }))).toEqual([
        'M 2015 Spitze',
        'M 2014 Spitze',
        'M 2013 Spitze',
      ]);
      expect(titles(await t.gql(LIST, { filter: { allianceId: regional } }))).toEqual(['M 2014 Konferenz', 'M 2013 Spitze']);
      expect(titles(await t.gql(LIST, { filter: { allianceId: regional, kind: 'SKILLED_LABOUR_CONFERENCE' } }))).toEqual([
        'M 2014 Konferenz',
      ]);
      expect(titles(await t.gql(LIST, { filter: { agreementId: agreement, status: 'CANCELLED' } }))).toEqual(['M 2014 Spitze']);
      expect(titles(await t.gql(LIST, { filter: { agreementId: agreement, from: '2014-10-29' } }))).toEqual([
        'M 2015 Spitze',
        'M 2014 Spitze',
      ]);
      expect(titles(await t.gql(LIST, { filter: { agreementId: agreement, to: '2014-10-29' } }))).toEqual([
        'M 2014 Spitze',
        'M 2013 Spitze',
      ]);
      expect(titles(await t.gql(LIST, { filter: { agreementId: agreement, from: '2013-10-29', to: '2013-10-29' } }))).toEqual([
        'M 2013 Spitze',
      ]);
      const backwards = await t.gql(LIST, { filter: { from: '2015-01-01', to: '2014-01-01' } });
      expect(backwards.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    });

    it('answers an empty page and walks several pages without repeating or skipping', async () => {
      const { regional } = await scene();
      const empty = await t.gql(LIST, { filter: { allianceId: regional } });
      expect(empty.data!.meetings).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
      for (const heldOn of ['2013-01-01', '2014-01-01', '2014-01-01', '2015-01-01', '2016-01-01']) {
        await insertMeeting(t.dataSource, { heldOn, allianceId: regional });
      }
      const days: string[] = [];
      const ids = new Set<string>();
      let after: string | null = null;
      do {
        const result: any = await t.gql(LIST, { filter: { allianceId: regional }, first: 2, after });
        expect(result.data.meetings.totalCount).toBe(5);
        for (const edge of result.data.meetings.edges) {
          days.push(edge.node.heldOn);
          ids.add(edge.node.id);
        }
        after = result.data.meetings.pageInfo.hasNextPage ? result.data.meetings.pageInfo.endCursor : null;
      } while (after);
      expect(days).toEqual(['2016-01-01', '2015-01-01', '2014-01-01', '2014-01-01', '2013-01-01']);
      expect(ids.size).toBe(5);
      const tooMany = await t.gql(LIST, { first: 101 });
      expect(tooMany.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    });

    it('shows the meetings of an alliance and of an agreement, oldest first', async () => {
      const { agreement, regional, state } = await scene();
      const later = await insertMeeting(t.dataSource, { heldOn: '2014-10-29', agreementId: agreement, allianceId: regional });
      const earlier = await insertMeeting(t.dataSource, { heldOn: '2013-10-29', agreementId: agreement, allianceId: regional });
      const conference = await insertMeeting(t.dataSource, {
        kind: 'SKILLED_LABOUR_CONFERENCE',
        heldOn: '2014-01-20',
        allianceId: regional,
      });
      const stateOnly = await insertMeeting(t.dataSource, { heldOn: '2013-12-01', agreementId: agreement });
      const alliance = await t.gql(`query($id: ID!) { alliance(id: $id) { meetings { id } } }`, { id: regional });
      expect(alliance.data!.alliance.meetings).toEqual([{ id: earlier }, { id: conference }, { id: later }]);
      const stateAlliance = await t.gql(`query($id: ID!) { alliance(id: $id) { meetings { id } } }`, { id: state });
      expect(stateAlliance.data!.alliance.meetings).toEqual([]);
      const underAgreement = await t.gql(`query($id: ID!) { agreement(id: $id) { meetings { id agreement { id } } } }`, { id: agreement });
      expect(underAgreement.data!.agreement.meetings).toEqual([
        { id: earlier, agreement: { id: agreement } },
        { id: stateOnly, agreement: { id: agreement } },
        { id: later, agreement: { id: agreement } },
      ]);
    });

    it('costs as many SQL statements for 50 meetings with agreement → parties → alliance and participants as for 5', async () => {
      const { regional } = await scene();
      const people = [await insertPerson(t.dataSource), await insertPerson(t.dataSource), await insertPerson(t.dataSource)];
      for (let i = 0; i < 10; i += 1) {
        const agreement = await insertAgreement(t.dataSource, {
          parties: [{ allianceId: regional }, { allianceId: await insertAlliance(t.dataSource) }],
        });
        for (let j = 0; j < 5; j += 1) {
          await insertMeeting(t.dataSource, {
            heldOn: `20${10 + i}-0${j + 1}-15`,
            agreementId: agreement,
            allianceId: regional,
            participantIds: [people[j % 3], people[(j + 1) % 3]],
          });
        }
      }
      const query = `query($filter: MeetingFilter, $first: Int) { meetings(filter: $filter, first: $first) { totalCount edges { node {
        title heldOn alliance { name }
        agreement { title parties { alliance { name } representedBy { name } signatory { displayName } } commitments { kind } }
        participants { displayName }
      } } } }`;
      let five: any = null;
      const small = await t.countStatements(async () => {
        five = await t.gql(query, { filter: { allianceId: regional }, first: 5 });
      });
      let fifty: any = null;
      const large = await t.countStatements(async () => {
        fifty = await t.gql(query, { filter: { allianceId: regional }, first: 50 });
      });
      expect(five.errors).toBeUndefined();
      expect(fifty.errors).toBeUndefined();
      expect([five.data.meetings.edges.length, fifty.data.meetings.edges.length]).toEqual([5, 50]);
      expect(fifty.data.meetings.edges[49].node.agreement.parties[0].alliance.name).toEqual(expect.any(String));
      expect(fifty.data.meetings.edges[49].node.participants).toHaveLength(2);
      expect(large).toBe(small);
      expect(small).toBeLessThanOrEqual(10);
    });
  });

  const fieldOf = (result: { errors?: { extensions: { fields?: { field: string }[] } }[] }) =>
    result.errors?.[0]?.extensions.fields?.map((f) => f.field);

  describe('a HELD meeting lies on or before today (Europe/Berlin)', () => {
    it('recordMeeting refuses HELD after today, naming heldOn, and records HELD today and PLANNED or CANCELLED tomorrow', async () => {
      const { regional } = await scene();
      const before = await counts();
      const future = await t.gql(RECORD, { input: meeting({ allianceId: regional, heldOn: dayFromToday(1) }) }, { token: t.tokens.admin });
      expect(future.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      expect(fieldOf(future)).toEqual(['heldOn']);
      await expect(counts()).resolves.toEqual(before);

      for (const input of [
        { status: 'HELD', heldOn: dayFromToday(0) },
        { status: 'PLANNED', heldOn: dayFromToday(1) },
        { status: 'CANCELLED', heldOn: dayFromToday(365) },
      ]) {
        const result = await t.gql(RECORD, { input: meeting({ allianceId: regional, ...input }) }, { token: t.tokens.admin });
        expect(result.errors).toBeUndefined();
        expect(result.data!.recordMeeting).toMatchObject(input);
      }
    });

    it('updateMeeting refuses to make a meeting HELD after today: naming status when only the status changes, else heldOn', async () => {
      const { regional } = await scene();
      const planned = await insertMeeting(t.dataSource, { status: 'PLANNED', heldOn: dayFromToday(1), allianceId: regional });
      const held = await insertMeeting(t.dataSource, { status: 'HELD', heldOn: dayFromToday(-1), allianceId: regional });
      const before = await counts();
      const cases: [Record<string, unknown>, string][] = [
        [{ id: planned, status: 'HELD' }, 'status'],
        [{ id: planned, status: 'HELD', heldOn: dayFromToday(1) }, 'status'],
        [{ id: planned, status: 'HELD', heldOn: dayFromToday(2) }, 'heldOn'],
        [{ id: held, heldOn: dayFromToday(1) }, 'heldOn'],
        [{ id: held, status: 'HELD', heldOn: dayFromToday(30) }, 'heldOn'],
      ];
      for (const [input, field] of cases) {
        const result = await t.gql(UPDATE, { input: { expectedVersion: 1, ...input } }, { token: t.tokens.admin });
        expect(result.errors![0].extensions.code).toBe('BAD_USER_INPUT');
        expect(fieldOf(result)).toEqual([field]);
      }
      await expect(counts()).resolves.toEqual(before);

      const postponed = await t.gql(
        UPDATE,
        { input: { id: held, expectedVersion: 1, status: 'PLANNED', heldOn: dayFromToday(7) } },
        { token: t.tokens.admin },
      );
      expect(postponed.data!.updateMeeting).toMatchObject({ status: 'PLANNED', heldOn: dayFromToday(7), version: 2 });
      const tookPlace = await t.gql(
        UPDATE,
        { input: { id: planned, expectedVersion: 1, status: 'HELD', heldOn: dayFromToday(0) } },
        { token: t.tokens.admin },
      );
      expect(tookPlace.data!.updateMeeting).toMatchObject({ status: 'HELD', heldOn: dayFromToday(0), version: 2 });
      const read = await t.gql(READ, { id: planned });
      expect(read.data!.meeting).toMatchObject({ status: 'HELD', heldOn: dayFromToday(0), version: 2 });
    });
  });

  describe('archiveMeeting and restoreMeeting', () => {
    it('takes an archived meeting out of the meetings list and its alliance and agreement, still answers it by id, and brings it back', async () => {
      const { agreement, regional } = await scene();
      const kept = await insertMeeting(t.dataSource, { heldOn: '2013-10-29', agreementId: agreement, allianceId: regional });
      const archived = await insertMeeting(t.dataSource, { heldOn: '2014-10-29', agreementId: agreement, allianceId: regional });
      const VIEWS = `query($agreement: ID!, $alliance: ID!, $meeting: ID!) {
        listed: meetings(filter: { agreementId: $agreement }) { totalCount edges { node { id } } }
        all: meetings(filter: { agreementId: $agreement, includeArchived: true }) { totalCount edges { node { id archivedAt } } }
        alliance(id: $alliance) { meetings { id } }
        agreement(id: $agreement) { meetings { id } }
        meeting(id: $meeting) { id version archivedAt }
      }`;
      const views = async () => {
        const result = await t.gql(VIEWS, { agreement, alliance: regional, meeting: archived });
        expect(result.errors).toBeUndefined();
        return result.data!;
      };

      const done = await t.gql(ARCHIVE, { id: archived, v: 1 }, { token: t.tokens.editor });
      expect(done.errors).toBeUndefined();
      const archivedAt = done.data!.archiveMeeting.archivedAt;
      expect(done.data!.archiveMeeting).toEqual({ id: archived, version: 2, archivedAt: expect.any(String) });
      await expect(views()).resolves.toEqual({
        listed: { totalCount: 1, edges: [{ node: { id: kept } }] },
        all: {
          totalCount: 2,
          edges: [{ node: { id: archived, archivedAt } }, { node: { id: kept, archivedAt: null } }],
        },
        alliance: { meetings: [{ id: kept }] },
        agreement: { meetings: [{ id: kept }] },
        meeting: { id: archived, version: 2, archivedAt },
      });

      const restored = await t.gql(RESTORE, { id: archived, v: 2 }, { token: t.tokens.admin });
      expect(restored.data!.restoreMeeting).toEqual({ id: archived, version: 3, archivedAt: null });
      const back = await views();
      expect(back.listed).toEqual({ totalCount: 2, edges: [{ node: { id: archived } }, { node: { id: kept } }] });
      expect(back.alliance.meetings).toEqual([{ id: kept }, { id: archived }]);
      expect(back.agreement.meetings).toEqual([{ id: kept }, { id: archived }]);

      const trail = await t.gql(TRAIL, { id: archived }, { token: t.tokens.reader });
      expect(trail.data!.auditTrail.map((e: { actor: string; action: string }) => [e.actor, e.action])).toEqual([
        ['admin', 'restoreMeeting'],
        ['editor', 'archiveMeeting'],
      ]);
      expect(JSON.parse(trail.data!.auditTrail[1].changes)).toEqual({ archivedAt: [null, archivedAt] });
    });

    it('lets an archived top-level meeting fulfil no commitment and count as no meeting held, until restored', async () => {
      const { state, regional } = await scene();
      const agreement = await insertAgreement(t.dataSource, {
        signedOn: '2012-09-24',
        parties: [{ allianceId: state }, { allianceId: regional }],
        commitments: [{ kind: 'ANNUAL_TOP_LEVEL_MEETING' }],
      });
      const id = await insertMeeting(t.dataSource, { heldOn: '2013-10-29', agreementId: agreement, allianceId: regional });
      const DASHBOARD = `{ overdueCommitments(asOf: "2014-01-01") { lastFulfilledOn nextDueOn commitment { agreement { id } } } stats { meetingsHeld } }`;
      const ours = async () => {
        const result = await t.gql(DASHBOARD);
        expect(result.errors).toBeUndefined();
        const overdue = result.data!.overdueCommitments.filter((c: any) => c.commitment.agreement.id === agreement);
        return {
          overdue: overdue.map(({ lastFulfilledOn, nextDueOn }: any) => ({ lastFulfilledOn, nextDueOn })),
          held: result.data!.stats.meetingsHeld,
        };
      };
      const before = await ours();
      expect(before.overdue).toEqual([]);
      await t.gql(ARCHIVE, { id, v: 1 }, { token: t.tokens.admin });
      await expect(ours()).resolves.toEqual({ overdue: [{ lastFulfilledOn: null, nextDueOn: '2013-09-24' }], held: before.held - 1 });
      await t.gql(RESTORE, { id, v: 2 }, { token: t.tokens.admin });
      await expect(ours()).resolves.toEqual(before);
    });

    it('refuses archiving twice, restoring what is not archived, a stale version and an unknown id, writing nothing', async () => {
      const { regional } = await scene();
      const id = await insertMeeting(t.dataSource, { heldOn: '2015-03-03', allianceId: regional });
      const notArchived = await t.gql(RESTORE, { id, v: 1 }, { token: t.tokens.admin });
      expect(notArchived.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      expect(fieldOf(notArchived)).toEqual(['id']);
      await t.gql(ARCHIVE, { id, v: 1 }, { token: t.tokens.admin });
      const before = await counts();
      const twice = await t.gql(ARCHIVE, { id, v: 2 }, { token: t.tokens.admin });
      expect(twice.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      expect(fieldOf(twice)).toEqual(['id']);
      const stale = await t.gql(RESTORE, { id, v: 1 }, { token: t.tokens.admin });
      expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
      const unknown = await t.gql(ARCHIVE, { id: UNKNOWN, v: 1 }, { token: t.tokens.admin });
      expect(unknown.errors![0].extensions.code).toBe('NOT_FOUND');
      expect(fieldOf(unknown)).toEqual(['id']);
      const malformed = await t.gql(ARCHIVE, { id: 'nope', v: 1 }, { token: t.tokens.admin });
      expect(malformed.errors![0].extensions.code).toBe('BAD_USER_INPUT');
      await expect(counts()).resolves.toEqual(before);
      await expect(t.gql(READ, { id })).resolves.toMatchObject({ data: { meeting: { version: 2 } } });
    });

    it("needs a writing role; a coordinator archives and restores only its alliances' meetings", async () => {
      const { agreement, regional, outsider } = await scene();
      const token = t.token('COORDINATOR', { sub: 'koordination-hf', allianceIds: [regional] });
      const own = await insertMeeting(t.dataSource, { heldOn: '2015-04-04', allianceId: regional });
      const underAgreement = await insertMeeting(t.dataSource, { heldOn: '2015-04-05', agreementId: agreement, allianceId: regional });
      const foreign = await insertMeeting(t.dataSource, { heldOn: '2015-04-06', allianceId: outsider });
      // Naming no alliance, a meeting under the agreement with the state alliance is shared.
      const shared = await insertMeeting(t.dataSource, { heldOn: '2015-04-07', agreementId: agreement });
      const before = await counts();
      const anonymous = await t.gql(ARCHIVE, { id: own, v: 1 });
      expect(anonymous.errors![0].extensions.code).toBe('UNAUTHENTICATED');
      const reader = await t.gql(ARCHIVE, { id: own, v: 1 }, { token: t.tokens.reader });
      expect(reader.errors![0].extensions.code).toBe('FORBIDDEN');
      const denied = await t.gql(ARCHIVE, { id: foreign, v: 1 }, { token });
      expect(denied.errors![0].extensions.code).toBe('FORBIDDEN');
      const deniedShared = await t.gql(ARCHIVE, { id: shared, v: 1 }, { token });
      expect(deniedShared.errors![0].extensions.code).toBe('FORBIDDEN');
      await expect(counts()).resolves.toEqual(before);

      for (const id of [own, underAgreement]) {
        await expect(t.gql(ARCHIVE, { id, v: 1 }, { token })).resolves.toMatchObject({
          errors: undefined,
          data: { archiveMeeting: { version: 2 } },
        });
        await expect(t.gql(RESTORE, { id, v: 2 }, { token })).resolves.toMatchObject({
          errors: undefined,
          data: { restoreMeeting: { version: 3, archivedAt: null } },
        });
      }
      await t.gql(ARCHIVE, { id: foreign, v: 1 }, { token: t.tokens.admin });
      const restoreForeign = await t.gql(RESTORE, { id: foreign, v: 2 }, { token });
      expect(restoreForeign.errors![0].extensions.code).toBe('FORBIDDEN');
      const trail = await t.gql(TRAIL, { id: own }, { token: t.tokens.reader });
      expect(trail.data!.auditTrail.map((e: { actor: string; action: string }) => [e.actor, e.action])).toEqual([
        ['koordination-hf', 'restoreMeeting'],
        ['koordination-hf', 'archiveMeeting'],
      ]);
    });
  });
});
