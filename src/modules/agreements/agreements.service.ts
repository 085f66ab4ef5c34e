import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { Actor } from '../../auth/actor';
import { assertMay } from '../../auth/policy';
import { today } from '../../common/dates';
import { badInput, notFound } from '../../common/domain-error';
import { keysetPage, Page } from '../../database/keyset-page';
import { PlainRows } from '../../database/plain-rows';
import { archiveVersioned, AuditedExtras, insertAudited, restoreVersioned, writeVersioned } from '../../database/versioned-write';
import { AgreementPartyEntity } from './agreement-party.entity';
import { agreementStatusOnSql } from './agreement-status';
import { AgreementEntity } from './agreement.entity';
import { AgreementStatus } from './agreement.enums';
import { CommitmentEntity } from './commitment.entity';
import {
  AddCommitmentInput,
  AgreementFilter,
  AgreementPartyInput,
  CommitmentInput,
  CreateAgreementInput,
  SignAgreementInput,
  TerminateAgreementInput,
  UpdateAgreementInput,
  UpdateCommitmentInput,
} from './dto/agreement.inputs';

/** Undated drafts sort as the oldest, so the newest signed agreements lead the list. */
const UNDATED = '0001-01-01';

const AGREEMENT = 'Agreement';
const COMMITMENT = 'Commitment';

/** A party as the audit trail shows it. */
type PartySnapshot = Pick<AgreementPartyEntity, 'allianceId' | 'representedById' | 'signatoryId'>;

const partySnapshot = ({ allianceId, representedById, signatoryId }: AgreementPartyInput | AgreementPartyEntity): PartySnapshot => ({
  allianceId,
  representedById: representedById ?? null,
  signatoryId: signatoryId ?? null,
});

/** An archived agreement was entered by mistake: it is restored before anything about it changes. */
function assertNotArchived(agreement: AgreementEntity, field: string): void {
  if (agreement.archivedAt) throw badInput(field, 'The agreement is archived; restore it before changing it');
}

/** The lifecycle DRAFT -> SIGNED -> TERMINATED: a move from any other status is refused, naming status. */
function assertStatus(agreement: AgreementEntity, expected: AgreementStatus, move: string): void {
  if (agreement.status !== expected) {
    throw badInput('status', `Only a ${expected} agreement can be ${move}; this one is ${agreement.status}`);
  }
}

/**
 * Which new list of parties the agreement's status allows: any (of at least two, checked by the
 * input) while it is a DRAFT; the same alliances once SIGNED, because who signed is fixed and only
 * who represented and who signed for each can be corrected; none once TERMINATED, a closed record.
 */
function assertPartiesMayBecome(status: AgreementStatus, current: PartySnapshot[], next: AgreementPartyInput[]): void {
  if (status === AgreementStatus.DRAFT) return;
  if (status === AgreementStatus.TERMINATED) {
    throw badInput('parties', 'The parties of a TERMINATED agreement are closed; only its title can be corrected');
  }
  const before = new Set(current.map((party) => party.allianceId));
  if (next.length !== before.size || !next.every((party) => before.has(party.allianceId))) {
    throw badInput(
      'parties',
      'The parties of a SIGNED agreement are fixed: name the same alliances, correcting only representedById and signatoryId',
    );
  }
}

@Injectable()
export class AgreementsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(AgreementEntity) private readonly agreements: Repository<AgreementEntity>,
    private readonly rows: PlainRows,
  ) {}

  /** One agreement, archived or not, with its status on `day`. */
  async find(id: string, day: string): Promise<AgreementEntity | null> {
    const [agreement] = await this.rows.byKeys(AgreementEntity, 'id', [id], day);
    return agreement ?? null;
  }

  /**
   * Whether the alliance is a party to the agreement (false for no alliance); null when there is no
   * such agreement. A write passes its transaction's manager, to read what it sees.
   */
  async isParty(agreementId: string, allianceId: string | null, manager: EntityManager = this.dataSource.manager): Promise<boolean | null> {
    const [agreement]: { party: boolean }[] = await manager.query(
      'SELECT EXISTS (SELECT 1 FROM agreement_party p WHERE p.agreement_id = g.id AND p.alliance_id = $2) AS party FROM agreement g WHERE g.id = $1',
      [agreementId, allianceId],
    );
    return agreement ? agreement.party : null;
  }

  /** Newest signed first, with and filtered by their status on `day`. */
  list(filter: AgreementFilter = {}, page: { first: number; after?: string }, day: string): Promise<Page<AgreementEntity>> {
    const query = this.agreements.createQueryBuilder('g').setParameter('day', day);
    if (!filter.includeArchived) query.andWhere('g.archivedAt IS NULL');
    if (filter.allianceId) {
      query.andWhere('g.id IN (SELECT p.agreement_id FROM agreement_party p WHERE p.alliance_id = :allianceId)', {
        allianceId: filter.allianceId,
      });
    }
    if (filter.status) query.andWhere(`${agreementStatusOnSql('g', ':day')} = :status`, { status: filter.status });
    if (filter.signedFrom) query.andWhere('g.signedOn >= :signedFrom', { signedFrom: filter.signedFrom });
    if (filter.signedTo) query.andWhere('g.signedOn <= :signedTo', { signedTo: filter.signedTo });
    return keysetPage(
      query,
      page,
      {
        expression: `COALESCE(g.signedOn, DATE '${UNDATED}')`,
        valueOf: (g) => g.signedOn ?? UNDATED,
        direction: 'DESC',
        date: true,
      },
      day,
    );
  }

  create(actor: Actor, input: CreateAgreementInput): Promise<AgreementEntity> {
    return this.write(async (manager) => {
      await assertMay(manager, actor, 'createAgreement');
      const commitments = input.commitments ?? [];
      const agreement = await insertAudited(manager, actor, {
        entity: AgreementEntity,
        entityType: AGREEMENT,
        action: 'createAgreement',
        values: { title: input.title, status: input.status, signedOn: input.signedOn ?? null },
        audited: {
          parties: input.parties.map(partySnapshot),
          commitments: commitments.map(({ kind, description, instruments }) => ({ kind, description, instruments: instruments ?? [] })),
        },
      });
      await this.insertParties(manager, agreement.id, input.parties);
      for (const [position, commitment] of commitments.entries()) {
        await this.insertCommitment(manager, actor, 'createAgreement', agreement.id, commitment, position);
      }
      return agreement;
    });
  }

  update(actor: Actor, input: UpdateAgreementInput): Promise<AgreementEntity> {
    return this.write((manager) =>
      writeVersioned(manager, actor, {
        entity: AgreementEntity,
        entityType: AGREEMENT,
        id: input.id,
        expectedVersion: input.expectedVersion,
        action: 'updateAgreement',
        check: async (agreement) => {
          await assertMay(manager, actor, 'updateAgreement');
          assertNotArchived(agreement, 'id');
        },
        change: async (agreement) => {
          if (input.title !== undefined) agreement.title = input.title;
          if (input.parties !== undefined) return this.replaceParties(manager, agreement, input.parties);
        },
      }),
    );
  }

  sign(actor: Actor, input: SignAgreementInput): Promise<AgreementEntity> {
    return this.move(actor, input, { action: 'signAgreement', from: AgreementStatus.DRAFT, verb: 'signed' }, (agreement) => {
      agreement.status = AgreementStatus.SIGNED;
      agreement.signedOn = input.signedOn;
    });
  }

  /** terminatedOn >= signedOn is agreement_termination_check's to hold: the database answers for it, naming terminatedOn. */
  terminate(actor: Actor, input: TerminateAgreementInput): Promise<AgreementEntity> {
    return this.move(actor, input, { action: 'terminateAgreement', from: AgreementStatus.SIGNED, verb: 'terminated' }, (agreement) => {
      agreement.status = AgreementStatus.TERMINATED;
      agreement.terminatedOn = input.terminatedOn;
    });
  }

  /** One step of an agreement's life (DRAFT -> SIGNED -> TERMINATED): only from `from`, never on an archived one. */
  private move(
    actor: Actor,
    target: { id: string; expectedVersion: number },
    step: { action: 'signAgreement' | 'terminateAgreement'; from: AgreementStatus; verb: string },
    apply: (agreement: AgreementEntity) => void,
  ): Promise<AgreementEntity> {
    return this.write((manager) =>
      writeVersioned(manager, actor, {
        entity: AgreementEntity,
        entityType: AGREEMENT,
        id: target.id,
        expectedVersion: target.expectedVersion,
        action: step.action,
        check: async (agreement) => {
          await assertMay(manager, actor, step.action);
          assertNotArchived(agreement, 'id');
          assertStatus(agreement, step.from, step.verb);
        },
        change: apply,
      }),
    );
  }

  archive(actor: Actor, id: string, expectedVersion: number): Promise<AgreementEntity> {
    return this.write((manager) =>
      archiveVersioned(manager, actor, {
        entity: AgreementEntity,
        entityType: AGREEMENT,
        id,
        expectedVersion,
        check: () => assertMay(manager, actor, 'archiveAgreement'),
      }),
    );
  }

  restore(actor: Actor, id: string, expectedVersion: number): Promise<AgreementEntity> {
    return this.write((manager) =>
      restoreVersioned(manager, actor, {
        entity: AgreementEntity,
        entityType: AGREEMENT,
        id,
        expectedVersion,
        check: () => assertMay(manager, actor, 'restoreAgreement'),
      }),
    );
  }

  /**
   * One write of an agreement in its own transaction, answered as every read of today is: with
   * its status of today (a terminatedOn still to come leaves it SIGNED until then).
   */
  private write(work: (manager: EntityManager) => Promise<AgreementEntity>): Promise<AgreementEntity> {
    return this.dataSource.transaction(async (manager) => {
      const written = await work(manager);
      const [asOfToday] = await this.rows.byKeys(AgreementEntity, 'id', [written.id], today(), manager);
      return asOfToday;
    });
  }

  /**
   * A commitment after the agreement's others. The agreement is locked, so that it cannot be
   * terminated or archived meanwhile and two commitments added at once get distinct positions.
   */
  addCommitment(actor: Actor, input: AddCommitmentInput): Promise<CommitmentEntity> {
    return this.dataSource.transaction(async (manager) => {
      await assertMay(manager, actor, 'addCommitment');
      const agreement = await manager.findOne(AgreementEntity, { where: { id: input.agreementId }, lock: { mode: 'pessimistic_write' } });
      if (!agreement) throw notFound(AGREEMENT, input.agreementId, 'agreementId');
      assertNotArchived(agreement, 'agreementId');
      if (agreement.status === AgreementStatus.TERMINATED) {
        throw badInput('agreementId', 'A TERMINATED agreement takes no new commitments');
      }
      const [{ next }]: { next: number }[] = await manager.query(
        'SELECT COALESCE(max(position) + 1, 0)::int AS next FROM commitment WHERE agreement_id = $1',
        [agreement.id],
      );
      return this.insertCommitment(manager, actor, 'addCommitment', agreement.id, input, next);
    });
  }

  /** Corrects a commitment's wording in any status of its agreement; the agreement is held (FOR SHARE) so that it is not archived meanwhile. */
  updateCommitment(actor: Actor, input: UpdateCommitmentInput): Promise<CommitmentEntity> {
    return this.dataSource.transaction((manager) =>
      writeVersioned(manager, actor, {
        entity: CommitmentEntity,
        entityType: COMMITMENT,
        id: input.id,
        expectedVersion: input.expectedVersion,
        action: 'updateCommitment',
        check: async (commitment) => {
          await assertMay(manager, actor, 'updateCommitment');
          const agreement = await manager.findOneOrFail(AgreementEntity, {
            where: { id: commitment.agreementId },
            lock: { mode: 'pessimistic_read' },
          });
          assertNotArchived(agreement, 'id');
        },
        change: (commitment) => {
          if (input.description !== undefined) commitment.description = input.description;
          if (input.instruments !== undefined) commitment.instruments = input.instruments;
        },
      }),
    );
  }

  /** Replaces the parties as the agreement's status allows; the audit event shows the lists before and after. */
  private async replaceParties(manager: EntityManager, agreement: AgreementEntity, parties: AgreementPartyInput[]): Promise<AuditedExtras> {
    const current = await manager.find(AgreementPartyEntity, { where: { agreementId: agreement.id }, order: { position: 'ASC' } });
    const before = current.map(partySnapshot);
    assertPartiesMayBecome(agreement.status, before, parties);
    await manager.delete(AgreementPartyEntity, { agreementId: agreement.id });
    await this.insertParties(manager, agreement.id, parties);
    return { before: { parties: before }, after: { parties: parties.map(partySnapshot) } };
  }

  /** The parties in the order given; a reference to a missing alliance, organisation or person fails on its foreign key, naming the field. */
  private async insertParties(manager: EntityManager, agreementId: string, parties: AgreementPartyInput[]): Promise<void> {
    await manager.insert(
      AgreementPartyEntity,
      parties.map((party, position) => ({ agreementId, ...partySnapshot(party), position })),
    );
  }

  private insertCommitment(
    manager: EntityManager,
    actor: Actor,
    action: string,
    agreementId: string,
    commitment: CommitmentInput,
    position: number,
  ): Promise<CommitmentEntity> {
    return insertAudited(manager, actor, {
      entity: CommitmentEntity,
      entityType: COMMITMENT,
      action,
      values: {
        agreementId,
        kind: commitment.kind,
        description: commitment.description,
        instruments: commitment.instruments ?? [],
        position,
      },
    });
  }
}
