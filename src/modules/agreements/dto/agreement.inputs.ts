import { applyDecorators } from '@nestjs/common';
import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsEnum,
  IsIn,
  IsOptional,
  IsString,
  Length,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, IsId, NAME_MAX, NotBefore, TEXT_MAX, Trim, UnlessOmitted } from '../../../common/validation';
import { DateScalar } from '../../../graphql/scalars';
import { VersionedChange } from '../../../graphql/versioned-change.input';
import { AgreementStatus, CommitmentKind } from '../agreement.enums';

/** Trims every string of a list, as Trim() does for one. */
const TrimEach = () =>
  Transform(({ value }: { value: unknown }) =>
    Array.isArray(value) ? value.map((item: unknown) => (typeof item === 'string' ? item.trim() : item)) : value,
  );

/** An agreement's title: a name, trimmed. */
const Title = () => applyDecorators(Trim(), IsString(), Length(1, NAME_MAX));

/** A commitment's wording: a text, trimmed. */
const CommitmentText = () => applyDecorators(Trim(), IsString(), Length(1, TEXT_MAX));

/** The instruments a commitment names: at most 20 names, each trimmed. */
const Instruments = () =>
  applyDecorators(TrimEach(), IsArray(), ArrayMaxSize(20), IsString({ each: true }), Length(1, NAME_MAX, { each: true }));

/** The parties of an agreement: at least two alliances, each once, in the order they are named. */
const Parties = () =>
  applyDecorators(
    IsArray(),
    ArrayMinSize(2, { message: 'an agreement has at least two parties' }),
    ArrayMaxSize(50),
    ArrayUnique((party: AgreementPartyInput) => party.allianceId, { message: 'each alliance may be party only once' }),
    ValidateNested(),
    Type(() => AgreementPartyInput),
  );

/** A draft has not been signed: its signedOn comes with signAgreement, so that signedOn is set exactly when it was signed. */
const NotOnADraft = () =>
  ValidateBy({
    name: 'notOnADraft',
    validator: {
      validate: (value: unknown, args) => value == null || (args?.object as CreateAgreementInput).status !== AgreementStatus.DRAFT,
      defaultMessage: () => 'a DRAFT has no signedOn; sign it with signAgreement',
    },
  });

@InputType({ description: 'Filters for the agreement list; all given conditions must hold.' })
export class AgreementFilter {
  @Field(() => ID, { nullable: true, description: 'Only agreements this alliance is party to.' })
  @IsOptional()
  @IsId()
  allianceId?: string;

  @Field(() => AgreementStatus, { nullable: true, description: 'Only agreements with this status.' })
  @IsOptional()
  @IsEnum(AgreementStatus)
  status?: AgreementStatus;

  @Field(() => DateScalar, { nullable: true, description: 'Only agreements signed on or after this day.' })
  @IsOptional()
  @IsCalendarDate()
  signedFrom?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Only agreements signed on or before this day; not before signedFrom.' })
  @IsOptional()
  @IsCalendarDate()
  @NotBefore('signedFrom')
  signedTo?: string;

  @Field({ nullable: true, description: 'Include archived agreements.' })
  @IsOptional()
  @IsBoolean()
  includeArchived?: boolean;
}

@InputType({ description: 'An alliance that is party to an agreement.' })
export class AgreementPartyInput {
  @Field(() => ID, { description: 'The alliance; each alliance is party once.' })
  @IsId()
  allianceId: string;

  @Field(() => ID, { nullable: true, description: 'The organisation that represented it, e.g. the ministry for the state alliance.' })
  @IsOptional()
  @IsId()
  representedById?: string;

  @Field(() => ID, { nullable: true, description: 'The person who signed for it.' })
  @IsOptional()
  @IsId()
  signatoryId?: string;
}

@InputType({ description: 'A promise of a new agreement.' })
export class CommitmentInput {
  @Field(() => CommitmentKind, { description: 'What kind of promise it is.' })
  @IsEnum(CommitmentKind)
  kind: CommitmentKind;

  @Field({ description: 'The promise in the words of the agreement.' })
  @CommitmentText()
  description: string;

  @Field(() => [String], { nullable: true, description: 'The instruments it names (20 at most), e.g. IHK-Fachkräftemonitor.' })
  @IsOptional()
  @Instruments()
  instruments?: string[];
}

@InputType({ description: 'A new agreement with its parties and commitments, written at once.' })
export class CreateAgreementInput {
  @Field({ description: 'Its title.' })
  @Title()
  title: string;

  @Field(() => AgreementStatus, {
    description: 'DRAFT or SIGNED. TERMINATED is BAD_USER_INPUT: an agreement ends with terminateAgreement, which records the day it ends.',
  })
  @IsIn([AgreementStatus.DRAFT, AgreementStatus.SIGNED], {
    message: 'an agreement is created as DRAFT or SIGNED; end a signed one with terminateAgreement',
  })
  status: AgreementStatus;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The day it was signed: required when the status is SIGNED, refused on a DRAFT (signAgreement signs it later).',
  })
  @ValidateIf((input: CreateAgreementInput) => input.status === AgreementStatus.SIGNED || input.signedOn != null)
  @IsDefined({ message: 'signedOn is required when the status is SIGNED' })
  @IsCalendarDate()
  @NotOnADraft()
  signedOn?: string;

  @Field(() => [AgreementPartyInput], {
    description: 'The alliances that are party to it: at least two, each once, in the order they are named.',
  })
  @Parties()
  parties: AgreementPartyInput[];

  @Field(() => [CommitmentInput], { nullable: true, description: 'What the parties promise (50 at most), in the order of the agreement.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested()
  @Type(() => CommitmentInput)
  commitments?: CommitmentInput[];
}

@InputType({
  description:
    'Corrections to an agreement; omitted fields keep their value. The title can be corrected in every status. ' +
    'The parties of a DRAFT can be replaced; those of a SIGNED agreement are fixed, and only who represented and who signed for each can be corrected; ' +
    'those of a TERMINATED agreement are closed. An archived agreement is restored before it is changed.',
})
export class UpdateAgreementInput extends VersionedChange {
  @Field({ nullable: true, description: 'The corrected title.' })
  @UnlessOmitted()
  @Title()
  title?: string;

  @Field(() => [AgreementPartyInput], {
    nullable: true,
    description:
      'The whole new list of parties, in order, replacing the old one: at least two, each alliance once. ' +
      'For a SIGNED agreement the same alliances as before (else BAD_USER_INPUT naming parties), with corrected representedById and signatoryId; ' +
      'for a TERMINATED one BAD_USER_INPUT naming parties.',
  })
  @UnlessOmitted()
  @Parties()
  parties?: AgreementPartyInput[];
}

@InputType({ description: 'A DRAFT agreement being signed.' })
export class SignAgreementInput extends VersionedChange {
  @Field(() => DateScalar, { description: 'The day it was signed.' })
  @IsCalendarDate()
  signedOn: string;
}

@InputType({ description: 'A SIGNED agreement coming to an end.' })
export class TerminateAgreementInput extends VersionedChange {
  @Field(() => DateScalar, {
    description:
      'The first day it no longer binds; not before signedOn (BAD_USER_INPUT naming terminatedOn). It may lie ahead: notice given.',
  })
  @IsCalendarDate()
  terminatedOn: string;
}

@InputType({ description: 'A promise added to an existing DRAFT or SIGNED agreement, after those it has.' })
export class AddCommitmentInput extends CommitmentInput {
  @Field(() => ID, {
    description: 'The agreement; a TERMINATED or archived one takes no new commitments (BAD_USER_INPUT naming agreementId).',
  })
  @IsId()
  agreementId: string;
}

@InputType({
  description:
    "Corrections to a commitment's wording; omitted fields keep their value, its kind does not change. Allowed in every status of its agreement, not while the agreement is archived.",
})
export class UpdateCommitmentInput extends VersionedChange {
  @Field({ nullable: true, description: 'The corrected wording.' })
  @UnlessOmitted()
  @CommitmentText()
  description?: string;

  @Field(() => [String], {
    nullable: true,
    description: 'The whole new list of instruments (20 at most), replacing the old one; [] clears it.',
  })
  @UnlessOmitted()
  @Instruments()
  instruments?: string[];
}
