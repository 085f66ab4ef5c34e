import { GraphQLError, GraphQLFormattedError, parse } from 'graphql';
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
    const result = formatError(false, 5000)(...fromResolver(databaseFault()));
    expect(result).toEqual({ message: 'Internal server error', path: ['alliances'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(result)).not.toMatch(/SELECT|secret_column|does not exist/);
  });

  it('shows the fault in development, where a developer needs it', () => {
    const result = formatError(true, 5000)(...fromResolver(databaseFault()));
    expect(result.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(result.message).toContain('does not exist');
  });

  /** What Apollo hands the formatter for a document graphql-js could not parse with `maxTokens`. */
  function parseFailure(source: string, maxTokens: number): [GraphQLFormattedError, GraphQLError] {
    let parseError: GraphQLError | undefined;
    try {
      parse(source, { maxTokens });
    } catch (error) {
      parseError = error as GraphQLError;
    }
    const apolloSyntaxError = new GraphQLError(parseError!.message, {
      source: parseError!.source,
      positions: parseError!.positions,
      originalError: parseError,
    });
    return [{ message: parseError!.message, extensions: { code: 'GRAPHQL_PARSE_FAILED' } }, apolloSyntaxError];
  }

  it('reports a document over the token limit as QUERY_TOO_COMPLEX with its real token count, comments not counted', () => {
    for (const source of ['{ a b c d e }', '# ein Kommentar\n{ a b c d e } # noch einer']) {
      expect(formatError(false, 4)(...parseFailure(source, 4))).toEqual({
        message: 'The document has 7 tokens; the limit is 4',
        extensions: { code: 'QUERY_TOO_COMPLEX', measure: 'tokens', limit: 4, actual: 7 },
      });
    }
  });

  it("leaves a syntax error of the document's own as one, however long the document", () => {
    for (const source of ['{ a ) b c d e f g h }', '{ a \u0007 b c d e f g h }']) {
      const result = formatError(false, 4)(...parseFailure(source, 4));
      expect(result.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    }
  });
});
