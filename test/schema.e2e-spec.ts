import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { createTestApp, TestApp } from './support/test-app';

const FILE = join(__dirname, '..', 'schema.graphql');
const HEADER = '# The SDL this service produces, generated from the code: `npm run schema` rewrites it.\n\n';

describe('schema.graphql', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('is the schema the code produces (run `npm run schema` after changing the API)', () => {
    const sdl = HEADER + printSchema(lexicographicSortSchema(t.app.get(GraphQLSchemaHost).schema)) + '\n';
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(FILE, sdl);
    expect(readFileSync(FILE, 'utf8')).toBe(sdl);
  });
});
