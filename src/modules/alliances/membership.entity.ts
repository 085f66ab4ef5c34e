import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { VersionedEntity } from '../../database/versioned.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { MembershipRole } from './alliance.enums';
import { AllianceEntity } from './alliance.entity';

/** An organisation's membership of an alliance over a period. */
@Entity('membership')
export class MembershipEntity extends VersionedEntity {
  @Index('membership_alliance_idx')
  @Column({ name: 'alliance_id', type: 'uuid' })
  allianceId: string;

  @ManyToOne(() => AllianceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'alliance_id', foreignKeyConstraintName: 'membership_alliance_fkey' })
  alliance?: AllianceEntity;

  @Index('membership_organisation_idx')
  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'membership_organisation_fkey' })
  organisation?: OrganisationEntity;

  @Column({ type: 'enum', enum: MembershipRole, enumName: 'membership_role' })
  role: MembershipRole;

  @Column({ name: 'joined_on', type: 'date', nullable: true })
  joinedOn: string | null;

  @Column({ name: 'left_on', type: 'date', nullable: true })
  leftOn: string | null;
}
