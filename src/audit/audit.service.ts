import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Actor } from '../auth/actor';
import { AuditEntry, recordAuditEvent } from './audit-log';
import { AuditEventEntity } from './audit-event.entity';

/** Reads the audit trail; events are written by recordAuditEvent inside each write's transaction. */
@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEventEntity) private readonly events: Repository<AuditEventEntity>) {}

  record(manager: EntityManager, actor: Actor, entry: AuditEntry): Promise<void> {
    return recordAuditEvent(manager, actor, entry);
  }

  trail(entityId: string): Promise<AuditEventEntity[]> {
    return this.events.find({ where: { entityId }, order: { at: 'DESC', id: 'DESC' }, take: 1000 });
  }
}
