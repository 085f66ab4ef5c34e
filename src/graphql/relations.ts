import type { GraphQLResolveInfo } from 'graphql';
import type { ObjectLiteral } from 'typeorm';
import type { RelatedRow } from '../database/plain-rows';
import type { Relation } from '../database/relation';
import type { CurrentArgs } from './field-arg.decorator';
import { loadersOf } from './point-in-time';
import type { RequestContext } from './request-context';
import { type RequestLoaders, then } from './request-loaders';

/** A relation's value: its rows, or one row or null. */
export type Related<T> = RelatedRow<T>[] | RelatedRow<T> | null;

/**
 * A relation field's resolver, built from its declaration alone: the rows the loaders read for
 * the parent's key as of the day its root field asks (one statement per relation level), what
 * `current` keeps by the flag that same statement computed from the declared rule, and the first
 * row for a relation to one. The SQL projection answers the same declaration in SQL before this
 * runs; this answers whatever the projection left.
 */
export function related<T extends ObjectLiteral>(
  relation: Relation<T>,
  parent: object,
  args: CurrentArgs,
  context: RequestContext,
  info: GraphQLResolveInfo,
): Related<T> | Promise<Related<T>> {
  const values = parent as Record<string, unknown>;
  const key = values[relation.parentKey];
  if (typeof key !== 'string' || (relation.when && values[relation.when.property] !== relation.when.value))
    return relation.many ? [] : null;
  return relatedByKey(loadersOf(context, info), relation, key, args.current);
}

/** A relation's value for a key, through the given loaders; `current` true or false keeps the rows that are or are not current. */
export function relatedByKey<T extends ObjectLiteral>(
  loaders: RequestLoaders,
  relation: Relation<T>,
  key: string,
  current?: boolean | null,
): Related<T> | Promise<Related<T>> {
  return then(loaders.related(relation).now(key), (rows) => {
    const kept = current === true || current === false ? rows.filter((row) => row['@current'] === current) : rows;
    return relation.many ? kept : (kept[0] ?? null);
  });
}
