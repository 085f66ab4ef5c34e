import {
  FieldNode,
  getDirectiveValues,
  getNamedType,
  GraphQLIncludeDirective,
  GraphQLObjectType,
  GraphQLResolveInfo,
  GraphQLSkipDirective,
  isAbstractType,
  isObjectType,
  Kind,
  SelectionSetNode,
} from 'graphql';

/** The fields a selection set asks of an object type, by response name, as graphql-js collects them. */
export function collectFields(
  info: GraphQLResolveInfo,
  type: GraphQLObjectType,
  selectionSet: SelectionSetNode,
  fields: Map<string, FieldNode[]>,
  visited = new Set<string>(),
): void {
  for (const selection of selectionSet.selections) {
    if (!included(info, selection)) continue;
    if (selection.kind === Kind.FIELD) {
      const name = selection.alias?.value ?? selection.name.value;
      const list = fields.get(name);
      if (list) list.push(selection);
      else fields.set(name, [selection]);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (!selection.typeCondition || appliesTo(info, selection.typeCondition.name.value, type))
        collectFields(info, type, selection.selectionSet, fields, visited);
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

/** Whether a field's selection asks the object it returns for `name` (under any alias, through fragments, not skipped). */
export function selects(info: GraphQLResolveInfo, name: string): boolean {
  const type = getNamedType(info.returnType);
  if (!isObjectType(type)) return false;
  const fields = new Map<string, FieldNode[]>();
  for (const node of info.fieldNodes) if (node.selectionSet) collectFields(info, type, node.selectionSet, fields);
  return [...fields.values()].some((nodes) => nodes.some((node) => node.name.value === name));
}
