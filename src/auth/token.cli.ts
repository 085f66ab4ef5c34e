import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadEnvironment } from '../config/environment';
import { ROLES, Role } from './actor';
import { resolveJwtSecret } from './jwt-secret';
import { Tokens } from './tokens';

/** npm run token -- --role COORDINATOR --alliance <id> [--alliance <id>] [--sub name] [--hours 8] */
function main(): void {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', default: 'ADMIN' },
      alliance: { type: 'string', multiple: true, default: [] },
      sub: { type: 'string' },
      hours: { type: 'string', default: '8' },
    },
  });
  const role = String(values.role).toUpperCase() as Role;
  if (!ROLES.includes(role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
  if (role === 'COORDINATOR' && values.alliance.length === 0) throw new Error('a COORDINATOR token needs at least one --alliance <id>');
  const hours = Number(values.hours);
  if (!Number.isFinite(hours) || hours <= 0) throw new Error('--hours must be a positive number');
  const tokens = new Tokens(resolveJwtSecret(loadEnvironment()));
  process.stdout.write(`${tokens.mint({ sub: values.sub ?? role.toLowerCase(), role, allianceIds: values.alliance }, Math.round(hours * 3600))}\n`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}
