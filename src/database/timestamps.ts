/**
 * Reads PostgreSQL's text form of a timestamptz ("2026-12-01 23:15:01.123456+00", with the
 * session's offset) into a Date. pg's own parser (postgres-date) runs three regular
 * expressions per value, which measured as 7 % of a scale-100 alliance list's CPU time: every
 * row carries created_at and updated_at (issue 5). This reads the usual form digit by digit and
 * leaves every other form (BC, infinity, years before 1000 or after 9999, offsets with seconds)
 * to pg's parser, with which it agrees to the millisecond (timestamps.spec.ts).
 */
export function timestampParser(fallback: (text: string) => unknown): (text: string) => unknown {
  return (text) => {
    const time = usualForm(text);
    return Number.isNaN(time) ? fallback(text) : new Date(time);
  };
}

function usualForm(text: string): number {
  const length = text.length;
  if (length < 22 || text[4] !== '-' || text[7] !== '-' || text[10] !== ' ' || text[13] !== ':' || text[16] !== ':') return NaN;
  const year = digits(text, 0, 4);
  if (!(year >= 1000)) return NaN;
  let at = 19;
  let milliseconds = 0;
  if (text[at] === '.') {
    const end = fractionEnd(text, at + 1);
    // Truncated to milliseconds, as Date.UTC does with postgres-date's fractional milliseconds.
    milliseconds = digits(`${text.slice(at + 1, Math.min(end, at + 4))}00`, 0, 3);
    at = end;
  }
  const sign = text[at] === '+' ? 1 : text[at] === '-' ? -1 : 0;
  if (sign === 0) return NaN;
  const offsetHours = digits(text, at + 1, at + 3);
  let offsetMinutes = 0;
  if (length === at + 6 && text[at + 3] === ':') offsetMinutes = digits(text, at + 4, at + 6);
  else if (length !== at + 3) return NaN;
  const utc = Date.UTC(year, digits(text, 5, 7) - 1, digits(text, 8, 10), digits(text, 11, 13), digits(text, 14, 16), digits(text, 17, 19), milliseconds);
  return utc - sign * (offsetHours * 60 + offsetMinutes) * 60000;
}

function fractionEnd(text: string, from: number): number {
  let at = from;
  while (at < text.length && text.charCodeAt(at) >= 48 && text.charCodeAt(at) <= 57) at++;
  return at;
}

/** The number the decimal digits text[from, to) spell, NaN if any is not a digit. */
function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let at = from; at < to; at++) {
    const digit = text.charCodeAt(at) - 48;
    if (digit < 0 || digit > 9) return NaN;
    value = value * 10 + digit;
  }
  return value;
}
