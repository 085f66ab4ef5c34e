import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { VersionedEntity } from '../../database/versioned.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { PersonEntity } from './person.entity';

/** A person's position at an organisation over a period. */
@Entity('role')
@Check('role_period_check', `"valid_to" IS NULL OR "valid_from" IS NULL OR "valid_to" >= "valid_from"`)
export class RoleEntity extends VersionedEntity {
  @Index('role_person_idx')
  @Column({ name: 'person_id', type: 'uuid' })
  personId: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'role_person_fkey' })
  person?: PersonEntity;

  @Index('role_organisation_idx')
  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'role_organisation_fkey' })
  organisation?: OrganisationEntity;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ name: 'valid_from', type: 'date', nullable: true })
  validFrom: string | null;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;

  /**
   * The coordinator that assigned it (its token's sub); null when ministry staff did. Only a role
   * ministry staff recorded makes its person a coordinator's own (auth/policy.ts).
   */
  @Column({ name: 'created_by', type: 'varchar', length: 200, nullable: true })
  createdBy: string | null;
}
