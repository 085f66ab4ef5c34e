import { isNotReached } from './pg-driver';

/**
 * SQLSTATEs of a server that is going away or not taking connections: class 08 (connection
 * exception), 57P01-57P03 (shut down by an admin or a crash, starting up), 53300 (too many connections).
 */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|53300)$/;

/** Socket errors of a server that is not there or not reachable. */
const UNAVAILABLE_SOCKET = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

type Failure = { code?: unknown; driverError?: unknown; thrownValue?: unknown; errors?: unknown };

/**
 * Whether a failure means the database cannot be reached (stopped, restarting, out of
 * connections), rather than that a statement was wrong: the caller may retry later.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const failure = error as Failure;
  const code = typeof failure.code === 'string' ? failure.code : '';
  if (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_SOCKET.has(code)) return true;
  // A connection the pool could not give, or a query that never reached a working server, as
  // the registry's pg driver marks them: pg gives those errors no code.
  if (isNotReached(error)) return true;
  // TypeORM wraps the driver's error; Node reports a refused dual-stack connect as an
  // AggregateError; graphql wraps a thrown value that is not an Error of its own realm (a
  // socket error seen from jest's sandbox) as NonErrorThrown.
  const inner = [failure.driverError, failure.thrownValue, ...(Array.isArray(failure.errors) ? (failure.errors as unknown[]) : [])];
  return inner.some((cause) => cause !== undefined && cause !== error && isDatabaseUnavailable(cause));
}
