import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsEnum,
  IsOptional,
  IsString,
  Length,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, IsId, NAME_MAX, NotBefore, TEXT_MAX, Trim } from '../../../common/validation';
import { DateScalar } from '../../../graphql/scalars';
import { AgreementStatus, CommitmentKind } from '../agreement.enums';

/** Trims every string of a list, as Trim() does for one. */
const TrimEach = () =>
  Transform(({ value }: { value: unknown }) =>
    Array.isArray(value) ? value.map((item: unknown) => (typeof item === 'string' ? item.trim() : item)) : value,
  );

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
}

@InputType({ description: 'An alliance that is party to a new agreement.' })
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
  @Trim()
  @IsString()
  @Length(1, TEXT_MAX)
  description: string;

  @Field(() => [String], { nullable: true, description: 'The instruments it names (20 at most), e.g. IHK-Fachkräftemonitor.' })
  @IsOptional()
  @TrimEach()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, NAME_MAX, { each: true })
  instruments?: string[];
}

@InputType({ description: 'A new agreement with its parties and commitments, written at once.' })
export class CreateAgreementInput {
  @Field({ description: 'Its title.' })
  @Trim()
  @IsString()
  @Length(1, NAME_MAX)
  title: string;

  @Field(() => AgreementStatus, { description: 'Draft, signed or terminated.' })
  @IsEnum(AgreementStatus)
  status: AgreementStatus;

  @Field(() => DateScalar, { nullable: true, description: 'The day it was signed; required when the status is SIGNED.' })
  @ValidateIf((input: CreateAgreementInput) => input.status === AgreementStatus.SIGNED || input.signedOn != null)
  @IsDefined({ message: 'signedOn is required when the status is SIGNED' })
  @IsCalendarDate()
  signedOn?: string;

  @Field(() => [AgreementPartyInput], {
    description: 'The alliances that are party to it: at least two, each once, in the order they are named.',
  })
  @IsArray()
  @ArrayMinSize(2, { message: 'an agreement has at least two parties' })
  @ArrayMaxSize(50)
  @ArrayUnique((party: AgreementPartyInput) => party.allianceId, { message: 'each alliance may be party only once' })
  @ValidateNested()
  @Type(() => AgreementPartyInput)
  parties: AgreementPartyInput[];

  @Field(() => [CommitmentInput], { nullable: true, description: 'What the parties promise (50 at most), in the order of the agreement.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested()
  @Type(() => CommitmentInput)
  commitments?: CommitmentInput[];
}
