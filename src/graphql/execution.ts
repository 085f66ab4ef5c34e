import type { GatewayExecutor, GatewayInterface, GatewaySchemaLoadOrUpdateCallback } from '@apollo/server-gateway-interface';
import { DocumentNode, execute, getOperationAST, GraphQLError, GraphQLSchema } from 'graphql';
import { CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';
import { setFlagsFromString } from 'node:v8';
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
 * Compiling costs more than one interpretation (~5 ms for one alliance in full) and the compiled
 * code stays in memory (some hundred kB each), while callers choose how many different documents
 * they send: an operation is compiled the second time it runs, and only the `compiledOperations`
 * used last are kept. The others are interpreted, as a first run is.
 *
 * Apollo Server's one seam for an executor of one's own is its gateway interface; this gateway
 * serves the schema Nest builds (handed over by `serve`, Nest's transformSchema hook).
 */
export class Execution implements GatewayInterface {
  private schema: GraphQLSchema | undefined;
  private readonly listeners = new Set<GatewaySchemaLoadOrUpdateCallback>();
  /** By query hash and operation name; false for one graphql-jit cannot compile, which graphql-js runs. */
  private readonly compiled: LRUCache<string, CompiledQuery | false>;
  /** Operations that ran once, interpreted: the next run compiles them. */
  private readonly seen: LRUCache<string, true>;

  constructor(
    private readonly compiling: boolean,
    compiledOperations: number,
  ) {
    // graphql-jit compiles with `new Function`, and V8 keeps the source of every such function in
    // its compilation cache for the life of the process: 65 kB per compiled operation, never given
    // back, so callers sending ever new documents would grow the service without bound. The cache
    // only speeds up compiling the same source twice, which nothing else here does.
    if (compiling) setFlagsFromString('--no-compilation-cache');
    this.compiled = new LRUCache({ max: Math.max(compiledOperations, 1) });
    this.seen = new LRUCache({ max: Math.max(compiledOperations, 1) * 10 });
  }

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

  private readonly run: GatewayExecutor = async ({ document, request, context, queryHash }) => {
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
    const compiled = this.compiling ? this.compiledFor(`${queryHash}:${operationName ?? ''}`, schema, document, operationName) : null;
    if (!compiled) return execute({ schema, document, operationName, contextValue: context, variableValues });
    const result = await compiled.query(undefined, context, variableValues);
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
  };

  /** The operation compiled, when it has run before and graphql-jit can compile it; null otherwise. */
  private compiledFor(key: string, schema: GraphQLSchema, document: DocumentNode, operationName: string | null): CompiledQuery | null {
    let compiled = this.compiled.get(key);
    if (compiled === undefined) {
      if (!this.seen.has(key)) {
        this.seen.set(key, true);
        return null;
      }
      this.compiled.set(key, (compiled = this.compile(schema, document, operationName)));
    }
    return compiled || null;
  }

  private compile(schema: GraphQLSchema, document: DocumentNode, operationName: string | null): CompiledQuery | false {
    const compiled = compileQuery(schema, document, operationName ?? undefined);
    return isCompiledQuery(compiled) && compiled;
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
