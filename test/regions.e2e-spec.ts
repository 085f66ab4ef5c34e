import { createTestApp, TestApp, WITHOUT_RESPONSE_CACHE } from './support/test-app';

describe('regions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(WITHOUT_RESPONSE_CACHE);
  });
  afterAll(async () => {
    await t.close();
  });

  it('ships Baden-Württemberg with its 12 regions and 44 districts as reference data', async () => {
    const result = await t.gql(`{ regions(kind: STATE) { id name code children { name code kind children { code kind } } } }`);
    expect(result.errors).toBeUndefined();
    const [state] = result.data!.regions;
    expect(state).toMatchObject({ name: 'Baden-Württemberg', code: '08' });
    expect(state.children).toHaveLength(12);
    expect(state.children.every((r: { kind: string }) => r.kind === 'REGION')).toBe(true);
    const heilbronnFranken = state.children.find((r: { code: string }) => r.code === '0802');
    expect(heilbronnFranken.name).toBe('Heilbronn-Franken');
    expect(heilbronnFranken.children.map((d: { code: string }) => d.code)).toEqual(['08121', '08125', '08126', '08127', '08128']);
    const districts = state.children.flatMap((r: { children: unknown[] }) => r.children);
    expect(districts).toHaveLength(44);
  });

  it('finds one region by id with its parent, and answers null for an unknown id', async () => {
    const list = await t.gql(`{ regions(kind: DISTRICT) { id code } }`);
    const schwaebischHall = list.data!.regions.find((r: { code: string }) => r.code === '08127');
    const one = await t.gql(`query($id: ID!) { region(id: $id) { name parent { name parent { code } } } }`, { id: schwaebischHall.id });
    expect(one.data!.region).toEqual({ name: 'Schwäbisch Hall', parent: { name: 'Heilbronn-Franken', parent: { code: '08' } } });
    const missing = await t.gql(`{ region(id: "00000000-0000-4000-8000-000000000000") { id } }`);
    expect(missing.errors).toBeUndefined();
    expect(missing.data!.region).toBeNull();
  });

  it('refuses a malformed id with BAD_USER_INPUT', async () => {
    const result = await t.gql(`{ region(id: "not-a-uuid") { id } }`);
    expect(result.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(result.errors![0].extensions.fields).toEqual([{ field: 'id', message: 'id must be a UUID' }]);
  });

  it('loads the children of every region in one statement', async () => {
    const statements = await t.countStatements(() => t.gql(`{ regions(kind: REGION) { children { name } parent { name } } }`));
    expect(statements).toBe(3);
  });
});
