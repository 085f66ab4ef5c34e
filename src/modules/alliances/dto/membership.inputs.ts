import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional } from 'class-validator';
import { IsCalendarDate, IsId } from '../../../common/validation';
import { DateScalar } from '../../../graphql/scalars';
import { VersionedChange } from '../../../graphql/versioned-change.input';
import { MembershipRole } from '../alliance.enums';

@InputType({ description: 'An organisation joining an alliance.' })
export class AddMemberInput {
  @Field(() => ID, { description: 'The alliance.' })
  @IsId()
  allianceId: string;

  @Field(() => ID, { description: 'The organisation that joins.' })
  @IsId()
  organisationId: string;

  @Field(() => MembershipRole, { description: 'LEAD (Federführung) or PARTNER; an alliance has one current LEAD at most.' })
  @IsEnum(MembershipRole)
  role: MembershipRole;

  @Field(() => DateScalar, { nullable: true, description: 'The day it joined.' })
  @IsOptional()
  @IsCalendarDate()
  joinedOn?: string;
}

@InputType({ description: 'An organisation leaving an alliance; the membership is kept with its period.' })
export class EndMembershipInput extends VersionedChange {
  @Field(() => DateScalar, { description: 'The day it left; not before it joined.' })
  @IsCalendarDate()
  leftOn: string;
}
