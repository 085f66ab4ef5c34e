import { OrganisationKind } from '../organisations/organisation.enums';
import { findOrganisations } from './organisation-mentions';
import { findPeople } from './person-mentions';
import { Registry } from './registry';

const registry: Registry = {
  organisations: [
    {
      id: 'hwk',
      kind: OrganisationKind.CHAMBER_OF_CRAFTS,
      shortName: 'HWK Musterland',
      names: [{ name: 'Handwerkskammer Musterland', validFrom: null, validTo: null }],
    },
    {
      id: 'ihk',
      kind: OrganisationKind.CHAMBER_OF_COMMERCE,
      shortName: 'IHK Musterland',
      names: [{ name: 'Industrie- und Handelskammer Musterland', validFrom: null, validTo: null }],
    },
  ],
  people: [
    { id: 'blaettner', honorificPrefix: null, givenName: 'Rolf', familyName: 'Blättner', roles: [] },
    {
      id: 'berg-hwk',
      honorificPrefix: 'Dr.',
      givenName: 'Anna',
      familyName: 'Berg',
      roles: [{ organisationId: 'hwk', title: 'Präsidentin', validFrom: null, validTo: null }],
    },
    {
      id: 'berg-other',
      honorificPrefix: null,
      givenName: 'Anna',
      familyName: 'Berg',
      roles: [{ organisationId: 'ihk', title: 'Referentin', validFrom: null, validTo: null }],
    },
    { id: 'stein', honorificPrefix: null, givenName: 'Lena', familyName: 'Stein', roles: [] },
  ],
  alliances: [],
};

function people(text: string) {
  const organisations = findOrganisations(text, registry, '2015-01-01');
  return findPeople(text, organisations, registry, '2015-01-01').map((p) => ({
    text: text.slice(p.start, p.end),
    name: [p.honorificPrefix, p.givenName, p.familyName].filter(Boolean).join(' '),
    title: p.title,
    organisation: p.organisationId,
    person: p.personId,
  }));
}

describe('person mentions', () => {
  it('reads titles before the name, with an honorific, an organisation abbreviation and the organisation after the name', () => {
    expect(people('Es sprach Präsidentin Dr. Anna Berg von der Handwerkskammer Musterland. Dann IHK-Vizepräsidentin Lena Stein.')).toEqual([
      { text: 'Dr. Anna Berg', name: 'Dr. Anna Berg', title: 'Präsidentin', organisation: 'hwk', person: 'berg-hwk' },
      { text: 'Lena Stein', name: 'Lena Stein', title: 'IHK-Vizepräsidentin', organisation: 'ihk', person: 'stein' },
    ]);
  });

  it('reads titles after the name, with the body they chair, and the organisation after the title', () => {
    expect(people('Und Karl Hahn, Vorsitzender der Geschäftsführung der IHK Musterland, erklärte es.')).toEqual([
      { text: 'Karl Hahn', name: 'Karl Hahn', title: 'Vorsitzender der Geschäftsführung', organisation: 'ihk', person: null },
    ]);
  });

  it('takes a family name alone after a title for the person of that name named before, or the only one the registry knows', () => {
    expect(people('Staatssekretär Max Ost kam. Später sagte Staatssekretär Ost mehr.').map((p) => [p.text, p.name, p.title])).toEqual([
      ['Max Ost', 'Max Ost', 'Staatssekretär'],
      ['Ost', 'Max Ost', 'Staatssekretär'],
    ]);
    expect(people('Das betonte Geschäftsführer Blättner.')).toEqual([
      { text: 'Blättner', name: 'Rolf Blättner', title: 'Geschäftsführer', organisation: null, person: 'blaettner' },
    ]);
    expect(people('Das betonte Geschäftsführer Unbekannt.').map((p) => [p.name, p.person])).toEqual([['Unbekannt', null]]);
    // After a verb of speech, a family name alone only where it is known: from the text, or the registry.
    expect(
      people('Max Ost, Präsident der Kammer, kam. „Gut“, sagte Ost. „Ja“, sagte Blättner. „Nein“, sagte Niemand.').map((p) => [
        p.text,
        p.name,
        p.person,
      ]),
    ).toEqual([
      ['Max Ost', 'Max Ost', null],
      ['Ost', 'Max Ost', null],
      ['Blättner', 'Rolf Blättner', 'blaettner'],
    ]);
  });

  it('matches umlauts written out, and of namesakes the one at the organisation the text names', () => {
    expect(people('Rolf Blaettner sagte dazu nichts.').map((p) => p.person)).toEqual(['blaettner']);
    expect(people('Anna Berg sagte dazu nichts.').map((p) => p.person)).toEqual([null]);
    expect(people('Anna Berg, Präsidentin der Handwerkskammer Musterland, sagte es.').map((p) => p.person)).toEqual(['berg-hwk']);
  });

  it('finds no person in places or organisations, nor in capitalised words that begin a sentence', () => {
    expect(people('Die Agentur für Arbeit Schwäbisch Hall erklärte es. Und Die Region sagte nichts.')).toEqual([]);
  });
});
