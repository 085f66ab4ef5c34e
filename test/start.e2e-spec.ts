import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { freePort } from '../src/database/embedded-postgres';
import { ADMIN_URL_VAR, adminQuery, databaseUrl } from './support/test-database';

const ROOT = join(__dirname, '..');

interface Started {
  process: ChildProcess;
  url: string;
  token: string;
  output: () => string;
}

/** `npm start` as a newcomer runs it (from the build), with no DATABASE_URL: embedded PostgreSQL in DATA_DIR. */
function start(env: NodeJS.ProcessEnv): Promise<Started> {
  const child = spawn(process.execPath, ['dist/src/main.js'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /GraphQL:\s+(\S+)[\s\S]*ADMIN token \(8 hours\):\n(\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ process: child, url: match[1], token: match[2], output: () => output });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${output}`));
    });
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

async function query(url: string, query: string, token?: string) {
  const response = await fetch(url, {
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
    const first = await start(env);
    try {
      const ALLIANCES = '{ alliances { totalCount edges { node { name lead { shortName } } } } }';
      const read = await query(first.url, ALLIANCES);
      expect(read.data.alliances.totalCount).toBe(2);
      expect(read.data.alliances.edges.map((e: any) => e.node)).toEqual([
        { name: 'Allianz für Fachkräfte Baden-Württemberg', lead: { shortName: 'Wirtschaftsministerium' } },
        { name: 'Fachkräftebündnis Heilbronn-Franken', lead: { shortName: 'IHK Heilbronn-Franken' } },
      ]);
      const whoAmI = await query(first.url, '{ auditTrail(entityId: "00000000-0000-4000-8000-000000000000") { id } }', first.token);
      expect(whoAmI.errors).toBeUndefined();
      const reader = execFileSync(process.execPath, ['dist/src/auth/token.cli.js', '--role', 'READER'], { cwd: ROOT, env }).toString().trim();
      await expect(query(first.url, '{ regions(kind: STATE) { code } }', reader)).resolves.toEqual({ data: { regions: [{ code: '08' }] } });
    } finally {
      await expect(stop(first.process)).resolves.toBe(0);
    }

    const second = await start(env);
    try {
      const again = await query(second.url, '{ alliances { totalCount } }', first.token);
      expect(again).toEqual({ data: { alliances: { totalCount: 2 } } });
    } finally {
      await expect(stop(second.process)).resolves.toBe(0);
    }
  });

  it('uses the server DATABASE_URL names: runs the migrations there and loads no demo data', async () => {
    const adminUrl = process.env[ADMIN_URL_VAR]!;
    const name = `registry_start_${randomBytes(6).toString('hex')}`;
    await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
    const started = await start({ ...env, DATABASE_URL: databaseUrl(adminUrl, name), PORT: String(await freePort()) });
    try {
      expect(started.output()).toContain('Database: DATABASE_URL');
      const result = await query(started.url, '{ alliances { totalCount } regions(kind: REGION) { code } }');
      expect(result.data.alliances.totalCount).toBe(0);
      expect(result.data.regions).toHaveLength(12);
    } finally {
      await expect(stop(started.process)).resolves.toBe(0);
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  });
});
