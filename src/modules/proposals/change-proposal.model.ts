import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../graphql/scalars';
import { ProposalStatus } from './proposal.enums';

@ObjectType({
  description:
    'A change to a shared organisation or person, proposed (usually by a coordinator, whose direct write would be FORBIDDEN) and written to the record only when ADMIN or EDITOR accept it.',
})
export class ChangeProposal {
  @Field(() => ID, { description: 'The proposal id.' })
  id: string;

  @Field({ description: 'The kind of record it changes: Organisation or Person.' })
  entityType: string;

  @Field(() => ID, { description: 'The record it changes.' })
  entityId: string;

  @Field(() => Int, {
    description:
      "The record's version the change was proposed against; accepting applies it with this expectedVersion (CONFLICT once the record has moved on).",
  })
  baseVersion: number;

  @Field({
    description:
      'JSON object { field: value }, as the update (or rename) input would take it: shortName, kind, regionId, website, name and validFrom of an organisation; honorificPrefix, givenName, familyName of a person. null clears a field.',
  })
  changes: string;

  @Field(() => String, { nullable: true, description: "Why, in the proposer's words." })
  note: string | null;

  @Field(() => ProposalStatus, { description: 'Where it stands.' })
  status: ProposalStatus;

  @Field({ description: "Who proposed it: the token's sub." })
  proposedBy: string;

  @Field(() => DateTimeScalar, { description: 'When it was proposed.' })
  proposedAt: Date;

  @Field(() => String, {
    nullable: true,
    description: "Who closed it (the token's sub): the one who accepted or rejected it, or the proposer who withdrew it; null while OPEN.",
  })
  decidedBy: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was accepted, rejected or withdrawn; null while OPEN.' })
  decidedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was rejected.' })
  reason: string | null;

  @Field(() => Int, { description: 'Version of the proposal; deciding or withdrawing it raises it. Pass it as expectedVersion.' })
  version: number;
}
