import { Module } from '@nestjs/common';
import { AlliancesModule } from '../alliances/alliances.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { PeopleModule } from '../people/people.module';
import { ReleasesModule } from '../releases/releases.module';
import {
  AllianceMentionResolver,
  OrganisationMentionResolver,
  PersonMentionResolver,
  ReleaseAnalysisResolver,
} from './release-analysis.resolver';
import { ReleaseAnalysisService } from './release-analysis.service';

/** From a press release to records: analyseRelease reads a pasted release against the registry, importRelease writes what a person confirmed. */
@Module({
  imports: [AlliancesModule, OrganisationsModule, PeopleModule, ReleasesModule],
  providers: [ReleaseAnalysisService, ReleaseAnalysisResolver, OrganisationMentionResolver, PersonMentionResolver, AllianceMentionResolver],
})
export class ReleaseAnalysisModule {}
