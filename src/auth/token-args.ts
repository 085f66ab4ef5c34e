import { parseArgs } from 'node:util';
import { ROLES, Role } from './actor';

export interface TokenRequest {
  sub: string;
  role: Role;
  allianceIds: string[];
  expiresInSeconds: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const TOKEN_USAGE = `Mints a bearer token for the GraphQL API, signed with the service's secret.

Usage: npm run token -- [--role ADMIN|EDITOR|COORDINATOR|READER] [--alliance <id> …] [--sub <name>] [--hours <n>]

  --role      the token's role (default ADMIN)
  --alliance  an alliance a COORDINATOR writes around; repeat for several (COORDINATOR only, at least one)
  --sub       who the token names in the audit trail (default: the role in lower case)
  --hours     how long it is valid (default 8, at most 8760)
  --help      this text

The secret is AUTH_JWT_SECRET, or the one kept in DATA_DIR (default .data): run it with the
DATA_DIR and AUTH_JWT_SECRET of the service that is to accept the token.`;

/** `--role COORDINATOR --alliance <id> [--alliance <id>] [--sub name] [--hours 8]`; null for --help; throws with a usable message. */
export function parseTokenArgs(args: string[]): TokenRequest | null {
  const { values } = parseArgs({
    args,
    options: {
      help: { type: 'boolean', short: 'h', default: false },
      role: { type: 'string', default: 'ADMIN' },
      alliance: { type: 'string', multiple: true, default: [] },
      sub: { type: 'string' },
      hours: { type: 'string', default: '8' },
    },
  });
  if (values.help) return null;
  const role = String(values.role).toUpperCase() as Role;
  if (!ROLES.includes(role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
  const allianceIds = values.alliance.map((id) => id.toLowerCase());
  if (role === 'COORDINATOR' && allianceIds.length === 0) throw new Error('a COORDINATOR token needs at least one --alliance <id>');
  if (role !== 'COORDINATOR' && allianceIds.length > 0) throw new Error('--alliance is for COORDINATOR tokens only');
  const invalid = allianceIds.find((id) => !UUID.test(id));
  if (invalid) throw new Error(`--alliance ${invalid} is not an id`);
  const hours = Number(values.hours);
  if (!Number.isFinite(hours) || hours <= 0 || hours > 24 * 365) throw new Error('--hours must be a number of hours between 0 and 8760');
  return { sub: values.sub ?? role.toLowerCase(), role, allianceIds, expiresInSeconds: Math.round(hours * 3600) };
}
