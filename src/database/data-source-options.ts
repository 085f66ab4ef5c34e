import { join } from 'node:path';
import { types } from 'pg';
import { DataSourceOptions } from 'typeorm';

// A calendar date is a string end to end: a JS Date would shift it by the server's time zone.
types.setTypeParser(types.builtins.DATE, (value) => value);
// COUNT(*) and other bigint results fit comfortably in a JS number for this registry's sizes.
types.setTypeParser(types.builtins.INT8, (value) => Number(value));

export interface DatabaseSettings {
  url: string;
  poolSize?: number;
  statementTimeoutMs?: number;
}

/** One definition of the connection for the service, the tests and the TypeORM CLI. */
export function dataSourceOptions(settings: DatabaseSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    entities: [join(__dirname, '..', '**', '*.entity.{ts,js}')],
    migrations: [join(__dirname, '..', '..', 'migrations', '*.{ts,js}')],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+; no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    logging: false,
    extra: {
      max: settings.poolSize ?? 10,
      connectionTimeoutMillis: 5000,
      statement_timeout: settings.statementTimeoutMs ?? 10000,
      application_name: 'allianzregister',
    },
  };
}
