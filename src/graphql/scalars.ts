import { GraphQLScalarType } from 'graphql';
import { GraphQLDateTime, GraphQLLocalDate } from 'graphql-scalars';

const LOCAL_DATE = GraphQLLocalDate.toConfig();
const CALENDAR_DATE_FORM = /^\d{4}-\d{2}-\d{2}$/;

/**
 * ISO 8601 calendar date (2013-07-08), kept as a string end to end; 2025-02-30 is refused on
 * input. On output, a string of the date's form is sent as it is: the service's dates come from
 * PostgreSQL `date` columns, which hold only real days, and the full check (a Date built and
 * printed per value) was 3 % of an alliance list's time (issue 5). Anything else gets the full check.
 */
export const DateScalar = new GraphQLScalarType({
  ...LOCAL_DATE,
  name: 'Date',
  description: 'An ISO 8601 calendar date, e.g. 2013-07-08.',
  serialize: (value) => (typeof value === 'string' && CALENDAR_DATE_FORM.test(value) ? value : LOCAL_DATE.serialize(value)),
});

/** ISO 8601 instant with offset. */
export const DateTimeScalar = GraphQLDateTime;
