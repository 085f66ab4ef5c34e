import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { ArchivableEntity } from '../../database/versioned.entity';
import { AgreementEntity } from '../agreements/agreement.entity';
import { AllianceEntity } from '../alliances/alliance.entity';
import { MeetingKind, MeetingStatus } from './meeting.enums';
import { ExistsFrom } from '../../database/day-columns';

/** As of a day before it is held (heldOn), a meeting is left out of lists, relations and counts. */
@Entity('meeting')
@ExistsFrom('held_on')
@Index('meeting_agreement_idx', ['agreementId', 'heldOn'])
@Index('meeting_alliance_idx', ['allianceId', 'heldOn'])
export class MeetingEntity extends ArchivableEntity {
  @Index('meeting_kind_idx')
  @Column({ type: 'enum', enum: MeetingKind, enumName: 'meeting_kind' })
  kind: MeetingKind;

  @Index('meeting_status_idx')
  @Column({ type: 'enum', enum: MeetingStatus, enumName: 'meeting_status' })
  status: MeetingStatus;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Index('meeting_held_on_idx')
  @Column({ name: 'held_on', type: 'date' })
  heldOn: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  location: string | null;

  @Column({ name: 'agreement_id', type: 'uuid', nullable: true })
  agreementId: string | null;

  @ManyToOne(() => AgreementEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agreement_id', foreignKeyConstraintName: 'meeting_agreement_fkey' })
  agreement?: AgreementEntity;

  @Column({ name: 'alliance_id', type: 'uuid', nullable: true })
  allianceId: string | null;

  @ManyToOne(() => AllianceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'alliance_id', foreignKeyConstraintName: 'meeting_alliance_fkey' })
  alliance?: AllianceEntity;

  @Column({ type: 'text', nullable: true })
  outcome: string | null;
}
