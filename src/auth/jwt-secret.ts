import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Environment } from '../config/environment';

/**
 * AUTH_JWT_SECRET, or outside production a secret generated once and kept in DATA_DIR, so tokens
 * minted by `npm run token` stay valid across restarts of a development service.
 */
export function resolveJwtSecret(env: Environment): string {
  if (env.AUTH_JWT_SECRET) return env.AUTH_JWT_SECRET;
  if (env.NODE_ENV === 'production') throw new Error('AUTH_JWT_SECRET must be set in production');
  const file = jwtSecretFile(env);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(env.DATA_DIR, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

const jwtSecretFile = (env: Environment) => resolve(env.DATA_DIR, 'jwt-secret');

/** Where resolveJwtSecret takes the secret from, in words: a token minted with another secret is silently invalid. */
export function jwtSecretSource(env: Environment): string {
  return env.AUTH_JWT_SECRET ? 'AUTH_JWT_SECRET' : `${jwtSecretFile(env)} (DATA_DIR=${env.DATA_DIR})`;
}
