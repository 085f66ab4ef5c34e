import { DataSource, QueryFailedError } from 'typeorm';
import { CONSTRAINTS, databaseErrorToDomain } from '../src/database/database-errors';
import { insertAlliance, insertMembership, insertOrganisation, insertPerson } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

const MISSING = '00000000-0000-4000-8000-00000000dead';

/** What a statement the database refuses turns into for the caller. */
async function refusal(ds: DataSource, sql: string, params: unknown[]) {
  const error = await ds.query(sql, params).then(
    () => null,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(QueryFailedError);
  const domain = databaseErrorToDomain(error);
  return domain && { code: domain.code, fields: domain.details.fields?.map((f) => f.field) };
}

describe('database errors are told apart by SQLSTATE and constraint name, in any server language', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('has a meaning for every constraint and unique index of the schema, and none for a constraint that is gone', async () => {
    const rows: { name: string }[] = await t.dataSource.query(
      `SELECT conname AS name FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
         WHERE n.nspname = 'public' AND c.contype IN ('f', 'c', 'x', 'u')
       UNION
       SELECT i.relname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_namespace n ON n.oid = i.relnamespace
         WHERE n.nspname = 'public' AND x.indisunique AND NOT x.indisprimary`,
    );
    const inSchema = rows.map((row) => row.name).sort();
    expect(inSchema.length).toBeGreaterThan(20);
    expect(Object.keys(CONSTRAINTS).sort()).toEqual(inSchema);
  });

  it('maps a foreign key that names no record to NOT_FOUND with the field, without reading the message', async () => {
    const alliance = await insertAlliance(t.dataSource);
    await expect(
      refusal(t.dataSource, `INSERT INTO membership (alliance_id, organisation_id, role) VALUES ($1, $2, 'PARTNER')`, [alliance, MISSING]),
    ).resolves.toEqual({ code: 'NOT_FOUND', fields: ['organisationId'] });
    const person = await insertPerson(t.dataSource);
    await expect(
      refusal(t.dataSource, `INSERT INTO role (person_id, organisation_id, title) VALUES ($1, $2, 'Präsident')`, [person, MISSING]),
    ).resolves.toEqual({ code: 'NOT_FOUND', fields: ['organisationId'] });
  });

  it('maps the exclusion constraints and period checks to BAD_USER_INPUT naming the field', async () => {
    const alliance = await insertAlliance(t.dataSource);
    const [ihk, hwk] = [await insertOrganisation(t.dataSource), await insertOrganisation(t.dataSource)];
    await insertMembership(t.dataSource, { allianceId: alliance, organisationId: ihk, role: 'LEAD', joinedOn: '2012-04-20' });
    const member = `INSERT INTO membership (alliance_id, organisation_id, role, joined_on, left_on) VALUES ($1, $2, $3, $4, $5)`;
    await expect(refusal(t.dataSource, member, [alliance, ihk, 'PARTNER', '2013-01-01', null])).resolves.toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['joinedOn'],
    });
    await expect(refusal(t.dataSource, member, [alliance, hwk, 'LEAD', '2010-01-01', '2012-04-21'])).resolves.toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['role'],
    });
    await expect(refusal(t.dataSource, member, [alliance, hwk, 'PARTNER', '2013-01-01', '2012-01-01'])).resolves.toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['leftOn'],
    });
  });

  it('lets periods that only touch pass: a half-open period ends the day the next begins', async () => {
    const alliance = await insertAlliance(t.dataSource);
    const [ihk, hwk] = [await insertOrganisation(t.dataSource), await insertOrganisation(t.dataSource)];
    const member = `INSERT INTO membership (alliance_id, organisation_id, role, joined_on, left_on) VALUES ($1, $2, $3, $4, $5)`;
    await t.dataSource.query(member, [alliance, ihk, 'LEAD', '2012-01-01', '2015-01-01']);
    await t.dataSource.query(member, [alliance, hwk, 'LEAD', '2015-01-01', null]);
    await t.dataSource.query(member, [alliance, ihk, 'PARTNER', '2015-01-01', null]);
    const rows: { n: number }[] = await t.dataSource.query('SELECT count(*)::int AS n FROM membership WHERE alliance_id = $1', [alliance]);
    expect(rows[0].n).toBe(3);
  });

  it('leaves what is not the caller’s mistake to the error path an operator sees', async () => {
    const error = await t.dataSource.query('SELECT 1 / 0').then(
      () => null,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(QueryFailedError);
    expect(databaseErrorToDomain(error)).toBeNull();
  });
});
