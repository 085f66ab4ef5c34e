import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { Tokens } from '../auth/tokens';
import { Environment, introspectionEnabled } from '../config/environment';
import { errorLoggingPlugin } from './error-logging.plugin';
import { formatError } from './format-error';
import { operationLimitsPlugin } from './operation-limits';
import { CostBudget } from './rate-limit';
import { requestContextFactory } from './request-context';

@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [Environment, Tokens],
      useFactory: (env: Environment, tokens: Tokens) => ({
        path: '/graphql',
        autoSchemaFile: true,
        sortSchema: true,
        graphiql: false,
        playground: false,
        introspection: introspectionEnabled(env),
        allowBatchedHttpRequests: false,
        parseOptions: { maxTokens: env.GRAPHQL_MAX_TOKENS },
        includeStacktraceInErrorResponses: env.NODE_ENV === 'development',
        formatError: formatError(env.NODE_ENV === 'development'),
        context: requestContextFactory(tokens),
        plugins: [
          operationLimitsPlugin(
            { depth: env.GRAPHQL_MAX_DEPTH, cost: env.GRAPHQL_MAX_COST, aliases: env.GRAPHQL_MAX_ALIASES, rootFields: env.GRAPHQL_MAX_ROOT_FIELDS },
            new CostBudget(env.RATE_LIMIT_POINTS_PER_MINUTE),
          ),
          errorLoggingPlugin,
        ],
        autoTransformHttpErrors: false,
      }),
    }),
  ],
})
export class RegistryGraphQLModule {}
