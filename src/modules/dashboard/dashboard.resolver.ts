import { Args, ID, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { AsOf } from '../../graphql/point-in-time';
import { Prefetchable } from '../../graphql/prefetch';
import type { NoArgs, RequestContext } from '../../graphql/request-context';
import { loadersOf } from '../../graphql/point-in-time';
import { related } from '../../graphql/relations';
import { nowAll, then } from '../../graphql/request-loaders';
import { UuidPipe } from '../../graphql/uuid.pipe';
import { Agreement, Commitment } from '../agreements/agreement.model';
import { agreementOf, commitmentOf } from '../agreements/agreements.loader';
import { Alliance } from '../alliances/alliance.model';
import { allianceOf } from '../alliances/alliances.loader';
import { Region } from '../regions/region.model';
import { regionOf } from '../regions/regions.loader';
import { CommitmentStatus, RegionCoverage, RegistryStats } from './dashboard.model';
import { DashboardService } from './dashboard.service';

const AS_OF = 'The day to judge by (default: today in Baden-Württemberg): what was signed, held or founded after it does not count yet.';

@Resolver()
export class DashboardResolver {
  constructor(private readonly service: DashboardService) {}

  @Query(() => [RegionCoverage], {
    description:
      'One row per REGION directly below the state, by official code: its active alliances, their signed agreement with a STATE alliance and whether its annual top-level meeting is overdue. ' +
      'An id that names no region answers []; a region that is not a STATE is BAD_USER_INPUT.',
  })
  coverage(
    @Args('stateId', { type: () => ID, description: 'The STATE region, e.g. Baden-Württemberg (code 08).' }, UuidPipe) stateId: string,
    @AsOf(AS_OF) day: string,
  ) {
    return this.service.coverage(stateId, day);
  }

  @Query(() => [CommitmentStatus], {
    description: 'The overdue ANNUAL_TOP_LEVEL_MEETING commitments, most overdue first (nextDueOn ascending, then commitment id).',
  })
  overdueCommitments(@AsOf(AS_OF) day: string) {
    return this.service.overdueCommitments(day);
  }

  @Query(() => RegistryStats, {
    description:
      'Counts of the whole registry as it stood on asOf: alliances founded, organisations existing (named) by then, agreements binding, meetings held and releases published by then; archived records nowhere.',
  })
  stats(@AsOf(AS_OF) day: string) {
    return this.service.stats(day);
  }
}

const REGION = regionOf('regionId');
/** Coverage counts only alliances founded by asOf: the rows it names are read whatever their day. */
const ALLIANCE = allianceOf('id', { anyDay: true });
const AGREEMENT = agreementOf('agreementId');
const COMMITMENT = commitmentOf('commitmentId');

/** The records a coverage row names, read through the relations' loaders (or SQL) so a whole dashboard costs one statement per relation. */
@Resolver(() => RegionCoverage)
export class RegionCoverageResolver {
  @ResolveField(() => Region, { description: 'The REGION (Regionalverband) directly below the state.' })
  @Prefetchable(REGION)
  region(coverage: RegionCoverage, args: NoArgs, context: RequestContext, info: GraphQLResolveInfo) {
    return related(REGION, coverage, args, context, info);
  }

  @ResolveField(() => [Alliance], {
    description:
      'The ACTIVE alliances (not archived, founded on or before asOf or undated) of this region or of a district inside it, by name.',
  })
  @Prefetchable()
  alliances(coverage: RegionCoverage, _args: NoArgs, context: RequestContext, info: GraphQLResolveInfo) {
    return then(nowAll(loadersOf(context, info).related(ALLIANCE), coverage.allianceIds), (found) => found.map(([alliance]) => alliance));
  }

  @ResolveField(() => Agreement, {
    nullable: true,
    description:
      'An agreement binding on asOf (see CommitmentStatus: signed by then, not terminated by then, not archived) between one of these alliances and a STATE alliance; of several, the latest signed (then the lowest id). Null when there is none.',
  })
  @Prefetchable(AGREEMENT)
  agreementWithState(coverage: RegionCoverage, args: NoArgs, context: RequestContext, info: GraphQLResolveInfo) {
    return related(AGREEMENT, coverage, args, context, info);
  }
}

@Resolver(() => CommitmentStatus)
export class CommitmentStatusResolver {
  @ResolveField(() => Commitment, { description: 'The ANNUAL_TOP_LEVEL_MEETING commitment.' })
  @Prefetchable(COMMITMENT)
  commitment(status: CommitmentStatus, args: NoArgs, context: RequestContext, info: GraphQLResolveInfo) {
    return related(COMMITMENT, status, args, context, info);
  }
}
