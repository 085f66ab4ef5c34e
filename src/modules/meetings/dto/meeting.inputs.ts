import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsEnum, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { IsCalendarDate, IsId, NAME_MAX, NotBefore, TEXT_MAX, Trim, UnlessOmitted } from '../../../common/validation';
import { DateScalar } from '../../../graphql/scalars';
import { VersionedChange } from '../../../graphql/versioned-change.input';
import { MeetingKind, MeetingStatus } from '../meeting.enums';

@InputType({ description: 'Filters for the meeting list; all given conditions must hold.' })
export class MeetingFilter {
  @Field(() => MeetingKind, { nullable: true, description: 'Only meetings of this kind.' })
  @IsOptional()
  @IsEnum(MeetingKind)
  kind?: MeetingKind;

  @Field(() => MeetingStatus, { nullable: true, description: 'Only meetings with this status.' })
  @IsOptional()
  @IsEnum(MeetingStatus)
  status?: MeetingStatus;

  @Field(() => ID, { nullable: true, description: 'Only meetings under this agreement.' })
  @IsOptional()
  @IsId()
  agreementId?: string;

  @Field(() => ID, { nullable: true, description: 'Only meetings of this alliance.' })
  @IsOptional()
  @IsId()
  allianceId?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Only meetings held (or planned) on or after this day.' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Only meetings held (or planned) on or before this day; not before from.' })
  @IsOptional()
  @IsCalendarDate()
  @NotBefore('from')
  to?: string;

  @Field({ nullable: true, description: 'Include archived meetings (left out unless true).' })
  @IsOptional()
  @IsBoolean()
  includeArchived?: boolean;
}

@InputType({ description: 'A meeting under an agreement, of an alliance, or both.' })
export class RecordMeetingInput {
  @Field(() => MeetingKind, { description: 'Spitzengespräch, Fachkräftekonferenz or another meeting.' })
  @IsEnum(MeetingKind)
  kind: MeetingKind;

  @Field(() => MeetingStatus, { description: 'Planned, held or cancelled; HELD only for a day up to today (a later one is PLANNED).' })
  @IsEnum(MeetingStatus)
  status: MeetingStatus;

  @Field({ description: 'Its title.' })
  @Trim()
  @IsString()
  @Length(1, NAME_MAX)
  title: string;

  @Field(() => DateScalar, { description: 'The day it was held, or is planned for.' })
  @IsCalendarDate()
  heldOn: string;

  @Field({ nullable: true, description: 'Where it takes place.' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(NAME_MAX)
  location?: string;

  @Field(() => ID, { nullable: true, description: 'The agreement it is held under; agreementId, allianceId or both are required.' })
  @IsOptional()
  @IsId()
  agreementId?: string;

  @Field(() => ID, { nullable: true, description: 'The alliance that holds it; with agreementId, a party of that agreement.' })
  @IsOptional()
  @IsId()
  allianceId?: string;

  @Field(() => [ID], { nullable: true, description: 'The people who take part (200 at most, each once), in the order given.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsId({ each: true })
  @ArrayUnique({ message: 'each participant may be named only once' })
  participantIds?: string[];

  @Field({ nullable: true, description: 'What was agreed: goals, measures, results.' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(TEXT_MAX)
  outcome?: string;
}

@InputType({ description: 'Changes to a meeting; omitted fields keep their value. Its agreement and alliance do not change.' })
export class UpdateMeetingInput extends VersionedChange {
  @Field(() => MeetingStatus, {
    nullable: true,
    description: 'Planned, held or cancelled; HELD only for a day up to today (a later one is PLANNED).',
  })
  @UnlessOmitted()
  @IsEnum(MeetingStatus)
  status?: MeetingStatus;

  @Field(() => DateScalar, { nullable: true, description: 'The day it was held, or is planned for.' })
  @UnlessOmitted()
  @IsCalendarDate()
  heldOn?: string;

  @Field(() => String, { nullable: true, description: 'Where it takes place; null clears it.' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(NAME_MAX)
  location?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Replaces the participants (200 at most, each once); [] removes them all.' })
  @UnlessOmitted()
  @IsArray()
  @ArrayMaxSize(200)
  @IsId({ each: true })
  @ArrayUnique({ message: 'each participant may be named only once' })
  participantIds?: string[];

  @Field(() => String, { nullable: true, description: 'What was agreed; null clears it.' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(TEXT_MAX)
  outcome?: string | null;
}
