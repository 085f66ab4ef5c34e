import type { GatewayExecutor, GatewayInterface, GatewaySchemaLoadOrUpdateCallback } from '@apollo/server-gateway-interface';
import { DocumentNode, execute, ExecutionResult, getOperationAST, GraphQLError, GraphQLSchema } from 'graphql';
import { CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import { variableErrors } from './variables';

/**
 * How the registry executes an operation once Apollo has parsed and validated it and the plugins
 * have let it through: its variables are checked by variables.ts (BAD_USER_INPUT naming each bad
 * field), then the operation runs, compiled or interpreted.
 *
 * Compiled (GRAPHQL_COMPILED_EXECUTION, the default): graphql-jit compiles each operation of a
 * document once into JavaScript that walks its selection directly, instead of graphql-js reading
 * the document again for every field of every object. An alliance list at scale 100 resolves
 * some 11,000 fields, and interpreting them was a third of the service's CPU per request (issue 14).
 *
 * Apollo Server's one seam for an executor of one's own is its gateway interface; this gateway
 * serves the schema Nest builds (handed over by `serve`, Nest's transformSchema hook).
 */
export class Execution implements GatewayInterface {
  private schema: GraphQLSchema | undefined;
  private readonly listeners = new Set<GatewaySchemaLoadOrUpdateCallback>();
  /** Per document (Apollo keeps one per query text) and operation name. */
  private readonly compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | ExecutionResult>>();

  constructor(private readonly compiling: boolean) {}

  /** The schema to execute against: the last step of building it. */
  readonly serve = (schema: GraphQLSchema): GraphQLSchema => {
    this.schema = schema;
    return schema;
  };

  onSchemaLoadOrUpdate(callback: GatewaySchemaLoadOrUpdateCallback): () => void {
    this.listeners.add(callback);
    return () => this.listeners.delete(callback);
  }

  load(): Promise<{ executor: GatewayExecutor }> {
    const apiSchema = this.built();
    for (const listener of this.listeners) listener({ apiSchema, coreSupergraphSdl: '' });
    return Promise.resolve({ executor: this.run });
  }

  stop(): Promise<void> {
    this.listeners.clear();
    return Promise.resolve();
  }

  private built(): GraphQLSchema {
    if (!this.schema) throw new Error('The schema was not built: serve() must be the GraphQL module transformSchema');
    return this.schema;
  }

  private readonly run: GatewayExecutor = async ({ document, request, context }) => {
    const schema = this.built();
    // The name the caller sent: Apollo's own operationName is null when that name matches nothing.
    const operationName = request.operationName ?? null;
    const operation = getOperationAST(document, operationName);
    // A document whose operation cannot be picked (none by that name, or several and no name)
    // is answered with graphql-js's error, as Apollo answers it.
    if (!operation) return execute({ schema, document, operationName });
    const variableValues = request.variables ?? {};
    const refused = variableErrors(schema, operation, variableValues);
    if (refused.length > 0) return { errors: refused };
    if (!this.compiling) return execute({ schema, document, operationName, contextValue: context, variableValues });
    const compiled = this.compile(schema, document, operationName);
    if (!isCompiledQuery(compiled)) return compiled;
    const result = await compiled.query(undefined, context, variableValues);
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
  };

  private compile(schema: GraphQLSchema, document: DocumentNode, operationName: string | null): CompiledQuery | ExecutionResult {
    let operations = this.compiled.get(document);
    if (!operations) this.compiled.set(document, (operations = new Map<string, CompiledQuery | ExecutionResult>()));
    const key = operationName ?? '';
    let compiled = operations.get(key);
    if (!compiled) operations.set(key, (compiled = compileQuery(schema, document, operationName ?? undefined)));
    return compiled;
  }
}

/**
 * graphql-jit's errors lack `extensions` when their cause has none, and Apollo reads
 * `extensions.code` of every error: each becomes a graphql-js GraphQLError with its message,
 * path, locations and cause, as graphql-js would have made it.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const copy = new GraphQLError(error.message, { path: error.path, originalError: error.originalError });
  return Object.defineProperty(copy, 'locations', { value: error.locations, enumerable: error.locations !== undefined });
}
