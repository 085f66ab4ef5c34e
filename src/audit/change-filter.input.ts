import { Field, ID, InputType } from '@nestjs/graphql';
import { IsDate, IsOptional, IsString, Length } from 'class-validator';
import { IsId, NotBefore, Trim } from '../common/validation';
import { DateTimeScalar } from '../graphql/scalars';

// The widths of audit_event's columns: a longer value can match nothing.
const ACTOR_MAX = 200;
const NAME_MAX = 100;

@InputType({ description: 'Filters for the change feed; all given conditions must hold.' })
export class ChangeFilter {
  @Field(() => DateTimeScalar, { nullable: true, description: 'Only events at or after this instant.' })
  @IsOptional()
  @IsDate()
  since?: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Only events before this instant (exclusive); not before `since`.' })
  @IsOptional()
  @IsDate()
  @NotBefore('since')
  until?: Date;

  @Field(() => ID, {
    nullable: true,
    description: 'Only events on this alliance, on its memberships (ended and archived ones too) and on its meetings.',
  })
  @IsOptional()
  @IsId()
  allianceId?: string;

  @Field({ nullable: true, description: "Only events by this actor: a token's sub, exactly." })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, ACTOR_MAX)
  actor?: string;

  @Field({ nullable: true, description: 'Only events on records of this type, exactly, e.g. Alliance or Membership.' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, NAME_MAX)
  entityType?: string;

  @Field({ nullable: true, description: 'Only events of this action, exactly, e.g. updateOrganisation.' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, NAME_MAX)
  action?: string;
}
