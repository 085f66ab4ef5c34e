import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar, DateTimeScalar } from '../../graphql/scalars';
import { MeetingKind, MeetingStatus } from './meeting.enums';

@ObjectType({ description: 'A meeting under an agreement or of an alliance, e.g. a Spitzengespräch or a Fachkräftekonferenz.' })
export class Meeting {
  @Field(() => ID, { description: 'The meeting id.' })
  id: string;

  @Field(() => MeetingKind, { description: 'Spitzengespräch, Fachkräftekonferenz or another meeting.' })
  kind: MeetingKind;

  @Field(() => MeetingStatus, { description: 'Planned, held or cancelled.' })
  status: MeetingStatus;

  @Field({ description: 'Its title.' })
  title: string;

  @Field(() => DateScalar, { description: 'The day it was held, or is planned for; a HELD meeting is never later than today.' })
  heldOn: string;

  @Field(() => String, { nullable: true, description: 'Where it takes place, e.g. IHK Heilbronn-Franken, Heilbronn.' })
  location: string | null;

  @Field(() => String, { nullable: true, description: 'What was agreed: goals, measures, results.' })
  outcome: string | null;

  @Field(() => Int, { description: 'Optimistic-lock version: pass it as expectedVersion when you change, archive or restore the meeting.' })
  version: number;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'When it was archived (recorded by mistake): archived meetings leave the meetings list, Alliance.meetings and Agreement.meetings, and fulfil no commitment, until restored; meeting(id) still answers.',
  })
  archivedAt: Date | null;

  agreementId: string | null;
  allianceId: string | null;
}
