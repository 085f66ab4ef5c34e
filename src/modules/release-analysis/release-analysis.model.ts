import { Field, Int, ObjectType } from '@nestjs/graphql';
import { CommitmentKind } from '../agreements/agreement.enums';
import { OrganisationKind } from '../organisations/organisation.enums';
import { DateScalar } from '../../graphql/scalars';

const TEXT = 'The words of the mention as read (a word broken across lines joined).';
const START = 'Where the mention begins in the text as given: a UTF-16 offset.';
const END = 'Where the mention ends in the text as given: a UTF-16 offset, exclusive.';

/** What every mention has: its words and where they stand in the text (the contract spells these out on each type). */
@ObjectType({ isAbstract: true })
abstract class Mention {
  @Field({ description: TEXT })
  text: string;

  @Field(() => Int, { description: START })
  start: number;

  @Field(() => Int, { description: END })
  end: number;
}

@ObjectType({
  description:
    'A day the release names, resolved against the day of publication ("am Montag" in a release of Tuesday 25 September 2012 is 2012-09-24).',
})
export class DateMention extends Mention {
  @Field(() => DateScalar, { description: 'The calendar date it names.' })
  on: string;
}

@ObjectType({
  description:
    'An organisation the release names: matched with the registry (by its current name, a name it bore on the day of publication, or its short name), or proposed to be created.',
})
export class OrganisationMention extends Mention {
  @Field(() => String, { nullable: true, description: 'Unmatched: the name to create it under (the spelling the text uses most).' })
  proposedName: string | null;

  @Field(() => OrganisationKind, { nullable: true, description: 'Unmatched: the kind its name suggests.' })
  proposedKind: OrganisationKind | null;

  organisationId: string | null;
}

@ObjectType({ description: 'A person the release names, with what the text says about them.' })
export class PersonMention extends Mention {
  @Field({ description: `${TEXT} The name, with an honorific; after a title a family name alone ("Staatssekretär Rust").` })
  declare text: string;

  @Field(() => String, { nullable: true, description: 'Dr., Prof. Dr.' })
  honorificPrefix: string | null;

  @Field({
    description:
      'The given name; for a family name alone, that of the person of that name the text names elsewhere or the registry knows; empty when neither says it.',
  })
  givenName: string;

  @Field({ description: 'The family name.' })
  familyName: string;

  @Field(() => String, {
    nullable: true,
    description: 'The title the text gives them: Staatssekretär, IHK-Vizepräsidentin, Vorsitzender der Geschäftsführung.',
  })
  title: string | null;

  organisationId: string | null;
  personId: string | null;
}

@ObjectType({
  description:
    'Quoted words and who said them, whether the text names the speaker before or after them; a quote in several parts is several quotes.',
})
export class QuoteMention {
  @Field({ description: 'The quoted words, without the quotation marks.' })
  text: string;

  @Field(() => Int, { description: `${START} The first quoted character.` })
  start: number;

  @Field(() => Int, { description: `${END} The closing quotation mark.` })
  end: number;

  @Field(() => PersonMention, { description: 'Who said them: the mention of the speaker next to the quote.' })
  speaker: PersonMention;
}

@ObjectType({
  description:
    'An alliance the release names, by its name or a usual variant ("Fachkräfteallianz Baden-Württemberg" for the "Allianz für Fachkräfte Baden-Württemberg").',
})
export class AllianceMention extends Mention {
  allianceId: string | null;
}

@ObjectType({ description: 'A commitment the agreement makes, as the release describes it.' })
export class CommitmentProposal {
  @Field(() => CommitmentKind, { description: 'What kind of commitment it is.' })
  kind: CommitmentKind;

  @Field({ description: 'The sentence (or quote) of the release that makes it.' })
  description: string;

  @Field(() => [String], {
    description: 'The instruments it names: Arbeitsmarktmonitor der Bundesagentur für Arbeit, IHK-Fachkräftemonitor.',
  })
  instruments: string[];
}

@ObjectType({ description: 'An agreement the release announces as concluded.' })
export class AgreementProposal {
  @Field({ description: 'A title as the registry titles agreements: the kind of agreement, then its parties.' })
  title: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The day the sentence announcing it names ("am Montag"); null when it names none.',
  })
  signedOn: string | null;

  @Field(() => [AllianceMention], { description: 'Its parties: the alliances the announcing sentence names, each once.' })
  parties: AllianceMention[];

  @Field(() => [CommitmentProposal], { description: 'What it commits to, one of each kind, in the order the release tells.' })
  commitments: CommitmentProposal[];
}

@ObjectType({
  description:
    'What the registry reads in a press release, for a person to review before importRelease: every mention with its offsets into the text as given.',
})
export class ReleaseAnalysis {
  @Field(() => String, { nullable: true, description: 'The headline: the first line of three words or more that is not a dateline.' })
  title: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The day of publication: as given, else the date of a dateline ("PM 25.09.2012"); null when neither says.',
  })
  publishedOn: string | null;

  @Field({
    description:
      'The release as read, for the body of the release to import: page chrome ("Berechne Lesezeit", "Teilen") left out, nothing from "Quelle:" or "Weitere Meldungen" on, words broken across lines joined.',
  })
  body: string;

  @Field(() => OrganisationMention, {
    nullable: true,
    description: 'The organisation the source line names ("Quelle: …"): who published it.',
  })
  publisher: OrganisationMention | null;

  @Field(() => [DateMention], { description: 'The days it names, in the order of the text.' })
  dates: DateMention[];

  @Field(() => [OrganisationMention], { description: 'Every place it names an organisation, in the order of the text.' })
  organisations: OrganisationMention[];

  @Field(() => [PersonMention], { description: 'Every place it names a person, in the order of the text.' })
  people: PersonMention[];

  @Field(() => [QuoteMention], { description: 'Its quotes with their speakers, in the order of the text.' })
  quotes: QuoteMention[];

  @Field(() => [AllianceMention], { description: 'Every place it names an alliance, in the order of the text.' })
  alliances: AllianceMention[];

  @Field(() => AgreementProposal, { nullable: true, description: 'The agreement it announces as concluded, if any.' })
  agreement: AgreementProposal | null;
}
