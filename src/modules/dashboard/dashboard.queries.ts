import { existsOnSql } from '../../database/day-columns';
import { agreementStatusOnSql } from '../agreements/agreement-status';
import { AgreementStatus } from '../agreements/agreement.enums';
import { AllianceEntity } from '../alliances/alliance.entity';
import { MeetingEntity } from '../meetings/meeting.entity';
import { organisationExistsOnSql } from '../../database/organisation-names';
import { OrganisationKind } from '../organisations/organisation.enums';
import { ReleaseEntity } from '../releases/release.entity';

/**
 * The dashboard's hand-written SQL, the one place where this module reads other modules' tables
 * directly: each dashboard is one aggregate statement, however many regions and alliances there are.
 */

const AS_OF = '$1::date';

/**
 * Whether agreement `g` binds its parties on $1: its status that day is SIGNED (agreement-status.ts:
 * signed by then, not terminated by then, so as of a day before its terminatedOn a TERMINATED
 * agreement still owes) and the day it was signed is known. Archived agreements were entered by
 * mistake: they bind never.
 */
const BINDS_AS_OF = `(g.archived_at IS NULL AND g.signed_on IS NOT NULL AND ${agreementStatusOnSql('g', AS_OF)} = '${AgreementStatus.SIGNED}')`;

/** Meetings entered by mistake (archived) fulfil nothing and are not counted. */
const MEETING_COUNTS = 'archived_at IS NULL';

/** SQL: the row of `entity` under `alias` exists on $1 (founded, held, published by then). */
const existsAsOf = (entity: object, alias: string) => existsOnSql(entity, alias, AS_OF)!;

/**
 * The contract's rule for ANNUAL_TOP_LEVEL_MEETING commitments as of $1, written once so that
 * coverage and overdueCommitments cannot disagree. "One year after" is PostgreSQL's
 * `date + interval '1 year'`, so a year from 29 February ends on 28 February.
 */
const COMMITMENT_STATUS = `
  last_top_level_meeting AS (
    SELECT agreement_id, max(held_on) AS held_on
    FROM meeting
    WHERE kind = 'TOP_LEVEL_MEETING' AND status = 'HELD' AND ${existsAsOf(MeetingEntity, 'meeting')} AND ${MEETING_COUNTS}
    GROUP BY agreement_id
  ),
  commitment_status AS (
    SELECT due.*, $1::date > due.next_due_on AS overdue
    FROM (
      SELECT c.id AS commitment_id, c.agreement_id, l.held_on AS last_fulfilled_on,
             (COALESCE(l.held_on, g.signed_on) + interval '1 year')::date AS next_due_on
      FROM commitment c
      JOIN agreement g ON g.id = c.agreement_id
      LEFT JOIN last_top_level_meeting l ON l.agreement_id = g.id
      WHERE c.kind = 'ANNUAL_TOP_LEVEL_MEETING' AND ${BINDS_AS_OF}
    ) due
  )`;

export interface CoverageRow {
  regionId: string;
  allianceIds: string[];
  agreementId: string | null;
  lastTopLevelMeetingOn: string | null;
  topLevelMeetingOverdue: boolean;
}

/**
 * $1 asOf, $2 the state: a row per REGION directly below it. An alliance counts for the region it
 * works for or the region its district (at any depth) lies in. Of several agreements with a STATE
 * alliance the latest signed wins, then the lowest id, so the answer never flips between calls.
 */
export const COVERAGE_SQL = `
  WITH RECURSIVE ${COMMITMENT_STATUS},
  inside (region_id, id) AS (
    SELECT id, id FROM region WHERE parent_id = $2 AND kind = 'REGION'
    UNION ALL
    SELECT inside.region_id, r.id FROM region r JOIN inside ON r.parent_id = inside.id
  ),
  counted AS (
    SELECT inside.region_id, a.id, a.name
    FROM inside
    JOIN alliance a ON a.region_id = inside.id
    WHERE a.status = 'ACTIVE' AND a.archived_at IS NULL AND ${existsAsOf(AllianceEntity, 'a')}
  ),
  with_state AS (
    SELECT DISTINCT ON (counted.region_id) counted.region_id, g.id AS agreement_id
    FROM counted
    JOIN agreement_party p ON p.alliance_id = counted.id
    JOIN agreement g ON g.id = p.agreement_id
    WHERE ${BINDS_AS_OF}
      AND EXISTS (SELECT 1 FROM agreement_party sp JOIN alliance s ON s.id = sp.alliance_id WHERE sp.agreement_id = g.id AND s.level = 'STATE')
    ORDER BY counted.region_id, g.signed_on DESC, g.id
  )
  SELECT r.id AS "regionId",
         ARRAY(SELECT c.id::text FROM counted c WHERE c.region_id = r.id ORDER BY c.name COLLATE "de-x-icu", c.id) AS "allianceIds",
         w.agreement_id AS "agreementId",
         l.held_on AS "lastTopLevelMeetingOn",
         EXISTS (SELECT 1 FROM commitment_status cs WHERE cs.agreement_id = w.agreement_id AND cs.overdue) AS "topLevelMeetingOverdue"
  FROM region r
  LEFT JOIN with_state w ON w.region_id = r.id
  LEFT JOIN last_top_level_meeting l ON l.agreement_id = w.agreement_id
  WHERE r.parent_id = $2 AND r.kind = 'REGION'
  ORDER BY r.code, r.name, r.id`;

export interface CommitmentStatusRow {
  commitmentId: string;
  agreementId: string;
  lastFulfilledOn: string | null;
  nextDueOn: string;
  overdue: boolean;
}

/** $1 asOf: the overdue commitments, most overdue first. */
export const OVERDUE_COMMITMENTS_SQL = `
  WITH ${COMMITMENT_STATUS}
  SELECT commitment_id AS "commitmentId", agreement_id AS "agreementId", last_fulfilled_on AS "lastFulfilledOn",
         next_due_on AS "nextDueOn", overdue
  FROM commitment_status
  WHERE overdue
  ORDER BY next_due_on, commitment_id`;

export interface StatsRow {
  alliances: number;
  regionalAlliances: number;
  organisations: number;
  organisationsByKind: { kind: OrganisationKind; count: number }[];
  agreementsSigned: number;
  meetingsHeld: number;
  releases: number;
}

/**
 * $1 asOf: the registry as it stood that day. Alliances founded by then (undated ones always),
 * organisations that existed then (organisationExistsOnSql: one of their names in force), agreements
 * binding then, meetings held by then, releases published by then. Kinds sort as the
 * organisation_kind enum declares them, which is the contract's order. Archived records count
 * nowhere; no count reads memberships, so an archived one changes nothing here.
 */
export const STATS_SQL = `
  WITH alliances AS (SELECT a.level FROM alliance a WHERE a.archived_at IS NULL AND ${existsAsOf(AllianceEntity, 'a')}),
  organisations AS (SELECT o.kind FROM organisation o WHERE o.archived_at IS NULL AND ${organisationExistsOnSql('o', AS_OF)})
  SELECT
    (SELECT count(*)::int FROM alliances) AS alliances,
    (SELECT count(*)::int FROM alliances WHERE level = 'REGIONAL') AS "regionalAlliances",
    (SELECT count(*)::int FROM organisations) AS organisations,
    (SELECT COALESCE(json_agg(json_build_object('kind', kind, 'count', n) ORDER BY kind), '[]'::json)
       FROM (SELECT kind, count(*)::int AS n FROM organisations GROUP BY kind) k) AS "organisationsByKind",
    (SELECT count(*)::int FROM agreement g WHERE ${BINDS_AS_OF}) AS "agreementsSigned",
    (SELECT count(*)::int FROM meeting m WHERE m.status = 'HELD' AND m.${MEETING_COUNTS} AND ${existsAsOf(MeetingEntity, 'm')}) AS "meetingsHeld",
    (SELECT count(*)::int FROM release r WHERE r.archived_at IS NULL AND ${existsAsOf(ReleaseEntity, 'r')}) AS releases`;
