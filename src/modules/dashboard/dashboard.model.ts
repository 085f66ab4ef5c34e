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
      'The latest HELD TOP_LEVEL_MEETING of agreementWithState held on or before asOf; null when there is no such agreement or meeting.',
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
    'Where an ANNUAL_TOP_LEVEL_MEETING commitment of a SIGNED agreement (signed on or before asOf) stands as of a date. PLANNED and CANCELLED meetings fulfil nothing; TERMINATED agreements owe nothing.',
})
export class CommitmentStatus {
  @Field(() => DateScalar, {
    nullable: true,
    description: 'The latest HELD TOP_LEVEL_MEETING of the agreement held on or before asOf; null when none was held by then.',
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

@ObjectType({ description: 'Counts of the whole registry, as it stands now.' })
export class RegistryStats {
  @Field(() => Int, { description: 'Alliances of every level and status, not archived.' })
  alliances: number;

  @Field(() => Int, { description: 'REGIONAL alliances of every status, not archived.' })
  regionalAlliances: number;

  @Field(() => Int, { description: 'Organisations, not archived.' })
  organisations: number;

  @Field(() => [KindCount], {
    description: 'Organisations (not archived) per kind: one entry per kind present, in the order the contract lists the kinds.',
  })
  organisationsByKind: KindCount[];

  @Field(() => Int, { description: 'Agreements with status SIGNED (terminated and draft ones are not counted).' })
  agreementsSigned: number;

  @Field(() => Int, { description: 'Meetings of every kind with status HELD, not archived.' })
  meetingsHeld: number;

  @Field(() => Int, { description: 'Press releases, not archived.' })
  releases: number;
}
