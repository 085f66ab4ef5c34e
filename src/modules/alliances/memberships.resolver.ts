import { Args, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../auth/actor';
import { CurrentActor, Roles, WRITERS } from '../../auth/roles.decorator';
import { Prefetchable } from '../../graphql/prefetch';
import { rowById } from '../../graphql/sql-projection';
import type { NoArgs, RequestContext } from '../../graphql/request-context';
import { Alliance, Membership } from './alliance.model';
import { AllianceEntity } from './alliance.entity';
import { AlliancesLoader } from './alliances.loader';
import { AddMemberInput, EndMembershipInput } from './dto/membership.inputs';
import { MembershipsService } from './memberships.service';

@Resolver(() => Membership)
export class MembershipsResolver {
  constructor(
    private readonly service: MembershipsService,
    private readonly loader: AlliancesLoader,
  ) {}

  @Mutation(() => Membership, { description: 'An organisation joins an alliance. ADMIN, EDITOR; a COORDINATOR for its own alliances.' })
  @Roles(...WRITERS)
  addMember(@CurrentActor() actor: Actor, @Args('input') input: AddMemberInput) {
    return this.service.add(actor, input);
  }

  @Mutation(() => Membership, { description: 'An organisation leaves an alliance. ADMIN, EDITOR; a COORDINATOR for its own alliances.' })
  @Roles(...WRITERS)
  endMembership(@CurrentActor() actor: Actor, @Args('input') input: EndMembershipInput) {
    return this.service.end(actor, input);
  }

  @ResolveField(() => Alliance, { description: 'The alliance.' })
  @Prefetchable(rowById(AllianceEntity, 'allianceId'))
  alliance(membership: Membership, _args: NoArgs, { loaders }: RequestContext) {
    return this.loader.byId(loaders).now(membership.allianceId);
  }
}
