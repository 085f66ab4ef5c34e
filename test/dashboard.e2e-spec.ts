import { today } from '../src/common/dates';
import { insertAgreement, insertAlliance, insertMeeting, insertOrganisation, insertRelease, regionId } from './support/factories';
import { createTestApp, TestApp, WITHOUT_RESPONSE_CACHE } from './support/test-app';

const COVERAGE = `query($stateId: ID!, $asOf: Date) { coverage(stateId: $stateId, asOf: $asOf) {
  region { id code kind }
  alliances { id }
  agreementWithState { id }
  lastTopLevelMeetingOn
  topLevelMeetingOverdue
} }`;
const OVERDUE = `query($asOf: Date) { overdueCommitments(asOf: $asOf) {
  commitment { id kind agreement { id } }
  lastFulfilledOn nextDueOn overdue
} }`;
const STATS = `{ stats { alliances regionalAlliances organisations organisationsByKind { kind count } agreementsSigned meetingsHeld releases } }`;

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const REGION_CODES = ['0801', '0802', '0803', '0804', '0805', '0806', '0807', '0808', '0809', '0810', '0811', '0812'];
const ANNUAL = { kind: 'ANNUAL_TOP_LEVEL_MEETING' };

type Row = {
  region: { id: string; code: string; kind: string };
  alliances: { id: string }[];
  agreementWithState: { id: string } | null;
  lastTopLevelMeetingOn: string | null;
  topLevelMeetingOverdue: boolean;
};

async function coverage(t: TestApp, asOf?: string): Promise<Row[]> {
  const result = await t.gql(COVERAGE, { stateId: await regionId(t.dataSource, '08'), asOf });
  expect(result.errors).toBeUndefined();
  return result.data!.coverage;
}

async function coverageOf(t: TestApp, code: string, asOf?: string): Promise<Row> {
  return (await coverage(t, asOf)).find((row) => row.region.code === code)!;
}

describe('coverage of Baden-Württemberg with the Heilbronn-Franken agreement', () => {
  let t: TestApp;
  let ids: { regional: string; agreement: string };
  beforeAll(async () => {
    t = await createTestApp();
    const state = await insertAlliance(t.dataSource, {
      name: 'Allianz für Fachkräfte Baden-Württemberg',
      level: 'STATE',
      regionCode: '08',
      foundedOn: '2011-12-01',
    });
    const regional = await insertAlliance(t.dataSource, {
      name: 'Fachkräftebündnis Heilbronn-Franken',
      regionCode: '0802',
      foundedOn: '2012-04-20',
    });
    const agreement = await insertAgreement(t.dataSource, {
      signedOn: '2012-09-24',
      parties: [{ allianceId: state }, { allianceId: regional }],
      commitments: [ANNUAL, { kind: 'MUTUAL_SUPPORT' }, { kind: 'SHARED_MONITORING' }],
    });
    await insertMeeting(t.dataSource, { heldOn: '2013-10-29', agreementId: agreement, allianceId: regional });
    ids = { regional, agreement };
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers the 12 regions in code order; the 11 without an alliance are uncovered', async () => {
    const rows = await coverage(t, '2014-01-01');
    expect(rows.map((row) => row.region.code)).toEqual(REGION_CODES);
    expect(rows.every((row) => row.region.kind === 'REGION')).toBe(true);
    const others = rows.filter((row) => row.region.code !== '0802');
    expect(others).toHaveLength(11);
    for (const row of others) {
      expect(row).toMatchObject({ alliances: [], agreementWithState: null, lastTopLevelMeetingOn: null, topLevelMeetingOverdue: false });
    }
  });

  it('as of 2012-06-01: the alliance exists, the agreement is not signed yet', async () => {
    await expect(coverageOf(t, '0802', '2012-06-01')).resolves.toMatchObject({
      alliances: [{ id: ids.regional }],
      agreementWithState: null,
      lastTopLevelMeetingOn: null,
      topLevelMeetingOverdue: false,
    });
  });

  it('as of 2013-09-24: signed, the first meeting due that very day and not overdue', async () => {
    await expect(coverageOf(t, '0802', '2013-09-24')).resolves.toMatchObject({
      alliances: [{ id: ids.regional }],
      agreementWithState: { id: ids.agreement },
      lastTopLevelMeetingOn: null,
      topLevelMeetingOverdue: false,
    });
  });

  it('as of 2013-10-01: the first meeting is overdue', async () => {
    await expect(coverageOf(t, '0802', '2013-10-01')).resolves.toMatchObject({
      agreementWithState: { id: ids.agreement },
      lastTopLevelMeetingOn: null,
      topLevelMeetingOverdue: true,
    });
  });

  it('as of 2013-10-29: the meeting was held, nothing is overdue', async () => {
    await expect(coverageOf(t, '0802', '2013-10-29')).resolves.toMatchObject({
      agreementWithState: { id: ids.agreement },
      lastTopLevelMeetingOn: '2013-10-29',
      topLevelMeetingOverdue: false,
    });
  });

  it('as of 2014-10-30: a year and a day after the meeting, overdue again', async () => {
    await expect(coverageOf(t, '0802', '2014-10-30')).resolves.toMatchObject({
      agreementWithState: { id: ids.agreement },
      lastTopLevelMeetingOn: '2013-10-29',
      topLevelMeetingOverdue: true,
    });
  });

  it('judges as of today when asOf is omitted', async () => {
    await expect(coverageOf(t, '0802')).resolves.toMatchObject({ lastTopLevelMeetingOn: '2013-10-29', topLevelMeetingOverdue: true });
  });

  it('agrees with overdueCommitments on the same day', async () => {
    const result = await t.gql(OVERDUE, { asOf: '2013-10-01' });
    expect(result.errors).toBeUndefined();
    expect(result.data!.overdueCommitments).toEqual([
      {
        commitment: { id: expect.any(String), kind: 'ANNUAL_TOP_LEVEL_MEETING', agreement: { id: ids.agreement } },
        lastFulfilledOn: null,
        nextDueOn: '2013-09-24',
        overdue: true,
      },
    ]);
  });
});

describe('coverage: which alliances and agreements count', () => {
  let t: TestApp;
  let state: string;
  beforeAll(async () => {
    t = await createTestApp();
    state = await insertAlliance(t.dataSource, { level: 'STATE', regionCode: '08' });
  });
  afterAll(async () => {
    await t.close();
  });

  // Each test works in a region of its own and reads only that region's row.

  it('counts an alliance of a district (08127 Schwäbisch Hall) for its region 0802, with its agreement', async () => {
    const local = await insertAlliance(t.dataSource, { level: 'LOCAL', regionCode: '08127' });
    const agreement = await insertAgreement(t.dataSource, {
      signedOn: '2014-05-05',
      parties: [{ allianceId: state }, { allianceId: local }],
      commitments: [ANNUAL],
    });
    const rows = await coverage(t, '2014-06-01');
    expect(rows.map((row) => row.region.code)).toEqual(REGION_CODES);
    expect(rows.find((row) => row.region.code === '0802')).toMatchObject({
      alliances: [{ id: local }],
      agreementWithState: { id: agreement },
      topLevelMeetingOverdue: false,
    });
  });

  it('leaves out DISSOLVED and archived alliances and their agreements', async () => {
    const active = await insertAlliance(t.dataSource, { regionCode: '0803' });
    const dissolved = await insertAlliance(t.dataSource, { regionCode: '0803', status: 'DISSOLVED' });
    const archived = await insertAlliance(t.dataSource, { regionCode: '08136', archivedAt: new Date('2015-01-01T00:00:00Z') });
    await insertAgreement(t.dataSource, { parties: [{ allianceId: state }, { allianceId: dissolved }] });
    await insertAgreement(t.dataSource, { parties: [{ allianceId: state }, { allianceId: archived }] });
    await expect(coverageOf(t, '0803', '2014-01-01')).resolves.toMatchObject({
      alliances: [{ id: active }],
      agreementWithState: null,
      topLevelMeetingOverdue: false,
    });
  });

  it('leaves out an alliance founded after asOf, and counts it from its founding day', async () => {
    const alliance = await insertAlliance(t.dataSource, { regionCode: '0804', foundedOn: '2013-03-01' });
    await expect(coverageOf(t, '0804', '2013-02-28')).resolves.toMatchObject({ alliances: [] });
    await expect(coverageOf(t, '0804', '2013-03-01')).resolves.toMatchObject({ alliances: [{ id: alliance }] });
  });

  it('takes only SIGNED agreements with a STATE alliance, signed by asOf; of several the latest signed', async () => {
    const regional = await insertAlliance(t.dataSource, { regionCode: '0805' });
    const neighbour = await insertAlliance(t.dataSource, { regionCode: '0806' });
    const older = await insertAgreement(t.dataSource, {
      signedOn: '2012-01-10',
      parties: [{ allianceId: state }, { allianceId: regional }],
    });
    const newer = await insertAgreement(t.dataSource, {
      signedOn: '2013-01-10',
      parties: [{ allianceId: regional }, { allianceId: state }],
    });
    await insertAgreement(t.dataSource, { signedOn: '2014-01-10', parties: [{ allianceId: regional }, { allianceId: neighbour }] });
    await insertAgreement(t.dataSource, {
      status: 'TERMINATED',
      signedOn: '2014-02-10',
      parties: [{ allianceId: state }, { allianceId: regional }],
    });
    await insertAgreement(t.dataSource, { status: 'DRAFT', signedOn: null, parties: [{ allianceId: state }, { allianceId: regional }] });
    await expect(coverageOf(t, '0805', '2012-01-09')).resolves.toMatchObject({ agreementWithState: null });
    await expect(coverageOf(t, '0805', '2012-06-01')).resolves.toMatchObject({ agreementWithState: { id: older } });
    await expect(coverageOf(t, '0805', '2015-01-01')).resolves.toMatchObject({ agreementWithState: { id: newer } });
    await expect(coverageOf(t, '0806', '2015-01-01')).resolves.toMatchObject({ alliances: [{ id: neighbour }], agreementWithState: null });
  });

  it('is not overdue without an ANNUAL_TOP_LEVEL_MEETING commitment, and shows only top-level meetings held under that agreement', async () => {
    const regional = await insertAlliance(t.dataSource, { regionCode: '0807' });
    const agreement = await insertAgreement(t.dataSource, {
      signedOn: '2012-01-10',
      parties: [{ allianceId: state }, { allianceId: regional }],
      commitments: [{ kind: 'MUTUAL_SUPPORT' }],
    });
    await insertMeeting(t.dataSource, { heldOn: '2012-05-01', agreementId: agreement });
    await insertMeeting(t.dataSource, { heldOn: '2012-06-01', agreementId: agreement, kind: 'SKILLED_LABOUR_CONFERENCE' });
    await insertMeeting(t.dataSource, { heldOn: '2012-07-01', agreementId: agreement, status: 'PLANNED' });
    await insertMeeting(t.dataSource, { heldOn: '2012-08-01', allianceId: regional });
    await expect(coverageOf(t, '0807', '2016-01-01')).resolves.toMatchObject({
      agreementWithState: { id: agreement },
      lastTopLevelMeetingOn: '2012-05-01',
      topLevelMeetingOverdue: false,
    });
  });

  it('answers [] for an id that names no region', async () => {
    const result = await t.gql(COVERAGE, { stateId: UNKNOWN });
    expect(result.errors).toBeUndefined();
    expect(result.data!.coverage).toEqual([]);
  });

  it('refuses a malformed stateId and a region that is not a STATE with BAD_USER_INPUT', async () => {
    const malformed = await t.gql(COVERAGE, { stateId: 'baden-wuerttemberg' });
    expect(malformed.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'stateId' }] });
    for (const code of ['0802', '08127']) {
      const notState = await t.gql(COVERAGE, { stateId: await regionId(t.dataSource, code) });
      expect(notState.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'stateId' }] });
      expect(notState.data).toBeNull();
    }
  });

  it('refuses a date that does not exist with BAD_USER_INPUT', async () => {
    const result = await t.gql(COVERAGE, { stateId: await regionId(t.dataSource, '08'), asOf: '2025-02-30' });
    expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'asOf' }] });
  });
});

describe('overdueCommitments', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  type Status = {
    commitment: { id: string; kind: string; agreement: { id: string } };
    lastFulfilledOn: string | null;
    nextDueOn: string;
    overdue: boolean;
  };

  /** A regional alliance and a state alliance with an agreement between them; other tests' agreements are ignored by `overdueOf`. */
  const agreement = async (values: { status?: string; signedOn?: string | null; commitments?: { kind: string }[] } = {}) => {
    const state = await insertAlliance(t.dataSource, { level: 'STATE', regionCode: '08' });
    const regional = await insertAlliance(t.dataSource);
    return insertAgreement(t.dataSource, { commitments: [ANNUAL], ...values, parties: [{ allianceId: state }, { allianceId: regional }] });
  };

  /** The overdue commitments of the given agreements, in the order the API lists them. */
  async function overdueOf(agreementIds: string[], asOf: string): Promise<Status[]> {
    const result = await t.gql(OVERDUE, { asOf });
    expect(result.errors).toBeUndefined();
    return result.data!.overdueCommitments.filter((status: Status) => agreementIds.includes(status.commitment.agreement.id));
  }

  it('with no meeting yet, is due one year after signing and overdue the day after', async () => {
    const id = await agreement({ signedOn: '2012-09-24', commitments: [{ kind: 'MUTUAL_SUPPORT' }, ANNUAL] });
    await expect(overdueOf([id], '2013-09-24')).resolves.toEqual([]);
    await expect(overdueOf([id], '2013-10-01')).resolves.toEqual([
      {
        commitment: { id: expect.any(String), kind: 'ANNUAL_TOP_LEVEL_MEETING', agreement: { id } },
        lastFulfilledOn: null,
        nextDueOn: '2013-09-24',
        overdue: true,
      },
    ]);
  });

  it('counts neither a CANCELLED nor a PLANNED meeting, nor another kind of meeting, nor one held after asOf', async () => {
    const id = await agreement({ signedOn: '2012-09-24' });
    await insertMeeting(t.dataSource, { heldOn: '2013-06-01', agreementId: id, status: 'CANCELLED' });
    await insertMeeting(t.dataSource, { heldOn: '2013-07-01', agreementId: id, status: 'PLANNED' });
    await insertMeeting(t.dataSource, { heldOn: '2013-08-01', agreementId: id, kind: 'SKILLED_LABOUR_CONFERENCE' });
    await insertMeeting(t.dataSource, { heldOn: '2013-10-29', agreementId: id });
    await expect(overdueOf([id], '2013-10-28')).resolves.toMatchObject([{ lastFulfilledOn: null, nextDueOn: '2013-09-24', overdue: true }]);
    await expect(overdueOf([id], '2013-10-29')).resolves.toEqual([]);
  });

  it('with a meeting exactly one year on: fulfilled on the due day, then due a year later and overdue the day after', async () => {
    const id = await agreement({ signedOn: '2012-09-24' });
    await insertMeeting(t.dataSource, { heldOn: '2013-09-24', agreementId: id });
    await expect(overdueOf([id], '2013-09-24')).resolves.toEqual([]);
    await expect(overdueOf([id], '2013-09-25')).resolves.toEqual([]);
    await expect(overdueOf([id], '2014-09-24')).resolves.toEqual([]);
    await expect(overdueOf([id], '2014-09-25')).resolves.toMatchObject([
      { lastFulfilledOn: '2013-09-24', nextDueOn: '2014-09-24', overdue: true },
    ]);
  });

  it('counts a year from 29 February as PostgreSQL does: to 28 February', async () => {
    const id = await agreement({ signedOn: '2012-02-29' });
    await expect(overdueOf([id], '2013-02-28')).resolves.toEqual([]);
    await expect(overdueOf([id], '2013-03-01')).resolves.toMatchObject([{ nextDueOn: '2013-02-28' }]);
  });

  it('never lists a DRAFT, nor a TERMINATED agreement whose end was recorded without a day', async () => {
    const terminated = await agreement({ status: 'TERMINATED', signedOn: '2012-09-24' });
    const draft = await agreement({ status: 'DRAFT', signedOn: null });
    const datedDraft = await agreement({ status: 'DRAFT', signedOn: '2012-09-24' });
    await expect(overdueOf([terminated, draft, datedDraft], '2020-01-01')).resolves.toEqual([]);
  });

  it('lists nothing as of a day before signing, nor for commitments of other kinds', async () => {
    const id = await agreement({ signedOn: '2012-09-24' });
    const withoutAnnual = await agreement({ signedOn: '2012-09-24', commitments: [{ kind: 'MUTUAL_INFORMATION' }, { kind: 'OTHER' }] });
    await expect(overdueOf([id], '2012-01-01')).resolves.toEqual([]);
    await expect(overdueOf([withoutAnnual], '2020-01-01')).resolves.toEqual([]);
  });

  it('lists the most overdue first, then by commitment id', async () => {
    const recent = await agreement({ signedOn: '2012-09-24' });
    const older = await agreement({ signedOn: '2012-03-01' });
    const twins = [await agreement({ signedOn: '2011-06-01' }), await agreement({ signedOn: '2011-06-01' })];
    await insertMeeting(t.dataSource, { heldOn: '2013-01-15', agreementId: older });
    const listed = await overdueOf([recent, older, ...twins], '2014-06-01');
    expect(listed.map((status) => [status.commitment.agreement.id, status.nextDueOn, status.lastFulfilledOn])).toEqual([
      [expect.any(String), '2012-06-01', null],
      [expect.any(String), '2012-06-01', null],
      [recent, '2013-09-24', null],
      [older, '2014-01-15', '2013-01-15'],
    ]);
    const twinIds = listed.slice(0, 2).map((status) => status.commitment.id);
    expect(twinIds).toEqual([...twinIds].sort());
    expect(
      listed
        .slice(0, 2)
        .map((status) => status.commitment.agreement.id)
        .sort(),
    ).toEqual([...twins].sort());
  });

  it('refuses a date that does not exist with BAD_USER_INPUT', async () => {
    const result = await t.gql(OVERDUE, { asOf: '2025-02-30' });
    expect(result.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'asOf' }] });
  });
});

describe('stats', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  type Stats = { organisationsByKind: { kind: string; count: number }[]; [count: string]: any };
  const stats = async (): Promise<Stats> => {
    const result = await t.gql(STATS);
    expect(result.errors).toBeUndefined();
    return result.data!.stats;
  };
  const byKind = (s: Stats) => Object.fromEntries(s.organisationsByKind.map(({ kind, count }) => [kind, count]));

  it('counts what is not archived, signed agreements, held meetings and releases; organisations per kind in the contract order', async () => {
    const before = await stats();
    const archived = new Date('2020-01-01T00:00:00Z');
    const state = await insertAlliance(t.dataSource, { level: 'STATE', regionCode: '08' });
    const regional = await insertAlliance(t.dataSource);
    await insertAlliance(t.dataSource, { status: 'DISSOLVED' });
    await insertAlliance(t.dataSource, { level: 'LOCAL', regionCode: '08127' });
    await insertAlliance(t.dataSource, { archivedAt: archived });
    for (const kind of ['WELCOME_CENTER', 'MINISTRY', 'CHAMBER_OF_COMMERCE', 'CHAMBER_OF_COMMERCE'])
      await insertOrganisation(t.dataSource, { kind });
    await insertOrganisation(t.dataSource, { kind: 'EDUCATION', archivedAt: archived });
    const parties = [{ allianceId: state }, { allianceId: regional }];
    const signed = await insertAgreement(t.dataSource, { parties });
    await insertAgreement(t.dataSource, { parties, signedOn: '2013-01-01' });
    await insertAgreement(t.dataSource, { parties, status: 'DRAFT', signedOn: null });
    await insertAgreement(t.dataSource, { parties, status: 'TERMINATED' });
    for (const status of ['HELD', 'HELD', 'PLANNED', 'CANCELLED'])
      await insertMeeting(t.dataSource, { heldOn: '2013-10-29', agreementId: signed, status });
    await insertMeeting(t.dataSource, { heldOn: '2013-11-05', allianceId: regional, kind: 'SKILLED_LABOUR_CONFERENCE' });
    await insertRelease(t.dataSource);
    await insertRelease(t.dataSource);

    const after = await stats();
    const delta = (field: string) => after[field] - before[field];
    expect(
      ['alliances', 'regionalAlliances', 'organisations', 'agreementsSigned', 'meetingsHeld', 'releases'].map((field) => [
        field,
        delta(field),
      ]),
    ).toEqual([
      ['alliances', 4],
      ['regionalAlliances', 2],
      ['organisations', 4],
      ['agreementsSigned', 2],
      ['meetingsHeld', 3],
      ['releases', 2],
    ]);
    const kindsBefore = byKind(before);
    const kindsAfter = byKind(after);
    const kindDelta = (kind: string) => (kindsAfter[kind] ?? 0) - (kindsBefore[kind] ?? 0);
    expect(['MINISTRY', 'CHAMBER_OF_COMMERCE', 'WELCOME_CENTER', 'EDUCATION'].map(kindDelta)).toEqual([1, 2, 1, 0]);
    const contractOrder = [
      'MINISTRY',
      'CHAMBER_OF_COMMERCE',
      'CHAMBER_OF_CRAFTS',
      'EMPLOYMENT_AGENCY',
      'TRADE_UNION',
      'EMPLOYERS_ASSOCIATION',
      'ECONOMIC_DEVELOPMENT',
      'MUNICIPALITY',
      'EDUCATION',
      'WELCOME_CENTER',
      'OTHER',
    ];
    const listed = after.organisationsByKind.map((entry) => entry.kind);
    expect(listed).toEqual(contractOrder.filter((kind) => listed.includes(kind)));
    expect(after.organisationsByKind.every((entry) => entry.count > 0)).toBe(true);
    expect(after.organisationsByKind.reduce((sum, entry) => sum + entry.count, 0)).toBe(after.organisations);
  });
});

describe('terminated and archived records in the dashboards', () => {
  let t: TestApp;
  let state: string;
  beforeAll(async () => {
    t = await createTestApp();
    state = await insertAlliance(t.dataSource, { level: 'STATE', regionCode: '08' });
  });
  afterAll(async () => {
    await t.close();
  });

  /** An agreement of the state alliance with a fresh alliance of the region, signed 2012-09-24, with an annual top-level meeting. */
  const agreementIn = async (regionCode: string) =>
    insertAgreement(t.dataSource, {
      signedOn: '2012-09-24',
      parties: [{ allianceId: state }, { allianceId: await insertAlliance(t.dataSource, { regionCode }) }],
      commitments: [ANNUAL],
    });

  const overdueAgreements = async (asOf: string): Promise<string[]> => {
    const result = await t.gql(OVERDUE, { asOf });
    expect(result.errors).toBeUndefined();
    return result.data!.overdueCommitments.map((status: { commitment: { agreement: { id: string } } }) => status.commitment.agreement.id);
  };
  const agreementsSigned = async (): Promise<number> => {
    const result = await t.gql(STATS);
    expect(result.errors).toBeUndefined();
    return result.data!.stats.agreementsSigned;
  };
  const write = async (query: string, variables: Record<string, unknown>) => {
    const result = await t.gql(query, variables, { token: t.tokens.editor });
    expect(result.errors).toBeUndefined();
  };
  const terminate = (id: string, terminatedOn: string) =>
    write(`mutation($input: TerminateAgreementInput!) { terminateAgreement(input: $input) { id } }`, {
      input: { id, expectedVersion: 1, terminatedOn },
    });

  it('a terminated agreement still owes as of the day before terminatedOn, and owes nothing from that day on', async () => {
    const id = await agreementIn('0802');
    await terminate(id, '2014-03-01');
    await expect(overdueAgreements('2013-10-01')).resolves.toContain(id);
    await expect(overdueAgreements('2014-02-28')).resolves.toContain(id);
    await expect(overdueAgreements('2014-03-01')).resolves.not.toContain(id);
    await expect(overdueAgreements('2020-01-01')).resolves.not.toContain(id);
    await expect(coverageOf(t, '0802', '2014-02-28')).resolves.toMatchObject({ agreementWithState: { id }, topLevelMeetingOverdue: true });
    await expect(coverageOf(t, '0802', '2014-03-01')).resolves.toMatchObject({ agreementWithState: null, topLevelMeetingOverdue: false });
  });

  it('counts an agreement terminated from tomorrow as signed today, and one terminated from today not', async () => {
    const [endsTomorrow, endsToday] = [await agreementIn('0803'), await agreementIn('0803')];
    const before = await agreementsSigned();
    const tomorrow = new Date(`${today()}T12:00:00Z`);
    tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
    await terminate(endsTomorrow, tomorrow.toISOString().slice(0, 10));
    await expect(agreementsSigned()).resolves.toBe(before);
    await terminate(endsToday, today());
    await expect(agreementsSigned()).resolves.toBe(before - 1);
  });

  it('an archived agreement leaves coverage, overdueCommitments and stats until it is restored', async () => {
    const id = await agreementIn('0804');
    const before = await agreementsSigned();
    await write(`mutation($id: ID!) { archiveAgreement(id: $id, expectedVersion: 1) { id } }`, { id });
    await expect(overdueAgreements('2014-01-01')).resolves.not.toContain(id);
    await expect(coverageOf(t, '0804', '2014-01-01')).resolves.toMatchObject({ agreementWithState: null, topLevelMeetingOverdue: false });
    await expect(agreementsSigned()).resolves.toBe(before - 1);
    await write(`mutation($id: ID!) { restoreAgreement(id: $id, expectedVersion: 2) { id } }`, { id });
    await expect(overdueAgreements('2014-01-01')).resolves.toContain(id);
    await expect(coverageOf(t, '0804', '2014-01-01')).resolves.toMatchObject({ agreementWithState: { id }, topLevelMeetingOverdue: true });
    await expect(agreementsSigned()).resolves.toBe(before);
  });

  it('an archived meeting fulfils nothing and is not counted, nor is an archived release or organisation', async () => {
    const id = await agreementIn('0805');
    const meeting = await insertMeeting(t.dataSource, { heldOn: '2013-09-01', agreementId: id });
    const release = await insertRelease(t.dataSource);
    const organisation = await insertOrganisation(t.dataSource, { kind: 'WELCOME_CENTER' });
    await expect(coverageOf(t, '0805', '2013-10-01')).resolves.toMatchObject({
      lastTopLevelMeetingOn: '2013-09-01',
      topLevelMeetingOverdue: false,
    });
    const counts = async () => {
      const { data } = await t.gql(STATS);
      const { meetingsHeld, releases, organisations, organisationsByKind } = data!.stats;
      const welcomeCenters = organisationsByKind.find((entry: { kind: string }) => entry.kind === 'WELCOME_CENTER')?.count ?? 0;
      return { meetingsHeld, releases, organisations, welcomeCenters };
    };
    const before = await counts();
    for (const [table, rowId] of [
      ['meeting', meeting],
      ['release', release],
      ['organisation', organisation],
    ])
      await t.dataSource.query(`UPDATE "${table}" SET archived_at = now() WHERE id = $1`, [rowId]);
    await expect(coverageOf(t, '0805', '2013-10-01')).resolves.toMatchObject({ lastTopLevelMeetingOn: null, topLevelMeetingOverdue: true });
    await expect(overdueAgreements('2013-10-01')).resolves.toContain(id);
    await expect(counts()).resolves.toEqual({
      meetingsHeld: before.meetingsHeld - 1,
      releases: before.releases - 1,
      organisations: before.organisations - 1,
      welcomeCenters: before.welcomeCenters - 1,
    });
  });
});

describe('SQL statements per dashboard query', () => {
  const LARGE = 300;
  let small: TestApp;
  let large: TestApp;

  /** n regional alliances spread over the regions and their districts (alternately, so that both sizes read regions at every depth), each with an agreement with the state alliance and a meeting under every other one. */
  async function seed(t: TestApp, n: number): Promise<void> {
    const state = await insertAlliance(t.dataSource, { level: 'STATE', regionCode: '08' });
    const districts = ['08111', '08127', '08136', '08216', '08222', '08231', '08317', '08327', '08336', '08416', '08425', '08437'];
    const places = REGION_CODES.flatMap((code, i) => [code, districts[i]]);
    for (let i = 0; i < n; i += 1) {
      const regional = await insertAlliance(t.dataSource, {
        regionId: await regionId(t.dataSource, places[i % places.length]),
        foundedOn: '2012-01-01',
      });
      const agreement = await insertAgreement(t.dataSource, {
        signedOn: `2012-${String((i % 12) + 1).padStart(2, '0')}-15`,
        parties: [{ allianceId: state }, { allianceId: regional }],
        commitments: [ANNUAL, { kind: 'MUTUAL_SUPPORT' }],
      });
      if (i % 2 === 0) await insertMeeting(t.dataSource, { heldOn: '2013-01-20', agreementId: agreement, allianceId: regional });
    }
    await insertOrganisation(t.dataSource, { kind: 'MINISTRY' });
  }

  beforeAll(async () => {
    [small, large] = await Promise.all([createTestApp(WITHOUT_RESPONSE_CACHE), createTestApp(WITHOUT_RESPONSE_CACHE)]);
    await Promise.all([seed(small, 3), seed(large, LARGE)]);
  });
  afterAll(async () => {
    await Promise.all([small?.close(), large?.close()]);
  });

  /** Statements one request causes in each app, after checking both answered. */
  async function measure(query: string, variables: (t: TestApp) => Promise<Record<string, unknown>>, size: (data: any) => number) {
    const counts: number[] = [];
    const sizes: number[] = [];
    for (const t of [small, large]) {
      const vars = await variables(t);
      counts.push(
        await t.countStatements(async () => {
          const result = await t.gql(query, vars);
          expect(result.errors).toBeUndefined();
          sizes.push(size(result.data));
        }),
      );
    }
    return { counts, sizes };
  }

  it('coverage costs as many statements with 100 times the alliances (300 against 3)', async () => {
    const query = `query($stateId: ID!, $asOf: Date) { coverage(stateId: $stateId, asOf: $asOf) {
      region { name parent { name } }
      alliances { name region { name } }
      agreementWithState { title parties { alliance { name level } } commitments { kind } }
      lastTopLevelMeetingOn topLevelMeetingOverdue
    } }`;
    const { counts, sizes } = await measure(
      query,
      async (t) => ({ stateId: await regionId(t.dataSource, '08'), asOf: '2013-06-01' }),
      (data) => data.coverage.reduce((sum: number, row: { alliances: unknown[] }) => sum + row.alliances.length, 0),
    );
    expect(sizes).toEqual([3, LARGE]);
    expect(counts[1]).toBe(counts[0]);
    // Bounded by the query's shape: the state, the aggregate, then one statement per loader and level.
    expect(counts[0]).toBeLessThanOrEqual(10);
  });

  it('overdueCommitments costs as many statements with 100 times the overdue commitments (300 against 3)', async () => {
    const query = `query($asOf: Date) { overdueCommitments(asOf: $asOf) {
      commitment { kind description agreement { title parties { alliance { name } } } }
      lastFulfilledOn nextDueOn overdue
    } }`;
    const { counts, sizes } = await measure(
      query,
      async () => ({ asOf: '2015-01-01' }),
      (data) => data.overdueCommitments.length,
    );
    expect(sizes).toEqual([3, LARGE]);
    expect(counts[1]).toBe(counts[0]);
    // Bounded by the query's shape: the aggregate, then one statement per loader and level.
    expect(counts[0]).toBeLessThanOrEqual(5);
  });

  it('stats costs one statement whatever the size', async () => {
    const { counts, sizes } = await measure(
      STATS,
      async () => ({}),
      (data) => data.stats.regionalAlliances,
    );
    expect(sizes).toEqual([3, LARGE]);
    expect(counts).toEqual([1, 1]);
  });
});
