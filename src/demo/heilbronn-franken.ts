import { GraphQLClient } from './graphql-client';

/**
 * The demo data: the cooperation agreement of 24 September 2012 between the state's Allianz für
 * Fachkräfte and the Fachkräftebündnis Heilbronn-Franken, with the people quoted in the press
 * release that announced it. Texts are short summaries in our own words, not the release's.
 */
const ORGANISATIONS = [
  {
    key: 'ministry',
    name: 'Ministerium für Finanzen und Wirtschaft Baden-Württemberg',
    shortName: 'Wirtschaftsministerium',
    kind: 'MINISTRY',
    region: '08',
    website: 'https://wm.baden-wuerttemberg.de',
  },
  {
    key: 'ihk',
    name: 'Industrie- und Handelskammer Heilbronn-Franken',
    shortName: 'IHK Heilbronn-Franken',
    kind: 'CHAMBER_OF_COMMERCE',
    region: '0802',
    website: 'https://www.ihk.de/heilbronn',
  },
  {
    key: 'hwk',
    name: 'Handwerkskammer Heilbronn-Franken',
    shortName: 'HWK Heilbronn-Franken',
    kind: 'CHAMBER_OF_CRAFTS',
    region: '0802',
    website: 'https://www.hwk-heilbronn.de',
  },
  { key: 'aaHeilbronn', name: 'Agentur für Arbeit Heilbronn', shortName: null, kind: 'EMPLOYMENT_AGENCY', region: '08121', website: null },
  {
    key: 'aaSchwaebischHall',
    name: 'Agentur für Arbeit Schwäbisch Hall',
    shortName: null,
    kind: 'EMPLOYMENT_AGENCY',
    region: '08127',
    website: null,
  },
  { key: 'dgb', name: 'DGB Region Nordwürttemberg', shortName: 'DGB Nordwürttemberg', kind: 'TRADE_UNION', region: null, website: null },
  {
    key: 'employers',
    name: 'Arbeitgeberverband Heilbronn-Franken e. V.',
    shortName: null,
    kind: 'EMPLOYERS_ASSOCIATION',
    region: '0802',
    website: null,
  },
  {
    key: 'whf',
    name: 'Wirtschaftsregion Heilbronn-Franken GmbH',
    shortName: 'WHF',
    kind: 'ECONOMIC_DEVELOPMENT',
    region: '0802',
    website: 'https://www.heilbronn-franken.com',
  },
] as const;

/** The ministry's later names (Popolo keeps every name with its period). */
const MINISTRY_RENAMES = [
  { name: 'Ministerium für Wirtschaft, Arbeit und Wohnungsbau Baden-Württemberg', validFrom: '2016-05-12' },
  { name: 'Ministerium für Wirtschaft, Arbeit und Tourismus Baden-Württemberg', validFrom: '2021-05-12' },
];

const PEOPLE = [
  {
    key: 'rust',
    givenName: 'Ingo',
    familyName: 'Rust',
    org: 'ministry',
    title: 'Staatssekretär',
    validFrom: '2011-05-12',
    validTo: '2016-05-12',
    quote: 'Vor Ort entscheidet sich, ob das Fachkräftethema in der Breite ankommt; darum fördert das Ministerium regionale Allianzen.',
  },
  {
    key: 'hirschmann',
    givenName: 'Kirsten',
    familyName: 'Hirschmann',
    org: 'ihk',
    title: 'Vizepräsidentin',
    quote: 'Ein jährliches Spitzengespräch soll Ziele, Maßnahmen und Ergebnisse von Land und Region abgleichen.',
  },
  {
    key: 'bopp',
    givenName: 'Ulrich',
    familyName: 'Bopp',
    org: 'hwk',
    title: 'Präsident',
    quote: 'Landes- und Regionalebene sollen voneinander profitieren.',
  },
  {
    key: 'rebstock',
    givenName: 'Guido',
    familyName: 'Rebstock',
    org: 'aaSchwaebischHall',
    title: 'Vorsitzender der Geschäftsführung',
    quote: 'Ein ständiger Vertreter des Ministeriums bei den Fachkräftekonferenzen vertieft den Austausch.',
  },
  {
    key: 'diepgen',
    givenName: 'Martin',
    familyName: 'Diepgen',
    org: 'aaHeilbronn',
    title: 'Vorsitzender der Geschäftsführung',
    quote: 'Arbeitsmarktmonitor und IHK-Fachkräftemonitor machen die Lage für Allianz und Bündnis transparent.',
  },
  {
    key: 'blaettner',
    givenName: 'Rolf',
    familyName: 'Blaettner',
    org: 'employers',
    title: 'Geschäftsführer',
    quote: 'Als wachstumsstarke Region muss Heilbronn-Franken jetzt alles tun, um seine Fachkräftebasis zu sichern.',
  },
  {
    key: 'schumm',
    honorificPrefix: 'Dr.',
    givenName: 'Andreas',
    familyName: 'Schumm',
    org: 'whf',
    title: 'Geschäftsführer',
    quote: 'Die WHF sorgt als Partner für den regelmäßigen Austausch mit den Kommunen.',
  },
  {
    key: 'loeffler',
    givenName: 'Bernhard',
    familyName: 'Löffler',
    org: 'dgb',
    title: 'Regionsvorsitzender',
    quote: 'Bündnis und Kooperation mit dem Ministerium werden gute Ergebnisse bringen.',
  },
] as const;

const MONITORS = ['Arbeitsmarktmonitor der Bundesagentur für Arbeit', 'IHK-Fachkräftemonitor'];

const COMMITMENTS = [
  {
    kind: 'ANNUAL_TOP_LEVEL_MEETING',
    description: 'Einmal im Jahr ein Spitzengespräch der Kooperationspartner, um Ziele, Maßnahmen und Ergebnisse abzustimmen.',
  },
  { kind: 'MUTUAL_SUPPORT', description: 'Die Partner unterstützen einander bei der Umsetzung ihrer Arbeitsprogramme.' },
  { kind: 'MUTUAL_INFORMATION', description: 'Die Partner informieren einander über ihre Aktivitäten zur Fachkräftesicherung.' },
  {
    kind: 'PERMANENT_REPRESENTATIVE',
    description: 'Ein ständiger Vertreter des Ministeriums nimmt an den Fachkräftekonferenzen des Bündnisses teil.',
  },
  {
    kind: 'SHARED_MONITORING',
    description: 'Demografische, wirtschaftliche und soziale Entwicklung werden mit gemeinsamen Monitoren analysiert.',
    instruments: MONITORS,
  },
  {
    kind: 'COMMUNICATION_PLATFORM',
    description: 'Die Plattform des Arbeitsmarktmonitors dient Allianz und Bündnis als Kommunikationskanal.',
    instruments: [MONITORS[0]],
  },
];

export interface DemoIds {
  stateAlliance: string;
  regionalAlliance: string;
  agreement: string;
  meeting: string;
  release: string;
  organisations: Record<(typeof ORGANISATIONS)[number]['key'], string>;
  people: Record<(typeof PEOPLE)[number]['key'], string>;
}

/** Writes the demo data through the GraphQL API (so every write is validated and audited like a user's). */
export async function loadHeilbronnFranken(client: GraphQLClient): Promise<DemoIds> {
  const { regions } = await client.request<{ regions: { id: string; code: string }[] }>('{ regions { id code } }');
  const region = (code: string) => regions.find((r) => r.code === code)!.id;

  const organisations = {} as DemoIds['organisations'];
  for (const { key, region: code, ...organisation } of ORGANISATIONS) {
    const input = { ...organisation, regionId: code ? region(code) : null };
    const { createOrganisation } = await client.request<{ createOrganisation: { id: string } }>(
      'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }',
      { input },
    );
    organisations[key] = createOrganisation.id;
  }
  let version = 1;
  for (const rename of MINISTRY_RENAMES) {
    const { renameOrganisation } = await client.request<{ renameOrganisation: { version: number } }>(
      'mutation($input: RenameOrganisationInput!) { renameOrganisation(input: $input) { version } }',
      { input: { id: organisations.ministry, expectedVersion: version, ...rename } },
    );
    version = renameOrganisation.version;
  }

  const people = {} as DemoIds['people'];
  for (const { key, org, title, quote: _quote, ...person } of PEOPLE) {
    const { givenName, familyName } = person;
    const honorificPrefix = 'honorificPrefix' in person ? person.honorificPrefix : null;
    const { createPerson } = await client.request<{ createPerson: { id: string } }>(
      'mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }',
      {
        input: { honorificPrefix, givenName, familyName },
      },
    );
    people[key] = createPerson.id;
    const period = 'validFrom' in person ? { validFrom: person.validFrom, validTo: person.validTo } : {};
    await client.request('mutation($input: AssignRoleInput!) { assignRole(input: $input) { id } }', {
      input: { personId: createPerson.id, organisationId: organisations[org], title, ...period },
    });
  }

  const createAlliance = async (input: Record<string, unknown>) =>
    (
      await client.request<{ createAlliance: { id: string } }>(
        'mutation($input: CreateAllianceInput!) { createAlliance(input: $input) { id } }',
        { input },
      )
    ).createAlliance.id;
  const stateAlliance = await createAlliance({
    name: 'Allianz für Fachkräfte Baden-Württemberg',
    level: 'STATE',
    regionId: region('08'),
    foundedOn: '2011-12-01',
    description:
      'Landesweites Bündnis zur Fachkräftesicherung, im Dezember 2011 gegründet (Tag nicht erfasst); Ziel ist eine regionale Allianz in jeder Region.',
  });
  const regionalAlliance = await createAlliance({
    name: 'Fachkräftebündnis Heilbronn-Franken',
    level: 'REGIONAL',
    regionId: region('0802'),
    foundedOn: '2012-04-20',
    description: 'Regionales Fachkräftebündnis unter Federführung der IHK Heilbronn-Franken.',
  });

  const addMember = (allianceId: string, organisationId: string, role: string, joinedOn: string) =>
    client.request('mutation($input: AddMemberInput!) { addMember(input: $input) { id } }', {
      input: { allianceId, organisationId, role, joinedOn },
    });
  await addMember(stateAlliance, organisations.ministry, 'LEAD', '2011-12-01');
  await addMember(regionalAlliance, organisations.ihk, 'LEAD', '2012-04-20');
  for (const key of ['hwk', 'aaHeilbronn', 'aaSchwaebischHall', 'dgb', 'employers', 'whf'] as const) {
    await addMember(regionalAlliance, organisations[key], 'PARTNER', '2012-04-20');
  }

  const { createAgreement } = await client.request<{ createAgreement: { id: string } }>(
    'mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { id } }',
    {
      input: {
        title: 'Kooperationsvereinbarung Allianz für Fachkräfte Baden-Württemberg – Fachkräftebündnis Heilbronn-Franken',
        status: 'SIGNED',
        signedOn: '2012-09-24',
        parties: [
          { allianceId: stateAlliance, representedById: organisations.ministry, signatoryId: people.rust },
          { allianceId: regionalAlliance, representedById: organisations.ihk },
        ],
        commitments: COMMITMENTS,
      },
    },
  );
  const agreement: string = createAgreement.id;

  const { recordMeeting } = await client.request<{ recordMeeting: { id: string } }>(
    'mutation($input: RecordMeetingInput!) { recordMeeting(input: $input) { id } }',
    {
      input: {
        kind: 'TOP_LEVEL_MEETING',
        status: 'HELD',
        title: 'Erstes Spitzengespräch unter der Kooperationsvereinbarung',
        heldOn: '2013-10-29',
        location: 'IHK Heilbronn-Franken, Heilbronn',
        agreementId: agreement,
        allianceId: regionalAlliance,
      },
    },
  );
  const meeting: string = recordMeeting.id;

  const mentions = [stateAlliance, regionalAlliance, ...Object.values(organisations), ...Object.values(people)].map((entityId) => ({
    relation: 'MENTIONS',
    entityId,
  }));
  const { createRelease } = await client.request<{ createRelease: { id: string } }>(
    'mutation($input: CreateReleaseInput!) { createRelease(input: $input) { id } }',
    {
      input: {
        title: 'Kooperationsvereinbarung zwischen Fachkräftebündnis Heilbronn-Franken und Finanz- und Wirtschaftsministerium',
        publishedOn: '2012-09-24',
        publisherId: organisations.ministry,
        body:
          'Die Allianz für Fachkräfte Baden-Württemberg und das Fachkräftebündnis Heilbronn-Franken haben eine Kooperationsvereinbarung geschlossen: ' +
          'ein jährliches Spitzengespräch, gegenseitige Unterstützung und Information, ein ständiger Vertreter des Ministeriums bei den ' +
          'Fachkräftekonferenzen und die gemeinsame Nutzung von Arbeitsmarktmonitor und IHK-Fachkräftemonitor. Heilbronn-Franken ist die erste ' +
          'regionale Fachkräfteallianz im Land mit einer solchen Vereinbarung.',
        links: [{ relation: 'ANNOUNCES', entityId: agreement }, ...mentions],
        quotes: PEOPLE.map(({ key, quote }) => ({ personId: people[key], text: quote })),
      },
    },
  );

  return { stateAlliance, regionalAlliance, agreement, meeting, release: createRelease.id, organisations, people };
}

/** Loads the demo data unless the registry holds alliances already. */
export async function loadDemoDataIfEmpty(client: GraphQLClient): Promise<boolean> {
  const { alliances } = await client.request<{ alliances: { totalCount: number } }>(
    '{ alliances(first: 1, filter: { includeArchived: true }) { totalCount } }',
  );
  if (alliances.totalCount > 0) return false;
  await loadHeilbronnFranken(client);
  return true;
}
