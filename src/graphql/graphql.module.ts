import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { MiddlewareConsumer, Module, NestModule, NotFoundException, RequestMethod } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { Tokens } from '../auth/tokens';
import { Environment, introspectionEnabled } from '../config/environment';
import { DataVersion } from '../database/data-version';
import { PlainRows } from '../database/plain-rows';
import { errorLoggingPlugin } from './error-logging.plugin';
import { formatError } from './format-error';
import { knownOperationTypesRule } from './known-operation-types.rule';
import { operationLimitsPlugin } from './operation-limits';
import { PrefetchInterceptor } from './prefetch.interceptor';
import { CostBudget } from './rate-limit';
import { requestContextFactory } from './request-context';
import { ResolverErrorsFilter } from './resolver-errors.filter';
import { ResponseCache } from './response-cache';
import { answerFromProjections, SqlProjection } from './sql-projection';
import { Execution } from './execution';

@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [Environment, Tokens, DataVersion, PlainRows],
      useFactory: (env: Environment, tokens: Tokens, dataVersion: DataVersion, rows: PlainRows) => {
        const cache =
          env.RESPONSE_CACHE_MB > 0
            ? new ResponseCache({ maxBytes: env.RESPONSE_CACHE_MB * 1024 * 1024, publicRead: env.PUBLIC_READ, dataVersion })
            : null;
        const execution = new Execution(env.GRAPHQL_COMPILED_EXECUTION, env.GRAPHQL_COMPILED_OPERATIONS);
        const config: ApolloDriverConfig = {
          path: '/graphql',
          autoSchemaFile: true,
          transformSchema: (schema) => execution.serve(answerFromProjections(schema)),
          sortSchema: true,
          graphiql: false,
          playground: false,
          introspection: introspectionEnabled(env),
          allowBatchedHttpRequests: false,
          // csrf-guard.ts applies the same rule before Apollo and says which header to send.
          csrfPrevention: false,
          parseOptions: { maxTokens: env.GRAPHQL_MAX_TOKENS },
          validationRules: [knownOperationTypesRule],
          includeStacktraceInErrorResponses: env.NODE_ENV === 'development',
          formatError: formatError(env.NODE_ENV === 'development', env.GRAPHQL_MAX_TOKENS),
          context: requestContextFactory(tokens, rows),
          plugins: [
            operationLimitsPlugin(
              {
                depth: env.GRAPHQL_MAX_DEPTH,
                cost: env.GRAPHQL_MAX_COST,
                aliases: env.GRAPHQL_MAX_ALIASES,
                rootFields: env.GRAPHQL_MAX_ROOT_FIELDS,
              },
              new CostBudget(env.RATE_LIMIT_POINTS_PER_MINUTE),
            ),
            errorLoggingPlugin,
            ...(cache ? [cache.plugin()] : []),
            // No response sets cache hints; left on, Apollo wraps every field's resolver to collect
            // them, which measured as 8 % of an alliance list's CPU time (issue 5).
            ApolloServerPluginCacheControlDisabled(),
          ],
          ...(cache ? { stringifyResult: cache.stringifyResult } : {}),
          autoTransformHttpErrors: false,
        };
        // Nest's config type leaves `gateway` out, but hands every option to ApolloServer as it is
        // (test/framework-internals.e2e-spec.ts checks that operations run through it).
        return Object.assign(config, { gateway: execution });
      },
    }),
  ],
  providers: [
    SqlProjection,
    { provide: APP_INTERCEPTOR, useClass: PrefetchInterceptor },
    { provide: APP_FILTER, useClass: ResolverErrorsFilter },
  ],
})
export class RegistryGraphQLModule implements NestModule {
  /** Apollo is mounted on /graphql as a prefix; without this, /graphql/anything would be the API too. */
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(() => {
        throw new NotFoundException();
      })
      .forRoutes({ path: 'graphql/*path', method: RequestMethod.ALL });
  }
}
