import { Args, ID, Mutation, ObjectType, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../auth/actor';
import { CurrentActor, Roles } from '../../auth/roles.decorator';
import { Connection, PageArgs, toConnection } from '../../graphql/pagination';
import { Prefetchable } from '../../graphql/prefetch';
import { rowById, rowsOf } from '../../graphql/sql-projection';
import type { NoArgs, RequestContext } from '../../graphql/request-context';
import { UuidPipe } from '../../graphql/uuid.pipe';
import { AgreementPartyEntity } from './agreement-party.entity';
import { AgreementEntity } from './agreement.entity';
import { Agreement, AgreementParty, Commitment } from './agreement.model';
import { AgreementsLoader, AS_NAMED } from './agreements.loader';
import { CommitmentEntity } from './commitment.entity';
import { AgreementsService } from './agreements.service';
import { AgreementFilter, CreateAgreementInput } from './dto/agreement.inputs';

@ObjectType()
export class AgreementConnection extends Connection(Agreement, 'A page of agreements.') {}

@Resolver(() => Agreement)
export class AgreementsResolver {
  constructor(
    private readonly service: AgreementsService,
    private readonly loader: AgreementsLoader,
  ) {}

  @Query(() => Agreement, { nullable: true, description: 'One agreement by id; null when none has it.' })
  agreement(@Args('id', { type: () => ID }, UuidPipe) id: string) {
    return this.service.find(id);
  }

  @Query(() => AgreementConnection, { description: 'Agreements, newest signed first (undated drafts last), filtered and paginated.' })
  async agreements(@Args() page: PageArgs, @Args('filter', { type: () => AgreementFilter, nullable: true }) filter?: AgreementFilter) {
    return toConnection(await this.service.list(filter, page));
  }

  @Mutation(() => Agreement, { description: 'Records an agreement with its parties and commitments. ADMIN and EDITOR.' })
  @Roles('ADMIN', 'EDITOR')
  createAgreement(@CurrentActor() actor: Actor, @Args('input') input: CreateAgreementInput) {
    return this.service.create(actor, input);
  }

  @ResolveField(() => [AgreementParty], { description: 'The alliances that are party to it, in the order they were named.' })
  @Prefetchable(rowsOf(AgreementPartyEntity, 'agreement_id', AS_NAMED))
  parties(agreement: Agreement, _args: NoArgs, { loaders }: RequestContext) {
    return this.loader.partiesByAgreement(loaders).now(agreement.id);
  }

  @ResolveField(() => [Commitment], { description: 'What the parties promised, in the order of the agreement.' })
  @Prefetchable(rowsOf(CommitmentEntity, 'agreement_id', AS_NAMED))
  commitments(agreement: Agreement, _args: NoArgs, { loaders }: RequestContext) {
    return this.loader.commitmentsByAgreement(loaders).now(agreement.id);
  }
}

@Resolver(() => Commitment)
export class CommitmentsResolver {
  constructor(private readonly loader: AgreementsLoader) {}

  @ResolveField(() => Agreement, { description: 'The agreement that holds this promise.' })
  @Prefetchable(rowById(AgreementEntity, 'agreementId'))
  agreement(commitment: Commitment, _args: NoArgs, { loaders }: RequestContext) {
    return this.loader.byId(loaders).now(commitment.agreementId);
  }
}
