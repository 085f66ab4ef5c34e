import { Client } from 'pg';
import { periodContains, periodContainsSql } from '../src/common/period';
import { ADMIN_URL_VAR } from './support/test-database';

/** Days around a turn of the year and a leap day, so that neighbours differ in every part of the date. */
const DAYS = ['2015-12-30', '2015-12-31', '2016-01-01', '2016-01-02', '2016-02-28', '2016-02-29', '2016-03-01'];

/** Every period whose ends are open or one of DAYS (ends before starts included: the rule must not care), on every day of DAYS. */
function cases(): { from: string | null; to: string | null; day: string }[] {
  const ends = [null, ...DAYS];
  return ends.flatMap((from) => ends.flatMap((to) => DAYS.map((day) => ({ from, to, day }))));
}

/**
 * "Current on a day" has a JavaScript form and an SQL form (src/common/period.ts); every read and
 * write that asks it calls one of them. Both must answer alike on every period and day, the
 * boundaries included: a period starting on the day holds, one ending on it does not.
 */
describe('the one rule for periods, in JavaScript and in SQL', () => {
  let client: Client;
  beforeAll(async () => {
    client = new Client({ connectionString: process.env[ADMIN_URL_VAR] });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
  });

  it('answers alike on every generated period and day', async () => {
    const all = cases();
    const { rows } = await client.query<{ n: string; holds: boolean }>(
      `SELECT c.n, ${periodContainsSql('c.from_day', 'c.to_day', 'c.day')} AS holds
       FROM unnest($1::date[], $2::date[], $3::date[]) WITH ORDINALITY AS c(from_day, to_day, day, n) ORDER BY c.n`,
      [all.map((c) => c.from), all.map((c) => c.to), all.map((c) => c.day)],
    );
    expect(rows).toHaveLength(all.length);
    const differing = all.filter((c, i) => rows[i].holds !== periodContains(c.from, c.to, c.day));
    expect(differing).toEqual([]);
    // The generated cases reach both answers and every boundary.
    expect(rows.filter((row) => row.holds).length).toBeGreaterThan(0);
    expect(rows.filter((row) => !row.holds).length).toBeGreaterThan(0);
  });

  it('holds from the first day, not on the end day, and forever on open ends', () => {
    expect(periodContains('2016-01-01', '2016-02-29', '2016-01-01')).toBe(true);
    expect(periodContains('2016-01-01', '2016-02-29', '2016-02-28')).toBe(true);
    expect(periodContains('2016-01-01', '2016-02-29', '2016-02-29')).toBe(false);
    expect(periodContains('2016-01-01', '2016-02-29', '2015-12-31')).toBe(false);
    expect(periodContains(null, null, '1900-01-01')).toBe(true);
    expect(periodContains(null, '2016-01-01', '2015-12-31')).toBe(true);
    expect(periodContains('2016-01-01', null, '2999-12-31')).toBe(true);
  });
});
