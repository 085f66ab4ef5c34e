import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { UuidPipe } from '../graphql/uuid.pipe';
import { AuditEvent } from './audit-event.model';
import { AuditService } from './audit.service';

@Resolver(() => AuditEvent)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => [AuditEvent], { description: 'Every write to a record, newest first.' })
  async auditTrail(@Args('entityId', { type: () => ID }, UuidPipe) entityId: string): Promise<AuditEvent[]> {
    const events = await this.audit.trail(entityId);
    return events.map((event) => ({ ...event, changes: JSON.stringify(event.changes) }));
  }
}
