import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, MaxLength, Min } from 'class-validator';
import { IsCalendarDate, NAME_MAX, TEXT_MAX, Trim } from '../../../common/validation';
import { DateScalar } from '../../../graphql/scalars';
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
  @IsUUID()
  regionId?: string;

  @Field({ nullable: true, description: 'Part of the name; case and umlauts do not matter.' })
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
  @IsUUID()
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

@InputType({ description: "Changes to an alliance; omitted fields keep their value. Level and region do not change." })
export class UpdateAllianceInput {
  @Field(() => ID, { description: 'The alliance.' })
  @IsUUID()
  id: string;

  @Field(() => Int, { description: 'The version you read; a newer one means someone else changed it first (CONFLICT).' })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field({ nullable: true, description: 'A new name.' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, NAME_MAX)
  name?: string;

  @Field(() => AllianceStatus, { nullable: true, description: 'Active or dissolved.' })
  @IsOptional()
  @IsEnum(AllianceStatus)
  status?: AllianceStatus;

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
