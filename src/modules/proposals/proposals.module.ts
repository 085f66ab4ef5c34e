import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganisationsModule } from '../organisations/organisations.module';
import { PeopleModule } from '../people/people.module';
import { RegionsModule } from '../regions/regions.module';
import { ChangeProposalEntity } from './change-proposal.entity';
import { ProposalsResolver } from './proposals.resolver';
import { ProposalsService } from './proposals.service';

@Module({
  imports: [TypeOrmModule.forFeature([ChangeProposalEntity]), RegionsModule, OrganisationsModule, PeopleModule],
  providers: [ProposalsService, ProposalsResolver],
})
export class ProposalsModule {}
