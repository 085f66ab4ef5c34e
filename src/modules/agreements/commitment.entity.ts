import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { VersionedEntity } from '../../database/versioned.entity';
import { CommitmentKind } from './agreement.enums';
import { AgreementEntity } from './agreement.entity';

@Entity('commitment')
@Index('commitment_agreement_idx', ['agreementId', 'position'])
export class CommitmentEntity extends VersionedEntity {
  @Column({ name: 'agreement_id', type: 'uuid' })
  agreementId: string;

  @ManyToOne(() => AgreementEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agreement_id', foreignKeyConstraintName: 'commitment_agreement_fkey' })
  agreement?: AgreementEntity;

  @Index('commitment_kind_idx')
  @Column({ type: 'enum', enum: CommitmentKind, enumName: 'commitment_kind' })
  kind: CommitmentKind;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  instruments: string[];

  @Column({ type: 'int' })
  position: number;
}
