import type { EntityMetadata } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { periodContainsSql } from '../common/period';

/** SQL of a property's value on a day: `alias` names the row's table, `day` is a SQL date expression. */
export type DaySql = (alias: string, day: string) => string;

const computed = new WeakMap<object, Map<string, DaySql>>();

/**
 * Declares that reads answer a column's property with its value on the day asked, computed in
 * SQL, instead of with what the column holds (writes still write the column): an organisation's
 * name is the one in force on the day, found in its name history; an agreement's status is the
 * one it had that day. Every read that builds its SQL from an entity's metadata (PlainRows, the
 * SQL projection, keysetPage) selects through `columnSql`, so no two reads answer it differently.
 */
export function ComputedForDay(sql: DaySql): PropertyDecorator {
  return (prototype, property) => {
    const owner = prototype.constructor;
    let properties = computed.get(owner);
    if (!properties) computed.set(owner, (properties = new Map<string, DaySql>()));
    properties.set(String(property), sql);
  };
}

/** The columns of the entity that reads answer with their value on a day. */
export function columnsComputedForDay(metadata: EntityMetadata): ColumnMetadata[] {
  const properties = computed.get(metadata.target as object);
  return properties ? metadata.columns.filter((c) => properties.has(c.propertyName)) : [];
}

/** What a read of the entity's rows under `alias` selects for the column: the column, or its value on `day` where the entity computes it. */
export function columnSql(metadata: EntityMetadata, column: ColumnMetadata, alias: string, day: string): string {
  const sql = computed.get(metadata.target as object)?.get(column.propertyName);
  return sql ? `(${sql(alias, day)})` : `${alias}."${column.databaseName}"`;
}

const existsFrom = new WeakMap<object, string>();

/**
 * Declares the date column from which on a record exists as reads as of a day see it: an
 * alliance from its founding day, a meeting from the day it is held, a release from the day it
 * is published. As of an earlier day it is left out of lists, relation fields and counts; null
 * means "since before anything known". The record's existence is a period that begins on this
 * day and has no end, so the one rule of common/period.ts decides it.
 */
export function ExistsFrom(column: string): ClassDecorator {
  return (entity) => {
    existsFrom.set(entity, column);
  };
}

/** SQL: the row of `entity` (its class) under `alias` exists on `day` (an SQL expression); null for an entity that always exists. */
export function existsOnSql(entity: object, alias: string, day: string): string | null {
  const column = existsFrom.get(entity);
  return column ? periodContainsSql(`${alias}."${column}"`, 'NULL', day) : null;
}
