import {
  coerceInputValue,
  GraphQLError,
  GraphQLSchema,
  isInputType,
  isNonNullType,
  OperationDefinitionNode,
  typeFromAST,
  VariableDefinitionNode,
} from 'graphql';
import { ScalarFormError } from './scalars';

/** graphql-js gives up on a request's variables after as many errors. */
const MAX_ERRORS = 50;

/** A path inside a variable as written after its name: `.parties[0].allianceId`. */
const pathText = (path: readonly (string | number)[]) => path.map((step) => (typeof step === 'number' ? `[${step}]` : `.${step}`)).join('');

/** Where a value stands inside a variable, as the validation pipe names input fields: `parties[0].allianceId`; the variable itself, or its item `ids[1]`. */
function fieldAt(variable: string, path: readonly (string | number)[]): string {
  const text = pathText(path);
  return typeof path[0] === 'string' ? text.slice(1) : `${variable}${text}`;
}

/**
 * Every value of the request's variables that its type refuses, as BAD_USER_INPUT naming the
 * field in extensions.fields: graphql-js's own coercion (getVariableValues), with the field taken
 * from the path it coerces along instead of from the text of its message. A Date or DateTime of
 * another form says which form it must have. Empty when the variables are fine.
 */
export function variableErrors(schema: GraphQLSchema, operation: OperationDefinitionNode, inputs: Record<string, unknown>): GraphQLError[] {
  const errors: GraphQLError[] = [];
  const refuse = (definition: VariableDefinitionNode, message: string, field: string, reason: string) =>
    errors.push(
      new GraphQLError(message, { nodes: definition, extensions: { code: 'BAD_USER_INPUT', fields: [{ field, message: reason }] } }),
    );
  for (const definition of operation.variableDefinitions ?? []) {
    if (errors.length >= MAX_ERRORS) break;
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type);
    // Validation has refused a document whose variable has no input type.
    if (!type || !isInputType(type)) continue;
    const fail = (message: string, field: string, reason: string) => refuse(definition, message, field, reason);
    if (!Object.prototype.hasOwnProperty.call(inputs, name)) {
      if (!definition.defaultValue && isNonNullType(type))
        fail(`Variable "$${name}" of required type "${String(type)}" was not provided.`, name, 'was not provided');
      continue;
    }
    const value = inputs[name];
    if (value === null && isNonNullType(type)) {
      fail(`Variable "$${name}" of non-null type "${String(type)}" must not be null.`, name, 'must not be null');
      continue;
    }
    coerceInputValue(value, type, (path, _invalid, error) => {
      if (errors.length >= MAX_ERRORS) return;
      const field = fieldAt(name, path);
      if (error.originalError instanceof ScalarFormError) {
        const message = `${field} ${error.originalError.message}`;
        fail(message, field, message);
        return;
      }
      const at = path.length > 0 ? ` at "${name}${pathText(path)}"` : '';
      fail(`Variable "$${name}" has an invalid value${at}: ${error.message}`, field, error.message);
    });
  }
  return errors;
}
