import { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';

export interface RowsByKeyOptions {
  /** SQL ORDER BY over the rows' table, aliased `t` (`t.joined_on ASC NULLS FIRST, t.id ASC`); a unique key last. */
  orderBy?: string;
  /** An extra SQL condition on the same row (`t.archived_at IS NULL`); no parameters. */
  where?: string;
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
  private readonly statements = new Map<string, string>();

  constructor(private readonly dataSource: DataSource) {}

  byKeys<T extends ObjectLiteral>(entity: EntityTarget<T>, keyProperty: keyof T & string, keys: readonly string[], options: RowsByKeyOptions = {}): Promise<T[]> {
    const sql = this.statement(`${String(keyProperty)}|${options.where ?? ''}|${options.orderBy ?? ''}`, entity, () => {
      const rows = this.dataSource.getMetadata(entity);
      return `SELECT ${columnsOf(rows)} FROM "${rows.tableName}" t WHERE t."${columnOf(rows, keyProperty)}" = ANY($1::${typeOf(rows, keyProperty)}[])${clauses(options)}`;
    });
    return this.dataSource.query(sql, [keys]);
  }

  /** The rows linked to each key through a join table, each with the `key` it was found by. */
  byKeysThrough<T extends ObjectLiteral, L extends ObjectLiteral>(
    entity: EntityTarget<T>,
    link: Link<L>,
    keys: readonly string[],
    options: RowsByKeyOptions = {},
  ): Promise<(T & { key: string })[]> {
    const sql = this.statement(`${link.keyProperty}>${link.rowProperty}|${options.where ?? ''}|${options.orderBy ?? ''}`, entity, () => {
      const rows = this.dataSource.getMetadata(entity);
      const through = this.dataSource.getMetadata(link.entity);
      const key = columnOf(through, link.keyProperty);
      return (
        `SELECT l."${key}" AS "key", ${columnsOf(rows)} FROM "${through.tableName}" l JOIN "${rows.tableName}" t ON t.id = l."${columnOf(through, link.rowProperty)}"` +
        ` WHERE l."${key}" = ANY($1::${typeOf(through, link.keyProperty)}[])${clauses(options)}`
      );
    });
    return this.dataSource.query(sql, [keys]);
  }

  private statement(shape: string, entity: EntityTarget<ObjectLiteral>, build: () => string): string {
    const cacheKey = `${this.dataSource.getMetadata(entity).tableName}|${shape}`;
    let sql = this.statements.get(cacheKey);
    if (!sql) {
      sql = build();
      this.statements.set(cacheKey, sql);
    }
    return sql;
  }
}

/** As the entity reads: a column declared `select: false` (a search index) stays out. */
function columnsOf(metadata: EntityMetadata): string {
  return metadata.columns
    .filter((c) => c.isSelect)
    .map((c) => `t."${c.databaseName}" AS "${c.propertyPath}"`)
    .join(', ');
}

function columnOf(metadata: EntityMetadata, property: string): string {
  const column = metadata.findColumnWithPropertyName(property);
  if (!column) throw new Error(`${metadata.name} has no column for ${property}`);
  return column.databaseName;
}

function typeOf(metadata: EntityMetadata, property: string): string {
  return metadata.findColumnWithPropertyName(property)?.type === 'uuid' ? 'uuid' : 'text';
}

function clauses({ where, orderBy }: RowsByKeyOptions): string {
  return `${where ? ` AND ${where}` : ''}${orderBy ? ` ORDER BY ${orderBy}` : ''}`;
}
