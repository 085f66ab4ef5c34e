import { parseArgs } from 'node:util';
import { ROLES, Role } from './actor';

export interface TokenRequest {
  sub: string;
  role: Role;
  allianceIds: string[];
  expiresInSeconds: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `--role COORDINATOR --alliance <id> [--alliance <id>] [--sub name] [--hours 8]`; throws with a usable message. */
export function parseTokenArgs(args: string[]): TokenRequest {
  const { values } = parseArgs({
    args,
    options: {
      role: { type: 'string', default: 'ADMIN' },
      alliance: { type: 'string', multiple: true, default: [] },
      sub: { type: 'string' },
      hours: { type: 'string', default: '8' },
    },
  });
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
