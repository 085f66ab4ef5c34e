import { NamePeriod, nameOn, nameOnSql } from '../src/database/organisation-names';
import { dayFromToday } from './support/days';
import { insertOrganisation, insertRename } from './support/factories';
import { createTestApp, TestApp, WITHOUT_RESPONSE_CACHE } from './support/test-app';

/**
 * "The name in force on a day" is written twice: nameOn in JavaScript (what writes answer) and
 * nameOnSql (what every read answers, orders and searches by). The two must agree on every day,
 * above all on the days a name begins or ends, and before, on and after today.
 */
describe('the name of an organisation on a day', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(WITHOUT_RESPONSE_CACHE);
    const ds = t.dataSource;
    ids.once = await insertOrganisation(ds, { name: 'Nie umbenannt' });
    ids.ministry = await insertOrganisation(ds, { name: 'Ministerium für Finanzen und Wirtschaft', kind: 'MINISTRY' });
    await insertRename(ds, ids.ministry, 'Ministerium für Wirtschaft, Arbeit und Wohnungsbau', '2016-05-12');
    await insertRename(ds, ids.ministry, 'Ministerium für Wirtschaft, Arbeit und Tourismus', '2021-05-12');
    ids.today = await insertOrganisation(ds, { name: 'Bis gestern' });
    await insertRename(ds, ids.today, 'Ab heute', dayFromToday(0));
    ids.tomorrow = await insertOrganisation(ds, { name: 'Noch heute' });
    await insertRename(ds, ids.tomorrow, 'Ab morgen', dayFromToday(1));
    ids.both = await insertOrganisation(ds, { name: 'Bis vorgestern' });
    await insertRename(ds, ids.both, 'Seit gestern', dayFromToday(-1));
    await insertRename(ds, ids.both, 'Ab übermorgen', dayFromToday(2));
  });
  afterAll(async () => {
    await t.close();
  });

  const days = [
    '1900-01-01',
    '2016-05-11',
    '2016-05-12',
    '2021-05-11',
    '2021-05-12',
    dayFromToday(-1),
    dayFromToday(0),
    dayFromToday(1),
    dayFromToday(2),
    '2999-12-31',
  ];

  /** Each organisation's name on each day, as SQL finds it. */
  async function inSql(): Promise<{ id: string; day: string; onDay: string }[]> {
    return t.dataSource.query(
      `SELECT o.id, d.day::text AS day, ${nameOnSql('o', 'd.day')} AS "onDay"
       FROM organisation o CROSS JOIN unnest($2::date[]) AS d(day) WHERE o.id = ANY($1)`,
      [Object.values(ids), days],
    );
  }

  async function history(id: string): Promise<NamePeriod[]> {
    return t.dataSource.query(
      'SELECT name, valid_from::text AS "validFrom", valid_to::text AS "validTo" FROM organisation_name WHERE organisation_id = $1',
      [id],
    );
  }

  it('is the same in JavaScript and in SQL on every day', async () => {
    const rows = await inSql();
    expect(rows).toHaveLength(Object.keys(ids).length * days.length);
    for (const row of rows) expect({ ...row, onDay: nameOn(await history(row.id), row.day)?.name }).toEqual(row);
  });

  it('is the name whose period holds the day: from its first day, until the day the next one begins', async () => {
    const rows = await inSql();
    const on = (key: string, day: string) => rows.find((r) => r.id === ids[key] && r.day === day)!.onDay;
    expect(on('once', '1900-01-01')).toBe('Nie umbenannt');
    expect(on('ministry', '2016-05-11')).toBe('Ministerium für Finanzen und Wirtschaft');
    expect(on('ministry', '2016-05-12')).toBe('Ministerium für Wirtschaft, Arbeit und Wohnungsbau');
    expect(on('ministry', '2021-05-11')).toBe('Ministerium für Wirtschaft, Arbeit und Wohnungsbau');
    expect(on('ministry', '2999-12-31')).toBe('Ministerium für Wirtschaft, Arbeit und Tourismus');
    expect(on('today', dayFromToday(-1))).toBe('Bis gestern');
    expect(on('today', dayFromToday(0))).toBe('Ab heute');
    expect(on('tomorrow', dayFromToday(0))).toBe('Noch heute');
    expect(on('tomorrow', dayFromToday(1))).toBe('Ab morgen');
    expect(on('both', dayFromToday(0))).toBe('Seit gestern');
    expect(on('both', dayFromToday(1))).toBe('Seit gestern');
    expect(on('both', dayFromToday(2))).toBe('Ab übermorgen');
  });

  it('lets the latest name to begin win in every form, should periods ever overlap', async () => {
    const overlapping: NamePeriod[] = [
      { name: 'Ohne Beginn', validFrom: null, validTo: null },
      { name: 'Später', validFrom: '2020-01-01', validTo: null },
      { name: 'Früher', validFrom: '2010-01-01', validTo: null },
    ];
    expect(nameOn(overlapping, '2009-12-31')?.name).toBe('Ohne Beginn');
    expect(nameOn(overlapping, '2015-01-01')?.name).toBe('Früher');
    expect(nameOn(overlapping, '2020-01-01')?.name).toBe('Später');
    const id = await insertOrganisation(t.dataSource, { name: 'Ohne Beginn' });
    // The column holds the latest name to begin, as every write keeps it.
    await t.dataSource.query(
      `INSERT INTO organisation_name (organisation_id, name, valid_from) VALUES ($1, 'Später', '2020-01-01'), ($1, 'Früher', '2010-01-01')`,
      [id],
    );
    await t.dataSource.query(`UPDATE organisation SET name = 'Später' WHERE id = $1`, [id]);
    const found: { day: string; name: string }[] = await t.dataSource.query(
      `SELECT d.day::text AS day, ${nameOnSql('o', 'd.day')} AS name FROM organisation o CROSS JOIN unnest($2::date[]) AS d(day) WHERE o.id = $1 ORDER BY d.day`,
      [id, ['2009-12-31', '2015-01-01', '2020-01-01']],
    );
    expect(found.map((f) => f.name)).toEqual(['Ohne Beginn', 'Früher', 'Später']);
  });
});
