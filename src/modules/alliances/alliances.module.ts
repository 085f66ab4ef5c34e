import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RegionsModule } from '../regions/regions.module';
import { AllianceRegionResolver, RegionAlliancesResolver } from './alliance-relations.resolver';
import { AllianceEntity } from './alliance.entity';
import { AlliancesResolver } from './alliances.resolver';
import { AlliancesService } from './alliances.service';
import { MembershipEntity } from './membership.entity';
import { MembershipsResolver } from './memberships.resolver';
import { MembershipsService } from './memberships.service';

@Module({
  imports: [TypeOrmModule.forFeature([AllianceEntity, MembershipEntity]), RegionsModule],
  providers: [
    AlliancesService,
    MembershipsService,
    AlliancesResolver,
    MembershipsResolver,
    RegionAlliancesResolver,
    AllianceRegionResolver,
  ],
  exports: [AlliancesService, MembershipsService],
})
export class AlliancesModule {}
