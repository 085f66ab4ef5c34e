import { Args, ID, Info, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { ROLES } from '../auth/actor';
import { Roles } from '../auth/roles.decorator';
import { PageArgs, toConnection } from '../graphql/pagination';
import { selects } from '../graphql/selection';
import { UuidPipe } from '../graphql/uuid.pipe';
import { AuditEvent, AuditEventConnection, toAuditEvent } from './audit-event.model';
import { AuditService } from './audit.service';
import { ChangeFilter } from './change-filter.input';

/**
 * Audit events name people (an actor is a token's sub), so reading them takes a token of any
 * role, also where anonymous reading is on: the guard refuses anonymous callers before any SQL,
 * and the response cache, which keeps answers per audience, never has an anonymous answer to
 * these fields to give (answers with errors are not kept).
 */
const ANY_ROLE = ROLES;

@Resolver(() => AuditEvent)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => [AuditEvent], { description: 'Every write to a record, newest first. Needs a token of any role.' })
  @Roles(...ANY_ROLE)
  async auditTrail(
    @Args('entityId', { type: () => ID, description: 'The record whose writes to list.' }, UuidPipe) entityId: string,
  ): Promise<AuditEvent[]> {
    return (await this.audit.trail(entityId)).map(toAuditEvent);
  }

  @Query(() => AuditEventConnection, {
    description:
      "The registry's change feed: every write, newest first (by time, then id), filtered and paginated. Needs a token of any role.",
  })
  @Roles(...ANY_ROLE)
  async changes(
    @Args() page: PageArgs,
    @Info() info: GraphQLResolveInfo,
    @Args('filter', { type: () => ChangeFilter, nullable: true, description: 'Which events; all given conditions must hold.' })
    filter?: ChangeFilter,
  ): Promise<AuditEventConnection> {
    const events = await this.audit.changes(filter, { ...page, count: selects(info, 'totalCount') });
    return toConnection({ ...events, items: events.items.map(({ node, cursor }) => ({ node: toAuditEvent(node), cursor })) });
  }
}
