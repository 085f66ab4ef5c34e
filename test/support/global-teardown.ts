import { RunningPostgres } from '../../src/database/embedded-postgres';
import { ADMIN_URL_VAR, adminQuery, TEMPLATE_VAR } from './test-database';

export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as Record<string, unknown>).__registryTestServer as RunningPostgres | undefined;
  if (server) {
    await server.stop();
    return;
  }
  const adminUrl = process.env[ADMIN_URL_VAR];
  const template = process.env[TEMPLATE_VAR];
  if (adminUrl && template) await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
}
