import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { Actor } from '../../auth/actor';
import { assertMinistry } from '../../auth/coordinator-scope';
import { AuditService } from '../../audit/audit.service';
import { keysetPage, Page } from '../../database/keyset-page';
import { AgreementPartyEntity } from './agreement-party.entity';
import { AgreementEntity } from './agreement.entity';
import { CommitmentEntity } from './commitment.entity';
import { AgreementFilter, CreateAgreementInput } from './dto/agreement.inputs';

/** Undated drafts sort as the oldest, so the newest signed agreements lead the list. */
const UNDATED = '0001-01-01';

@Injectable()
export class AgreementsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(AgreementEntity) private readonly agreements: Repository<AgreementEntity>,
    private readonly audit: AuditService,
  ) {}

  find(id: string): Promise<AgreementEntity | null> {
    return this.agreements.findOneBy({ id });
  }

  /**
   * The alliances party to an agreement, in order; null when there is no such agreement. A write
   * passes its transaction's manager, so that its permission check reads inside the transaction.
   */
  async partyAllianceIds(agreementId: string, manager: EntityManager = this.dataSource.manager): Promise<string[] | null> {
    if (!(await manager.existsBy(AgreementEntity, { id: agreementId }))) return null;
    const parties = await manager.find(AgreementPartyEntity, { where: { agreementId }, order: { position: 'ASC' } });
    return parties.map((party) => party.allianceId);
  }

  list(filter: AgreementFilter = {}, page: { first: number; after?: string }): Promise<Page<AgreementEntity>> {
    const query = this.agreements.createQueryBuilder('g');
    if (filter.allianceId) {
      query.andWhere('g.id IN (SELECT p.agreement_id FROM agreement_party p WHERE p.alliance_id = :allianceId)', {
        allianceId: filter.allianceId,
      });
    }
    if (filter.status) query.andWhere('g.status = :status', { status: filter.status });
    if (filter.signedFrom) query.andWhere('g.signedOn >= :signedFrom', { signedFrom: filter.signedFrom });
    if (filter.signedTo) query.andWhere('g.signedOn <= :signedTo', { signedTo: filter.signedTo });
    return keysetPage(query, page, {
      expression: `COALESCE(g.signedOn, DATE '${UNDATED}')`,
      valueOf: (g) => g.signedOn ?? UNDATED,
      direction: 'DESC',
      date: true,
    });
  }

  async create(actor: Actor, input: CreateAgreementInput): Promise<AgreementEntity> {
    assertMinistry(actor, 'create agreements');
    return this.dataSource.transaction(async (manager) => {
      const agreement = await manager.save(
        manager.create(AgreementEntity, { title: input.title, status: input.status, signedOn: input.signedOn ?? null }),
      );
      const parties = input.parties.map((party, position) => ({
        agreementId: agreement.id,
        allianceId: party.allianceId,
        representedById: party.representedById ?? null,
        signatoryId: party.signatoryId ?? null,
        position,
      }));
      await manager.insert(AgreementPartyEntity, parties);
      const commitments = (input.commitments ?? []).map((commitment, position) => ({
        agreementId: agreement.id,
        kind: commitment.kind,
        description: commitment.description,
        instruments: commitment.instruments ?? [],
        position,
      }));
      if (commitments.length > 0) await manager.insert(CommitmentEntity, commitments);
      await this.audit.record(manager, actor, {
        action: 'createAgreement',
        entityType: 'Agreement',
        entityId: agreement.id,
        before: null,
        after: {
          ...agreement,
          parties: parties.map(({ allianceId, representedById, signatoryId }) => ({ allianceId, representedById, signatoryId })),
          commitments: commitments.map(({ kind, description, instruments }) => ({ kind, description, instruments })),
        },
      });
      return agreement;
    });
  }
}
