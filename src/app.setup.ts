import { NestExpressApplication } from '@nestjs/platform-express';

/** HTTP settings the module system cannot express; main.ts and the tests apply the same ones. */
export function configureHttp(app: NestExpressApplication): NestExpressApplication {
  app.disable('x-powered-by');
  return app;
}
