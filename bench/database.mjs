// Database for the benchmark: an embedded PostgreSQL in a temp folder (with pg_stat_statements
// preloaded), or BENCH_DATABASE_URL; migrated with the service's own TypeORM migrations.
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
const require = createRequire(import.meta.url);
const ROOT = new URL('..', import.meta.url).pathname;
const pg = require('pg');

export async function query(url, sql, params) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Returns { url, stop, statements: boolean }. */
export async function startDatabase(log) {
  if (process.env.BENCH_DATABASE_URL) {
    const url = process.env.BENCH_DATABASE_URL;
    let statements = false;
    try {
      await query(url, 'CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
      await query(url, 'SELECT pg_stat_statements_reset()');
      statements = true;
    } catch {
      log('  pg_stat_statements not available on BENCH_DATABASE_URL: statements/request not measured\n');
    }
    return { url, stop: async () => undefined, statements };
  }
  const { startEmbeddedPostgres } = require(join(ROOT, 'dist/src/database/embedded-postgres.js'));
  const dir = mkdtempSync(join(tmpdir(), 'allianz-bench-'));
  if (typeof process.getuid === 'function' && process.getuid() === 0) require('node:fs').chmodSync(dir, 0o755);
  let server = await startEmbeddedPostgres(dir, { persistent: true });
  const port = Number(new URL(server.url).port);
  // startEmbeddedPostgres takes no server flags: set them in postgresql.auto.conf and restart.
  await query(server.url, "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'");
  await query(server.url, 'ALTER SYSTEM SET max_connections = 200');
  await query(server.url, "ALTER SYSTEM SET shared_buffers = '256MB'");
  await server.stop();
  server = await startEmbeddedPostgres(dir, { persistent: true, port });
  await query(server.url, 'CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  log(`  embedded PostgreSQL in ${dir} on port ${port} (pg_stat_statements preloaded)\n`);
  return {
    url: server.url,
    statements: true,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function migrate(url) {
  const { DataSource } = require('typeorm');
  const { dataSourceOptions } = require(join(ROOT, 'dist/src/database/data-source-options.js'));
  const dataSource = new DataSource(dataSourceOptions({ url }));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
  } finally {
    await dataSource.destroy();
  }
}
