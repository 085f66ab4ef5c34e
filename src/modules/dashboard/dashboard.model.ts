import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '../../graphql/scalars';
import { OrganisationKind } from '../organisations/organisation.enums';

@ObjectType({
  description:
    "How far one REGION below a state is covered as of a date: its active alliances, their signed agreement with a STATE alliance and whether that agreement's annual top-level meeting is overdue.",
})
export class RegionCoverage {
  @Field(() => DateScalar, {
    nullable: true,
    description:
      'The latest HELD TOP_LEVEL_MEETING (not archived) of agreementWithState held on or before asOf; null when there is no such agreement or meeting.',
  })
  lastTopLevelMeetingOn: string | null;

  @Field({
    description:
      'Whether agreementWithState has an ANNUAL_TOP_LEVEL_MEETING commitment that is overdue as of asOf (see CommitmentStatus.overdue); false when there is no such agreement or commitment.',
  })
  topLevelMeetingOverdue: boolean;

  regionId: string;
  allianceIds: string[];
  agreementId: string | null;
}

@ObjectType({
  description:
    'Where an ANNUAL_TOP_LEVEL_MEETING commitment of an agreement binding on asOf stands as of that date: signed on or before asOf, not archived, and SIGNED, or TERMINATED with a terminatedOn after asOf (from terminatedOn on it owes nothing). PLANNED, CANCELLED and archived meetings fulfil nothing.',
})
export class CommitmentStatus {
  @Field(() => DateScalar, {
    nullable: true,
    description:
      'The latest HELD TOP_LEVEL_MEETING (not archived) of the agreement held on or before asOf; null when none was held by then.',
  })
  lastFulfilledOn: string | null;

  @Field(() => DateScalar, {
    description:
      "One year after lastFulfilledOn, or after the agreement's signedOn when nothing was held by asOf. A year is PostgreSQL's `date + interval '1 year'`: from 29 February it ends on 28 February.",
  })
  nextDueOn: string;

  @Field({ description: 'True when asOf is later than nextDueOn; on nextDueOn itself the meeting is due, not overdue.' })
  overdue: boolean;

  commitmentId: string;
  agreementId: string;
}

@ObjectType({ description: 'How many organisations (not archived) are of one kind.' })
export class KindCount {
  @Field(() => OrganisationKind, { description: 'The kind.' })
  kind: OrganisationKind;

  @Field(() => Int, { description: 'How many organisations (not archived) are of this kind; never 0.' })
  count: number;
}

@ObjectType({ description: 'Counts of the whole registry as it stood on the day asked (asOf; default today).' })
export class RegistryStats {
  @Field(() => Int, { description: 'Alliances of every level and status, not archived, founded by asOf (or undated).' })
  alliances: number;

  @Field(() => Int, { description: 'REGIONAL alliances of every status, not archived, founded by asOf (or undated).' })
  regionalAlliances: number;

  @Field(() => Int, {
    description:
      'Organisations, not archived, that existed on asOf: one of their names was in force (a first name has no start, so an organisation counts since before anything known).',
  })
  organisations: number;

  @Field(() => [KindCount], {
    description: 'Those organisations per kind: one entry per kind present, in the order the contract lists the kinds.',
  })
  organisationsByKind: KindCount[];

  @Field(() => Int, {
    description:
      'Agreements binding on asOf: SIGNED on that day (signed on or before it, terminated after it or not at all), not archived; drafts are not counted.',
  })
  agreementsSigned: number;

  @Field(() => Int, { description: 'Meetings of every kind with status HELD, held by asOf, not archived.' })
  meetingsHeld: number;

  @Field(() => Int, { description: 'Press releases published by asOf, not archived.' })
  releases: number;
}
