import { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { createLogger, requestLogging } from './common/logging';
import { Environment } from './config/environment';
import { csrfGuard } from './graphql/csrf-guard';
import { ExecutionSlots } from './graphql/execution-slots';

/** HTTP settings the module system cannot express; main.ts and the tests apply the same ones. */
export function configureHttp(app: NestExpressApplication): NestExpressApplication {
  const env = app.get(Environment);
  app.disable('x-powered-by');
  // Before the body parser, so that a refused body (400, 413) still gets a request id and a log line.
  app.use(requestLogging(createLogger(env.LOG_LEVEL)));
  // Without 'unsafe-inline': the overview and GraphiQL pages load their scripts and styles as files.
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          frameAncestors: ["'none'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
        },
      },
      xFrameOptions: { action: 'deny' },
    }),
  );
  // Browsers on other origins get an answer only when CORS_ORIGINS lists theirs; tokens travel
  // in the Authorization header, never in cookies, so credentials stay off.
  app.enableCors({
    origin: env.CORS_ORIGINS.length > 0 ? env.CORS_ORIGINS : false,
    credentials: false,
    methods: ['GET', 'POST'],
    exposedHeaders: ['X-Request-Id', 'Retry-After'],
    maxAge: 600,
  });
  // Waiting callers' bodies stay unread in their sockets until their turn.
  app.use('/graphql', csrfGuard);
  app.use('/graphql', new ExecutionSlots(env.GRAPHQL_MAX_CONCURRENT, env.GRAPHQL_SLOT_STUCK_MS).middleware);
  // Registered before Nest's default JSON parser (100 kB), which then stands aside.
  app.useBodyParser('json', { limit: env.HTTP_BODY_LIMIT });
  return app;
}
