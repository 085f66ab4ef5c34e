import { ResolveField, Resolver } from '@nestjs/graphql';
import { Prefetchable } from '../../graphql/prefetch';
import { rowById } from '../../graphql/sql-projection';
import type { NoArgs, RequestContext } from '../../graphql/request-context';
import { RegionEntity } from '../regions/region.entity';
import { Region } from '../regions/region.model';
import { RegionsLoader } from '../regions/regions.loader';
import { Alliance } from './alliance.model';
import { AlliancesLoader } from './alliances.loader';

/** Relations between alliances and regions: a relation between two modules is resolved in the later one. */
@Resolver(() => Region)
export class RegionAlliancesResolver {
  constructor(private readonly loader: AlliancesLoader) {}

  @ResolveField(() => [Alliance], { description: 'The alliances (not archived) that work for this region itself.' })
  @Prefetchable()
  alliances(region: Region, _args: NoArgs, { loaders }: RequestContext) {
    return this.loader.byRegion(loaders).now(region.id);
  }
}

@Resolver(() => Alliance)
export class AllianceRegionResolver {
  constructor(private readonly regions: RegionsLoader) {}

  @ResolveField(() => Region, { description: 'The region it works for.' })
  @Prefetchable(rowById(RegionEntity, 'regionId'))
  region(alliance: Alliance, _args: NoArgs, { loaders }: RequestContext) {
    return this.regions.byId(loaders).now(alliance.regionId);
  }
}
