import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { ArchivableEntity } from '../../database/versioned.entity';
import { RegionEntity } from '../regions/region.entity';
import { OrganisationKind } from './organisation.enums';

@Entity('organisation')
export class OrganisationEntity extends ArchivableEntity {
  /** The current name; every name with its period is in organisation_name. */
  @Column({ type: 'varchar', length: 300 })
  name: string;

  @Column({ name: 'short_name', type: 'varchar', length: 300, nullable: true })
  shortName: string | null;

  @Index('organisation_kind_idx')
  @Column({ type: 'enum', enum: OrganisationKind, enumName: 'organisation_kind' })
  kind: OrganisationKind;

  @Index('organisation_region_idx')
  @Column({ name: 'region_id', type: 'uuid', nullable: true })
  regionId: string | null;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'organisation_region_fkey' })
  region?: RegionEntity;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  website: string | null;
}
