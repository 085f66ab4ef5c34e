import { OrganisationKind } from '../organisations/organisation.enums';
import { findOrganisations } from './organisation-mentions';
import { Registry, RegistryOrganisation } from './registry';

const organisation = (
  id: string,
  kind: OrganisationKind,
  names: string[] | RegistryOrganisation['names'],
  shortName: string | null = null,
) => ({
  id,
  kind,
  shortName,
  names: names.map((name) => (typeof name === 'string' ? { name, validFrom: null, validTo: null } : name)),
});

const registry: Registry = {
  organisations: [
    organisation('ministry', OrganisationKind.MINISTRY, [
      { name: 'Ministerium für Finanzen und Wirtschaft Baden-Württemberg', validFrom: null, validTo: '2016-05-12' },
      { name: 'Ministerium für Wirtschaft, Arbeit und Wohnungsbau Baden-Württemberg', validFrom: '2016-05-12', validTo: '2021-05-12' },
      { name: 'Ministerium für Wirtschaft, Arbeit und Tourismus Baden-Württemberg', validFrom: '2021-05-12', validTo: null },
    ]),
    organisation('social', OrganisationKind.MINISTRY, ['Ministerium für Soziales und Integration Baden-Württemberg']),
    organisation('ihk', OrganisationKind.CHAMBER_OF_COMMERCE, ['Industrie- und Handelskammer Musterland'], 'IHK Musterland'),
    organisation('hwk', OrganisationKind.CHAMBER_OF_CRAFTS, ['Handwerkskammer Musterland'], 'HWK Musterland'),
    organisation('dgb', OrganisationKind.TRADE_UNION, ['DGB Region Mustertal'], 'DGB Mustertal'),
    organisation('whf', OrganisationKind.ECONOMIC_DEVELOPMENT, ['Wirtschaftsförderung Musterland GmbH'], 'WFM'),
    organisation('employers', OrganisationKind.EMPLOYERS_ASSOCIATION, ['Arbeitgeberverband Musterland e. V.']),
  ],
  people: [],
  alliances: [],
};

const found = (text: string, day: string | null = '2012-09-25') =>
  findOrganisations(text, registry, day).map((o) => [
    text.slice(o.start, o.end),
    o.organisationId ?? `${o.proposedName} (${o.proposedKind})`,
  ]);

describe('organisation mentions', () => {
  it('matches a ministry under the name it bore on the day, written long or as a compound, and under today’s name', () => {
    expect(found('Das Ministerium für Finanzen und Wirtschaft und das Finanz- und Wirtschaftsministerium laden ein.')).toEqual([
      ['Ministerium für Finanzen und Wirtschaft', 'ministry'],
      ['Finanz- und Wirtschaftsministerium', 'ministry'],
    ]);
    expect(found('Das Ministerium für Wirtschaft, Arbeit und Tourismus Baden-Württemberg lädt ein.', '2023-01-01')).toEqual([
      ['Ministerium für Wirtschaft, Arbeit und Tourismus Baden-Württemberg', 'ministry'],
    ]);
    // A compound that names part of a portfolio: the one ministry in force that day that covers it.
    expect(found('Das Wirtschaftsministerium lädt ein.', '2017-01-01')).toEqual([['Wirtschaftsministerium', 'ministry']]);
    expect(found('Das Verkehrsministerium lädt ein.')).toEqual([['Verkehrsministerium', 'Verkehrsministerium (MINISTRY)']]);
  });

  it('matches short names and bare abbreviations, the latter only where they stand alone', () => {
    expect(found('Die IHK Musterland, die HWK Musterland und der DGB Mustertal laden ein; die WFM hilft, die IHK auch.')).toEqual([
      ['IHK Musterland', 'ihk'],
      ['HWK Musterland', 'hwk'],
      ['DGB Mustertal', 'dgb'],
      ['WFM', 'whf'],
      ['IHK', 'ihk'],
    ]);
    expect(found('Der IHK-Fachkräftemonitor zeigt es.')).toEqual([]);
  });

  it('matches names in the genitive and with the legal form written otherwise or left out', () => {
    expect(found('Der Geschäftsführer des Arbeitgeberverbandes Musterland e.V und der Wirtschaftsförderung Musterland sagten')).toEqual([
      ['Arbeitgeberverbandes Musterland e.V', 'employers'],
      ['Wirtschaftsförderung Musterland', 'whf'],
    ]);
  });

  it('proposes the organisations it does not know, with the kind their names tell', () => {
    const text =
      'Die Agentur für Arbeit Schwäbisch Hall, die Handwerkskammer Ulm, die Hochschule Aalen, das Welcome Center Ostalb, ' +
      'der Deutsche Gewerkschaftsbund, der Regionalverband Ostwürttemberg und die Muster Werkzeug GmbH.';
    expect(found(text)).toEqual([
      ['Agentur für Arbeit Schwäbisch Hall', 'Agentur für Arbeit Schwäbisch Hall (EMPLOYMENT_AGENCY)'],
      ['Handwerkskammer Ulm', 'Handwerkskammer Ulm (CHAMBER_OF_CRAFTS)'],
      ['Hochschule Aalen', 'Hochschule Aalen (EDUCATION)'],
      ['Welcome Center Ostalb', 'Welcome Center Ostalb (WELCOME_CENTER)'],
      ['Deutsche Gewerkschaftsbund', 'Deutscher Gewerkschaftsbund (TRADE_UNION)'],
      ['Regionalverband Ostwürttemberg', 'Regionalverband Ostwürttemberg (MUNICIPALITY)'],
      ['Muster Werkzeug GmbH', 'Muster Werkzeug GmbH (OTHER)'],
    ]);
  });

  it('proposes one organisation once however the text spells it, a letter lost at a line break included', () => {
    expect(found('Daten der Bundesgentur für Arbeit und Zahlen der Bundesagentur für Arbeit')).toEqual([
      ['Bundesgentur für Arbeit', 'Bundesagentur für Arbeit (EMPLOYMENT_AGENCY)'],
      ['Bundesagentur für Arbeit', 'Bundesagentur für Arbeit (EMPLOYMENT_AGENCY)'],
    ]);
  });

  it('leaves out what other findings hold already', () => {
    const text = 'Die IHK Musterland lädt ein.';
    expect(findOrganisations(text, registry, null, [{ start: 4, end: 18 }])).toEqual([]);
  });
});
