import { CurrentRule, currentSql } from './relation';

/**
 * What makes a membership current on a day: its period (joinedOn to leftOn, by the one rule of
 * common/period.ts) contains the day, it is not archived, and its organisation is not archived
 * (the contract: an archived organisation is no current member anywhere until restored). The
 * relations that take `current`, Alliance.lead, the organisation list's allianceId filter and the
 * coordinator rule all ask this rule.
 */
export const CURRENT_MEMBERSHIP: CurrentRule = {
  period: ['joined_on', 'left_on'],
  also: (m) => `${listedMembershipSql(m)} AND NOT ${organisationArchivedSql(m)}`,
};

/** SQL: the membership row under the alias `m` is listed: archived ones leave every list. */
export function listedMembershipSql(m: string): string {
  return `${m}.archived_at IS NULL`;
}

/** SQL: the organisation of the membership row under the alias `m` is archived. */
function organisationArchivedSql(m: string): string {
  return `EXISTS (SELECT 1 FROM organisation member WHERE member.id = ${m}.organisation_id AND member.archived_at IS NOT NULL)`;
}

/** SQL: the membership row under the alias `m` is current on `day` (an SQL expression). */
export function currentMembershipSql(m: string, day: string): string {
  return currentSql(CURRENT_MEMBERSHIP, m, day);
}
