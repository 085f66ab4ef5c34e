import { Args, ID, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { AsOf } from '../../graphql/point-in-time';
import { Prefetchable } from '../../graphql/prefetch';
import { related } from '../../graphql/relations';
import type { NoArgs, RequestContext } from '../../graphql/request-context';
import { UuidPipe } from '../../graphql/uuid.pipe';
import { OptionalUuidPipe } from '../../graphql/optional-uuid.pipe';
import { RegionKind } from './region.enums';
import { Region } from './region.model';
import { REGION_CHILDREN, regionOf } from './regions.loader';
import { RegionsService } from './regions.service';

const PARENT = regionOf('parentId');

@Resolver(() => Region)
export class RegionsResolver {
  constructor(private readonly service: RegionsService) {}

  @Query(() => Region, { nullable: true, description: 'One region by id; null when none has it.' })
  region(@Args('id', { type: () => ID }, UuidPipe) id: string, @AsOf() _day: string) {
    return this.service.find(id);
  }

  @Query(() => [Region], { description: 'Regions of a kind and/or below a parent, ordered by official code.' })
  regions(
    @AsOf() _day: string,
    @Args('kind', { type: () => RegionKind, nullable: true }) kind?: RegionKind,
    @Args('parentId', { type: () => ID, nullable: true }, OptionalUuidPipe) parentId?: string,
  ) {
    return this.service.list({ kind, parentId });
  }

  @ResolveField(() => Region, { nullable: true, description: 'The region this one lies in.' })
  @Prefetchable(PARENT)
  parent(region: Region, args: NoArgs, context: RequestContext, info: GraphQLResolveInfo) {
    return related(PARENT, region, args, context, info);
  }

  @ResolveField(() => [Region], { description: 'The regions that lie directly in this one.' })
  @Prefetchable(REGION_CHILDREN)
  children(region: Region, args: NoArgs, context: RequestContext, info: GraphQLResolveInfo) {
    return related(REGION_CHILDREN, region, args, context, info);
  }
}
