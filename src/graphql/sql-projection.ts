import { Injectable } from '@nestjs/common';
import {
  FieldNode,
  getArgumentValues,
  getNamedType,
  GraphQLField,
  GraphQLObjectType,
  GraphQLResolveInfo,
  GraphQLSchema,
  isObjectType,
} from 'graphql';
import { DataSource, EntityMetadata } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { columnSql } from '../database/day-columns';
import { column } from '../database/plain-rows';
import { currentSql, Relation, relationRows } from '../database/relation';
import { collectFields } from './selection';

/** The extension key under which a relation field declares its relation (database/relation.ts). */
export const PROJECTION = 'projection';

/**
 * Field nodes numbered once per document (Apollo keeps one DocumentNode per query text). The
 * number, `@f3`, is the key a projected JSON object holds that field's value under: a key no
 * GraphQL name can be, so no other field ever resolves to it.
 */
const fieldIds = new WeakMap<FieldNode, string>();
let lastFieldId = 0;

function fieldId(node: FieldNode): string {
  let id = fieldIds.get(node);
  if (!id) fieldIds.set(node, (id = `@f${++lastFieldId}`));
  return id;
}

export const NOT_PROJECTED = Symbol('not projected');

/**
 * The relation values projected for one request. A projected JSON object carries its own; those
 * of the rows the service read itself are kept here, in a WeakMap rather than on the row, because
 * a row may outlive the request and must not answer a later one.
 */
export class Projections {
  private readonly byRow = new WeakMap<object, Record<string, unknown>>();

  /** The value a field node was projected to for `parent`, or NOT_PROJECTED. */
  valueOf(parent: unknown, node: FieldNode): unknown {
    const id = fieldIds.get(node);
    if (!id || parent === null || typeof parent !== 'object') return NOT_PROJECTED;
    const projected = this.byRow.get(parent) ?? (parent as Record<string, unknown>);
    return id in projected ? projected[id] : NOT_PROJECTED;
  }

  /** Adds to a row's values; `values` may be shared by rows with the same key, so each row gets a record of its own. */
  add(row: object, values: Record<string, unknown>): void {
    const known = this.byRow.get(row);
    if (known) Object.assign(known, values);
    else this.byRow.set(row, { ...values });
  }
}

/**
 * Makes each relation field that declares its SQL answer from a projection when its parent has
 * one for the asking field node, before (and without) its resolver. Applied to the built schema.
 */
export function answerFromProjections(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve;
      if (!field.extensions[PROJECTION] || !resolve) continue;
      field.resolve = (parent, args, context: { projections?: Projections }, info) => {
        const projected = context.projections ? context.projections.valueOf(parent, info.fieldNodes[0]) : NOT_PROJECTED;
        return projected !== NOT_PROJECTED ? projected : resolve(parent, args, context, info);
      };
    }
  }
  return schema;
}

/** Column types whose JSON value is what the row's value serialises to; timestamps are not (precision, offset). */
const JSON_FAITHFUL = new Set(['uuid', 'varchar', 'text', 'int', 'integer', 'smallint', 'boolean', 'date', 'enum']);

/** Arrays only of text: pg reads those as string arrays, as JSON does, but an enum array as its literal. */
function faithful(column: ColumnMetadata): boolean {
  const type = String(column.type);
  return column.isArray ? type === 'text' || type === 'varchar' : JSON_FAITHFUL.has(type);
}

/** json_build_object takes at most 100 arguments. */
const MAX_PAIRS = 50;

/** The statement's second parameter, the day asked, sent only when the statement reads it (PostgreSQL refuses a parameter it cannot type). */
const DAY = '$2::date';

class NotProjectable extends Error {}

interface Built {
  sql: string;
  /** False when a relation below is left to its resolver (a prefetch must still visit it). */
  complete: boolean;
}

/**
 * Builds, for a level of a query's objects, one SQL statement per parent key that returns every
 * relation the selection asks for below them as JSON, nested as deep as the declared relations
 * reach: the work the loaders do in one statement per relation level and JavaScript joins, done
 * by PostgreSQL in one (issue 5: row decoding, joining and the garbage of both were most of a list
 * request's time). A field the SQL cannot answer exactly (a timestamp, a field with a resolver
 * of its own, an argument it does not know) leaves its relation to the resolvers.
 */
@Injectable()
export class SqlProjection {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Projects the relation fields of `fields` that can be, for `objects` of `type`, as of `day`, and
   * records the values in `projections`. Returns the response names whose whole subtree was projected.
   */
  async project(
    info: GraphQLResolveInfo,
    projections: Projections,
    type: GraphQLObjectType,
    fields: Map<string, FieldNode[]>,
    objects: readonly object[],
    day: string,
  ): Promise<Set<string>> {
    const groups = new Map<string, { parentKey: string; columns: string[]; parents: object[] }>();
    const complete = new Set<string>();
    const builder = new StatementBuilder(info, this.dataSource);
    for (const [name, nodes] of fields) {
      const definition = type.getFields()[nodes[0].name.value];
      const relation = definition?.extensions[PROJECTION] as Relation | undefined;
      // Projected already, from the level above.
      if (!relation || objects.some((o) => projections.valueOf(o, nodes[0]) !== NOT_PROJECTED)) continue;
      const parents = objects.filter((o) => applies(relation, o));
      if (parents.length === 0) continue;
      let built: Built;
      try {
        built = builder.relation(definition, relation, nodes, 'k.v', null);
      } catch (error) {
        if (error instanceof NotProjectable) continue;
        throw error;
      }
      // Fields of the same parent key and condition share a statement: they are for the same parents.
      const groupKey = `${relation.parentKey}|${relation.when ? `${relation.when.property}=${relation.when.value}` : ''}`;
      const group = groups.get(groupKey) ?? { parentKey: relation.parentKey, columns: [], parents };
      if (group.columns.length === MAX_PAIRS) continue;
      groups.set(groupKey, group);
      group.columns.push(`'${fieldId(nodes[0])}', ${built.sql}`);
      // The others (a null foreign key, a link to another type) are left to the resolver, which answers them without the database.
      if (built.complete && parents.length === objects.length) complete.add(name);
    }
    await Promise.all(
      [...groups.values()].map(async ({ parentKey, columns, parents }) => {
        const keys = [...new Set(parents.map((o) => (o as Record<string, string>)[parentKey]))];
        // Every key of this schema is a UUID; one that were not would fail the statement, and the resolvers would answer.
        const sql = `SELECT k.v AS "key", json_build_object(${columns.join(', ')}) AS "projected" FROM unnest($1::uuid[]) AS k(v)`;
        const rows: { key: string; projected: Record<string, unknown> }[] = await this.dataSource.query(
          sql,
          sql.includes(DAY) ? [keys, day] : [keys],
        );
        const byKey = new Map(rows.map((row) => [row.key, row.projected]));
        for (const object of parents) {
          const projected = byKey.get((object as Record<string, string>)[parentKey]);
          if (projected) projections.add(object, projected);
        }
      }),
    );
    return complete;
  }
}

class StatementBuilder {
  private aliases = 0;

  constructor(
    private readonly info: GraphQLResolveInfo,
    private readonly dataSource: DataSource,
  ) {}

  /** The JSON of a relation's rows (an array, or one object or null) for the parent's key expression `key`; `parent`, the parent's row when it is in the statement too. */
  relation(
    definition: GraphQLField<unknown, unknown>,
    relation: Relation,
    nodes: FieldNode[],
    key: string,
    parent: { alias: string; metadata: EntityMetadata } | null,
  ): Built {
    const type = getNamedType(definition.type);
    if (!isObjectType(type)) throw new NotProjectable();
    const metadata = this.dataSource.getMetadata(relation.entity);
    const alias = `t${++this.aliases}`;
    const tableOf = (entity: Relation['entity']) => this.dataSource.getMetadata(entity).tableName;
    const rows = relationRows(relation, metadata, tableOf, alias, `l${this.aliases}`, DAY);
    const conditions = [`${rows.key} = ${key}`, ...rows.conditions];
    const args = getArgumentValues(definition, nodes[0], this.info.variableValues);
    for (const [name, value] of Object.entries(args)) {
      if (name !== 'current' || !relation.current) throw new NotProjectable();
      if (value === true || value === false) conditions.push(`${value ? '' : 'NOT '}${currentSql(relation.current, alias, DAY)}`);
    }
    if (relation.when && parent)
      conditions.push(
        `${parent.alias}."${column(parent.metadata, relation.when.property).databaseName}" = '${relation.when.value.replace(/'/g, "''")}'`,
      );
    const object = this.object(type, metadata, alias, nodes);
    const from = `FROM ${rows.from} WHERE ${conditions.join(' AND ')}`;
    const sql = relation.many
      ? `coalesce((SELECT json_agg(${object.sql}${rows.orderBy ? ` ORDER BY ${rows.orderBy}` : ''}) ${from}), '[]'::json)`
      : `(SELECT ${object.sql} ${from}${rows.orderBy ? ` ORDER BY ${rows.orderBy}` : ''} LIMIT 1)`;
    return { sql, complete: object.complete };
  }

  /** The JSON object of one row: the fields asked for, the projected relations, and what the resolvers of the others read. */
  private object(type: GraphQLObjectType, metadata: EntityMetadata, alias: string, nodes: FieldNode[]): Built {
    const fields = new Map<string, FieldNode[]>();
    for (const node of nodes) if (node.selectionSet) collectFields(this.info, type, node.selectionSet, fields);
    const columns = new Map<string, ColumnMetadata>();
    const relations: string[] = [];
    let complete = true;
    for (const fieldNodes of fields.values()) {
      const name = fieldNodes[0].name.value;
      if (name === '__typename') continue;
      const definition = type.getFields()[name];
      if (!definition) throw new NotProjectable();
      const relation = definition.extensions[PROJECTION] as Relation | undefined;
      if (relation) {
        try {
          const key = `${alias}."${column(metadata, relation.parentKey).databaseName}"`;
          const built = this.relation(definition, relation, fieldNodes, key, { alias, metadata });
          relations.push(`'${fieldId(fieldNodes[0])}', ${built.sql}`);
          complete &&= built.complete;
          continue;
        } catch (error) {
          if (!(error instanceof NotProjectable)) throw error;
        }
      }
      if (!readsProperty(definition)) {
        if (!definition.extensions.prefetchable) throw new NotProjectable();
        complete = false;
        continue;
      }
      const found = metadata.findColumnWithPropertyName(name);
      if (!found || !found.isSelect || definition.args.length > 0 || !faithful(found)) throw new NotProjectable();
      columns.set(name, found);
    }
    // The resolvers left to answer read their parent as the loaders give it: every column, where JSON carries it faithfully.
    if (!complete) for (const c of metadata.columns) if (c.isSelect && faithful(c)) columns.set(c.propertyName, c);
    const pairs = [...columns].map(([property, c]) => `'${property}', ${columnSql(metadata, c, alias, DAY)}`);
    pairs.push(...relations);
    if (pairs.length > MAX_PAIRS) throw new NotProjectable();
    return { sql: `json_build_object(${pairs.join(', ')})`, complete };
  }
}

/**
 * Whether a field answers with its parent's property of the same name: no resolver, or the one
 * @nestjs/graphql gives a plain @Field. Anything else may compute from the parent as it likes.
 */
export function readsProperty(definition: GraphQLField<unknown, unknown>): boolean {
  return !definition.resolve || definition.resolve.name === 'rootFieldResolver';
}

/** Whether the relation is for this parent: it has the key, and the value `when` asks for. */
function applies(relation: Relation, parent: object): boolean {
  const values = parent as Record<string, unknown>;
  return typeof values[relation.parentKey] === 'string' && (!relation.when || values[relation.when.property] === relation.when.value);
}
