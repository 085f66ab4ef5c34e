import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A person who represents an organisation, signs agreements, takes part in meetings or is quoted.' })
export class Person {
  @Field(() => ID, { description: 'The person id.' })
  id: string;

  @Field(() => String, { nullable: true, description: 'An academic or honorific prefix, e.g. Dr.' })
  honorificPrefix: string | null;

  @Field({ description: 'The given name, e.g. Andreas.' })
  givenName: string;

  @Field({ description: 'The family name, e.g. Schumm.' })
  familyName: string;

  @Field(() => Int, { description: 'Optimistic-lock version of the person record.' })
  version: number;
}
