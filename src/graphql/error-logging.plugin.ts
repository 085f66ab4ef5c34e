import { GraphQLError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { DomainError } from '../common/domain-error';
import type { LoggedRequest } from '../common/logging';
import { databaseErrorToDomain } from '../database/database-errors';
import { RequestContext } from './request-context';

interface RequestListener {
  didResolveOperation(request: { operationName?: string | null; contextValue: RequestContext }): Promise<void>;
  didEncounterErrors(request: { errors: readonly GraphQLError[]; contextValue: RequestContext }): Promise<void>;
}

type LogSink = { error: (details: object, message: string) => void };

/**
 * Names the operation in the request's log line, and logs the errors a caller cannot fix (bugs,
 * database faults) with the request's id at error; a caller's mistakes are answered, not logged
 * as errors. Typed structurally: @nestjs/apollo sees @apollo/server's ESM typings and this file
 * its CommonJS ones, which TypeScript treats as different types.
 */
export const errorLoggingPlugin: { requestDidStart(): Promise<RequestListener> } = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operationName, contextValue }) {
        (contextValue.req as unknown as LoggedRequest).graphqlOperation = operationName ?? '(anonymous)';
      },
      async didEncounterErrors({ errors, contextValue }) {
        for (const error of errors) {
          const original = unwrapResolverError(error);
          if (original instanceof DomainError) continue;
          if (databaseErrorToDomain(original)) continue;
          if (!error.path) continue;
          const log = (contextValue?.req as unknown as { log?: LogSink })?.log;
          log?.error({ err: original, path: error.path }, 'GraphQL operation failed');
        }
      },
    };
  },
};
