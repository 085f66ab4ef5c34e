import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QueryFailedError } from 'typeorm';
import { today } from '../src/common/dates';
import {
  insertAgreement,
  insertAlliance,
  insertMeeting,
  insertMembership,
  insertOrganisation,
  insertPerson,
  insertRelease,
  insertRename,
  insertRole,
  regionId,
} from './support/factories';
import { dayFromToday } from './support/days';
import { createTestApp, PLAIN_EXECUTION, TestApp, WITHOUT_RESPONSE_CACHE } from './support/test-app';

/**
 * Asks both services the same; requires the loaders' answer without errors and the projecting
 * one equal to it, on its first run (interpreted) and its second (compiled), with as many statements.
 */
async function sameAnswers(
  projecting: TestApp,
  loading: TestApp,
  query: string,
  variables?: Record<string, unknown>,
): Promise<{ data: any; statements: [projecting: number, loading: number] }> {
  let expected: Awaited<ReturnType<TestApp['gql']>> | undefined;
  const runs: { answer: Awaited<ReturnType<TestApp['gql']>>; statements: number }[] = [];
  for (let run = 0; run < 2; run += 1) {
    let answer: Awaited<ReturnType<TestApp['gql']>> | undefined;
    const statements = await projecting.countStatements(async () => {
      answer = await projecting.gql(query, variables);
    });
    runs.push({ answer: answer!, statements });
  }
  const loaded = await loading.countStatements(async () => {
    expected = await loading.gql(query, variables);
  });
  expect(expected!.errors).toBeUndefined();
  expect(runs[0].answer).toEqual(expected);
  expect(runs[1]).toEqual(runs[0]);
  return { data: runs[0].answer.data, statements: [runs[0].statements, loaded] };
}

/**
 * Relations read as JSON built by PostgreSQL (sql-projection.ts) and compiled execution must
 * answer exactly what the loaders answer under graphql-js: the same service on the same database
 * with PLAIN_EXECUTION is the reference, for periods that end or start today, ties in order, aliases with different
 * arguments, fragments, directives, and fields the SQL leaves to their resolvers.
 */
describe('relations read in one SQL statement', () => {
  let projecting: TestApp;
  let loading: TestApp;
  const ids: Record<string, string> = {};

  // Each question is asked three times within the minute; the rate limit is not under test here.
  const unthrottled = { ...WITHOUT_RESPONSE_CACHE, RATE_LIMIT_POINTS_PER_MINUTE: 1_000_000_000 };

  beforeAll(async () => {
    projecting = await createTestApp(unthrottled);
    const ds = projecting.dataSource;
    loading = await createTestApp({
      ...unthrottled,
      ...PLAIN_EXECUTION,
      DATABASE_URL: (ds.options as { url: string }).url,
    });
    const region = await regionId(ds, '0811');
    ids.north = await insertAlliance(ds, { regionId: region, name: 'Bündnis Nord' });
    ids.empty = await insertAlliance(ds, { regionId: region, name: 'Bündnis Leer' });
    ids.south = await insertAlliance(ds, { regionId: region, name: 'Bündnis Süd' });
    await insertAlliance(ds, { regionId: region, name: 'Bündnis Archiv', archivedAt: new Date() });
    for (const name of ['ihk', 'hwk', 'agentur', 'dgb', 'wfg', 'stadt'])
      ids[name] = await insertOrganisation(ds, {
        name: `Org ${name}`,
        shortName: name === 'ihk' ? 'IHK' : null,
        regionCode: name === 'dgb' ? null : '0811',
      });
    ids.gone = await insertOrganisation(ds, { name: 'Org gone', regionCode: '0811', archivedAt: new Date() });
    const member = (
      alliance: string,
      organisation: string,
      role: string,
      joinedOn: string | null,
      leftOn: string | null,
      archivedAt: Date | null = null,
    ) => insertMembership(ds, { allianceId: ids[alliance], organisationId: ids[organisation], role, joinedOn, leftOn, archivedAt });
    await member('north', 'ihk', 'LEAD', today(), null); // the lead from today
    await member('north', 'hwk', 'LEAD', '2010-01-01', today()); // the lead until today: not a member any more
    await member('north', 'agentur', 'PARTNER', dayFromToday(1), null); // joins tomorrow
    await member('north', 'dgb', 'PARTNER', null, null);
    await member('north', 'wfg', 'PARTNER', '2012-05-05', '2020-01-01');
    await member('north', 'stadt', 'PARTNER', today(), null); // joined today: a member
    await member('north', 'gone', 'PARTNER', '2013-01-01', null); // of an archived organisation: no current member
    await member('north', 'dgb', 'LEAD', '2000-01-01', null, new Date()); // archived: in no list
    await member('south', 'hwk', 'PARTNER', null, null);
    await member('south', 'ihk', 'PARTNER', null, null); // two partners of unknown start: the order decides
    await member('south', 'stadt', 'PARTNER', '2015-01-01', null);
    await member('south', 'gone', 'LEAD', null, null); // the lead is archived: no lead
    // Names in force today: ihk's rename from tomorrow is not yet; kammer's rename of today is, its next one is not.
    await insertRename(ds, ids.ihk, 'Org ihk künftig', dayFromToday(1));
    ids.kammer = await insertOrganisation(ds, { name: 'Org kammer alt', regionCode: '0811' });
    await insertRename(ds, ids.kammer, 'Org kammer', today());
    await insertRename(ds, ids.kammer, 'Org kammer künftig', dayFromToday(1));
    ids.west = await insertAlliance(ds, { regionId: region, name: 'Bündnis West' });
    await member('west', 'kammer', 'LEAD', today(), null);
    const person = async (key: string, honorificPrefix: string | null) =>
      (ids[key] = await insertPerson(ds, { givenName: key, familyName: `Familie ${key}`, honorificPrefix }));
    for (const [key, prefix] of [
      ['anna', 'Dr.'],
      ['ben', null],
      ['cem', null],
      ['dora', 'Prof. Dr.'],
    ] as const)
      await person(key, prefix);
    const role = (key: string, organisation: string, title: string, validFrom: string | null, validTo: string | null) =>
      insertRole(ds, { personId: ids[key], organisationId: ids[organisation], title, validFrom, validTo });
    await role('anna', 'ihk', 'Präsidentin', '2019-01-01', null);
    await role('ben', 'ihk', 'Hauptgeschäftsführer', '2019-01-01', null); // same start: by title
    await role('cem', 'ihk', 'Vizepräsident', '2010-01-01', today()); // ended today
    await role('dora', 'ihk', 'Präsidentin', dayFromToday(1), null); // starts tomorrow
    await role('anna', 'hwk', 'Beirätin', null, null);
    await role('ben', 'stadt', 'Oberbürgermeister', '2016-01-01', null);
    await role('cem', 'stadt', 'Oberbürgermeister', '2016-01-01', null); // same start and title: by id
    ids.signed = await insertAgreement(ds, {
      title: 'Kooperationsvereinbarung Nord-Süd',
      signedOn: '2014-03-03',
      parties: [{ allianceId: ids.north, representedById: ids.ihk, signatoryId: ids.anna }, { allianceId: ids.south }],
      commitments: [
        { kind: 'ANNUAL_TOP_LEVEL_MEETING', description: 'Einmal im Jahr', instruments: ['IHK-Fachkräftemonitor', 'Arbeitsmarktmonitor'] },
        { kind: 'SHARED_MONITORING', description: 'Ohne Instrument' },
      ],
    });
    ids.draft = await insertAgreement(ds, { title: 'Entwurf', status: 'DRAFT', signedOn: null, parties: [{ allianceId: ids.north }] });
    ids.older = await insertAgreement(ds, {
      title: 'Erste Vereinbarung',
      signedOn: '2012-09-24',
      parties: [{ allianceId: ids.north, signatoryId: ids.ben }],
    });
    // Archived: gone from Alliance.agreements, while the meeting held under it still names it.
    ids.archivedAgreement = await insertAgreement(ds, {
      title: 'Irrtümlich erfasst',
      signedOn: '2016-06-06',
      archivedAt: new Date(),
      parties: [{ allianceId: ids.north }, { allianceId: ids.south }],
    });
    await insertMeeting(ds, { heldOn: '2016-07-07', agreementId: ids.archivedAgreement, allianceId: ids.north, title: 'Unter Archiv' });
    ids.meeting = await insertMeeting(ds, {
      heldOn: '2015-05-05',
      agreementId: ids.signed,
      allianceId: ids.north,
      participantIds: [ids.anna, ids.ben],
    });
    await insertMeeting(ds, { heldOn: '2015-05-05', agreementId: ids.signed, title: 'Am selben Tag' });
    await insertMeeting(ds, { heldOn: dayFromToday(30), status: 'PLANNED', allianceId: ids.north });
    await insertRelease(ds, {
      title: 'Bündnis gegründet',
      publishedOn: '2014-03-04',
      publisherId: ids.ihk,
      links: [
        { relation: 'ANNOUNCES', entityType: 'ALLIANCE', entityId: ids.north },
        { entityType: 'AGREEMENT', entityId: ids.signed },
        { entityType: 'PERSON', entityId: ids.anna },
        { entityType: 'MEETING', entityId: ids.meeting },
      ],
    });
    await insertRelease(ds, {
      title: 'Ohne Herausgeber',
      publishedOn: '2014-03-04',
      links: [
        { entityType: 'ORGANISATION', entityId: ids.ihk },
        { entityType: 'ALLIANCE', entityId: ids.north },
      ],
    });
    await ds.query(
      `INSERT INTO release_quote (release_id, person_id, text, position) SELECT id, $1, 'Ein Meilenstein.', 0 FROM release WHERE title = 'Ohne Herausgeber'`,
      [ids.anna],
    );
    // Archived records leave the relation fields that list them, by both paths: an archived person's
    // role at the IHK (Organisation.roles), a meeting of Nord under the agreement, a release about Nord
    // that quotes Anna (every `sources`), and the archived person among a meeting's participants.
    const archive = (table: string, id: string) => ds.query(`UPDATE "${table}" SET archived_at = now() WHERE id = $1`, [id]);
    ids.archived = await insertPerson(ds, { givenName: 'erik', familyName: 'Familie erik' });
    await role('archived', 'ihk', 'Archivar', '2019-01-01', null);
    await archive('person', ids.archived);
    await ds.query('INSERT INTO meeting_participant (meeting_id, person_id, position) VALUES ($1, $2, 2)', [ids.meeting, ids.archived]);
    const archivedMeeting = await insertMeeting(ds, {
      heldOn: '2016-06-06',
      title: 'Archiviertes Treffen',
      agreementId: ids.signed,
      allianceId: ids.north,
      participantIds: [ids.anna],
    });
    await archive('meeting', archivedMeeting);
    const archivedRelease = await insertRelease(ds, {
      title: 'Archivierte Mitteilung',
      publishedOn: '2016-06-07',
      links: [
        { entityType: 'ALLIANCE', entityId: ids.north },
        { entityType: 'AGREEMENT', entityId: ids.signed },
        { entityType: 'MEETING', entityId: ids.meeting },
      ],
    });
    await ds.query(`INSERT INTO release_quote (release_id, person_id, text, position) VALUES ($1, $2, 'Archiviert.', 0)`, [
      archivedRelease,
      ids.anna,
    ]);
    await archive('release', archivedRelease);
  });
  afterAll(async () => {
    await loading?.close();
    await projecting?.close();
  });

  async function same(query: string, variables?: Record<string, unknown>) {
    const answers = await sameAnswers(projecting, loading, query, variables);
    expect(answers.statements[0]).toBeLessThan(answers.statements[1]);
    return answers;
  }

  it("answers the dashboard's alliance list as the loaders do, in two statements: the page and every relation below it", async () => {
    const { data, statements } = await same(
      `query($first: Int) { alliances(first: $first) { totalCount edges { node {
      id name level lead { id name }
      memberships(current: true) { role joinedOn organisation { id name kind roles(current: true) { title person { id givenName familyName } } } }
    } } } }`,
      { first: 10 },
    );
    const north = data.alliances.edges.find((e: any) => e.node.name === 'Bündnis Nord').node;
    expect(north.lead.name).toBe('Org ihk');
    expect(north.memberships.map((m: any) => m.organisation.name)).toEqual(['Org ihk', 'Org dgb', 'Org stadt']);
    expect(north.memberships[0].organisation.roles.map((r: any) => r.title)).toEqual(['Hauptgeschäftsführer', 'Präsidentin']);
    // The loaders: the page, the leads, the memberships, their organisations, roles and people.
    expect(statements).toEqual([2, 6]);
  });

  it('answers aliases of one relation with different arguments, each with its own selection', async () => {
    const { data } = await same(`{ alliances { edges { node { name
      now: memberships(current: true) { id role joinedOn leftOn version organisation { id shortName website version kind } }
      before: memberships(current: false) { role leftOn organisation { name roles(current: false) { title validFrom validTo } } }
      all: memberships { id organisation { roles { title person { honorificPrefix } } } }
      lead { name later: roles(current: false) { title } }
    } } } }`);
    const north = data.alliances.edges.find((e: any) => e.node.name === 'Bündnis Nord').node;
    expect(north.before.map((m: any) => m.organisation.name)).toEqual(['Org hwk', 'Org wfg', 'Org gone', 'Org agentur']);
    expect(north.all).toHaveLength(7);
    const south = data.alliances.edges.find((e: any) => e.node.name === 'Bündnis Süd').node;
    expect(south.lead).toBeNull();
    expect(south.now.map((m: any) => m.role)).toEqual(['PARTNER', 'PARTNER', 'PARTNER']);
  });

  it('leaves fields the SQL cannot answer exactly to their resolvers, below and beside projected ones', async () => {
    const { data } = await same(`{ alliances { edges { node { name region { name code parent { name } }
      memberships { organisation { createdAt name } alliance { name } }
      lead { name nameHistory { name } region { name } memberships(current: true) { role alliance { name region { code } } } }
      other: memberships(current: true) { organisation { name roles { person { displayName roles { title } } organisation { name } } } }
    } } } }`);
    expect(data.alliances.edges.length).toBeGreaterThan(0);
    // An alliance without a lead is projected to null, which needs no resolver either.
    const { statements } = await same(
      `{ alliances { edges { node { name lead { name memberships { role alliance { createdAt } } } } } } }`,
    );
    expect(statements[0]).toBe(3); // the page, the leads with their memberships, their alliances (a timestamp) through the loader
  });

  it("answers each organisation's name in force today on every path that reaches one", async () => {
    const { data } = await same(`{
      alliances { edges { node { name lead { name } memberships { organisation { name } } agreements { parties { representedBy { name } } } } } }
      people { edges { node { roles { organisation { name } } } } }
      releases { edges { node { publisher { name } links { organisation { name } } } } }
    }`);
    const west = data.alliances.edges.find((e: any) => e.node.name === 'Bündnis West').node;
    expect(west.lead.name).toBe('Org kammer');
    expect(west.memberships.map((m: any) => m.organisation.name)).toEqual(['Org kammer']);
    const names = JSON.stringify(data);
    expect(names).not.toContain('künftig');
    expect(names).not.toContain('Org kammer alt');
  });

  it('follows fragments, @skip and @include, and __typename as graphql-js does', async () => {
    await same(
      `query($hide: Boolean!, $show: Boolean!) { alliances { edges { node { ...A } } } }
      fragment A on Alliance { __typename name memberships(current: true) { ... on Membership { __typename role @skip(if: $hide) organisation { ...O } } } }
      fragment O on Organisation { name kind @include(if: $show) roles { title person @skip(if: $hide) { givenName } } again: roles { person { ...P } } }
      fragment P on Person { familyName honorificPrefix }`,
      { hide: true, show: false },
    );
  });

  it('answers one alliance in full: agreements, their parties, commitments and meetings, its own meetings, its sources', async () => {
    const { data } = await same(
      `query($id: ID!) { alliance(id: $id) { id name level foundedOn
        agreements { id title status signedOn
          parties { alliance { name } representedBy { name } signatory { familyName } }
          commitments { kind description instruments agreement { title } }
          meetings { id title heldOn status alliance { name } agreement { title } participants { familyName } sources { title } }
        }
        meetings { id title kind heldOn status agreement { title status } }
        sources { id title publishedOn publisher { name } }
      } }`,
      { id: ids.north },
    );
    expect(data.alliance.agreements.map((a: any) => a.title)).toEqual([
      'Kooperationsvereinbarung Nord-Süd',
      'Erste Vereinbarung',
      'Entwurf',
    ]);
    expect(data.alliance.meetings.find((m: any) => m.title === 'Unter Archiv').agreement).toEqual({
      title: 'Irrtümlich erfasst',
      status: 'SIGNED',
    });
    expect(data.alliance.agreements[0].commitments[0].instruments).toEqual(['IHK-Fachkräftemonitor', 'Arbeitsmarktmonitor']);
    expect(data.alliance.sources).toHaveLength(2);
    const titles = [data.alliance.meetings, data.alliance.agreements[0].meetings].map((meetings) => meetings.map((m: any) => m.title));
    expect(titles.flat()).not.toContain('Archiviertes Treffen');
    expect(data.alliance.agreements[0].meetings).toHaveLength(2);
    const meeting = data.alliance.agreements[0].meetings.find((m: any) => m.id === ids.meeting);
    expect(meeting.participants.map((p: any) => p.familyName)).toEqual(['Familie anna', 'Familie ben']);
  });

  it('leaves archived people, meetings and releases out of the relations that list them, by both paths', async () => {
    const { data } = await same(
      `query($ihk: ID!, $anna: ID!) {
        organisation(id: $ihk) { all: roles { title person { givenName } } now: roles(current: true) { title } sources { title } }
        person(id: $anna) { sources { title } }
      }`,
      { ihk: ids.ihk, anna: ids.anna },
    );
    expect(data.organisation.all.map((r: any) => r.person.givenName)).not.toContain('erik');
    expect(data.organisation.now.map((r: any) => r.title)).toEqual(['Hauptgeschäftsführer', 'Präsidentin']);
    expect(data.person.sources.map((r: any) => r.title).sort()).toEqual(['Bündnis gegründet', 'Ohne Herausgeber']);
  });

  it('answers releases with their publisher, quotes and the records they link to', async () => {
    await same(`{ releases(first: 20) { totalCount edges { node { id title publishedOn url body version
      publisher { id name }
      quotes { text person { familyName sources { title } } }
      links { relation alliance { id name } organisation { id name } person { id displayName } agreement { id title } meeting { id heldOn } }
    } } } }`);
    const { statements } = await same(
      `{ releases(first: 20) { edges { node { title links { alliance { createdAt name } person { familyName } meeting { heldOn } } } } } }`,
    );
    expect(statements[0]).toBe(3); // the page, the links with their people and meetings, then the alliances through the loader
  });

  it('answers through the loaders when PostgreSQL refuses a projection statement', async () => {
    const source = `{ alliances { edges { node { name lead { name } memberships { role organisation { name roles { title person { familyName } } } } } } } }`;
    const expected = await loading.gql(source);
    const { dataSource } = projecting;
    const query = dataSource.query.bind(dataSource);
    const refusing = jest
      .spyOn(dataSource, 'query')
      .mockImplementation((sql, parameters) =>
        sql.startsWith('SELECT k.v')
          ? Promise.reject(new QueryFailedError(sql, undefined, new Error('column t1.name does not exist')))
          : query(sql, parameters),
      );
    try {
      expect(await projecting.gql(source)).toEqual(expected);
      expect(refusing.mock.calls.some(([sql]) => String(sql).startsWith('SELECT k.v'))).toBe(true);
    } finally {
      refusing.mockRestore();
    }
  });

  it('gives each place a row is reached from its own selection', async () => {
    const { data } = await same(
      `query($alliance: ID!, $organisation: ID!, $person: ID!) {
        alliances { edges { node { id memberships { role } } } }
        alliance(id: $alliance) { memberships(current: true) { joinedOn organisation { name roles { title } } } }
        organisation(id: $organisation) { memberships { role alliance { name lead { name } memberships { organisation { shortName } } } } }
        person(id: $person) { roles { title organisation { name memberships(current: false) { role } roles(current: true) { person { familyName } } } } }
      }`,
      { alliance: ids.north, organisation: ids.ihk, person: ids.anna },
    );
    expect(data.alliance.memberships[0].organisation.roles.length).toBeGreaterThan(0);
    expect(data.organisation.memberships.map((m: any) => m.alliance.name).sort()).toEqual(['Bündnis Nord', 'Bündnis Süd']);
  });

  it('leaves archived memberships out of every list, and those of an archived organisation out of current ones', async () => {
    const { data } = await same(
      `query($gone: ID!, $dgb: ID!) {
        gone: organisation(id: $gone) { all: memberships { role } now: memberships(current: true) { role } before: memberships(current: false) { role alliance { name } } }
        dgb: organisation(id: $dgb) { memberships { role joinedOn alliance { name lead { name } } } }
      }`,
      { gone: ids.gone, dgb: ids.dgb },
    );
    expect(data.gone).toEqual({
      all: [{ role: 'LEAD' }, { role: 'PARTNER' }],
      now: [],
      before: [
        { role: 'LEAD', alliance: { name: 'Bündnis Süd' } },
        { role: 'PARTNER', alliance: { name: 'Bündnis Nord' } },
      ],
    });
    expect(data.dgb.memberships).toEqual([
      { role: 'PARTNER', joinedOn: null, alliance: { name: 'Bündnis Nord', lead: { name: 'Org ihk' } } },
    ]);
  });
});

/** The same comparison on a registry the size of Baden-Württemberg's, as the benchmark generates it (bench/generate.mjs). */
describe('relations read in one SQL statement, on a generated registry', () => {
  let projecting: TestApp;
  let loading: TestApp;
  const query = (name: string) => readFileSync(join(__dirname, '..', 'bench', 'queries', `${name}.graphql`), 'utf8');

  // Whole lists of a generated registry cost more than one caller may spend; the limits are not under test here.
  const unlimited = { ...WITHOUT_RESPONSE_CACHE, GRAPHQL_MAX_COST: 10_000_000, RATE_LIMIT_POINTS_PER_MINUTE: 1_000_000_000 };

  beforeAll(async () => {
    projecting = await createTestApp(unlimited);
    const url = (projecting.dataSource.options as { url: string }).url;
    execFileSync(process.execPath, [join(__dirname, '..', 'bench', 'generate.mjs'), url, '1', '7'], { stdio: 'ignore' });
    loading = await createTestApp({ ...unlimited, ...PLAIN_EXECUTION, DATABASE_URL: url });
  });
  afterAll(async () => {
    await loading?.close();
    await projecting?.close();
  });

  const same = async (source: string, variables?: Record<string, unknown>) =>
    (await sameAnswers(projecting, loading, source, variables)).data;

  it("answers the benchmark's queries as the loaders do", async () => {
    const [state] = await projecting.dataSource.query("SELECT id FROM region WHERE kind = 'STATE' ORDER BY code LIMIT 1");
    const [busiest] = await projecting.dataSource.query(
      'SELECT alliance_id AS id FROM agreement_party GROUP BY alliance_id ORDER BY count(*) DESC, alliance_id LIMIT 1',
    );
    const list = await same(query('alliance-list'), { first: 100 });
    expect(list.alliances.edges.length).toBeGreaterThan(10);
    await same(query('alliance-list-as-of'), { first: 100, asOf: '2015-06-30' });
    await same(query('alliance-full'), { id: busiest.id });
    await same(query('release-search'), { search: 'Fachkräfte' });
    await same(query('coverage'), { stateId: state.id });
  });

  it('answers every page of people with their roles, organisations and sources', async () => {
    let after: string | null = null;
    let pages = 0;
    do {
      const data = await same(
        `query($after: String) { people(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node {
          familyName roles { title validFrom validTo organisation { name kind memberships(current: false) { leftOn alliance { name } } } } sources { title publisher { name } }
        } } } }`,
        { after },
      );
      after = data.people.pageInfo.hasNextPage ? data.people.pageInfo.endCursor : null;
      pages += 1;
    } while (after);
    expect(pages).toBeGreaterThan(1);
  });
});
