import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, Min, MinLength, validateSync } from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : ['true', '1', 'yes'].includes(String(value).toLowerCase());
const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

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

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Load the demo data into an empty embedded database at start-up. */
  @Transform(toBoolean)
  @IsBoolean()
  DEMO_DATA = true;
}

export class InvalidEnvironmentError extends Error {}

/** Validates the environment once, at boot; an invalid value stops the service with a list of what is wrong. */
export function loadEnvironment(source: NodeJS.ProcessEnv = process.env): Environment {
  const names = [...Object.keys(new Environment()), 'DATABASE_URL', 'AUTH_JWT_SECRET'];
  const defined = Object.fromEntries(names.filter((name) => source[name] !== undefined && source[name] !== '').map((name) => [name, source[name]]));
  const env = plainToInstance(Environment, defined, { exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: false });
  if (errors.length > 0) {
    const lines = errors.flatMap((error) => Object.values(error.constraints ?? {}).map((text) => `  ${error.property}: ${text}`));
    throw new InvalidEnvironmentError(`Invalid environment:\n${lines.join('\n')}`);
  }
  return env;
}
