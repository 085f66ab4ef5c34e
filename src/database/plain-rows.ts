import { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { today } from '../common/dates';
import { columnSql, dependsOnDay } from './day-columns';

export interface RowsByKeyOptions<X extends object = Record<never, never>> {
  /** SQL ORDER BY over the rows' table, aliased `t` (`t.joined_on ASC NULLS FIRST, t.id ASC`); a unique key last. */
  orderBy?: string;
  /** An extra SQL condition on the same row (`t.archived_at IS NULL`); no parameters. */
  where?: string;
  /** Values beyond the row's own columns, by property: SQL expressions over the row `t`, no parameters. */
  computed?: { [P in keyof X & string]: string };
}

/** A join table between the keys and the rows: which of its properties holds the key, which the row's id. */
export interface Link<L> {
  entity: EntityTarget<L>;
  keyProperty: keyof L & string;
  rowProperty: keyof L & string;
}

/**
 * Reads the rows of an entity's table whose key column is one of many keys, as plain objects
 * with the entity's property names. It is what the loaders run on every request: one statement
 * per relation level, with one array parameter (so the text never varies with the batch size,
 * and no batch is too large for PostgreSQL's parameter limit), and without TypeORM's query
 * builder and entity hydration, which measured as the largest part of a list request's time in
 * the ORM (issue 5). Goes through the DataSource, so its logger sees every statement.
 */
export class PlainRows {
  /** The SQL of each entity and query shape, built from the metadata once. */
  private readonly statements = new Map<EntityTarget<ObjectLiteral>, Map<string, string>>();
  /** Whether each entity's rows have a property computed for a day. */
  private readonly daily = new Map<EntityTarget<ObjectLiteral>, boolean>();

  constructor(private readonly dataSource: DataSource) {}

  byKeys<T extends ObjectLiteral, X extends object = Record<never, never>>(
    entity: EntityTarget<T>,
    keyProperty: keyof T & string,
    keys: readonly string[],
    options: RowsByKeyOptions<X> = {},
  ): Promise<(T & X)[]> {
    const computed = Object.entries<string>(options.computed ?? {});
    const shape = `${keyProperty}|${options.where ?? ''}|${options.orderBy ?? ''}|${JSON.stringify(computed)}`;
    const sql = this.statement(shape, entity, () => {
      const rows = this.dataSource.getMetadata(entity);
      const key = column(rows, keyProperty);
      const values = [columnsOf(rows), ...computed.map(([property, expression]) => `${expression} AS "${property}"`)].join(', ');
      return `SELECT ${values} FROM "${rows.tableName}" t WHERE t."${key.databaseName}" = ANY($1::${arrayType(key)})${clauses(options)}`;
    });
    return this.dataSource.query(sql, this.parameters(entity, keys));
  }

  /** The rows linked to each key through a join table, each with the `key` it was found by. */
  byKeysThrough<T extends ObjectLiteral, L extends ObjectLiteral>(
    entity: EntityTarget<T>,
    link: Link<L>,
    keys: readonly string[],
    options: Pick<RowsByKeyOptions, 'where' | 'orderBy'> = {},
  ): Promise<(T & { key: string })[]> {
    const sql = this.statement(`${link.keyProperty}>${link.rowProperty}|${options.where ?? ''}|${options.orderBy ?? ''}`, entity, () => {
      const rows = this.dataSource.getMetadata(entity);
      const through = this.dataSource.getMetadata(link.entity);
      const key = column(through, link.keyProperty);
      return (
        `SELECT l."${key.databaseName}" AS "key", ${columnsOf(rows)} FROM "${through.tableName}" l JOIN "${rows.tableName}" t ON t.id = l."${column(through, link.rowProperty).databaseName}"` +
        ` WHERE l."${key.databaseName}" = ANY($1::${arrayType(key)})${clauses(options)}`
      );
    });
    return this.dataSource.query(sql, this.parameters(entity, keys));
  }

  /** The keys, and the day when the rows have a property computed for it (PostgreSQL refuses a parameter it cannot type). */
  private parameters(entity: EntityTarget<ObjectLiteral>, keys: readonly string[]): unknown[] {
    let daily = this.daily.get(entity);
    if (daily === undefined) this.daily.set(entity, (daily = dependsOnDay(this.dataSource.getMetadata(entity))));
    return daily ? [keys, today()] : [keys];
  }

  private statement(shape: string, entity: EntityTarget<ObjectLiteral>, build: () => string): string {
    let shapes = this.statements.get(entity);
    if (!shapes) this.statements.set(entity, (shapes = new Map<string, string>()));
    let sql = shapes.get(shape);
    if (!sql) shapes.set(shape, (sql = build()));
    return sql;
  }
}

/** As the entity reads: a column declared `select: false` (a search index) stays out; one computed for a day is as of today. */
function columnsOf(metadata: EntityMetadata): string {
  return metadata.columns
    .filter((c) => c.isSelect)
    .map((c) => `${columnSql(metadata, c, 't', '$2::date')} AS "${c.propertyPath}"`)
    .join(', ');
}

/** The column of an entity's property; a property without one is a programming error. */
export function column(metadata: EntityMetadata, property: string): ColumnMetadata {
  const found = metadata.findColumnWithPropertyName(property);
  if (!found) throw new Error(`${metadata.name} has no column for ${property}`);
  return found;
}

function arrayType(key: ColumnMetadata): string {
  return key.type === 'uuid' ? 'uuid[]' : 'text[]';
}

function clauses({ where, orderBy }: Pick<RowsByKeyOptions, 'where' | 'orderBy'>): string {
  return `${where ? ` AND ${where}` : ''}${orderBy ? ` ORDER BY ${orderBy}` : ''}`;
}
