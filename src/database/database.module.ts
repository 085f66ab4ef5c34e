import { Global, Module } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Environment } from '../config/environment';
import { dataSourceOptions } from './data-source-options';
import { DataVersion } from './data-version';
import { PlainRows } from './plain-rows';

@Global()
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
  providers: [
    { provide: PlainRows, inject: [getDataSourceToken()], useFactory: (dataSource: DataSource) => new PlainRows(dataSource) },
    { provide: DataVersion, inject: [getDataSourceToken()], useFactory: (dataSource: DataSource) => new DataVersion(dataSource) },
  ],
  exports: [PlainRows, DataVersion],
})
export class DatabaseModule {}
