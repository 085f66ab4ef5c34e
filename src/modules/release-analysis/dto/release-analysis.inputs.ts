import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { IsCalendarDate, TEXT_MAX } from '../../../common/validation';
import { DateScalar } from '../../../graphql/scalars';
import { CreateOrganisationInput } from '../../organisations/dto/organisation.inputs';
import { CreatePersonInput } from '../../people/dto/people.inputs';
import { CreateReleaseInput, QuoteInput, ReleaseLinkInput } from '../../releases/dto/release.inputs';

const NEW_MAX = 100;

@ArgsType()
export class AnalyseReleaseArgs {
  @Field({ description: 'The release as pasted, page chrome and all; at most 100,000 characters.' })
  @IsString()
  @Length(1, TEXT_MAX)
  text: string;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'The day it was published, against which "am Montag" is resolved; omitted, the dateline of the text ("PM 25.09.2012") says it.',
  })
  @IsOptional()
  @IsCalendarDate()
  publishedOn?: string;
}

/** "new:0" names the first of newOrganisations, "newPerson:0" the first of newPeople. */
export const NEW_ORGANISATION = /^new:(\d+)$/i;
export const NEW_PERSON = /^newPerson:(\d+)$/i;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const RECORD_OR_NEW = new RegExp(`${UUID.source}|${NEW_ORGANISATION.source}|${NEW_PERSON.source}`, 'i');
const PERSON_OR_NEW = new RegExp(`${UUID.source}|${NEW_PERSON.source}`, 'i');
const ORGANISATION_OR_NEW = new RegExp(`${UUID.source}|${NEW_ORGANISATION.source}`, 'i');

/**
 * The classes an imported release's fields are read into: those of createRelease (the API's types
 * are the same), except that an id may also name a record the import creates. Their ids arrive in
 * lower case (createRelease's IsId lowers them, "newperson:0" too), so references compare so.
 */
class ImportedLinkInput extends ReleaseLinkInput {
  @Matches(RECORD_OR_NEW, { message: '$property must be a UUID, "new:N" or "newPerson:N"' })
  declare entityId: string;
}

class ImportedQuoteInput extends QuoteInput {
  @Matches(PERSON_OR_NEW, { message: '$property must be a UUID or "newPerson:N"' })
  declare personId: string;
}

class ImportedReleaseInput extends CreateReleaseInput {
  @IsOptional()
  @Matches(ORGANISATION_OR_NEW, { message: '$property must be a UUID or "new:N"' })
  declare publisherId?: string;

  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ImportedLinkInput)
  declare links?: ImportedLinkInput[];

  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ImportedQuoteInput)
  declare quotes?: ImportedQuoteInput[];
}

@InputType({ description: 'A release with the new organisations and people it names, imported in one transaction.' })
export class ImportReleaseInput {
  @Field(() => CreateReleaseInput, {
    description:
      'The release, as for createRelease; its publisherId, links and quotes may also name the records created here: "new:0" the first of newOrganisations, "newPerson:0" the first of newPeople.',
  })
  @ValidateNested()
  @Type(() => ImportedReleaseInput)
  release: CreateReleaseInput;

  @Field(() => [CreateOrganisationInput], {
    nullable: true,
    description: `Organisations to create first, as for createOrganisation; "new:N" is the N-th (from 0). At most ${NEW_MAX}.`,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(NEW_MAX)
  @ValidateNested({ each: true })
  @Type(() => CreateOrganisationInput)
  newOrganisations?: CreateOrganisationInput[];

  @Field(() => [CreatePersonInput], {
    nullable: true,
    description: `People to create first, as for createPerson; "newPerson:N" is the N-th (from 0). At most ${NEW_MAX}.`,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(NEW_MAX)
  @ValidateNested({ each: true })
  @Type(() => CreatePersonInput)
  newPeople?: CreatePersonInput[];
}
