import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganisationEntity } from './organisation.entity';

/** A name an organisation had, has or will have over a period; the latest one (which may begin on a future day) has no validTo. */
@Entity('organisation_name')
@Check('organisation_name_period_check', `"valid_to" IS NULL OR "valid_from" IS NULL OR "valid_to" >= "valid_from"`)
@Index('organisation_name_organisation_idx', ['organisationId', 'validFrom'])
// The names that begin after a day: the few organisations whose column is not their name on that day (nameOnSql).
@Index('organisation_name_begins_idx', ['validFrom'], { where: 'valid_from IS NOT NULL' })
export class OrganisationNameEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'organisation_name_organisation_fkey' })
  organisation?: OrganisationEntity;

  @Column({ type: 'varchar', length: 300 })
  name: string;

  @Column({ name: 'valid_from', type: 'date', nullable: true })
  validFrom: string | null;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo: string | null;
}
