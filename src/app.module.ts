import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { createLogger, requestLogging } from './common/logging';
import { ConfigModule } from './config/config.module';
import { Environment } from './config/environment';
import { DatabaseModule } from './database/database.module';
import { RegistryGraphQLModule } from './graphql/graphql.module';
import { registryValidationPipe } from './graphql/validation';
import { HealthModule } from './health/health.module';
import { AgreementsModule } from './modules/agreements/agreements.module';
import { AlliancesModule } from './modules/alliances/alliances.module';
import { MeetingsModule } from './modules/meetings/meetings.module';
import { OrganisationsModule } from './modules/organisations/organisations.module';
import { PeopleModule } from './modules/people/people.module';
import { RegionsModule } from './modules/regions/regions.module';
import { ReleasesModule } from './modules/releases/releases.module';

/** The architecture's index: infrastructure first, then the domain modules. */
@Module({})
export class AppModule implements NestModule {
  constructor(private readonly env: Environment) {}

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
        RegionsModule,
        AlliancesModule,
        OrganisationsModule,
        PeopleModule,
        AgreementsModule,
        MeetingsModule,
        ReleasesModule,
      ],
      providers: [{ provide: APP_PIPE, useFactory: registryValidationPipe }],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(requestLogging(createLogger(this.env.LOG_LEVEL))).forRoutes('*');
  }
}
