import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { IsCalendarDate, IsHttpUrl, IsId, NAME_MAX, Trim, UnlessOmitted, URL_MAX } from '../../../common/validation';
import { DateScalar } from '../../../graphql/scalars';
import { VersionedChange } from '../../../graphql/versioned-change.input';
import { OrganisationKind } from '../organisation.enums';

const ALLOW_DUPLICATE_NAME =
  'True to record the name although another organisation that is not archived has or had it (ignoring case and runs of spaces); otherwise that is CONFLICT with extensions.existingId.';

@InputType({ description: 'Filters for the organisation list; all given conditions must hold.' })
export class OrganisationFilter {
  @Field(() => OrganisationKind, { nullable: true, description: 'Only organisations of this kind.' })
  @IsOptional()
  @IsEnum(OrganisationKind)
  kind?: OrganisationKind;

  @Field(() => ID, { nullable: true, description: 'Only organisations of this region or of a region inside it.' })
  @IsOptional()
  @IsId()
  regionId?: string;

  @Field(() => ID, { nullable: true, description: 'Only organisations that are current members of this alliance on the day asked.' })
  @IsOptional()
  @IsId()
  allianceId?: string;

  @Field({
    nullable: true,
    description:
      'Part of any name it has had by the day asked (the one of the day included) or of its short name; case and umlauts do not matter. Answers carry the name of the day.',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(NAME_MAX)
  search?: string;

  @Field({ nullable: true, description: 'Include archived organisations.' })
  @IsOptional()
  @IsBoolean()
  includeArchived?: boolean;
}

@InputType({ description: 'A new organisation.' })
export class CreateOrganisationInput {
  @Field({ description: 'Its current name.' })
  @Trim()
  @IsString()
  @Length(1, NAME_MAX)
  name: string;

  @Field({ nullable: true, description: 'The short name it is known by.' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, NAME_MAX)
  shortName?: string;

  @Field(() => OrganisationKind, { description: 'What kind of body it is.' })
  @IsEnum(OrganisationKind)
  kind: OrganisationKind;

  @Field(() => ID, { nullable: true, description: 'The region it is based in or works for.' })
  @IsOptional()
  @IsId()
  regionId?: string;

  @Field({ nullable: true, description: 'Its website, an absolute http(s) URL.' })
  @IsOptional()
  @Trim()
  @IsHttpUrl()
  @MaxLength(URL_MAX)
  website?: string;

  @Field({ nullable: true, description: ALLOW_DUPLICATE_NAME })
  @IsOptional()
  @IsBoolean()
  allowDuplicateName?: boolean;
}

@InputType({
  description:
    'Changes to an organisation; omitted fields keep their value, null clears an optional one. Its name changes with renameOrganisation.',
})
export class UpdateOrganisationInput extends VersionedChange {
  @Field(() => String, { nullable: true, description: 'The short name it is known by; null clears it.' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, NAME_MAX)
  shortName?: string | null;

  // Every organisation has a kind, so null is refused here rather than by the database's NOT NULL.
  @Field(() => OrganisationKind, { nullable: true, description: 'What kind of body it is.' })
  @UnlessOmitted()
  @IsEnum(OrganisationKind)
  kind?: OrganisationKind;

  @Field(() => ID, { nullable: true, description: 'The region it is based in or works for; null clears it.' })
  @IsOptional()
  @IsId()
  regionId?: string | null;

  @Field(() => String, { nullable: true, description: 'Its website, an absolute http(s) URL; null clears it.' })
  @IsOptional()
  @Trim()
  @IsHttpUrl()
  @MaxLength(URL_MAX)
  website?: string | null;
}

@InputType({
  description:
    'A new name for an organisation from a given day, which may lie in the future; the name it follows stays in nameHistory, ending that day.',
})
export class RenameOrganisationInput extends VersionedChange {
  @Field({ description: 'The new name; not the name it follows.' })
  @Trim()
  @IsString()
  @Length(1, NAME_MAX)
  name: string;

  @Field(() => DateScalar, {
    description:
      'The first day of the new name: after the day the latest name began, also when that name is itself a rename still to come (a pending rename is followed, not replaced).',
  })
  @IsCalendarDate()
  validFrom: string;

  @Field({ nullable: true, description: ALLOW_DUPLICATE_NAME })
  @IsOptional()
  @IsBoolean()
  allowDuplicateName?: boolean;
}

@InputType({ description: 'The right spelling of the name an organisation has today; no new entry in nameHistory.' })
export class CorrectOrganisationNameInput extends VersionedChange {
  @Field({ description: 'The name as it should have been written; not the name as it stands.' })
  @Trim()
  @IsString()
  @Length(1, NAME_MAX)
  name: string;

  @Field({ nullable: true, description: ALLOW_DUPLICATE_NAME })
  @IsOptional()
  @IsBoolean()
  allowDuplicateName?: boolean;
}
