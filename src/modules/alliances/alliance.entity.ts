import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { ArchivableEntity } from '../../database/versioned.entity';
import { RegionEntity } from '../regions/region.entity';
import { AllianceLevel, AllianceStatus } from './alliance.enums';
import { ExistsFrom } from '../../database/day-columns';

/** As of a day before its founding (foundedOn) an alliance does not exist yet: lists, relations and counts leave it out. */
@Entity('alliance')
@ExistsFrom('founded_on')
export class AllianceEntity extends ArchivableEntity {
  @Column({ type: 'varchar', length: 300 })
  name: string;

  @Index('alliance_level_idx')
  @Column({ type: 'enum', enum: AllianceLevel, enumName: 'alliance_level' })
  level: AllianceLevel;

  @Index('alliance_status_idx')
  @Column({ type: 'enum', enum: AllianceStatus, enumName: 'alliance_status', default: AllianceStatus.ACTIVE })
  status: AllianceStatus;

  @Index('alliance_region_idx')
  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'alliance_region_fkey' })
  region?: RegionEntity;

  @Column({ name: 'founded_on', type: 'date', nullable: true })
  foundedOn: string | null;

  @Column({ type: 'text', nullable: true })
  description: string | null;
}
