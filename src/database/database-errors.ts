import { QueryFailedError } from 'typeorm';
import { DomainError, DomainErrorCode } from '../common/domain-error';

/** What a violated constraint means to the caller: the contract's code, the input field it is about, and why. */
export interface ConstraintMeaning {
  code: DomainErrorCode;
  field: string;
  message: string;
}

const missing = (field: string, what: string): ConstraintMeaning => ({ code: 'NOT_FOUND', field, message: `No ${what} has this id` });
const badInput = (field: string, message: string): ConstraintMeaning => ({ code: 'BAD_USER_INPUT', field, message });

/**
 * Every named constraint a write can break, by name. PostgreSQL translates its messages
 * (lc_messages), so a violation is told apart by SQLSTATE and constraint name only, never by the
 * text; test/constraints.e2e-spec.ts checks that this table names every constraint of the schema.
 */
export const CONSTRAINTS: Readonly<Record<string, ConstraintMeaning>> = {
  agreement_party_agreement_fkey: missing('agreementId', 'agreement'),
  agreement_party_alliance_fkey: missing('allianceId', 'alliance'),
  agreement_party_represented_by_fkey: missing('representedById', 'organisation'),
  agreement_party_signatory_fkey: missing('signatoryId', 'person'),
  alliance_region_fkey: missing('regionId', 'region'),
  commitment_agreement_fkey: missing('agreementId', 'agreement'),
  meeting_agreement_fkey: missing('agreementId', 'agreement'),
  meeting_alliance_fkey: missing('allianceId', 'alliance'),
  meeting_participant_meeting_fkey: missing('meetingId', 'meeting'),
  meeting_participant_person_fkey: missing('participantIds', 'person'),
  membership_alliance_fkey: missing('allianceId', 'alliance'),
  membership_organisation_fkey: missing('organisationId', 'organisation'),
  organisation_name_organisation_fkey: missing('organisationId', 'organisation'),
  organisation_region_fkey: missing('regionId', 'region'),
  region_parent_fkey: missing('parentId', 'region'),
  release_link_release_fkey: missing('releaseId', 'release'),
  release_publisher_fkey: missing('publisherId', 'organisation'),
  release_quote_person_fkey: missing('personId', 'person'),
  release_quote_release_fkey: missing('releaseId', 'release'),
  role_organisation_fkey: missing('organisationId', 'organisation'),
  role_person_fkey: missing('personId', 'person'),
  region_code_key: { code: 'CONFLICT', field: 'code', message: 'A region with this code exists already' },
  release_link_key: { code: 'CONFLICT', field: 'entityId', message: 'The release links to this record already' },
  membership_no_overlap: badInput('joinedOn', 'The organisation is a member of this alliance for part of this period already'),
  membership_one_lead: badInput('role', 'The alliance has a LEAD for part of this period already'),
  membership_period_check: badInput('leftOn', 'leftOn must not be before joinedOn'),
  role_period_check: badInput('validTo', 'validTo must not be before validFrom'),
  organisation_name_period_check: badInput('validFrom', 'A name cannot end before it begins'),
  agreement_termination_check: badInput('terminatedOn', 'terminatedOn must not be before signedOn'),
  change_proposal_decision_check: badInput(
    'status',
    'A proposal is decided exactly when it is no longer OPEN, and only a rejection has a reason',
  ),
};

/** SQLSTATE classes of a violated integrity constraint (class 23): foreign key, unique, check, exclusion. */
const CONSTRAINT_VIOLATIONS = new Set(['23503', '23505', '23514', '23P01']);

/** Values that have the wrong form or length for their column, whatever the column. */
const MALFORMED_VALUES = new Set(['22P02', '22007', '22008', '22001', '22021']);

/**
 * A database error that means the caller's input was wrong, as a domain error; null for anything
 * else (a fault an operator must see). A foreign key that names no record is how a write learns
 * that a referenced id does not exist.
 */
export function databaseErrorToDomain(error: unknown): DomainError | null {
  if (!(error instanceof QueryFailedError)) return null;
  const driver = error.driverError as { code?: string; constraint?: string; column?: string };
  if (driver.code && CONSTRAINT_VIOLATIONS.has(driver.code)) {
    const meaning = driver.constraint ? CONSTRAINTS[driver.constraint] : undefined;
    if (!meaning) return null;
    return new DomainError(meaning.code, meaning.message, { fields: [{ field: meaning.field, message: meaning.message }] });
  }
  if (driver.code === '23502') {
    const field = driver.column ? driver.column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase()) : 'input';
    return new DomainError('BAD_USER_INPUT', `${field} must not be null`, { fields: [{ field, message: `${field} must not be null` }] });
  }
  if (driver.code && MALFORMED_VALUES.has(driver.code)) return new DomainError('BAD_USER_INPUT', 'A value has the wrong form or length');
  return null;
}
