import { AgreementStatus } from './agreement.enums';

/**
 * An agreement's status on a day, from its dates: DRAFT before signedOn, SIGNED from signedOn,
 * TERMINATED from terminatedOn (the first day it no longer binds), so that it is SIGNED exactly
 * while the half-open period from signedOn to terminatedOn holds. A DRAFT stays one on every day.
 * An end recorded without a day (before terminatedOn existed) counts on every day from signing:
 * when it ended is unknown. The status column holds the latest status (what writes check); reads
 * answer this instead (AgreementEntity.status), and the dashboards count with it.
 *
 * SQL over the agreement row under `g`, for `day` (an SQL date expression).
 */
export function agreementStatusOnSql(g: string, day: string): string {
  return `CASE WHEN ${g}.status = '${AgreementStatus.DRAFT}' OR ${g}.signed_on > ${day} THEN '${AgreementStatus.DRAFT}'
    WHEN ${g}.status = '${AgreementStatus.TERMINATED}' AND (${g}.terminated_on IS NULL OR ${g}.terminated_on <= ${day}) THEN '${AgreementStatus.TERMINATED}'
    ELSE '${AgreementStatus.SIGNED}' END`;
}
