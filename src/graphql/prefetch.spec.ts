import {
  graphql,
  GraphQLBoolean,
  GraphQLID,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLResolveInfo,
  GraphQLSchema,
  GraphQLString,
} from 'graphql';
import { prefetch } from './prefetch';
import { RequestLoader, then } from './request-loaders';

interface Org {
  id: string;
  name: string;
}
interface Member {
  orgId: string;
  ended: boolean;
}
interface Team {
  id: string;
  members: Member[];
}

const ORGS: Record<string, Org> = { o1: { id: 'o1', name: 'IHK' }, o2: { id: 'o2', name: 'HWK' }, o3: { id: 'o3', name: 'DGB' } };
const TEAMS: Team[] = [
  {
    id: 't1',
    members: [
      { orgId: 'o1', ended: false },
      { orgId: 'o2', ended: true },
    ],
  },
  { id: 't2', members: [{ orgId: 'o3', ended: false }] },
];

/** A small schema shaped like the registry's: a list, a prefetchable relation with an argument, one that is not. */
function setUp(options: { failOrgs?: boolean } = {}) {
  const batches: string[][] = [];
  /** Each call of a relation resolver, in order: whether it answered with the value or a promise. */
  const calls: string[] = [];
  const context = {
    orgs: new RequestLoader<string, Org>(async (ids) => {
      batches.push([...ids]);
      if (options.failOrgs) throw new Error('database gone');
      return ids.map((id) => ORGS[id]);
    }),
  };
  const track = <T>(field: string, value: T | Promise<T>) => {
    calls.push(`${field} ${value instanceof Promise ? 'later' : 'now'}`);
    return value;
  };
  const Org = new GraphQLObjectType({ name: 'Org', fields: { id: { type: GraphQLID }, name: { type: GraphQLString } } });
  const Member = new GraphQLObjectType<Member, typeof context>({
    name: 'Member',
    fields: {
      ended: { type: GraphQLBoolean },
      org: { type: Org, extensions: { prefetchable: true }, resolve: (m, _a, ctx) => track('org', ctx.orgs.now(m.orgId)) },
      orgUnmarked: { type: Org, resolve: (m, _a, ctx) => track('orgUnmarked', ctx.orgs.now(m.orgId)) },
    },
  });
  const Team = new GraphQLObjectType<Team, typeof context>({
    name: 'Team',
    fields: {
      id: { type: GraphQLID },
      members: {
        type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(Member))),
        args: { current: { type: GraphQLBoolean } },
        extensions: { prefetchable: true },
        resolve: (t, { current }: { current?: boolean }) => then(t.members, (ms) => (current ? ms.filter((m) => !m.ended) : ms)),
      },
    },
  });
  const Query = new GraphQLObjectType({
    name: 'Query',
    fields: {
      teams: {
        type: new GraphQLList(Team),
        resolve: async (_root, _args, ctx, info: GraphQLResolveInfo) => {
          await prefetch(info, TEAMS, ctx, null);
          return TEAMS;
        },
      },
    },
  });
  const run = (source: string, variableValues?: Record<string, unknown>) =>
    graphql({ schema: new GraphQLSchema({ query: Query }), source, contextValue: context, variableValues });
  return { run, batches, calls };
}

describe('prefetch', () => {
  it('loads a relation below a list in one batch before execution, so each field answers synchronously', async () => {
    const { run, batches, calls } = setUp();
    const result = await run('{ teams { id members { org { name } } } }');
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      teams: [
        { id: 't1', members: [{ org: { name: 'IHK' } }, { org: { name: 'HWK' } }] },
        { id: 't2', members: [{ org: { name: 'DGB' } }] },
      ],
    });
    expect(batches).toEqual([['o1', 'o2', 'o3']]);
    // Three calls by the prefetch, then graphql-js's three, answered with the values themselves.
    expect(calls).toEqual(['org later', 'org later', 'org later', 'org now', 'org now', 'org now']);
  });

  it("applies the field's arguments, so it loads only what the answer holds", async () => {
    const { run, batches } = setUp();
    await run('query($c: Boolean) { teams { members(current: $c) { org { id } } } }', { c: true });
    expect(batches).toEqual([['o1', 'o3']]);
  });

  it('follows aliases, inline fragments and fragment spreads', async () => {
    const { run, batches } = setUp();
    const result = await run(
      `
      query($no: Boolean!) {
        teams {
          ...T
          ... on Team { again: members { org { id } } }
          skipped: members(current: true) @include(if: $no) { org { id } }
        }
      }
      fragment T on Team { members(current: true) { first: org { name } org @skip(if: true) { id } } }`,
      { no: false },
    );
    expect(result.errors).toBeUndefined();
    expect(batches).toEqual([['o1', 'o3', 'o2']]);
  });

  it('loads nothing that @skip or @include leaves out', async () => {
    const { run, batches, calls } = setUp();
    const result = await run(
      'query($yes: Boolean!) { teams { members { org @skip(if: $yes) { id } again: org @include(if: false) { id } } } }',
      { yes: true },
    );
    expect(result.data).toEqual({ teams: [{ members: [{}, {}] }, { members: [{}] }] });
    expect(batches).toEqual([]);
    expect(calls).toEqual([]);
  });

  it('leaves a resolver that is not marked to graphql-js', async () => {
    const { run, batches, calls } = setUp();
    const result = await run('{ teams { members { orgUnmarked { name } } } }');
    expect(result.errors).toBeUndefined();
    expect(calls).toEqual(['orgUnmarked later', 'orgUnmarked later', 'orgUnmarked later']);
    expect(batches).toEqual([['o1', 'o2', 'o3']]);
  });

  it("reports a failed load at the field's own path, not at the list's", async () => {
    const { run } = setUp({ failOrgs: true });
    const result = await run('{ teams { id members { org { name } } } }');
    expect(result.data?.teams).toHaveLength(2);
    expect(result.errors?.map((e) => e.path)).toEqual([
      ['teams', 0, 'members', 0, 'org'],
      ['teams', 0, 'members', 1, 'org'],
      ['teams', 1, 'members', 0, 'org'],
    ]);
    expect(result.errors?.[0].message).toBe('database gone');
  });
});
