import { today } from '../../src/common/dates';

/** A day `days` from today, as the service counts days (Berlin): tests about "today" never name a fixed year. */
export function dayFromToday(days: number): string {
  const date = new Date(`${today()}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
