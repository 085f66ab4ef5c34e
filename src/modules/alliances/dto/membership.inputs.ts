import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional } from 'class-validator';
import { IsCalendarDate, IsId, NotBefore } from '../../../common/validation';
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

@InputType({
  description:
    'A member taking another role from a day on: its membership ends that day and a new one with the role begins; ' +
    'making it LEAD turns the LEAD of that day into a PARTNER from the same day.',
})
export class ChangeMembershipRoleInput extends VersionedChange {
  @Field(() => MembershipRole, { description: 'The role from `from` on; not the one it has.' })
  @IsEnum(MembershipRole)
  role: MembershipRole;

  @Field(() => DateScalar, { description: 'The first day in the new role: after the member joined and before it leaves.' })
  @IsCalendarDate()
  from: string;
}

@InputType({
  description:
    "A correction of a membership's dates, entered wrongly: the record is changed in place (the audit trail keeps the old dates). " +
    'Omitted fields keep their value; null clears a date.',
})
export class CorrectMembershipInput extends VersionedChange {
  @Field(() => DateScalar, { nullable: true, description: 'The day it joined; null: unknown.' })
  @IsOptional()
  @IsCalendarDate()
  joinedOn?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The day it left; null: it has not left. Not before joinedOn.' })
  @IsOptional()
  @IsCalendarDate()
  @NotBefore('joinedOn')
  leftOn?: string | null;
}
