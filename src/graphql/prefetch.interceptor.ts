import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { mergeMap, Observable } from 'rxjs';
import { Environment } from '../config/environment';
import { dayOf } from './point-in-time';
import { prefetch } from './prefetch';
import type { RequestContext } from './request-context';
import { SqlProjection } from './sql-projection';

/** Runs a prefetch below every query field's value before graphql-js descends into it. */
@Injectable()
export class PrefetchInterceptor implements NestInterceptor {
  private readonly projection: SqlProjection | null;

  constructor(env: Environment, projection: SqlProjection) {
    this.projection = env.GRAPHQL_SQL_PROJECTION ? projection : null;
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<GqlContextType>() !== 'graphql') return next.handle();
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<GraphQLResolveInfo>();
    if (info.parentType !== info.schema.getQueryType()) return next.handle();
    return next.handle().pipe(
      mergeMap(async (value: unknown) => {
        const context = gql.getContext<RequestContext>();
        await prefetch(info, value, context, this.projection && { sql: this.projection, day: dayOf(context, info) });
        return value;
      }),
    );
  }
}
