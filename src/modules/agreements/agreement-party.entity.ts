import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AllianceEntity } from '../alliances/alliance.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { PersonEntity } from '../people/person.entity';
import { AgreementEntity } from './agreement.entity';

/** An alliance that is party to an agreement, represented by an organisation and signed by a person. */
@Entity('agreement_party')
export class AgreementPartyEntity {
  @PrimaryColumn({ name: 'agreement_id', type: 'uuid' })
  agreementId: string;

  @ManyToOne(() => AgreementEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agreement_id', foreignKeyConstraintName: 'agreement_party_agreement_fkey' })
  agreement?: AgreementEntity;

  @Index('agreement_party_alliance_idx')
  @PrimaryColumn({ name: 'alliance_id', type: 'uuid' })
  allianceId: string;

  @ManyToOne(() => AllianceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'alliance_id', foreignKeyConstraintName: 'agreement_party_alliance_fkey' })
  alliance?: AllianceEntity;

  @Index('agreement_party_represented_by_idx')
  @Column({ name: 'represented_by_id', type: 'uuid', nullable: true })
  representedById: string | null;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'represented_by_id', foreignKeyConstraintName: 'agreement_party_represented_by_fkey' })
  representedBy?: OrganisationEntity;

  @Index('agreement_party_signatory_idx')
  @Column({ name: 'signatory_id', type: 'uuid', nullable: true })
  signatoryId: string | null;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'signatory_id', foreignKeyConstraintName: 'agreement_party_signatory_fkey' })
  signatory?: PersonEntity;

  /** The order the parties were given in. */
  @Column({ type: 'int' })
  position: number;
}
