import { ASTVisitor, GraphQLError, ValidationContext } from 'graphql';

/**
 * Refuses an operation whose type the schema has no root for (this schema has no subscriptions):
 * graphql-js 16 leaves that to execution, which throws an error without a code that the formatter
 * can only mask as INTERNAL_SERVER_ERROR. graphql-js 17 ships this rule as KnownOperationTypesRule.
 */
export function knownOperationTypesRule(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      if (!context.getSchema().getRootType(node.operation)) {
        context.reportError(new GraphQLError(`The schema has no ${node.operation} operations`, { nodes: node }));
      }
    },
  };
}
