import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** Set by global-setup for the workers: the server's admin URL and the migrated template database. */
export const ADMIN_URL_VAR = 'REGISTRY_TEST_ADMIN_URL';
export const TEMPLATE_VAR = 'REGISTRY_TEST_TEMPLATE';

export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh database for one test file, copied from the migrated template (CREATE DATABASE … TEMPLATE). */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env[ADMIN_URL_VAR];
  const template = process.env[TEMPLATE_VAR];
  if (!adminUrl || !template) throw new Error('test/support/global-setup.ts has not run');
  const name = `registry_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  return {
    url: databaseUrl(adminUrl, name),
    drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
