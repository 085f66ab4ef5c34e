import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Environment } from '../config/environment';

/**
 * AUTH_JWT_SECRET, or outside production a secret generated once and kept in DATA_DIR, so tokens
 * minted by `npm run token` stay valid across restarts of a development service.
 */
export function resolveJwtSecret(env: Environment): string {
  if (env.AUTH_JWT_SECRET) return env.AUTH_JWT_SECRET;
  if (env.NODE_ENV === 'production') throw new Error('AUTH_JWT_SECRET must be set in production');
  const file = join(env.DATA_DIR, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(env.DATA_DIR, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
