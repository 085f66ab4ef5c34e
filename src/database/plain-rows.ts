import { DataSource, EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { columnSql } from './day-columns';
import { currentSql, Relation, relationRows } from './relation';

/** The statements' parameters: the keys, as one array, and the day the rows are read as of. */
const KEYS = '$1';
const DAY = '$2::date';

/** A row of a relation as the loaders read it: with the key it was found by and, when the relation has a `current` rule, whether it is current. */
export type RelatedRow<Row> = Row & { '@key': string; '@current'?: boolean };

/**
 * Reads rows as plain objects with the entity's property names: what the loaders run on every
 * request, one statement per relation level, with the keys as one array parameter (so the text
 * never varies with the batch size, and no batch is too large for PostgreSQL's parameter limit),
 * without TypeORM's query builder and entity hydration, which measured as the largest part of a
 * list request's time in the ORM (issue 5). Goes through the DataSource (or a transaction's
 * manager), so its logger sees every statement. Columns computed for a day (day-columns.ts) are
 * read as of the day given.
 */
export class PlainRows {
  /** The SQL of each entity's reads by one key column, built from the metadata once. */
  private readonly byKeyStatements = new Map<EntityTarget<ObjectLiteral>, Map<string, string>>();
  private readonly relationStatements = new WeakMap<Relation, string>();

  constructor(private readonly dataSource: DataSource) {}

  /** The rows whose `keyProperty` is one of `keys`, as of `day`; pass a transaction's manager to read what it sees. */
  byKeys<T extends ObjectLiteral>(
    entity: EntityTarget<T>,
    keyProperty: keyof T & string,
    keys: readonly string[],
    day: string,
    manager?: EntityManager,
  ): Promise<T[]> {
    let statements = this.byKeyStatements.get(entity);
    if (!statements) this.byKeyStatements.set(entity, (statements = new Map<string, string>()));
    let sql = statements.get(keyProperty);
    if (!sql) {
      const metadata = this.dataSource.getMetadata(entity);
      const key = column(metadata, keyProperty);
      sql = `SELECT ${columnsOf(metadata, 't')} FROM "${metadata.tableName}" t WHERE t."${key.databaseName}" = ANY(${KEYS}::${arrayType(key)})`;
      statements.set(keyProperty, sql);
    }
    return (manager ?? this.dataSource).query(sql, parameters(sql, keys, day));
  }

  /** A relation's rows for many parents' keys, as of `day`, in the relation's order, each with the key it was found by. */
  related<T extends ObjectLiteral>(relation: Relation<T>, keys: readonly string[], day: string): Promise<RelatedRow<T>[]> {
    const sql = this.statementOf(relation);
    return this.dataSource.query(sql, parameters(sql, keys, day));
  }

  /**
   * The statement that reads a relation's rows, from its declaration: the same rows, conditions,
   * order and `current` rule as the projection's subquery, for an array of keys. Relations that
   * read alike (the organisation of a membership, of a role, of a release) have the same text,
   * which the request's loaders share.
   */
  statementOf(relation: Relation): string {
    let sql = this.relationStatements.get(relation);
    if (sql) return sql;
    const metadata = this.dataSource.getMetadata(relation.entity);
    const rows = relationRows(relation, metadata, (entity) => this.dataSource.getMetadata(entity).tableName, 't', 'l', DAY);
    const values = [`${rows.key} AS "@key"`, columnsOf(metadata, 't')];
    if (relation.current) values.push(`${currentSql(relation.current, 't', DAY)} AS "@current"`);
    const conditions = [`${rows.key} = ANY(${KEYS}::uuid[])`, ...rows.conditions];
    sql = `SELECT ${values.join(', ')} FROM ${rows.from} WHERE ${conditions.join(' AND ')}${rows.orderBy ? ` ORDER BY ${rows.orderBy}` : ''}`;
    this.relationStatements.set(relation, sql);
    return sql;
  }
}

/** The keys, and the day when the statement reads it (PostgreSQL refuses a parameter it cannot type). */
function parameters(sql: string, keys: readonly string[], day: string): unknown[] {
  return sql.includes(DAY) ? [keys, day] : [keys];
}

/** As the entity reads: a column declared `select: false` (a search index) stays out; one computed for a day is as of the statement's day. */
function columnsOf(metadata: EntityMetadata, alias: string): string {
  return metadata.columns
    .filter((c) => c.isSelect)
    .map((c) => `${columnSql(metadata, c, alias, DAY)} AS "${c.propertyPath}"`)
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
