import { DateScalar } from './scalars';

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
