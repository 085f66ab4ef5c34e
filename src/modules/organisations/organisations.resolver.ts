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
import {
  CorrectOrganisationNameInput,
  CreateOrganisationInput,
  OrganisationFilter,
  RenameOrganisationInput,
  UpdateOrganisationInput,
} from './dto/organisation.inputs';
import { Organisation, OrganisationName } from './organisation.model';
import { NAME_HISTORY } from './organisations.loader';
import { OrganisationsService } from './organisations.service';

@ObjectType()
export class OrganisationConnection extends Connection(Organisation, 'A page of organisations.') {}

@Resolver(() => Organisation)
export class OrganisationsResolver {
  constructor(private readonly service: OrganisationsService) {}

  @Query(() => Organisation, { nullable: true, description: 'One organisation by id; null when none has it.' })
  organisation(@Args('id', { type: () => ID }, UuidPipe) id: string, @AsOf() day: string) {
    return this.service.find(id, day);
  }

  @Query(() => OrganisationConnection, {
    description: 'Organisations by the name of the day asked (German order), filtered and paginated.',
  })
  async organisations(
    @Args() page: PageArgs,
    @AsOf() day: string,
    @Args('filter', { type: () => OrganisationFilter, nullable: true }) filter?: OrganisationFilter,
  ) {
    return toConnection(await this.service.list(filter, page, day));
  }

  @Mutation(() => Organisation, {
    description:
      'Records an organisation. CONFLICT with extensions.existingId when another organisation that is not archived has or had the name (ignoring case and runs of spaces), unless allowDuplicateName. ADMIN, EDITOR and COORDINATOR.',
  })
  createOrganisation(@CurrentActor() actor: Actor, @Args('input') input: CreateOrganisationInput) {
    return this.service.create(actor, input);
  }

  @Mutation(() => Organisation, {
    description:
      "Changes an organisation's short name, kind, region or website. ADMIN, EDITOR; a COORDINATOR for its own organisations (created by it, or members only of its alliances; not shared ones: see README, who may write what).",
  })
  updateOrganisation(@CurrentActor() actor: Actor, @Args('input') input: UpdateOrganisationInput) {
    return this.service.update(actor, input);
  }

  @Mutation(() => Organisation, {
    description:
      'Gives an organisation a new name from a day on, which may lie in the future: it is in nameHistory at once and its `name` from that day; the name it follows stays in nameHistory. CONFLICT with extensions.existingId when another organisation that is not archived has or had the new name, unless allowDuplicateName. ADMIN, EDITOR; a COORDINATOR for its own organisations (created by it, or members only of its alliances; not shared ones: see README, who may write what).',
  })
  renameOrganisation(@CurrentActor() actor: Actor, @Args('input') input: RenameOrganisationInput) {
    return this.service.rename(actor, input);
  }

  @Mutation(() => Organisation, {
    description:
      'Corrects the spelling of the name an organisation has today, in place: no new nameHistory entry, the audit trail keeps the old spelling. CONFLICT with extensions.existingId when another organisation that is not archived has or had the name, unless allowDuplicateName. ADMIN, EDITOR; a COORDINATOR for its own organisations (created by it, or members only of its alliances; not shared ones: see README, who may write what).',
  })
  correctOrganisationName(@CurrentActor() actor: Actor, @Args('input') input: CorrectOrganisationNameInput) {
    return this.service.correctName(actor, input);
  }

  @Mutation(() => Organisation, {
    description:
      'Archives an organisation: hidden from lists, never deleted. ADMIN, EDITOR; a COORDINATOR for its own organisations (created by it, or members only of its alliances; not shared ones: see README, who may write what).',
  })
  archiveOrganisation(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'The organisation to archive.' }, UuidPipe) id: string,
    @Args('expectedVersion', { type: () => Int, description: 'The version you read.' }) expectedVersion: number,
  ) {
    return this.service.archive(actor, id, expectedVersion);
  }

  @Mutation(() => Organisation, {
    description:
      'Brings an archived organisation back into lists and current views. ADMIN, EDITOR; a COORDINATOR for its own organisations (created by it, or members only of its alliances; not shared ones: see README, who may write what).',
  })
  restoreOrganisation(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'The archived organisation.' }, UuidPipe) id: string,
    @Args('expectedVersion', { type: () => Int, description: 'The version you read.' }) expectedVersion: number,
    @Args('allowDuplicateName', {
      type: () => Boolean,
      defaultValue: false,
      description:
        'Restore it although another organisation took one of its names while it was archived (otherwise CONFLICT with extensions.existingId).',
    })
    allowDuplicateName: boolean,
  ) {
    return this.service.restore(actor, id, expectedVersion, allowDuplicateName);
  }

  @ResolveField(() => [OrganisationName], {
    description: 'Every name it has had, has and will have (a rename still to come included), oldest first.',
  })
  @Prefetchable(NAME_HISTORY)
  nameHistory(organisation: Organisation, args: NoArgs, context: RequestContext, info: GraphQLResolveInfo) {
    return related(NAME_HISTORY, organisation, args, context, info);
  }
}
