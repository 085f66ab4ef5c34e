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
import { AlliancesModule } from './modules/alliances/alliances.module';
import { RegionsModule } from './modules/regions/regions.module';

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
      ],
      providers: [{ provide: APP_PIPE, useFactory: registryValidationPipe }],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(requestLogging(createLogger(this.env.LOG_LEVEL))).forRoutes('*');
  }
}
