import { CostBudget } from './rate-limit';

describe('CostBudget', () => {
  let now: number;
  const clock = () => now;
  beforeEach(() => {
    now = 1_000_000;
  });

  it('lets a caller spend the whole minute at once, then refuses with the seconds until the points are back', () => {
    const budget = new CostBudget(600, clock);
    expect(budget.spend('a', 400)).toEqual({ allowed: true });
    expect(budget.spend('a', 200)).toEqual({ allowed: true });
    // 600 points a minute come back at 10 a second: 50 points take 5 seconds.
    expect(budget.spend('a', 50)).toEqual({ allowed: false, retryAfterSeconds: 5 });
    now += 4_999;
    expect(budget.spend('a', 50)).toMatchObject({ allowed: false });
    now += 1;
    expect(budget.spend('a', 50)).toEqual({ allowed: true });
  });

  it('charges nothing for a refused operation', () => {
    const budget = new CostBudget(600, clock);
    budget.spend('a', 590);
    expect(budget.spend('a', 20)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(budget.spend('a', 10)).toEqual({ allowed: true });
  });

  it('keeps callers apart', () => {
    const budget = new CostBudget(100, clock);
    budget.spend('a', 100);
    expect(budget.spend('a', 1)).toMatchObject({ allowed: false });
    expect(budget.spend('b', 100)).toEqual({ allowed: true });
  });

  it('never holds more than a minute of points, however long a caller waits', () => {
    const budget = new CostBudget(100, clock);
    budget.spend('a', 1);
    now += 3_600_000;
    expect(budget.spend('a', 100)).toEqual({ allowed: true });
    expect(budget.spend('a', 1)).toMatchObject({ allowed: false });
  });

  it('charges at least 1, and at most the whole budget so that any operation can run on a full bucket', () => {
    const budget = new CostBudget(60, clock);
    for (let i = 0; i < 60; i += 1) expect(budget.spend('a', 0)).toEqual({ allowed: true });
    expect(budget.spend('a', 0)).toMatchObject({ allowed: false });
    expect(budget.spend('b', 1_000_000)).toEqual({ allowed: true });
    expect(budget.spend('b', 1_000_000)).toEqual({ allowed: false, retryAfterSeconds: 60 });
  });

  it('forgets callers idle for a minute, whose buckets are full again anyway', () => {
    const budget = new CostBudget(100, clock);
    budget.spend('a', 10);
    budget.spend('b', 10);
    now += 30_000;
    budget.spend('c', 10);
    expect(budget.size).toBe(3);
    now += 30_000;
    budget.spend('c', 10);
    expect(budget.size).toBe(1);
  });
});
