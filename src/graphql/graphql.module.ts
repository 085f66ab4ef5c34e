import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { Tokens } from '../auth/tokens';
import { Environment } from '../config/environment';
import { errorLoggingPlugin } from './error-logging.plugin';
import { formatError } from './format-error';
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
        introspection: true,
        includeStacktraceInErrorResponses: env.NODE_ENV === 'development',
        formatError: formatError(env.NODE_ENV === 'development'),
        context: requestContextFactory(tokens),
        plugins: [errorLoggingPlugin],
        autoTransformHttpErrors: false,
      }),
    }),
  ],
})
export class RegistryGraphQLModule {}
