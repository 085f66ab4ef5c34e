import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, GraphQLField, GraphQLInputField, GraphQLSchema, isEnumType, isInputObjectType, isObjectType } from 'graphql';

/** Every type, field, argument, default and enum value of the contract, as the service spells and types it. */
function differences(contract: GraphQLSchema, ours: GraphQLSchema): string[] {
  const problems: string[] = [];
  for (const [name, type] of Object.entries(contract.getTypeMap())) {
    if (name.startsWith('__')) continue;
    const mine = ours.getType(name);
    if (!mine) {
      problems.push(`type ${name} is missing`);
      continue;
    }
    if (isEnumType(type) && isEnumType(mine)) {
      for (const value of type.getValues()) if (!mine.getValue(value.name)) problems.push(`enum ${name} lacks ${value.name}`);
    }
    if ((isObjectType(type) && isObjectType(mine)) || (isInputObjectType(type) && isInputObjectType(mine))) {
      const fields = mine.getFields() as Record<string, GraphQLField<unknown, unknown> | GraphQLInputField>;
      for (const [fieldName, field] of Object.entries(
        type.getFields() as Record<string, GraphQLField<unknown, unknown> | GraphQLInputField>,
      )) {
        const own = fields[fieldName];
        if (!own) {
          problems.push(`${name}.${fieldName} is missing`);
          continue;
        }
        if (String(own.type) !== String(field.type))
          problems.push(`${name}.${fieldName} is ${String(own.type)}, the contract says ${String(field.type)}`);
        for (const arg of 'args' in field ? field.args : []) {
          const ownArg = 'args' in own ? own.args.find((a) => a.name === arg.name) : undefined;
          if (!ownArg) problems.push(`${name}.${fieldName}(${arg.name}) is missing`);
          else if (String(ownArg.type) !== String(arg.type))
            problems.push(`${name}.${fieldName}(${arg.name}) is ${String(ownArg.type)}, the contract says ${String(arg.type)}`);
          else if (ownArg.defaultValue !== arg.defaultValue)
            problems.push(
              `${name}.${fieldName}(${arg.name}) defaults to ${String(ownArg.defaultValue)}, the contract says ${String(arg.defaultValue)}`,
            );
        }
      }
    }
  }
  return problems;
}

describe('the public contract', () => {
  it('is served exactly as written: no name, type, argument or default differs', () => {
    const contract = buildSchema(readFileSync(join(__dirname, 'contract', 'api.graphql'), 'utf8'));
    const ours = buildSchema(readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8'));
    expect(differences(contract, ours)).toEqual([]);
  });
});
