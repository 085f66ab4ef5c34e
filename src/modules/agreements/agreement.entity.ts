import { Check, Column, Entity, Index } from 'typeorm';
import { ArchivableEntity } from '../../database/versioned.entity';
import { AgreementStatus } from './agreement.enums';
import { ComputedForDay } from '../../database/day-columns';
import { agreementStatusOnSql } from './agreement-status';

@Entity('agreement')
@Check('agreement_termination_check', `"terminated_on" IS NULL OR ("signed_on" IS NOT NULL AND "terminated_on" >= "signed_on")`)
export class AgreementEntity extends ArchivableEntity {
  @Column({ type: 'varchar', length: 300 })
  title: string;

  /** The latest status, as writes set it; reads answer the status on the day asked (agreement-status.ts). */
  @Index('agreement_status_idx')
  @Column({ type: 'enum', enum: AgreementStatus, enumName: 'agreement_status' })
  @ComputedForDay(agreementStatusOnSql)
  status: AgreementStatus;

  @Index('agreement_signed_on_idx')
  @Column({ name: 'signed_on', type: 'date', nullable: true })
  signedOn: string | null;

  /** The first day the agreement no longer binds; set by terminateAgreement. */
  @Column({ name: 'terminated_on', type: 'date', nullable: true })
  terminatedOn: string | null;
}
