import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { IsCalendarDate, IsId, NAME_MAX, NotBefore, Trim, UnlessOmitted } from '../../../common/validation';
import { DateScalar } from '../../../graphql/scalars';
import { VersionedChange } from '../../../graphql/versioned-change.input';

@InputType({ description: 'Filters for the people list; all given conditions must hold.' })
export class PersonFilter {
  @Field(() => ID, { nullable: true, description: 'Only people who have or had a role at this organisation.' })
  @IsOptional()
  @IsId()
  organisationId?: string;

  @Field({ nullable: true, description: 'Part of "given family" or "family given" name; case and umlauts do not matter.' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(NAME_MAX)
  search?: string;

  @Field({ nullable: true, description: 'Include archived people (left out unless true).' })
  @IsOptional()
  @IsBoolean()
  includeArchived?: boolean;
}

@InputType({ description: 'A new person.' })
export class CreatePersonInput {
  @Field({ nullable: true, description: 'An academic or honorific prefix, e.g. Dr.' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(NAME_MAX)
  honorificPrefix?: string;

  @Field({ description: 'The given name.' })
  @Trim()
  @IsString()
  @Length(1, NAME_MAX)
  givenName: string;

  @Field({ description: 'The family name.' })
  @Trim()
  @IsString()
  @Length(1, NAME_MAX)
  familyName: string;
}

@InputType({ description: 'A person taking a position at an organisation.' })
export class AssignRoleInput {
  @Field(() => ID, { description: 'The person.' })
  @IsId()
  personId: string;

  @Field(() => ID, { description: 'The organisation the person represents.' })
  @IsId()
  organisationId: string;

  @Field({ description: 'The title, e.g. Staatssekretär.' })
  @Trim()
  @IsString()
  @Length(1, NAME_MAX)
  title: string;

  @Field(() => DateScalar, { nullable: true, description: 'The first day the person holds the role.' })
  @IsOptional()
  @IsCalendarDate()
  validFrom?: string;

  @Field(() => DateScalar, { nullable: true, description: 'The first day the person no longer holds it; not before validFrom.' })
  @IsOptional()
  @IsCalendarDate()
  @NotBefore('validFrom')
  validTo?: string;
}

@InputType({ description: 'A person leaving a position; the role is kept with its period.' })
export class EndRoleInput extends VersionedChange {
  @Field(() => DateScalar, { description: 'The first day the person no longer holds the role; not before validFrom.' })
  @IsCalendarDate()
  validTo: string;
}

@InputType({
  description: "Corrects the spelling of a person's name; omitted fields keep their value. The old spelling stays in the audit trail only.",
})
export class UpdatePersonInput extends VersionedChange {
  @Field(() => String, { nullable: true, description: 'An academic or honorific prefix, e.g. Dr.; null (or blank) clears it.' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(NAME_MAX)
  honorificPrefix?: string | null;

  @Field(() => String, { nullable: true, description: 'The given name; it cannot be cleared.' })
  @UnlessOmitted()
  @Trim()
  @IsString()
  @Length(1, NAME_MAX)
  givenName?: string;

  @Field(() => String, { nullable: true, description: 'The family name; it cannot be cleared.' })
  @UnlessOmitted()
  @Trim()
  @IsString()
  @Length(1, NAME_MAX)
  familyName?: string;
}

@InputType({
  description:
    'Corrects a role recorded wrongly (a misspelt title, a wrong date); omitted fields keep their value. A role that ends in the world is ended with endRole.',
})
export class UpdateRoleInput extends VersionedChange {
  @Field(() => String, { nullable: true, description: 'The title, e.g. Staatssekretär; it cannot be cleared.' })
  @UnlessOmitted()
  @Trim()
  @IsString()
  @Length(1, NAME_MAX)
  title?: string;

  @Field(() => DateScalar, { nullable: true, description: 'The first day the person held the role; null: unknown.' })
  @IsOptional()
  @IsCalendarDate()
  validFrom?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The first day the person no longer held it; null: still held. Never before validFrom (BAD_USER_INPUT naming validTo).',
  })
  @IsOptional()
  @IsCalendarDate()
  @NotBefore('validFrom')
  validTo?: string | null;
}
