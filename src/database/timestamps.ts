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
    // Truncated to milliseconds, as Date.UTC does with postgres-date's fractional milliseconds.
    for (let scale = 100; ++at < length && isDigit(text.charCodeAt(at)); scale /= 10)
      if (scale >= 1) milliseconds += (text.charCodeAt(at) - 48) * scale;
  }
  const sign = text[at] === '+' ? 1 : text[at] === '-' ? -1 : 0;
  if (sign === 0) return NaN;
  const offsetHours = digits(text, at + 1, at + 3);
  let offsetMinutes = 0;
  if (length === at + 6 && text[at + 3] === ':') offsetMinutes = digits(text, at + 4, at + 6);
  else if (length !== at + 3) return NaN;
  const days = daysSinceEpoch(year, digits(text, 5, 7), digits(text, 8, 10));
  const minutes = (days * 24 + digits(text, 11, 13)) * 60 + digits(text, 14, 16) - sign * (offsetHours * 60 + offsetMinutes);
  return minutes * 60000 + digits(text, 17, 19) * 1000 + milliseconds;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil); Date.UTC took half of this parser's time. */
function daysSinceEpoch(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return era * 146097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719468;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** The number the decimal digits text[from, to) spell, NaN if any is not a digit. */
function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let at = from; at < to; at++) {
    const code = text.charCodeAt(at);
    if (!isDigit(code)) return NaN;
    value = value * 10 + code - 48;
  }
  return value;
}
