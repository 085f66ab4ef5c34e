import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The change feed reads newest first, (at, id) descending, optionally by actor, entity type or
 * action: each index below hands PostgreSQL a filter's rows already in that order (read
 * backwards), so a page stops after its rows and a count reads an index alone; measured on 1.1M
 * events (issue 13). The trail of one record reads (entity_id, at), as does the alliance filter.
 */
@Entity('audit_event')
@Index('audit_event_entity_idx', ['entityId', 'at'])
@Index('audit_event_at_idx', ['at', 'id'])
@Index('audit_event_actor_idx', ['actor', 'at', 'id'])
@Index('audit_event_entity_type_idx', ['entityType', 'at', 'id'])
@Index('audit_event_action_idx', ['action', 'at', 'id'])
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
