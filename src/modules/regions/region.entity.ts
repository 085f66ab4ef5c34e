import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { RegionKind } from './region.enums';

@Entity('region')
export class RegionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 300 })
  name: string;

  @Index('region_kind_idx')
  @Column({ type: 'enum', enum: RegionKind, enumName: 'region_kind' })
  kind: RegionKind;

  @Index('region_code_key', { unique: true })
  @Column({ type: 'varchar', length: 20, nullable: true })
  code: string | null;

  @Index('region_parent_idx')
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'region_parent_fkey' })
  parent?: RegionEntity;
}
