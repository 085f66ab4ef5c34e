import { displayName } from '../people/display-name';
import { nameOnSql } from '../../database/organisation-names';
import { allianceExistsSql, currentSql, DAY, enumSql, holdsSomeDaySql, lastDaySql } from './export-sql';

/**
 * A membership in Popolo's sense: an organisation's membership of an alliance (member_type
 * "organisation", role lead or partner), or a person's role at an organisation (member_type
 * "person", role the title). Dates are inclusive: end_date is the last day it holds.
 */
export interface MembershipRow {
  id: string;
  /** The alliance, or the organisation the person holds the role at. */
  organisation_id: string;
  /** Its name as of the day. */
  organisation: string;
  member_type: 'organisation' | 'person';
  member_id: string;
  /** The member organisation's name as of the day, or the person's display name. */
  member: string;
  role: string;
  start_date: string | null;
  end_date: string | null;
  /** Whether it holds on the day. */
  current: boolean;
}

/** The columns of memberships.csv, in order. */
export const MEMBERSHIP_COLUMNS = [
  'id',
  'organisation_id',
  'organisation',
  'member_type',
  'member_id',
  'member',
  'role',
  'start_date',
  'end_date',
  'current',
] as const satisfies readonly (keyof MembershipRow)[];

/**
 * $1 the day: every period (past, current and future) of the memberships that are not archived,
 * of organisations that are not archived, in alliances that exist on the day; by alliance and
 * start. A period that holds on no day is left out.
 */
export const ALLIANCE_MEMBERSHIPS_SQL = `
  SELECT m.id, m.alliance_id AS organisation_id, a.name AS organisation, 'organisation' AS member_type,
         m.organisation_id AS member_id, ${nameOnSql('o', DAY)} AS member, ${enumSql('m.role')} AS role,
         m.joined_on AS start_date, ${lastDaySql('m.left_on')} AS end_date, ${currentSql('m.joined_on', 'm.left_on')} AS current
  FROM membership m
  JOIN alliance a ON a.id = m.alliance_id
  JOIN organisation o ON o.id = m.organisation_id
  WHERE m.archived_at IS NULL AND ${allianceExistsSql('a')} AND o.archived_at IS NULL AND ${holdsSomeDaySql('m.joined_on', 'm.left_on')}
  ORDER BY m.alliance_id, m.joined_on ASC NULLS FIRST, m.id`;

/** A role as ROLES_SQL reads it: the person's name parts instead of the display name, which is made in one place (display-name.ts). */
export type RoleRow = Omit<MembershipRow, 'member'> & { honorific_prefix: string | null; given_name: string; family_name: string };

/**
 * $1 the day: every period of the roles of people who are not archived at organisations that
 * are not archived; by organisation and start. A period that holds on no day is left out.
 */
export const ROLES_SQL = `
  SELECT r.id, r.organisation_id, ${nameOnSql('o', DAY)} AS organisation, 'person' AS member_type, r.person_id AS member_id,
         p.honorific_prefix, p.given_name, p.family_name, r.title AS role,
         r.valid_from AS start_date, ${lastDaySql('r.valid_to')} AS end_date, ${currentSql('r.valid_from', 'r.valid_to')} AS current
  FROM role r
  JOIN person p ON p.id = r.person_id
  JOIN organisation o ON o.id = r.organisation_id
  WHERE p.archived_at IS NULL AND o.archived_at IS NULL AND ${holdsSomeDaySql('r.valid_from', 'r.valid_to')}
  ORDER BY r.organisation_id, r.valid_from ASC NULLS FIRST, r.id`;

/** A role row as a membership row: the person's display name as the member. */
export function roleAsMembership({ honorific_prefix, given_name, family_name, ...role }: RoleRow): MembershipRow {
  return { ...role, member: displayName({ honorificPrefix: honorific_prefix, givenName: given_name, familyName: family_name }) };
}
