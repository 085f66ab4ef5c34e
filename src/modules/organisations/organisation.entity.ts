import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { ComputedForDay } from '../../database/day-columns';
import { ArchivableEntity } from '../../database/versioned.entity';
import { RegionEntity } from '../regions/region.entity';
import { nameOnSql } from '../../database/organisation-names';
import { OrganisationKind } from './organisation.enums';

@Entity('organisation')
export class OrganisationEntity extends ArchivableEntity {
  /**
   * The column holds the latest known name: the one without an end, which may begin on a future
   * day; every write of a name keeps it so (every read relies on it, see nameOnSql). Reads
   * through PlainRows and the SQL projection answer the name in force on the day instead, from
   * organisation_name, where every name is kept with its period; a record TypeORM reads for a
   * write carries the column, and the service answers it with the name of the day.
   */
  @Column({ type: 'varchar', length: 300 })
  @ComputedForDay((alias, day) => nameOnSql(alias, day))
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

  /** The coordinator that created it (its token's sub); null when ministry staff did (auth/policy.ts). */
  @Column({ name: 'created_by', type: 'varchar', length: 200, nullable: true })
  createdBy: string | null;
}
