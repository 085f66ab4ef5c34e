import { Args, ID, Int, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Actor } from '../../auth/actor';
import { CurrentActor } from '../../auth/roles.decorator';
import { Prefetchable } from '../../graphql/prefetch';
import { related } from '../../graphql/relations';
import { UuidPipe } from '../../graphql/uuid.pipe';
import type { NoArgs, RequestContext } from '../../graphql/request-context';
import { Alliance, Membership } from './alliance.model';
import { allianceOf } from './alliances.loader';
import { AddMemberInput, ChangeMembershipRoleInput, CorrectMembershipInput, EndMembershipInput } from './dto/membership.inputs';
import { MembershipsService } from './memberships.service';

const ALLIANCE = allianceOf('allianceId', { anyDay: true });

@Resolver(() => Membership)
export class MembershipsResolver {
  constructor(private readonly service: MembershipsService) {}

  @Mutation(() => Membership, {
    description:
      'An organisation joins an alliance. Its memberships of one alliance never overlap and an alliance has one LEAD a day: ' +
      'otherwise BAD_USER_INPUT naming joinedOn or role. ADMIN, EDITOR; a COORDINATOR for its own alliances.',
  })
  addMember(@CurrentActor() actor: Actor, @Args('input') input: AddMemberInput) {
    return this.service.add(actor, input);
  }

  @Mutation(() => Membership, { description: 'An organisation leaves an alliance. ADMIN, EDITOR; a COORDINATOR for its own alliances.' })
  endMembership(@CurrentActor() actor: Actor, @Args('input') input: EndMembershipInput) {
    return this.service.end(actor, input);
  }

  @Mutation(() => Membership, {
    description:
      'Ends this membership on `from` and returns the new one with `role` from that day until the old end; making a member LEAD ' +
      'turns the LEAD of that day into a PARTNER from the same day, in the same transaction. ADMIN, EDITOR; a COORDINATOR for its own alliances.',
  })
  changeMembershipRole(@CurrentActor() actor: Actor, @Args('input') input: ChangeMembershipRoleInput) {
    return this.service.changeRole(actor, input);
  }

  @Mutation(() => Membership, {
    description:
      "Corrects a membership's dates in place (a mistake, not a change in the world; the audit trail keeps the old dates). " +
      'ADMIN, EDITOR; a COORDINATOR for its own alliances.',
  })
  correctMembership(@CurrentActor() actor: Actor, @Args('input') input: CorrectMembershipInput) {
    return this.service.correct(actor, input);
  }

  @Mutation(() => Membership, {
    description:
      'Archives a membership entered by mistake: it leaves every list and current view, never deleted. ADMIN, EDITOR; a COORDINATOR for its own alliances.',
  })
  archiveMembership(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'The membership.' }, UuidPipe) id: string,
    @Args('expectedVersion', { type: () => Int, description: 'The version you read.' }) expectedVersion: number,
  ) {
    return this.service.archive(actor, id, expectedVersion);
  }

  @Mutation(() => Membership, {
    description:
      'Brings an archived membership back; one that would overlap another of its organisation or add a second LEAD is BAD_USER_INPUT ' +
      'naming joinedOn or role. ADMIN, EDITOR; a COORDINATOR for its own alliances.',
  })
  restoreMembership(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: 'The membership.' }, UuidPipe) id: string,
    @Args('expectedVersion', { type: () => Int, description: 'The version you read.' }) expectedVersion: number,
  ) {
    return this.service.restore(actor, id, expectedVersion);
  }

  @ResolveField(() => Alliance, { description: 'The alliance, whatever the day asked: a membership always names its alliance.' })
  @Prefetchable(ALLIANCE)
  alliance(membership: Membership, args: NoArgs, context: RequestContext, info: GraphQLResolveInfo) {
    return related(ALLIANCE, membership, args, context, info);
  }
}
