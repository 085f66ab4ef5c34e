import 'reflect-metadata';
import { loadEnvironment } from '../config/environment';
import { resolveJwtSecret } from './jwt-secret';
import { parseTokenArgs } from './token-args';
import { Tokens } from './tokens';

/** npm run token -- --role COORDINATOR --alliance <id> [--sub name] [--hours 8] */
try {
  const request = parseTokenArgs(process.argv.slice(2));
  const tokens = new Tokens(resolveJwtSecret(loadEnvironment()));
  process.stdout.write(`${tokens.mint(request, request.expiresInSeconds)}\n`);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}
