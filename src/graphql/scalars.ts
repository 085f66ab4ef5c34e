import { GraphQLScalarType } from 'graphql';
import { GraphQLDateTime, GraphQLLocalDate } from 'graphql-scalars';

/** ISO 8601 calendar date (2013-07-08), kept as a string end to end; 2025-02-30 is refused. */
export const DateScalar = new GraphQLScalarType({
  ...GraphQLLocalDate.toConfig(),
  name: 'Date',
  description: 'An ISO 8601 calendar date, e.g. 2013-07-08.',
});

/** ISO 8601 instant with offset. */
export const DateTimeScalar = GraphQLDateTime;
