import { today } from '../../common/dates';
import { periodContains, periodContainsSql } from '../../common/period';
import { MembershipEntity } from './membership.entity';

/**
 * What makes a membership current on a day, in JavaScript (for the loaders' rows) and in SQL (for
 * the projection, Alliance.lead and the coordinator rule): its period contains the day, it is not
 * archived, and its organisation is not archived (the contract: an archived organisation is no
 * current member anywhere until restored). test/sql-projection.e2e-spec.ts holds both forms to
 * the same answers.
 */

/** A membership as the loaders read it: with whether its organisation is archived. */
export interface MembershipRow extends MembershipEntity {
  organisationArchived: boolean;
}

/** SQL: the membership row whose columns are prefixed `row` ('m.', or '' when unqualified) is listed: archived ones leave every list. */
export function listedMembershipSql(row: string): string {
  return `${row}archived_at IS NULL`;
}

/** SQL: the organisation of the membership row whose columns are prefixed `row` is archived. */
export function organisationArchivedSql(row: string): string {
  return `EXISTS (SELECT 1 FROM organisation member WHERE member.id = ${row}organisation_id AND member.archived_at IS NOT NULL)`;
}

/** SQL: the membership row whose columns are prefixed `row` is current on `day` (an SQL expression). */
export function currentMembershipSql(row: string, day: string): string {
  return `${listedMembershipSql(row)} AND ${periodContainsSql(`${row}joined_on`, `${row}left_on`, day)} AND NOT ${organisationArchivedSql(row)}`;
}

/** Whether the membership is current on the day; the JavaScript form of currentMembershipSql. */
export function isCurrentMembership(membership: MembershipRow, day: string): boolean {
  return membership.archivedAt === null && !membership.organisationArchived && periodContains(membership.joinedOn, membership.leftOn, day);
}

/** The memberships a `current` argument asks for: true = current today, false = the others, null/undefined = all. */
export function currentMemberships(memberships: MembershipRow[], current: boolean | null | undefined): MembershipRow[] {
  if (current === undefined || current === null) return memberships;
  const day = today();
  return memberships.filter((membership) => isCurrentMembership(membership, day) === current);
}
