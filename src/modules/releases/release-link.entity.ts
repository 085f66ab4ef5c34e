import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { LinkedEntityType, ReleaseRelation } from './release.enums';
import { ReleaseEntity } from './release.entity';

/** A release's link to any record; entity_type says which table entity_id names. */
@Entity('release_link')
@Index('release_link_key', ['releaseId', 'entityId'], { unique: true })
@Index('release_link_entity_idx', ['entityId'])
export class ReleaseLinkEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'release_id', type: 'uuid' })
  releaseId: string;

  @ManyToOne(() => ReleaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'release_id', foreignKeyConstraintName: 'release_link_release_fkey' })
  release?: ReleaseEntity;

  @Column({ type: 'enum', enum: ReleaseRelation, enumName: 'release_relation' })
  relation: ReleaseRelation;

  @Column({ name: 'entity_type', type: 'enum', enum: LinkedEntityType, enumName: 'linked_entity_type' })
  entityType: LinkedEntityType;

  @Column({ name: 'entity_id', type: 'uuid' })
  entityId: string;

  @Column({ type: 'int' })
  position: number;
}
