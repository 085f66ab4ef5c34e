import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlliancesModule } from '../alliances/alliances.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { PeopleModule } from '../people/people.module';
import { AgreementPartyEntity } from './agreement-party.entity';
import { AgreementPartyRelationsResolver, AllianceAgreementsResolver } from './agreement-relations.resolver';
import { AgreementEntity } from './agreement.entity';
import { AgreementsResolver, CommitmentsResolver } from './agreements.resolver';
import { AgreementsService } from './agreements.service';
import { CommitmentEntity } from './commitment.entity';

@Module({
  imports: [
    TypeOrmModule.forFeature([AgreementEntity, AgreementPartyEntity, CommitmentEntity]),
    AlliancesModule,
    OrganisationsModule,
    PeopleModule,
  ],
  providers: [AgreementsService, AgreementsResolver, CommitmentsResolver, AgreementPartyRelationsResolver, AllianceAgreementsResolver],
  exports: [AgreementsService],
})
export class AgreementsModule {}
