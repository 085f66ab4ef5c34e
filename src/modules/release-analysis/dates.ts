import * as chrono from 'chrono-node';
import { sentenceEnd, sentenceStart } from './german';

/** A day named in the text, resolved to a calendar date. */
export interface DateFinding {
  start: number;
  end: number;
  on: string;
  /** Whether the text wrote the year: only such a date can date the release itself. */
  withYear: boolean;
}

const iso = (year: number, month: number, day: number) =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

const weekdayOf = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day)).getUTCDay();

/**
 * The year of a day named without one ("am Donnerstag, 10. Februar"): the release's year; where a
 * weekday is named and does not fit that year but fits the year before or after, that year.
 */
export function yearOf(publishedOn: string, month: number, day: number, weekday?: number): number {
  const year = Number(publishedOn.slice(0, 4));
  if (weekday === undefined || weekdayOf(year, month, day) === weekday) return year;
  return [year - 1, year + 1].find((other) => weekdayOf(other, month, day) === weekday) ?? year;
}

/**
 * The day a weekday alone names ("am Montag"): press releases report what happened, so the last
 * such day up to the day of publication (a Tuesday's "am Montag" is the day before, its "am
 * Dienstag" the same day), unless the text looks ahead ("am kommenden Freitag", "wird am Freitag").
 */
export function weekdayFrom(publishedOn: string, weekday: number, ahead: boolean): string {
  const [year, month, day] = publishedOn.split('-').map(Number);
  const published = Date.UTC(year, month - 1, day);
  const today = new Date(published).getUTCDay();
  const shift = ahead ? (weekday - today + 7) % 7 || 7 : -((today - weekday + 7) % 7);
  const date = new Date(published + shift * 86_400_000);
  return iso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

const NAMES_A_DAY = /\d|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|heute|gestern|morgen/i;
const AHEAD = /\b(?:kommenden|nächsten|folgenden|wird|werden|soll|sollen|will|wollen|plant|planen)\b/i;
const BEFORE = /(?:am |an diesem |diesen |letzten |vergangenen |kommenden |nächsten |vorigen )+$/i;

/**
 * The days named in a text. chrono's German parser finds them; the rules of a press release are
 * ours: a day without a year is of the release's year (yearOf), a weekday alone is resolved
 * against the day of publication (weekdayFrom), and what names no day (a time, "von 2026 bis
 * 2028", a month) is not a date here. Without a day of publication only dates with a year count.
 */
export function findDates(text: string, publishedOn: string | null): DateFinding[] {
  const reference = publishedOn ? new Date(`${publishedOn}T12:00:00Z`) : new Date(Date.UTC(2000, 0, 1, 12));
  const found: DateFinding[] = [];
  for (const result of chrono.de.parse(text, { instant: reference, timezone: 'UTC' })) {
    // chrono also reads "So" (Sonntag) and "jetzt" as days; a release names a day with a number, a weekday or a month written out, or "heute".
    if (!NAMES_A_DAY.test(result.text)) continue;
    const { start } = result;
    const weekday = start.isCertain('weekday') ? (start.get('weekday') ?? undefined) : undefined;
    let on: string;
    if (start.isCertain('day') && start.isCertain('month')) {
      const withYear = start.isCertain('year');
      if (!withYear && !publishedOn) continue;
      const [month, day] = [start.get('month')!, start.get('day')!];
      const year = withYear ? start.get('year')! : yearOf(publishedOn!, month, day, weekday);
      on = iso(year, month, day);
    } else if (weekday !== undefined && publishedOn) {
      const sentence = text.slice(sentenceStart(text, result.index), sentenceEnd(text, result.index));
      on = weekdayFrom(publishedOn, weekday, AHEAD.test(sentence) && !/vergangenen|letzten|vorigen/i.test(sentence));
    } else {
      continue;
    }
    const lead = BEFORE.exec(text.slice(Math.max(0, result.index - 40), result.index));
    const begin = result.text.toLowerCase().startsWith('am ') || !lead ? result.index : result.index - lead[0].length;
    found.push({ start: begin, end: result.index + result.text.length, on, withYear: start.isCertain('year') });
  }
  return found;
}
