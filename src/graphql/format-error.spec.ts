import { GraphQLError, parse } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { formatError } from './format-error';

/** A resolver's error as Apollo hands it to formatError: wrapped by graphql-js, with the first formatting done. */
function fromResolver(original: Error): [ReturnType<GraphQLError['toJSON']>, GraphQLError] {
  const error = new GraphQLError(original.message, { path: ['alliances'], originalError: original });
  return [{ ...error.toJSON(), extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error];
}

const databaseFault = () =>
  new QueryFailedError(
    'SELECT "a"."secret_column" FROM "alliance" "a" WHERE "a"."id" = $1',
    ['00000000-0000-4000-8000-000000000000'],
    Object.assign(new Error('relation "alliance" does not exist'), { code: '42P01', table: 'alliance' }),
  );

describe('formatError', () => {
  it('masks a database fault that maps to no contract code, without its SQL, outside development', () => {
    const result = formatError(false)(...fromResolver(databaseFault()));
    expect(result).toEqual({ message: 'Internal server error', path: ['alliances'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(result)).not.toMatch(/SELECT|secret_column|does not exist/);
  });

  it('shows the fault in development, where a developer needs it', () => {
    const result = formatError(true)(...fromResolver(databaseFault()));
    expect(result.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(result.message).toContain('does not exist');
  });

  it('reports a document over the token limit as QUERY_TOO_COMPLEX with its real token count', () => {
    let parseError: GraphQLError | undefined;
    try {
      parse('{ a b c d e }', { maxTokens: 4 });
    } catch (error) {
      parseError = error as GraphQLError;
    }
    const apolloSyntaxError = new GraphQLError(parseError!.message, {
      source: parseError!.source,
      positions: parseError!.positions,
      originalError: parseError,
    });
    const result = formatError(false)({ message: parseError!.message, extensions: { code: 'GRAPHQL_PARSE_FAILED' } }, apolloSyntaxError);
    expect(result).toEqual({
      message: 'The document has 7 tokens; the limit is 4',
      extensions: { code: 'QUERY_TOO_COMPLEX', measure: 'tokens', limit: 4, actual: 7 },
    });
  });
});
