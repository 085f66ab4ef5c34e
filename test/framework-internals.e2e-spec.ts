import 'reflect-metadata';
import { EventEmitter } from 'node:events';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { Args, GraphQLSchemaHost, PARAM_ARGS_METADATA } from '@nestjs/graphql';
import { GraphQLObjectType } from 'graphql';
import { Execution } from '../src/graphql/execution';
import { FieldArg } from '../src/graphql/field-arg.decorator';
import { PrefetchInterceptor } from '../src/graphql/prefetch.interceptor';
import { readsProperty } from '../src/graphql/sql-projection';
import { RequestContext } from '../src/graphql/request-context';
import { ResponseCache } from '../src/graphql/response-cache';
import { DataVersion } from '../src/database/data-version';
import { keysetPage } from '../src/database/keyset-page';
import { AllianceEntity } from '../src/modules/alliances/alliance.entity';
import { insertAlliance, insertMembership, insertOrganisation } from './support/factories';
import { createTestApp, TestApp, WITHOUT_RESPONSE_CACHE } from './support/test-app';

/**
 * What the service relies on inside its frameworks, each stated once so that an upgrade that
 * changes it fails here by name, instead of silently making the service slower or wrong.
 */
describe('framework internals the service relies on', () => {
  let t: TestApp;
  let intercepted: jest.SpyInstance;

  beforeAll(async () => {
    intercepted = jest.spyOn(PrefetchInterceptor.prototype, 'intercept');
    t = await createTestApp(WITHOUT_RESPONSE_CACHE);
  });
  afterAll(async () => {
    intercepted.mockRestore();
    await t.close();
  });

  it("@nestjs/graphql gives a plain @Field the resolver named 'rootFieldResolver' (or none): the SQL projection answers such fields from the row", () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const alliance = schema.getType('Alliance') as GraphQLObjectType;
    for (const plain of ['name', 'level', 'foundedOn', 'version']) expect(readsProperty(alliance.getFields()[plain])).toBe(true);
    expect(readsProperty(alliance.getFields().lead)).toBe(false);
  });

  it('@nestjs/graphql keys argument metadata as "<kind>:<parameter index>": FieldArg removes the key it declares by that suffix', () => {
    class WithArgs {
      plain(_parent: unknown, _name: string) {
        return null;
      }
      direct(_parent: unknown, _current: boolean) {
        return null;
      }
    }
    Args('name', { type: () => String })(WithArgs.prototype, 'plain', 1);
    const keys = Object.keys(Reflect.getMetadata(PARAM_ARGS_METADATA, WithArgs, 'plain') as object);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/:1$/);
    FieldArg('current', { type: () => Boolean, nullable: true })(WithArgs.prototype, 'direct', 1);
    expect(Object.keys((Reflect.getMetadata(PARAM_ARGS_METADATA, WithArgs, 'direct') as object | undefined) ?? {})).toEqual([]);
  });

  it('@nestjs/graphql binds a field resolver without parameter decorators directly: Nest interceptors run for the root field only', async () => {
    const alliance = await insertAlliance(t.dataSource);
    for (let i = 0; i < 3; i += 1)
      await insertMembership(t.dataSource, { allianceId: alliance, organisationId: await insertOrganisation(t.dataSource) });
    intercepted.mockClear();
    const result = await t.gql(
      `query($id: ID!) { alliance(id: $id) { region { name } memberships { organisation { name roles { title } } } } }`,
      {
        id: alliance,
      },
    );
    expect(result.data!.alliance.memberships).toHaveLength(3);
    expect(intercepted).toHaveBeenCalledTimes(1);
  });

  it('@nestjs/apollo hands ApolloServer the `gateway` option its config type leaves out: operations run through graphql/execution.ts', async () => {
    const compile = jest.spyOn(Execution.prototype as unknown as { compile: () => unknown }, 'compile');
    try {
      for (let run = 0; run < 2; run += 1) expect((await t.gql('{ regions { code } }')).data!.regions.length).toBeGreaterThan(0);
      // Compiled on its second run.
      expect(compile).toHaveBeenCalledTimes(1);
    } finally {
      compile.mockRestore();
    }
  });

  it("Apollo hands stringifyResult the data object a plugin's responseForOperation returned: the response cache's hits are its kept text", async () => {
    // A real Apollo Server with the cache and a data version that does not move: the second
    // question is answered from the cache, through the stand-in object the cache handed Apollo.
    const cache = new ResponseCache({ maxBytes: 1 << 20, publicRead: true, dataVersion: { current: async () => '1:1:' } as DataVersion });
    let executed = 0;
    const server = new ApolloServer<RequestContext>({
      typeDefs: 'type Query { answer: Int }',
      resolvers: { Query: { answer: () => (executed += 1) && 42 } },
      plugins: [cache.plugin()],
      stringifyResult: cache.stringifyResult,
    });
    await server.start();
    try {
      const ask = async () => {
        const response = await server.executeHTTPGraphQLRequest({
          httpGraphQLRequest: {
            method: 'POST',
            headers: new HeaderMap([['content-type', 'application/json']]),
            search: '',
            body: { query: '{ answer }' },
          },
          context: async () => ({ actor: null, authError: null, req: { res: new EventEmitter() } }) as unknown as RequestContext,
        });
        return response.body.kind === 'complete' ? response.body.string : null;
      };
      await expect(ask()).resolves.toBe('{"data":{"answer":42}}\n');
      await expect(ask()).resolves.toBe('{"data":{"answer":42}}\n');
      expect(executed).toBe(1);
    } finally {
      await server.stop();
    }
  });

  it("TypeORM's query builder lists joins in expressionMap.joinAttributes: keysetPage refuses a joined query there", async () => {
    const plain = t.dataSource.getRepository(AllianceEntity).createQueryBuilder('a');
    expect(plain.expressionMap.joinAttributes).toEqual([]);
    const joined = t.dataSource.getRepository(AllianceEntity).createQueryBuilder('a').leftJoin('a.region', 'r');
    expect(joined.expressionMap.joinAttributes).toHaveLength(1);
    await expect(keysetPage(joined, { first: 5 }, { expression: 'a.name', valueOf: (a) => a.name, direction: 'ASC' })).rejects.toThrow(
      'keysetPage takes a query without joins',
    );
  });
});
