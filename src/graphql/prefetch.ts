import { Extensions } from '@nestjs/graphql';
import { FieldNode, getArgumentValues, getNamedType, GraphQLObjectType, GraphQLOutputType, GraphQLResolveInfo, isObjectType } from 'graphql';
import { collectFields } from './selection';
import { Projections, PROJECTION, RelationSql, SqlProjection } from './sql-projection';

const PREFETCHABLE = 'prefetchable';

/**
 * Marks a relation field whose resolver a prefetch may call ahead of graphql-js: one that reads
 * only its parent's id and foreign keys, its arguments and the request's loaders (never `info`),
 * and returns its loader's `now()` so that, once prefetched, it answers synchronously. With `sql`,
 * the field's rows can also be found in SQL (see sql-projection.ts), which a prefetch prefers.
 */
export const Prefetchable = (sql?: RelationSql) => Extensions({ [PREFETCHABLE]: true, ...(sql ? { [PROJECTION]: sql } : {}) });

interface Run {
  info: GraphQLResolveInfo;
  context: { projections?: Projections };
  projection: SqlProjection | null;
}

/**
 * Loads, level by level, every prefetchable relation that a root field's selection asks for
 * below its value: the relations that declare their SQL in one statement per level (for the
 * whole subtree they reach), the others by calling their resolvers ahead for all objects of a
 * level at once, the same loaders and statements graphql-js would cause, but finished before
 * execution descends, so every relation below answers synchronously. Only a speed-up: a branch
 * that fails is left alone, and the field's own resolution reports the error.
 */
export async function prefetch(info: GraphQLResolveInfo, value: unknown, context: Run['context'], projection: SqlProjection | null): Promise<void> {
  await level({ info, context, projection }, info.returnType, info.fieldNodes, [value]);
}

async function level(run: Run, type: GraphQLOutputType, nodes: readonly FieldNode[], values: unknown[]): Promise<void> {
  const objectType = getNamedType(type);
  if (!isObjectType(objectType)) return;
  const objects = values.flat(Infinity).filter((v): v is object => v !== null && v !== undefined && typeof v === 'object');
  if (objects.length === 0) return;
  const fields = new Map<string, FieldNode[]>();
  for (const node of nodes) if (node.selectionSet) collectFields(run.info, objectType, node.selectionSet, fields);
  let projected = new Set<string>();
  if (run.projection && run.context.projections) {
    try {
      projected = await run.projection.project(run.info, run.context.projections, objectType, fields, objects);
    } catch {
      // The resolvers answer instead, and report whatever made the statement fail.
    }
  }
  await Promise.all([...fields].filter(([name]) => !projected.has(name)).map(([, fieldNodes]) => field(run, objectType, fieldNodes, objects)));
}

async function field(run: Run, parentType: GraphQLObjectType, nodes: FieldNode[], objects: object[]): Promise<void> {
  const definition = parentType.getFields()[nodes[0].name.value];
  if (!definition || !nodes.some((n) => n.selectionSet)) return;
  let children: unknown[] | undefined;
  try {
    children = run.context.projections?.valuesOf(objects, nodes[0]);
    if (children) {
      // Projected already; below it, only relations the SQL left to their resolvers remain.
    } else if (definition.resolve && definition.extensions[PREFETCHABLE]) {
      const args = getArgumentValues(definition, nodes[0], run.info.variableValues);
      children = await Promise.all(objects.map((o) => definition.resolve!(o, args, run.context, run.info)));
    } else {
      // Any other field is followed as a property (a connection's edges, an edge's node), which
      // is what @nestjs/graphql resolves a plain @Field with; a resolver of its own, one not
      // marked, finds nothing there and its subtree is left to graphql-js.
      children = objects.map((o) => (o as Record<string, unknown>)[definition.name]);
      if (children.some((c) => typeof c === 'function')) return;
    }
    await level(run, definition.type, nodes, children);
  } catch {
    return;
  }
}
