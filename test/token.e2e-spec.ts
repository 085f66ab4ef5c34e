import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseTokenArgs, TOKEN_USAGE } from '../src/auth/token-args';
import { Tokens } from '../src/auth/tokens';
import { insertAlliance } from './support/factories';
import { createTestApp, TEST_JWT_SECRET, TestApp } from './support/test-app';

describe('npm run token', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('reads role, alliances, subject and lifetime from the arguments', () => {
    const id = '3f0c8a4e-3b7a-4f0e-9d1c-2b8e6a5f4c3d';
    expect(parseTokenArgs(['--role', 'coordinator', '--alliance', id.toUpperCase(), '--sub', 'koordination-hn', '--hours', '2'])).toEqual({
      sub: 'koordination-hn',
      role: 'COORDINATOR',
      allianceIds: [id],
      expiresInSeconds: 7200,
    });
    expect(parseTokenArgs([])).toEqual({ sub: 'admin', role: 'ADMIN', allianceIds: [], expiresInSeconds: 8 * 3600 });
  });

  it.each([
    [['--role', 'KING'], /--role must be one of/],
    [['--role', 'COORDINATOR'], /needs at least one --alliance/],
    [['--role', 'EDITOR', '--alliance', '3f0c8a4e-3b7a-4f0e-9d1c-2b8e6a5f4c3d'], /COORDINATOR tokens only/],
    [['--role', 'COORDINATOR', '--alliance', 'heilbronn'], /is not an id/],
    [['--hours=-1'], /--hours must be/],
    [['--hours', 'soon'], /--hours must be/],
  ])('refuses %j', (args, message) => {
    expect(() => parseTokenArgs(args)).toThrow(message);
  });

  it('mints a coordinator token the service accepts for that alliance only', async () => {
    const own = await insertAlliance(t.dataSource);
    const other = await insertAlliance(t.dataSource);
    const request = parseTokenArgs(['--role', 'COORDINATOR', '--alliance', own, '--sub', 'koordination'])!;
    const token = new Tokens(TEST_JWT_SECRET).mint(request, request.expiresInSeconds);
    const update = `mutation($id: ID!) { updateAlliance(input: { id: $id, expectedVersion: 1, description: "Koordiniert" }) { version } }`;
    await expect(t.gql(update, { id: own }, { token })).resolves.toMatchObject({ data: { updateAlliance: { version: 2 } } });
    const denied = await t.gql(update, { id: other }, { token });
    expect(denied.errors![0].extensions.code).toBe('FORBIDDEN');
    const trail = await t.gql(`query($id: ID!) { auditTrail(entityId: $id) { actor } }`, { id: own }, { token: t.tokens.reader });
    expect(trail.data!.auditTrail).toEqual([{ actor: 'koordination' }]);
  });

  describe('the built command', () => {
    const ROOT = join(__dirname, '..');
    const { AUTH_JWT_SECRET: _secret, ...rest } = process.env;
    const run = (args: string[], env: NodeJS.ProcessEnv) =>
      spawnSync(process.execPath, ['dist/src/auth/token.cli.js', ...args], {
        cwd: ROOT,
        env: { ...rest, NODE_ENV: 'development', ...env },
      });

    it('prints its usage for --help, and with a mistake', () => {
      const help = run(['--help'], { DATA_DIR: mkdtempSync(join(tmpdir(), 'token-')) });
      expect(help.status).toBe(0);
      expect(help.stdout.toString().trim()).toBe(TOKEN_USAGE);
      const wrong = run(['--role', 'KING'], { DATA_DIR: mkdtempSync(join(tmpdir(), 'token-')) });
      expect(wrong.status).toBe(2);
      expect(wrong.stderr.toString()).toContain('--role must be one of');
      expect(wrong.stderr.toString()).toContain('Usage: npm run token');
    });

    it("says which DATA_DIR's secret signed the token, and a token verifies only with that secret", () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'token-'));
      const minted = run(['--role', 'READER', '--sub', 'leserin'], { DATA_DIR: dataDir });
      expect(minted.status).toBe(0);
      expect(minted.stderr.toString()).toBe(
        `READER token for leserin, signed with the secret from ${join(dataDir, 'jwt-secret')} (DATA_DIR=${dataDir})\n`,
      );
      const token = minted.stdout.toString().trim();
      const secret = readFileSync(join(dataDir, 'jwt-secret'), 'utf8').trim();
      expect(new Tokens(secret).verify(token)).toMatchObject({ sub: 'leserin', role: 'READER' });
      expect(() => new Tokens(TEST_JWT_SECRET).verify(token)).toThrow();
      const fromEnv = run(['--role', 'EDITOR'], { DATA_DIR: dataDir, AUTH_JWT_SECRET: TEST_JWT_SECRET });
      expect(fromEnv.stderr.toString()).toContain('signed with the secret from AUTH_JWT_SECRET');
    });
  });
});
