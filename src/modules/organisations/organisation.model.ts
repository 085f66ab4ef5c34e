import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar, DateTimeScalar } from '../../graphql/scalars';
import { OrganisationKind } from './organisation.enums';

@ObjectType({ description: 'A body that takes part in alliances: a ministry, a chamber, an employment agency, a union, a municipality …' })
export class Organisation {
  @Field(() => ID, { description: 'The organisation id.' })
  id: string;

  @Field({
    description:
      'The name in force on the day asked (asOf; default today in Europe/Berlin), e.g. Industrie- und Handelskammer Heilbronn-Franken; every name with its period, a rename still to come included, is in nameHistory.',
  })
  name: string;

  @Field(() => String, { nullable: true, description: 'The short name it is known by, e.g. IHK Heilbronn-Franken or WHF.' })
  shortName: string | null;

  @Field(() => OrganisationKind, { description: 'What kind of body it is.' })
  kind: OrganisationKind;

  @Field(() => String, { nullable: true, description: 'Its website, an absolute http(s) URL.' })
  website: string | null;

  @Field(() => Int, { description: 'Optimistic-lock version: pass it as expectedVersion when you change the organisation.' })
  version: number;

  @Field(() => DateTimeScalar, { description: 'When the record was created.' })
  createdAt: Date;

  @Field(() => DateTimeScalar, { description: 'When the record was last changed.' })
  updatedAt: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was archived; archived organisations are hidden from lists.' })
  archivedAt: Date | null;

  regionId: string | null;
}

@ObjectType({ description: 'A name an organisation had over a period.' })
export class OrganisationName {
  @Field({ description: 'The name.' })
  name: string;

  @Field(() => DateScalar, { nullable: true, description: 'The first day it had this name; null when unknown or since it was founded.' })
  validFrom: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The first day it no longer had this name; null for the latest name.' })
  validTo: string | null;
}
