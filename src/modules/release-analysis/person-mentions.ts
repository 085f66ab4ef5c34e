import { fold, NOT_NAMES, SPEECH_VERB } from './german';
import { Occupied, similarity } from './name-index';
import { organisationByAbbreviation, OrganisationFinding } from './organisation-mentions';
import { Registry, RegistryPerson, validOn } from './registry';

/** A person named in the text. */
export interface PersonFinding {
  /** The name as written, honorific included ("Dr. Andreas Schumm", or "Rust" after a title). */
  start: number;
  end: number;
  honorificPrefix: string | null;
  /** Empty where neither the text nor the registry says it (a family name alone, of someone unknown). */
  givenName: string;
  familyName: string;
  /** The title the text gives: "Staatssekretär", "IHK-Vizepräsidentin", "Vorsitzender der Geschäftsführung". */
  title: string | null;
  /** The organisation the text says they speak or act for. */
  organisationId: string | null;
  personId: string | null;
}

const HONORIFIC = '(?:(?:Prof\\.|Dr\\.(?:-Ing\\.| h\\. ?c\\.| rer\\. nat\\.| med\\.)?|Dipl\\.-\\p{L}+\\.) ?)+';
const NAME_WORD = '\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?';
const PARTICLE = '(?:von der |von |van der |van |de |zu )';
const GIVEN_AND_FAMILY = `(?<given>${NAME_WORD}) (?<family>${PARTICLE}?${NAME_WORD})(?![\\p{L}-])`;
const FULL_NAME = `(?<honorific>${HONORIFIC})?${GIVEN_AND_FAMILY}`;

/** Title nouns, each also the end of a compound ("Regionsvorsitzender", "Wirtschaftsministerin", "Hauptgeschäftsführer"). */
const TITLE_NOUNS =
  'Staatssekretär|Minister|Präsident|Vorsitzende|Geschäftsführer|Bürgermeister|Landrat|Landrätin|Direktor|Leiter|Rektor|Sprecher|' +
  'Vorstand|Dezernent|Beauftragte|Chef|Referent|Koordinator|Obermeister|Kreishandwerksmeister';
const TITLE_NOUN = `(?:${TITLE_NOUNS}|${TITLE_NOUNS.toLowerCase()})`;
/** A title: perhaps an adjective before it, perhaps an organisation's abbreviation ("IHK-"), perhaps the body it chairs after it. */
const TITLE =
  '(?<title>(?:(?:stellvertretende|ehemalige|amtierende|scheidende|designierte|neue)[rn]? )?' +
  `(?:(?<abbreviation>\\p{Lu}{2,6})-)?(?=\\p{Lu})\\p{L}{0,30}?${TITLE_NOUN}(?:in|innen|r|n|en)?(?![\\p{L}])` +
  '(?: (?:der|des) (?:Geschäftsführung|Geschäftsleitung|Vorstands|Vorstandes|Aufsichtsrats|Aufsichtsrates|Verwaltungsrats|Verwaltungsrates|Regionaldirektion))?)';

const IS_TITLE = new RegExp(`^${TITLE}$`, 'u');

/** The ways a release names a person, each recognised by what stands around the name. */
const PATTERNS: RegExp[] = [
  // "Staatssekretär Ingo Rust", "IHK-Vizepräsidentin Kirsten Hirschmann"
  new RegExp(`(?<![\\p{L}-])${TITLE} ${FULL_NAME}`, 'gu'),
  // "Ulrich Bopp, Präsident der Handwerkskammer …"
  new RegExp(`(?<![\\p{L}-])${FULL_NAME}, ${TITLE}`, 'gu'),
  // "Staatssekretär Rust" (a family name alone, after a title)
  new RegExp(`(?<![\\p{L}-])${TITLE} (?<honorific>${HONORIFIC})?(?<family>${PARTICLE}?${NAME_WORD})(?![\\p{L}-])(?! ${NAME_WORD})`, 'gu'),
  // "…“, sagte Kirsten Hirschmann", "Kirsten Hirschmann sagte", "Kirsten Hirschmann: „…“"
  new RegExp(`(?<![\\p{L}-])${SPEECH_VERB} ${FULL_NAME}`, 'gu'),
  new RegExp(`(?<![\\p{L}-])${FULL_NAME}(?= ${SPEECH_VERB}(?![\\p{L}])|: ?[„"»«“])`, 'gu'),
  // "Dr. Andreas Schumm"
  new RegExp(`(?<![\\p{L}-])(?<honorific>${HONORIFIC})${GIVEN_AND_FAMILY}`, 'gu'),
];

/** Words that link a name or title to the organisation that follows ("im Ministerium", "der Agentur"). */
const LINK = /^,? (?:im|in der|beim|bei der|bei|von der|vom|der|des|am|an der|\() ?$/;

type Span = { start: number; end: number };

interface Candidate extends PersonFinding {
  /** Where the title stands, and where it ends: the organisation follows it or the name. */
  titleEnd: number | null;
  abbreviation: string | null;
}

/**
 * The people named in a text: by a title before or after the name, by a verb of speech, by an
 * honorific, or by a name the registry knows. A family name alone after a title ("Staatssekretär
 * Rust") is the person of that name the text named before (or after), else the registry's only
 * one. Each is matched with the registry by name (umlauts written out or not, a letter off),
 * preferring the namesake who holds a role at the organisation the text names.
 */
export function findPeople(
  text: string,
  organisations: OrganisationFinding[],
  registry: Registry,
  day: string | null,
  taken: Span[] = [],
): PersonFinding[] {
  const named = new Set(organisations.flatMap((o) => (o.organisationId ? [o.organisationId] : [])));
  const blocked = [...taken, ...organisations];
  const candidates: Candidate[] = [];
  for (const pattern of PATTERNS) {
    for (const match of text.matchAll(pattern)) candidates.push(...candidateOf(text, match, organisations));
  }
  candidates.push(...knownNames(text, registry));
  candidates.push(...familyNamesAfterVerbs(text, candidates, registry));

  const occupied = new Occupied([...blocked, ...candidates]);
  for (const span of blocked) occupied.take(span);
  const chosen = mergeByPlace(candidates.filter((c) => !occupied.overlaps(c)));
  for (const person of chosen)
    if (!person.organisationId && person.abbreviation)
      person.organisationId = organisationByAbbreviation(person.abbreviation, registry, named)?.id ?? null;
  completeFromEachOther(chosen);
  for (const person of chosen) matchRegistry(person, registry.people, day);
  completeFromEachOther(chosen);
  return chosen.map(({ titleEnd: _end, abbreviation: _abbreviation, ...person }) => person);
}

function candidateOf(text: string, match: RegExpMatchArray, organisations: OrganisationFinding[]): Candidate[] {
  const groups = match.groups ?? {};
  const family = groups.family;
  const given = groups.given ?? '';
  if (!family || [given, family, family.replace(/^.* /, '')].some((word) => NOT_NAMES.has(word) || IS_TITLE.test(word))) return [];
  const honorific = groups.honorific?.trim() || null;
  const whole = match[0];
  const nameText = `${groups.honorific ?? ''}${given ? `${given} ` : ''}${family}`;
  const start = match.index! + whole.indexOf(nameText);
  const end = start + nameText.length;
  const title = groups.title ?? null;
  const titleStart = title ? match.index! + whole.indexOf(title) : null;
  const titleEnd = title === null || titleStart === null ? null : titleStart + title.length;
  // The organisation follows the later of name and title: "Ingo Rust im Ministerium …", "Präsident der Handwerkskammer …".
  const after = Math.max(end, titleEnd ?? 0);
  const organisation = organisations.find((o) => o.start >= after && o.start - after <= 12 && LINK.test(text.slice(after, o.start)));
  return [
    {
      start,
      end,
      honorificPrefix: honorific,
      givenName: given,
      familyName: family,
      title,
      organisationId: organisation?.organisationId ?? null,
      personId: null,
      titleEnd,
      abbreviation: groups.abbreviation ?? null,
    },
  ];
}

/** The registry's people where the text writes their full name, whatever stands around it. */
function knownNames(text: string, registry: Registry): Candidate[] {
  const found: Candidate[] = [];
  for (const person of registry.people) {
    const written = `${person.givenName} ${person.familyName}`;
    for (let at = text.indexOf(written); at >= 0; at = text.indexOf(written, at + 1)) {
      if (/[\p{L}-]/u.test(text[at - 1] ?? '') || /[\p{L}-]/u.test(text[at + written.length] ?? '')) continue;
      const honorific = person.honorificPrefix && text.slice(0, at).endsWith(`${person.honorificPrefix} `) ? person.honorificPrefix : null;
      const start = honorific ? at - honorific.length - 1 : at;
      found.push({
        start,
        end: at + written.length,
        honorificPrefix: honorific,
        givenName: person.givenName,
        familyName: person.familyName,
        title: null,
        organisationId: null,
        personId: null,
        titleEnd: null,
        abbreviation: null,
      });
    }
  }
  return found;
}

const FAMILY_AFTER_VERB = new RegExp(`(?<![\\p{L}-])${SPEECH_VERB} (?<family>${NAME_WORD})(?![\\p{L}-])(?! ${NAME_WORD})`, 'gu');

/**
 * "…“, sagte Rust.": a family name alone after a verb of speech, where it is the family name of a
 * person the text names in full, or of someone the registry knows; any capitalised word there
 * would be too bold a guess.
 */
function familyNamesAfterVerbs(text: string, found: Candidate[], registry: Registry): Candidate[] {
  const known = new Set([
    ...found.filter((c) => c.givenName).map((c) => fold(c.familyName)),
    ...registry.people.map((p) => fold(p.familyName)),
  ]);
  return [...text.matchAll(FAMILY_AFTER_VERB)].flatMap((match) => {
    const family = match.groups!.family;
    if (!known.has(fold(family))) return [];
    const start = match.index + match[0].length - family.length;
    return [
      {
        start,
        end: start + family.length,
        honorificPrefix: null,
        givenName: '',
        familyName: family,
        title: null,
        organisationId: null,
        personId: null,
        titleEnd: null,
        abbreviation: null,
      },
    ];
  });
}

/** One finding per place: what several patterns found there is merged; of overlapping places the longest wins. */
function mergeByPlace(candidates: Candidate[]): Candidate[] {
  const order = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const byPlace = new Map<string, Candidate>();
  const occupied = new Occupied(candidates);
  for (const candidate of order) {
    const same = byPlace.get(`${candidate.start}:${candidate.end}`);
    if (same) {
      same.title ??= candidate.title;
      same.titleEnd ??= candidate.titleEnd;
      same.organisationId ??= candidate.organisationId;
      same.abbreviation ??= candidate.abbreviation;
      continue;
    }
    if (occupied.overlaps(candidate)) continue;
    byPlace.set(`${candidate.start}:${candidate.end}`, { ...candidate });
    occupied.take(candidate);
  }
  return [...byPlace.values()].sort((a, b) => a.start - b.start);
}

/**
 * Findings of one person complete each other: a family name alone takes the given name, the
 * honorific, the match and the organisation of the nearest earlier finding of that family name
 * (else a later one); a title or organisation said once holds for their other findings.
 */
function completeFromEachOther(people: Candidate[]): void {
  const pass = (order: Candidate[]) => {
    // The latest finding so far of each family name that knows who it is: by given name, and without one.
    type Seen = { person: Candidate; at: number };
    const known = new Map<string, { any?: Seen; byGiven: Map<string, Seen>; unnamed?: Seen }>();
    order.forEach((person, at) => {
      const family = fold(person.familyName);
      const seen = known.get(family);
      const given = fold(person.givenName);
      const named = seen && given ? seen.byGiven.get(given) : undefined;
      const other = !seen ? undefined : given ? [named, seen.unnamed].sort((a, b) => (b?.at ?? -1) - (a?.at ?? -1))[0] : seen.any;
      if (other) {
        person.givenName ||= other.person.givenName;
        person.honorificPrefix ??= other.person.honorificPrefix;
        person.personId ??= other.person.personId;
        person.organisationId ??= other.person.organisationId;
        person.title ??= other.person.title;
      }
      if (!person.givenName && !person.personId) return;
      const entry = seen ?? { byGiven: new Map<string, Seen>() };
      entry.any = { person, at };
      if (person.givenName) entry.byGiven.set(fold(person.givenName), { person, at });
      else entry.unnamed = { person, at };
      known.set(family, entry);
    });
  };
  pass(people);
  pass([...people].reverse());
}

/** Matches a finding with the registry's people of that name, preferring one with a role at the named organisation. */
function matchRegistry(person: Candidate, people: RegistryPerson[], day: string | null): void {
  if (person.personId) return;
  const family = fold(person.familyName);
  const given = fold(person.givenName);
  const namesakes = people.filter((p) => {
    if (fold(p.familyName) !== family) return false;
    return !given || fold(p.givenName) === given || similarity(fold(p.givenName), given) >= 0.8;
  });
  const atOrganisation = namesakes.filter((p) => p.roles.some((role) => role.organisationId === person.organisationId));
  const holdingRole = namesakes.filter((p) => p.roles.some((role) => validOn(role, day)));
  const match = [namesakes, atOrganisation, holdingRole].find((list) => list.length === 1)?.[0];
  if (!match) return;
  person.personId = match.id;
  person.givenName ||= match.givenName;
  person.honorificPrefix ??= match.honorificPrefix;
}
