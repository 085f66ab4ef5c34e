import { join } from 'node:path';
import { types } from 'pg';
import { DataSourceOptions } from 'typeorm';
import { registryPg } from './pg-driver';
import { timestampParser } from './timestamps';

// A calendar date is a string end to end: a JS Date would shift it by the server's time zone.
types.setTypeParser(types.builtins.DATE, (value) => value);
// COUNT(*) and other bigint results fit comfortably in a JS number for this registry's sizes.
types.setTypeParser(types.builtins.INT8, (value) => Number(value));
types.setTypeParser(
  types.builtins.TIMESTAMPTZ,
  timestampParser(types.getTypeParser(types.builtins.TIMESTAMPTZ) as (text: string) => unknown),
);

export interface DatabaseSettings {
  url: string;
  poolSize?: number;
  statementTimeoutMs?: number;
  connectTimeoutMs?: number;
}

/** One definition of the connection for the service, the tests and the TypeORM CLI. */
export function dataSourceOptions(settings: DatabaseSettings): DataSourceOptions {
  const statementTimeoutMs = settings.statementTimeoutMs ?? 10000;
  const connectTimeoutMs = settings.connectTimeoutMs ?? 2000;
  return {
    type: 'postgres',
    // pg, telling apart by where they fail the errors of a database that was not reached (pg-driver.ts).
    driver: registryPg,
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
      // Bounds both opening a connection and waiting for a free one: with the database gone, a
      // request fails after this long instead of queueing behind the pool.
      connectionTimeoutMillis: connectTimeoutMs,
      // An idle pooled connection whose peer vanished without closing it (host down, dropped by
      // a firewall) is found by the kernel's probes and leaves the pool, instead of staying in it.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10000,
      statement_timeout: statementTimeoutMs,
      // The server ends a slow statement itself (statement_timeout); this client-side bound is for
      // a server that no longer answers at all (frozen, or its host cut off without closing the
      // connection), where a query would otherwise wait for TCP to give up, many minutes.
      query_timeout: statementTimeoutMs + connectTimeoutMs,
      application_name: 'allianzregister',
    },
  };
}
