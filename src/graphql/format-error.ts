import { unwrapResolverError } from '@apollo/server/errors';
import { ASTNode, GraphQLError, GraphQLFormattedError, Kind, parse, visit } from 'graphql';
import { DomainError } from '../common/domain-error';
import { databaseErrorToDomain } from '../database/database-errors';
import { isDatabaseUnavailable } from '../database/database-unavailable';
import { tokenLimitError } from './operation-limits';
import { ScalarFormError } from './scalars';

/** Codes that GraphQL and Apollo raise before any resolver runs, kept as the contract names them. */
const PASSED_THROUGH = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'QUERY_TOO_COMPLEX',
  'RATE_LIMITED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
]);
const RENAMED: Record<string, string> = {
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  OPERATION_RESOLUTION_FAILURE: 'GRAPHQL_VALIDATION_FAILED',
  BAD_REQUEST: 'BAD_USER_INPUT',
};

/**
 * The input field or argument a value written inline in the document was given for: graphql-js
 * reports a literal the scalar refuses at the value, without naming where it stands, so the
 * document is read again to find the object field or argument whose value starts there.
 */
function literalField(error: GraphQLError): string | undefined {
  const position = error.positions?.[0];
  if (!error.source || position === undefined) return undefined;
  let field: string | undefined;
  visit(parse(error.source), {
    enter(node: ASTNode) {
      if ((node.kind === Kind.OBJECT_FIELD || node.kind === Kind.ARGUMENT) && node.value.loc?.start === position) field = node.name.value;
    },
  });
  return field;
}

/**
 * A Date or DateTime written inline that is not one: BAD_USER_INPUT naming the field, with the
 * form it must have. (One in a variable is refused before execution, by variables.ts.)
 */
function scalarFormError(error: unknown, formatted: GraphQLFormattedError): GraphQLFormattedError | null {
  if (!(error instanceof GraphQLError)) return null;
  let cause = error.originalError;
  while (cause instanceof GraphQLError) cause = cause.originalError;
  if (!(cause instanceof ScalarFormError)) return null;
  const field = literalField(error) ?? 'value';
  const message = `${field} ${cause.message}`;
  return { message, locations: formatted.locations, extensions: { code: 'BAD_USER_INPUT', fields: [{ field, message }] } };
}

/** What a caller is told when the database cannot be reached: not a bug and not the caller's fault, a code to retry on. */
export function databaseUnavailable(at: Pick<GraphQLFormattedError, 'locations' | 'path'> = {}): GraphQLFormattedError {
  return {
    message: 'The database is not reachable; try again shortly',
    locations: at.locations,
    path: at.path,
    extensions: { code: 'SERVICE_UNAVAILABLE' },
  };
}

/**
 * The one place where errors become GraphQL errors: domain errors and database constraint
 * violations get the contract's code; anything unexpected is masked (its detail is logged by
 * the error-logging plugin) unless the service runs in development.
 */
export function formatError(development: boolean, maxTokens: number) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const tooManyTokens = tokenLimitError(error, maxTokens);
    if (tooManyTokens) return tooManyTokens;
    const badForm = scalarFormError(error, formatted);
    if (badForm) return badForm;
    const original = unwrapResolverError(error);
    const domain = original instanceof DomainError ? original : databaseErrorToDomain(original);
    if (domain) {
      return {
        message: domain.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { ...domain.details, code: domain.code },
      };
    }
    if (isDatabaseUnavailable(original)) return databaseUnavailable(formatted);
    const code = typeof formatted.extensions?.code === 'string' ? formatted.extensions.code : '';
    if (PASSED_THROUGH.has(code) || RENAMED[code]) {
      const { stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions: { ...(development ? { stacktrace } : {}), ...extensions, code: RENAMED[code] ?? code } };
    }
    if (development) return { ...formatted, extensions: { ...formatted.extensions, code: 'INTERNAL_SERVER_ERROR' } };
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
