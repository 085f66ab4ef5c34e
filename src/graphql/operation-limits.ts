import {
  DocumentNode,
  FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  GraphQLNamedType,
  GraphQLSchema,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  Lexer,
  OperationDefinitionNode,
  SelectionSetNode,
  Source,
  TokenKind,
} from 'graphql';
import { ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import { CostBudget } from './rate-limit';
import { RequestContext } from './request-context';

export interface OperationLimits {
  depth: number;
  cost: number;
  aliases: number;
  rootFields: number;
}

export type Measure = 'depth' | 'cost' | 'aliases' | 'rootFields' | 'tokens';

/** The page size a connection has when the query does not say `first` (the schema's default). */
const DEFAULT_FIRST = 20;
/**
 * PageArgs refuses a `first` outside 1..100 with BAD_USER_INPUT, the more precise answer, before
 * reading anything; clamped, so a negative one cannot hide the cost of the rest of the operation.
 */
const MAX_FIRST = 100;
const pageSize = (first: unknown) => (typeof first === 'number' ? Math.min(Math.max(first, 0), MAX_FIRST) : DEFAULT_FIRST);
/** Lists without `first` (memberships, roles, sources …) are small in this registry; a guess that errs high. */
const ASSUMED_LIST_SIZE = 10;

const DESCRIBED: Record<Measure, (actual: number) => string> = {
  depth: (actual) => `The operation nests fields ${actual} deep`,
  cost: (actual) => `The operation would cost ${actual} points`,
  aliases: (actual) => `The operation has ${actual} aliases`,
  rootFields: (actual) => `The operation has ${actual} root fields`,
  tokens: (actual) => `The document has ${actual} tokens`,
};

function tooComplexError(measure: Measure, limit: number, actual: number) {
  return {
    message: `${DESCRIBED[measure](actual)}; the limit is ${limit}`,
    extensions: { code: 'QUERY_TOO_COMPLEX', measure, limit, actual },
  };
}

function tooComplex(measure: Measure, limit: number, actual: number): GraphQLError {
  const { message, extensions } = tooComplexError(measure, limit, actual);
  return new GraphQLError(message, { extensions: { ...extensions, http: { status: 400 } } });
}

const isIntrospection = (typeName: string) => typeName.startsWith('__');

/**
 * What an operation may cost: every field 1 plus what it selects; a list multiplies what it
 * selects by its length, known from `first` for connections (whose `edges` then add nothing
 * more) and guessed for other lists. Introspection is answered from the schema in memory, not
 * the database, so its lists count once: its recursion is bounded by depth instead.
 */
export const costEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (type.name.endsWith('Connection') && field.name === 'edges') return childComplexity;
  if ('first' in args) return 1 + pageSize(args.first) * childComplexity;
  if (isListType(getNullableType(field.type)) && !isIntrospection(type.name)) return 1 + ASSUMED_LIST_SIZE * childComplexity;
  return 1 + childComplexity;
};

interface Shape {
  /** Nested fields on the deepest path. */
  depth: number;
  aliases: number;
  /** Fields at this level, through fragments. */
  width: number;
  /** Every field selected, fragments expanded as often as they are spread. */
  fields: number;
}

const EMPTY: Shape = { depth: 0, aliases: 0, width: 0, fields: 0 };

/**
 * Measures a selection as if its fragments were written out, without writing them out: each
 * fragment is measured once and reused, so a fragment that spreads another twice, many times
 * over, is measured in linear time while its figures grow as the expansion would.
 */
class ShapeOfOperation {
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly measured = new Map<string, Shape>();
  private readonly onPath = new Set<string>();

  constructor(
    private readonly schema: GraphQLSchema,
    document: DocumentNode,
  ) {
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) this.fragments.set(definition.name.value, definition);
    }
  }

  of(selectionSet: SelectionSetNode, parentType: GraphQLNamedType | undefined): Shape {
    const shape = { ...EMPTY };
    for (const selection of selectionSet.selections) {
      let child: Shape;
      if (selection.kind === Kind.FIELD) {
        const inner = selection.selectionSet ? this.of(selection.selectionSet, this.typeOf(parentType, selection.name.value)) : EMPTY;
        // `ofType` unwraps a list or non-null type by one step: a chain without fan-out, which
        // the standard introspection query nests nine deep.
        const nests = !(parentType?.name === '__Type' && selection.name.value === 'ofType');
        child = {
          depth: inner.depth + (nests ? 1 : 0),
          aliases: inner.aliases + (selection.alias ? 1 : 0),
          width: 1,
          fields: inner.fields + 1,
        };
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        child = this.of(
          selection.selectionSet,
          selection.typeCondition ? this.schema.getType(selection.typeCondition.name.value) : parentType,
        );
      } else {
        child = this.ofFragment(selection.name.value);
      }
      shape.depth = Math.max(shape.depth, child.depth);
      shape.aliases += child.aliases;
      shape.width += child.width;
      shape.fields += child.fields;
    }
    return shape;
  }

  private typeOf(parentType: GraphQLNamedType | undefined, fieldName: string): GraphQLNamedType | undefined {
    if (fieldName === '__schema') return this.schema.getType('__Schema');
    if (fieldName === '__type') return this.schema.getType('__Type');
    if (!isObjectType(parentType) && !isInterfaceType(parentType)) return undefined;
    const field = parentType.getFields()[fieldName];
    return field ? getNamedType(field.type) : undefined;
  }

  private ofFragment(name: string): Shape {
    const known = this.measured.get(name);
    if (known) return known;
    const fragment = this.fragments.get(name);
    // Unknown and circular spreads are refused by GraphQL's own validation before this runs.
    if (!fragment || this.onPath.has(name)) return EMPTY;
    this.onPath.add(name);
    const shape = this.of(fragment.selectionSet, this.schema.getType(fragment.typeCondition.name.value));
    this.onPath.delete(name);
    this.measured.set(name, shape);
    return shape;
  }
}

/** An operation's cost, null when the variables do not fit it; or the first limit it breaks (measure, limit, actual). */
type Assessment = { cost: number | null } | { refused: [Measure, number, number] };

/** Checks an operation against the limits, fragments expanded. */
function assess(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  limits: OperationLimits,
): Assessment {
  const shape = new ShapeOfOperation(schema, document).of(operation.selectionSet, schema.getRootType(operation.operation) ?? undefined);
  if (shape.width > limits.rootFields) return { refused: ['rootFields', limits.rootFields, shape.width] };
  if (shape.aliases > limits.aliases) return { refused: ['aliases', limits.aliases, shape.aliases] };
  if (shape.depth > limits.depth) return { refused: ['depth', limits.depth, shape.depth] };
  // Every field costs at least 1 (unless @skip drops it), so this many fields is over the limit
  // whatever they select, and `actual` a floor; refusing here also spares the cost walker, which
  // expands each fragment as often as it is spread: exponential time for a fragment bomb.
  if (shape.fields > limits.cost) return { refused: ['cost', limits.cost, shape.fields] };
  let cost: number;
  try {
    cost = getComplexity({
      schema,
      query: document,
      operationName: operation.name?.value,
      variables,
      estimators: [costEstimator],
      maxQueryNodes: Infinity,
    });
  } catch (error) {
    if (error instanceof GraphQLError) return { cost: null };
    throw error;
  }
  if (cost > limits.cost) return { refused: ['cost', limits.cost, cost] };
  return { cost };
}

/** Variable sets kept per document; a dashboard sends a few, a script paging through a list more. */
const KEPT_PER_DOCUMENT = 100;

/**
 * An operation's measures, remembered: they depend only on the document, the operation and the
 * variables, and Apollo hands over the same DocumentNode for the same query text (its document
 * store), so the answers are kept with the document and go when it goes. Measuring (above all
 * graphql-query-complexity's walk) was 13 % of a cached answer's time (issue 5).
 */
export class OperationMeasures {
  private readonly byDocument = new WeakMap<DocumentNode, Map<string, Assessment>>();

  constructor(private readonly limits: OperationLimits) {}

  /**
   * The operation's cost, null when the variables do not fit it (execution then refuses them with
   * BAD_USER_INPUT before any resolver runs); throws QUERY_TOO_COMPLEX for the first limit it breaks.
   */
  measure(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Record<string, unknown> | undefined,
  ): number | null {
    const measured = this.remembered(document, operation, variables, () => assess(schema, document, operation, variables, this.limits));
    if ('refused' in measured) throw tooComplex(...measured.refused);
    return measured.cost;
  }

  private remembered(
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Record<string, unknown> | undefined,
    work: () => Assessment,
  ): Assessment {
    let key: string;
    try {
      key = `${operation.name?.value ?? ''} ${JSON.stringify(variables ?? null)}`;
    } catch {
      // Variables nested too deep to serialise: measured each time (and refused by execution).
      return work();
    }
    let kept = this.byDocument.get(document);
    if (!kept) this.byDocument.set(document, (kept = new Map<string, Assessment>()));
    let measured = kept.get(key);
    if (!measured) {
      measured = work();
      if (kept.size >= KEPT_PER_DOCUMENT) kept.clear();
      kept.set(key, measured);
    }
    return measured;
  }
}

/**
 * Whether a syntax error is the parser stopping at `limit` tokens: it reports that at the token
 * past the limit, so the error stands where the document's (limit + 1)-th token begins. Told by
 * position, not by graphql-js's message; comments are not tokens, for the parser or here.
 */
function stoppedAtLimit(error: GraphQLError, limit: number): boolean {
  const position = error.positions?.[0];
  if (!error.source || position === undefined) return false;
  const lexer = new Lexer(error.source);
  let count = 0;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF && token.start <= position && count <= limit; token = lexer.advance()) {
      count += 1;
      if (token.start === position) return count === limit + 1;
    }
  } catch {
    // A lexical error before the position: a syntax error of the document's own.
  }
  return false;
}

/**
 * graphql-js's parser stops at `maxTokens` with a syntax error that Apollo reports as a parse
 * failure; the contract calls it QUERY_TOO_COMPLEX, with the document's token count. The count
 * stops at twice the limit (and says "at least"): enough to tell a caller by how much, while
 * counting a whole 1 MB document would cost a hundred times what the parser spent on it.
 */
export function tokenLimitError(error: unknown, limit: number) {
  if (!(error instanceof GraphQLError) || !error.source || !stoppedAtLimit(error, limit)) return null;
  const counted = countTokens(error.source.body, 2 * limit);
  const refused = tooComplexError('tokens', limit, counted);
  if (counted < 2 * limit) return refused;
  return { ...refused, message: `The document has at least ${counted} tokens; the limit is ${limit}` };
}

function countTokens(body: string, atMost: number): number {
  const lexer = new Lexer(new Source(body));
  let count = 0;
  try {
    while (count < atMost && lexer.advance().kind !== TokenKind.EOF) count += 1;
  } catch {
    // A lexical error further on than the parser read; the count so far stands.
  }
  return count;
}

interface ResolvedOperation {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation?: OperationDefinitionNode;
  request: { variables?: Record<string, unknown> };
  contextValue: RequestContext;
}

function rateLimited(retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(`Rate limit exceeded: try again in ${retryAfterSeconds} s`, {
    extensions: {
      code: 'RATE_LIMITED',
      retryAfter: retryAfterSeconds,
      http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
    },
  });
}

/**
 * Refuses an operation over a limit, then charges its cost to the caller's budget (a token's
 * subject, else the client address), after validation and before any resolver runs. Typed
 * structurally for the reason given in error-logging.plugin.ts.
 */
export function operationLimitsPlugin(
  limits: OperationLimits,
  budget: CostBudget,
): { requestDidStart(): Promise<{ didResolveOperation(request: ResolvedOperation): Promise<void> }> } {
  const measures = new OperationMeasures(limits);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          // Several operations and no name to choose one: execution refuses the request itself.
          if (!operation) return;
          const caller = contextValue.actor ? `sub:${contextValue.actor.sub}` : `ip:${contextValue.req.ip ?? 'unknown'}`;
          let cost: number | null;
          try {
            cost = measures.measure(schema, document, operation, request.variables);
          } catch (error) {
            // Refusing costs little, but not nothing: a stream of refused operations still spends.
            budget.spend(caller, 1);
            throw error;
          }
          const spent = budget.spend(caller, cost ?? 1);
          if (!spent.allowed) throw rateLimited(spent.retryAfterSeconds);
        },
      };
    },
  };
}
