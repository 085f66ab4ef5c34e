import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../src/database/embedded-postgres';
import { ServiceProcess, startService } from './support/service-process';
import { ADMIN_URL_VAR, adminQuery, databaseUrl } from './support/test-database';

const ROOT = join(__dirname, '..');

function stop(service: ServiceProcess): Promise<number | null> {
  service.process.kill('SIGTERM');
  return service.exited;
}

async function query(service: ServiceProcess, query: string, token?: string) {
  const response = await fetch(`${service.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: any; errors?: any[] };
}

describe('npm start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'allianzregister-start-'));
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    const { DATABASE_URL: _url, AUTH_JWT_SECRET: _secret, TEST_DATABASE_URL: _test, ...rest } = process.env;
    env = { ...rest, NODE_ENV: 'development', DATA_DIR: dataDir, PORT: String(await freePort()), LOG_LEVEL: 'warn' };
  });

  it('starts embedded PostgreSQL, migrates, loads the demo data once, prints URL and token, and stops cleanly', async () => {
    const first = await startService(env);
    try {
      const ALLIANCES = '{ alliances { totalCount edges { node { name lead { shortName } } } } }';
      const read = await query(first, ALLIANCES);
      expect(read.data.alliances.totalCount).toBe(2);
      expect(read.data.alliances.edges.map((e: any) => e.node)).toEqual([
        { name: 'Allianz für Fachkräfte Baden-Württemberg', lead: { shortName: 'Wirtschaftsministerium' } },
        { name: 'Fachkräftebündnis Heilbronn-Franken', lead: { shortName: 'IHK Heilbronn-Franken' } },
      ]);
      const whoAmI = await query(first, '{ auditTrail(entityId: "00000000-0000-4000-8000-000000000000") { id } }', first.token);
      expect(whoAmI.errors).toBeUndefined();
      const reader = execFileSync(process.execPath, ['dist/src/auth/token.cli.js', '--role', 'READER'], { cwd: ROOT, env, stdio: 'pipe' })
        .toString()
        .trim();
      await expect(query(first, '{ regions(kind: STATE) { code } }', reader)).resolves.toEqual({ data: { regions: [{ code: '08' }] } });
    } finally {
      await expect(stop(first)).resolves.toBe(0);
    }

    const second = await startService(env);
    try {
      const again = await query(second, '{ alliances { totalCount } }', first.token);
      expect(again).toEqual({ data: { alliances: { totalCount: 2 } } });
      // Started twice on one DATA_DIR: the second says why it cannot, and the first runs on.
      await expect(startService({ ...env, PORT: String(await freePort()) })).rejects.toThrow(
        /exited with 1:[\s\S]*is already running \(pid \d+\): is the service running already\?/,
      );
      await expect(query(second, '{ alliances { totalCount } }')).resolves.toEqual({ data: { alliances: { totalCount: 2 } } });
    } finally {
      await expect(stop(second)).resolves.toBe(0);
    }
  });

  it('uses the server DATABASE_URL names: runs the migrations there and loads no demo data', async () => {
    const adminUrl = process.env[ADMIN_URL_VAR]!;
    const name = `registry_start_${randomBytes(6).toString('hex')}`;
    await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
    const started = await startService({ ...env, DATABASE_URL: databaseUrl(adminUrl, name), PORT: String(await freePort()) });
    try {
      expect(started.output()).toContain('Database: DATABASE_URL');
      const result = await query(started, '{ alliances { totalCount } regions(kind: REGION) { code } }');
      expect(result.data.alliances.totalCount).toBe(0);
      expect(result.data.regions).toHaveLength(12);
    } finally {
      await expect(stop(started)).resolves.toBe(0);
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  });
});
