import { types } from 'pg';
import { timestampParser } from './timestamps';

// pg's own parser for timestamptz, which the fast path must agree with.
const pgParser = types.getTypeParser(types.builtins.TIMESTAMPTZ) as (text: string) => unknown;
const parse = timestampParser(pgParser);

const two = (n: number) => String(n).padStart(2, '0');

describe('timestampParser', () => {
  it('agrees with pg to the millisecond on timestamps as PostgreSQL writes them', () => {
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const offsets = ['+00', '+01', '+02', '-05', '+05:30', '-03:30', '+14', '-12'];
    for (let i = 0; i < 5000; i++) {
      const fraction = ['', `.${random(10)}`, `.${String(random(1000)).padStart(3, '0')}`, `.${String(random(1000000)).padStart(6, '0')}`][
        random(4)
      ];
      const text = `${1000 + random(9000)}-${two(1 + random(12))}-${two(1 + random(28))} ${two(random(24))}:${two(random(60))}:${two(random(60))}${fraction}${offsets[random(offsets.length)]}`;
      const ours = parse(text) as Date;
      expect([text, ours.getTime()]).toEqual([text, (pgParser(text) as Date).getTime()]);
    }
  });

  it('leaves every other form to pg', () => {
    for (const text of [
      'infinity',
      '-infinity',
      '0099-06-01 12:00:00+00',
      '2012-09-24 10:00:00+00 BC',
      '1890-01-01 00:00:00+00:53:28',
      '12026-01-01 00:00:00+00',
    ]) {
      expect(parse(text)).toEqual(pgParser(text));
    }
  });

  it('reads the instant, not the wall clock: the same moment in two offsets is one Date', () => {
    expect((parse('2013-10-29 12:00:00+01') as Date).toISOString()).toBe('2013-10-29T11:00:00.000Z');
    expect((parse('2013-10-29 06:30:00-04:30') as Date).toISOString()).toBe('2013-10-29T11:00:00.000Z');
  });
});
