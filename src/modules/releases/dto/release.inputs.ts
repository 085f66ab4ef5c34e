import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsOptional, IsString, Length, MaxLength, ValidateNested } from 'class-validator';
import { IsCalendarDate, IsHttpUrl, IsId, NAME_MAX, NotBefore, TEXT_MAX, Trim, UnlessOmitted, URL_MAX } from '../../../common/validation';
import { VersionedChange } from '../../../graphql/versioned-change.input';
import { DateScalar } from '../../../graphql/scalars';
import { ReleaseRelation } from '../release.enums';

const LINKS_MAX = 200;
const QUOTES_MAX = 100;

@InputType({ description: 'Filters for the release list; all given conditions must hold.' })
export class ReleaseFilter {
  @Field({
    nullable: true,
    description:
      'German full text over title and body: "Kooperationsvereinbarungen" finds "Kooperationsvereinbarung"; "quoted phrases", OR and -excluded words work as in web search.',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(NAME_MAX)
  search?: string;

  @Field(() => ID, { nullable: true, description: 'Only releases published by this organisation.' })
  @IsOptional()
  @IsId()
  publisherId?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Only releases published on or after this day.' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Only releases published on or before this day; not before `from`.' })
  @IsOptional()
  @IsCalendarDate()
  @NotBefore('from')
  to?: string;

  @Field(() => ID, { nullable: true, description: 'Only releases that link to this record (any kind), or quote this person.' })
  @IsOptional()
  @IsId()
  linkedTo?: string;

  @Field({ nullable: true, description: 'Include archived releases (left out unless true).' })
  @IsOptional()
  @IsBoolean()
  includeArchived?: boolean;
}

@InputType({ description: 'A record that a release announces or mentions.' })
export class ReleaseLinkInput {
  @Field(() => ReleaseRelation, { description: 'ANNOUNCES or MENTIONS.' })
  @IsEnum(ReleaseRelation)
  relation: ReleaseRelation;

  @Field(() => ID, { description: 'The id of an alliance, organisation, person, agreement or meeting.' })
  @IsId()
  entityId: string;
}

@InputType({ description: 'A person quoted in a release.' })
export class QuoteInput {
  @Field(() => ID, { description: 'The person quoted.' })
  @IsId()
  personId: string;

  @Field({ description: 'The quoted words.' })
  @Trim()
  @IsString()
  @Length(1, TEXT_MAX)
  text: string;
}

@InputType({ description: 'A new release with the records it links to and the people it quotes.' })
export class CreateReleaseInput {
  @Field({ description: 'Its headline.' })
  @Trim()
  @IsString()
  @Length(1, NAME_MAX)
  title: string;

  @Field(() => DateScalar, { description: 'The day it was published.' })
  @IsCalendarDate()
  publishedOn: string;

  @Field(() => ID, { nullable: true, description: 'The organisation that published it.' })
  @IsOptional()
  @IsId()
  publisherId?: string;

  @Field({ nullable: true, description: 'Where it is published: an absolute http(s) URL.' })
  @IsOptional()
  @Trim()
  @IsHttpUrl()
  @MaxLength(URL_MAX)
  url?: string;

  @Field({ nullable: true, description: 'Its text.' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(TEXT_MAX)
  body?: string;

  @Field(() => [ReleaseLinkInput], {
    nullable: true,
    description: `The records it announces or mentions, each once; at most ${LINKS_MAX}.`,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LINKS_MAX)
  @ValidateNested({ each: true })
  @Type(() => ReleaseLinkInput)
  links?: ReleaseLinkInput[];

  @Field(() => [QuoteInput], { nullable: true, description: `The people it quotes, in order; at most ${QUOTES_MAX}.` })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(QUOTES_MAX)
  @ValidateNested({ each: true })
  @Type(() => QuoteInput)
  quotes?: QuoteInput[];
}

@InputType({
  description:
    'Corrects a release; omitted fields keep their value, null clears an optional one. Its links change with linkRelease and unlinkRelease.',
})
export class UpdateReleaseInput extends VersionedChange {
  @Field(() => String, { nullable: true, description: 'Its headline; it cannot be cleared.' })
  @UnlessOmitted()
  @Trim()
  @IsString()
  @Length(1, NAME_MAX)
  title?: string;

  @Field(() => DateScalar, { nullable: true, description: 'The day it was published; it cannot be cleared.' })
  @UnlessOmitted()
  @IsCalendarDate()
  publishedOn?: string;

  @Field(() => ID, { nullable: true, description: 'The organisation that published it; null clears it.' })
  @IsOptional()
  @IsId()
  publisherId?: string | null;

  @Field(() => String, { nullable: true, description: 'Where it is published: an absolute http(s) URL; null clears it.' })
  @IsOptional()
  @Trim()
  @IsHttpUrl()
  @MaxLength(URL_MAX)
  url?: string | null;

  @Field(() => String, { nullable: true, description: 'Its text; null (or blank) clears it.' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(TEXT_MAX)
  body?: string | null;

  @Field(() => [QuoteInput], {
    nullable: true,
    description: `The people it quotes, in order; at most ${QUOTES_MAX}. Given, they replace the old quotes entirely ([] removes them all).`,
  })
  @UnlessOmitted()
  @IsArray()
  @ArrayMaxSize(QUOTES_MAX)
  @ValidateNested({ each: true })
  @Type(() => QuoteInput)
  quotes?: QuoteInput[];
}
