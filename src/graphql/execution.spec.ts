import type { GatewayExecutor, GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { GraphQLError, GraphQLInt, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString, parse } from 'graphql';
import { Execution } from './execution';

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      hello: {
        type: GraphQLString,
        args: { name: { type: new GraphQLNonNull(GraphQLString) } },
        resolve: (_parent, { name }: { name: string }) => `Hallo ${name}`,
      },
      broken: {
        type: GraphQLString,
        resolve: () => {
          throw new Error('kaputt');
        },
      },
      n: { type: GraphQLInt, resolve: () => 7 },
    },
  }),
});

async function executorOf(execution: Execution): Promise<GatewayExecutor> {
  execution.serve(schema);
  return (await execution.load()).executor;
}

/** Runs `query` as Apollo hands it over: parsed, with the hash of its text. */
const run = (executor: GatewayExecutor, query: string, variables: Record<string, unknown> = {}) =>
  executor({
    document: parse(query),
    request: { query, variables },
    context: {},
    queryHash: query,
  } as unknown as GatewayGraphQLRequestContext);

describe('Execution', () => {
  let compile: jest.SpyInstance;
  beforeEach(() => {
    compile = jest.spyOn(Execution.prototype as unknown as { compile: () => unknown }, 'compile');
  });
  afterEach(() => compile.mockRestore());

  it('interprets an operation the first time it runs and compiles it the second, once', async () => {
    const executor = await executorOf(new Execution(true, 10));
    const query = 'query($name: String!) { hello(name: $name) n }';
    const answers = [];
    for (const name of ['Erika', 'Max', 'Mia']) answers.push(await run(executor, query, { name }));
    expect(answers.map((answer) => answer.data)).toEqual([
      { hello: 'Hallo Erika', n: 7 },
      { hello: 'Hallo Max', n: 7 },
      { hello: 'Hallo Mia', n: 7 },
    ]);
    expect(compile).toHaveBeenCalledTimes(1);
  });

  it('keeps only the operations used last compiled, and compiles one again when it comes back', async () => {
    const executor = await executorOf(new Execution(true, 2));
    const queries = ['{ n }', '{ a: n }', '{ b: n }'];
    for (const query of queries) for (let i = 0; i < 2; i += 1) await run(executor, query);
    expect(compile).toHaveBeenCalledTimes(3);
    await run(executor, '{ n }');
    expect(compile).toHaveBeenCalledTimes(4);
  });

  it('never compiles when compiling is off', async () => {
    const executor = await executorOf(new Execution(false, 10));
    for (let i = 0; i < 3; i += 1) await expect(run(executor, '{ n }')).resolves.toEqual({ data: { n: 7 } });
    expect(compile).not.toHaveBeenCalled();
  });

  it("answers a resolver's error compiled as interpreted: a graphql-js GraphQLError with extensions, path and locations", async () => {
    const executor = await executorOf(new Execution(true, 10));
    const [interpreted, compiled] = [await run(executor, '{ broken n }'), await run(executor, '{ broken n }')];
    expect(compile).toHaveBeenCalledTimes(1);
    expect(compiled.data).toEqual(interpreted.data);
    const [error] = compiled.errors!;
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error.extensions).toEqual({});
    expect(error.originalError?.message).toBe('kaputt');
    expect(error.toJSON()).toEqual(interpreted.errors![0].toJSON());
  });

  it('refuses bad variables before running anything, naming the variable', async () => {
    const executor = await executorOf(new Execution(true, 10));
    const answer = await run(executor, 'query($name: String!) { hello(name: $name) }', { name: 3 });
    expect(answer.data).toBeUndefined();
    expect(answer.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'name' }] });
  });
});
