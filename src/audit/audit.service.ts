import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Page } from '../database/keyset-page';
import { AuditEventEntity } from './audit-event.entity';
import { ChangeFeedPage, readChangeFeed } from './change-feed';
import { ChangeFilter } from './change-filter.input';

/**
 * Reads the audit trail and the change feed; events are written by recordAuditEvent inside each
 * write's transaction. Who may read them (any token, never an anonymous caller: events name
 * people) is stated on the resolver's queries.
 */
@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEventEntity) private readonly events: Repository<AuditEventEntity>) {}

  trail(entityId: string): Promise<AuditEventEntity[]> {
    return this.events.find({ where: { entityId }, order: { at: 'DESC', id: 'DESC' }, take: 1000 });
  }

  changes(filter: ChangeFilter = {}, page: ChangeFeedPage): Promise<Page<AuditEventEntity>> {
    return readChangeFeed(this.events.manager, filter, page);
  }
}
