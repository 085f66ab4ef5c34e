import { GraphQLError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { DomainError } from '../common/domain-error';
import { databaseErrorToDomain } from '../database/database-errors';
import { RequestContext } from './request-context';

interface ErrorListener {
  didEncounterErrors(request: { errors: readonly GraphQLError[]; contextValue: RequestContext }): Promise<void>;
}

/**
 * Logs the errors a caller cannot fix (bugs, database faults) with the request's id; expected
 * ones are not noise. Typed structurally: @nestjs/apollo sees @apollo/server's ESM typings and
 * this file its CommonJS ones, which TypeScript treats as different types.
 */
export const errorLoggingPlugin: { requestDidStart(): Promise<ErrorListener> } = {
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors, contextValue }) {
        for (const error of errors) {
          const original = unwrapResolverError(error);
          if (original instanceof DomainError) continue;
          if (databaseErrorToDomain(original)) continue;
          if (!error.path) continue;
          const log = (contextValue?.req as unknown as { log?: { error: (o: object, m: string) => void } })?.log;
          log?.error({ err: original, path: error.path }, 'GraphQL operation failed');
        }
      },
    };
  },
};
