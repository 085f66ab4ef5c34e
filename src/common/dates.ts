import { periodContains } from './period';

const BERLIN = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });

// Formatting a date in a time zone costs microseconds, and a list request asks for today once
// per relation field (3.5 % of a scale-100 alliance list's CPU time, issue 5): the answer is
// kept for the second it was computed in.
let known = { second: NaN, date: '' };

/** Today's calendar date in Baden-Württemberg, as an ISO string: what "current" and "asOf" default to. */
export function today(): string {
  const now = Date.now();
  const second = Math.floor(now / 1000);
  if (second !== known.second) known = { second, date: BERLIN.format(now) };
  return known.date;
}

/** The items a `current` argument asks for: true = ongoing today, false = not ongoing today, null/undefined = all. */
export function filterCurrent<T>(
  items: T[],
  current: boolean | null | undefined,
  from: (item: T) => string | null,
  to: (item: T) => string | null,
): T[] {
  if (current === undefined || current === null) return items;
  const date = today();
  return items.filter((item) => periodContains(from(item), to(item), date) === current);
}

/** The `current` argument applied to roles, whose period is their validity. */
export function currentRoles<T extends { validFrom: string | null; validTo: string | null }>(
  items: T[],
  current: boolean | null | undefined,
): T[] {
  return filterCurrent(
    items,
    current,
    (r) => r.validFrom,
    (r) => r.validTo,
  );
}
