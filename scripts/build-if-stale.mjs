// Builds the project unless dist/ is newer than every source it is built from, so that a command
// run from the built code (npm run token) starts at once when nothing has changed.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const built = join(root, 'dist', 'src', 'main.js');

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const sources = ['src', 'migrations', 'public', 'package.json', 'tsconfig.json', 'tsconfig.build.json', 'nest-cli.json'];
const stale = !existsSync(built) || sources.some((source) => newest(join(root, source)) > statSync(built).mtimeMs);
if (stale)
  execFileSync(process.execPath, [join(root, 'node_modules', '@nestjs', 'cli', 'bin', 'nest.js'), 'build'], {
    cwd: root,
    stdio: 'inherit',
  });
