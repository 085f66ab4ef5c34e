import { nameOnSql } from '../../database/organisation-names';
import { allianceExistsSql, currentSql, DAY, enumSql, holdsSomeDaySql, lastDaySql, SourceRow, sourcesSql } from './export-sql';

/** A name an organisation had or will have, other than the one of the day, with its inclusive period. */
export interface OtherNameRow {
  name: string;
  start_date: string | null;
  end_date: string | null;
  /** Whether it begins after the day: a future name, not a former one. */
  future: boolean;
}

/**
 * An alliance or an organisation as of the day: both are Popolo organizations, told apart by
 * `classification` ("alliance", or the organisation's kind in lower case).
 */
export interface OrganisationRow {
  id: string;
  classification: string;
  name: string;
  short_name: string | null;
  /** Alliances only: state, regional, local. */
  level: string | null;
  /** Alliances only: active, dissolved. */
  status: string | null;
  founding_date: string | null;
  region_id: string | null;
  region: string | null;
  website: string | null;
  other_names: OtherNameRow[];
  sources: SourceRow[];
}

/** The columns of organisations.csv, in order: every OrganisationRow field but the lists. */
export const ORGANISATION_COLUMNS = [
  'id',
  'classification',
  'name',
  'short_name',
  'level',
  'status',
  'founding_date',
  'region_id',
  'region',
  'website',
] as const satisfies readonly (keyof OrganisationRow)[];

/** $1 the day: the alliances that exist on it (not archived, founded by then), by id. */
export const ALLIANCES_SQL = `
  SELECT a.id, 'alliance' AS classification, a.name, NULL AS short_name, ${enumSql('a.level')} AS level,
         ${enumSql('a.status')} AS status, a.founded_on AS founding_date, a.region_id, r.name AS region, NULL AS website,
         '[]'::json AS other_names, ${sourcesSql('a.id')} AS sources
  FROM alliance a JOIN region r ON r.id = a.region_id
  WHERE ${allianceExistsSql('a')}
  ORDER BY a.id`;

/**
 * $1 the day: the organisations that are not archived, by id, each under the name in force on
 * the day and with its other names (former and future, from organisation_name; a name that holds
 * on no day left out), oldest first.
 */
export const ORGANISATIONS_SQL = `
  SELECT o.id, ${enumSql('o.kind')} AS classification, ${nameOnSql('o', DAY)} AS name, o.short_name, NULL AS level,
         NULL AS status, NULL::date AS founding_date, o.region_id, r.name AS region, o.website,
         (SELECT coalesce(json_agg(json_build_object('name', n.name, 'start_date', n.valid_from, 'end_date', ${lastDaySql('n.valid_to')},
                                                     'future', n.valid_from IS NOT NULL AND n.valid_from > ${DAY})
                                   ORDER BY n.valid_from ASC NULLS FIRST, n.id), '[]')
          FROM organisation_name n
          WHERE n.organisation_id = o.id AND NOT ${currentSql('n.valid_from', 'n.valid_to')}
            AND ${holdsSomeDaySql('n.valid_from', 'n.valid_to')}) AS other_names,
         ${sourcesSql('o.id')} AS sources
  FROM organisation o LEFT JOIN region r ON r.id = o.region_id
  WHERE o.archived_at IS NULL
  ORDER BY o.id`;
