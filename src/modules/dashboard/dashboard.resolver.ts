import { Args, ID, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Prefetchable } from '../../graphql/prefetch';
import type { NoArgs, RequestContext } from '../../graphql/request-context';
import { nowAll, then } from '../../graphql/request-loaders';
import { DateScalar } from '../../graphql/scalars';
import { UuidPipe } from '../../graphql/uuid.pipe';
import { Agreement, Commitment } from '../agreements/agreement.model';
import { AgreementsLoader } from '../agreements/agreements.loader';
import { Alliance } from '../alliances/alliance.model';
import { AlliancesLoader } from '../alliances/alliances.loader';
import { Region } from '../regions/region.model';
import { RegionsLoader } from '../regions/regions.loader';
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
    @Args('asOf', { type: () => DateScalar, nullable: true, description: AS_OF }) asOf?: string | null,
  ) {
    return this.service.coverage(stateId, asOf);
  }

  @Query(() => [CommitmentStatus], {
    description: 'The overdue ANNUAL_TOP_LEVEL_MEETING commitments, most overdue first (nextDueOn ascending, then commitment id).',
  })
  overdueCommitments(@Args('asOf', { type: () => DateScalar, nullable: true, description: AS_OF }) asOf?: string | null) {
    return this.service.overdueCommitments(asOf);
  }

  @Query(() => RegistryStats, { description: 'Counts of the whole registry as it stands now.' })
  stats() {
    return this.service.stats();
  }
}

/** The records a coverage row names, read through their modules' loaders so a whole dashboard costs one statement per relation. */
@Resolver(() => RegionCoverage)
export class RegionCoverageResolver {
  constructor(
    private readonly regionsLoader: RegionsLoader,
    private readonly alliancesLoader: AlliancesLoader,
    private readonly agreementsLoader: AgreementsLoader,
  ) {}

  @ResolveField(() => Region, { description: 'The REGION (Regionalverband) directly below the state.' })
  @Prefetchable()
  region(coverage: RegionCoverage, _args: NoArgs, { loaders }: RequestContext) {
    return this.regionsLoader.byId(loaders).now(coverage.regionId);
  }

  @ResolveField(() => [Alliance], {
    description:
      'The ACTIVE alliances (not archived, founded on or before asOf or undated) of this region or of a district inside it, by name.',
  })
  @Prefetchable()
  alliances(coverage: RegionCoverage, _args: NoArgs, { loaders }: RequestContext) {
    return nowAll(this.alliancesLoader.byId(loaders), coverage.allianceIds);
  }

  @ResolveField(() => Agreement, {
    nullable: true,
    description:
      'An agreement binding on asOf (see CommitmentStatus: signed by then, not terminated by then, not archived) between one of these alliances and a STATE alliance; of several, the latest signed (then the lowest id). Null when there is none.',
  })
  @Prefetchable()
  agreementWithState(coverage: RegionCoverage, _args: NoArgs, { loaders }: RequestContext) {
    return coverage.agreementId ? this.agreementsLoader.byId(loaders).now(coverage.agreementId) : null;
  }
}

@Resolver(() => CommitmentStatus)
export class CommitmentStatusResolver {
  constructor(private readonly agreements: AgreementsLoader) {}

  @ResolveField(() => Commitment, { description: 'The ANNUAL_TOP_LEVEL_MEETING commitment.' })
  @Prefetchable()
  commitment(status: CommitmentStatus, _args: NoArgs, { loaders }: RequestContext) {
    return then(this.agreements.commitmentsByAgreement(loaders).now(status.agreementId), (commitments) =>
      commitments.find((commitment) => commitment.id === status.commitmentId),
    );
  }
}
