import pg from 'pg';

/** Set on an error that says the database was not reached, rather than that it refused a statement. */
const NOT_REACHED = Symbol('database not reached');

function notReached<E>(error: E): E {
  if (error instanceof Error && !(error instanceof pg.DatabaseError)) Object.defineProperty(error, NOT_REACHED, { value: true });
  return error;
}

/** Whether the error was marked by this driver as one of a database that was not reached. */
export function isNotReached(error: unknown): boolean {
  return typeof error === 'object' && error !== null && NOT_REACHED in error;
}

/** pg's own implementation of a method, to be called on an instance with any of its argument lists. */
function ownMethod(prototype: object, name: string): (...args: unknown[]) => unknown {
  return Reflect.get(prototype, name) as (...args: unknown[]) => unknown;
}

type Callback = (error: Error | undefined, ...results: unknown[]) => void;

/** Runs `call` and marks the error it fails with, whether it answers by promise or by a callback in its last argument. */
function marking<T>(args: unknown[], call: (args: unknown[]) => T): T {
  const last = args.length - 1;
  if (typeof args[last] === 'function') {
    const callback = args[last] as Callback;
    return call([
      ...args.slice(0, last),
      (error: Error | undefined, ...results: unknown[]) => callback(error && notReached(error), ...results),
    ]);
  }
  const result = call(args);
  if (!(result instanceof Promise)) return result;
  return result.catch((error: unknown) => {
    throw notReached(error);
  }) as T;
}

/**
 * pg's client, marking the error of a query that did not reach a working server. A server's
 * answer is a DatabaseError with its SQLSTATE (database-errors.ts); anything else a query fails
 * with comes from pg itself: the connection broke under it, the client lost its connection
 * before, or the server stopped answering (query_timeout). pg gives those errors no code, only a
 * text, and the registry never reads a message's text.
 */
class RegistryClient extends pg.Client {}
const query = ownMethod(pg.Client.prototype, 'query');
Object.defineProperty(RegistryClient.prototype, 'query', {
  value(this: pg.Client, ...args: unknown[]) {
    return marking(args, (marked) => query.apply(this, marked));
  },
});

/** pg's pool, with the registry's client, marking the error of a connection it could not hand out without a server's answer (none free in time, refused, broken). */
class RegistryPool extends pg.Pool {
  constructor(options?: pg.PoolConfig) {
    super({ ...options, Client: RegistryClient });
  }
}
const connect = ownMethod(pg.Pool.prototype, 'connect');
Object.defineProperty(RegistryPool.prototype, 'connect', {
  value(this: pg.Pool, ...args: unknown[]) {
    return marking(args, (marked) => connect.apply(this, marked));
  },
});

/** pg as TypeORM takes it (its `driver` option), with the registry's pool; everything else is pg's own. */
export const registryPg: typeof pg = Object.create(pg, { Pool: { value: RegistryPool } }) as typeof pg;
