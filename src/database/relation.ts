import type { EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import { periodContainsSql } from '../common/period';
import { existsOnSql } from './day-columns';

/**
 * What makes a row of a relation current on a day, for the `current` argument: its period (the
 * rule of common/period.ts over these columns) and whatever else must hold (SQL over the row's
 * alias), e.g. that a member organisation is not archived.
 */
export interface CurrentRule {
  period: readonly [from: string, to: string];
  also?: (row: string) => string;
}

/**
 * What links a key to rows: a table or a subquery in parentheses (SQL), or an entity's table;
 * the key's column and the column of the row's id.
 */
export interface Link {
  from: string | { entity: EntityTarget<ObjectLiteral> };
  key: string;
  row: string;
  /** What a link must meet to count: SQL over the link's alias and the day. */
  where?: (link: string, day: string) => string;
}

/**
 * A link made of another relation's rows, as that relation answers `current: true`: its own
 * conditions and its `current` rule hold for the link too, so the two cannot mean different
 * things (Alliance.lead is the organisation of the first LEAD among memberships(current: true)).
 * `where` narrows them further; `row` is their column naming the linked row.
 */
export function currentRowsOf(rows: Relation, options: { row: string; where?: (link: string) => string }): Link {
  const { by, current } = rows;
  if (typeof by !== 'string' || !current) throw new Error('a link of current rows needs a relation by its own column with a current rule');
  return {
    from: { entity: rows.entity },
    key: by,
    row: options.row,
    where: (link, day) => [rows.where?.(link, day), currentSql(current, link, day), options.where?.(link)].filter(Boolean).join(' AND '),
  };
}

/**
 * A relation, declared once: the rows of `entity` that belong to a parent, found by the parent's
 * `parentKey` either in the rows' own column `by` or through a link. Both ways the registry
 * answers a relation are built from this alone: the loaders' statement (PlainRows.related, one per
 * relation level) and the SQL projection's subquery (graphql/sql-projection.ts), and so is what
 * the `current` argument keeps; test/relations.e2e-spec.ts compares them on every declared relation.
 *
 * SQL fragments are functions of the aliases the statement gives the row and the link, and of the
 * day asked (an SQL expression), and take no parameters.
 */
export interface Relation<Row extends ObjectLiteral = ObjectLiteral> {
  entity: EntityTarget<Row>;
  /** The parent's property whose value finds the rows. */
  parentKey: string;
  /** The rows' column that holds the key, or the link from keys to rows. */
  by: string | Link;
  /** A list, or one row (the first in `orderBy`). */
  many: boolean;
  /** What every row meets besides its key: not archived, and the like. */
  where?: (row: string, day: string) => string;
  /** A total order (a unique key last), over the row's and the link's aliases. */
  orderBy?: (row: string, link: string) => string;
  /** What `current: true` keeps and `current: false` leaves out; a relation without one takes no `current`. */
  current?: CurrentRule;
  /** Only for a parent whose property has this value (a link to a record of one type); for others the relation is empty. */
  when?: { property: string; value: string };
  /**
   * Rows dated after the day asked (see ExistsFrom) are left out of every relation, unless it is
   * declared for any day: a non-null field (a membership's alliance) names its record whatever
   * the day.
   */
  anyDay?: boolean;
}

/** What a relation to one row by its id may add: for which parents it holds, and whether rows dated later count. */
export type ByIdOptions = Pick<Relation, 'anyDay' | 'when'>;

/** The row whose id is the parent's `parentKey`. */
export function rowById<Row extends ObjectLiteral>(entity: EntityTarget<Row>, parentKey: string, options: ByIdOptions = {}): Relation<Row> {
  return { entity, parentKey, by: 'id', many: false, ...options };
}

/** SQL: the row under `row` is current on `day` by the rule. */
export function currentSql(rule: CurrentRule, row: string, day: string): string {
  const period = periodContainsSql(`${row}."${rule.period[0]}"`, `${row}."${rule.period[1]}"`, day);
  return rule.also ? `(${period} AND ${rule.also(row)})` : period;
}

/** A relation's rows in SQL, before the key is tested: what the loaders and the projection both select from. */
export interface RelationRows {
  /** The FROM clause: the rows' table under `row`, joined to the link under `link` when there is one. */
  from: string;
  /** The SQL of the key a row is found by, to be compared with the parent's key. */
  key: string;
  /** Every condition a row meets besides its key. */
  conditions: string[];
  orderBy: string | null;
}

/** Builds a relation's rows for the aliases `row` and `link` and the day `day` (an SQL expression); `tableOf` names an entity's table. */
export function relationRows(
  relation: Relation,
  metadata: EntityMetadata,
  tableOf: (entity: EntityTarget<ObjectLiteral>) => string,
  row: string,
  link: string,
  day: string,
): RelationRows {
  const conditions: string[] = [];
  let from = `"${metadata.tableName}" ${row}`;
  let key: string;
  if (typeof relation.by === 'string') {
    key = `${row}."${relation.by}"`;
  } else {
    const linked = typeof relation.by.from === 'string' ? relation.by.from : `"${tableOf(relation.by.from.entity)}"`;
    from = `${linked} ${link} JOIN ${from} ON ${row}.id = ${link}."${relation.by.row}"`;
    key = `${link}."${relation.by.key}"`;
    if (relation.by.where) conditions.push(relation.by.where(link, day));
  }
  if (relation.where) conditions.push(relation.where(row, day));
  const exists = relation.anyDay ? null : existsOnSql(metadata.target as object, row, day);
  if (exists) conditions.push(exists);
  return { from, key, conditions, orderBy: relation.orderBy ? relation.orderBy(row, link) : null };
}
