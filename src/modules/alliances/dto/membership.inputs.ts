import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsUUID, Min } from 'class-validator';
import { IsCalendarDate } from '../../../common/validation';
import { DateScalar } from '../../../graphql/scalars';
import { MembershipRole } from '../alliance.enums';

@InputType({ description: 'An organisation joining an alliance.' })
export class AddMemberInput {
  @Field(() => ID, { description: 'The alliance.' })
  @IsUUID()
  allianceId: string;

  @Field(() => ID, { description: 'The organisation that joins.' })
  @IsUUID()
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
export class EndMembershipInput {
  @Field(() => ID, { description: 'The membership.' })
  @IsUUID()
  id: string;

  @Field(() => Int, { description: 'The version you read.' })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field(() => DateScalar, { description: 'The day it left; not before it joined.' })
  @IsCalendarDate()
  leftOn: string;
}
