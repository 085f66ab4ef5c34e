import { insertAgreement, insertAlliance, insertMeeting, insertOrganisation, insertPerson } from '../support/factories';
import { snapshotTableCounts } from '../support/table-counts';
import { createTestApp, GqlResponse, TestApp } from '../support/test-app';

const CREATE_RELEASE = `mutation($input: CreateReleaseInput!) { createRelease(input: $input) { id } }`;
const CREATE_AGREEMENT = `mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { id } }`;
const RECORD_MEETING = `mutation($input: RecordMeetingInput!) { recordMeeting(input: $input) { id } }`;
const UPDATE_MEETING = `mutation($input: UpdateMeetingInput!) { updateMeeting(input: $input) { id version } }`;
const MEETING = `query($id: ID!) { meeting(id: $id) { version status location participants { id } } }`;

const MISSING = '00000000-0000-4000-8000-00000000dead';

/** The tables a failed write could leave rows in; the snapshot counts every table, these must be among them. */
const WRITTEN_TABLES = [
  'agreement',
  'agreement_party',
  'commitment',
  'meeting',
  'meeting_participant',
  'release',
  'release_link',
  'release_quote',
  'audit_event',
];

describe('a mutation that fails half-way leaves nothing behind', () => {
  let t: TestApp;
  let stateAlliance: string;
  let regionalAlliance: string;
  let ministry: string;
  let ihk: string;
  let people: string[];

  beforeAll(async () => {
    t = await createTestApp();
    stateAlliance = await insertAlliance(t.dataSource, { level: 'STATE', regionCode: '08' });
    regionalAlliance = await insertAlliance(t.dataSource, { level: 'REGIONAL', regionCode: '0802' });
    ministry = await insertOrganisation(t.dataSource, { kind: 'MINISTRY', regionCode: '08' });
    ihk = await insertOrganisation(t.dataSource, { regionCode: '0802' });
    people = [];
    for (let index = 0; index < 8; index++) people.push(await insertPerson(t.dataSource));
  });

  afterAll(() => t.close());

  /** The SQL the service sent while `work` ran: proof that a write got as far as the test says before it failed. */
  async function statementsOf(work: () => Promise<unknown>): Promise<string[]> {
    const log = (t.dataSource.logger as unknown as { statements: string[] }).statements;
    const from = log.length;
    await work();
    return log.slice(from);
  }

  it('counts the rows of every table a write touches, and sees a row added', async () => {
    const snapshot = await snapshotTableCounts(t.dataSource);
    expect(Object.keys(snapshot.counts)).toEqual(expect.arrayContaining(WRITTEN_TABLES));
    await insertPerson(t.dataSource);
    await expect(snapshot.changes()).resolves.toEqual({ person: [snapshot.counts.person, snapshot.counts.person + 1] });
  });

  it('createRelease with one bad link among many: NOT_FOUND naming that link, no release, link, quote or audit event', async () => {
    const agreement = await insertAgreement(t.dataSource, { parties: [{ allianceId: stateAlliance }, { allianceId: regionalAlliance }] });
    const good = [stateAlliance, regionalAlliance, ministry, ihk, agreement, ...people].map((entityId) => ({
      relation: 'MENTIONS',
      entityId,
    }));
    const links = [...good.slice(0, 7), { relation: 'ANNOUNCES', entityId: MISSING }, ...good.slice(7)];
    const snapshot = await snapshotTableCounts(t.dataSource);

    const result = await t.gql(
      CREATE_RELEASE,
      {
        input: {
          title: 'Kooperationsvereinbarung unterzeichnet',
          publishedOn: '2012-09-24',
          publisherId: ministry,
          body: 'Stuttgart/Heilbronn. Die Allianz für Fachkräfte Baden-Württemberg und das Fachkräftebündnis Heilbronn-Franken …',
          links,
          quotes: people.map((personId) => ({ personId, text: 'Fachkräfte sichern.' })),
        },
      },
      { token: t.tokens.editor },
    );

    expect(result.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', fields: [{ field: 'links[7].entityId' }] });
    await expect(snapshot.changes()).resolves.toEqual({});
  });

  it('createAgreement whose second party names a signatory that does not exist: the agreement row inserted first is rolled back', async () => {
    const input = {
      title: 'Kooperationsvereinbarung mit einem unbekannten Unterzeichner',
      status: 'SIGNED',
      signedOn: '2012-09-24',
      parties: [
        { allianceId: stateAlliance, representedById: ministry, signatoryId: people[0] },
        { allianceId: regionalAlliance, representedById: ihk, signatoryId: MISSING },
      ],
      commitments: [
        { kind: 'ANNUAL_TOP_LEVEL_MEETING', description: 'Einmal im Jahr ein Spitzengespräch.' },
        { kind: 'SHARED_MONITORING', description: 'Gemeinsame Nutzung der Monitore.', instruments: ['IHK-Fachkräftemonitor'] },
      ],
    };
    const snapshot = await snapshotTableCounts(t.dataSource);

    let result!: GqlResponse;
    const sent = await statementsOf(async () => (result = await t.gql(CREATE_AGREEMENT, { input }, { token: t.tokens.editor })));

    expect(sent.some((sql) => sql.startsWith('INSERT INTO "agreement"('))).toBe(true);
    expect(result.errors![0].extensions.code).toBe('NOT_FOUND');
    expect(result.errors![0].extensions.fields).toEqual([{ field: 'signatoryId', message: 'No person has this id' }]);
    await expect(snapshot.changes()).resolves.toEqual({});
  });

  it('recordMeeting with one unknown participant: the meeting row inserted first is rolled back, no participant or audit event', async () => {
    const agreement = await insertAgreement(t.dataSource, { parties: [{ allianceId: stateAlliance }, { allianceId: regionalAlliance }] });
    const input = {
      kind: 'TOP_LEVEL_MEETING',
      status: 'HELD',
      title: 'Erstes Spitzengespräch',
      heldOn: '2013-10-29',
      location: 'IHK Heilbronn-Franken',
      agreementId: agreement,
      participantIds: [...people.slice(0, 4), MISSING, ...people.slice(4)],
    };
    const snapshot = await snapshotTableCounts(t.dataSource);

    let result!: GqlResponse;
    const sent = await statementsOf(async () => (result = await t.gql(RECORD_MEETING, { input }, { token: t.tokens.editor })));

    expect(sent.some((sql) => sql.startsWith('INSERT INTO "meeting"('))).toBe(true);
    expect(result.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', fields: [{ field: 'participantIds' }] });
    await expect(snapshot.changes()).resolves.toEqual({});
  });

  it('updateMeeting that deletes the participants, then fails on an unknown one: version, fields and participants as before', async () => {
    const agreement = await insertAgreement(t.dataSource, { parties: [{ allianceId: stateAlliance }, { allianceId: regionalAlliance }] });
    const meeting = await insertMeeting(t.dataSource, {
      heldOn: '2013-10-29',
      agreementId: agreement,
      status: 'PLANNED',
      participantIds: people.slice(0, 3),
    });
    const before = await t.gql(MEETING, { id: meeting });
    const input = { id: meeting, expectedVersion: 1, status: 'HELD', location: 'Heilbronn', participantIds: [people[3], MISSING] };
    const snapshot = await snapshotTableCounts(t.dataSource);

    let result!: GqlResponse;
    const sent = await statementsOf(async () => (result = await t.gql(UPDATE_MEETING, { input }, { token: t.tokens.editor })));

    expect(sent.some((sql) => sql.startsWith('DELETE FROM "meeting_participant"'))).toBe(true);
    expect(result.errors![0].extensions.code).toBe('NOT_FOUND');
    await expect(snapshot.changes()).resolves.toEqual({});
    await expect(t.gql(MEETING, { id: meeting })).resolves.toEqual(before);
    expect(before.data!.meeting).toMatchObject({
      version: 1,
      status: 'PLANNED',
      location: null,
      participants: people.slice(0, 3).map((id) => ({ id })),
    });
  });
});
