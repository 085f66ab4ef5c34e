import { GraphQLClient } from '../src/demo/graphql-client';
import { DemoIds, loadHeilbronnFranken } from '../src/demo/heilbronn-franken';
import { createTestApp, TestApp } from './support/test-app';

/** The real case of DESIGN.md, written through the API as a user would and read back whole. */
describe('the Heilbronn-Franken cooperation agreement', () => {
  let t: TestApp;
  let ids: DemoIds;
  beforeAll(async () => {
    t = await createTestApp();
    ids = await loadHeilbronnFranken(new GraphQLClient(`${t.url}/graphql`, t.token('EDITOR', { sub: 'ministerium' })));
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows the regional alliance with its lead, partners and their people', async () => {
    const result = await t.gql(
      `query($id: ID!) { alliance(id: $id) {
        name level status foundedOn region { name code parent { code } }
        lead { name shortName kind }
        memberships(current: true) { role joinedOn organisation { shortName name kind roles(current: true) { title person { displayName } } } }
        agreements { title } meetings { heldOn status } sources { title }
      } }`,
      { id: ids.regionalAlliance },
    );
    expect(result.errors).toBeUndefined();
    const alliance = result.data!.alliance;
    expect(alliance).toMatchObject({
      name: 'Fachkräftebündnis Heilbronn-Franken',
      level: 'REGIONAL',
      status: 'ACTIVE',
      foundedOn: '2012-04-20',
      region: { name: 'Heilbronn-Franken', code: '0802', parent: { code: '08' } },
      lead: { name: 'Industrie- und Handelskammer Heilbronn-Franken', shortName: 'IHK Heilbronn-Franken', kind: 'CHAMBER_OF_COMMERCE' },
      meetings: [{ heldOn: '2013-10-29', status: 'HELD' }],
    });
    expect(alliance.memberships).toHaveLength(7);
    expect(alliance.memberships[0]).toMatchObject({
      role: 'LEAD',
      organisation: { roles: [{ title: 'Vizepräsidentin', person: { displayName: 'Kirsten Hirschmann' } }] },
    });
    const kinds = alliance.memberships.map((m: any) => m.organisation.kind).sort();
    expect(kinds).toEqual([
      'CHAMBER_OF_COMMERCE',
      'CHAMBER_OF_CRAFTS',
      'ECONOMIC_DEVELOPMENT',
      'EMPLOYERS_ASSOCIATION',
      'EMPLOYMENT_AGENCY',
      'EMPLOYMENT_AGENCY',
      'TRADE_UNION',
    ]);
    const whf = alliance.memberships.find((m: any) => m.organisation.shortName === 'WHF');
    expect(whf.organisation.roles).toEqual([{ title: 'Geschäftsführer', person: { displayName: 'Dr. Andreas Schumm' } }]);
    expect(alliance.agreements).toHaveLength(1);
    expect(alliance.sources).toHaveLength(1);
  });

  it('shows the agreement with its parties, six commitments, the first Spitzengespräch and the announcing release', async () => {
    const result = await t.gql(
      `query($id: ID!) { agreement(id: $id) {
        title status signedOn
        parties { alliance { name level } representedBy { name } signatory { displayName roles { title validFrom validTo } } }
        commitments { kind description instruments agreement { id } }
        meetings { kind status heldOn location alliance { name } }
        sources { title publishedOn publisher { shortName } }
      } }`,
      { id: ids.agreement },
    );
    expect(result.errors).toBeUndefined();
    const agreement = result.data!.agreement;
    expect(agreement).toMatchObject({ status: 'SIGNED', signedOn: '2012-09-24' });
    expect(agreement.parties).toEqual([
      {
        alliance: { name: 'Allianz für Fachkräfte Baden-Württemberg', level: 'STATE' },
        representedBy: { name: 'Ministerium für Wirtschaft, Arbeit und Tourismus Baden-Württemberg' },
        signatory: { displayName: 'Ingo Rust', roles: [{ title: 'Staatssekretär', validFrom: '2011-05-12', validTo: '2016-05-12' }] },
      },
      {
        alliance: { name: 'Fachkräftebündnis Heilbronn-Franken', level: 'REGIONAL' },
        representedBy: { name: 'Industrie- und Handelskammer Heilbronn-Franken' },
        signatory: null,
      },
    ]);
    expect(agreement.commitments.map((c: any) => c.kind)).toEqual([
      'ANNUAL_TOP_LEVEL_MEETING',
      'MUTUAL_SUPPORT',
      'MUTUAL_INFORMATION',
      'PERMANENT_REPRESENTATIVE',
      'SHARED_MONITORING',
      'COMMUNICATION_PLATFORM',
    ]);
    expect(agreement.commitments[4].instruments).toEqual(['Arbeitsmarktmonitor der Bundesagentur für Arbeit', 'IHK-Fachkräftemonitor']);
    expect(agreement.commitments.every((c: any) => c.agreement.id === ids.agreement)).toBe(true);
    expect(agreement.meetings).toEqual([
      {
        kind: 'TOP_LEVEL_MEETING',
        status: 'HELD',
        heldOn: '2013-10-29',
        location: 'IHK Heilbronn-Franken, Heilbronn',
        alliance: { name: 'Fachkräftebündnis Heilbronn-Franken' },
      },
    ]);
    expect(agreement.sources).toEqual([
      {
        title: expect.stringContaining('Kooperationsvereinbarung'),
        publishedOn: '2012-09-24',
        publisher: { shortName: 'Wirtschaftsministerium' },
      },
    ]);
  });

  it('keeps every name the ministry has had, oldest first', async () => {
    const result = await t.gql(`query($id: ID!) { organisation(id: $id) { name nameHistory { name validFrom validTo } } }`, {
      id: ids.organisations.ministry,
    });
    expect(result.data!.organisation).toEqual({
      name: 'Ministerium für Wirtschaft, Arbeit und Tourismus Baden-Württemberg',
      nameHistory: [
        { name: 'Ministerium für Finanzen und Wirtschaft Baden-Württemberg', validFrom: null, validTo: '2016-05-12' },
        { name: 'Ministerium für Wirtschaft, Arbeit und Wohnungsbau Baden-Württemberg', validFrom: '2016-05-12', validTo: '2021-05-12' },
        { name: 'Ministerium für Wirtschaft, Arbeit und Tourismus Baden-Württemberg', validFrom: '2021-05-12', validTo: null },
      ],
    });
  });

  it('finds the release by German full text and shows its eight quotes and links', async () => {
    const result = await t.gql(`{ releases(filter: { search: "Kooperationsvereinbarungen Heilbronn" }) { totalCount edges { node {
      id quotes { person { displayName } text } links { relation agreement { id } alliance { id } organisation { id } person { id } }
    } } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.releases.totalCount).toBe(1);
    const release = result.data!.releases.edges[0].node;
    expect(release.id).toBe(ids.release);
    expect(release.quotes.map((q: any) => q.person.displayName)).toEqual([
      'Ingo Rust',
      'Kirsten Hirschmann',
      'Ulrich Bopp',
      'Guido Rebstock',
      'Martin Diepgen',
      'Rolf Blaettner',
      'Dr. Andreas Schumm',
      'Bernhard Löffler',
    ]);
    expect(release.links.filter((l: any) => l.relation === 'ANNOUNCES')).toEqual([
      { relation: 'ANNOUNCES', agreement: { id: ids.agreement }, alliance: null, organisation: null, person: null },
    ]);
    expect(release.links).toHaveLength(1 + 2 + 8 + 8);
  });

  it('lists the people quoted, each with the release as a source', async () => {
    const result = await t.gql(`{ people(first: 100) { totalCount edges { node { displayName sources { id } } } } }`);
    expect(result.data!.people.totalCount).toBe(8);
    expect(result.data!.people.edges.every((e: any) => e.node.sources.length === 1 && e.node.sources[0].id === ids.release)).toBe(true);
    expect(result.data!.people.edges.map((e: any) => e.node.displayName)).toEqual([
      'Rolf Blaettner',
      'Ulrich Bopp',
      'Martin Diepgen',
      'Kirsten Hirschmann',
      'Bernhard Löffler',
      'Guido Rebstock',
      'Ingo Rust',
      'Dr. Andreas Schumm',
    ]);
  });

  it('has an audit event for every write, by the token that made it', async () => {
    const trail = await t.gql(
      `query($id: ID!) { auditTrail(entityId: $id) { actor action changes } }`,
      { id: ids.organisations.ministry },
      { token: t.tokens.reader },
    );
    expect(trail.data!.auditTrail.map((e: any) => e.action)).toEqual(['renameOrganisation', 'renameOrganisation', 'createOrganisation']);
    expect(trail.data!.auditTrail.every((e: any) => e.actor === 'ministerium')).toBe(true);
    expect(JSON.parse(trail.data!.auditTrail[0].changes).name).toEqual([
      'Ministerium für Wirtschaft, Arbeit und Wohnungsbau Baden-Württemberg',
      'Ministerium für Wirtschaft, Arbeit und Tourismus Baden-Württemberg',
    ]);
  });
});
