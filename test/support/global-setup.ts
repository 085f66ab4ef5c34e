import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { ADMIN_URL_VAR, adminQuery, databaseUrl, TEMPLATE_VAR } from './test-database';

/**
 * Once per run: a PostgreSQL server (TEST_DATABASE_URL, or an embedded one in a fresh temporary
 * folder on a free port) and a template database with every migration applied.
 */
export default async function globalSetup(): Promise<void> {
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const server = await startEmbeddedPostgres(mkdtempSync(join(tmpdir(), 'allianzregister-test-')), { persistent: false });
    (globalThis as Record<string, unknown>).__registryTestServer = server;
    adminUrl = server.url;
  }
  const template = `registry_template_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE "${template}"`);
  const dataSource = new DataSource({ ...dataSourceOptions({ url: databaseUrl(adminUrl, template) }), entities: [] });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
  } finally {
    await dataSource.destroy();
  }
  process.env[ADMIN_URL_VAR] = adminUrl;
  process.env[TEMPLATE_VAR] = template;
}
