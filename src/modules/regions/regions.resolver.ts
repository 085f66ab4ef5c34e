import { Args, ID, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Prefetchable } from '../../graphql/prefetch';
import type { NoArgs, RequestContext } from '../../graphql/request-context';
import { UuidPipe } from '../../graphql/uuid.pipe';
import { OptionalUuidPipe } from '../../graphql/optional-uuid.pipe';
import { RegionKind } from './region.enums';
import { Region } from './region.model';
import { RegionsLoader } from './regions.loader';
import { RegionsService } from './regions.service';

@Resolver(() => Region)
export class RegionsResolver {
  constructor(
    private readonly service: RegionsService,
    private readonly loader: RegionsLoader,
  ) {}

  @Query(() => Region, { nullable: true, description: 'One region by id; null when none has it.' })
  region(@Args('id', { type: () => ID }, UuidPipe) id: string) {
    return this.service.find(id);
  }

  @Query(() => [Region], { description: 'Regions of a kind and/or below a parent, ordered by official code.' })
  regions(
    @Args('kind', { type: () => RegionKind, nullable: true }) kind?: RegionKind,
    @Args('parentId', { type: () => ID, nullable: true }, OptionalUuidPipe) parentId?: string,
  ) {
    return this.service.list({ kind, parentId });
  }

  @ResolveField(() => Region, { nullable: true, description: 'The region this one lies in.' })
  @Prefetchable()
  parent(region: Region, _args: NoArgs, { loaders }: RequestContext) {
    return region.parentId ? this.loader.byId(loaders).now(region.parentId) : null;
  }

  @ResolveField(() => [Region], { description: 'The regions that lie directly in this one.' })
  @Prefetchable()
  children(region: Region, _args: NoArgs, { loaders }: RequestContext) {
    return this.loader.children(loaders).now(region.id);
  }
}
