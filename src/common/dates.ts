const BERLIN = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });

// Formatting a date in a time zone costs microseconds, and every request asks for today (its
// context, see graphql/point-in-time.ts): the answer is kept for the second it was computed in.
let known = { second: NaN, date: '' };

/** Today's calendar date in Baden-Württemberg, as an ISO string: what "current" and "asOf" default to. */
export function today(): string {
  const now = Date.now();
  const second = Math.floor(now / 1000);
  if (second !== known.second) known = { second, date: BERLIN.format(now) };
  return known.date;
}
