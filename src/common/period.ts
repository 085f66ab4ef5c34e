/**
 * What "current on a day" means, the one rule for every period of the registry (memberships,
 * roles, names): periods are half-open. The start (joinedOn, validFrom) is the first day the
 * period holds, the end (leftOn, validTo) the first day it no longer holds; an unknown start
 * means "since before anything known", an unknown end "ongoing". The JavaScript form and the
 * SQL form below say the same, which test/period.e2e-spec.ts checks over generated periods and
 * days in PostgreSQL; every other place that asks whether a period holds on a day calls one of them.
 */

/** Whether the period from `from` to `to` (ISO dates, null for an open end) holds on `day`. */
export function periodContains(from: string | null, to: string | null, day: string): boolean {
  return (from === null || from <= day) && (to === null || to > day);
}

/**
 * periodContains in SQL: `from` and `to` are SQL expressions of the period's date columns (or
 * NULL), `day` one of the day asked. Never NULL itself, so that `NOT (…)` is its exact opposite.
 */
export function periodContainsSql(from: string, to: string, day: string): string {
  return `((${from} IS NULL OR ${from} <= ${day}) AND (${to} IS NULL OR ${to} > ${day}))`;
}
