import { ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { type CurrentArgs, FieldArg } from '../../graphql/field-arg.decorator';
import { Prefetchable } from '../../graphql/prefetch';
import { related } from '../../graphql/relations';
import type { NoArgs, RequestContext } from '../../graphql/request-context';
import { Alliance, Membership } from '../alliances/alliance.model';
import { MEMBERSHIPS_OF_ORGANISATION } from '../alliances/alliances.loader';
import { Region } from '../regions/region.model';
import { regionOf } from '../regions/regions.loader';
import { Organisation } from './organisation.model';
import { organisationOf, ALLIANCE_LEAD } from './organisations.loader';

const REGION = regionOf('regionId');
const MEMBER = organisationOf('organisationId');

/** Relations between organisations and regions or alliances: a relation between two modules is resolved in the later one. */
@Resolver(() => Organisation)
export class OrganisationRegionResolver {
  @ResolveField(() => Region, { nullable: true, description: 'The region it is based in or works for.' })
  @Prefetchable(REGION)
  region(organisation: Organisation, args: NoArgs, context: RequestContext, info: GraphQLResolveInfo) {
    return related(REGION, organisation, args, context, info);
  }
}

@Resolver(() => Organisation)
export class OrganisationMembershipsResolver {
  @ResolveField(() => [Membership], {
    description:
      'Its memberships of alliances, archived ones left out; current: true for those current on the day asked (none while the organisation is archived), false for the others.',
  })
  @Prefetchable(MEMBERSHIPS_OF_ORGANISATION)
  memberships(
    organisation: Organisation,
    @FieldArg('current', { type: () => Boolean, nullable: true }) args: CurrentArgs,
    context: RequestContext,
    info: GraphQLResolveInfo,
  ) {
    return related(MEMBERSHIPS_OF_ORGANISATION, organisation, args, context, info);
  }
}

@Resolver(() => Alliance)
export class AllianceLeadResolver {
  @ResolveField(() => Organisation, {
    nullable: true,
    description: 'The member that leads it (Federführung) on the day asked, if any: none while that organisation is archived.',
  })
  @Prefetchable(ALLIANCE_LEAD)
  lead(alliance: Alliance, args: NoArgs, context: RequestContext, info: GraphQLResolveInfo) {
    return related(ALLIANCE_LEAD, alliance, args, context, info);
  }
}

@Resolver(() => Membership)
export class MembershipOrganisationResolver {
  @ResolveField(() => Organisation, { description: 'The member organisation.' })
  @Prefetchable(MEMBER)
  organisation(membership: Membership, args: NoArgs, context: RequestContext, info: GraphQLResolveInfo) {
    return related(MEMBER, membership, args, context, info);
  }
}
