import { OrganisationKind } from '../organisations/organisation.enums';
import { fold, words } from './german';
import { findMinistries, ministryTopics } from './ministries';
import { NameEntry, NameIndex, nameKeys, pickLongest, similarity } from './name-index';
import { Registry, RegistryOrganisation, validOn } from './registry';

/** An organisation named in the text: matched to the registry, or proposed to be created. */
export interface OrganisationFinding {
  start: number;
  end: number;
  organisationId: string | null;
  /** For one the registry does not know: the name and kind to create it under. */
  proposedName: string | null;
  proposedKind: OrganisationKind | null;
}

type Span = { start: number; end: number };

/** A place of the text and what stands there, before overlaps are settled. */
interface Candidate extends Span {
  organisationId: string | null;
  proposedName: string | null;
  proposedKind: OrganisationKind | null;
  exact: boolean;
  rank: number;
}

/** Legal forms a name is also written without ("Wirtschaftsregion Heilbronn-Franken GmbH"). */
const LEGAL_FORM = /\s+(?:GmbH|gGmbH|mbH|AG|e\.\s?V\.?|KdöR)$/;
/** The state's name after a ministry's or an institution's, which running text often leaves out. */
const STATE_SUFFIX = /\s+Baden-Württemberg$/;

/** A short name that is an abbreviation: "IHK" of "IHK Heilbronn-Franken", "WHF". */
export function abbreviationOf(organisation: RegistryOrganisation): string | null {
  const first = organisation.shortName?.split(/[\s-]/)[0] ?? '';
  return /^\p{Lu}{2,6}$/u.test(first) ? first : null;
}

/**
 * The registry's names as the text may write them: every name it has had (rank 0 for the one in
 * force on the release's day, 1 for today's, 2 for others), without legal form or the state's
 * name, and its short name.
 */
function registryEntries(registry: Registry, day: string | null): NameEntry<RegistryOrganisation>[] {
  const entries: NameEntry<RegistryOrganisation>[] = [];
  for (const organisation of registry.organisations) {
    for (const name of organisation.names) {
      const rank = validOn(name, day) ? 0 : name.validTo === null ? 1 : 2;
      const forms = new Set([name.name, name.name.replace(LEGAL_FORM, ''), name.name.replace(STATE_SUFFIX, '')]);
      for (const form of forms)
        if (form.split(' ').length > 1 || form === name.name) entries.push({ keys: nameKeys(form), value: organisation, rank });
    }
    if (organisation.shortName) entries.push({ keys: nameKeys(organisation.shortName), value: organisation, rank: 1 });
  }
  return entries;
}

const PLACE = '\\p{Lu}[\\p{L}]*(?:-\\p{Lu}[\\p{L}]*)*(?:(?<=isch|er) \\p{Lu}\\p{L}+)?';

/**
 * Organisations the registry does not know yet, by the way their kind names itself. `head` is
 * the noun as the name begins, a genitive taken back to it ("des Arbeitgeberverbandes").
 */
const KINDS: { pattern: RegExp; kind: OrganisationKind; genitive?: [RegExp, string] }[] = [
  {
    pattern: new RegExp(`Bundesagentur für Arbeit|Agentur für Arbeit ${PLACE}|Jobcenter ${PLACE}`, 'gu'),
    kind: OrganisationKind.EMPLOYMENT_AGENCY,
  },
  { pattern: new RegExp(`Industrie- und Handelskammer(?: ${PLACE})?|IHK ${PLACE}`, 'gu'), kind: OrganisationKind.CHAMBER_OF_COMMERCE },
  {
    pattern: new RegExp(`Handwerkskammer ${PLACE}|HWK ${PLACE}|Kreishandwerkerschaft ${PLACE}`, 'gu'),
    kind: OrganisationKind.CHAMBER_OF_CRAFTS,
  },
  {
    pattern: new RegExp(
      `DGB(?:-Region| Region)? ${PLACE}|Deutsche[rn]? Gewerkschaftsbund(?:es)?(?: ${PLACE})?|IG Metall(?: ${PLACE})?|ver\\.di(?: ${PLACE})?`,
      'gu',
    ),
    kind: OrganisationKind.TRADE_UNION,
    genitive: [/^Deutsche[rn]? Gewerkschaftsbund(?:es)?/, 'Deutscher Gewerkschaftsbund'],
  },
  {
    pattern: new RegExp(`Arbeitgeberverband(?:es)?(?: ${PLACE})?(?: e\\.\\s?V\\.?)?|Unternehmer Baden-Württemberg|Südwestmetall`, 'gu'),
    kind: OrganisationKind.EMPLOYERS_ASSOCIATION,
    genitive: [/^Arbeitgeberverbandes/, 'Arbeitgeberverband'],
  },
  {
    pattern: new RegExp(`Wirtschaftsförderung ${PLACE}(?: GmbH)?|Wirtschaftsregion ${PLACE}(?: GmbH)?`, 'gu'),
    kind: OrganisationKind.ECONOMIC_DEVELOPMENT,
  },
  {
    pattern: new RegExp(`Regierungspräsidium ${PLACE}|Regierungspräsidiums ${PLACE}`, 'gu'),
    kind: OrganisationKind.MINISTRY,
    genitive: [/^Regierungspräsidiums/, 'Regierungspräsidium'],
  },
  {
    pattern: new RegExp(`(?:Landratsamt|Landratsamtes|Regionalverband|Regionalverbandes|Landkreis|Landkreises) ${PLACE}`, 'gu'),
    kind: OrganisationKind.MUNICIPALITY,
    genitive: [/^(Landratsamt|Regionalverband|Landkreis)(?:es)/, '$1'],
  },
  { pattern: new RegExp(`(?:Hochschule|Universität|Duale Hochschule) ${PLACE}`, 'gu'), kind: OrganisationKind.EDUCATION },
  { pattern: new RegExp(`Welcome Center ${PLACE}`, 'gu'), kind: OrganisationKind.WELCOME_CENTER },
];

/** Words a name never begins with in running text. */
const NOT_A_NAME_START = /^(?:Die|Der|Das|Des|Dem|Den|Und|Mit|Im|In|Bei|Von|Zur|Zum|Für)$/;

/** Names with a legal form the registry does not know: "Muster Logistik GmbH". */
const LEGAL_NAME = /(?<![\p{L}&-])(?:\p{Lu}[\p{L}&-]*\s){1,4}(?:GmbH|gGmbH|AG|e\.\s?V\.?)(?![\p{L}])/gu;

/** The organisations named in a text; `taken` are places other findings hold already (alliances). */
export function findOrganisations(text: string, registry: Registry, day: string | null, taken: Span[] = []): OrganisationFinding[] {
  const found = words(text);
  const index = new NameIndex(registryEntries(registry, day));
  const fromRegistry: Candidate[] = index.find(text, found).map((match) => ({
    start: match.start,
    end: match.end,
    organisationId: match.entry.value.id,
    proposedName: null,
    proposedKind: null,
    exact: match.exact,
    rank: match.entry.rank,
  }));

  const ministries = ministryCandidates(text, registry, day);
  const known = pickLongest([...fromRegistry, ...ministries], taken);
  const matchedIds = new Set(known.flatMap((candidate) => (candidate.organisationId ? [candidate.organisationId] : [])));

  const abbreviations = abbreviationCandidates(text, registry, matchedIds);
  const unknown = proposalCandidates(text);
  const chosen = pickLongest([...known, ...pickLongest(abbreviations, known), ...pickLongest(unknown, known)], taken);
  const withProposals = nameProposalsAlike(text, chosen, found, taken);
  return withProposals.map(({ start, end, organisationId, proposedName, proposedKind }) => ({
    start,
    end,
    organisationId,
    proposedName,
    proposedKind,
  }));
}

/**
 * Ministries by their topics (see ministries.ts): "Finanz- und Wirtschaftsministerium" is the
 * registered "Ministerium für Finanzen und Wirtschaft". Failing an equal set of topics, the one
 * ministry whose name in force that day covers the topics named ("Wirtschaftsministerium" in
 * 2012); else a ministry to create.
 */
function ministryCandidates(text: string, registry: Registry, day: string | null): Candidate[] {
  const named = registry.organisations.flatMap((organisation) =>
    organisation.names.flatMap((name) => {
      const topics = ministryTopics(name.name);
      return topics ? [{ organisation, topics: topics.split('|'), rank: validOn(name, day) ? 0 : name.validTo === null ? 1 : 2 }] : [];
    }),
  );
  return findMinistries(text).map((phrase) => {
    const topics = phrase.topics.split('|');
    const equal = named.filter((candidate) => candidate.topics.join('|') === phrase.topics).sort((a, b) => a.rank - b.rank);
    const covering = [
      ...new Set(named.filter((c) => c.rank === 0 && topics.every((topic) => c.topics.includes(topic))).map((c) => c.organisation)),
    ];
    const organisation = equal[0]?.organisation ?? (covering.length === 1 ? covering[0] : null);
    return {
      start: phrase.start,
      end: phrase.end,
      organisationId: organisation?.id ?? null,
      proposedName: organisation ? null : phrase.name,
      proposedKind: organisation ? null : OrganisationKind.MINISTRY,
      exact: true,
      rank: equal[0]?.rank ?? 1,
    };
  });
}

/**
 * A bare abbreviation ("die IHK"): the organisation of that abbreviation named in full elsewhere
 * in the text, else the only one the registry knows by it. One that stands in a compound word
 * ("IHK-Fachkräftemonitor") names a thing of the organisation, not the organisation.
 */
function abbreviationCandidates(text: string, registry: Registry, matchedIds: Set<string>): Candidate[] {
  const candidates: Candidate[] = [];
  for (const match of text.matchAll(/(?<![\p{L}-])\p{Lu}{2,6}(?![\p{L}-])/gu)) {
    const organisation = organisationByAbbreviation(match[0], registry, matchedIds);
    if (!organisation) continue;
    candidates.push({
      start: match.index,
      end: match.index + match[0].length,
      organisationId: organisation.id,
      proposedName: null,
      proposedKind: null,
      exact: true,
      rank: 1,
    });
  }
  return candidates;
}

/** The organisation an abbreviation stands for: preferably one the text names in full; else the only one with it. */
export function organisationByAbbreviation(abbreviation: string, registry: Registry, named: Set<string>): RegistryOrganisation | null {
  const bearers = registry.organisations.filter((organisation) => abbreviationOf(organisation) === abbreviation);
  const inText = bearers.filter((organisation) => named.has(organisation.id));
  if (inText.length === 1) return inText[0];
  return bearers.length === 1 ? bearers[0] : null;
}

/** Organisations to propose, found by how their kind names itself (KINDS) or by a legal form. */
function proposalCandidates(text: string): Candidate[] {
  const candidates: Candidate[] = [];
  for (const { pattern, kind, genitive } of KINDS) {
    for (const match of text.matchAll(pattern)) {
      const name = genitive ? match[0].replace(genitive[0], genitive[1]) : match[0];
      candidates.push({
        start: match.index,
        end: match.index + match[0].length,
        organisationId: null,
        proposedName: name,
        proposedKind: kind,
        exact: true,
        rank: 3,
      });
    }
  }
  for (const match of text.matchAll(LEGAL_NAME)) {
    const lead = /^(\S+)\s/.exec(match[0]);
    const skip = lead && NOT_A_NAME_START.test(lead[1]) ? lead[0].length : 0;
    const name = match[0].slice(skip);
    if (name.split(' ').length < 2) continue;
    candidates.push({
      start: match.index + skip,
      end: match.index + match[0].length,
      organisationId: null,
      proposedName: name,
      proposedKind: OrganisationKind.OTHER,
      exact: true,
      rank: 4,
    });
  }
  return candidates;
}

/**
 * One organisation to propose is one proposal, however the text writes it: its other places,
 * misspelt ones included ("Bundesgentur für Arbeit" where a line break ate a letter), get the
 * same name, the one written most often.
 */
function nameProposalsAlike(text: string, chosen: Candidate[], found: ReturnType<typeof words>, taken: Span[]): Candidate[] {
  const proposals = chosen.filter((candidate) => candidate.proposedName);
  if (proposals.length === 0) return chosen;
  const counts = new Map<string, number>();
  for (const { proposedName } of proposals) counts.set(proposedName!, (counts.get(proposedName!) ?? 0) + 1);
  const names = [...counts.keys()];
  const index = new NameIndex(
    names.map((name) => ({
      keys: nameKeys(name),
      value: { name, kind: proposals.find((p) => p.proposedName === name)!.proposedKind! },
      rank: 0,
    })),
  );
  const more: Candidate[] = index.find(text, found).map((match) => ({
    start: match.start,
    end: match.end,
    organisationId: null,
    proposedName: match.entry.value.name,
    proposedKind: match.entry.value.kind,
    exact: match.exact,
    rank: 3,
  }));
  const all = pickLongest([...chosen, ...pickLongest(more, chosen)], taken);
  // Names alike are one organisation: each takes the spelling written most often (then the longest).
  const preferred = (name: string) =>
    names
      .filter((other) => similarity(fold(other), fold(name)) >= 0.9)
      .sort((a, b) => counts.get(b)! - counts.get(a)! || b.length - a.length)[0] ?? name;
  for (const candidate of all) if (candidate.proposedName) candidate.proposedName = preferred(candidate.proposedName);
  return all;
}
