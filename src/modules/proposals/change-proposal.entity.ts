import { Check, Column, Entity, Index } from 'typeorm';
import { VersionedEntity } from '../../database/versioned.entity';
import { ProposalEntityType, ProposalStatus } from './proposal.enums';

/**
 * A change to a shared organisation or person, proposed by someone (usually a coordinator) and
 * written to the record only when ministry staff accept it. The record is named by type and id
 * without a foreign key, as a release link names it: the proposal belongs to this module, the
 * record to its own.
 */
@Entity('change_proposal')
@Index('change_proposal_proposed_at_idx', ['proposedAt', 'id'])
@Index('change_proposal_status_idx', ['status', 'proposedAt'])
@Index('change_proposal_entity_idx', ['entityId', 'proposedAt'])
@Index('change_proposal_proposed_by_idx', ['proposedBy', 'proposedAt'])
// Decided (by whom, when) exactly when no longer OPEN; a reason only for a rejection.
@Check(
  'change_proposal_decision_check',
  `("status" = 'OPEN') = ("decided_by" IS NULL AND "decided_at" IS NULL) AND ("reason" IS NULL OR "status" = 'REJECTED')`,
)
export class ChangeProposalEntity extends VersionedEntity {
  @Column({ name: 'entity_type', type: 'varchar', length: 100 })
  entityType: ProposalEntityType;

  @Column({ name: 'entity_id', type: 'uuid' })
  entityId: string;

  /** The record's version the change was proposed against: it is applied with this expectedVersion. */
  @Column({ name: 'base_version', type: 'int' })
  baseVersion: number;

  /** { field: value }, as the update (or rename) input of the record would take it. */
  @Column({ type: 'jsonb' })
  changes: Record<string, unknown>;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'enum', enum: ProposalStatus, enumName: 'proposal_status', default: ProposalStatus.OPEN })
  status: ProposalStatus;

  /**
   * When it was proposed, and the key of the newest-first list: kept to the millisecond, as a
   * cursor carries it (a JavaScript Date has no microseconds; created_at has them), so that paging
   * neither repeats nor skips a proposal.
   */
  @Column({ name: 'proposed_at', type: 'timestamptz', precision: 3, default: () => 'now()' })
  proposedAt: Date;

  /** The proposer's token sub: a coordinator lists and withdraws only its own proposals. */
  @Column({ name: 'proposed_by', type: 'varchar', length: 200 })
  proposedBy: string;

  /** Who closed it: the one who accepted or rejected it, or the proposer who withdrew it. */
  @Column({ name: 'decided_by', type: 'varchar', length: 200, nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  /** Why it was rejected. */
  @Column({ type: 'text', nullable: true })
  reason: string | null;
}
