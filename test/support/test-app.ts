import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource, Logger as TypeOrmLogger } from 'typeorm';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from '../../src/app.module';
import { configureHttp } from '../../src/app.setup';
import { Role } from '../../src/auth/actor';
import { Tokens } from '../../src/auth/tokens';
import { Environment } from '../../src/config/environment';
import { createTestDatabase } from './test-database';

/** For tests that count the statements a query runs as it runs: a cached answer would run none. */
export const WITHOUT_RESPONSE_CACHE: Partial<Environment> = { RESPONSE_CACHE_MB: 0 };

/**
 * The plain way to answer, which the fast ways are held to: graphql-js interprets each operation
 * and the loaders read every relation (no compiled execution, no SQL projection).
 */
export const PLAIN_EXECUTION: Partial<Environment> = { GRAPHQL_SQL_PROJECTION: false, GRAPHQL_COMPILED_EXECUTION: false };

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-signing';

export interface GqlResponse<T = Record<string, any>> {
  status: number;
  data: T | null;
  errors?: {
    message: string;
    path?: string[];
    extensions: { code: string; fields?: { field: string; message: string }[]; [key: string]: unknown };
  }[];
}

/** Counts the SQL statements the service sends, to prove that lists do not issue N+1 queries. */
class StatementCounter implements TypeOrmLogger {
  count = 0;
  statements: string[] = [];
  logQuery(query: string) {
    if (/^(START TRANSACTION|COMMIT|ROLLBACK|BEGIN)/i.test(query)) return;
    this.count += 1;
    this.statements.push(query);
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}

export interface TestApp {
  app: INestApplication;
  url: string;
  dataSource: DataSource;
  /** POST /graphql with JSON; pass `token` to authenticate. */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, options?: { token?: string }): Promise<GqlResponse<T>>;
  token(role: Role, options?: { sub?: string; allianceIds?: string[] }): string;
  tokens: { admin: string; editor: string; reader: string };
  /** Runs `work` and returns how many SQL statements it caused. */
  countStatements(work: () => Promise<unknown>): Promise<number>;
  /** Runs `work` and returns the SQL statements it caused, in order. */
  statementsDuring(work: () => Promise<unknown>): Promise<string[]>;
  /** Statements sent since the app started: to wait for requests to reach a point. */
  statementsSent(): number;
  close(): Promise<void>;
}

/**
 * The whole service on a free port, on a database of its own made from the migrated template;
 * or, with DATABASE_URL among the overrides, on that database (migrated on start, not dropped).
 */
export async function createTestApp(overrides: Partial<Environment> = {}): Promise<TestApp> {
  const database = overrides.DATABASE_URL ? { url: overrides.DATABASE_URL, drop: async () => undefined } : await createTestDatabase();
  const env = Object.assign(new Environment(), {
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: 'silent',
    DB_POOL_SIZE: 5,
    ...overrides,
  });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(env)] }).compile();
  const app = configureHttp(moduleRef.createNestApplication<NestExpressApplication>({ logger: false }));
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const dataSource = app.get(DataSource);
  const counter = new StatementCounter();
  (dataSource as unknown as { logger: TypeOrmLogger }).logger = counter;
  const tokens = app.get(Tokens);
  const token = (role: Role, options: { sub?: string; allianceIds?: string[] } = {}) =>
    tokens.mint({ sub: options.sub ?? role.toLowerCase(), role, allianceIds: options.allianceIds });

  return {
    app,
    url,
    dataSource,
    token,
    tokens: { admin: token('ADMIN'), editor: token('EDITOR'), reader: token('READER') },
    async gql(query, variables, options = {}) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: any; errors?: GqlResponse['errors'] };
      return { status: response.status, data: body.data ?? null, errors: body.errors };
    },
    statementsSent: () => counter.count,
    async countStatements(work) {
      const before = counter.count;
      await work();
      return counter.count - before;
    },
    async statementsDuring(work) {
      const before = counter.statements.length;
      await work();
      return counter.statements.slice(before);
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
