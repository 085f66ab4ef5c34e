import { GraphQLSchema, OperationDefinitionNode, parse } from 'graphql';
import { buildASTSchema } from 'graphql/utilities';
import { DateScalar } from './scalars';
import { variableErrors } from './variables';

const schema: GraphQLSchema = (() => {
  const built = buildASTSchema(
    parse(`
      scalar Date
      enum Kind { IHK HWK }
      input Party { allianceId: ID! signatory: String }
      input Agreement { title: String! signedOn: Date parties: [Party!]! kind: Kind }
      type Query { q(a: Agreement, n: Int, ids: [ID!], day: Date): Int }
    `),
  );
  Object.assign(built.getType('Date')!, { parseValue: DateScalar.parseValue, parseLiteral: DateScalar.parseLiteral });
  return built;
})();

const operation = (source: string) => parse(source).definitions[0] as OperationDefinitionNode;
const ALL = operation('query($a: Agreement!, $n: Int = 3, $ids: [ID!], $day: Date) { q(a: $a, n: $n, ids: $ids, day: $day) }');

/** The field each error names, and its reason. */
const refused = (inputs: Record<string, unknown>) =>
  variableErrors(schema, ALL, inputs).map((error) => {
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    return (error.extensions.fields as { field: string; message: string }[])[0];
  });

const agreement = { title: 'Kooperationsvereinbarung', parties: [{ allianceId: 'a' }, { allianceId: 'b' }] };

describe('variableErrors', () => {
  it('is empty for values of their types, defaults and optional variables left out', () => {
    expect(variableErrors(schema, ALL, { a: agreement })).toEqual([]);
    expect(variableErrors(schema, ALL, { a: { ...agreement, signedOn: '2012-09-24', kind: 'IHK' }, ids: ['x'], day: null })).toEqual([]);
  });

  it('names a required variable left out or null by the variable', () => {
    expect(refused({})).toEqual([{ field: 'a', message: 'was not provided' }]);
    expect(refused({ a: null })).toEqual([{ field: 'a', message: 'must not be null' }]);
  });

  it('names a field inside an input object as the validation pipe does, with list positions (an object missing a field by itself)', () => {
    const fields = refused({ a: { title: 7, parties: [{ allianceId: 'a' }, { signatory: 'x' }, { allianceId: 1.5 }], kind: 'DGB' } });
    expect(fields.map((f) => f.field)).toEqual(['title', 'parties[1]', 'parties[2].allianceId', 'kind']);
    expect(fields[1].message).toBe('Field "allianceId" of required type "ID!" was not provided.');
  });

  it('names a list variable with the position, and a scalar variable by itself', () => {
    expect(refused({ a: agreement, ids: ['x', null] }).map((f) => f.field)).toEqual(['ids[1]']);
    expect(refused({ a: agreement, n: 'drei' }).map((f) => f.field)).toEqual(['n']);
  });

  it('says which form a date must have, naming the field, inside an input and as a variable', () => {
    const [inside, direct] = refused({ a: { ...agreement, signedOn: '24.09.2012' }, day: '2012/09/24' });
    expect(inside.field).toBe('signedOn');
    expect(inside.message).toMatch(/^signedOn must be a calendar date in the form YYYY-MM-DD .*, got "24\.09\.2012"$/);
    expect(direct.field).toBe('day');
    expect(direct.message).toMatch(/^day must be a calendar date/);
    const [error] = variableErrors(schema, ALL, { a: agreement, day: 'x' });
    expect(error.message).toBe('day must be a calendar date in the form YYYY-MM-DD (e.g. 2013-03-18), got "x"');
  });

  it('stops at fifty errors, as graphql-js does', () => {
    const parties = Array.from({ length: 80 }, () => ({}));
    expect(variableErrors(schema, ALL, { a: { ...agreement, parties } })).toHaveLength(50);
  });
});
