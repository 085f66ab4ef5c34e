import { Module } from '@nestjs/common';
import { AgreementsModule } from '../agreements/agreements.module';
import { AlliancesModule } from '../alliances/alliances.module';
import { RegionsModule } from '../regions/regions.module';
import { CommitmentStatusResolver, DashboardResolver, RegionCoverageResolver } from './dashboard.resolver';
import { DashboardService } from './dashboard.service';

@Module({
  imports: [RegionsModule, AlliancesModule, AgreementsModule],
  providers: [DashboardService, DashboardResolver, RegionCoverageResolver, CommitmentStatusResolver],
})
export class DashboardModule {}
