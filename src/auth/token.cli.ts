import 'reflect-metadata';
import { loadEnvironment } from '../config/environment';
import { jwtSecretSource, resolveJwtSecret } from './jwt-secret';
import { parseTokenArgs, TOKEN_USAGE } from './token-args';
import { Tokens } from './tokens';

/** npm run token -- --role COORDINATOR --alliance <id> [--sub name] [--hours 8]; the token on stdout, what it used on stderr. */
try {
  const request = parseTokenArgs(process.argv.slice(2));
  if (request) {
    const env = loadEnvironment();
    const tokens = new Tokens(resolveJwtSecret(env));
    process.stdout.write(`${tokens.mint(request, request.expiresInSeconds)}\n`);
    process.stderr.write(`${request.role} token for ${request.sub}, signed with the secret from ${jwtSecretSource(env)}\n`);
  } else {
    process.stdout.write(`${TOKEN_USAGE}\n`);
  }
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${TOKEN_USAGE}\n`);
  process.exit(2);
}
