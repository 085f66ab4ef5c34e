import { ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Prefetchable } from '../../graphql/prefetch';
import { related } from '../../graphql/relations';
import type { NoArgs, RequestContext } from '../../graphql/request-context';
import { Region } from '../regions/region.model';
import { regionOf } from '../regions/regions.loader';
import { Alliance } from './alliance.model';
import { ALLIANCES_OF_REGION } from './alliances.loader';

const REGION = regionOf('regionId');

/** Relations between alliances and regions: a relation between two modules is resolved in the later one. */
@Resolver(() => Region)
export class RegionAlliancesResolver {
  @ResolveField(() => [Alliance], { description: 'The alliances (not archived) that work for this region itself.' })
  @Prefetchable(ALLIANCES_OF_REGION)
  alliances(region: Region, args: NoArgs, context: RequestContext, info: GraphQLResolveInfo) {
    return related(ALLIANCES_OF_REGION, region, args, context, info);
  }
}

@Resolver(() => Alliance)
export class AllianceRegionResolver {
  @ResolveField(() => Region, { description: 'The region it works for.' })
  @Prefetchable(REGION)
  region(alliance: Alliance, args: NoArgs, context: RequestContext, info: GraphQLResolveInfo) {
    return related(REGION, alliance, args, context, info);
  }
}
