import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { badInput } from '../../common/domain-error';
import { RegionKind } from '../regions/region.enums';
import { RegionsService } from '../regions/regions.service';
import { CommitmentStatusRow, COVERAGE_SQL, CoverageRow, OVERDUE_COMMITMENTS_SQL, STATS_SQL, StatsRow } from './dashboard.queries';

/** The ministry's weekly questions, each answered by one aggregate statement as of a day (asOf, or today: see graphql/point-in-time.ts). */
@Injectable()
export class DashboardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly regions: RegionsService,
  ) {}

  /** A row per REGION of the state; [] when no region has the id, as a query answers for an id that names nothing. */
  async coverage(stateId: string, day: string): Promise<CoverageRow[]> {
    const state = await this.regions.find(stateId);
    if (!state) return [];
    if (state.kind !== RegionKind.STATE) throw badInput('stateId', `stateId must name a region of kind STATE, not ${state.kind}`);
    return this.dataSource.query(COVERAGE_SQL, [day, stateId]);
  }

  overdueCommitments(day: string): Promise<CommitmentStatusRow[]> {
    return this.dataSource.query(OVERDUE_COMMITMENTS_SQL, [day]);
  }

  async stats(day: string): Promise<StatsRow> {
    const [row]: StatsRow[] = await this.dataSource.query(STATS_SQL, [day]);
    return row;
  }
}
