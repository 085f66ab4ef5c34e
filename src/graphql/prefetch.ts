import { Extensions } from '@nestjs/graphql';
import {
  FieldNode,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  GraphQLIncludeDirective,
  GraphQLObjectType,
  GraphQLOutputType,
  GraphQLResolveInfo,
  GraphQLSkipDirective,
  isAbstractType,
  isObjectType,
  Kind,
  SelectionSetNode,
} from 'graphql';

const PREFETCHABLE = 'prefetchable';

/**
 * Marks a relation field whose resolver a prefetch may call ahead of graphql-js: one that reads
 * only its parent, its arguments and the request's loaders (never `info`), and returns its
 * loader's `now()` so that, once prefetched, it answers synchronously.
 */
export const Prefetchable = () => Extensions({ [PREFETCHABLE]: true });

/**
 * Loads, level by level, every prefetchable relation that a root field's selection asks for
 * below its value, by calling those fields' resolvers ahead for all objects of a level at once:
 * the same loaders and statements graphql-js would cause, one per relation level, but finished
 * before execution descends, so every relation below answers synchronously. Only a speed-up:
 * a branch that fails is left alone, and the field's own resolution reports the error.
 */
export async function prefetch(info: GraphQLResolveInfo, value: unknown, context: unknown): Promise<void> {
  await level(info, context, info.returnType, info.fieldNodes, [value]);
}

async function level(info: GraphQLResolveInfo, context: unknown, type: GraphQLOutputType, nodes: readonly FieldNode[], values: unknown[]): Promise<void> {
  const objectType = getNamedType(type);
  if (!isObjectType(objectType)) return;
  const objects = values.flat(Infinity).filter((v) => v !== null && v !== undefined);
  if (objects.length === 0) return;
  const fields = new Map<string, FieldNode[]>();
  for (const node of nodes) if (node.selectionSet) collectFields(info, objectType, node.selectionSet, fields);
  await Promise.all([...fields.values()].map((fieldNodes) => field(info, context, objectType, fieldNodes, objects)));
}

async function field(info: GraphQLResolveInfo, context: unknown, parentType: GraphQLObjectType, nodes: FieldNode[], objects: unknown[]): Promise<void> {
  const definition = parentType.getFields()[nodes[0].name.value];
  if (!definition || !nodes.some((n) => n.selectionSet)) return;
  let children: unknown[];
  try {
    if (definition.resolve && definition.extensions[PREFETCHABLE]) {
      const args = getArgumentValues(definition, nodes[0], info.variableValues);
      children = await Promise.all(objects.map((o) => definition.resolve!(o, args, context, info)));
    } else {
      // Any other field is followed as a property (a connection's edges, an edge's node), which
      // is what @nestjs/graphql resolves a plain @Field with; a resolver of its own, one not
      // marked, finds nothing there and its subtree is left to graphql-js.
      children = objects.map((o) => (o as Record<string, unknown>)[definition.name]);
      if (children.some((c) => typeof c === 'function')) return;
    }
    await level(info, context, definition.type, nodes, children);
  } catch {
    return;
  }
}

/** The fields a selection set asks of an object type, by response name, as graphql-js collects them. */
function collectFields(info: GraphQLResolveInfo, type: GraphQLObjectType, selectionSet: SelectionSetNode, fields: Map<string, FieldNode[]>, visited = new Set<string>()): void {
  for (const selection of selectionSet.selections) {
    if (!included(info, selection)) continue;
    if (selection.kind === Kind.FIELD) {
      const name = selection.alias?.value ?? selection.name.value;
      const list = fields.get(name);
      if (list) list.push(selection);
      else fields.set(name, [selection]);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (!selection.typeCondition || appliesTo(info, selection.typeCondition.name.value, type)) collectFields(info, type, selection.selectionSet, fields, visited);
    } else {
      const name = selection.name.value;
      const fragment = info.fragments[name];
      if (visited.has(name) || !fragment || !appliesTo(info, fragment.typeCondition.name.value, type)) continue;
      visited.add(name);
      collectFields(info, type, fragment.selectionSet, fields, visited);
    }
  }
}

function included(info: GraphQLResolveInfo, node: Parameters<typeof getDirectiveValues>[1]): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, info.variableValues)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues)?.if !== false;
}

function appliesTo(info: GraphQLResolveInfo, typeName: string, type: GraphQLObjectType): boolean {
  const condition = info.schema.getType(typeName);
  if (!condition) return false;
  return condition === type || (isAbstractType(condition) && info.schema.isSubType(condition, type));
}
