import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) =>
  value === undefined || value === ''
    ? undefined
    : value === true || (typeof value === 'string' && ['true', '1', 'yes'].includes(value.toLowerCase()));
const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '')
    : value;

/** Every variable the service reads; README.md documents each with the default given here. */
export class Environment {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '127.0.0.1';

  @IsOptional()
  @IsString()
  DATABASE_URL?: string;

  @IsString()
  DATA_DIR = '.data';

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'AUTH_JWT_SECRET must be at least 32 characters' })
  AUTH_JWT_SECRET?: string;

  @Transform(toBoolean)
  @IsBoolean()
  PUBLIC_READ = true;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DB_POOL_SIZE = 10;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  DB_STATEMENT_TIMEOUT_MS = 10000;

  /** How long a request waits to open a connection or for a free one before it fails. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  DB_CONNECT_TIMEOUT_MS = 2000;

  /** How long SIGTERM waits for requests in flight before it cuts their connections. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  SHUTDOWN_GRACE_MS = 10000;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Load the demo data into an empty embedded database at start-up. */
  @Transform(toBoolean)
  @IsBoolean()
  DEMO_DATA = true;

  /** Unset: on in development and test, off in production (see introspectionEnabled). */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  GRAPHQL_INTROSPECTION?: boolean;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  GRAPHQL_MAX_DEPTH = 12;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  GRAPHQL_MAX_COST = 50000;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  GRAPHQL_MAX_ALIASES = 30;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  GRAPHQL_MAX_ROOT_FIELDS = 20;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  GRAPHQL_MAX_TOKENS = 5000;

  /** Per token subject, or per client address when anonymous; an operation spends its cost. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_POINTS_PER_MINUTE = 100000;

  /** GraphQL requests worked on at once; more wait for a slot, in order of arrival. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  GRAPHQL_MAX_CONCURRENT = 4;

  /** Once every slot has been held this long, the requests waiting for one are let through. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  GRAPHQL_SLOT_STUCK_MS = 1000;

  /**
   * Relations that declare their SQL are read, a whole subtree at once, as JSON built by
   * PostgreSQL; false reads every relation through the loaders instead (same answers, more statements).
   */
  @Transform(toBoolean)
  @IsBoolean()
  GRAPHQL_SQL_PROJECTION = true;

  /**
   * Operations are compiled once (graphql-jit) and run as JavaScript; false lets graphql-js
   * interpret each one (same answers, more CPU per field).
   */
  @Transform(toBoolean)
  @IsBoolean()
  GRAPHQL_COMPILED_EXECUTION = true;

  /** How many operations are kept compiled (those used last); each holds its generated code. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  GRAPHQL_COMPILED_OPERATIONS = 200;

  /** Memory for answers to repeated queries, in MB; 0 turns the response cache off. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  RESPONSE_CACHE_MB = 64;

  /** A size as Express's body parser reads it, e.g. 1mb or 500kb. */
  @Matches(/^\d+(b|kb|mb)$/i, { message: 'HTTP_BODY_LIMIT must be a size like 1mb, 500kb or 4096b' })
  HTTP_BODY_LIMIT = '1mb';

  /** Origins allowed to call the API from a browser; empty: no cross-origin access. */
  @Transform(toList)
  @Matches(/^https?:\/\/[^/\s]+$/, {
    each: true,
    message: 'CORS_ORIGINS must be comma-separated origins like https://dashboard.example.org',
  })
  CORS_ORIGINS: string[] = [];
}

export const introspectionEnabled = (env: Environment) => env.GRAPHQL_INTROSPECTION ?? env.NODE_ENV !== 'production';

export class InvalidEnvironmentError extends Error {}

/** Validates the environment once, at boot; an invalid value stops the service with a list of what is wrong. */
export function loadEnvironment(source: NodeJS.ProcessEnv = process.env): Environment {
  const names = [...Object.keys(new Environment()), 'DATABASE_URL', 'AUTH_JWT_SECRET', 'GRAPHQL_INTROSPECTION'];
  const defined = Object.fromEntries(
    names.filter((name) => source[name] !== undefined && source[name] !== '').map((name) => [name, source[name]]),
  );
  const env = plainToInstance(Environment, defined, { exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: false });
  if (errors.length > 0) {
    const lines = errors.flatMap((error) => Object.values(error.constraints ?? {}).map((text) => `  ${error.property}: ${text}`));
    throw new InvalidEnvironmentError(`Invalid environment:\n${lines.join('\n')}`);
  }
  return env;
}
