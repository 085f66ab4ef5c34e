import { ResolveField, Resolver } from '@nestjs/graphql';
import { today } from '../../common/dates';
import { type CurrentArgs, FieldArg } from '../../graphql/field-arg.decorator';
import { Prefetchable } from '../../graphql/prefetch';
import { rowById } from '../../graphql/sql-projection';
import type { NoArgs, RequestContext } from '../../graphql/request-context';
import { then } from '../../graphql/request-loaders';
import { MembershipRole } from '../alliances/alliance.enums';
import { Alliance, Membership } from '../alliances/alliance.model';
import { AlliancesLoader, membershipsOf } from '../alliances/alliances.loader';
import { currentMembershipSql, currentMemberships, isCurrentMembership } from '../../common/current-membership';
import { RegionEntity } from '../regions/region.entity';
import { Region } from '../regions/region.model';
import { RegionsLoader } from '../regions/regions.loader';
import { OrganisationEntity } from './organisation.entity';
import { Organisation } from './organisation.model';
import { OrganisationsLoader } from './organisations.loader';

/** Relations between organisations and regions or alliances: a relation between two modules is resolved in the later one. */
@Resolver(() => Organisation)
export class OrganisationRegionResolver {
  constructor(private readonly regions: RegionsLoader) {}

  @ResolveField(() => Region, { nullable: true, description: 'The region it is based in or works for.' })
  @Prefetchable(rowById(RegionEntity, 'regionId'))
  region(organisation: Organisation, _args: NoArgs, { loaders }: RequestContext) {
    return organisation.regionId ? this.regions.byId(loaders).now(organisation.regionId) : null;
  }
}

@Resolver(() => Organisation)
export class OrganisationMembershipsResolver {
  constructor(private readonly alliances: AlliancesLoader) {}

  @ResolveField(() => [Membership], {
    description:
      "Its memberships of alliances, archived ones left out; current: true for today's (none while the organisation is archived), false for the others.",
  })
  @Prefetchable(membershipsOf('organisation_id'))
  memberships(
    organisation: Organisation,
    @FieldArg('current', { type: () => Boolean, nullable: true }) { current }: CurrentArgs,
    { loaders }: RequestContext,
  ) {
    return then(this.alliances.membershipsByOrganisation(loaders).now(organisation.id), (memberships) =>
      currentMemberships(memberships, current),
    );
  }
}

@Resolver(() => Alliance)
export class AllianceLeadResolver {
  constructor(
    private readonly alliances: AlliancesLoader,
    private readonly loader: OrganisationsLoader,
  ) {}

  @ResolveField(() => Organisation, {
    nullable: true,
    description: 'The current member that leads it today (Federführung), if any: none while that organisation is archived.',
  })
  @Prefetchable({
    entity: OrganisationEntity,
    parentKey: 'id',
    many: false,
    where: (alliance, day) =>
      `id = (SELECT m.organisation_id FROM membership m WHERE m.alliance_id = ${alliance} AND m.role = '${MembershipRole.LEAD}' AND ${currentMembershipSql('m.', day)} ORDER BY m.joined_on ASC NULLS FIRST, m.id ASC LIMIT 1)`,
  })
  lead(alliance: Alliance, _args: NoArgs, { loaders }: RequestContext) {
    return then(this.alliances.membershipsByAlliance(loaders).now(alliance.id), (memberships) => {
      const date = today();
      const lead = memberships.find((m) => m.role === MembershipRole.LEAD && isCurrentMembership(m, date));
      return lead ? this.loader.byId(loaders).now(lead.organisationId) : null;
    });
  }
}

@Resolver(() => Membership)
export class MembershipOrganisationResolver {
  constructor(private readonly loader: OrganisationsLoader) {}

  @ResolveField(() => Organisation, { description: 'The member organisation.' })
  @Prefetchable(rowById(OrganisationEntity, 'organisationId'))
  organisation(membership: Membership, _args: NoArgs, { loaders }: RequestContext) {
    return this.loader.byId(loaders).now(membership.organisationId);
  }
}
