import { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

export interface RowsByKeyOptions {
  /** SQL ORDER BY, in column names (`joined_on ASC NULLS FIRST, id ASC`); a unique key last. */
  orderBy?: string;
  /** An extra SQL condition on the same row (`archived_at IS NULL`); no parameters. */
  where?: string;
}

/**
 * Reads the rows of an entity's table whose key column is one of many keys, as plain objects
 * with the entity's property names. It is what the loaders run on every request: one statement
 * per relation level, with one array parameter (so the text never varies with the batch size),
 * and without TypeORM's query builder and entity hydration, which measured as the largest part
 * of a list request's time in the ORM (issue 5). Goes through the DataSource, so its logger sees
 * every statement.
 */
export class PlainRows {
  private readonly statements = new Map<string, string>();

  constructor(private readonly dataSource: DataSource) {}

  byKeys<T extends ObjectLiteral>(entity: EntityTarget<T>, keyProperty: keyof T & string, keys: readonly string[], options: RowsByKeyOptions = {}): Promise<T[]> {
    return this.dataSource.query(this.statement(entity, keyProperty, options), [keys]);
  }

  private statement<T extends ObjectLiteral>(entity: EntityTarget<T>, keyProperty: string, { orderBy, where }: RowsByKeyOptions): string {
    const metadata = this.dataSource.getMetadata(entity);
    const cacheKey = `${metadata.tableName}|${keyProperty}|${where ?? ''}|${orderBy ?? ''}`;
    let sql = this.statements.get(cacheKey);
    if (!sql) {
      const key = metadata.findColumnWithPropertyName(keyProperty);
      if (!key) throw new Error(`${metadata.name} has no column for ${keyProperty}`);
      // As the entity reads: a column declared `select: false` (a search index) stays out.
      const columns = metadata.columns
        .filter((c) => c.isSelect)
        .map((c) => `"${c.databaseName}" AS "${c.propertyPath}"`)
        .join(', ');
      const type = key.type === 'uuid' ? 'uuid' : 'text';
      sql = `SELECT ${columns} FROM "${metadata.tableName}" WHERE "${key.databaseName}" = ANY($1::${type}[])${where ? ` AND ${where}` : ''}${orderBy ? ` ORDER BY ${orderBy}` : ''}`;
      this.statements.set(cacheKey, sql);
    }
    return sql;
  }
}
