import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('audit_event')
@Index('audit_event_entity_idx', ['entityId', 'at'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** clock_timestamp(), not now(): events written in one transaction still keep their order. */
  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  at: Date;

  @Column({ type: 'varchar', length: 200 })
  actor: string;

  @Column({ type: 'varchar', length: 100 })
  action: string;

  @Column({ name: 'entity_type', type: 'varchar', length: 100 })
  entityType: string;

  @Column({ name: 'entity_id', type: 'uuid' })
  entityId: string;

  @Column({ type: 'jsonb' })
  changes: Record<string, unknown[]>;
}
