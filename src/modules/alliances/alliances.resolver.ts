import { Args, ID, Int, Mutation, ObjectType, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Actor } from '../../auth/actor';
import { CurrentActor } from '../../auth/roles.decorator';
import { type CurrentArgs, FieldArg } from '../../graphql/field-arg.decorator';
import { Connection, PageArgs, toConnection } from '../../graphql/pagination';
import { AsOf } from '../../graphql/point-in-time';
import { Prefetchable } from '../../graphql/prefetch';
import type { RequestContext } from '../../graphql/request-context';
import { related } from '../../graphql/relations';
import { UuidPipe } from '../../graphql/uuid.pipe';
import { Alliance, Membership } from './alliance.model';
import { MEMBERSHIPS_OF_ALLIANCE } from './alliances.loader';
import { AlliancesService } from './alliances.service';
import { AllianceFilter, CreateAllianceInput, UpdateAllianceInput } from './dto/alliance.inputs';

@ObjectType()
export class AllianceConnection extends Connection(Alliance, 'A page of alliances.') {}

@Resolver(() => Alliance)
export class AlliancesResolver {
  constructor(private readonly service: AlliancesService) {}

  @Query(() => Alliance, { nullable: true, description: 'One alliance by id, whatever its founding day; null when none has it.' })
  alliance(@Args('id', { type: () => ID }, UuidPipe) id: string, @AsOf() _day: string) {
    return this.service.find(id);
  }

  @Query(() => AllianceConnection, {
    description: 'Alliances founded by the day asked (or undated), by name (German order), filtered and paginated.',
  })
  async alliances(
    @Args() page: PageArgs,
    @AsOf() day: string,
    @Args('filter', { type: () => AllianceFilter, nullable: true }) filter?: AllianceFilter,
  ) {
    return toConnection(await this.service.list(filter, page, day));
  }

  @Mutation(() => Alliance, { description: 'Founds an alliance. ADMIN and EDITOR.' })
  createAlliance(@CurrentActor() actor: Actor, @Args('input') input: CreateAllianceInput) {
    return this.service.create(actor, input);
  }

  @Mutation(() => Alliance, {
    description:
      "Changes an alliance's name, status, founding day, description, level or region. ADMIN, EDITOR; a COORDINATOR for its own alliances, except their level and region.",
  })
  updateAlliance(@CurrentActor() actor: Actor, @Args('input') input: UpdateAllianceInput) {
    return this.service.update(actor, input);
  }

  @Mutation(() => Alliance, {
    description: 'Archives an alliance: hidden from lists, never deleted. ADMIN, EDITOR; a COORDINATOR for its own alliances.',
  })
  archiveAlliance(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'The alliance.' }, UuidPipe) id: string,
    @Args('expectedVersion', { type: () => Int, description: 'The version you read.' }) expectedVersion: number,
  ) {
    return this.service.archive(actor, id, expectedVersion);
  }

  @Mutation(() => Alliance, {
    description: 'Brings an archived alliance back into lists. ADMIN, EDITOR; a COORDINATOR for its own alliances.',
  })
  restoreAlliance(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'The alliance.' }, UuidPipe) id: string,
    @Args('expectedVersion', { type: () => Int, description: 'The version you read.' }) expectedVersion: number,
  ) {
    return this.service.restore(actor, id, expectedVersion);
  }

  @ResolveField(() => [Membership], {
    description:
      "Its memberships, archived ones left out; current: true for today's members (not those of an archived organisation), false for the others.",
  })
  @Prefetchable(MEMBERSHIPS_OF_ALLIANCE)
  memberships(
    alliance: Alliance,
    @FieldArg('current', { type: () => Boolean, nullable: true }) args: CurrentArgs,
    context: RequestContext,
    info: GraphQLResolveInfo,
  ) {
    return related(MEMBERSHIPS_OF_ALLIANCE, alliance, args, context, info);
  }
}
