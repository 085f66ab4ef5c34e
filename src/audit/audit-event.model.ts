import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../graphql/scalars';

@ObjectType({ description: 'One write to a record: who did what, when, and which fields changed.' })
export class AuditEvent {
  @Field(() => ID, { description: 'The event id.' })
  id: string;

  @Field(() => DateTimeScalar, { description: 'When the write was committed.' })
  at: Date;

  @Field({ description: "Who wrote it: the token's sub." })
  actor: string;

  @Field({ description: 'The mutation, e.g. createAlliance or updateOrganisation.' })
  action: string;

  @Field({ description: 'The kind of record written, e.g. Alliance.' })
  entityType: string;

  @Field(() => ID, { description: 'The record written.' })
  entityId: string;

  @Field({
    description:
      'JSON object of the changed fields: { field: [before, after] }. A write that applies an accepted change proposal (actor: who accepted it) also carries "proposedBy": [null, the proposer\'s sub] and "proposalId": [null, the proposal\'s id].',
  })
  changes: string;
}
