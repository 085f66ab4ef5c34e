import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../graphql/scalars';

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

  @Field(() => Int, { description: 'Optimistic-lock version: pass it as expectedVersion when you correct, archive or restore the person.' })
  version: number;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      "When it was archived (a person recorded by mistake, a duplicate): archived people leave the people list, meetings' participants and organisations' roles until restored; person(id) still answers.",
  })
  archivedAt: Date | null;
}
