import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { IsCalendarDate, IsId, NAME_MAX, TEXT_MAX, Trim, UnlessOmitted } from '../../../common/validation';
import { DateScalar } from '../../../graphql/scalars';
import { VersionedChange } from '../../../graphql/versioned-change.input';
import { AllianceLevel, AllianceStatus } from '../alliance.enums';

@InputType({ description: 'Filters for the alliance list; all given conditions must hold.' })
export class AllianceFilter {
  @Field(() => AllianceLevel, { nullable: true, description: 'Only alliances of this level.' })
  @IsOptional()
  @IsEnum(AllianceLevel)
  level?: AllianceLevel;

  @Field(() => AllianceStatus, { nullable: true, description: 'Only alliances with this status.' })
  @IsOptional()
  @IsEnum(AllianceStatus)
  status?: AllianceStatus;

  @Field(() => ID, { nullable: true, description: 'Only alliances of this region or of a region inside it.' })
  @IsOptional()
  @IsId()
  regionId?: string;

  @Field({
    nullable: true,
    description:
      'Part of its name, or of any name (or the short name) of an organisation that is its current member on the day asked, as the organisation search finds it; case and umlauts do not matter.',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(NAME_MAX)
  search?: string;

  @Field({ nullable: true, description: 'Include archived alliances.' })
  @IsOptional()
  @IsBoolean()
  includeArchived?: boolean;
}

@InputType({ description: 'A new alliance.' })
export class CreateAllianceInput {
  @Field({ description: 'Its name.' })
  @Trim()
  @IsString()
  @Length(1, NAME_MAX)
  name: string;

  @Field(() => AllianceLevel, { description: 'State, regional or local.' })
  @IsEnum(AllianceLevel)
  level: AllianceLevel;

  @Field(() => ID, { description: 'The region it works for.' })
  @IsId()
  regionId: string;

  @Field(() => DateScalar, { nullable: true, description: 'The day it was founded.' })
  @IsOptional()
  @IsCalendarDate()
  foundedOn?: string;

  @Field({ nullable: true, description: 'What it works on.' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(TEXT_MAX)
  description?: string;
}

@InputType({
  description: 'Changes to an alliance; omitted fields keep their value. Only ADMIN and EDITOR change its level and region.',
})
export class UpdateAllianceInput extends VersionedChange {
  @Field({ nullable: true, description: 'A new name.' })
  @UnlessOmitted()
  @Trim()
  @IsString()
  @Length(1, NAME_MAX)
  name?: string;

  @Field(() => AllianceLevel, {
    nullable: true,
    description: 'A new level. ADMIN and EDITOR only: FORBIDDEN to a coordinator when it differs from the current one.',
  })
  @UnlessOmitted()
  @IsEnum(AllianceLevel)
  level?: AllianceLevel;

  @Field(() => ID, {
    nullable: true,
    description: 'The region it now works for. ADMIN and EDITOR only: FORBIDDEN to a coordinator when it differs from the current one.',
  })
  @UnlessOmitted()
  @IsId()
  regionId?: string;

  @Field(() => AllianceStatus, { nullable: true, description: 'Active or dissolved.' })
  @UnlessOmitted()
  @IsEnum(AllianceStatus)
  status?: AllianceStatus;

  @Field(() => DateScalar, { nullable: true, description: 'The day it was founded; null clears it.' })
  @IsOptional()
  @IsCalendarDate()
  foundedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'What it works on; null clears it.' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(TEXT_MAX)
  description?: string | null;
}
