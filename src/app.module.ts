import { DynamicModule, Module } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { ConfigModule } from './config/config.module';
import { Environment } from './config/environment';
import { DatabaseModule } from './database/database.module';
import { RegistryGraphQLModule } from './graphql/graphql.module';
import { registryValidationPipe } from './graphql/validation';
import { HealthModule } from './health/health.module';
import { AgreementsModule } from './modules/agreements/agreements.module';
import { AlliancesModule } from './modules/alliances/alliances.module';
import { DashboardModule } from './modules/dashboard/dashboard.module';
import { ExportModule } from './modules/export/export.module';
import { MeetingsModule } from './modules/meetings/meetings.module';
import { OrganisationsModule } from './modules/organisations/organisations.module';
import { PeopleModule } from './modules/people/people.module';
import { ProposalsModule } from './modules/proposals/proposals.module';
import { RegionsModule } from './modules/regions/regions.module';
import { ReleaseAnalysisModule } from './modules/release-analysis/release-analysis.module';
import { ReleasesModule } from './modules/releases/releases.module';
import { OverviewModule } from './overview/overview.module';

/** The architecture's index: infrastructure first, then the domain modules. */
@Module({})
export class AppModule {
  static forRoot(env: Environment): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(env),
        DatabaseModule,
        AuthModule,
        AuditModule,
        RegistryGraphQLModule,
        HealthModule,
        OverviewModule,
        RegionsModule,
        AlliancesModule,
        OrganisationsModule,
        PeopleModule,
        AgreementsModule,
        MeetingsModule,
        ReleasesModule,
        ProposalsModule,
        ReleaseAnalysisModule,
        DashboardModule,
        ExportModule,
      ],
      providers: [{ provide: APP_PIPE, useFactory: registryValidationPipe }],
    };
  }
}
