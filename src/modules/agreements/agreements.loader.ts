import { Injectable } from '@nestjs/common';
import { PlainRows } from '../../database/plain-rows';
import { manyByKey, oneByKey, RequestLoaders } from '../../graphql/request-loaders';
import { AgreementPartyEntity } from './agreement-party.entity';
import { AgreementEntity } from './agreement.entity';
import { CommitmentEntity } from './commitment.entity';

const BY_ID = Symbol('agreement.byId');
const BY_ALLIANCE = Symbol('agreement.byAlliance');
const PARTIES_BY_AGREEMENT = Symbol('agreementParty.byAgreement');
const COMMITMENTS_BY_AGREEMENT = Symbol('commitment.byAgreement');

/** Newest signed first, undated drafts last. */
export const AGREEMENT_ORDER = 'signed_on DESC NULLS LAST, id DESC';

/** An agreement that leaves lists: archived ones are gone from Alliance.agreements (loader and SQL projection alike). */
export const LISTED_AGREEMENT = 'archived_at IS NULL';

/** Parties and commitments keep the order the agreement names them in. */
export const AS_NAMED = 'position ASC';

@Injectable()
export class AgreementsLoader {
  constructor(private readonly rows: PlainRows) {}

  byId(loaders: RequestLoaders) {
    return loaders.get<string, AgreementEntity | null>(BY_ID, async (ids) =>
      oneByKey(ids, await this.rows.byKeys(AgreementEntity, 'id', ids), (g) => g.id),
    );
  }

  /** The agreements (not archived) each alliance is party to, newest signed first (undated drafts last), as the agreement list orders them. */
  byAlliance(loaders: RequestLoaders) {
    return loaders.get<string, AgreementEntity[]>(BY_ALLIANCE, async (allianceIds) => {
      const agreements = await this.rows.byKeysThrough(
        AgreementEntity,
        { entity: AgreementPartyEntity, keyProperty: 'allianceId', rowProperty: 'agreementId' },
        allianceIds,
        { where: `t.${LISTED_AGREEMENT}`, orderBy: AGREEMENT_ORDER },
      );
      return manyByKey(allianceIds, agreements, (a) => a.key);
    });
  }

  /** The parties of each agreement in the order they were named. */
  partiesByAgreement(loaders: RequestLoaders) {
    return loaders.get<string, AgreementPartyEntity[]>(PARTIES_BY_AGREEMENT, async (agreementIds) =>
      manyByKey(
        agreementIds,
        await this.rows.byKeys(AgreementPartyEntity, 'agreementId', agreementIds, { orderBy: AS_NAMED }),
        (p) => p.agreementId,
      ),
    );
  }

  /** The commitments of each agreement in the order of the agreement. */
  commitmentsByAgreement(loaders: RequestLoaders) {
    return loaders.get<string, CommitmentEntity[]>(COMMITMENTS_BY_AGREEMENT, async (agreementIds) =>
      manyByKey(
        agreementIds,
        await this.rows.byKeys(CommitmentEntity, 'agreementId', agreementIds, { orderBy: AS_NAMED }),
        (c) => c.agreementId,
      ),
    );
  }
}
