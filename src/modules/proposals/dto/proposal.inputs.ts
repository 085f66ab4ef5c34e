import { ArgsType, Field, ID, InputType, OmitType } from '@nestjs/graphql';
import { IsDefined, IsEnum, IsOptional, IsString, Length, MaxLength, ValidateIf } from 'class-validator';
import { IsCalendarDate, IsId, NAME_MAX, TEXT_MAX, Trim } from '../../../common/validation';
import { DateScalar } from '../../../graphql/scalars';
import { VersionedRecordArgs } from '../../../graphql/versioned-change.input';
import { UpdateOrganisationInput } from '../../organisations/dto/organisation.inputs';
import { UpdatePersonInput } from '../../people/dto/people.inputs';
import { ProposalStatus } from '../proposal.enums';

/** A rename is proposed as renameOrganisation takes it: a name and its first day, both or neither. */
const proposesRename = (input: ProposeOrganisationChangeInput) => input.name !== undefined || input.validFrom !== undefined;

/** How long a sub (a token's subject) may be, as audit_event.actor and change_proposal.proposed_by keep it. */
const SUB_MAX = 200;

// The fields of the update inputs are inherited with their rules and descriptions, so a proposal
// takes every field exactly as the write it proposes would; only the record's id is named for its type.
@InputType({
  description:
    'A change to an organisation for ministry staff to accept: the fields of updateOrganisation and/or a rename (name with validFrom); at least one.',
})
export class ProposeOrganisationChangeInput extends OmitType(UpdateOrganisationInput, ['id'] as const, InputType) {
  @Field(() => ID, { description: 'The organisation to change.' })
  @IsId()
  organisationId: string;

  @Field(() => String, { nullable: true, description: 'A new name from validFrom on, as renameOrganisation takes it; needs validFrom.' })
  @ValidateIf(proposesRename)
  @IsDefined({ message: 'name must be given with validFrom: a rename needs both' })
  @Trim()
  @IsString()
  @Length(1, NAME_MAX)
  name?: string;

  @Field(() => DateScalar, { nullable: true, description: 'The first day of the new name; needs name.' })
  @ValidateIf(proposesRename)
  @IsDefined({ message: 'validFrom must be given with name: the first day of the new name' })
  @IsCalendarDate()
  validFrom?: string;

  @Field(() => String, { nullable: true, description: "Why, in the proposer's words." })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(TEXT_MAX)
  note?: string | null;
}

@InputType({
  description: "A correction of a person's name for ministry staff to accept, with the fields of updatePerson; at least one.",
})
export class ProposePersonChangeInput extends OmitType(UpdatePersonInput, ['id'] as const, InputType) {
  @Field(() => ID, { description: 'The person to change.' })
  @IsId()
  personId: string;

  @Field(() => String, { nullable: true, description: "Why, in the proposer's words." })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(TEXT_MAX)
  note?: string | null;
}

@InputType({ description: 'Filters for the proposal list; all given conditions must hold.' })
export class ProposalFilter {
  @Field(() => ProposalStatus, { nullable: true, description: 'Only proposals in this status.' })
  @IsOptional()
  @IsEnum(ProposalStatus)
  status?: ProposalStatus;

  @Field(() => ID, { nullable: true, description: 'Only proposals for this organisation or person.' })
  @IsOptional()
  @IsId()
  entityId?: string;

  @Field(() => String, { nullable: true, description: "Only proposals made by this token's sub." })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(SUB_MAX)
  proposedBy?: string;
}

@ArgsType()
export class RejectProposalArgs extends VersionedRecordArgs {
  @Field({ description: 'Why it is rejected, for the proposer to read.' })
  @Trim()
  @IsString()
  @Length(1, TEXT_MAX)
  reason: string;
}
