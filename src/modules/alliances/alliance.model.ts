import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar, DateTimeScalar } from '../../graphql/scalars';
import { AllianceLevel, AllianceStatus, MembershipRole } from './alliance.enums';

@ObjectType({ description: 'A skilled-labour alliance (Fachkräfteallianz) of the state, a region or a locality.' })
export class Alliance {
  @Field(() => ID, { description: 'The alliance id.' })
  id: string;

  @Field({ description: 'Its name, e.g. Fachkräftebündnis Heilbronn-Franken.' })
  name: string;

  @Field(() => AllianceLevel, { description: 'State, regional or local.' })
  level: AllianceLevel;

  @Field(() => AllianceStatus, { description: 'Active or dissolved.' })
  status: AllianceStatus;

  @Field(() => DateScalar, { nullable: true, description: 'The day it was founded.' })
  foundedOn: string | null;

  @Field(() => String, { nullable: true, description: 'What it works on.' })
  description: string | null;

  @Field(() => Int, { description: 'Optimistic-lock version: pass it as expectedVersion when you change the alliance.' })
  version: number;

  @Field(() => DateTimeScalar, { description: 'When the record was created.' })
  createdAt: Date;

  @Field(() => DateTimeScalar, { description: 'When the record was last changed.' })
  updatedAt: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was archived; archived alliances are hidden from lists.' })
  archivedAt: Date | null;

  regionId: string;
}

@ObjectType({ description: "An organisation's membership of an alliance over a period." })
export class Membership {
  @Field(() => ID, { description: 'The membership id.' })
  id: string;

  @Field(() => MembershipRole, { description: 'LEAD (Federführung) or PARTNER.' })
  role: MembershipRole;

  @Field(() => DateScalar, { nullable: true, description: 'The day the organisation joined.' })
  joinedOn: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The day the organisation left; null while it is a member.' })
  leftOn: string | null;

  @Field(() => Int, { description: 'Optimistic-lock version: pass it as expectedVersion when you change the membership.' })
  version: number;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When it was archived: a membership entered by mistake is archived, not deleted, and leaves every list.',
  })
  archivedAt: Date | null;

  allianceId: string;
  organisationId: string;
}
