import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { explorerForBrowsers, OverviewController } from './overview.controller';

/** The overview page at GET /, the review page for press releases at GET /releases/new, their assets, and the GraphQL explorer for browsers at GET /graphql. */
@Module({ controllers: [OverviewController] })
export class OverviewModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(explorerForBrowsers).forRoutes({ path: 'graphql', method: RequestMethod.GET });
  }
}
