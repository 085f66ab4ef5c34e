import { periodContains, periodContainsSql } from '../common/period';
import { nameContains } from './text-search';

/** A name with its half-open period, as organisation_name holds it. */
export interface NamePeriod {
  name: string;
  validFrom: string | null;
  validTo: string | null;
}

/**
 * The name in force on `day`: the one whose period contains the day (validFrom the first day,
 * validTo the first day it no longer holds). An organisation's names follow each other without
 * gap or overlap, since a rename ends the name before on the day the new one begins, and the
 * first name has no start, so there is exactly one; were there more, the latest to begin would
 * win, here and in nameOnSql alike.
 */
export function nameOn<T extends NamePeriod>(names: readonly T[], day: string): T | undefined {
  let found: T | undefined;
  for (const name of names) {
    if (!periodContains(name.validFrom, name.validTo, day)) continue;
    if (!found || (name.validFrom !== null && (found.validFrom === null || name.validFrom > found.validFrom))) found = name;
  }
  return found;
}

/** The name in force on `day` found in the history alone: one probe of organisation_name's index on (organisation_id, valid_from). */
function nameInHistorySql(organisationId: string, day: string): string {
  return `SELECT day_name.name FROM organisation_name day_name WHERE day_name.organisation_id = ${organisationId} AND ${periodContainsSql('day_name.valid_from', 'day_name.valid_to', day)} ORDER BY day_name.valid_from DESC NULLS LAST LIMIT 1`;
}

/**
 * nameOn in SQL: the name in force on `day` (a SQL date expression) of the organisation row
 * under `alias`. organisation.name holds the latest known name, the one without an end, which is
 * in force on `day` unless it begins after it; so only the organisations with a name that begins
 * after the day are looked up in their history, against a set PostgreSQL builds once per
 * statement (through organisation_name_begins_idx), and every other answers with the column:
 * what lists, relation fields and single records all pay per organisation.
 */
export function nameOnSql(alias: string, day: string): string {
  return `CASE WHEN ${alias}.id IN (SELECT pending.organisation_id FROM organisation_name pending WHERE pending.valid_from > ${day}) THEN (${nameInHistorySql(`${alias}.id`, day)}) ELSE ${alias}.name END`;
}

/**
 * Whether the organisation whose id is the SQL expression `organisationId` is found, as of `day`
 * (an SQL date expression), by the search text in the query parameter `parameter` (a LIKE
 * literal): any name it has had by then, the one in force included ("Ministerium für Finanzen und
 * Wirtschaft" finds the ministry under every later name too; a name still to come finds it only
 * from its first day), or its short name. The organisation list and the alliance list's member
 * search both ask this.
 */
export function organisationMatchesSql(organisationId: string, parameter: string, day: string): string {
  const begun = periodContainsSql('searched.valid_from', 'NULL', day);
  const anyName = `EXISTS (SELECT 1 FROM organisation_name searched WHERE searched.organisation_id = ${organisationId} AND ${begun} AND ${nameContains('searched.name', parameter)})`;
  const shortName = `EXISTS (SELECT 1 FROM organisation abbreviated WHERE abbreviated.id = ${organisationId} AND ${nameContains('abbreviated.short_name', parameter)})`;
  return `(${anyName} OR ${shortName})`;
}

/**
 * SQL: the organisation under `o` exists on `day`: one of its names is in force then. The
 * registry knows no founding days of organisations; the first name of one has no start (since
 * before anything known), so an organisation exists on every day unless its history says it
 * was named only later. What the registry's counts as of a day count.
 */
export function organisationExistsOnSql(o: string, day: string): string {
  return `EXISTS (SELECT 1 FROM organisation_name named WHERE named.organisation_id = ${o}.id AND ${periodContainsSql('named.valid_from', 'named.valid_to', day)})`;
}

/** White space as names are compared: runs of spaces, tabs and line breaks count as one space. */
const SPACES = `'[ \\t\\n\\r\\f\\v]+'`;

/** A name as duplicates are compared: case (umlauts included, as lower() folds them for search too) and runs of white space do not matter. */
const comparableNameSql = (name: string) => `lower(btrim(regexp_replace(${name}, ${SPACES}, ' ', 'g')))`;

/**
 * A LIKE pattern that every name comparing equal to `name` matches in lower case: its words in
 * order with anything around them. Testing it on every row costs an eighth of comparing (30,000
 * names: 13 instead of 106 ms), so the comparison runs on the few rows it lets through.
 */
const wordsPatternSql = (name: string) =>
  `'%' || replace(${comparableNameSql(`replace(replace(replace(${name}, '\\', '\\\\'), '%', '\\%'), '_', '\\_')`)}, ' ', '%') || '%'`;

/**
 * $1 a name: waits, until the transaction ends, for any other transaction that checks or writes
 * the same name (as compared), so that two writers of one name cannot both find it free. No
 * constraint can hold the rule (it depends on archiving and on allowDuplicateName), so the
 * writers queue instead.
 */
export const LOCK_NAME_SQL = `SELECT pg_advisory_xact_lock(hashtext('organisation name ' || ${comparableNameSql('$1')}))`;

/**
 * $1 a name, $2 the organisation that takes it (null for a new one): the oldest other organisation
 * that is not archived and has, had or will have that name (as compared). Reads organisation_name
 * whole: an index on the compared name would need a migration.
 */
export const NAME_TAKEN_SQL = `
  SELECT o.id FROM organisation_name n JOIN organisation o ON o.id = n.organisation_id
  WHERE lower(n.name) LIKE ${wordsPatternSql('$1')} AND ${comparableNameSql('n.name')} = ${comparableNameSql('$1')}
    AND o.archived_at IS NULL AND o.id IS DISTINCT FROM $2::uuid
  ORDER BY o.created_at, o.id LIMIT 1`;
