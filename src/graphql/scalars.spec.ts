import { Kind } from 'graphql';
import { DateScalar, DateTimeScalar, isCalendarDate, ScalarFormError } from './scalars';

describe('DateScalar', () => {
  it('sends a calendar date as it is and refuses what is not one', () => {
    expect(DateScalar.serialize('2013-07-08')).toBe('2013-07-08');
    expect(() => DateScalar.serialize('8.7.2013')).toThrow();
    expect(() => DateScalar.serialize(20130708)).toThrow();
  });

  it('refuses a day that does not exist on input', () => {
    expect(DateScalar.parseValue('2024-02-29')).toBe('2024-02-29');
    expect(() => DateScalar.parseValue('2025-02-30')).toThrow();
  });
});

describe('isCalendarDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2013-13-01', false],
    ['2013-00-10', false],
    ['18.03.2013', false],
    ['2013-3-18', false],
    ['0001-01-01', true],
  ])('%s: %s', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });
});

describe('DateTimeScalar', () => {
  it('sends an instant as graphql-scalars does', () => {
    expect(JSON.stringify(DateTimeScalar.serialize(new Date('2012-09-24T10:00:00.123Z')))).toBe('"2012-09-24T10:00:00.123Z"');
  });

  it('takes an instant with any offset, and refuses one without, or a day that does not exist, as ScalarFormError', () => {
    expect(DateTimeScalar.parseValue('2012-09-24T12:00:00+02:00')).toEqual(new Date('2012-09-24T10:00:00Z'));
    expect(DateTimeScalar.parseLiteral({ kind: Kind.STRING, value: '2012-09-24T10:00:00Z' })).toEqual(new Date('2012-09-24T10:00:00Z'));
    for (const value of ['2012-09-24T10:00:00', '2012-09-24', '2025-02-30T10:00:00Z', 20120924, null]) {
      expect(() => DateTimeScalar.parseValue(value)).toThrow(ScalarFormError);
    }
    expect(() => DateTimeScalar.parseLiteral({ kind: Kind.INT, value: '20120924' })).toThrow('got 20120924');
  });
});
