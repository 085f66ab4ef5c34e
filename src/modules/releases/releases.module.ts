import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgreementsModule } from '../agreements/agreements.module';
import { AlliancesModule } from '../alliances/alliances.module';
import { MeetingsModule } from '../meetings/meetings.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { PeopleModule } from '../people/people.module';
import {
  AgreementSourcesResolver,
  AllianceSourcesResolver,
  MeetingSourcesResolver,
  OrganisationSourcesResolver,
  PersonSourcesResolver,
  QuotePersonResolver,
  ReleaseLinkRecordResolver,
} from './release-relations.resolver';
import { ReleaseLinkEntity } from './release-link.entity';
import { ReleaseQuoteEntity } from './release-quote.entity';
import { ReleaseEntity } from './release.entity';
import { ReleasesResolver } from './releases.resolver';
import { ReleasesService } from './releases.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([ReleaseEntity, ReleaseLinkEntity, ReleaseQuoteEntity]),
    AlliancesModule,
    OrganisationsModule,
    PeopleModule,
    AgreementsModule,
    MeetingsModule,
  ],
  providers: [
    ReleasesService,
    ReleasesResolver,
    AllianceSourcesResolver,
    OrganisationSourcesResolver,
    PersonSourcesResolver,
    AgreementSourcesResolver,
    MeetingSourcesResolver,
    QuotePersonResolver,
    ReleaseLinkRecordResolver,
  ],
  exports: [ReleasesService],
})
export class ReleasesModule {}
