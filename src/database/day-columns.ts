import type { EntityMetadata } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/** SQL of a property's value on a day: `alias` names the row's table, `day` is a SQL date expression. */
export type DaySql = (alias: string, day: string) => string;

const computed = new WeakMap<object, Map<string, DaySql>>();

/**
 * Declares that reads answer a column's property with its value on the day asked, computed in
 * SQL, instead of with what the column holds (writes still write the column): an organisation's
 * name is the one in force on the day, found in its name history. Every read that builds its SQL
 * from an entity's metadata (PlainRows, the SQL projection) selects through `columnSql`, so the
 * loaders and the projection cannot answer it differently.
 */
export function ComputedForDay(sql: DaySql): PropertyDecorator {
  return (prototype, property) => {
    const owner = prototype.constructor;
    let properties = computed.get(owner);
    if (!properties) computed.set(owner, (properties = new Map<string, DaySql>()));
    properties.set(String(property), sql);
  };
}

/** Whether reads of the entity's rows need the day (a statement sends it only then). */
export function dependsOnDay(metadata: EntityMetadata): boolean {
  return computed.has(metadata.target as object);
}

/** What a read of the entity's rows under `alias` selects for the column: the column, or its value on `day` where the entity computes it. */
export function columnSql(metadata: EntityMetadata, column: ColumnMetadata, alias: string, day: string): string {
  const sql = computed.get(metadata.target as object)?.get(column.propertyName);
  return sql ? `(${sql(alias, day)})` : `${alias}."${column.databaseName}"`;
}
