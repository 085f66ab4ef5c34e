import { DateScalar, isCalendarDate } from './scalars';

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
