import { Args, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../auth/actor';
import { CurrentActor, Roles, WRITERS } from '../../auth/roles.decorator';
import { Connection, PageArgs, toConnection } from '../../graphql/pagination';
import { VersionedRecordArgs } from '../../graphql/versioned-change.input';
import { ChangeProposalEntity } from './change-proposal.entity';
import { ChangeProposal } from './change-proposal.model';
import { ProposalFilter, ProposeOrganisationChangeInput, ProposePersonChangeInput, RejectProposalArgs } from './dto/proposal.inputs';
import { ProposalsService } from './proposals.service';

@ObjectType()
export class ChangeProposalConnection extends Connection(ChangeProposal, 'A page of change proposals, newest first.') {}

const toModel = ({ changes, ...proposal }: ChangeProposalEntity): ChangeProposal => ({ ...proposal, changes: JSON.stringify(changes) });

@Resolver(() => ChangeProposal)
export class ProposalsResolver {
  constructor(private readonly service: ProposalsService) {}

  @Query(() => ChangeProposalConnection, {
    description: 'Change proposals, newest first. ADMIN and EDITOR see all; a COORDINATOR sees the ones it made; READER: FORBIDDEN.',
  })
  @Roles(...WRITERS)
  async proposals(
    @CurrentActor() actor: Actor,
    @Args() page: PageArgs,
    @Args('filter', { type: () => ProposalFilter, nullable: true, description: 'Which proposals; all given conditions must hold.' })
    filter?: ProposalFilter,
  ) {
    const { edges, ...connection } = toConnection(await this.service.list(actor, filter, page));
    return { ...connection, edges: edges.map(({ node, cursor }) => ({ node: toModel(node), cursor })) };
  }

  @Mutation(() => ChangeProposal, {
    description:
      'Proposes a change to an organisation (the fields of updateOrganisation, a rename, or both) against the version read. ADMIN, EDITOR, COORDINATOR.',
  })
  async proposeOrganisationChange(@CurrentActor() actor: Actor, @Args('input') input: ProposeOrganisationChangeInput) {
    return toModel(await this.service.proposeOrganisationChange(actor, input));
  }

  @Mutation(() => ChangeProposal, {
    description:
      "Proposes a correction of a person's name (the fields of updatePerson) against the version read. ADMIN, EDITOR, COORDINATOR.",
  })
  async proposePersonChange(@CurrentActor() actor: Actor, @Args('input') input: ProposePersonChangeInput) {
    return toModel(await this.service.proposePersonChange(actor, input));
  }

  @Mutation(() => ChangeProposal, {
    description:
      "Writes an OPEN proposal's change as if made with expectedVersion = baseVersion (CONFLICT, nothing written, when the record has moved on) and closes it, in one transaction; " +
      "the record's audit event names the accepter as actor and carries proposedBy and proposalId. ADMIN, EDITOR.",
  })
  async acceptProposal(@CurrentActor() actor: Actor, @Args() { id, expectedVersion }: VersionedRecordArgs) {
    return toModel(await this.service.accept(actor, id, expectedVersion));
  }

  @Mutation(() => ChangeProposal, {
    description: 'Rejects an OPEN proposal with a reason; nothing is written to the record. ADMIN, EDITOR.',
  })
  async rejectProposal(@CurrentActor() actor: Actor, @Args() { id, expectedVersion, reason }: RejectProposalArgs) {
    return toModel(await this.service.reject(actor, id, expectedVersion, reason));
  }

  @Mutation(() => ChangeProposal, {
    description: 'Withdraws an OPEN proposal. Only its proposer (FORBIDDEN for anyone else, ministry staff included).',
  })
  async withdrawProposal(@CurrentActor() actor: Actor, @Args() { id, expectedVersion }: VersionedRecordArgs) {
    return toModel(await this.service.withdraw(actor, id, expectedVersion));
  }
}
