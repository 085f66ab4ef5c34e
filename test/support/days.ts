import { today } from '../../src/common/dates';

/** The day `days` after today (before it, when negative), as the service counts days: in Berlin. */
export function dayFromToday(days: number): string {
  const date = new Date(`${today()}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
