import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { configureHttp } from './app.setup';
import { Tokens } from './auth/tokens';
import { onShutdownSignal, RequestGate } from './common/graceful-shutdown';
import { createLogger, PinoNestLogger } from './common/logging';
import { loadEnvironment } from './config/environment';
import { openDatabaseServer } from './database/database-server';
import { takeOverShutdownSignals } from './database/embedded-postgres';
import { GraphQLClient } from './demo/graphql-client';
import { loadDemoDataIfEmpty } from './demo/heilbronn-franken';
import { Readiness } from './health/readiness';

async function bootstrap(): Promise<void> {
  const startedAt = Date.now();
  const env = loadEnvironment();
  const logger = createLogger(env.LOG_LEVEL);
  const database = await openDatabaseServer(env);
  env.DATABASE_URL = database.url;
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(env), { logger: new PinoNestLogger(logger) });
  // First of all middleware, so that every request that has begun counts as in flight.
  const gate = new RequestGate();
  app.use(gate.middleware);
  configureHttp(app);
  const loadsDemoData = database.embedded && env.DEMO_DATA;
  const readiness = app.get(Readiness);
  if (loadsDemoData) readiness.waitFor('demo data');
  await app.listen(env.PORT, env.HOST);
  const tokens = app.get(Tokens);
  const localUrl = (await app.getUrl()).replace(/\/\/(\[::\]|0\.0\.0\.0|\[::1\])/, '//127.0.0.1');
  if (loadsDemoData) {
    // A failure here ends the start (bootstrap's catch exits 1): never ready with half the data.
    const loaded = await loadDemoDataIfEmpty(
      new GraphQLClient(`${localUrl}/graphql`, tokens.mint({ sub: 'demo-data', role: 'ADMIN' }, 600)),
    );
    if (loaded) logger.info('loaded the demo data (Heilbronn-Franken) into the empty database');
    readiness.finished();
  }

  // Stopping in this order means no request is cut off mid-write: new requests are refused, the
  // requests in flight finish, then Apollo and the pool close, then the embedded server stops.
  takeOverShutdownSignals();
  onShutdownSignal(logger, [
    ['requests drained', () => gate.drain(app.getHttpServer(), env.SHUTDOWN_GRACE_MS, logger)],
    ['GraphQL and database pool closed', () => app.close()],
    ['database server stopped', () => database.stop()],
  ]);

  const host = env.HOST === '0.0.0.0' || env.HOST === '::' ? 'localhost' : env.HOST;
  const url = `http://${host}:${env.PORT}`;
  logger.info({ url, embeddedDatabase: database.embedded, startupMs: Date.now() - startedAt }, 'Allianzregister is ready');
  if (env.NODE_ENV !== 'production') {
    const token = tokens.mint({ sub: 'admin', role: 'ADMIN' });
    process.stdout.write(
      `\nAllianzregister is ready in ${Date.now() - startedAt} ms\n  GraphQL:  ${url}/graphql\n  Health:   ${url}/health/ready\n  Database: ${database.embedded ? `embedded PostgreSQL in ${env.DATA_DIR}` : 'DATABASE_URL'}\n\nADMIN token (8 hours):\n${token}\n\n`,
    );
  }
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
