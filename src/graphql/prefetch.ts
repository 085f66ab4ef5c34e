import { Extensions } from '@nestjs/graphql';
import {
  FieldNode,
  getArgumentValues,
  getNamedType,
  GraphQLObjectType,
  GraphQLOutputType,
  GraphQLResolveInfo,
  isObjectType,
} from 'graphql';
import { QueryFailedError } from 'typeorm';
import { collectFields } from './selection';
import type { Relation } from '../database/relation';
import { NOT_PROJECTED, Projections, PROJECTION, SqlProjection } from './sql-projection';

const PREFETCHABLE = 'prefetchable';

/**
 * Marks a relation field whose resolver a prefetch may call ahead of graphql-js: one that reads
 * only its parent's columns (not its timestamps: a projected parent carries only the columns JSON
 * holds faithfully), its arguments, the request's loaders and of `info` only its path (the prefetch
 * passes its root field's), and returns its loader's `now()` so that, once prefetched, it answers
 * synchronously. With its `relation` declared (database/relation.ts), the field's rows can also be
 * found in SQL (see sql-projection.ts), which a prefetch prefers.
 */
export const Prefetchable = (relation?: Relation) => Extensions({ [PREFETCHABLE]: true, ...(relation ? { [PROJECTION]: relation } : {}) });

/** The SQL projection a prefetch may use, and the day the root field reads as of. */
export interface ProjectionAsOf {
  sql: SqlProjection;
  day: string;
}

interface Run {
  info: GraphQLResolveInfo;
  context: { projections?: Projections; req?: unknown };
  projection: ProjectionAsOf | null;
}

/**
 * Loads, level by level, every prefetchable relation that a root field's selection asks for
 * below its value: the relations that declare their SQL in one statement per level (for the
 * whole subtree they reach), the others by calling their resolvers ahead for all objects of a
 * level at once, the same loaders and statements graphql-js would cause, but finished before
 * execution descends, so every relation below answers synchronously. Only a speed-up: a branch
 * that fails is left alone, and the field's own resolution reports the error.
 */
export async function prefetch(
  info: GraphQLResolveInfo,
  value: unknown,
  context: Run['context'],
  projection: ProjectionAsOf | null,
): Promise<void> {
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
      const { sql, day } = run.projection;
      projected = await sql.project(run.info, run.context.projections, objectType, fields, objects, day);
    } catch (error) {
      // The resolvers answer instead. A statement PostgreSQL refuses while they succeed is a
      // declaration that no longer matches its loader or the schema: say so, or it goes unseen.
      if (error instanceof QueryFailedError) {
        const log = (run.context.req as { log?: { warn: (o: object, m: string) => void } } | undefined)?.log;
        log?.warn({ err: error, type: objectType.name }, 'SQL projection failed; the loaders answered instead');
      }
    }
  }
  await Promise.all(
    [...fields].filter(([name]) => !projected.has(name)).map(([, fieldNodes]) => field(run, objectType, fieldNodes, objects)),
  );
}

async function field(run: Run, parentType: GraphQLObjectType, nodes: FieldNode[], objects: object[]): Promise<void> {
  const definition = parentType.getFields()[nodes[0].name.value];
  if (!definition || !nodes.some((n) => n.selectionSet)) return;
  try {
    const ahead = definition.resolve && definition.extensions[PREFETCHABLE] ? definition.resolve : null;
    const args = ahead ? getArgumentValues(definition, nodes[0], run.info.variableValues) : {};
    const children = await Promise.all(
      objects.map((o) => {
        // Projected already: below it, only the relations the SQL left to their resolvers remain.
        const projected = run.context.projections ? run.context.projections.valueOf(o, nodes[0]) : NOT_PROJECTED;
        if (projected !== NOT_PROJECTED) return projected;
        if (ahead) return ahead(o, args, run.context, run.info);
        // Any other field is followed as a property (a connection's edges, an edge's node), which
        // is what @nestjs/graphql resolves a plain @Field with; a resolver of its own, one not
        // marked, finds nothing there and its subtree is left to graphql-js.
        return (o as Record<string, unknown>)[definition.name];
      }),
    );
    if (children.some((c) => typeof c === 'function')) return;
    await level(run, definition.type, nodes, children);
  } catch {
    return;
  }
}
