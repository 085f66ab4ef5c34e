import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

const BUILT = join(__dirname, '..', '..', 'dist', 'src', 'database', 'embedded-postgres.js');

// Ends the server when stdin closes: on stop(), and also when the test process dies first.
const SCRIPT = `
const { startEmbeddedPostgres } = require(${JSON.stringify(BUILT)});
const [dataDir, port] = process.argv.slice(1);
startEmbeddedPostgres(dataDir, { port: port ? Number(port) : undefined }).then(
  (server) => {
    process.stdout.write(server.url + '\\n');
    process.stdin.on('end', () => server.stop().then(() => process.exit(0)));
    process.stdin.resume();
  },
  (error) => { console.error(error); process.exit(1); },
);`;

export interface EmbeddedServerProcess {
  url: string;
  port: number;
  /** Stops PostgreSQL as `pg_ctl stop -m fast` would (SIGINT) and resolves when it has exited. */
  stop(): Promise<void>;
  /**
   * Freezes the server and every backend (SIGSTOP), as a host that stops answering without
   * closing its connections; returns the function that thaws them (SIGCONT). Linux only.
   */
  freeze(): () => void;
}

/** The postmaster of the server in `dataDir` and its children (the backends), read from /proc. */
function serverProcesses(dataDir: string): number[] {
  const postmaster = Number(readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
  const parentOf = (pid: number) => {
    try {
      // /proc/<pid>/stat: "pid (name) state ppid …"; the name may hold spaces, so read after the last ')'.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    } catch {
      return -1;
    }
  };
  const children = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => parentOf(pid) === postmaster);
  return [postmaster, ...children];
}

/**
 * startEmbeddedPostgres (from the build) in a child process, for a test that stops and starts a
 * server of its own; the child stops it when its stdin closes, also when the test process dies first.
 */
export function startEmbeddedServerProcess(dataDir: string, port?: number): Promise<EmbeddedServerProcess> {
  const child = spawn(process.execPath, ['-e', SCRIPT, dataDir, port ? String(port) : ''], { stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /^(postgres:\/\/\S+)$/m.exec(output)?.[1];
      if (!url) return;
      child.removeAllListeners('exit');
      resolve({
        url,
        port: Number(new URL(url).port),
        stop: () =>
          new Promise((stopped) => {
            child.once('exit', () => stopped());
            child.stdin.end();
          }),
        freeze: () => {
          const frozen = serverProcesses(dataDir);
          for (const pid of frozen) process.kill(pid, 'SIGSTOP');
          return () => frozen.forEach((pid) => process.kill(pid, 'SIGCONT'));
        },
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the embedded server did not start (exit ${code}):\n${output}`)));
  });
}

/**
 * A server of the test file's own where nothing commits but the test: the response cache keys its
 * answers by PostgreSQL's snapshot, which any commit on the server moves (other files' writes,
 * autovacuum's ANALYZE), so a test that needs a cache hit to be certain runs here. stop() also
 * removes its data folder.
 */
export async function startQuietServer(name: string): Promise<{ url: string; stop(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), `allianzregister-${name}-`));
  const server = await startEmbeddedServerProcess(dataDir);
  const admin = new Client({ connectionString: server.url });
  await admin.connect();
  await admin.query('ALTER SYSTEM SET autovacuum = off');
  await admin.query('SELECT pg_reload_conf()');
  await admin.end();
  return {
    url: server.url,
    async stop() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
