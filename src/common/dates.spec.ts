import { today } from './dates';

describe('today', () => {
  afterEach(() => jest.useRealTimers());

  it("is Baden-Württemberg's date, and turns at midnight there, not a second late", () => {
    jest.useFakeTimers({ now: new Date('2026-12-01T22:59:59.900Z') });
    expect(today()).toBe('2026-12-01');
    jest.setSystemTime(new Date('2026-12-01T23:00:00.000Z'));
    expect(today()).toBe('2026-12-02');
    // Summer time: midnight in Stuttgart is 22:00 UTC.
    jest.setSystemTime(new Date('2027-07-14T21:59:59.999Z'));
    expect(today()).toBe('2027-07-14');
    jest.setSystemTime(new Date('2027-07-14T22:00:00.000Z'));
    expect(today()).toBe('2027-07-15');
  });
});
