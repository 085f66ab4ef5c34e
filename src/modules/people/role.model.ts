import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '../../graphql/scalars';

@ObjectType({ description: "A person's position at an organisation over a period." })
export class Role {
  @Field(() => ID, { description: 'The role id.' })
  id: string;

  @Field({ description: 'The title held, e.g. Staatssekretär, Vizepräsidentin, Vorsitzender der Geschäftsführung.' })
  title: string;

  @Field(() => DateScalar, { nullable: true, description: 'The first day the person held the role; null when unknown.' })
  validFrom: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The first day the person no longer held the role; null while it lasts.' })
  validTo: string | null;

  @Field(() => Int, { description: 'Optimistic-lock version: pass it as expectedVersion when you end or correct the role.' })
  version: number;

  personId: string;
  organisationId: string;
}
