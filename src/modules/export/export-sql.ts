import { periodContainsSql } from '../../common/period';
import { Link } from '../../database/relation';
import { SOURCES } from '../releases/releases.loader';

/** The day an export is as of: every export statement takes it as its one parameter. */
export const DAY = '$1::date';

/**
 * The last day of a half-open period, whose end is the first day it no longer holds: Popolo's
 * end_date (and the CSV's) is the last day it holds. Null stays null: ongoing.
 */
export const lastDaySql = (end: string) => `(${end} - 1)`;

/**
 * A period that holds on at least one day. A period that ends on the day it starts holds on none
 * (changeMembershipRole from the day a membership began leaves one behind); as an inclusive
 * Popolo period it would end before it starts, so the exports leave it out.
 */
export const holdsSomeDaySql = (from: string, to: string) => `(${from} IS NULL OR ${to} IS NULL OR ${to} > ${from})`;

/** Whether the period holds on the day, as the API's `current: true` decides it (periodContainsSql); never NULL, so NOT is its opposite. */
export const currentSql = (from: string, to: string) => `(${periodContainsSql(from, to, DAY)})`;

/**
 * An alliance that exists as of the day, as the API's point-in-time rule has it: not archived,
 * and founded on or before the day (or undated).
 */
export const allianceExistsSql = (alias: string) =>
  `${alias}.archived_at IS NULL AND (${alias}.founded_on IS NULL OR ${alias}.founded_on <= ${DAY})`;

/** A Popolo link ({url, title}) to each source of the record `record` (an SQL id), as `sources` answers them, that has a URL and was published by the day; newest first. */
export const sourcesSql = (record: string) => {
  // The sources relation's own declaration (releases.loader.ts), read for one record.
  const link = SOURCES.by as Link & { from: string };
  return `(SELECT coalesce(json_agg(json_build_object('url', s.url, 'title', s.title) ORDER BY ${SOURCES.orderBy!('s', 'l')}), '[]')
    FROM release s JOIN ${link.from} l ON l.${link.row} = s.id
    WHERE l.${link.key} = ${record} AND ${SOURCES.where!('s', DAY)} AND s.url IS NOT NULL AND s.published_on <= ${DAY})`;
};

/** A source as sourcesSql builds it. */
export interface SourceRow {
  url: string;
  title: string;
}

/** An enum value as the exports write it: lower case, like Popolo's classifications (CHAMBER_OF_COMMERCE -> chamber_of_commerce). */
export const enumSql = (value: string) => `lower(${value}::text)`;
