import { Args, ID, Int, Mutation, ObjectType, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Actor } from '../../auth/actor';
import { CurrentActor } from '../../auth/roles.decorator';
import { Connection, PageArgs, toConnection } from '../../graphql/pagination';
import { AsOf } from '../../graphql/point-in-time';
import { Prefetchable } from '../../graphql/prefetch';
import { related } from '../../graphql/relations';
import type { NoArgs, RequestContext } from '../../graphql/request-context';
import { UuidPipe } from '../../graphql/uuid.pipe';
import { Agreement, AgreementParty, Commitment } from './agreement.model';
import { agreementOf, COMMITMENTS, PARTIES } from './agreements.loader';
import { AgreementsService } from './agreements.service';
import {
  AddCommitmentInput,
  AgreementFilter,
  CreateAgreementInput,
  SignAgreementInput,
  TerminateAgreementInput,
  UpdateAgreementInput,
  UpdateCommitmentInput,
} from './dto/agreement.inputs';

const AGREEMENT = agreementOf('agreementId');

@ObjectType()
export class AgreementConnection extends Connection(Agreement, 'A page of agreements.') {}

@Resolver(() => Agreement)
export class AgreementsResolver {
  constructor(private readonly service: AgreementsService) {}

  @Query(() => Agreement, { nullable: true, description: 'One agreement by id, archived or not; null when none has it.' })
  agreement(@Args('id', { type: () => ID }, UuidPipe) id: string, @AsOf() day: string) {
    return this.service.find(id, day);
  }

  @Query(() => AgreementConnection, {
    description:
      'Agreements (not archived, unless includeArchived), newest signed first (undated drafts last), filtered and paginated; status is that of the day asked.',
  })
  async agreements(
    @Args() page: PageArgs,
    @AsOf() day: string,
    @Args('filter', { type: () => AgreementFilter, nullable: true }) filter?: AgreementFilter,
  ) {
    return toConnection(await this.service.list(filter, page, day));
  }

  @Mutation(() => Agreement, { description: 'Records an agreement with its parties and commitments. ADMIN and EDITOR.' })
  createAgreement(@CurrentActor() actor: Actor, @Args('input') input: CreateAgreementInput) {
    return this.service.create(actor, input);
  }

  @Mutation(() => Agreement, {
    description:
      'Corrects an agreement: its title in every status; its parties while it is a DRAFT, only who represented and who signed once it is SIGNED, not at all once TERMINATED. ADMIN and EDITOR.',
  })
  updateAgreement(@CurrentActor() actor: Actor, @Args('input') input: UpdateAgreementInput) {
    return this.service.update(actor, input);
  }

  @Mutation(() => Agreement, {
    description:
      'Signs a DRAFT agreement on signedOn: DRAFT -> SIGNED; from any other status BAD_USER_INPUT naming status. ADMIN and EDITOR.',
  })
  signAgreement(@CurrentActor() actor: Actor, @Args('input') input: SignAgreementInput) {
    return this.service.sign(actor, input);
  }

  @Mutation(() => Agreement, {
    description:
      'Ends a SIGNED agreement from terminatedOn on: SIGNED -> TERMINATED; from any other status BAD_USER_INPUT naming status. ADMIN and EDITOR.',
  })
  terminateAgreement(@CurrentActor() actor: Actor, @Args('input') input: TerminateAgreementInput) {
    return this.service.terminate(actor, input);
  }

  @Mutation(() => Agreement, {
    description:
      'Archives an agreement entered by mistake: it leaves the agreement list, Alliance.agreements and the dashboards, never deleted; meetings still name it. ADMIN and EDITOR.',
  })
  archiveAgreement(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'The agreement.' }, UuidPipe) id: string,
    @Args('expectedVersion', { type: () => Int, description: 'The version you read (CONFLICT when it moved on).' }) expectedVersion: number,
  ) {
    return this.service.archive(actor, id, expectedVersion);
  }

  @Mutation(() => Agreement, { description: 'Brings an archived agreement back into lists and dashboards. ADMIN and EDITOR.' })
  restoreAgreement(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'The agreement.' }, UuidPipe) id: string,
    @Args('expectedVersion', { type: () => Int, description: 'The version you read (CONFLICT when it moved on).' }) expectedVersion: number,
  ) {
    return this.service.restore(actor, id, expectedVersion);
  }

  @ResolveField(() => [AgreementParty], { description: 'The alliances that are party to it, in the order they were named.' })
  @Prefetchable(PARTIES)
  parties(agreement: Agreement, args: NoArgs, context: RequestContext, info: GraphQLResolveInfo) {
    return related(PARTIES, agreement, args, context, info);
  }

  @ResolveField(() => [Commitment], { description: 'What the parties promised, in the order of the agreement.' })
  @Prefetchable(COMMITMENTS)
  commitments(agreement: Agreement, args: NoArgs, context: RequestContext, info: GraphQLResolveInfo) {
    return related(COMMITMENTS, agreement, args, context, info);
  }
}

@Resolver(() => Commitment)
export class CommitmentsResolver {
  constructor(private readonly service: AgreementsService) {}

  @Mutation(() => Commitment, {
    description:
      'Adds a promise to a DRAFT or SIGNED agreement, after those it has; a TERMINATED or archived agreement takes none (BAD_USER_INPUT naming agreementId). ADMIN and EDITOR.',
  })
  addCommitment(@CurrentActor() actor: Actor, @Args('input') input: AddCommitmentInput) {
    return this.service.addCommitment(actor, input);
  }

  @Mutation(() => Commitment, {
    description: "Corrects a commitment's description or instruments, in any status of its agreement. ADMIN and EDITOR.",
  })
  updateCommitment(@CurrentActor() actor: Actor, @Args('input') input: UpdateCommitmentInput) {
    return this.service.updateCommitment(actor, input);
  }

  @ResolveField(() => Agreement, { description: 'The agreement that holds this promise.' })
  @Prefetchable(AGREEMENT)
  agreement(commitment: Commitment, args: NoArgs, context: RequestContext, info: GraphQLResolveInfo) {
    return related(AGREEMENT, commitment, args, context, info);
  }
}
