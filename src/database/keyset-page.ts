import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from '../common/domain-error';
import { columnSql, columnsComputedForDay } from './day-columns';

export interface Page<T> {
  items: { node: T; cursor: string }[];
  hasNextPage: boolean;
  totalCount: number;
}

export interface KeysetOrder<T> {
  /** SQL expression of the sort key, e.g. `a.name`. */
  expression: string;
  /** The sort key's value of a loaded record, the cursor's first half. */
  valueOf: (row: T) => string | number;
  direction: 'ASC' | 'DESC';
  /** Sort by German rules (ä after a, ß as ss) rather than byte order. */
  german?: boolean;
  /** The sort key is a calendar date: a cursor whose key is not one was not made by this list. */
  date?: boolean;
  /** The sort key is an instant (Date.toISOString()): a cursor whose key is not one was not made by this list. */
  instant?: boolean;
  /** SQL expression of the unique tiebreaker; `<alias>.id` by default. */
  id?: string;
  /** The sort key is computed in SQL, not a column the entity reads: each node is given its value as this property. */
  property?: keyof T & string;
}

const GERMAN = ' COLLATE "de-x-icu"';
const TOTAL = 'keyset_total_count';
const SORT_KEY = 'keyset_sort_key';

function isCalendarDate(value: string | number): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

function isInstant(value: string | number): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value)) return false;
  const time = Date.parse(value);
  return !Number.isNaN(time) && new Date(time).toISOString() === value;
}

export function encodeCursor(value: string | number, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

export function decodeCursor(cursor: string): [string | number, string] {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(decoded) &&
      decoded.length === 2 &&
      (typeof decoded[0] === 'string' || typeof decoded[0] === 'number') &&
      typeof decoded[1] === 'string' &&
      /^[0-9a-f-]{36}$/i.test(decoded[1])
    ) {
      return [decoded[0], decoded[1]];
    }
  } catch {
    // falls through to the error below
  }
  throw badInput('after', 'after is not a cursor this API returned');
}

const DAY_COLUMN = 'keyset_day_';

/**
 * Keyset pagination: a stable order on (sort key, id), so inserts between two page requests
 * neither repeat nor skip records. One statement: the page, each row carrying the total count
 * as an uncorrelated subquery (computed once). A second round trip per list request measured as
 * a tenth of a small list's time on a two-core machine (issue 5); only an empty page after a
 * cursor still needs the count on its own. Where the entity computes a column for a day
 * (day-columns.ts), the nodes carry its value on `day`, as every other read does.
 */
export async function keysetPage<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  args: { first: number; after?: string | null },
  order: KeysetOrder<T>,
  day?: string,
): Promise<Page<T>> {
  // Rows of a join would be counted (and paged) once per joined row: lists filter with EXISTS.
  if (query.expressionMap.joinAttributes.length) throw new Error('keysetPage takes a query without joins');
  const id = order.id ?? `${query.alias}.id`;
  const collate = order.german ? GERMAN : '';
  const page = query.clone();
  if (args.after) {
    const [value, afterId] = decodeCursor(args.after);
    if ((order.date && !isCalendarDate(value)) || (order.instant && !isInstant(value)))
      throw badInput('after', 'after is not a cursor of this list');
    const comparison = order.direction === 'ASC' ? '>' : '<';
    page.andWhere(`(${order.expression}${collate}, ${id}) ${comparison} (:cursorValue${collate}, :cursorId)`, {
      cursorValue: value,
      cursorId: afterId,
    });
  }
  page
    .orderBy(`${order.expression}${collate}`, order.direction)
    .addOrderBy(id, order.direction)
    .limit(args.first + 1);
  const counted = query.clone().select('COUNT(1)').orderBy();
  page.addSelect(`(${counted.getQuery()})`, TOTAL);
  const { property } = order;
  // Selected as it is sorted (collation included), so PostgreSQL computes it once per row for both.
  if (property) page.addSelect(`${order.expression}${collate}`, SORT_KEY);
  const metadata = query.expressionMap.mainAlias!.metadata;
  const daily = columnsComputedForDay(metadata).filter((c) => c.propertyName !== property);
  for (const c of daily) page.addSelect(columnSql(metadata, c, query.alias, ':keysetDay'), `${DAY_COLUMN}${c.propertyName}`);
  if (daily.length) {
    if (!day) throw new Error(`A page of ${metadata.name} is read as of a day`);
    page.setParameter('keysetDay', day);
  }
  const { entities: rows, raw } = await page.getRawAndEntities<Record<string, unknown>>();
  // Without joins, TypeORM makes one entity of each raw row, in order.
  rows.forEach((row, i) => {
    const values = row as Record<string, unknown>;
    if (property) values[property] = raw[i][SORT_KEY];
    for (const c of daily) values[c.propertyName] = raw[i][`${DAY_COLUMN}${c.propertyName}`];
  });
  const totalCount = raw.length ? Number(raw[0][TOTAL]) : args.after ? await query.getCount() : 0;
  const hasNextPage = rows.length > args.first;
  const nodes = hasNextPage ? rows.slice(0, args.first) : rows;
  return {
    items: nodes.map((node) => ({ node, cursor: encodeCursor(order.valueOf(node), node.id as string) })),
    hasNextPage,
    totalCount,
  };
}
