import DataLoader from 'dataloader';
import type { ObjectLiteral } from 'typeorm';
import type { PlainRows, RelatedRow } from '../database/plain-rows';
import type { Relation } from '../database/relation';

/**
 * A DataLoader that also answers synchronously for a key it has loaded already. A relation
 * resolver returns `now(key)`: the value itself once a prefetch (see prefetch.ts) has loaded it,
 * which keeps graphql-js on its synchronous path for the whole subtree instead of a promise per
 * field and a Promise.all per object (issue 5: most of a list request's allocations).
 */
export class RequestLoader<K, V> extends DataLoader<K, V> {
  private readonly settled: Map<K, V>;

  constructor(batch: (keys: readonly K[]) => Promise<ArrayLike<V | Error>>) {
    const settled = new Map<K, V>();
    // No batch size limit: the batch functions pass their keys as one array parameter, so one
    // statement per relation level holds whatever the page size (issue 5: 1,000 split first: 100).
    super(async (keys) => {
      const values = await batch(keys);
      keys.forEach((key, i) => {
        const value = values[i];
        if (!(value instanceof Error)) settled.set(key, value);
      });
      return values;
    });
    this.settled = settled;
  }

  /** The value when loaded already, else the promise of it. */
  now(key: K): V | Promise<V> {
    return this.settled.has(key) ? (this.settled.get(key) as V) : this.load(key);
  }
}

/** The values of many keys: an array when all are loaded, else the promise of one. */
export function nowAll<K, V>(loader: RequestLoader<K, V>, keys: readonly K[]): V[] | Promise<V[]> {
  const values = keys.map((key) => loader.now(key));
  return values.some((value) => value instanceof Promise) ? Promise.all(values) : (values as V[]);
}

/** Applies `fn` to a value now, or when its promise settles. */
export function then<T, R>(value: T | Promise<T>, fn: (resolved: T) => R): R | Promise<R> {
  return value instanceof Promise ? value.then(fn) : fn(value);
}

/**
 * The DataLoaders of one GraphQL request's reads as of one day: one per relation statement
 * (PlainRows.statementOf), so relations that read alike share a loader and a statement. Created
 * in the GraphQL context (see point-in-time.ts for the day); nothing here is request-scoped in
 * Nest's sense.
 */
export class RequestLoaders {
  private readonly loaders = new Map<string, RequestLoader<string, RelatedRow<ObjectLiteral>[]>>();

  constructor(
    readonly day: string,
    private readonly rows: PlainRows,
  ) {}

  /** The loaders of the same request's reads as of another day. */
  on(day: string): RequestLoaders {
    return new RequestLoaders(day, this.rows);
  }

  /** The loader of a relation's rows by the parent's key, as of this day. */
  related<T extends ObjectLiteral>(relation: Relation<T>): RequestLoader<string, RelatedRow<T>[]> {
    const sql = this.rows.statementOf(relation);
    let loader = this.loaders.get(sql);
    if (!loader) {
      loader = new RequestLoader(async (keys: readonly string[]) =>
        manyByKey(keys, await this.rows.related<ObjectLiteral>(relation, keys, this.day), (row) => row['@key']),
      );
      this.loaders.set(sql, loader);
    }
    return loader as RequestLoader<string, RelatedRow<T>[]>;
  }
}

/** All rows per key, in key order, keeping the rows' own order. */
export function manyByKey<T, K>(keys: readonly K[], rows: T[], keyOf: (row: T) => K): T[][] {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = map.get(key);
    if (list) list.push(row);
    else map.set(key, [row]);
  }
  return keys.map((key) => map.get(key) ?? []);
}
