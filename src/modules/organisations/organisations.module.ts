import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlliancesModule } from '../alliances/alliances.module';
import { RegionsModule } from '../regions/regions.module';
import { OrganisationNameEntity } from './organisation-name.entity';
import {
  AllianceLeadResolver,
  MembershipOrganisationResolver,
  OrganisationMembershipsResolver,
  OrganisationRegionResolver,
} from './organisation-relations.resolver';
import { OrganisationEntity } from './organisation.entity';
import { OrganisationsResolver } from './organisations.resolver';
import { OrganisationsService } from './organisations.service';

@Module({
  imports: [TypeOrmModule.forFeature([OrganisationEntity, OrganisationNameEntity]), RegionsModule, AlliancesModule],
  providers: [
    OrganisationsService,
    OrganisationsResolver,
    OrganisationRegionResolver,
    OrganisationMembershipsResolver,
    AllianceLeadResolver,
    MembershipOrganisationResolver,
  ],
  exports: [OrganisationsService],
})
export class OrganisationsModule {}
