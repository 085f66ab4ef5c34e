import { ByIdOptions, Relation, rowById } from '../../database/relation';
import { AgreementPartyEntity } from './agreement-party.entity';
import { AgreementEntity } from './agreement.entity';
import { CommitmentEntity } from './commitment.entity';

/**
 * What relations to agreements, their parties and commitments read, declared once
 * (database/relation.ts): the loaders' statements and the SQL projection are both built from these.
 */

/** The agreement whose id a record's `parentKey` holds. */
export const agreementOf = (parentKey: string, options: ByIdOptions = {}): Relation<AgreementEntity> =>
  rowById(AgreementEntity, parentKey, options);

/** The commitment whose id a record's `parentKey` holds. */
export const commitmentOf = (parentKey: string): Relation<CommitmentEntity> => rowById(CommitmentEntity, parentKey);

/** The agreements (not archived) an alliance is party to, newest signed first, undated drafts last, as the agreement list orders them. */
export const AGREEMENTS_OF_ALLIANCE: Relation<AgreementEntity> = {
  entity: AgreementEntity,
  parentKey: 'id',
  by: { from: 'agreement_party', key: 'alliance_id', row: 'agreement_id' },
  many: true,
  where: (g) => `${g}.archived_at IS NULL`,
  orderBy: (g) => `${g}.signed_on DESC NULLS LAST, ${g}.id DESC`,
};

/** The parties of an agreement in the order they were named. */
export const PARTIES: Relation<AgreementPartyEntity> = {
  entity: AgreementPartyEntity,
  parentKey: 'id',
  by: 'agreement_id',
  many: true,
  orderBy: (p) => `${p}.position ASC, ${p}.alliance_id ASC`,
};

/** The commitments of an agreement in the order of the agreement. */
export const COMMITMENTS: Relation<CommitmentEntity> = {
  entity: CommitmentEntity,
  parentKey: 'id',
  by: 'agreement_id',
  many: true,
  orderBy: (c) => `${c}.position ASC, ${c}.id ASC`,
};
