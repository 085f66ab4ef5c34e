import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export interface ServiceProcess {
  process: ChildProcess;
  /** http://host:port, without a path. */
  url: string;
  /** The ADMIN token it printed. */
  token: string;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** Its exit code, once it has exited. */
  exited: Promise<number | null>;
}

/**
 * The built service (`node dist/src/main.js`, as `npm start` runs it) as a child process;
 * resolves once it has printed its URL and ADMIN token, which it does outside production.
 * `processGroup`: in a process group of its own, as a terminal runs it (Ctrl-C signals the group).
 * `cwd`: the project folder it runs from, this one by default.
 */
export function startService(env: NodeJS.ProcessEnv, options: { processGroup?: boolean; cwd?: string } = {}): Promise<ServiceProcess> {
  const child = spawn(process.execPath, ['dist/src/main.js'], {
    cwd: options.cwd ?? ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.processGroup ?? false,
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /GraphQL:\s+(\S+)\/graphql[\s\S]*ADMIN token \(8 hours\):\n(\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ process: child, url: match[1], token: match[2], output: () => output, exited });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${output}`));
    });
  });
}
