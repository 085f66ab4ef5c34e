import { buildSchema, FieldNode, GraphQLError, Kind, OperationDefinitionNode, parse, SelectionNode, SelectionSetNode } from 'graphql';
import { OperationMeasures } from './operation-limits';

const schema = buildSchema(`
  type Query { alliances(first: Int): AllianceConnection! }
  type AllianceConnection { totalCount: Int! edges: [AllianceEdge!]! }
  type AllianceEdge { node: Alliance! }
  type Alliance { id: ID! name: String! }
`);
const LIMITS = { depth: 10, cost: 200, aliases: 10, rootFields: 5 };
const document = parse('query List($first: Int) { alliances(first: $first) { totalCount edges { node { id name } } } }');
const operation = document.definitions[0] as OperationDefinitionNode;

describe('OperationMeasures', () => {
  it('measures each set of variables: the cost follows `first`', () => {
    const measures = new OperationMeasures(LIMITS);
    expect(measures.measure(schema, document, operation, { first: 5 })).toBe(1 + 5 * (1 + 1 + 2));
    expect(measures.measure(schema, document, operation, { first: 20 })).toBe(1 + 20 * (1 + 1 + 2));
  });

  it('remembers a measure with its document instead of measuring it again', () => {
    const measures = new OperationMeasures(LIMITS);
    const own = parse('query List($first: Int) { alliances(first: $first) { totalCount edges { node { id name } } } }');
    const ownOperation = own.definitions[0] as OperationDefinitionNode;
    expect(measures.measure(schema, own, ownOperation, { first: 5 })).toBe(21);
    // Changed in place (which Apollo never does), the document would measure more; asked again, it is not measured again.
    const field = (set: SelectionSetNode | undefined, index: number) => set!.selections[index] as FieldNode;
    const node = field(field(field(ownOperation.selectionSet, 0).selectionSet, 1).selectionSet, 0);
    (node.selectionSet!.selections as SelectionNode[]).push({ kind: Kind.FIELD, name: { kind: Kind.NAME, value: 'id' } });
    expect(measures.measure(schema, own, ownOperation, { first: 5 })).toBe(21);
    expect(new OperationMeasures(LIMITS).measure(schema, own, ownOperation, { first: 5 })).toBe(26);
  });

  it('refuses an operation over a limit every time it is asked, with a fresh error', () => {
    const measures = new OperationMeasures(LIMITS);
    const refusal = () => {
      try {
        measures.measure(schema, document, operation, { first: 100 });
      } catch (error) {
        return error as GraphQLError;
      }
      throw new Error('not refused');
    };
    const [once, twice] = [refusal(), refusal()];
    expect(once).not.toBe(twice);
    for (const error of [once, twice])
      expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', measure: 'cost', limit: 200, actual: 401 });
  });

  it('leaves variables that do not fit the operation to execution (no cost)', () => {
    expect(new OperationMeasures(LIMITS).measure(schema, document, operation, { first: 'many' })).toBeNull();
  });
});
