import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Environment } from '../config/environment';
import { dataSourceOptions } from './data-source-options';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [Environment],
      useFactory: (env: Environment) => ({
        ...dataSourceOptions({
          url: env.DATABASE_URL!,
          poolSize: env.DB_POOL_SIZE,
          statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS,
          connectTimeoutMs: env.DB_CONNECT_TIMEOUT_MS,
        }),
        migrationsRun: true,
      }),
    }),
  ],
})
export class DatabaseModule {}
