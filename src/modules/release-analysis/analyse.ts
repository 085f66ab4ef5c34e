import { CommitmentKind } from '../agreements/agreement.enums';
import { OrganisationKind } from '../organisations/organisation.enums';
import { findAgreement } from './agreement';
import { findAlliances } from './alliance-mentions';
import { DateFinding, findDates } from './dates';
import { findOrganisations, OrganisationFinding } from './organisation-mentions';
import { findPeople, PersonFinding } from './person-mentions';
import { attributeQuotes, findQuotedSpans } from './quotes';
import { isDateline, readRelease, ReleaseText, titleOf } from './release-text';
import { Registry, RegistryOrganisation, validOn } from './registry';

/** Where a mention stands in the text as given (UTF-16 offsets, end exclusive) and what it reads there. */
export interface Mention {
  text: string;
  start: number;
  end: number;
}

export type DateMention = Mention & { on: string };
export type OrganisationMention = Mention & Omit<OrganisationFinding, 'start' | 'end'>;
export type PersonMention = Mention & Omit<PersonFinding, 'start' | 'end'>;
export type AllianceMention = Mention & { allianceId: string | null };
export interface QuoteMention extends Mention {
  speaker: PersonMention;
}
export interface CommitmentProposal {
  kind: CommitmentKind;
  description: string;
  instruments: string[];
}
export interface AgreementProposal {
  title: string;
  signedOn: string | null;
  parties: AllianceMention[];
  commitments: CommitmentProposal[];
}

/** What the analysis of one release found; see the ReleaseAnalysis type of the API. */
export interface Analysis {
  title: string | null;
  publishedOn: string | null;
  /** The release as read: without page chrome, source line and what follows, words joined across lines. */
  body: string;
  /** The organisation the source line names ("Quelle: …"), which published the release. */
  publisher: OrganisationMention | null;
  dates: DateMention[];
  organisations: OrganisationMention[];
  people: PersonMention[];
  quotes: QuoteMention[];
  alliances: AllianceMention[];
  agreement: AgreementProposal | null;
}

/** An organisation's name as it was on a day: the one in force then, else today's. */
export function nameOn(organisation: RegistryOrganisation, day: string | null): string {
  const names = organisation.names;
  return (names.find((name) => validOn(name, day)) ?? names.find((name) => name.validTo === null) ?? names[names.length - 1]).name;
}

/**
 * The release's own date when the caller gives none: a date with its year on a dateline ("PM
 * 25.09.2012") or opening a paragraph ("Stuttgart, 25.09.2012 – …").
 */
function datelineOf(release: ReleaseText, dates: DateFinding[]): string | null {
  for (const date of dates) {
    if (!date.withYear) continue;
    const line = release.lines.find((l) => l.start <= date.start && date.end <= l.end);
    if (!line) continue;
    const text = release.text.slice(line.start, line.end);
    if (isDateline(text) || /^[\p{L} ./-]{0,40},? ?$/u.test(release.text.slice(line.start, date.start))) return date.on;
  }
  return null;
}

/**
 * Reads a release against the registry. Pure: the caller reads the registry (see Registry), so
 * that the rules can be tested without a database. `publishedOn` resolves relative dates ("am
 * Montag") and decides which of an organisation's names were in force.
 */
export function analyse(given: string, registry: Registry, publishedOnGiven: string | null): Analysis {
  const release = readRelease(given);
  const text = release.text;
  const publishedOn = publishedOnGiven ?? datelineOf(release, findDates(text, null));
  const mention = (start: number, end: number): Mention => ({ text: text.slice(start, end), ...release.toGiven(start, end) });

  const dates = findDates(text, publishedOn);
  const allianceFindings = findAlliances(text, registry.alliances);
  const organisationFindings = findOrganisations(text, registry, publishedOn, allianceFindings);
  const peopleFindings = findPeople(text, organisationFindings, registry, publishedOn, allianceFindings);
  const quotedSpans = findQuotedSpans(text);
  const quoteFindings = attributeQuotes(text, quotedSpans, peopleFindings);

  const alliances = allianceFindings.map((a) => ({ ...mention(a.start, a.end), allianceId: a.allianceId }));
  const organisations = organisationFindings.map(({ start, end, ...rest }) => ({ ...mention(start, end), ...rest }));
  const people = peopleFindings.map(({ start, end, ...rest }) => ({ ...mention(start, end), ...rest }));
  const organisationsById = new Map(registry.organisations.map((o) => [o.id, o]));

  const instrumentName = (monitor: string, after: number) => {
    const owner = organisationFindings.find((o) => o.start > after && /^ (?:der|des) $/.test(text.slice(after, o.start)));
    if (!owner) return monitor;
    const known = owner.organisationId ? organisationsById.get(owner.organisationId) : undefined;
    return `${monitor}${text.slice(after, owner.start)}${known ? nameOn(known, publishedOn) : owner.proposedName!}`;
  };
  const agreementFinding = findAgreement(text, dates, allianceFindings, quotedSpans, instrumentName);
  const title = titleOf(release);
  return {
    title: title ? text.slice(title.start, title.end) : null,
    publishedOn,
    body: text,
    publisher: publisherOf(release, registry, publishedOn),
    dates: dates.map(({ start, end, on }) => ({ ...mention(start, end), on })),
    organisations,
    people,
    quotes: quoteFindings.map(({ start, end, speaker }) => ({ ...mention(start, end), speaker: people[speaker] })),
    alliances,
    agreement: agreementFinding && {
      title: agreementTitle(
        agreementFinding.kind,
        agreementFinding.parties.map((index) => alliances[index]),
        registry,
      ),
      signedOn: agreementFinding.signedOn,
      parties: distinctAlliances(agreementFinding.parties.map((index) => alliances[index])),
      commitments: agreementFinding.commitments,
    },
  };
}

/** One mention per alliance: the first. */
function distinctAlliances(mentions: AllianceMention[]): AllianceMention[] {
  const seen = new Set<string>();
  return mentions.filter((m) => {
    const key = m.allianceId ?? m.text;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** "Kooperationsvereinbarung Allianz für Fachkräfte Baden-Württemberg – Fachkräftebündnis Heilbronn-Franken": as registered agreements are titled. */
function agreementTitle(kind: string, parties: AllianceMention[], registry: Registry): string {
  const names = distinctAlliances(parties).map((party) => registry.alliances.find((a) => a.id === party.allianceId)?.name ?? party.text);
  return names.length ? `${kind} ${names.join(' – ')}` : kind;
}

/** The organisation the source line names, by the same rules as in the text; offsets into the text as given. */
function publisherOf(release: ReleaseText, registry: Registry, day: string | null): OrganisationMention | null {
  if (!release.source) return null;
  const { text, start } = release.source;
  const [first] = findOrganisations(text, registry, day);
  if (first) return { ...first, text: text.slice(first.start, first.end), start: start + first.start, end: start + first.end };
  return { text, start, end: start + text.length, organisationId: null, proposedName: text, proposedKind: OrganisationKind.OTHER };
}
