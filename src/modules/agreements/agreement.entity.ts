import { Column, Entity, Index } from 'typeorm';
import { VersionedEntity } from '../../database/versioned.entity';
import { AgreementStatus } from './agreement.enums';

@Entity('agreement')
export class AgreementEntity extends VersionedEntity {
  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Index('agreement_status_idx')
  @Column({ type: 'enum', enum: AgreementStatus, enumName: 'agreement_status' })
  status: AgreementStatus;

  @Index('agreement_signed_on_idx')
  @Column({ name: 'signed_on', type: 'date', nullable: true })
  signedOn: string | null;
}
