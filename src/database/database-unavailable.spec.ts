import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './database-unavailable';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });
const failedQuery = (driverError: Error) => new QueryFailedError('SELECT 1', [], driverError);

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    [
      'a refused dual-stack connection',
      new AggregateError([
        withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED'),
        withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'),
      ]),
    ],
    ['a server shut down by its admin', failedQuery(withCode('terminating connection due to administrator command', '57P01'))],
    ['a server starting up', failedQuery(withCode('the database system is starting up', '57P03'))],
    ['a server out of connections', failedQuery(withCode('sorry, too many clients already', '53300'))],
    ['a socket error thrown across realms', Object.assign(new Error('Unexpected error value'), { thrownValue: { code: 'ECONNREFUSED' } })],
  ])('says yes to %s', (_case, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a missing table', failedQuery(withCode('relation "alliance" does not exist', '42P01'))],
    ['a unique violation', failedQuery(withCode('duplicate key value violates unique constraint', '23505'))],
    ['a statement cancelled by statement_timeout', failedQuery(withCode('canceling statement due to statement timeout', '57014'))],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    // pg's own texts for a lost connection mean nothing unless the registry's driver marked the error (pg-driver.spec.ts).
    ['a lost connection told only in words', new Error('Connection terminated unexpectedly')],
    ['a thrown string', 'boom'],
    ['nothing', null],
  ])('says no to %s', (_case, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
